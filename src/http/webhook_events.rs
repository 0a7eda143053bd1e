//! The outbound webhooks' contract (it lives with the OpenAPI document, above the
//! features whose views it names). What each event's `data` holds, as the OpenAPI document's `webhooks` section publishes
//! it (one entry per event type, its body `{"id", "type", "created_at", "data"}` with the
//! schema below). The bodies are built where the events happen; the integration tests
//! check every event they receive against this published schema (an unknown or missing
//! field fails), so the document cannot drift from the wire.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ContentBuilder, Ref, RefOr, ResponseBuilder, ResponsesBuilder, Schema, path::Paths,
};

use crate::ids::{
    EventId, InvoiceId, ProjectId, SliceId, TimesheetId, TimesheetLineId, WebhookEndpointId,
};
use crate::routing::routes::ItemView;
use crate::webhooks::EventType;

/// `item.resolved`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ItemResolvedEvent {
    /// The item with its result, as in the results feed.
    pub item: ItemView,
}

/// Why an item needs the lab's attention.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum AttentionReason {
    /// No or too few eligible experts.
    WaitingForExperts,
    /// The annotators disagreed and no eligible adjudicator is free.
    WaitingForAdjudicator,
    /// Resolved without agreement (the project does not adjudicate).
    Disagreement,
}

/// `item.needs_attention`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ItemNeedsAttentionEvent {
    pub reason: AttentionReason,
    pub item: ItemView,
}

/// `item.cancelled`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ItemCancelledEvent {
    /// The item, now `cancelled`.
    pub item: ItemView,
    /// The reason the lab gave.
    pub reason: String,
}

/// `item.deadline_missed`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ItemDeadlineMissedEvent {
    /// The item, now `overdue` (its work stage in `stage`).
    pub item: ItemView,
    /// The deadline it missed.
    pub deadline_at: DateTime<Utc>,
}

/// `item.expired`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ItemExpiredEvent {
    /// The item, now `expired`.
    pub item: ItemView,
    /// The deadline it missed.
    pub deadline_at: DateTime<Utc>,
    /// The project's setting that expired it.
    pub expire_overdue_after_hours: i64,
}

/// `gold.pool_exhausted`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct GoldPoolExhaustedEvent {
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    /// The expert's pseudonymous handle.
    pub expert: String,
    /// Gold items of the project slice, all offered to the expert.
    pub pool_size: i64,
}

/// The submitted timesheet in `timesheet.submitted`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct SubmittedTimesheetRef {
    pub id: TimesheetId,
    pub project_id: ProjectId,
    /// The expert's pseudonymous handle.
    pub expert: String,
    /// Monday 00:00 UTC of the week.
    pub week_start: DateTime<Utc>,
    #[schema(example = "EUR")]
    pub currency: String,
    /// The project's bill rate per hour, minor units.
    pub bill_rate_minor: i64,
    /// When it is approved unless the lab disputes a line.
    pub auto_approve_at: DateTime<Utc>,
}

/// `timesheet.submitted`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct TimesheetSubmittedEvent {
    pub timesheet: SubmittedTimesheetRef,
}

/// One disputed line.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct DisputedLineRef {
    pub line_id: TimesheetLineId,
    pub reason: String,
}

/// `timesheet.disputed`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct TimesheetDisputedEvent {
    pub timesheet_id: TimesheetId,
    pub project_id: ProjectId,
    pub lines: Vec<DisputedLineRef>,
}

/// How an invoice is collected.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum InvoiceCollection {
    /// Charged through Stripe.
    Stripe,
    /// Paid by bank transfer, marked paid by a platform admin.
    Manual,
}

/// The issued invoice in `invoice.issued`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct IssuedInvoiceRef {
    pub id: InvoiceId,
    pub total_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    /// How many timesheets it bills.
    pub timesheets: i64,
    pub collection: InvoiceCollection,
}

/// `invoice.issued`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct InvoiceIssuedEvent {
    pub invoice: IssuedInvoiceRef,
}

/// `invoice.paid`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct InvoicePaidEvent {
    pub invoice_id: InvoiceId,
    pub total_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    /// The payment's reference (Stripe's payment id or the admin's bank reference).
    pub reference: String,
}

