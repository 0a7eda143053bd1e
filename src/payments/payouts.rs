//! Payouts (docs/adr/0002-money-rules-and-double-entry-ledger.md): an expert's approved, unpaid
//! pay (their `expert_payable` balance) goes out per currency as one payout.
//!
//! With Stripe, a payout is a Connect transfer to the expert's connected account:
//!
//! ```text
//!  pending ──transfer created──▶ submitted ──transfer.created──▶ paid
//!     │                              │                             │
//!     └──refused by Stripe──▶ failed ◀──────transfer.reversed──────┘
//! ```
//!
//! * The run first *plans* under the payments lock: for each expert and currency with
//!   money owed beyond what an unsent payout already holds it creates a `pending` payout
//!   (at most one per expert and currency, enforced by a unique index) whose idempotency
//!   key is derived from its id.
//! * Then it *sends* each pending payout: it claims it (a lease, so two runs never send
//!   one payout at once), creates the transfer with the payout's idempotency key, and
//!   records `submitted` with the transfer id, posting `payout_sent` to the ledger (once
//!   per payout). If the outcome is unknown (a network error, a 5xx, a run that died), the
//!   payout stays `pending` and the next run sends it again with the same key, so Stripe
//!   answers with the transfer it already made and nothing is paid twice.
//! * Stripe's `transfer.created` webhook confirms the transfer (`paid`); it also settles a
//!   payout whose run died before recording the answer (found by the payout id in the
//!   transfer's metadata). `transfer.reversed` fails it: the ledger posting is reversed,
//!   the amount is payable again, and the next run pays it as a new payout (`retry_of`).
//!
//! Without Stripe (the embedded default) a run records `manual` payouts for settlement
//! outside Cadre; a platform admin marks each paid, which posts it.

use chrono::{DateTime, Duration, Utc};
use diesel::QueryResult;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::ledger::{self, AccountKind};
use super::store::payouts::{self as store, NewPayout};
use super::store::{self as ledger_store, Source};
use super::stripe::{CallError, StripeApi};
use crate::audit::{Actor, Entry};
use crate::clock::SharedClock;
use crate::db::{Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::ids::PayoutId;

pub use super::store::payouts::{PayoutRow, find};

/// How long a run holds a payout while it sends the transfer.
pub const CLAIM_SECS: i64 = 300;

/// A run that left payouts with an unknown outcome runs again this much later.
pub const RETRY_SECS: i64 = 600;

/// What a run did.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct RunReport {
    /// Payouts created by this run.
    pub created: Vec<String>,
    /// Transfers Stripe confirmed to this run (now `submitted`).
    pub submitted: Vec<String>,
    /// Payouts Stripe refused (now `failed`; their amount is payable again).
    pub failed: Vec<String>,
    /// Payouts whose transfer had an unknown outcome; the next run sends them again with
    /// the same idempotency key.
    pub retrying: Vec<String>,
    /// Experts owed money who have no payout account that can receive it yet.
    pub waiting_for_account: Vec<String>,
    /// Experts owed money whose account's e-mail address is not confirmed: an unverified
    /// account is not paid (README, Security model); the money waits for them.
    pub waiting_for_verification: Vec<String>,
    /// Payouts this run did not send because Stripe refused Cadre's API key (they stay
    /// `pending`; the next run after the key is fixed sends them).
    pub not_sent: Vec<String>,
    /// Set when Stripe refused Cadre's API key (HTTP 401 or 403): a configuration error
    /// for the operators. Stripe's own message is in the server log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stripe_configuration_error: Option<String>,
}

/// What a run reports when Stripe refuses Cadre's API key.
const CONFIGURATION_ERROR: &str = "Stripe refused the configured API key: \
    payments.stripe.secret_key is wrong, revoked or lacks a permission. No transfer was \
    sent; the server log has Stripe's message.";

