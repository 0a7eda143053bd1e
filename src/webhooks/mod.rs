//! Outbound webhooks to labs (docs/adr/0009-outbound-webhooks-untrusted-urls.md).
//!
//! A lab registers endpoints with the event types it wants. When such an event happens,
//! [`emit`] writes one delivery per subscribed endpoint and a job on the `webhooks` queue,
//! **in the transaction of the change**, so an event is delivered if and only if the change
//! commits. The body is fixed when the event happens; every attempt sends the same bytes,
//! signed at send time ([`signature`]). Attempts go through a client that refuses internal
//! addresses after DNS resolution, follows no redirects and times out ([`deliver`]); each
//! is logged with its truncated response. Failures are retried with exponential backoff up
//! to `webhooks.max_attempts`; a lab admin can redeliver any delivery.
//!
//! Delivery is at least once: receivers deduplicate on the `id` of the event.
//!
//! Owns: `webhook_endpoints`, `webhook_deliveries`, `webhook_attempts`.

pub mod address;
pub mod deliver;
pub mod jobs;
pub mod routes;
pub mod signature;
mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::ids::{EventId, WebhookDeliveryId};
use crate::jobs::Queue;

/// What a lab can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// An item resolved; `data.item` is the item with its result, as in the results feed.
    #[serde(rename = "item.resolved")]
    ItemResolved,
    /// An item needs the lab's attention: `data.reason` is `waiting_for_experts` (no or
    /// too few eligible experts), `waiting_for_adjudicator`, or `disagreement` (resolved
    /// without agreement, adjudication off); `data.item` is the item.
    #[serde(rename = "item.needs_attention")]
    ItemNeedsAttention,
    /// An expert has been offered every gold item of a project slice, so no more gold can
    /// reach them there until the lab adds some: `data.project_id`, `data.slice_id`,
    /// `data.expert` (the pseudonymous handle), `data.pool_size`. Sent once per expert and
    /// project slice until the pool grows.
    #[serde(rename = "gold.pool_exhausted")]
    GoldPoolExhausted,
    /// The lab cancelled an item (`POST /v1/items/{item}/cancel` or the bulk form):
    /// `data.item` is the item, now `cancelled` (its open assignments ended), and
    /// `data.reason` the reason the lab gave. Sent once per item, not on a repeated cancel.
    #[serde(rename = "item.cancelled")]
    ItemCancelled,
    /// An expert's weekly timesheet on one of the lab's projects was submitted (by the
    /// expert, or by the payments sweep when the week ended) and waits for the lab's
    /// approval: `data.timesheet` has `id`, `project_id`, `expert` (the pseudonymous
    /// handle), `week_start`, `currency`, `bill_rate_minor` and `auto_approve_at` (when it
    /// is approved unless disputed).
    #[serde(rename = "timesheet.submitted")]
    TimesheetSubmitted,
    /// The lab disputed lines of a submitted timesheet: `data.timesheet_id`,
    /// `data.project_id`, `data.lines` (`line_id` and `reason` each). A platform admin
    /// resolves it.
    #[serde(rename = "timesheet.disputed")]
    TimesheetDisputed,
    /// An invoice to the lab was issued: `data.invoice` has `id`, `total_minor`,
    /// `currency`, `timesheets` (how many it bills) and `collection` (`stripe` or `manual`).
    #[serde(rename = "invoice.issued")]
    InvoiceIssued,
    /// An invoice to the lab was paid (Stripe confirmed the payment, or a platform admin
    /// marked it paid): `data.invoice_id`, `data.total_minor`, `data.currency`,
    /// `data.reference` (the payment's reference). Sent once per invoice.
    #[serde(rename = "invoice.paid")]
    InvoicePaid,
    /// A project's reliability in one of its slices (Krippendorff's alpha over its own
    /// resolved items in `scoring.reliability_window_days`) fell below
    /// `scoring.reliability_healthy`: `data.project_id`, `data.slice_id`,
    /// `data.slice_key`, `data.health` (`warning` or `corrective`),
    /// `data.krippendorff_alpha`, `data.items`, `data.threshold`, `data.window_days`. Sent
    /// once per fall, checked by the scoring sweep; again only after it was healthy.
    #[serde(rename = "slice.reliability_low")]
    SliceReliabilityLow,
    /// An open item passed its deadline unresolved and is now overdue (it keeps being
    /// worked and routed): `data.item` is the item (`status` `overdue`, its work stage in
    /// `stage`, `overdue_at`), `data.deadline_at` the deadline it missed. Sent once per
    /// missed deadline (again only if the lab moves the deadline and the new one passes).
    #[serde(rename = "item.deadline_missed")]
    ItemDeadlineMissed,
    /// An overdue item was still unresolved `expire_overdue_after_hours` (a project
    /// setting) after its deadline and ended: `data.item` is the item, now `expired` (its
    /// open assignments ended, the time already worked paid), `data.deadline_at` its
    /// deadline and `data.expire_overdue_after_hours` the setting. Sent once per item.
    #[serde(rename = "item.expired")]
    ItemExpired,
    /// A project's projected spend reached `budget.warning_percent` (80 %) of its budget
    /// cap: `data.project_id`, `data.cap_minor`, `data.projected_minor`,
    /// `data.committed_minor` (measured, billed time) and `data.currency` (the project's
    /// bill currency). Sent once per crossing; re-armed when the lab raises the cap above
    /// the projected spend (README "Budget").
    #[serde(rename = "project.budget_warning")]
    ProjectBudgetWarning,
    /// A project's projected spend reached its budget cap, so routing offers no new work
    /// for it (work already offered or accepted continues and is paid) until the lab
    /// raises or removes the cap: `data.project_id`, `data.cap_minor`,
    /// `data.projected_minor`, `data.committed_minor`, `data.currency`. Sent once per
    /// crossing; re-armed when the cap is raised above the projected spend.
    #[serde(rename = "project.budget_reached")]
    ProjectBudgetReached,
    /// Sent by `POST …/webhook-endpoints/{endpoint}/test`, whatever the subscription.
    #[serde(rename = "webhook.test")]
    WebhookTest,
}