/// `project.budget_warning` and `project.budget_reached`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct ProjectBudgetEvent {
    pub project_id: ProjectId,
    /// The project's budget cap, minor units.
    pub cap_minor: i64,
    /// Committed spend plus the expected bill of open work, minor units.
    pub projected_minor: i64,
    /// What the project's measured time bills, minor units.
    pub committed_minor: i64,
    /// The project's bill currency.
    #[schema(example = "EUR")]
    pub currency: String,
}

/// A project slice's reliability health below healthy.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum LowReliability {
    /// Below `scoring.reliability_healthy` (0.80).
    Warning,
    /// Below `scoring.reliability_corrective` (0.75).
    Corrective,
}

/// `slice.reliability_low`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct SliceReliabilityLowEvent {
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    #[schema(example = "medicine/radiology:de")]
    pub slice_key: String,
    pub health: LowReliability,
    /// Over the project's own resolved items of the window; null when undefined.
    pub krippendorff_alpha: Option<f64>,
    /// Resolved items with overlapping judgments in the window.
    pub items: i64,
    /// `scoring.reliability_healthy`.
    pub threshold: f64,
    /// `scoring.reliability_window_days`.
    pub window_days: i64,
}

/// `webhook.test`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct WebhookTestEvent {
    /// The endpoint the test was sent to.
    pub endpoint_id: WebhookEndpointId,
}

/// Every event type, with its data schema's name and what it means. The `webhooks`
/// section has one entry per row; `all_event_types_are_documented` checks none is missing.
pub fn documented() -> Vec<(EventType, &'static str, &'static str)> {
    vec![
        (
            EventType::ItemResolved,
            "ItemResolvedEvent",
            "An item resolved; `data.item` is the item with its result, as in the results feed.",
        ),
        (
            EventType::ItemNeedsAttention,
            "ItemNeedsAttentionEvent",
            "An item needs the lab's attention: too few eligible experts, no free adjudicator, or resolved without agreement. Sent once per reason change.",
        ),
        (
            EventType::ItemCancelled,
            "ItemCancelledEvent",
            "The lab cancelled an item (its open assignments ended, measured time is paid). Sent once per item, not on a repeated cancel.",
        ),
        (
            EventType::ItemDeadlineMissed,
            "ItemDeadlineMissedEvent",
            "An open item passed its deadline unresolved and is now `overdue`; it keeps being worked and routed. Sent once per missed deadline (again only if the lab moves the deadline and the new one passes).",
        ),
        (
            EventType::ItemExpired,
            "ItemExpiredEvent",
            "An overdue item was still unresolved `expire_overdue_after_hours` (a project setting) after its deadline and ended as `expired`: its open assignments ended, the time already worked is paid. Sent once per item.",
        ),
        (
            EventType::GoldPoolExhausted,
            "GoldPoolExhaustedEvent",
            "An expert has been offered every gold item of a project slice; no more gold reaches them there until the lab adds some. Sent once per expert and project slice until the pool grows.",
        ),
        (
            EventType::TimesheetSubmitted,
            "TimesheetSubmittedEvent",
            "An expert's weekly timesheet on one of the lab's projects was submitted and waits for approval (approved automatically at `auto_approve_at` unless disputed).",
        ),
        (
            EventType::TimesheetDisputed,
            "TimesheetDisputedEvent",
            "The lab disputed lines of a submitted timesheet; a platform admin resolves it.",
        ),
        (
            EventType::InvoiceIssued,
            "InvoiceIssuedEvent",
            "An invoice to the lab was issued.",
        ),
        (
            EventType::InvoicePaid,
            "InvoicePaidEvent",
            "An invoice to the lab was paid. Sent once per invoice.",
        ),
        (
            EventType::ProjectBudgetWarning,
            "ProjectBudgetEvent",
            "A project's projected spend reached `budget.warning_percent` (80 %) of its budget cap. Sent once per crossing; re-armed when the lab raises the cap above the projected spend.",
        ),
        (
            EventType::ProjectBudgetReached,
            "ProjectBudgetEvent",
            "A project's projected spend reached its budget cap: routing offers no new work for it (work already offered or accepted continues and is paid) until the lab raises or removes the cap. Sent once per crossing; re-armed when the cap is raised above the projected spend.",
        ),
        (
            EventType::SliceReliabilityLow,
            "SliceReliabilityLowEvent",
            "A project's reliability in one of its slices (Krippendorff's alpha over its own resolved items in the window) fell below `scoring.reliability_healthy`. Checked by the scoring sweep; sent once per fall, again only after the project slice was healthy.",
        ),
        (
            EventType::WebhookTest,
            "WebhookTestEvent",
            "Sent by `POST /v1/orgs/{org}/webhook-endpoints/{endpoint}/test`, whatever the endpoint subscribes to.",
        ),
    ]
}

