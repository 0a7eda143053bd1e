//! `/v1/experts/{expert}/slices…`: an expert's slice statuses and tiers, their history, and
//! the admin changes (vendor admins for their roster, platform admins), each with a reason.

use actix_web::{HttpResponse, get, put, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::rules::{self, SliceStatus, Tier};
use super::service::{self, Change};
use super::store;
use super::views::{self, StandingView};
use crate::audit::Actor;
use crate::auth::Principal;
use crate::db::DbConn;
use crate::experts::ExpertRow;
use crate::experts::service::{Vetter, vetter, visible_expert};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Validate, path_id};
use crate::ids::{ExpertId, SliceId};
use crate::state::AppState;
use crate::taxonomy::SliceRow;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_standings)
        .service(standing_history)
        .service(set_status)
        .service(set_tier);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StandingList {
    /// Only slices where the expert has a standing; every other slice is `none`/`annotator`.
    pub data: Vec<StandingView>,
}

/// An expert's slice statuses and tiers
///
/// The expert, their vendor's admins and platform admins.
#[utoipa::path(
    tag = "standings",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Standings", body = StandingList),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/slices")]
async fn list_standings(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = visible_expert(conn, &principal, &id)?;
            standings_of(conn, &e.id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(StandingList { data }))
}

/// The expert's standings with their slice keys.
pub fn standings_of(conn: &mut DbConn, expert: &str) -> ApiResult<Vec<StandingView>> {
    let mut out = Vec::new();
    for row in store::list_for_expert(conn, expert)? {
        let key = crate::taxonomy::find_slice(conn, &row.slice_id)?
            .map(|s| s.key)
            .unwrap_or_default();
        out.push(views::view(row, key));
    }
    Ok(out)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StandingEventView {
    /// A suspension's id is what an appeal of it names (`sanction_id`).
    pub id: crate::ids::StandingEventId,
    /// `status` or `tier`.
    pub aspect: String,
    pub from: String,
    pub to: String,
    pub reason: String,
    /// The numbers behind the change (e.g. an assessment's score), if any.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// `user` (an admin) or `system` (assessments, scoring).
    pub actor_type: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StandingHistory {
    pub data: Vec<StandingEventView>,
}

/// History of an expert's standing in a slice
///
/// Every status and tier change with its reason, oldest first.
#[utoipa::path(
    tag = "standings",
    params(
        ("expert" = ExpertId, Path, description = "Expert id"),
        ("slice" = SliceId, Path, description = "Slice id"),
    ),
    responses(
        (status = 200, description = "History", body = StandingHistory),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/slices/{slice}/history")]
async fn standing_history(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path.0)?;
    let slice: SliceId = path_id("slice", &path.1)?;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = visible_expert(conn, &principal, &id)?;
            let s = crate::taxonomy::service::visible_slice(conn, &principal, &slice)?;
            store::events(conn, &e.id, &s.id)?
                .into_iter()
                .map(|r| -> ApiResult<StandingEventView> {
                    Ok(StandingEventView {
                        id: crate::ids::StandingEventId::from_db(r.id),
                        aspect: r.aspect,
                        from: r.from_value,
                        to: r.to_value,
                        reason: r.reason,
                        details: crate::db::stored_json(
                            "slice_standing_events.details",
                            &r.details,
                        )?,
                        actor_type: r.actor_type,
                        at: crate::clock::utc(r.at),
                    })
                })
                .collect::<ApiResult<Vec<_>>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(StandingHistory { data }))
}

/// The expert and slice, if the caller administers the expert (403/404 otherwise), and
/// in which capacity.
fn administered(
    conn: &mut DbConn,
    principal: &Principal,
    expert: &ExpertId,
    slice: &SliceId,
    what: &str,
) -> ApiResult<(ExpertRow, SliceRow, Vetter)> {
    let e = visible_expert(conn, principal, expert)?;
    let who = vetter(principal, &e, what)?;
    let s = crate::taxonomy::service::visible_slice(conn, principal, slice)?;
    Ok((e, s, who))
}

/// Whether the expert's current suspension in the slice was imposed by an admin of their
/// vendor (the marker [`set_status`] leaves in the event's details).
fn suspended_by_vendor(conn: &mut DbConn, e: &ExpertRow, slice: &str) -> ApiResult<bool> {
    let last = store::events(conn, &e.id, slice)?
        .into_iter()
        .rev()
        .find(|r| r.aspect == "status" && r.to_value == SliceStatus::Suspended.as_str());
    let Some(ev) = last else {
        return Ok(false);
    };
    let details: serde_json::Value =
        crate::db::stored_json("slice_standing_events.details", &ev.details)?;
    Ok(ev.actor_type == "user"
        && details.get("by").and_then(|v| v.as_str()) == Some("vendor_admin")
        && details.get("vendor_id").and_then(|v| v.as_str()) == e.vendor_id.as_deref())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetStatusRequest {
    /// `probation`, `qualified` or `suspended`.
    pub status: SliceStatus,
    /// Shown to the expert and kept in the history.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for SetStatusRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Set an expert's status in a slice
///
/// Platform admins, with a reason, to `probation`, `qualified` or `suspended`; the expert is
/// e-mailed. Leaving `qualified` lowers a `senior`/`adjudicator` tier to `annotator`.
///
/// Separation of duties: admins of the expert's (approved) vendor only protect. They
/// suspend, or move a qualified expert to `probation`, with a reason; they lift (to
/// `probation`) only a suspension their own vendor imposed. They never grant `qualified`
/// (measured evidence or a platform admin does), never grant `probation` from `none` (a
/// passed assessment does) and never lift a suspension the measurements or the platform
/// imposed: each refusal is a 403 naming the rule. Admins of a pending or rejected vendor
/// change nothing (403).
#[utoipa::path(
    tag = "standings",
    params(
        ("expert" = ExpertId, Path, description = "Expert id"),
        ("slice" = SliceId, Path, description = "Slice id"),
    ),
    request_body = SetStatusRequest,
    responses(
        (status = 200, description = "The new standing", body = StandingView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[put("/experts/{expert}/slices/{slice}/status")]
async fn set_status(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<SetStatusRequest>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path.0)?;
    let expert = id.to_string();
    let slice: SliceId = path_id("slice", &path.1)?;
    let b = body.into_inner();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| {
            let (e, s, who) =
                administered(conn, &principal, &id, &slice, "change slice standings")?;
            let from = service::status_in(conn, &e.id, &s.id)?;
            if let Some(why) = rules::admin_refusal(from, b.status) {
                return Err(ApiError::conflict(why));
            }
            let details = match who {
                Vetter::Platform => serde_json::json!({ "by": "platform_admin" }),
                Vetter::Vendor { .. } => {
                    let mine =
                        from == SliceStatus::Suspended && suspended_by_vendor(conn, &e, &s.id)?;
                    if let Some(why) = rules::vendor_refusal(from, b.status, mine) {
                        return Err(ApiError::forbidden(why));
                    }
                    serde_json::json!({ "by": "vendor_admin", "vendor_id": e.vendor_id })
                }
            };
            let row = service::apply(
                conn,
                now,
                &Actor::of(&principal),
                &e,
                &s,
                Change {
                    status: Some(b.status),
                    tier: None,
                    reason: &b.reason,
                    details,
                    notify: true,
                },
            )?;
            Ok(views::view(row, s.key.clone()))
        })
        .await?;
    crate::routing::work::offer_waiting_work(&state, expert).await;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetTierRequest {
    pub tier: Tier,
    /// Shown to the expert and kept in the history.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for SetTierRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Set an expert's tier in a slice
///
/// Admins of the expert's approved vendor and platform admins, with a reason (a pending or
/// rejected vendor's admins: 403). `senior` and
/// `adjudicator` only for experts `qualified` in the slice (409 naming the status);
/// `adjudicator` also needs a gold-accuracy lower bound in the slice of at least
/// `scoring.adjudicator_min_lower_bound` (409 naming `tier` with the numbers).
#[utoipa::path(
    tag = "standings",
    params(
        ("expert" = ExpertId, Path, description = "Expert id"),
        ("slice" = SliceId, Path, description = "Slice id"),
    ),
    request_body = SetTierRequest,
    responses(
        (status = 200, description = "The new standing", body = StandingView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[put("/experts/{expert}/slices/{slice}/tier")]
async fn set_tier(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<SetTierRequest>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path.0)?;
    let expert = id.to_string();
    let slice: SliceId = path_id("slice", &path.1)?;
    let b = body.into_inner();
    let now = state.now();
    let scoring = state.settings.scoring.clone();
    let v = state
        .db
        .write(move |conn| {
            let (e, s, _) = administered(conn, &principal, &id, &slice, "set tiers")?;
            let current = store::find(conn, &e.id, &s.id)?
                .and_then(|r| Tier::parse(&r.tier))
                .unwrap_or(Tier::Annotator);
            if current == b.tier {
                return Err(ApiError::conflict(format!(
                    "the expert is already `{}` in {}",
                    b.tier.as_str(),
                    s.key
                )));
            }
            let status = service::status_in(conn, &e.id, &s.id)?;
            if b.tier == Tier::Adjudicator
                && rules::tier_allowed(status, b.tier)
                && let Some(why) = service::adjudicator_refusal(conn, now, &scoring, &e.id, &s)?
            {
                return Err(
                    ApiError::conflict(why.clone()).with_errors(vec![FieldError::new("tier", why)])
                );
            }
            let row = service::apply(
                conn,
                now,
                &Actor::of(&principal),
                &e,
                &s,
                Change {
                    status: None,
                    tier: Some(b.tier),
                    reason: &b.reason,
                    details: serde_json::json!({}),
                    notify: true,
                },
            )?;
            Ok(views::view(row, s.key.clone()))
        })
        .await?;
    crate::routing::work::offer_waiting_work(&state, expert).await;
    Ok(HttpResponse::Ok().json(v))
}