/// Owed per (expert, currency): the payable balance (credits are negative) minus what
/// unsent payouts already hold.
fn owed(conn: &mut DbConn) -> QueryResult<Vec<(String, String, i64)>> {
    let balances = ledger_store::balances(conn, Some(AccountKind::ExpertPayable), None)?;
    let mut out = Vec::new();
    for (_, owner, currency, balance) in balances {
        let Some(expert) = owner else { continue };
        let pending = store::pending_amounts(conn, &expert, &currency)?;
        let due = -balance - pending.iter().sum::<i64>();
        if due > 0 && pending.is_empty() {
            out.push((expert, currency, due));
        }
    }
    Ok(out)
}

/// Plans a run: creates the pending payouts. Serialised by the payments lock.
fn plan(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    stripe: bool,
    report: &mut RunReport,
) -> AppResult<()> {
    super::store::lock::take(conn)?;
    for (expert, currency, amount) in owed(conn)? {
        let verified = match crate::experts::find_expert(conn, &expert)? {
            Some(e) => crate::auth::find_user(conn, &e.user_id)?
                .is_some_and(|u| u.email_verified_at.is_some()),
            None => false,
        };
        if !verified {
            report.waiting_for_verification.push(expert);
            continue;
        }
        let account = super::store::payout_accounts::receiving(conn, &expert)?;
        let (method, account) = match (stripe, account) {
            (false, _) => ("manual", None),
            (true, Some((acct, true))) => ("stripe", Some(acct)),
            (true, _) => {
                report.waiting_for_account.push(expert);
                continue;
            }
        };
        let retry_of = store::latest_failed(conn, &expert, &currency)?;
        let id = PayoutId::new(now).into_string();
        store::insert_pending(
            conn,
            &NewPayout {
                id: &id,
                expert_id: &expert,
                currency: &currency,
                amount_minor: amount,
                method,
                stripe_account_id: account.as_deref(),
                // Derived from the payout: every attempt of this transfer sends the same key.
                idempotency_key: &format!("cadre-payout-{id}"),
                retry_of: retry_of.as_deref(),
                created_at: now.naive_utc(),
            },
        )?;
        audit(
            conn,
            now,
            &Actor::system(),
            &id,
            "payout.created",
            json!({"amount_minor": amount, "currency": currency, "method": method}),
        )?;
        report.created.push(id);
    }
    Ok(())
}

fn audit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    payout: &str,
    action: &str,
    details: serde_json::Value,
) -> QueryResult<()> {
    crate::audit::record(
        conn,
        now,
        actor,
        Entry {
            action,
            org_id: None,
            subject_type: "payout",
            subject_id: Some(payout),
            details,
        },
    )
}

/// Posts the payout's movement (once per payout) and returns the transaction id.
fn post(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    p: &PayoutRow,
    by: Option<&str>,
) -> AppResult<String> {
    let posted = ledger_store::post(
        conn,
        now,
        &ledger::payout_sent(p.amount_minor, &p.currency, &p.expert_id),
        &format!("payout {}", p.id),
        &Source {
            kind: "payout",
            id: &p.id,
        },
        by,
    )?;
    Ok(posted.id().to_owned())
}

/// The transfer exists at Stripe: pending → submitted (posting the payout). False when the
/// payout had already moved on.
pub fn record_submitted(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    p: &PayoutRow,
    transfer: &str,
) -> AppResult<bool> {
    // Leaving `pending` while posting changes what a plan computes as owed; the payments
    // lock keeps a concurrent plan from reading the one without the other.
    super::store::lock::take(conn)?;
    let t = now.naive_utc();
    let n = store::set_submitted(conn, &p.id, transfer, t)?;
    if n == 0 {
        return Ok(false);
    }
    let tx = post(conn, now, p, None)?;
    store::set_ledger_transaction(conn, &p.id, &tx)?;
    audit(
        conn,
        now,
        &Actor::system(),
        &p.id,
        "payout.submitted",
        json!({"transfer": transfer}),
    )?;
    Ok(true)
}