impl EventType {
    /// The types an endpoint may subscribe to.
    pub const SUBSCRIBABLE: [EventType; 13] = [
        EventType::ItemResolved,
        EventType::ItemNeedsAttention,
        EventType::GoldPoolExhausted,
        EventType::ItemCancelled,
        EventType::TimesheetSubmitted,
        EventType::TimesheetDisputed,
        EventType::InvoiceIssued,
        EventType::InvoicePaid,
        EventType::SliceReliabilityLow,
        EventType::ItemDeadlineMissed,
        EventType::ItemExpired,
        EventType::ProjectBudgetWarning,
        EventType::ProjectBudgetReached,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::ItemResolved => "item.resolved",
            EventType::ItemNeedsAttention => "item.needs_attention",
            EventType::GoldPoolExhausted => "gold.pool_exhausted",
            EventType::ItemCancelled => "item.cancelled",
            EventType::TimesheetSubmitted => "timesheet.submitted",
            EventType::TimesheetDisputed => "timesheet.disputed",
            EventType::InvoiceIssued => "invoice.issued",
            EventType::InvoicePaid => "invoice.paid",
            EventType::SliceReliabilityLow => "slice.reliability_low",
            EventType::ItemDeadlineMissed => "item.deadline_missed",
            EventType::ItemExpired => "item.expired",
            EventType::ProjectBudgetWarning => "project.budget_warning",
            EventType::ProjectBudgetReached => "project.budget_reached",
            EventType::WebhookTest => "webhook.test",
        }
    }
}

/// The JSON body of an event: `{"id", "type", "created_at", "data"}`.
pub fn event_body(id: &EventId, kind: EventType, at: DateTime<Utc>, data: Value) -> String {
    json!({
        "id": id,
        "type": kind.as_str(),
        "created_at": at,
        "data": data,
    })
    .to_string()
}

/// Queues a delivery to one endpoint; the first attempt is due now.
pub fn schedule(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    d: &store::NewDelivery<'_>,
) -> anyhow::Result<WebhookDeliveryId> {
    let id = store::insert_delivery(conn, now, d)?;
    crate::jobs::enqueue(
        conn,
        now,
        Queue::Webhooks,
        deliver::DELIVER,
        &deliver::DeliverJob {
            delivery: id.to_string(),
            attempt: 0,
        },
    )?;
    Ok(id)
}

/// Emits an event of the organisation to every enabled endpoint subscribed to `kind`,
/// inside the caller's transaction. `data` is only built when someone listens.
/// Returns the number of deliveries queued.
pub fn emit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &crate::config::Settings,
    org: &str,
    kind: EventType,
    data: impl FnOnce(&mut DbConn) -> anyhow::Result<Value>,
) -> anyhow::Result<usize> {
    emit_with(conn, now, &settings.webhooks, org, kind, data)
}

/// [`emit`] for callers that hold only the webhook settings (payments).
pub fn emit_with(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &crate::config::WebhookSettings,
    org: &str,
    kind: EventType,
    data: impl FnOnce(&mut DbConn) -> anyhow::Result<Value>,
) -> anyhow::Result<usize> {
    let mut endpoints = Vec::new();
    for e in store::enabled_endpoints(conn, org)? {
        // An endpoint whose stored subscription does not parse is skipped (the error is
        // logged by `stored_json`, and reading the endpoint answers 500): one corrupt
        // row must not fail the lab's own change that raised the event.
        if e.events().is_ok_and(|events| events.contains(&kind)) {
            endpoints.push(e);
        }
    }
    if endpoints.is_empty() {
        return Ok(0);
    }
    let event = EventId::new(now);
    let body = event_body(&event, kind, now, data(conn)?);
    for e in &endpoints {
        schedule(
            conn,
            now,
            &store::NewDelivery {
                org,
                endpoint: &e.id,
                event_id: event.as_str(),
                event_type: kind.as_str(),
                payload: &body,
                attempt_limit: settings.max_attempts,
            },
        )?;
    }
    Ok(endpoints.len())
}

/// What other features may use of this feature's store.
pub use store::{NewEndpoint, insert_endpoint};
