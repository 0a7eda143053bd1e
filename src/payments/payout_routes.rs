//! `/v1/payouts…` (experts their own; platform admins all, run payouts and settle manual
//! ones), `/v1/experts/me/payout-account` (Stripe Connect onboarding) and
//! `/v1/experts/me/earnings` (what the expert is owed and has been paid).

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::invoice_routes::MarkPaid;
use super::ledger::AccountKind;
use super::payouts::{self, PayoutRow, RunReport};
use super::store::payout_accounts::{self, AccountRow};
use super::store::payouts::{self as payouts_store, PayoutFilter};
use super::store::{self as ledger_store, timesheets as sheets_store};
use super::stripe::CallError;
use crate::audit::Actor;
use crate::auth::Principal;
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Json, Query, path_id};
use crate::ids::{ExpertId, PayoutId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_payouts)
        .service(get_payout)
        .service(run_payouts)
        .service(mark_payout_paid)
        .service(get_payout_account)
        .service(create_payout_account)
        .service(my_earnings);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PayoutView {
    pub id: PayoutId,
    pub expert_id: ExpertId,
    pub currency: String,
    pub amount_minor: i64,
    /// `stripe` (a Connect transfer) or `manual` (settled outside Cadre).
    pub method: String,
    /// `pending`, `submitted` (transfer made), `paid` (confirmed), `failed`.
    pub status: String,
    pub stripe_transfer_id: Option<String>,
    /// Sent with every attempt of the transfer (platform admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// The failed payout this one pays again.
    pub retry_of: Option<PayoutId>,
    pub created_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub paid_reference: Option<String>,
}

/// What an expert is told when the payments provider fails; its own text is only logged.
const PROVIDER_UNAVAILABLE: &str = "the payments provider is unavailable; try again later";

fn view(p: PayoutRow, admin: bool) -> PayoutView {
    PayoutView {
        id: PayoutId::from_db(p.id),
        expert_id: ExpertId::from_db(p.expert_id),
        currency: p.currency,
        amount_minor: p.amount_minor,
        method: p.method,
        status: p.status,
        stripe_transfer_id: p.stripe_transfer_id,
        idempotency_key: admin.then_some(p.idempotency_key),
        attempts: p.attempts,
        // The provider's raw text is for platform admins only.
        last_error: if admin {
            p.last_error
        } else {
            p.last_error
                .map(|_| "the payments provider could not make this transfer".to_owned())
        },
        retry_of: p.retry_of.map(PayoutId::from_db),
        created_at: crate::clock::utc(p.created_at),
        submitted_at: p.submitted_at.map(crate::clock::utc),
        paid_at: p.paid_at.map(crate::clock::utc),
        failed_at: p.failed_at.map(crate::clock::utc),
        paid_reference: p.paid_reference,
    }
}

