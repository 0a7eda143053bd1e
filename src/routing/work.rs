//! `/v1/assignments…`: an expert's own item work — list, claim the next, accept, decline,
//! heartbeat, submit. An expert sees the payload, the slice's label schema and the pinned
//! constitution; never other experts, their judgments (except anonymised, when
//! adjudicating), whether an item is gold, or the judge's confidence (unless the project
//! shows it). Gold and real assignments have exactly the same shape.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::service;
use super::store;
use crate::assignments::AssignmentRow;
use crate::auth::Principal;
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::experts::ExpertRow;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{AssignmentId, ProjectId, SliceId};
use crate::projects::constitution::Clause;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_work)
        .service(next_work)
        .service(get_work)
        .service(accept_work)
        .service(decline_work)
        .service(heartbeat_work)
        .service(submit_work);
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkRole {
    Annotator,
    Adjudicator,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    Offered,
    Accepted,
    Submitted,
    Declined,
    Expired,
    /// The lab cancelled the item; time already worked on it is paid.
    Cancelled,
}

fn work_status(s: &str) -> WorkStatus {
    match s {
        "accepted" => WorkStatus::Accepted,
        "submitted" => WorkStatus::Submitted,
        "declined" => WorkStatus::Declined,
        "expired" => WorkStatus::Expired,
        "cancelled" => WorkStatus::Cancelled,
        _ => WorkStatus::Offered,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkProject {
    pub id: ProjectId,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkSlice {
    pub id: SliceId,
    pub key: String,
    pub name: String,
    /// The label format a judgment must follow.
    #[schema(value_type = Object)]
    pub label_schema: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkConstitution {
    pub version: i32,
    pub title: String,
    pub clauses: Vec<Clause>,
}

/// Another expert's judgment, without who gave it (adjudicators only).
#[derive(Debug, Serialize, ToSchema)]
pub struct AnonymousJudgment {
    /// "Judgment 1", "Judgment 2", …
    pub name: String,
    #[schema(value_type = Object)]
    pub label: Value,
}

/// An assignment as its expert sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkView {
    pub id: AssignmentId,
    pub role: WorkRole,
    pub status: WorkStatus,
    pub project: WorkProject,
    pub slice: WorkSlice,
    pub constitution: Option<WorkConstitution>,
    /// The item to judge.
    #[schema(value_type = Object)]
    pub payload: Value,
    /// The AI judge's confidence, only where the project shows it (else null).
    pub judge_confidence: Option<f64>,
    /// The item's effective priority when offered: the lab's priority (0–100) plus the
    /// deadline curve's boost (up to +75 once the item is overdue).
    pub priority: i32,
    pub offered_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub due_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The other experts' judgments, anonymised (adjudication only; empty otherwise).
    pub judgments: Vec<AnonymousJudgment>,
    /// Your submitted judgment.
    #[schema(value_type = Option<Object>)]
    pub your_label: Option<Value>,
    /// Your measured working time on it so far (heartbeat-covered sessions).
    pub active_seconds: i64,
}

fn view(conn: &mut DbConn, settings: &Settings, a: AssignmentRow) -> AppResult<WorkView> {
    let missing = |what: &str| AppError::internal(anyhow::anyhow!("{what} of {} vanished", a.id));
    let project_id = a.project_id.clone().ok_or_else(|| missing("project"))?;
    let project =
        crate::projects::find_project(conn, &project_id)?.ok_or_else(|| missing("project"))?;
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?.ok_or_else(|| missing("slice"))?;
    let (payload, confidence) = match (&a.item_id, &a.gold_item_id) {
        (Some(item), _) => {
            let i = store::find(conn, item)?.ok_or_else(|| missing("item"))?;
            (
                crate::db::stored_json::<Value>("items.payload", &i.payload)?,
                i.judge_confidence,
            )
        }
        (None, Some(gold)) => {
            let g = crate::gold::find_gold(conn, gold)?.ok_or_else(|| missing("gold item"))?;
            // What the real item it displaced would have shown (see
            // `service::gold_instead`): gold shows a confidence exactly when real work does.
            (
                crate::db::stored_json::<Value>("gold_items.payload", &g.payload)?,
                store::gold_shown_confidence(conn, &a.id)?.flatten(),
            )
        }
        (None, None) => return Err(missing("item")),
    };
    let constitution = match a.constitution_version {
        Some(v) => crate::projects::find_constitution(conn, &project.org_id, &project.id, v)?
            .map(|c| -> AppResult<WorkConstitution> {
                Ok(WorkConstitution {
                    version: c.version,
                    clauses: crate::projects::service::load_clauses(conn, &c)?,
                    title: c.title,
                })
            })
            .transpose()?,
        None => None,
    };
    let mut judgments = Vec::new();
    if a.role == "adjudicator"
        && let Some(item) = &a.item_id
    {
        let others = crate::assignments::of_item(conn, item)?;
        for (n, o) in others
            .iter()
            .filter(|o| o.role == "annotator" && o.status == "submitted")
            .enumerate()
        {
            judgments.push(AnonymousJudgment {
                name: format!("Judgment {}", n + 1),
                label: match o.label.as_deref() {
                    Some(l) => crate::db::stored_json("assignments.label", l)?,
                    None => Value::Null,
                },
            });
        }
    }
    let active_seconds = match a.active_seconds {
        Some(s) => s,
        None => crate::assignments::sessions::active_seconds(
            &crate::assignments::sessions_of(conn, &a.id)?,
            settings.routing.max_item_seconds,
        ),
    };
    Ok(WorkView {
        id: AssignmentId::from_db(a.id),
        role: if a.role == "adjudicator" {
            WorkRole::Adjudicator
        } else {
            WorkRole::Annotator
        },
        status: work_status(&a.status),
        project: WorkProject {
            id: ProjectId::from_db(project.id),
            name: project.name,
        },
        slice: WorkSlice {
            id: SliceId::from_db(slice.id),
            key: slice.key,
            name: slice.name,
            label_schema: crate::db::stored_json("slices.label_schema", &slice.label_schema)?,
        },
        constitution,
        payload,
        judge_confidence: if project.show_judge_confidence {
            confidence
        } else {
            None
        },
        priority: a.priority,
        offered_at: crate::clock::utc(a.offered_at),
        accepted_at: a.accepted_at.map(crate::clock::utc),
        due_at: crate::clock::utc(a.due_at),
        submitted_at: a.submitted_at.map(crate::clock::utc),
        judgments,
        your_label: a
            .label
            .as_deref()
            .map(|l| crate::db::stored_json::<Value>("assignments.label", l))
            .transpose()?,
        active_seconds,
    })
}

/// The calling expert.
fn me(conn: &mut DbConn, principal: &Principal) -> AppResult<ExpertRow> {
    crate::experts::service::own(conn, principal.user()?)
}

/// The caller's own assignment; 404 for anyone else's.
fn mine(conn: &mut DbConn, principal: &Principal, id: &AssignmentId) -> AppResult<AssignmentRow> {
    let expert = me(conn, principal)?;
    crate::assignments::find_assignment(conn, id.as_str())?
        .filter(|a| a.expert_id == expert.id)
        .ok_or_else(|| AppError::not_found(format!("assignment {id} not found")))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WorkFilter {
    /// `offered`, `accepted`, `submitted`, `declined`, `expired` or `cancelled`.
    #[param(pattern = "^(offered|accepted|submitted|declined|expired|cancelled)$")]
    pub status: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List your assignments
///
/// The calling expert's item work, newest first.
#[utoipa::path(
    tag = "work",
    params(WorkFilter),
    responses(
        (status = 200, description = "One page of assignments", body = Page<WorkView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/assignments")]
async fn list_work(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<WorkFilter>,
) -> ApiResult<HttpResponse> {
    let f = q.0;
    if let Some(s) = &f.status
        && ![
            "offered",
            "accepted",
            "submitted",
            "declined",
            "expired",
            "cancelled",
        ]
        .contains(&s.as_str())
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be offered, accepted, submitted, declined, expired or cancelled",
        ));
    }
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(AssignmentId::PREFIX)?;
    let settings = state.settings.clone();
    let v = state
        .db
        .read(move |conn| -> AppResult<_> {
            let expert = me(conn, &principal)?;
            let rows =
                crate::assignments::list_for_expert(conn, &expert.id, f.status.as_deref(), &page)?;
            Page::try_from_rows(rows, &page, |r| r.id.clone(), |r| view(conn, &settings, r))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Claim your next assignment
///
/// Returns the most urgent of your accepted and offered assignments (highest priority,
/// then earliest due), accepting it if it was only offered. With none, takes the best
/// waiting item you are eligible for (effective priority — the lab's priority raised as
/// the deadline nears — then deadline, then age) that still needs
/// someone like you, and accepts it for you; 204 with `Retry-After` when nothing fits.
#[utoipa::path(
    tag = "work",
    responses(
        (status = 200, description = "Your next assignment, accepted", body = WorkView),
        (status = 204, description = "Nothing for you right now; ask again after `Retry-After` seconds",
            headers(("Retry-After" = u32, description = "Seconds to wait before asking again"))),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/assignments/next")]
async fn next_work(state: web::Data<AppState>, principal: Principal) -> ApiResult<HttpResponse> {
    Ok(match next(&state, principal).await? {
        Some(v) => HttpResponse::Ok().json(v),
        None => HttpResponse::NoContent()
            .insert_header(("Retry-After", NEXT_RETRY_AFTER_SECS.to_string()))
            .finish(),
    })
}

/// How long `next` tells an expert with nothing to take to wait before asking again
/// (work that frees up meanwhile is offered to them by routing without asking).
const NEXT_RETRY_AFTER_SECS: u32 = 5;

/// Get one of your assignments
#[utoipa::path(
    tag = "work",
    params(("assignment" = AssignmentId, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "The assignment", body = WorkView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/assignments/{assignment}")]
async fn get_work(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AssignmentId = path_id("assignment", &path)?;
    Ok(HttpResponse::Ok().json(one(&state, principal, id).await?))
}

/// Accept an offered assignment
///
/// Starts measuring your working time (send heartbeats while you work).
#[utoipa::path(
    tag = "work",
    params(("assignment" = AssignmentId, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "Accepted", body = WorkView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/assignments/{assignment}/accept")]
async fn accept_work(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AssignmentId = path_id("assignment", &path)?;
    Ok(HttpResponse::Ok().json(accept(&state, principal, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    /// Why you decline (e.g. a conflict of interest, outside your expertise), 3–500 characters.
    #[schema(
        min_length = 3,
        max_length = 500,
        example = "I reviewed an earlier version of this code for the vendor."
    )]
    pub reason: String,
}

impl Validate for DeclineRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 3, 500).finish()
    }
}

/// Decline an assignment
///
/// Offered or accepted work can be declined with a reason; the item goes to another
/// expert. Declines are recorded as outcomes (scoring reads the decline rate).
#[utoipa::path(
    tag = "work",
    params(("assignment" = AssignmentId, Path, description = "Assignment id")),
    request_body = DeclineRequest,
    responses(
        (status = 200, description = "Declined", body = WorkView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/assignments/{assignment}/decline")]
async fn decline_work(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<DeclineRequest>,
) -> ApiResult<HttpResponse> {
    let id: AssignmentId = path_id("assignment", &path)?;
    let reason = body.into_inner().reason;
    Ok(HttpResponse::Ok().json(decline(&state, principal, id, reason).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HeartbeatView {
    /// Measured working time so far.
    pub active_seconds: i64,
    pub due_at: DateTime<Utc>,
    /// A gap between heartbeats longer than this ends a work session.
    pub idle_limit_secs: i64,
}

/// Send a heartbeat
///
/// While you work on an accepted assignment, send a heartbeat at least every
/// `routing.idle_limit_secs` (default 300 s); time is measured from accept to submit
/// where heartbeats cover it, and a longer gap is not counted.
#[utoipa::path(
    tag = "work",
    params(("assignment" = AssignmentId, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "Recorded", body = HeartbeatView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/assignments/{assignment}/heartbeat")]
async fn heartbeat_work(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AssignmentId = path_id("assignment", &path)?;
    Ok(HttpResponse::Ok().json(heartbeat(&state, principal, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    /// Your judgment in the slice's label schema, with `rationale` and `cited_clauses`
    /// (clause ids of the pinned constitution).
    #[schema(value_type = Object, example = json!({"preference": "b", "strength": 2, "rationale": "A unwraps a user-controlled value", "cited_clauses": ["C1"]}))]
    pub label: Value,
}

impl Validate for SubmitRequest {}

/// Submit your judgment
///
/// Validated against the slice's label schema and the pinned constitution version (422
/// naming the field). Only accepted assignments are submitted, once.
#[utoipa::path(
    tag = "work",
    params(("assignment" = AssignmentId, Path, description = "Assignment id")),
    request_body = SubmitRequest,
    responses(
        (status = 200, description = "Submitted", body = WorkView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/assignments/{assignment}/submit")]
async fn submit_work(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<SubmitRequest>,
) -> ApiResult<HttpResponse> {
    let id: AssignmentId = path_id("assignment", &path)?;
    let label = body.into_inner().label;
    Ok(HttpResponse::Ok().json(submit(&state, principal, id, label).await?))
}

// ---------------------------------------------------------------- the work itself
//
// What the handlers above do, as functions the expert workbench pages (`web::work`) call
// too: one path for who may do what with an assignment, and one rendering of what an
// expert may see of it ([`WorkView`]).

/// The expert's open work, offered and accepted, most urgent first (highest priority,
/// then earliest due): the workbench queue.
pub async fn open(state: &AppState, principal: Principal) -> AppResult<Vec<WorkView>> {
    let settings = state.settings.clone();
    state
        .db
        .read(move |conn| {
            let expert = me(conn, &principal)?;
            crate::assignments::open_for_expert(conn, &expert.id)?
                .into_iter()
                .map(|a| view(conn, &settings, a))
                .collect()
        })
        .await
}

/// The rule an expert with an unconfirmed address meets asking for work.
pub const UNVERIFIED_GETS_NO_WORK: &str =
    "an unverified account receives no work: confirm your e-mail address first";

/// `POST /v1/assignments/next`: the most urgent of the expert's accepted and offered
/// assignments (accepting an offer), else the best waiting item they are eligible for,
/// accepted for them; `None` when nothing fits.
pub async fn next(state: &AppState, principal: Principal) -> AppResult<Option<WorkView>> {
    if principal.user().is_ok_and(|u| !u.email_verified) {
        return Err(AppError::forbidden(UNVERIFIED_GETS_NO_WORK));
    }
    /// What the read found.
    enum Found {
        Accepted(Box<WorkView>),
        Offered(String),
        Nothing(String),
    }
    let vanished = || AppError::internal(anyhow::anyhow!("assignment vanished"));
    let now = state.now();
    let settings = state.settings.clone();
    // A read first: an expert working through accepted work needs no write transaction.
    let found = state
        .db
        .read(move |conn| {
            let expert = me(conn, &principal)?;
            let open = crate::assignments::open_for_expert(conn, &expert.id)?;
            Ok::<_, AppError>(
                match open.into_iter().find(|a| crate::clock::utc(a.due_at) > now) {
                    Some(a) if a.status == "accepted" => {
                        Found::Accepted(Box::new(view(conn, &settings, a)?))
                    }
                    Some(a) => Found::Offered(a.id),
                    None => Found::Nothing(expert.id),
                },
            )
        })
        .await?;
    let settings = state.settings.clone();
    Ok(match found {
        Found::Accepted(v) => Some(*v),
        Found::Offered(id) => Some(
            state
                .db
                .write(move |conn| {
                    let a = crate::assignments::find_assignment(conn, &id)?.ok_or_else(vanished)?;
                    service::accept(conn, now, &a)?;
                    let a =
                        crate::assignments::find_assignment(conn, &a.id)?.ok_or_else(vanished)?;
                    view(conn, &settings, a)
                })
                .await?,
        ),
        Found::Nothing(expert) => {
            state
                .db
                .read(move |conn| {
                    let Some(id) =
                        service::take_work(conn, now, &settings, &expert, service::Take::Accept)?
                    else {
                        return Ok::<_, AppError>(None);
                    };
                    let a = crate::assignments::find_assignment(conn, &id)?.ok_or_else(vanished)?;
                    view(conn, &settings, a).map(Some)
                })
                .await?
        }
    })
}

/// One of the caller's assignments; 404 for anyone else's.
pub async fn one(state: &AppState, principal: Principal, id: AssignmentId) -> AppResult<WorkView> {
    let settings = state.settings.clone();
    state
        .db
        .read(move |conn| {
            let a = mine(conn, &principal, &id)?;
            view(conn, &settings, a)
        })
        .await
}

/// What follows a change of an assignment, outside its transaction.
type FollowUp =
    fn(&mut DbConn, DateTime<Utc>, &Settings, &AssignmentRow) -> crate::error::AppResult<()>;

/// Runs `f` on the caller's assignment in a write transaction and returns its new view.
/// `then` runs afterwards, outside that transaction, with the assignment as it was before
/// `f` (what follows from the change: routing the item on, offering the expert new work);
/// its failure is logged, not returned, since the change itself committed.
async fn act(
    state: &AppState,
    principal: Principal,
    id: AssignmentId,
    f: impl Fn(&mut DbConn, DateTime<Utc>, &Settings, &AssignmentRow) -> AppResult<()> + Send + 'static,
    then: Option<FollowUp>,
) -> AppResult<WorkView> {
    let now = state.now();
    let settings = state.settings.clone();
    let (v, before) = state
        .db
        .write(move |conn| {
            let a = mine(conn, &principal, &id)?;
            f(conn, now, &settings, &a)?;
            let after = crate::assignments::find_assignment(conn, &a.id)?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("assignment vanished")))?;
            Ok::<_, AppError>((view(conn, &settings, after)?, a))
        })
        .await?;
    if let Some(then) = then {
        let settings = state.settings.clone();
        let id = before.id.clone();
        let followed = state
            .db
            .read(move |conn| then(conn, now, &settings, &before))
            .await;
        if let Err(e) = followed {
            tracing::warn!(assignment = %id, error = %e, "routing after an assignment change failed; the sweep repairs it");
        }
    }
    Ok(v)
}

/// Accepts an offered assignment (before its due time) and starts measuring time.
pub async fn accept(
    state: &AppState,
    principal: Principal,
    id: AssignmentId,
) -> AppResult<WorkView> {
    act(
        state,
        principal,
        id,
        |conn, now, _, a| {
            if crate::clock::utc(a.due_at) <= now {
                return Err(AppError::conflict("the assignment is past its due time"));
            }
            service::accept(conn, now, a)
        },
        None,
    )
    .await
}

/// Declines offered or accepted work with a reason (checked by [`DeclineRequest`]'s
/// `validate` at the edge); the item goes to another expert.
pub async fn decline(
    state: &AppState,
    principal: Principal,
    id: AssignmentId,
    reason: String,
) -> AppResult<WorkView> {
    let reason = reason.trim().to_owned();
    act(
        state,
        principal,
        id,
        move |conn, now, settings, a| {
            if service::end(conn, now, settings, a, "declined", Some(&reason))? {
                Ok(())
            } else {
                Err(AppError::conflict(format!(
                    "the assignment is {}; only offered or accepted work can be declined",
                    a.status
                )))
            }
        },
        Some(service::after_end),
    )
    .await
}

/// Records a heartbeat of accepted work; returns the time measured so far.
pub async fn heartbeat(
    state: &AppState,
    principal: Principal,
    id: AssignmentId,
) -> AppResult<HeartbeatView> {
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db
        .write(move |conn| {
            let a = mine(conn, &principal, &id)?;
            let secs = service::heartbeat(conn, now, &settings, &a)?;
            Ok::<_, AppError>(HeartbeatView {
                active_seconds: secs,
                due_at: crate::clock::utc(a.due_at),
                idle_limit_secs: settings.routing.idle_limit_secs,
            })
        })
        .await
}

/// Submits the judgment of accepted work before its due time (validated against the
/// slice's label schema and the pinned constitution, 422 naming the field).
pub async fn submit(
    state: &AppState,
    principal: Principal,
    id: AssignmentId,
    label: Value,
) -> AppResult<WorkView> {
    act(
        state,
        principal,
        id,
        move |conn, now, settings, a| {
            if crate::clock::utc(a.due_at) <= now && a.status == "accepted" {
                return Err(AppError::conflict("the assignment is past its due time"));
            }
            service::submit(conn, now, settings, a, &label)
        },
        Some(service::after_submit),
    )
    .await
}

/// An expert may now take work they could not before (a slice status or tier, a verified
/// credential, approval): waiting items are offered to them at once instead of at the
/// next sweep. Call after the change committed; a failure is logged (the sweep repairs).
pub async fn offer_waiting_work(state: &web::Data<AppState>, expert: String) {
    let now = state.now();
    let settings = state.settings.clone();
    let e = expert.clone();
    let offered = state
        .db
        .read(move |conn| service::offer_waiting(conn, now, &settings, &e))
        .await;
    if let Err(err) = offered {
        tracing::warn!(expert = %expert, error = %err, "offering waiting work failed; the sweep repairs it");
    }
}
