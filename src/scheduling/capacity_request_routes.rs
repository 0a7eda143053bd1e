//! `/v1/capacity-requests…`: labs' capacity requests, planned into shifts.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::availability::Interval;
use super::coverage::{self, Day};
use super::routes::{Reason, internal};
use super::service::{self, PlanReport};
use super::shift_routes::{ShiftView, shift_view};
use super::store::{self, RequestRow, ShiftRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{Principal, Scope};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{CapacityRequestId, OrgId, ProjectId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_request)
        .service(list_requests)
        .service(get_request)
        .service(replan_request)
        .service(cancel_request);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CapacityRequestView {
    pub id: CapacityRequestId,
    pub org_id: OrgId,
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    pub minutes_needed: i64,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    pub min_shift_minutes: i32,
    pub max_shift_minutes: i32,
    pub min_experts: i32,
    /// `open` or `cancelled`.
    pub status: String,
    /// Minutes of shifts offered or confirmed.
    pub minutes_booked: i64,
    pub minutes_confirmed: i64,
    /// What the last plan could not cover.
    pub shortfall_minutes: i64,
    pub shortfall_experts: i32,
    pub note: String,
    pub planned_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CapacityRequestDetail {
    #[serde(flatten)]
    pub request: CapacityRequestView,
    /// Every shift of the request, in start order.
    pub shifts: Vec<ShiftView>,
    /// Requested versus booked minutes per UTC day of the window.
    pub coverage: Vec<Day>,
    /// What the plan just made did (create, re-plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanReport>,
}

fn request_view(r: RequestRow, shifts: &[ShiftRow]) -> CapacityRequestView {
    let live = |s: &&ShiftRow| store::LIVE.contains(&s.status.as_str());
    CapacityRequestView {
        minutes_booked: shifts.iter().filter(live).map(ShiftRow::minutes).sum(),
        minutes_confirmed: shifts
            .iter()
            .filter(|s| s.status == "confirmed")
            .map(ShiftRow::minutes)
            .sum(),
        id: CapacityRequestId::from_db(r.id),
        org_id: OrgId::from_db(r.org_id),
        project_id: ProjectId::from_db(r.project_id),
        slice_id: SliceId::from_db(r.slice_id),
        minutes_needed: r.minutes_needed,
        window_start: crate::clock::utc(r.window_start),
        window_end: crate::clock::utc(r.window_end),
        min_shift_minutes: r.min_shift_minutes,
        max_shift_minutes: r.max_shift_minutes,
        min_experts: r.min_experts,
        status: r.status,
        shortfall_minutes: r.shortfall_minutes,
        shortfall_experts: r.shortfall_experts,
        note: r.note,
        planned_at: crate::clock::utc(r.planned_at),
        created_at: crate::clock::utc(r.created_at),
    }
}

fn detail(
    conn: &mut DbConn,
    principal: &Principal,
    id: &str,
    plan: Option<PlanReport>,
) -> ApiResult<CapacityRequestDetail> {
    let r = store::find_request(conn, id)?.ok_or_else(|| internal("capacity request"))?;
    let shifts = store::shifts_of_request(conn, id)?;
    let window = Interval {
        start: crate::clock::utc(r.window_start),
        end: crate::clock::utc(r.window_end),
    };
    let cov: Vec<(Interval, bool)> = shifts
        .iter()
        .filter(|s| store::LIVE.contains(&s.status.as_str()))
        .map(|s| (s.interval(), s.status == "confirmed"))
        .collect();
    let coverage = coverage::per_day(window, r.minutes_needed, &cov);
    let request = request_view(r, &shifts);
    let mut views = Vec::with_capacity(shifts.len());
    for s in shifts {
        views.push(shift_view(conn, principal, s)?);
    }
    Ok(CapacityRequestDetail {
        request,
        shifts: views,
        coverage,
        plan,
    })
}

/// The request, if the caller may read it (its lab's members and `projects:read` keys,
/// platform admins); 404 otherwise.
fn readable_request(
    conn: &mut DbConn,
    principal: &Principal,
    id: &CapacityRequestId,
) -> ApiResult<RequestRow> {
    let not_found = || ApiError::not_found(format!("capacity request {id} not found"));
    let r = store::find_request(conn, id.as_str())?.ok_or_else(not_found)?;
    principal
        .org_read(&OrgId::from_db(r.org_id.clone()), Scope::ProjectsRead)
        .map_err(|e| {
            if e.is_not_found() {
                not_found()
            } else {
                e.into()
            }
        })?;
    Ok(r)
}

/// The request, if the caller administers its lab.
fn writable_request(
    conn: &mut DbConn,
    principal: &Principal,
    id: &CapacityRequestId,
) -> ApiResult<RequestRow> {
    let r = readable_request(conn, principal, id)?;
    principal.org_admin(&OrgId::from_db(r.org_id.clone()))?;
    Ok(r)
}

/// Most shortest shifts one request may need (bounds the work of one plan).
const MAX_SHIFTS_PER_REQUEST: i64 = 1000;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCapacityRequest {
    pub project_id: ProjectId,
    /// One of the project's slices.
    pub slice_id: SliceId,
    /// Expert-hours needed in the window (0.25–10000).
    #[schema(minimum = 0.25, maximum = 10000)]
    pub hours: f64,
    pub window_start: DateTime<Utc>,
    /// At most `scheduling.max_window_days` after the start, and in the future.
    pub window_end: DateTime<Utc>,
    /// Shortest shift to book, 15–720 minutes (default 60).
    #[schema(minimum = 15, maximum = 720)]
    pub min_shift_minutes: Option<i32>,
    /// Longest shift to book (default and upper limit `scheduling.max_shift_minutes`).
    pub max_shift_minutes: Option<i32>,
    /// At least this many distinct experts (0–100, default 0).
    #[schema(minimum = 0, maximum = 100)]
    pub min_experts: Option<i32>,
}

impl Validate for NewCapacityRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            self.hours.is_finite() && (0.25..=10_000.0).contains(&self.hours),
            "hours",
            "must be between 0.25 and 10000",
        );
        c.check(
            self.window_end > self.window_start,
            "window_end",
            "must be after window_start",
        );
        if let Some(m) = self.min_shift_minutes {
            c.check(
                (15..=720).contains(&m),
                "min_shift_minutes",
                "must be between 15 and 720",
            );
        }
        if let Some(m) = self.max_shift_minutes {
            c.check(
                m >= self.min_shift_minutes.unwrap_or(60),
                "max_shift_minutes",
                "must be at least min_shift_minutes",
            );
        }
        if let Some(n) = self.min_experts {
            c.check(
                (0..=100).contains(&n),
                "min_experts",
                "must be between 0 and 100",
            );
        }
        c.finish()
    }
}

