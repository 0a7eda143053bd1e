//! `/v1/ledger…`: the ledger for platform administrators; `/v1/time-entries`: measured
//! paid time.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ledger::AccountKind;
use super::{store, time_entries};
use crate::auth::{OrgKind, Principal};
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{ExpertId, LedgerTransactionId, OrgId, ProjectId, SliceId, TimeEntryId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(trial_balance)
        .service(get_transaction)
        .service(list_time_entries);
    super::timesheet_routes::configure(cfg);
    super::invoice_routes::configure(cfg);
    super::payout_routes::configure(cfg);
    super::webhook::configure(cfg);
}

/// A `week` query parameter: any instant of the week wanted, within years 1970–9999 (the
/// week's Monday must exist as a timestamp on both engines).
pub fn check_week(week: Option<DateTime<Utc>>) -> ApiResult<()> {
    match week {
        Some(w) if !(1970..=9999).contains(&chrono::Datelike::year(&w)) => Err(
            ApiError::bad_parameter("week", "must be a date between 1970 and 9999"),
        ),
        _ => Ok(()),
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WorkSessionView)]
pub struct SessionView {
    pub started_at: DateTime<Utc>,
    /// The last heartbeat (or the submission) of the session.
    pub last_beat_at: DateTime<Utc>,
    pub seconds: i64,
}

/// An interval of time an entry paid.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaidInterval {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimeEntryView {
    pub id: TimeEntryId,
    /// Omitted for labs, who see the pseudonymous handle only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_id: Option<ExpertId>,
    pub expert_handle: String,
    /// `assignment` (a submitted item), `assessment`, or `calibration` (a participant's
    /// part in a session); the id in `source_id`.
    pub source_type: String,
    pub source_id: String,
    /// `lab` (billed to the project's lab through the weekly timesheet), `vendor` (the
    /// vendor running a calibration session) or `platform` (assessments, platform calibration).
    pub payer_type: String,
    pub payer_org_id: Option<OrgId>,
    pub project_id: Option<ProjectId>,
    pub slice_id: SliceId,
    pub role: String,
    /// Paid seconds: the sessions' total less time another of the expert's entries already
    /// paid (`concurrent_seconds`), capped per item. An expert's time is paid once however
    /// many assignments they heartbeat at the same moment.
    pub seconds: i64,
    /// The sessions' total before the cap.
    pub measured_seconds: i64,
    /// Measured seconds of these sessions that another of the expert's entries (submitted
    /// earlier) had already paid: concurrent work, paid there and not here.
    pub concurrent_seconds: i64,
    /// The intervals this entry paid.
    pub paid_sessions: Vec<PaidInterval>,
    /// The per-item cap that applied (`routing.max_item_seconds`).
    pub cap_seconds: i64,
    /// A longer gap between heartbeats ended a session (`routing.idle_limit_secs`).
    pub idle_limit_secs: i64,
    /// How the time was measured: each work session from accept (or the heartbeat after an
    /// idle gap) to its last heartbeat or the submission.
    pub sessions: Vec<SessionView>,
    /// Monday 00:00 UTC of the timesheet week.
    pub week_start: DateTime<Utc>,
    pub worked_at: DateTime<Utc>,
    /// What paid training time paid (assessments at the platform's rate, calibration at the
    /// expert's own rate for an allowance per answered item); project time is paid through
    /// its timesheet, so null here.
    pub pay: Option<crate::money::Money>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimeEntryParams {
    /// One expert's entries (their vendor's admins, platform admins).
    pub expert: Option<ExpertId>,
    pub project: Option<ProjectId>,
    /// Any instant of the week wanted (weeks run Monday 00:00 to Monday 00:00 UTC).
    pub week: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List time entries
///
/// Paid time measured from work sessions. Experts see their own; vendor admins their
/// roster's; lab members those billed to their labs (experts by handle); platform admins
/// all.
#[utoipa::path(
    tag = "ledger",
    params(TimeEntryParams),
    responses(
        (status = 200, description = "Time entries", body = Page<TimeEntryView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, description = "`expert` names an expert the caller cannot see (or none)", body = crate::http::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/time-entries")]
async fn list_time_entries(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<TimeEntryParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    check_week(q.week)?;
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(TimeEntryId::PREFIX)?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let user = principal.user()?;
            let own = crate::experts::service::expert_id_of(conn, &principal)?;
            let labs = user.org_ids(OrgKind::Lab, false);
            let vendors = user.org_ids(OrgKind::Vendor, true);
            // Naming an expert is for those who may see them (not labs: no linking an id
            // to a handle).
            if let Some(x) = &q.expert {
                crate::experts::service::visible_expert(conn, &principal, x)?;
            }
            let rows = time_entries::list(
                conn,
                &time_entries::Scope {
                    all: user.is_platform_admin,
                    expert: own.as_deref(),
                    labs: &labs,
                    vendors: &vendors,
                },
                &time_entries::Filter {
                    expert: q.expert.as_ref().map(|e| e.as_str()),
                    project: q.project.as_ref().map(|p| p.as_str()),
                    week: q.week,
                },
                req.after.as_deref(),
                req.limit + 1,
            )?;
            Page::try_from_rows(
                rows,
                &req,
                |r| r.id.clone(),
                |r| -> ApiResult<_> {
                    let e = crate::experts::find_expert(conn, &r.expert_id)?;
                    let identity = user.is_platform_admin
                        || own.as_deref() == Some(r.expert_id.as_str())
                        || r.vendor_org_id
                            .as_ref()
                            .is_some_and(|v| vendors.contains(v));
                    let sessions: Vec<[DateTime<Utc>; 2]> =
                        crate::db::stored_json("time_entries.sessions", &r.sessions)?;
                    let paid: Vec<[DateTime<Utc>; 2]> =
                        crate::db::stored_json("time_entries.paid_sessions", &r.paid_sessions)?;
                    Ok(TimeEntryView {
                        id: TimeEntryId::from_db(r.id),
                        expert_id: identity.then(|| ExpertId::from_db(r.expert_id.clone())),
                        expert_handle: e.map(|e| e.handle).unwrap_or_default(),
                        source_type: r.source_type,
                        source_id: r.source_id,
                        payer_type: r.payer_type,
                        payer_org_id: r.payer_org_id.map(OrgId::from_db),
                        project_id: r.project_id.map(ProjectId::from_db),
                        slice_id: SliceId::from_db(r.slice_id),
                        role: r.role,
                        seconds: r.seconds,
                        measured_seconds: r.measured_seconds,
                        concurrent_seconds: r.concurrent_seconds,
                        paid_sessions: paid
                            .into_iter()
                            .map(|[from, to]| PaidInterval { from, to })
                            .collect(),
                        cap_seconds: r.cap_seconds,
                        idle_limit_secs: r.idle_limit_secs,
                        sessions: sessions
                            .into_iter()
                            .map(|[a, b]| SessionView {
                                started_at: a,
                                last_beat_at: b,
                                seconds: (b - a).num_seconds().max(0),
                            })
                            .collect(),
                        week_start: crate::clock::utc(r.week_start),
                        worked_at: crate::clock::utc(r.worked_at),
                        pay: match (r.pay_minor, r.pay_currency) {
                            (Some(amount_minor), Some(currency)) => Some(crate::money::Money {
                                amount_minor,
                                currency,
                            }),
                            _ => None,
                        },
                    })
                },
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
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
            let t = store::find_transaction(conn, id.as_str())?
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
