//! `/v1/slices/{slice}/assessments`, `/v1/assessments/{assessment}…` and
//! `/v1/experts/{expert}/assessments`.

use actix_web::{HttpResponse, get, post, put, web};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::service;
use super::store;
use super::store::AssessmentRow;
use super::views::{self, AssessmentView};
use crate::audit::Actor;
use crate::auth::Principal;
use crate::config::Settings;
use crate::db::DbConn;
use crate::http::{ApiError, ApiResult, FieldError, Json, Validate, path_id};
use crate::ids::{AssessmentId, AssignmentId, ExpertId, SliceId};
use crate::state::AppState;
use chrono::{DateTime, Utc};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(start_assessment)
        .service(get_assessment)
        .service(answer_item)
        .service(submit_assessment)
        .service(expert_assessments);
}

/// Start a qualification assessment
///
/// For experts in the `assessment` or `approved` vetting stage, in a shared slice where
/// they have no status yet. Draws `experts.assessment_items` unseen items from the slice's
/// assessment pool; answer them before `due_at`, then submit. After a failed or timed-out
/// attempt a retake waits `experts.assessment_retake_cooldown_days`.
#[utoipa::path(
    tag = "assessments",
    params(("slice" = SliceId, Path, description = "Slice id")),
    responses(
        (status = 201, description = "Started, with the items to answer", body = AssessmentView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/slices/{slice}/assessments")]
async fn start_assessment(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let slice: SliceId = path_id("slice", &path)?;
    let user = principal.user()?.clone();
    let now = state.now();
    let settings = state.settings.clone();
    let v = state
        .db
        .write(move |conn| {
            let expert = crate::experts::service::own(conn, &user)?;
            let s = crate::taxonomy::service::visible_slice(conn, &principal, &slice)?;
            let a = service::start(conn, now, &settings, &Actor::of(&principal), &expert, &s)?;
            views::view(conn, a, true, &settings)
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Get an assessment
///
/// The expert sees their items (while in progress) and their result; the expert's vendor
/// admins and platform admins see status and result only. Nobody sees gold answers here.
#[utoipa::path(
    tag = "assessments",
    params(("assessment" = AssessmentId, Path, description = "Assessment id")),
    responses(
        (status = 200, description = "The assessment", body = AssessmentView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/assessments/{assessment}")]
async fn get_assessment(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AssessmentId = path_id("assessment", &path)?;
    let now = state.now();
    let settings = state.settings.clone();
    // A write: an assessment whose time is up is graded when it is next looked at.
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let not_found = || ApiError::not_found(format!("assessment {id} not found"));
            let a = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
            let expert = crate::experts::service::visible_expert(
                conn,
                &principal,
                &ExpertId::from_db(a.expert_id.clone()),
            )
            .map_err(|_| not_found())?;
            let is_self = principal
                .user()
                .is_ok_and(|u| u.user_id.as_str() == expert.user_id);
            let a = service::own_assessment(conn, now, &settings, &expert, &id)?;
            Ok(views::view(conn, a, is_self, &settings)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AssessmentAnswerRequest)]
pub struct AnswerRequest {
    /// A label in the slice's label schema (see `POST /v1/slices/{slice}/validate-label`).
    #[schema(value_type = Object, example = json!({"preference": "a", "strength": 2, "rationale": "B misstates the dose", "cited_clauses": ["C2.1"]}))]
    pub label: Value,
}

impl Validate for AnswerRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Ok(())
    }
}

/// Answer an assessment item
///
/// The expert's answer to one item, validated against the slice's label schema (422
/// naming the field). Answers can be changed until the assessment is submitted or due.
#[utoipa::path(
    tag = "assessments",
    params(
        ("assessment" = AssessmentId, Path, description = "Assessment id"),
        ("item" = AssignmentId, Path, description = "The item's assignment id"),
    ),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Saved", body = AssessmentView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[put("/assessments/{assessment}/items/{item}")]
async fn answer_item(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    let id: AssessmentId = path_id("assessment", &path.0)?;
    let item: AssignmentId = path_id("item", &path.1)?;
    let label = body.into_inner().label;
    on_open_assessment(&state, principal, id, move |conn, now, _, a| {
        Ok(service::answer(conn, now, a, &item, &label)?)
    })
    .await
}

/// Submit an assessment for grading
///
/// Every item must be answered. Grading is immediate: passing puts the expert on
/// `probation` in the slice. The result shows the score and the clauses behind the items
/// answered wrongly, never the gold answers. The expert is e-mailed the result.
#[utoipa::path(
    tag = "assessments",
    params(("assessment" = AssessmentId, Path, description = "Assessment id")),
    responses(
        (status = 200, description = "Graded", body = AssessmentView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/assessments/{assessment}/submit")]
async fn submit_assessment(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AssessmentId = path_id("assessment", &path)?;
    on_open_assessment(&state, principal, id, |conn, now, settings, a| {
        Ok(service::submit(conn, now, settings, a)?)
    })
    .await
}

/// Runs `act` on the caller's own assessment while it is open and answers its view. An
/// assessment whose time ran out is graded on the spot; that grading is committed before
/// the conflict is reported.
async fn on_open_assessment(
    state: &AppState,
    principal: Principal,
    id: AssessmentId,
    act: impl FnOnce(&mut DbConn, DateTime<Utc>, &Settings, &AssessmentRow) -> ApiResult<()>
    + Send
    + 'static,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let now = state.now();
    let settings = state.settings.clone();
    let result = state
        .db
        .write_once(move |conn| -> ApiResult<ApiResult<AssessmentView>> {
            let expert = crate::experts::service::own(conn, &user)?;
            let a = service::own_assessment(conn, now, &settings, &expert, &id)?;
            if let Err(closed) = service::require_open(&a) {
                return Ok(Err(closed.into()));
            }
            act(conn, now, &settings, &a)?;
            let a = store::find(conn, &a.id)?.unwrap_or(a);
            Ok(Ok(views::view(conn, a, true, &settings)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(result?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentList {
    /// Newest first, without items.
    pub data: Vec<AssessmentView>,
}

/// An expert's assessments
///
/// The expert, their vendor's admins and platform admins; newest first.
#[utoipa::path(
    tag = "assessments",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Assessments", body = AssessmentList),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/assessments")]
async fn expert_assessments(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let settings = state.settings.clone();
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = crate::experts::service::visible_expert(conn, &principal, &id)?;
            let mut out = Vec::new();
            for a in store::list_for_expert(conn, &e.id)? {
                out.push(views::view(conn, a, false, &settings)?);
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(AssessmentList { data }))
}