/// Stripe confirmed the transfer (`transfer.created`): → paid, recording it first if the
/// run that made it died before it could.
pub fn confirm_transfer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    payout: &str,
    transfer: &str,
    amount: i64,
    currency: &str,
) -> AppResult<&'static str> {
    let Some(p) = find(conn, payout)? else {
        return Ok("unknown payout");
    };
    if p.amount_minor != amount || !p.currency.eq_ignore_ascii_case(currency) {
        tracing::error!(payout = %p.id, transfer, amount, currency, "transfer does not match its payout");
        return Err(AppError::conflict(format!(
            "transfer {transfer} ({amount} {currency}) does not match payout {} ({} {})",
            p.id, p.amount_minor, p.currency
        )));
    }
    if p.stripe_transfer_id
        .as_deref()
        .is_some_and(|t| t != transfer)
    {
        tracing::error!(payout = %p.id, recorded = ?p.stripe_transfer_id, transfer, "a second transfer for one payout");
        return Err(AppError::conflict(format!(
            "payout {} was paid by transfer {}, not {transfer}; reverse the extra transfer in Stripe",
            p.id,
            p.stripe_transfer_id.as_deref().unwrap_or_default()
        )));
    }
    if p.status == "pending" {
        record_submitted(conn, now, &p, transfer)?;
    }
    let n = store::set_transfer_paid(conn, &p.id, transfer, now.naive_utc())?;
    if n == 1 {
        audit(
            conn,
            now,
            &Actor::system(),
            &p.id,
            "payout.paid",
            json!({"transfer": transfer}),
        )?;
        Ok("paid")
    } else {
        Ok("already settled")
    }
}

/// A transfer was reversed (`transfer.reversed`) or Stripe refused it: a payout in one of
/// `from` fails, its posting (if any) is reversed, and the amount is payable again for the
/// next run. The posting is looked up by its source after the update, never taken from a
/// row read earlier, so a concurrent `transfer.created` cannot slip past the reversal.
pub fn fail(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    p: &PayoutRow,
    error: &str,
    from: &[&str],
) -> AppResult<bool> {
    let n = store::set_failed(conn, &p.id, from, error, now.naive_utc())?;
    if n == 0 {
        return Ok(false);
    }
    if let Some(tx) = ledger_store::find_by_source(
        conn,
        "payout_sent",
        &Source {
            kind: "payout",
            id: &p.id,
        },
    )? {
        ledger_store::reverse(
            conn,
            now,
            &tx,
            &format!("payout {} failed: {error}", p.id),
            None,
        )?;
    }
    audit(
        conn,
        now,
        &Actor::system(),
        &p.id,
        "payout.failed",
        json!({"error": error}),
    )?;
    Ok(true)
}

/// A platform admin records a manual payout as settled.
pub fn mark_paid(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    p: &PayoutRow,
    reference: &str,
) -> AppResult<()> {
    if p.method != "manual" {
        return Err(AppError::conflict(
            "this payout goes through Stripe; its status comes from Stripe",
        ));
    }
    super::store::lock::take(conn)?;
    let n = store::set_manually_paid(conn, &p.id, reference, actor.id.as_deref(), now.naive_utc())?;
    if n == 0 {
        return Err(AppError::conflict(format!(
            "the payout is already {}",
            p.status
        )));
    }
    let tx = post(conn, now, p, actor.id.as_deref())?;
    store::set_ledger_transaction(conn, &p.id, &tx)?;
    audit(
        conn,
        now,
        actor,
        &p.id,
        "payout.paid",
        json!({"reference": reference}),
    )?;
    Ok(())
}

/// The country an expert's Express account is opened in: the country of their profile,
/// when Stripe Connect opens accounts there (`payments.stripe.connect_countries`);
/// otherwise the expert is refused with a 422 naming their profile's `country`.
pub fn account_country(conn: &mut DbConn, stripe: &StripeApi, expert: &str) -> AppResult<String> {
    let e = crate::experts::find_expert(conn, expert)?
        .ok_or_else(|| AppError::not_found(format!("expert {expert} not found")))?;
    if stripe.opens_accounts_in(&e.country) {
        Ok(e.country)
    } else {
        Err(AppError::invalid_field(
            "country",
            format!(
                "must be a country in which payout accounts can be opened here ({}); `{}` is \
                 not, so this account cannot be paid through Stripe: contact support",
                stripe.connect_countries().join(", "),
                e.country
            ),
        ))
    }
}

