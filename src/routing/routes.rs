//! `/v1/projects/{project}/items` (ingest, list) and `/v1/items/{item}`.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use super::detail::{self, ItemDetail};
pub use super::detail::{ItemStatus, Resolution};
use super::ingest::{self, ItemInput, Stakes};
use super::store::{self, ItemRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{Principal, Scope};
use crate::bulk::{BulkReport, BulkResult};
use crate::db::DbConn;
use crate::http::extract::BulkRows;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{ItemId, OrgId, ProjectId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(ingest_items)
        .service(list_items)
        .service(get_item)
        .service(explain_routing);
}

#[derive(utoipa::ToSchema)]
#[schema(value_type = Vec<ItemInput>, min_items = 1, max_items = 1000)]
#[allow(dead_code)]
struct ItemBatch(Vec<ItemInput>);

/// An item as its lab sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemView {
    pub id: ItemId,
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    pub external_id: String,
    #[schema(value_type = Object)]
    pub payload: Value,
    pub judge_confidence: Option<f64>,
    pub stakes: Stakes,
    /// The lab's priority, 0 (lowest) to 100 (highest).
    pub priority: i32,
    /// What routing orders waiting items by: `priority` plus the deadline curve's boost
    /// (+10 within 24 h of the deadline, +25 within 4 h, +50 within 1 h, +75 overdue).
    pub effective_priority: i32,
    pub deadline: DateTime<Utc>,
    /// `overdue` while an unresolved item is past its deadline (it is still worked: its
    /// stage is in `stage`), else the same as `stage`.
    pub status: ItemStatus,
    /// The stage of the item's work: `queued`, `assigned`, `adjudicating`, `resolved`,
    /// `cancelled` or `expired` (never `overdue`).
    pub stage: ItemStatus,
    /// When the item was found past its deadline unresolved (`item.deadline_missed` was
    /// sent then); null if it never was, or its deadline was moved since.
    pub overdue_at: Option<DateTime<Utc>>,
    /// Why the item is in its status (e.g. why it still waits).
    pub status_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The published constitution version the experts applied.
    pub constitution_version: Option<i32>,
    /// How many of its assignments are in each state.
    pub progress: Progress,
    /// The outcome, once resolved.
    pub result: Option<ItemResult>,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Progress {
    pub offered: i64,
    pub accepted: i64,
    pub submitted: i64,
    pub declined: i64,
    pub expired: i64,
    /// Ended because the lab cancelled the item.
    pub cancelled: i64,
}

/// One expert's judgment, under their pseudonymous handle.
#[derive(Debug, Serialize, ToSchema)]
pub struct Judgment {
    #[schema(example = "expert-7f3a")]
    pub expert: String,
    pub role: String,
    #[schema(value_type = Object)]
    pub label: Value,
    /// Whether it matches the final label (annotators).
    pub agrees: Option<bool>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Server-measured active seconds the expert worked on it (heartbeats while the work
    /// was open, capped as paid time is).
    pub active_seconds: Option<i64>,
    /// The constitution version the expert applied (pinned on their assignment).
    pub constitution_version: Option<i32>,
    /// The expert's standing in the slice when they submitted it; null for judgments
    /// submitted before Cadre kept it.
    pub standing_at_submit: Option<JudgmentStanding>,
}

/// An expert's standing in a slice at the moment they submitted a judgment, as it was then
/// (not as it is now).
#[derive(Debug, Serialize, ToSchema)]
pub struct JudgmentStanding {
    /// Slice status: `none`, `probation`, `qualified` or `suspended`.
    #[schema(example = "qualified")]
    pub status: String,
    /// Tier: `annotator`, `senior` or `adjudicator`.
    #[schema(example = "senior")]
    pub tier: String,
    /// Lower credible bound of the expert's decayed gold accuracy in the slice
    /// (`scoring.credible_level`) before this judgment counted, as their score profile
    /// showed it then; null before their first gold answer.
    pub gold_lower_bound: Option<f64>,
    /// Decayed number of gold answers behind the bound.
    pub gold_answers: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ItemResult {
    pub resolution: Resolution,
    /// The resolved label (null without agreement).
    #[schema(value_type = Option<Object>)]
    pub final_label: Option<Value>,
    pub adjudicated: bool,
    pub judgments: Vec<Judgment>,
}

impl From<ItemDetail> for ItemView {
    fn from(d: ItemDetail) -> Self {
        Self {
            id: d.id,
            project_id: d.project_id,
            slice_id: d.slice_id,
            external_id: d.external_id,
            payload: d.payload,
            judge_confidence: d.judge_confidence,
            stakes: d.stakes,
            priority: d.priority,
            effective_priority: d.effective_priority,
            deadline: d.deadline,
            status: d.status,
            stage: d.stage,
            overdue_at: d.overdue_at,
            status_reason: d.status_reason,
            created_at: d.created_at,
            updated_at: d.updated_at,
            resolved_at: d.resolved_at,
            constitution_version: d.constitution_version,
            progress: Progress {
                offered: d.progress.offered,
                accepted: d.progress.accepted,
                submitted: d.progress.submitted,
                declined: d.progress.declined,
                expired: d.progress.expired,
                cancelled: d.progress.cancelled,
            },
            result: d.result.map(|r| ItemResult {
                resolution: r.resolution,
                final_label: r.final_label,
                adjudicated: r.adjudicated,
                judgments: r
                    .judgments
                    .into_iter()
                    .map(|j| Judgment {
                        expert: j.expert,
                        role: j.role,
                        label: j.label,
                        agrees: j.agrees,
                        submitted_at: j.submitted_at,
                        active_seconds: j.active_seconds,
                        constitution_version: j.constitution_version,
                        standing_at_submit: j.standing_at_submit.map(|s| JudgmentStanding {
                            status: s.status,
                            tier: s.tier,
                            gold_lower_bound: s.gold_lower_bound,
                            gold_answers: s.gold_answers,
                        }),
                    })
                    .collect(),
            }),
        }
    }
}

/// The item with its progress and, once resolved, its result.
pub fn item_view(conn: &mut DbConn, r: ItemRow) -> ApiResult<ItemView> {
    Ok(detail::item_detail(conn, r).map(ItemView::from)?)
}

/// The lab's views of several items (see [`detail::item_details`] for the queries).
pub fn item_views(conn: &mut DbConn, rows: Vec<ItemRow>) -> ApiResult<Vec<ItemView>> {
    Ok(detail::item_details(conn, rows)?
        .into_iter()
        .map(ItemView::from)
        .collect())
}

/// The project, if the caller may write its items: the lab's members and its API keys with
/// `items:write` (404 for everyone outside the lab, 403 for a key without the scope);
/// experts never push, cancel or update items. Item ingestion, cancellation and update all
/// authorise through here.
pub(super) fn items_writer(
    conn: &mut DbConn,
    principal: &Principal,
    id: &ProjectId,
) -> ApiResult<crate::projects::ProjectRow> {
    let project =
        crate::projects::service::project_with_scope(conn, principal, id, Scope::ItemsWrite)?;
    if let Principal::User(u) = principal
        && u.is_expert
        && !u.is_platform_admin
    {
        return Err(ApiError::forbidden(
            "experts do not push, cancel or update items",
        ));
    }
    Ok(project)
}

/// Push escalated items into a project
///
/// The lab's members, and its API keys with `items:write`; the project must be active.
/// One item (a JSON object), a JSON array, or JSON lines (`application/x-ndjson`), up to
/// 1000 per request. Each row is checked on its own: valid rows are stored, invalid rows are
/// reported with the fields at fault, and a row whose `external_id` already exists in the
/// project returns that item (`exists`) instead of a duplicate, so retries are safe. A
/// re-sent `external_id` whose slice, payload or stakes differ from the stored item is a
/// `conflict`: the existing id is returned, `errors` names the differing fields, and
/// nothing is written. A single item sent as one JSON object (not an array) is answered
/// the same way, except that a conflict is a 422 problem naming the differing fields.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body(content(
        (ItemBatch = "application/json"),
        (String = "application/x-ndjson")
    ), description = "Items as a JSON array (or one object), or one JSON object per line"),
    responses(
        (status = 200, description = "Per-row results", body = BulkResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 413, response = crate::http::PayloadTooLarge),
        (status = 415, response = crate::http::UnsupportedMediaType),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/items")]
async fn ingest_items(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    rows: BulkRows,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let now = state.now();
    let BulkRows(rows, single) = rows;
    let result = state
        .db
        .write(move |conn| {
            let project = items_writer(conn, &principal, &id)?;
            // The project lock serialises batches, so concurrent rows with one external id
            // resolve to `created` + `exists`, never a duplicate.
            let project = crate::projects::service::lock_fresh(conn, &project, now)?;
            if project.status != "active" {
                return Err(ApiError::conflict(format!(
                    "the project is {}; items are accepted while it is active",
                    project.status
                )));
            }
            let slices: Vec<String> =
                crate::projects::project_slices(conn, &project.org_id, &project.id)?
                    .into_iter()
                    .map(|ps| ps.slice_id)
                    .collect();
            let ctx = ingest::Context {
                slices: &slices,
                default_deadline_secs: project.default_deadline_secs,
                now,
            };
            let (key, user) = match &principal {
                Principal::ApiKey(k) => (Some(k.key_id.to_string()), None),
                Principal::User(u) => (None, Some(u.user_id.to_string())),
            };
            let mut report = BulkReport::new();
            let mut fresh: Vec<(usize, ingest::Checked, String)> = Vec::new();
            for (row, value) in rows.iter().cloned() {
                let c = match ingest::check(&ctx, value) {
                    Ok(c) => c,
                    Err(errors) => {
                        report.invalid(row, errors);
                        continue;
                    }
                };
                let external = c.input.external_id.trim().to_owned();
                if !report.first_time(row, &external) {
                    continue;
                }
                fresh.push((row, c, external));
            }
            // Idempotency: one read for the batch's external ids.
            let known = store::known_by_external_id(
                conn,
                &project.org_id,
                &project.id,
                fresh.iter().map(|(_, _, e)| e.as_str()),
            )?;
            let mut new_items = Vec::with_capacity(fresh.len());
            let mut new_rows = Vec::with_capacity(fresh.len());
            let payloads: Vec<String> = fresh
                .iter()
                .map(|(_, c, _)| c.input.payload.to_string())
                .collect();
            for ((row, c, external), payload) in fresh.iter().zip(&payloads) {
                if let Some(existing) = known.get(external) {
                    let stored_payload: Value =
                        crate::db::stored_json("items.payload", &existing.payload)?;
                    let differing = ingest::differing_fields(
                        &ingest::Stored {
                            slice_id: &existing.slice_id,
                            payload: &stored_payload,
                            stakes: &existing.stakes,
                        },
                        &slices[c.slice],
                        &c.input,
                    );
                    if differing.is_empty() {
                        report.exists(*row, existing.id.clone());
                    } else if single {
                        // One item, not a batch: the conflict is the answer (nothing written).
                        return Err(ApiError::validation(differing));
                    } else {
                        report.conflict(*row, existing.id.clone(), differing);
                    }
                    continue;
                }
                new_rows.push(*row);
                new_items.push(store::NewItem {
                    org: &project.org_id,
                    project: &project.id,
                    slice: &slices[c.slice],
                    external_id: external,
                    payload,
                    judge_confidence: c.input.judge_confidence,
                    stakes: c.input.stakes.as_str(),
                    priority: c.input.priority,
                    deadline_at: c.deadline,
                    status_reason: super::ingest::QUEUED_REASON,
                    created_by_key: key.as_deref(),
                    created_by_user: user.as_deref(),
                    constitution_version: project.constitution_version,
                });
            }
            let ids = store::insert_many(conn, now, &new_items)?;
            let mut created: Vec<(String, String)> = Vec::with_capacity(ids.len());
            for ((row, item), id) in new_rows.into_iter().zip(&new_items).zip(ids) {
                created.push((item.slice.to_owned(), id.as_str().to_owned()));
                report.created(row, id.into_string());
            }
            let result = report.finish();
            if result.created > 0 {
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "items.ingested",
                        org_id: Some(&project.org_id),
                        subject_type: "project",
                        subject_id: Some(&project.id),
                        details: json!({ "created": result.created, "existing": result.existing, "conflicts": result.conflicts, "invalid": result.invalid }),
                    },
                )?;
            }
            Ok((result, project.id.clone(), created))
        })
        .await?;
    let (result, project, created) = result;
    // Route the new items, slice by slice, outside the batch's transaction: while someone
    // could take them, item by item; the rest wait in the queue without a write each (the
    // expert-side routing takes them as capacity frees up).
    let mut by_slice: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (slice, id) in created {
        by_slice.entry(slice).or_default().push(id);
    }
    let settings = state.settings.clone();
    let routed = state
        .db
        .read(move |conn| {
            for (slice, ids) in &by_slice {
                super::service::route_new(conn, now, &settings, &project, slice, ids)?;
            }
            Ok::<_, ApiError>(())
        })
        .await;
    if let Err(e) = routed {
        tracing::warn!(error = %e, "routing new items failed; the sweep offers them as experts free up");
    }
    Ok(HttpResponse::Ok().json(result))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ItemFilter {
    /// `queued`, `assigned`, `adjudicating`, `overdue`, `resolved`, `cancelled` or
    /// `expired`, as the item's `status` shows it: `overdue` lists open items past their
    /// deadline, an open stage (`queued`, …) only that stage's items not overdue.
    pub status: Option<String>,
    /// Only this slice's items.
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    /// The item with this external id.
    pub external_id: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List a project's items
///
/// The lab's members and its API keys with `items:read`; oldest first.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id"), ItemFilter),
    responses(
        (status = 200, description = "One page of items", body = Page<ItemView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/items")]
async fn list_items(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<ItemFilter>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(ItemId::PREFIX)?;
    if let Some(s) = &f.status
        && ![
            "queued",
            "assigned",
            "adjudicating",
            "overdue",
            "resolved",
            "cancelled",
            "expired",
        ]
        .contains(&s.as_str())
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be queued, assigned, adjudicating, overdue, resolved, cancelled or expired",
        ));
    }
    let slice = f
        .slice
        .map(|s| SliceId::parse(&s).map_err(|e| ApiError::bad_parameter("slice", e.to_string())))
        .transpose()?;
    let filter = store::Filter {
        status: f.status,
        slice: slice.map(|s| s.to_string()),
        external_id: f.external_id,
    };
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            let project = crate::projects::service::project_with_scope(
                conn,
                &principal,
                &id,
                Scope::ItemsRead,
            )?;
            let rows = store::list(conn, &project.org_id, &project.id, &filter, &p)?;
            Page::try_from_page(rows, &p, |r| r.id.clone(), |rows| item_views(conn, rows))
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// Get an item
///
/// The lab's members and its API keys with `items:read`; 404 for everyone else.
#[utoipa::path(
    tag = "items",
    params(("item" = ItemId, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item", body = ItemView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/items/{item}")]
async fn get_item(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ItemId = path_id("item", &path)?;
    let row = state
        .db
        .read(move |conn| {
            let not_found = || ApiError::not_found(format!("item {id} not found"));
            let row = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
            principal
                .org_read(&OrgId::from_db(row.org_id.clone()), Scope::ItemsRead)
                .map_err(|e| {
                    if e.is_not_found() {
                        not_found()
                    } else {
                        e.into()
                    }
                })?;
            item_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(row))
}

/// One routing decision.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionView {
    pub at: DateTime<Utc>,
    /// `annotator` or `adjudicator`.
    pub role: String,
    /// Experts the decision looked for.
    pub wanted: i32,
    /// The chosen experts (pseudonymous handles) with their slice status, tier and score
    /// terms: `sample` (Thompson draw from Beta(alpha, beta), capped at `bound` = min(1, mean + 4 sd); the sample was drawn ahead, when the expert was
    /// last compared), `load`,
    /// `cost` and `score = w_perf·sample − w_load·load − w_cost·cost`.
    #[schema(value_type = Vec<Object>)]
    pub chosen: Value,
    /// How many candidates each hard filter removed, among those scanned.
    #[schema(value_type = Object)]
    pub removed: Value,
    /// Candidates read from the slice's candidate table (those without a pre-drawn sample
    /// first, then best routing key first; the scan stops when no remaining key can beat
    /// the shortlist).
    pub scanned: i32,
    /// Candidates that passed every filter and were scored.
    pub sampled: i32,
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoutingExplanation {
    pub item_id: ItemId,
    pub status: ItemStatus,
    pub status_reason: String,
    /// Every decision for the item, oldest first (re-routing after a decline or expiry,
    /// and adjudication, add decisions).
    pub decisions: Vec<DecisionView>,
}

/// Explain an item's routing
///
/// The lab's admins and platform admins: which experts were chosen and why — the hard
/// filters and what each removed, the score terms of the chosen, and why an item waits.
#[utoipa::path(
    tag = "items",
    params(("item" = ItemId, Path, description = "Item id")),
    responses(
        (status = 200, description = "The routing decisions", body = RoutingExplanation),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/items/{item}/routing")]
async fn explain_routing(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ItemId = path_id("item", &path)?;
    let v = state
        .db
        .read(move |conn| {
            let not_found = || ApiError::not_found(format!("item {id} not found"));
            let row = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
            principal
                .org_admin(&OrgId::from_db(row.org_id.clone()))
                .map_err(|e| {
                    if e.is_not_found() {
                        not_found()
                    } else {
                        e.into()
                    }
                })?;
            let decisions = store::decisions_of(conn, &row.org_id, &row.id)?
                .into_iter()
                .map(|d| -> ApiResult<DecisionView> {
                    Ok(DecisionView {
                        at: crate::clock::utc(d.at),
                        role: d.role,
                        wanted: d.wanted,
                        chosen: crate::db::stored_json("routing_decisions.chosen", &d.chosen)?,
                        removed: crate::db::stored_json("routing_decisions.removed", &d.removed)?,
                        scanned: d.scanned,
                        sampled: d.sampled,
                        note: d.note,
                    })
                })
                .collect::<ApiResult<Vec<_>>>()?;
            let status = detail::shown_status(&row);
            Ok::<_, ApiError>(RoutingExplanation {
                item_id: ItemId::from_db(row.id),
                status,
                status_reason: row.status_reason,
                decisions,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::detail::{JudgmentDetail, ProgressDetail, ResultDetail};

    /// The item webhooks send the detail's serialisation as `data.item`; it must be the
    /// view's JSON, field for field.
    #[test]
    fn the_webhook_item_is_the_view() {
        let now = Utc::now();
        let detail = ItemDetail {
            id: ItemId::new(now),
            project_id: ProjectId::new(now),
            slice_id: SliceId::new(now),
            external_id: "x-1".into(),
            payload: json!({"prompt": "p", "a": "first", "b": "second"}),
            judge_confidence: Some(0.4),
            stakes: Stakes::default(),
            priority: 3,
            effective_priority: 28,
            deadline: now,
            status: ItemStatus::Overdue,
            stage: ItemStatus::Assigned,
            overdue_at: Some(now),
            status_reason: "resolved".into(),
            created_at: now,
            updated_at: now,
            resolved_at: Some(now),
            constitution_version: Some(2),
            progress: ProgressDetail {
                offered: 1,
                accepted: 2,
                submitted: 3,
                declined: 4,
                expired: 5,
                cancelled: 6,
            },
            result: Some(ResultDetail {
                resolution: Resolution::Adjudication,
                final_label: Some(json!({"preference": "b"})),
                adjudicated: true,
                judgments: vec![JudgmentDetail {
                    expert: "expert-7f3a".into(),
                    role: "annotator".into(),
                    label: json!({"preference": "a"}),
                    agrees: Some(false),
                    submitted_at: Some(now),
                    active_seconds: Some(312),
                    constitution_version: Some(2),
                    standing_at_submit: Some(super::super::detail::StandingDetail {
                        status: "qualified".into(),
                        tier: "senior".into(),
                        gold_lower_bound: Some(0.91),
                        gold_answers: 23.5,
                    }),
                }],
            }),
        };
        let payload = serde_json::to_string(&detail).unwrap();
        let view = serde_json::to_string(&ItemView::from(detail)).unwrap();
        assert_eq!(payload, view);
    }
}