fn is_admin(principal: &Principal) -> bool {
    matches!(principal, Principal::User(u) if u.is_platform_admin)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PayoutParams {
    /// `pending`, `submitted`, `paid` or `failed`.
    #[param(pattern = "^(pending|submitted|paid|failed)$")]
    pub status: Option<String>,
    /// One expert's payouts (platform admins).
    pub expert: Option<ExpertId>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List payouts
///
/// Oldest first. Experts see their own; platform admins all.
#[utoipa::path(
    tag = "payments",
    params(PayoutParams),
    responses(
        (status = 200, description = "Payouts", body = Page<PayoutView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/payouts")]
async fn list_payouts(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<PayoutParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    if let Some(s) = &q.status
        && !matches!(s.as_str(), "pending" | "submitted" | "paid" | "failed")
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be pending, submitted, paid or failed",
        ));
    }
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(PayoutId::PREFIX)?;
    principal.user()?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let admin = is_admin(&principal);
            let mut filter = PayoutFilter::default();
            if !admin {
                let own = crate::experts::service::expert_id_of(conn, &principal)?;
                if own.is_none() && !principal.user()?.is_expert {
                    return Err(ApiError::forbidden(
                        "only experts and platform administrators have payouts",
                    ));
                }
                // An expert without a profile yet has no payouts.
                filter.owner = Some(own.unwrap_or_default());
            }
            filter.expert = q.expert.as_ref().map(|e| e.as_str().to_owned());
            filter.status = q.status.clone();
            let rows = payouts_store::list(conn, filter, &req)?;
            Ok(Page::from_rows(
                rows,
                &req,
                |r| r.id.clone(),
                |r| view(r, admin),
            ))
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

fn visible(conn: &mut DbConn, principal: &Principal, id: &PayoutId) -> ApiResult<PayoutRow> {
    let not_found = || ApiError::not_found(format!("payout {id} not found"));
    let p = payouts::find(conn, id.as_str())?.ok_or_else(not_found)?;
    if is_admin(principal)
        || crate::experts::service::expert_id_of(conn, principal)?.is_some_and(|e| e == p.expert_id)
    {
        Ok(p)
    } else {
        Err(not_found())
    }
}

/// A payout
#[utoipa::path(
    tag = "payments",
    params(("payout" = PayoutId, Path, description = "Payout id")),
    responses(
        (status = 200, description = "The payout", body = PayoutView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/payouts/{payout}")]
async fn get_payout(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: PayoutId = path_id("payout", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let admin = is_admin(&principal);
            Ok(view(visible(conn, &principal, &id)?, admin))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Run payouts now
///
/// Platform admins pay every approved, unpaid amount now (the scheduled run does it every
/// `payments.payout_interval_days`): Stripe transfers to experts' connected accounts, or
/// manual payouts without Stripe. Safe to repeat and to run concurrently.
#[utoipa::path(
    tag = "payments",
    responses(
        (status = 200, description = "What the run did", body = RunReport),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[post("/payouts/run")]
async fn run_payouts(state: web::Data<AppState>, principal: Principal) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let report = payouts::run(&state.db, &state.clock, state.stripe.as_ref()).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Mark a manual payout paid
///
/// Platform admins record that a manual payout (no Stripe) was settled; the ledger moves
/// the expert's payable out of cash.
#[utoipa::path(
    tag = "payments",
    params(("payout" = PayoutId, Path, description = "Payout id")),
    request_body = MarkPaid,
    responses(
        (status = 200, description = "Paid", body = PayoutView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/payouts/{payout}/mark-paid")]
async fn mark_payout_paid(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<MarkPaid>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let id: PayoutId = path_id("payout", &path)?;
    let reference = body.into_inner().reference.trim().to_owned();
    let now = state.now();
    let actor = Actor::of(&principal);
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let p = visible(conn, &principal, &id)?;
            payouts::mark_paid(conn, now, &actor, &p, &reference)?;
            let p = payouts::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("payout vanished")))?;
            Ok(view(p, true))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PayoutAccountView {
    /// `stripe`, or `manual` when this installation settles payouts outside Cadre.
    pub method: String,
    pub stripe_account_id: Option<String>,
    pub details_submitted: bool,
    /// Stripe can pay this account; payouts wait until it can.
    pub payouts_enabled: bool,
    /// What Stripe still needs from the expert.
    pub requirements_due: Vec<String>,
    /// The latest bank payout Stripe reported (`paid` or `failed`).
    pub last_bank_payout_status: Option<String>,
    /// A fresh onboarding link (only in the answer to `POST`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onboarding_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onboarding_url_expires_at: Option<DateTime<Utc>>,
}

fn account_view(
    stripe: bool,
    row: Option<AccountRow>,
) -> Result<PayoutAccountView, crate::db::CorruptData> {
    Ok(match row {
        Some((id, details, enabled, due, last)) => PayoutAccountView {
            method: "stripe".into(),
            stripe_account_id: Some(id),
            details_submitted: details,
            payouts_enabled: enabled,
            requirements_due: crate::db::stored_json("payout_accounts.requirements_due", &due)?,
            last_bank_payout_status: last,
            onboarding_url: None,
            onboarding_url_expires_at: None,
        },
        None => PayoutAccountView {
            method: if stripe { "stripe" } else { "manual" }.into(),
            stripe_account_id: None,
            details_submitted: false,
            payouts_enabled: false,
            requirements_due: Vec::new(),
            last_bank_payout_status: None,
            onboarding_url: None,
            onboarding_url_expires_at: None,
        },
    })
}

/// What connecting a payout account starts from.
enum Connect {
    /// The expert's Stripe account, opened earlier.
    Existing(String),
    /// None yet: one is opened in this country.
    New { country: String },
}

async fn own_expert(state: &AppState, principal: Principal) -> ApiResult<String> {
    state
        .db
        .read(move |conn| -> ApiResult<_> {
            crate::experts::service::expert_id_of(conn, &principal)?
                .ok_or_else(|| ApiError::forbidden("only experts have payout accounts"))
        })
        .await
}

/// My payout account
///
/// The expert's Stripe Connect account status (from Stripe's `account.updated` events).
#[utoipa::path(
    tag = "payments",
    responses(
        (status = 200, description = "The payout account", body = PayoutAccountView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/experts/me/payout-account")]
async fn get_payout_account(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    principal.user()?;
    let expert = own_expert(&state, principal).await?;
    let stripe = state.stripe.is_some();
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            Ok(account_view(stripe, payout_accounts::find(conn, &expert)?)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Connect a payout account
///
/// Creates the expert's Stripe Express account on first use, in the country of their
/// profile, and returns a fresh, single-use onboarding link (Stripe-hosted) to finish or
/// update it. 403 while the account's e-mail address is unconfirmed (an unverified
/// account cannot be paid); 409 when this installation settles payouts manually (no
/// Stripe) or Stripe refused to set the account up; 422 naming `country` when the
/// profile's country is not one Stripe Connect opens accounts in here
/// (`payments.stripe.connect_countries`); 503 when the payments provider is unavailable
/// or misconfigured (its own words go to the server log only).
#[utoipa::path(
    tag = "payments",
    responses(
        (status = 200, description = "The account with an onboarding link", body = PayoutAccountView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 503, response = crate::http::ServiceUnavailable),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/payout-account")]
async fn create_payout_account(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?;
    if !user.email_verified {
        return Err(ApiError::forbidden(
            "an unverified account cannot be paid: confirm your e-mail address first",
        ));
    }
    let email = user.email.clone();
    let actor = Actor::of(&principal);
    // Who may ask comes before what this instance can do.
    let expert = own_expert(&state, principal).await?;
    let Some(stripe) = state.stripe.clone() else {
        return Err(ApiError::conflict(
            "payouts are settled manually here (Stripe is not configured)",
        ));
    };
    let (e, s) = (expert.clone(), stripe.clone());
    // The existing account, or the country a new one is opened in (Stripe fixes an
    // account's country at creation, so it is checked only then).
    let existing = state
        .db
        .read(move |conn| -> ApiResult<_> {
            Ok(match payout_accounts::find(conn, &e)? {
                Some(r) => Connect::Existing(r.0),
                None => Connect::New {
                    country: payouts::account_country(conn, &s, &e)?,
                },
            })
        })
        .await?;
    // Stripe's own words go to the log, never to the expert.
    let unavailable = |e: CallError| match e {
        CallError::Refused(_) => {
            tracing::warn!(error = %e, "Stripe call for a payout account failed");
            ApiError::conflict(
                "the payments provider could not set up a payout account; contact support",
            )
        }
        CallError::Uncertain(_) => {
            tracing::warn!(error = %e, "Stripe call for a payout account failed");
            ApiError::unavailable(PROVIDER_UNAVAILABLE)
        }
        CallError::Configuration(_) => {
            super::stripe::log_configuration_error(&e, "opening an expert's payout account");
            ApiError::unavailable(PROVIDER_UNAVAILABLE)
        }
    };
    let account = match existing {
        Connect::Existing(account) => account,
        Connect::New { country } => {
            // Idempotent per expert: a retry after a lost answer gets the same account.
            let a = stripe
                .create_account(&expert, &email, &country)
                .await
                .map_err(unavailable)?;
            let now = state.now();
            let e = expert.clone();
            let id = a.id.clone();
            state
                .db
                .write(move |conn| -> ApiResult<_> {
                    if payout_accounts::insert_if_absent(conn, &e, &a, now.naive_utc())? {
                        crate::audit::record(
                            conn,
                            now,
                            &actor,
                            crate::audit::Entry {
                                action: "expert.payout_account_created",
                                org_id: None,
                                subject_type: "expert",
                                subject_id: Some(&e),
                                details: serde_json::json!({
                                    "stripe_account_id": a.id,
                                    "country": country,
                                }),
                            },
                        )?;
                    }
                    Ok(())
                })
                .await?;
            id
        }
    };
    let base = state.settings.http.public_url.clone();
    let (url, expires) = stripe
        .onboarding_link(
            &account,
            &crate::state::public_link(&base, "/payout-account?refresh=1"),
            &crate::state::public_link(&base, "/payout-account?done=1"),
        )
        .await
        .map_err(unavailable)?;
    let e = expert.clone();
    let stripe_on = true;
    let mut v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            Ok(account_view(stripe_on, payout_accounts::find(conn, &e)?)?)
        })
        .await?;
    v.onboarding_url = Some(url);
    v.onboarding_url_expires_at = DateTime::from_timestamp(expires, 0);
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CurrencyEarnings {
    pub currency: String,
    /// Approved and not yet in a payout.
    pub payable_minor: i64,
    /// In payouts not yet confirmed (pending or submitted).
    pub in_payouts_minor: i64,
    /// Paid out so far.
    pub paid_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WeekEarnings {
    pub week_start: DateTime<Utc>,
    pub currency: String,
    pub seconds: i64,
    /// Approved pay of the week, with any pay-floor top-up.
    pub pay_minor: i64,
    pub floor_top_up_minor: i64,
    /// Pay per hour worked over the week's approved timesheets.
    pub effective_hourly_minor: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Earnings {
    pub balances: Vec<CurrencyEarnings>,
    /// The latest 26 weeks with approved timesheets, newest first.
    pub weeks: Vec<WeekEarnings>,
}

/// My earnings
///
/// What the expert is owed, what is on its way and what was paid, per currency; and the
/// effective hourly pay of each week with approved timesheets.
#[utoipa::path(
    tag = "payments",
    responses(
        (status = 200, description = "Earnings", body = Earnings),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/experts/me/earnings")]
async fn my_earnings(state: web::Data<AppState>, principal: Principal) -> ApiResult<HttpResponse> {
    principal.user()?;
    let expert = own_expert(&state, principal).await?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let mut balances: Vec<CurrencyEarnings> =
                ledger_store::balances(conn, Some(AccountKind::ExpertPayable), Some(&expert))?
                    .into_iter()
                    .map(|(_, _, currency, b)| CurrencyEarnings {
                        currency,
                        payable_minor: -b,
                        in_payouts_minor: 0,
                        paid_minor: 0,
                    })
                    .collect();
            let rows = payouts_store::amounts_of_expert(conn, &expert)?;
            for (currency, status, amount) in rows {
                let i = match balances.iter().position(|b| b.currency == currency) {
                    Some(i) => i,
                    None => {
                        balances.push(CurrencyEarnings {
                            currency: currency.clone(),
                            payable_minor: 0,
                            in_payouts_minor: 0,
                            paid_minor: 0,
                        });
                        balances.len() - 1
                    }
                };
                let b = &mut balances[i];
                match status.as_str() {
                    // Not yet posted: still in the payable balance, but on its way.
                    "pending" => {
                        b.in_payouts_minor += amount;
                        b.payable_minor -= amount;
                    }
                    "submitted" => b.in_payouts_minor += amount,
                    "paid" => b.paid_minor += amount,
                    _ => {}
                }
            }
            let sheets = sheets_store::approved_of_expert(conn, &expert)?;
            let mut weeks: Vec<WeekEarnings> = Vec::new();
            for sheets_store::ApprovedWeek {
                id,
                week_start: week,
                currency,
                floor_top_up_minor: top_up,
            } in sheets
            {
                let lines = super::timesheets::lines_of(conn, &id)?;
                let secs: i64 = lines.iter().map(super::timesheets::LineRow::seconds).sum();
                let pay: i64 = lines.iter().filter_map(|l| l.pay_minor).sum::<i64>() + top_up;
                let week_start = crate::clock::utc(week);
                let at = weeks
                    .iter()
                    .position(|w| w.week_start == week_start && w.currency == currency);
                match at {
                    Some(i) => {
                        let w = &mut weeks[i];
                        w.seconds += secs;
                        w.pay_minor += pay;
                        w.floor_top_up_minor += top_up;
                    }
                    None if weeks.len() < 26 => weeks.push(WeekEarnings {
                        week_start,
                        currency,
                        seconds: secs,
                        pay_minor: pay,
                        floor_top_up_minor: top_up,
                        effective_hourly_minor: None,
                    }),
                    None => {}
                }
            }
            for w in &mut weeks {
                w.effective_hourly_minor = super::amounts::effective_hourly(w.pay_minor, w.seconds);
            }
            Ok(Earnings { balances, weeks })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
