//! Results to the lab: the cursor-paginated feed of a project's resolved items, in the
//! order they resolved, and the export of the same records as JSON lines, either whole or
//! as preference pairs (`prompt`, `chosen`, `rejected`) for DPO-style training.
//!
//! The feed orders by `(resolved_at, id)`. A result becomes visible once it is
//! `routing.results_feed_lag_secs` old, so a resolution committed a moment after a later
//! one (two transactions on PostgreSQL) is never skipped by a consumer that has already
//! moved its cursor past the later one.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use super::routes::{ItemView, item_views};
use super::store::{FeedCursor, ItemRow, resolved_page};
use crate::auth::{Principal, Scope};
use crate::http::pagination::PageParams;
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{ItemId, ProjectId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(results_feed).service(export_results);
}

fn cursor_of(r: &ItemRow) -> String {
    FeedCursor {
        at: r.resolved_at.unwrap_or(r.updated_at),
        item: r.id.clone(),
    }
    .encode()
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FeedParams {
    /// Only this slice.
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page. Keep the last one: polling with it returns
    /// only results that arrived since.
    pub cursor: Option<String>,
}

/// One page of the results feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsPage {
    /// Resolved items (each with `result`), oldest resolution first.
    pub data: Vec<ItemView>,
    /// Pass as `cursor` to continue. Unlike other lists it is never null once the feed
    /// has returned a result: the feed grows, and polling with the last cursor returns
    /// what resolved since (an empty page when nothing did).
    pub next_cursor: Option<String>,
    /// Whether more results are available right now.
    pub has_more: bool,
}

fn parse_slice(s: Option<String>) -> ApiResult<Option<String>> {
    s.map(|s| {
        SliceId::parse(&s)
            .map(|s| s.to_string())
            .map_err(|e| ApiError::bad_parameter("slice", e.to_string()))
    })
    .transpose()
}

