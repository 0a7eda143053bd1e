//! `/v1/ledger…`: the ledger for platform administrators.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::ledger::AccountKind;
use super::store;
use crate::auth::Principal;
use crate::http::{ApiError, ApiResult, path_id};
use crate::ids::LedgerTransactionId;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(trial_balance).service(get_transaction);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountBalance {
    pub account: AccountKind,
    /// The lab, vendor or expert; absent for the platform's and Stripe's accounts.
    pub owner_id: Option<String>,
    pub currency: String,
    /// Minor units; positive: debit balance, negative: credit balance.
    pub balance: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CurrencyTotals {
    pub currency: String,
    /// Sum of the debit balances.
    pub debits: i64,
    /// Sum of the credit balances (as a positive number).
    pub credits: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrialBalance {
    pub accounts: Vec<AccountBalance>,
    pub currencies: Vec<CurrencyTotals>,
    /// Debits equal credits in every currency, and every transaction balances.
    pub balanced: bool,
    pub transactions: i64,
    pub entries: i64,
}

/// Trial balance
///
/// Every account's balance, the debit and credit totals per currency, and whether the
/// ledger balances (the same check as `cadre ledger check`). Platform admins only.
#[utoipa::path(
    tag = "ledger",
    responses(
        (status = 200, description = "The trial balance", body = TrialBalance),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/ledger/trial-balance")]
async fn trial_balance(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let rows = store::balances(conn, None, None)?;
            let check = store::check(conn)?;
            let mut totals: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            let mut accounts = Vec::with_capacity(rows.len());
            for (kind, owner, currency, balance) in rows {
                let Some(account) = AccountKind::parse(&kind) else {
                    continue;
                };
                let t = totals.entry(currency.clone()).or_default();
                if balance >= 0 {
                    t.0 += balance;
                } else {
                    t.1 -= balance;
                }
                accounts.push(AccountBalance {
                    account,
                    owner_id: owner,
                    currency,
                    balance,
                });
            }
            let balanced = check.ok() && totals.values().all(|(d, c)| d == c);
            Ok(TrialBalance {
                accounts,
                currencies: totals
                    .into_iter()
                    .map(|(currency, (debits, credits))| CurrencyTotals {
                        currency,
                        debits,
                        credits,
                    })
                    .collect(),
                balanced,
                transactions: check.transactions,
                entries: check.entries,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntryView {
    pub account: AccountKind,
    pub owner_id: Option<String>,
    pub currency: String,
    /// Minor units; positive debits, negative credits.
    pub amount: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransactionView {
    pub id: LedgerTransactionId,
    pub kind: String,
    pub description: String,
    pub source_type: String,
    pub source_id: String,
    /// The transaction this one reverses.
    pub reverses: Option<String>,
    pub created_at: DateTime<Utc>,
    pub entries: Vec<EntryView>,
}

/// A ledger transaction
///
/// One transaction with its entries. Platform admins only.
#[utoipa::path(
    tag = "ledger",
    params(("transaction" = LedgerTransactionId, Path, description = "Ledger transaction id")),
    responses(
        (status = 200, description = "The transaction", body = TransactionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/ledger/transactions/{transaction}")]
async fn get_transaction(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let id: LedgerTransactionId = path_id("transaction", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let t = store::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("transaction {id} not found")))?;
            let entries = store::entries_of(conn, &t.id)?
                .into_iter()
                .filter_map(|e| {
                    Some(EntryView {
                        account: AccountKind::parse(&e.account_kind)?,
                        owner_id: e.owner_id,
                        currency: e.currency,
                        amount: e.amount,
                    })
                })
                .collect();
            Ok(TransactionView {
                id: LedgerTransactionId::from_db(t.id),
                kind: t.kind,
                description: t.description,
                source_type: t.source_type,
                source_id: t.source_id,
                reverses: t.reverses,
                created_at: crate::clock::utc(t.created_at),
                entries,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