/// Claims a pending Stripe payout for sending; None when another run holds it or it moved.
fn claim(conn: &mut DbConn, now: DateTime<Utc>, id: &str) -> QueryResult<Option<PayoutRow>> {
    let t = now.naive_utc();
    let n = store::claim(conn, id, t, t + Duration::seconds(CLAIM_SECS))?;
    if n == 1 { find(conn, id) } else { Ok(None) }
}

/// Runs a payout run: plan, then send every pending Stripe payout (including those left
/// by earlier runs).
pub async fn run(db: &Db, clock: &SharedClock, stripe: Option<&StripeApi>) -> AppResult<RunReport> {
    let mut report = RunReport::default();
    let now = clock.now();
    let enabled = stripe.is_some();
    report = db
        .write_once(move |conn| -> AppResult<_> {
            plan(conn, now, enabled, &mut report)?;
            Ok(report)
        })
        .await?;
    let Some(stripe) = stripe else {
        return Ok(report);
    };
    let pending: Vec<String> = db
        .read(|conn| -> AppResult<_> { Ok(store::pending_stripe(conn)?) })
        .await?;
    let mut pending = pending.into_iter();
    for id in pending.by_ref() {
        let now = clock.now();
        let claimed = db
            .write(move |conn| -> AppResult<_> { Ok(claim(conn, now, &id)?) })
            .await?;
        let Some(p) = claimed else { continue };
        let Some(account) = p.stripe_account_id.clone() else {
            continue;
        };
        // An earlier attempt's outcome was unknown: Stripe may have made the transfer, and
        // keeps idempotency keys for a day only, so look for it before sending again.
        let earlier = if p.attempts > 1 {
            Some(stripe.find_transfer(&p.id).await)
        } else {
            None
        };
        let result = match earlier {
            Some(Ok(Some((transfer, _)))) => Ok(transfer),
            // A refused key says nothing about the transfer; any other failure to look
            // leaves its outcome unknown.
            Some(Err(e @ CallError::Configuration(_))) => Err(e),
            Some(Err(e)) => Err(CallError::Uncertain(e.to_string())),
            _ => {
                stripe
                    .create_transfer(
                        p.amount_minor,
                        &p.currency,
                        &account,
                        &p.id,
                        &p.expert_id,
                        &p.idempotency_key,
                    )
                    .await
            }
        };
        let now = clock.now();
        let id = p.id.clone();
        match result {
            Ok(transfer) => {
                db.write(move |conn| record_submitted(conn, now, &p, &transfer))
                    .await?;
                report.submitted.push(id);
            }
            Err(CallError::Refused(message)) => {
                db.write(move |conn| fail(conn, now, &p, &message, &["pending"]))
                    .await?;
                report.failed.push(id);
            }
            Err(CallError::Uncertain(message)) => {
                tracing::warn!(payout = %p.id, error = %message, "transfer outcome unknown; the next run sends it again with the same idempotency key");
                db.write(move |conn| -> AppResult<_> {
                    Ok(store::release(conn, &p.id, &message)?)
                })
                .await?;
                report.retrying.push(id);
            }
            // Stripe refused the request before doing anything, and will refuse every
            // other one the same way: stop, and leave the payouts pending for the next run.
            Err(e @ CallError::Configuration(_)) => {
                super::stripe::log_configuration_error(&e, "sending payouts");
                let message = e.to_string();
                db.write(move |conn| -> AppResult<_> {
                    Ok(store::release(conn, &p.id, &message)?)
                })
                .await?;
                report.not_sent.push(id);
                report.stripe_configuration_error = Some(CONFIGURATION_ERROR.to_owned());
                break;
            }
        }
    }
    report.not_sent.extend(pending);
    if !report.retrying.is_empty() {
        // Unknown outcomes are settled soon, not at the next scheduled run.
        let at = clock.now() + Duration::seconds(RETRY_SECS);
        db.write(move |conn| -> AppResult<_> {
            crate::jobs::enqueue_at(
                conn,
                at - Duration::seconds(RETRY_SECS),
                at,
                crate::jobs::Queue::Payments,
                super::jobs::PAYOUT_RUN,
                &json!({"retry": true}),
            )
            .map_err(AppError::internal)?;
            Ok(())
        })
        .await?;
    }
    Ok(report)
}