/// Read the results feed
///
/// The project's resolved items in the order they resolved, each with its final label,
/// the judgments under pseudonymous expert handles (labels with rationale and cited
/// clauses), the constitution version and whether it was adjudicated. The lab's members
/// and its API keys with `items:read`. A result appears once it is
/// `routing.results_feed_lag_secs` (default 5) seconds old, so a consumer that polls with
/// its last cursor never skips one.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id"), FeedParams),
    responses(
        (status = 200, description = "One page of results", body = ResultsPage),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/results")]
async fn results_feed(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<FeedParams>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let p = q.0;
    // The shared page-size rule (the feed's cursor is its own, checked below).
    let limit = PageParams {
        limit: p.limit,
        cursor: None,
    }
    .resolve(ItemId::PREFIX)?
    .limit;
    let after = p
        .cursor
        .as_deref()
        .map(|c| {
            FeedCursor::decode(c).ok_or_else(|| {
                ApiError::bad_parameter("cursor", "is not a cursor returned by this feed")
            })
        })
        .transpose()?;
    let slice = parse_slice(p.slice)?;
    let until = horizon(&state);
    let page = state
        .db
        .read(move |conn| {
            let project = crate::projects::service::project_with_scope(
                conn,
                &principal,
                &id,
                Scope::ItemsRead,
            )?;
            let mut rows = resolved_page(
                conn,
                &project.org_id,
                &project.id,
                slice.as_deref(),
                until,
                after.as_ref(),
                limit + 1,
            )?;
            let has_more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next_cursor = rows
                .last()
                .map(cursor_of)
                .or_else(|| after.as_ref().map(FeedCursor::encode));
            let data = item_views(conn, rows)?;
            Ok::<_, ApiError>(ResultsPage {
                data,
                next_cursor,
                has_more,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// The newest resolution time the feed shows now.
fn horizon(state: &AppState) -> NaiveDateTime {
    (state.clock.now() - chrono::Duration::seconds(state.settings.routing.results_feed_lag_secs))
        .naive_utc()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// One resolved item per line, as in the results feed.
    #[default]
    Jsonl,
    /// Preference pairs for DPO-style training: one line per resolved pairwise item with a
    /// material preference (not a tie, not both bad).
    Dpo,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    /// `jsonl` (default) or `dpo`.
    #[param(inline)]
    pub format: Option<ExportFormat>,
    /// Only this slice.
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    /// Only items resolved at or after this instant (RFC 3339).
    pub resolved_after: Option<DateTime<Utc>>,
    /// Only items resolved before this instant (RFC 3339).
    pub resolved_before: Option<DateTime<Utc>>,
    /// `dpo`: the payload field holding the prompt (default `prompt`).
    pub prompt_field: Option<String>,
    /// `dpo`: the payload field holding response A (default `a`).
    pub a_field: Option<String>,
    /// `dpo`: the payload field holding response B (default `b`).
    pub b_field: Option<String>,
}

/// Where a DPO pair's parts are in an item's payload.
#[derive(Debug, Clone)]
pub struct PairFields {
    pub prompt: String,
    pub a: String,
    pub b: String,
}

impl Default for PairFields {
    fn default() -> Self {
        Self {
            prompt: "prompt".into(),
            a: "a".into(),
            b: "b".into(),
        }
    }
}

/// The preference pair of a resolved item, or `None` when it has none: not a pairwise
/// label, a tie or both-bad verdict, no final label, or a payload without the fields.
pub fn dpo_pair(view: &ItemView, fields: &PairFields) -> Option<Value> {
    let result = view.result.as_ref()?;
    let label = result.final_label.as_ref()?;
    if label.get("both_bad").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    let (chosen, rejected) = match label.get("preference")?.as_str()? {
        "a" => (&fields.a, &fields.b),
        "b" => (&fields.b, &fields.a),
        _ => return None,
    };
    let prompt = view.payload.get(&fields.prompt)?;
    let chosen = view.payload.get(chosen)?;
    let rejected = view.payload.get(rejected)?;
    Some(json!({
        "prompt": prompt,
        "chosen": chosen,
        "rejected": rejected,
        "strength": label.get("strength"),
        "item_id": view.id,
        "external_id": view.external_id,
        "slice_id": view.slice_id,
        "resolution": result.resolution,
        "constitution_version": view.constitution_version,
        "resolved_at": view.resolved_at,
        // Provenance: who judged (pseudonymous), when, for how long, under which
        // constitution and with what standing at the time.
        "judgments": result.judgments.iter().map(|j| json!({
            "expert": j.expert,
            "role": j.role,
            "label": j.label,
            "submitted_at": j.submitted_at,
            "active_seconds": j.active_seconds,
            "constitution_version": j.constitution_version,
            "standing_at_submit": j.standing_at_submit,
        })).collect::<Vec<_>>(),
    }))
}

/// Rows read per database round trip while streaming an export.
const EXPORT_PAGE: i64 = 200;

/// Export results as JSON lines
///
/// Streams every resolved item of the project (optionally one slice and a resolution
/// window) as `application/x-ndjson`, oldest resolution first: `format=jsonl` writes the
/// same record as the feed; `format=dpo` writes `{"prompt", "chosen", "rejected", …}`
/// preference pairs from pairwise slices, taking the three parts from the payload fields
/// named by `prompt_field`, `a_field` and `b_field`, and skipping ties, both-bad verdicts,
/// unresolved disagreements and payloads without those fields. The lab's members and its
/// API keys with `items:read`.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id"), ExportParams),
    responses(
        (status = 200, description = "JSON lines, one result per line",
            content_type = "application/x-ndjson", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/results/export")]
async fn export_results(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<ExportParams>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let p = q.0;
    let format = p.format.unwrap_or_default();
    let slice = parse_slice(p.slice)?;
    if let (Some(a), Some(b)) = (p.resolved_after, p.resolved_before)
        && a >= b
    {
        return Err(ApiError::bad_parameter(
            "resolved_before",
            "must be later than resolved_after",
        ));
    }
    let defaults = PairFields::default();
    let fields = PairFields {
        prompt: p.prompt_field.unwrap_or(defaults.prompt),
        a: p.a_field.unwrap_or(defaults.a),
        b: p.b_field.unwrap_or(defaults.b),
    };
    let until = p
        .resolved_before
        .map(|b| b.naive_utc() - chrono::Duration::microseconds(1))
        .unwrap_or_else(|| state.clock.now().naive_utc());
    // Resolved at or after `resolved_after`: a cursor at that instant before every id
    // (`resolved_at > a`, or `= a` with any id) starts there.
    let start = p.resolved_after.map(|a| FeedCursor {
        at: a.naive_utc(),
        item: String::new(),
    });
    // Check access before the first byte is sent: errors after that cannot be reported.
    let project = {
        let principal = principal.clone();
        state
            .db
            .read(move |conn| {
                crate::projects::service::project_with_scope(
                    conn,
                    &principal,
                    &id,
                    Scope::ItemsRead,
                )
            })
            .await?
    };
    let db = state.db.clone();
    struct Cursor {
        after: Option<FeedCursor>,
        done: bool,
    }
    let stream = futures_util::stream::unfold(
        Cursor {
            after: start,
            done: false,
        },
        move |mut cur| {
            let db = db.clone();
            let (org, project, slice, fields) = (
                project.org_id.clone(),
                project.id.clone(),
                slice.clone(),
                fields.clone(),
            );
            async move {
                if cur.done {
                    return None;
                }
                let after = cur.after.clone();
                let page = db
                    .read(move |conn| {
                        let rows = resolved_page(
                            conn,
                            &org,
                            &project,
                            slice.as_deref(),
                            until,
                            after.as_ref(),
                            EXPORT_PAGE,
                        )?;
                        let next = rows.last().map(|r| FeedCursor {
                            at: r.resolved_at.unwrap_or(r.updated_at),
                            item: r.id.clone(),
                        });
                        let full = rows.len() as i64 == EXPORT_PAGE;
                        let mut out = Vec::new();
                        for view in item_views(conn, rows)? {
                            let line = match format {
                                ExportFormat::Jsonl => serde_json::to_value(&view).ok(),
                                ExportFormat::Dpo => dpo_pair(&view, &fields),
                            };
                            if let Some(line) = line {
                                out.extend_from_slice(line.to_string().as_bytes());
                                out.push(b'\n');
                            }
                        }
                        Ok::<_, ApiError>((out, next, full))
                    })
                    .await;
                match page {
                    Ok((bytes, next, full)) => {
                        cur.after = next;
                        cur.done = !full;
                        Some((Ok::<_, ApiError>(web::Bytes::from(bytes)), cur))
                    }
                    Err(e) => {
                        // Headers are gone: end the body early; the client sees a
                        // truncated stream rather than a silently complete one.
                        tracing::error!(error = %e, "results export failed mid-stream");
                        cur.done = true;
                        Some((Err(e), cur))
                    }
                }
            }
        },
    );
    Ok(HttpResponse::Ok()
        .content_type("application/x-ndjson")
        .streaming(stream))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::routes::{ItemResult, Progress, Resolution};

    fn view(payload: Value, final_label: Option<Value>) -> ItemView {
        let now = Utc::now();
        ItemView {
            id: ItemId::new(now),
            project_id: ProjectId::new(now),
            slice_id: SliceId::new(now),
            external_id: "x-1".into(),
            payload,
            judge_confidence: None,
            stakes: Default::default(),
            priority: 0,
            effective_priority: 0,
            deadline: now,
            status: super::super::routes::ItemStatus::Resolved,
            stage: super::super::routes::ItemStatus::Resolved,
            overdue_at: None,
            status_reason: String::new(),
            created_at: now,
            updated_at: now,
            resolved_at: Some(now),
            constitution_version: Some(2),
            progress: Progress::default(),
            result: Some(ItemResult {
                resolution: Resolution::Agreement,
                adjudicated: false,
                final_label,
                judgments: vec![],
            }),
        }
    }

    #[test]
    fn a_preference_for_b_makes_b_the_chosen_response() {
        let v = view(
            json!({"prompt": "p", "a": "first", "b": "second"}),
            Some(json!({"preference": "b", "strength": 2})),
        );
        let pair = dpo_pair(&v, &PairFields::default()).unwrap();
        assert_eq!(pair["prompt"], "p");
        assert_eq!(pair["chosen"], "second");
        assert_eq!(pair["rejected"], "first");
        assert_eq!(pair["strength"], 2);
        assert_eq!(pair["constitution_version"], 2);
    }

    #[test]
    fn ties_both_bad_disagreements_and_missing_fields_make_no_pair() {
        let payload = json!({"prompt": "p", "a": "x", "b": "y"});
        let f = PairFields::default();
        assert!(
            dpo_pair(
                &view(payload.clone(), Some(json!({"preference": "tie"}))),
                &f
            )
            .is_none()
        );
        assert!(
            dpo_pair(
                &view(
                    payload.clone(),
                    Some(json!({"preference": "a", "strength": 1, "both_bad": true}))
                ),
                &f
            )
            .is_none()
        );
        assert!(dpo_pair(&view(payload.clone(), None), &f).is_none());
        assert!(
            dpo_pair(
                &view(payload.clone(), Some(json!({"label": "correct"}))),
                &f
            )
            .is_none()
        );
        assert!(
            dpo_pair(
                &view(
                    json!({"question": "p", "a": "x", "b": "y"}),
                    Some(json!({"preference": "a", "strength": 1}))
                ),
                &f
            )
            .is_none()
        );
        let custom = PairFields {
            prompt: "question".into(),
            a: "left".into(),
            b: "right".into(),
        };
        let pair = dpo_pair(
            &view(
                json!({"question": "q", "left": [{"role": "assistant", "content": "L"}], "right": "R"}),
                Some(json!({"preference": "a", "strength": 3})),
            ),
            &custom,
        )
        .unwrap();
        assert_eq!(
            pair["chosen"],
            json!([{"role": "assistant", "content": "L"}])
        );
        assert_eq!(pair["rejected"], "R");
    }

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        let c = FeedCursor {
            at: DateTime::<Utc>::from_timestamp_micros(1_790_000_000_123_456)
                .unwrap()
                .naive_utc(),
            item: ItemId::new(Utc::now()).to_string(),
        };
        assert_eq!(FeedCursor::decode(&c.encode()), Some(c.clone()));
        assert_eq!(
            FeedCursor::decode("12.usr_01jd3v7q8y2k5m9n4p6r8s0t2w"),
            None
        );
        assert_eq!(FeedCursor::decode("abc.def"), None);
        assert_eq!(FeedCursor::decode(""), None);
    }
}