/// The schemas the `webhooks` section refers to (added to the document's components).
pub fn schemas() -> Vec<(String, RefOr<Schema>)> {
    let mut out = Vec::new();
    macro_rules! add {
        ($($t:ty),* $(,)?) => {$(
            out.push((<$t as utoipa::ToSchema>::name().into_owned(), <$t as utoipa::PartialSchema>::schema()));
            <$t as utoipa::ToSchema>::schemas(&mut out);
        )*};
    }
    add!(
        ItemResolvedEvent,
        ItemNeedsAttentionEvent,
        ItemCancelledEvent,
        ItemDeadlineMissedEvent,
        ItemExpiredEvent,
        GoldPoolExhaustedEvent,
        TimesheetSubmittedEvent,
        TimesheetDisputedEvent,
        InvoiceIssuedEvent,
        InvoicePaidEvent,
        ProjectBudgetEvent,
        SliceReliabilityLowEvent,
        WebhookTestEvent,
    );
    out
}

/// The `webhooks` section: for each event type, the POST Cadre sends to a subscribed
/// endpoint, its signed body and the answers Cadre expects.
pub fn webhooks() -> Paths {
    let mut paths = Paths::new();
    for (kind, schema, description) in documented() {
        let envelope = ObjectBuilder::new()
            .property(
                "id",
                RefOr::Ref(Ref::from_schema_name(<EventId as ToSchema>::name())),
            )
            .required("id")
            .property(
                "type",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([kind.as_str()])),
            )
            .required("type")
            .property(
                "created_at",
                ObjectBuilder::new().schema_type(Type::String).format(Some(
                    utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::DateTime,
                    ),
                )),
            )
            .required("created_at")
            .property("data", RefOr::Ref(Ref::from_schema_name(schema)))
            .required("data")
            .description(Some(
                "The event. Receivers deduplicate on `id` (delivery is at least once).",
            ));
        let op = OperationBuilder::new()
            .operation_id(Some(kind.as_str()))
            .summary(Some(kind.as_str()))
            .description(Some(format!(
                "{description}\n\nSent as a POST to every enabled endpoint of the lab subscribed to `{}`, with the header `Cadre-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" under the endpoint's secret>` (during a secret rotation a second `v1`). Retried with exponential backoff until a 2xx, up to `webhooks.max_attempts`.",
                kind.as_str()
            )))
            .tag("webhooks")
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content(
                        "application/json",
                        ContentBuilder::new().schema(Some(envelope)).build(),
                    )
                    .required(Some(utoipa::openapi::Required::True))
                    .build(),
            ))
            .responses(
                ResponsesBuilder::new()
                    .response(
                        "2XX",
                        ResponseBuilder::new()
                            .description("Received: the delivery is done.")
                            .build(),
                    )
                    .response(
                        "default",
                        ResponseBuilder::new()
                            .description("Any other answer or none: retried later.")
                            .build(),
                    )
                    .build(),
            )
            .build();
        paths.paths.insert(
            kind.as_str().to_owned(),
            PathItem::new(HttpMethod::Post, op),
        );
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_is_documented_once() {
        let kinds: Vec<EventType> = documented().into_iter().map(|(k, _, _)| k).collect();
        let mut all = EventType::SUBSCRIBABLE.to_vec();
        all.push(EventType::WebhookTest);
        for k in &all {
            assert_eq!(
                kinds.iter().filter(|d| *d == k).count(),
                1,
                "{} documented once",
                k.as_str()
            );
        }
        assert_eq!(kinds.len(), all.len());
        let names: Vec<String> = schemas().into_iter().map(|(n, _)| n).collect();
        for (_, schema, _) in documented() {
            assert!(names.iter().any(|n| n == schema), "{schema} is a component");
        }
    }
}
