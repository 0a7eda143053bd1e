//! `POST /v1/stripe/webhook`: Stripe's events, verified by Cadre's own code (every `v1`
//! signature against every configured secret, timestamp tolerance) and processed once:
//! the event id is stored in the same transaction as its effect, so a redelivered event is
//! acknowledged without a second effect, and an effect that fails leaves no trace (Stripe
//! delivers it again). Unknown event types are acknowledged and ignored.
//!
//! | event | effect |
//! |---|---|
//! | `account.updated` | the expert's payout account status (details, payouts enabled, requirements) |
//! | `transfer.created` | the payout is `paid` (recorded first if its run died before it could) |
//! | `transfer.reversed` | the payout `failed`: its posting is reversed, the amount payable again |
//! | `payment_intent.succeeded` | the invoice is `paid` (receivable → cash) |
//! | `payout.paid`, `payout.failed` | the connected account's latest bank payout |

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::store::{
    invoices as invoices_store, payout_accounts, payouts as payouts_store, stripe_events,
};
use super::stripe::AccountState;
use super::{invoices, payouts, stripe_signature};
use crate::audit::Actor;
use crate::db::DbConn;
use crate::http::{ApiError, ApiResult};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(stripe_webhook);
}

/// The parts of a Stripe event Cadre reads.
#[derive(Debug, Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    type_: String,
    data: EventData,
    /// The connected account an event is about (Connect events).
    #[serde(default)]
    account: Option<String>,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookAck {
    pub received: bool,
    /// True when this event id was processed before (nothing was done again).
    pub duplicate: bool,
    /// What Cadre did: `processed`, `ignored` (a type it does not act on), or why it did
    /// nothing (`unknown payout`, `rejected: …`).
    pub outcome: String,
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// Applies one event; returns its outcome. A conflict (the event contradicts Cadre's
/// records) is recorded as rejected; database errors abort the transaction.
fn apply(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    hooks: &crate::config::WebhookSettings,
    e: &Event,
) -> ApiResult<String> {
    let o = &e.data.object;
    let outcome = match e.type_.as_str() {
        "account.updated" => {
            let Some(a) = AccountState::from_json(o) else {
                return Ok("rejected: the account has no id".into());
            };
            let n = payout_accounts::set_state(conn, &a, now.naive_utc())?;
            if n == 1 {
                "processed"
            } else {
                "unknown account"
            }
            .to_owned()
        }
        "transfer.created" | "transfer.reversed" => {
            let transfer = str_at(o, "/id").unwrap_or_default();
            // By the payout id in the metadata (the run may have died before recording the
            // transfer id), else by the transfer id.
            let payout: Option<String> = match str_at(o, "/metadata/cadre_payout_id") {
                Some(p) => Some(p.to_owned()),
                None => payouts_store::id_of_transfer(conn, transfer)?,
            };
            let Some(payout) = payout else {
                return Ok("unknown payout".into());
            };
            if e.type_ == "transfer.created" {
                let amount = o.get("amount").and_then(Value::as_i64).unwrap_or(-1);
                let currency = str_at(o, "/currency").unwrap_or_default();
                match payouts::confirm_transfer(conn, now, &payout, transfer, amount, currency) {
                    Ok(s) => s.to_owned(),
                    Err(err) if err.is_refusal() => format!("rejected: {}", err.detail()),
                    Err(err) => return Err(err.into()),
                }
            } else {
                let Some(p) = payouts::find(conn, &payout)? else {
                    return Ok("unknown payout".into());
                };
                if p.stripe_transfer_id
                    .as_deref()
                    .is_some_and(|t| t != transfer)
                {
                    tracing::error!(payout = %p.id, transfer, "reversal of a transfer that is not the payout's");
                    return Ok(format!(
                        "rejected: {transfer} is not the transfer of payout {}",
                        p.id
                    ));
                }
                // Only a full reversal fails the payout (and pays it again); a partial one
                // is left for an administrator, never paid twice.
                let full = o.get("reversed").and_then(Value::as_bool) == Some(true)
                    || o.get("amount_reversed").and_then(Value::as_i64) >= Some(p.amount_minor);
                if !full {
                    tracing::error!(payout = %p.id, transfer, "partial transfer reversal: settle by hand");
                    return Ok(format!(
                        "rejected: partial reversal of {} {} on payout {}; settle it by hand",
                        o.get("amount_reversed")
                            .and_then(Value::as_i64)
                            .unwrap_or(0),
                        p.currency,
                        p.id
                    ));
                }
                if payouts::fail(
                    conn,
                    now,
                    &p,
                    &format!("transfer {transfer} reversed"),
                    &["pending", "submitted", "paid"],
                )? {
                    "processed".into()
                } else {
                    "already failed".into()
                }
            }
        }
        "payment_intent.succeeded" => {
            let pi = str_at(o, "/id").unwrap_or_default();
            let invoice: Option<String> = match str_at(o, "/metadata/cadre_invoice_id") {
                Some(i) => Some(i.to_owned()),
                None => invoices_store::id_of_payment_intent(conn, pi)?,
            };
            let Some(r) = (match invoice {
                Some(i) => invoices::find(conn, &i)?,
                None => None,
            }) else {
                return Ok("unknown invoice".into());
            };
            let received = o
                .get("amount_received")
                .and_then(Value::as_i64)
                .unwrap_or(-1);
            let currency = str_at(o, "/currency").unwrap_or_default();
            if received != r.total_minor || !currency.eq_ignore_ascii_case(&r.currency) {
                tracing::error!(invoice = %r.id, payment_intent = pi, received, currency, "payment does not match its invoice");
                return Ok(format!(
                    "rejected: received {received} {currency}, the invoice is {} {}",
                    r.total_minor, r.currency
                ));
            }
            if invoices::mark_paid(conn, now, hooks, &Actor::system(), &r, pi)? {
                "processed".into()
            } else {
                "already paid".into()
            }
        }
        "payout.paid" | "payout.failed" => {
            let Some(account) = &e.account else {
                return Ok("ignored".into());
            };
            let status = if e.type_ == "payout.paid" {
                "paid"
            } else {
                "failed"
            };
            let n = payout_accounts::set_last_bank_payout(conn, account, status, now.naive_utc())?;
            if n == 1 {
                "processed"
            } else {
                "unknown account"
            }
            .to_owned()
        }
        _ => "ignored".into(),
    };
    Ok(outcome)
}

/// Receive a Stripe event
///
/// Stripe's webhook endpoint (configure it in the Stripe dashboard with the events in the
/// README). Authenticated by the `Stripe-Signature` header, not by a login. Answers 200
/// for every genuine event, including repeats and types Cadre ignores.
#[utoipa::path(
    tag = "payments",
    params(("Stripe-Signature" = String, Header, description = "t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=…]")),
    request_body(content = serde_json::Value, description = "A Stripe event object", content_type = "application/json"),
    responses(
        (status = 200, description = "Acknowledged", body = WebhookAck),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 413, response = crate::http::PayloadTooLarge),
    ),
)]
#[post("/stripe/webhook")]
async fn stripe_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let stripe = &state.settings.payments.stripe;
    if stripe.webhook_secrets.is_empty() {
        return Err(ApiError::conflict(
            "Stripe is not configured here (payments.stripe.webhook_secrets)",
        ));
    }
    let limit = state.settings.http.max_body_bytes;
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let mut payload = payload.into_inner();
    let body = crate::http::extract::read_body(&mut payload, limit, declared).await?;
    let header = req
        .headers()
        .get("Stripe-Signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let secrets: Vec<&str> = stripe
        .webhook_secrets
        .iter()
        .map(|s| s.expose_secret())
        .collect();
    let now = state.now();
    stripe_signature::verify(
        header,
        &body,
        &secrets,
        now.timestamp(),
        stripe.webhook_tolerance_secs,
    )
    .map_err(|e| ApiError::bad_parameter("Stripe-Signature", e.to_string()))?;
    let event: Event = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("not a Stripe event: {e}")))?;
    let hooks = state.settings.webhooks.clone();
    let ack = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let seen = stripe_events::outcome_of(conn, &event.id)?;
            if let Some(outcome) = seen {
                return Ok(WebhookAck {
                    received: true,
                    duplicate: true,
                    outcome,
                });
            }
            let outcome = apply(conn, now, &hooks, &event)?;
            stripe_events::insert(conn, &event.id, &event.type_, &outcome, now.naive_utc())?;
            tracing::info!(event = %event.id, kind = %event.type_, outcome = %outcome, "stripe event");
            Ok(WebhookAck {
                received: true,
                duplicate: false,
                outcome,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(ack))
}