/// Request capacity
///
/// A lab admin asks for expert-hours in one of a project's slices within a window. Cadre
/// books shifts at once (offered to the experts, who confirm or decline) from eligible
/// experts with free time — best per-slice scores first, spreading work within weekly
/// caps, never overlapping any other booking of an expert — and reports any shortfall.
#[utoipa::path(
    tag = "scheduling",
    request_body = NewCapacityRequest,
    responses(
        (status = 201, description = "Planned", body = CapacityRequestDetail),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/capacity-requests")]
async fn create_request(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewCapacityRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let now = state.now();
    let settings = state.settings.clone();
    let sch = &settings.scheduling;
    if b.window_end <= now {
        return Err(ApiError::invalid_field(
            "window_end",
            "must be in the future",
        ));
    }
    if b.window_end - b.window_start > Duration::days(sch.max_window_days) {
        return Err(ApiError::invalid_field(
            "window_end",
            format!("the window may span at most {} days", sch.max_window_days),
        ));
    }
    let min_shift = b.min_shift_minutes.unwrap_or(60);
    if i64::from(min_shift) > sch.max_shift_minutes {
        return Err(ApiError::invalid_field(
            "min_shift_minutes",
            format!(
                "at most {} (scheduling.max_shift_minutes)",
                sch.max_shift_minutes
            ),
        ));
    }
    let max_shift = b
        .max_shift_minutes
        .unwrap_or(sch.max_shift_minutes as i32)
        .max(min_shift);
    if i64::from(max_shift) > sch.max_shift_minutes {
        return Err(ApiError::invalid_field(
            "max_shift_minutes",
            format!(
                "at most {} (scheduling.max_shift_minutes)",
                sch.max_shift_minutes
            ),
        ));
    }
    let minutes = (b.hours * 60.0).round() as i64;
    if minutes < i64::from(min_shift) {
        return Err(ApiError::invalid_field(
            "hours",
            format!("is less than one shortest shift ({min_shift} minutes)"),
        ));
    }
    if minutes / i64::from(min_shift) > MAX_SHIFTS_PER_REQUEST {
        return Err(ApiError::invalid_field(
            "hours",
            format!(
                "would take more than {MAX_SHIFTS_PER_REQUEST} shortest shifts; ask for longer shifts or split the request"
            ),
        ));
    }
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let (p, user) =
                crate::projects::service::writable_project(conn, &principal, &b.project_id)?;
            if p.status == "archived" {
                return Err(ApiError::conflict("the project is archived"));
            }
            let in_project = crate::projects::project_slices(conn, &p.org_id, &p.id)?
                .iter()
                .any(|ps| ps.slice_id == b.slice_id.as_str());
            if !in_project {
                return Err(ApiError::invalid_field(
                    "slice_id",
                    "is not one of the project's slices",
                ));
            }
            let id = store::insert_request(
                conn,
                &store::NewRequest {
                    org: &p.org_id,
                    project: &p.id,
                    slice: b.slice_id.as_str(),
                    minutes_needed: minutes,
                    window_start: b.window_start,
                    window_end: b.window_end,
                    min_shift_minutes: min_shift,
                    max_shift_minutes: max_shift,
                    min_experts: b.min_experts.unwrap_or(0),
                    created_by: user.user_id.as_str(),
                },
                now,
            )?;
            let actor = Actor::of(&principal);
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "capacity_request.created",
                    org_id: Some(&p.org_id),
                    subject_type: "capacity_request",
                    subject_id: Some(id.as_str()),
                    details: serde_json::json!({"project_id": p.id, "slice_id": b.slice_id,
                        "hours": b.hours, "window_start": b.window_start, "window_end": b.window_end}),
                },
            )?;
            let report = service::plan(conn, now, &settings, &actor, id.as_str())?;
            detail(conn, &principal, id.as_str(), Some(report))
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RequestListParams {
    pub project: Option<ProjectId>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List capacity requests
///
/// The caller's labs' requests (platform admins: all).
#[utoipa::path(
    tag = "scheduling",
    params(RequestListParams),
    responses(
        (status = 200, description = "Requests", body = Page<CapacityRequestView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/capacity-requests")]
async fn list_requests(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<RequestListParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(CapacityRequestId::PREFIX)?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let orgs = principal.visible_orgs(Some(Scope::ProjectsRead))?;
            let rows = store::list_requests(
                conn,
                orgs.as_deref(),
                q.project.as_ref().map(|p| p.as_str()),
                req.after.as_deref(),
                req.limit + 1,
            )?;
            Page::try_from_rows(
                rows,
                &req,
                |r| r.id.clone(),
                |r| -> ApiResult<_> {
                    let shifts = store::shifts_of_request(conn, &r.id)?;
                    Ok(request_view(r, &shifts))
                },
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// A capacity request with its shifts and coverage
#[utoipa::path(
    tag = "scheduling",
    params(("request" = CapacityRequestId, Path, description = "Capacity request id")),
    responses(
        (status = 200, description = "The request", body = CapacityRequestDetail),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/capacity-requests/{request}")]
async fn get_request(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CapacityRequestId = path_id("request", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            readable_request(conn, &principal, &id)?;
            detail(conn, &principal, id.as_str(), None)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Re-plan a capacity request
///
/// Books more shifts for whatever is still uncovered (experts who became eligible or
/// freed time since). Declines re-plan by themselves.
#[utoipa::path(
    tag = "scheduling",
    params(("request" = CapacityRequestId, Path, description = "Capacity request id")),
    responses(
        (status = 200, description = "Re-planned", body = CapacityRequestDetail),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/capacity-requests/{request}/plan")]
async fn replan_request(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CapacityRequestId = path_id("request", &path)?;
    let now = state.now();
    let settings = state.settings.clone();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let r = writable_request(conn, &principal, &id)?;
            if r.status != "open" {
                return Err(ApiError::conflict("this capacity request is cancelled"));
            }
            let report = service::plan(conn, now, &settings, &Actor::of(&principal), &r.id)?;
            detail(conn, &principal, id.as_str(), Some(report))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Cancel a capacity request
///
/// Cancels its shifts that have not started (experts are e-mailed; their calendars show
/// the events cancelled); shifts under way run to their end.
#[utoipa::path(
    tag = "scheduling",
    params(("request" = CapacityRequestId, Path, description = "Capacity request id")),
    request_body = Reason,
    responses(
        (status = 200, description = "Cancelled", body = CapacityRequestDetail),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/capacity-requests/{request}/cancel")]
async fn cancel_request(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<Reason>,
) -> ApiResult<HttpResponse> {
    let id: CapacityRequestId = path_id("request", &path)?;
    let reason = body.into_inner().reason.trim().to_owned();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let r = writable_request(conn, &principal, &id)?;
            service::cancel(conn, now, &Actor::of(&principal), &r, &reason)?;
            detail(conn, &principal, id.as_str(), None)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
