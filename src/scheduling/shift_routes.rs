//! `/v1/shifts…`: booked shifts, confirmed or declined by their expert.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::routes::{Reason, internal};
use super::service::{self, PlanReport};
use super::store::{self, ShiftRow};
use crate::audit::Actor;
use crate::auth::{OrgKind, Principal, Scope};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Json, Query, path_id};
use crate::ids::{CapacityRequestId, ExpertId, OrgId, ProjectId, ShiftId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_shifts)
        .service(get_shift)
        .service(confirm_shift)
        .service(decline_shift);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ShiftView {
    pub id: ShiftId,
    pub capacity_request_id: CapacityRequestId,
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    /// The expert's id; omitted for labs, who see the pseudonymous handle only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_id: Option<ExpertId>,
    pub expert_handle: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `offered` (awaiting the expert), `confirmed`, `declined`, `expired` (not confirmed
    /// in time) or `cancelled`.
    pub status: String,
    /// Why it was cancelled or lapsed; for a decline, the expert's reason (labs see only
    /// that the expert declined).
    pub reason: String,
    /// Changes so far (the calendar feed's SEQUENCE).
    pub sequence: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(super) fn shift_view(
    conn: &mut DbConn,
    principal: &Principal,
    s: ShiftRow,
) -> ApiResult<ShiftView> {
    let handle = crate::experts::find_expert(conn, &s.expert_id)?
        .map(|e| e.handle)
        .unwrap_or_default();
    let identity = crate::experts::service::sees_identity(conn, principal, &s.expert_id)?;
    // An expert's own words (why they declined) are not for the lab.
    let reason = if identity || s.status != "declined" {
        s.reason
    } else {
        "declined by the expert".to_owned()
    };
    Ok(ShiftView {
        id: ShiftId::from_db(s.id),
        capacity_request_id: CapacityRequestId::from_db(s.capacity_request_id),
        project_id: ProjectId::from_db(s.project_id),
        slice_id: SliceId::from_db(s.slice_id),
        expert_id: identity.then(|| ExpertId::from_db(s.expert_id)),
        expert_handle: handle,
        starts_at: crate::clock::utc(s.starts_at),
        ends_at: crate::clock::utc(s.ends_at),
        status: s.status,
        reason,
        sequence: s.sequence,
        created_at: crate::clock::utc(s.created_at),
        updated_at: crate::clock::utc(s.updated_at),
    })
}

/// A shift's status, as the list filter documents it (the handler reads the string).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum ShiftStatus {
    Offered,
    Confirmed,
    Declined,
    Expired,
    Cancelled,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ShiftListParams {
    /// `offered`, `confirmed`, `declined`, `expired` or `cancelled`.
    #[param(inline, value_type = Option<ShiftStatus>)]
    pub status: Option<String>,
    /// One expert's shifts (vendor and platform admins).
    pub expert: Option<ExpertId>,
    pub capacity_request: Option<CapacityRequestId>,
    /// Shifts ending after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Shifts starting before this instant.
    pub to: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List shifts
///
/// Experts see their own shifts; vendor admins their roster's bookings; lab members
/// their labs' shifts (experts by handle); platform admins all.
#[utoipa::path(
    tag = "scheduling",
    params(ShiftListParams),
    responses(
        (status = 200, description = "Shifts", body = Page<ShiftView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/shifts")]
async fn list_shifts(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<ShiftListParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    if let Some(s) = &q.status
        && !["offered", "confirmed", "declined", "expired", "cancelled"].contains(&s.as_str())
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be offered, confirmed, declined, expired or cancelled",
        ));
    }
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(ShiftId::PREFIX)?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let user = principal.user()?;
            let own = crate::experts::service::expert_id_of(conn, &principal)?;
            let labs = user.org_ids(OrgKind::Lab, false);
            let vendors = user.org_ids(OrgKind::Vendor, true);
            let rows = super::queries::list_shifts(
                conn,
                &store::Scope {
                    all: user.is_platform_admin,
                    expert: own.as_deref(),
                    labs: &labs,
                    vendors: &vendors,
                },
                &store::ShiftFilter {
                    status: q.status.as_deref(),
                    expert: q.expert.as_ref().map(|e| e.as_str()),
                    request: q.capacity_request.as_ref().map(|r| r.as_str()),
                    from: q.from,
                    to: q.to,
                },
                req.after.as_deref(),
                req.limit + 1,
            )?;
            Page::try_from_rows(
                rows,
                &req,
                |r| r.id.clone(),
                |r| shift_view(conn, &principal, r),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// The shift if the caller may see it: its expert, its lab's members, the expert's vendor
/// admins, platform admins (404 otherwise). Also says whether the caller is its expert.
fn visible_shift(
    conn: &mut DbConn,
    principal: &Principal,
    id: &ShiftId,
) -> ApiResult<(ShiftRow, bool)> {
    let not_found = || ApiError::not_found(format!("shift {id} not found"));
    let s = store::find_shift(conn, id.as_str())?.ok_or_else(not_found)?;
    let own =
        crate::experts::service::expert_id_of(conn, principal)?.is_some_and(|e| e == s.expert_id);
    let lab = principal
        .org_read(&OrgId::from_db(s.org_id.clone()), Scope::ProjectsRead)
        .is_ok();
    if own || lab || crate::experts::service::sees_identity(conn, principal, &s.expert_id)? {
        Ok((s, own))
    } else {
        Err(not_found())
    }
}

/// A shift
#[utoipa::path(
    tag = "scheduling",
    params(("shift" = ShiftId, Path, description = "Shift id")),
    responses(
        (status = 200, description = "The shift", body = ShiftView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/shifts/{shift}")]
async fn get_shift(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ShiftId = path_id("shift", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let (s, _) = visible_shift(conn, &principal, &id)?;
            shift_view(conn, &principal, s)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

fn own_shift(conn: &mut DbConn, principal: &Principal, id: &ShiftId) -> ApiResult<ShiftRow> {
    let (s, own) = visible_shift(conn, principal, id)?;
    if own {
        Ok(s)
    } else {
        Err(ApiError::forbidden("only the shift's expert can do this"))
    }
}

/// Confirm a shift
///
/// The shift's expert accepts an offered shift (repeating it is harmless).
#[utoipa::path(
    tag = "scheduling",
    params(("shift" = ShiftId, Path, description = "Shift id")),
    responses(
        (status = 200, description = "Confirmed", body = ShiftView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/shifts/{shift}/confirm")]
async fn confirm_shift(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ShiftId = path_id("shift", &path)?;
    let now = state.now();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let s = own_shift(conn, &principal, &id)?;
            service::confirm(conn, now, &Actor::of(&principal), &s)?;
            let s = store::find_shift(conn, id.as_str())?.ok_or_else(|| internal("shift"))?;
            shift_view(conn, &principal, s)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeclineResult {
    pub shift: ShiftView,
    /// The re-plan of the shift's capacity request (never your declined time).
    pub replan: PlanReport,
}

/// Decline a shift
///
/// The shift's expert declines an offered or confirmed shift before it starts; the
/// capacity request is re-planned at once (the declined time is never offered to them
/// again).
#[utoipa::path(
    tag = "scheduling",
    params(("shift" = ShiftId, Path, description = "Shift id")),
    request_body = Reason,
    responses(
        (status = 200, description = "Declined", body = DeclineResult),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/shifts/{shift}/decline")]
async fn decline_shift(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<Reason>,
) -> ApiResult<HttpResponse> {
    let id: ShiftId = path_id("shift", &path)?;
    let reason = body.into_inner().reason.trim().to_owned();
    let now = state.now();
    let settings = state.settings.clone();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let s = own_shift(conn, &principal, &id)?;
            let replan =
                service::decline(conn, now, &settings, &Actor::of(&principal), &s, &reason)?;
            let s = store::find_shift(conn, id.as_str())?.ok_or_else(|| internal("shift"))?;
            Ok(DeclineResult {
                shift: shift_view(conn, &principal, s)?,
                replan,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
