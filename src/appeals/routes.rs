//! `/v1/appeals…`: experts file appeals; deciders uphold or overturn them.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::store::{AppealRow, Scope};
use crate::auth::Principal;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{AppealId, AssignmentId, ExpertId, SliceId, StandingEventId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(file_appeal)
        .service(list_appeals)
        .service(get_appeal)
        .service(decide_appeal);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealKind {
    /// A suspension in a slice.
    Sanction,
    /// A gold answer the expert's answer was marked wrong against.
    GoldAnswer,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppealView {
    pub id: AppealId,
    pub expert_id: ExpertId,
    pub slice_id: SliceId,
    pub kind: AppealKind,
    /// The suspension (a standing event id, `sse_…`) or the graded assignment (`asg_…`).
    pub subject_id: String,
    pub explanation: String,
    /// `open`, `upheld` (the sanction or gold answer stands) or `overturned`.
    pub status: String,
    pub decision_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn view(a: AppealRow) -> AppealView {
    AppealView {
        id: AppealId::from_db(a.id),
        expert_id: ExpertId::from_db(a.expert_id),
        slice_id: SliceId::from_db(a.slice_id),
        kind: if a.kind == "sanction" {
            AppealKind::Sanction
        } else {
            AppealKind::GoldAnswer
        },
        subject_id: a.subject_id,
        explanation: a.explanation,
        status: a.status,
        decision_reason: a.decision_reason,
        decided_at: a.decided_at.map(crate::clock::utc),
        created_at: crate::clock::utc(a.created_at),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FileAppeal {
    /// A suspension of yours to contest (the `sse_…` id from your standing's history).
    pub sanction_id: Option<StandingEventId>,
    /// One of your graded answers marked wrong against a gold answer (listed under
    /// `failed_gold_checks` in your scores).
    pub assignment_id: Option<AssignmentId>,
    /// Why (10–4000 characters); shown to whoever decides.
    #[schema(min_length = 10, max_length = 4000)]
    pub explanation: String,
}

impl Validate for FileAppeal {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.explanation, "explanation", 10, 4000);
        if self.sanction_id.is_some() == self.assignment_id.is_some() {
            c.push(
                "sanction_id",
                "give exactly one of `sanction_id` and `assignment_id`",
            );
        }
        c.finish()
    }
}

/// File an appeal
///
/// Experts only, about their own suspension or their own answer on a gold item. One open
/// appeal per subject (409 for a second).
#[utoipa::path(
    tag = "appeals",
    request_body = FileAppeal,
    responses(
        (status = 201, description = "Filed", body = AppealView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/appeals")]
async fn file_appeal(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<FileAppeal>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let now = state.clock.now();
    let delay = chrono::Duration::hours(state.settings.routing.gold_feedback_delay_hours);
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let row = super::service::file(
                conn,
                now,
                delay,
                &principal,
                b.sanction_id.as_ref(),
                b.assignment_id.as_ref(),
                b.explanation.trim(),
            )?;
            Ok(view(row))
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// `open`, `upheld` or `overturned`.
    #[param(pattern = "^(open|upheld|overturned)$")]
    pub status: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List appeals
///
/// Experts see their own; vendor admins their roster's and those on their calibration
/// gold; lab admins those on their gold items (to read: platform admins decide those);
/// platform admins all.
#[utoipa::path(
    tag = "appeals",
    params(ListParams),
    responses(
        (status = 200, description = "Appeals", body = Page<AppealView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/appeals")]
async fn list_appeals(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<ListParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    if let Some(s) = &q.status
        && !["open", "upheld", "overturned"].contains(&s.as_str())
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be open, upheld or overturned",
        ));
    }
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve("apl")?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let user = principal.user()?;
            let me = crate::experts::service::expert_id_of(conn, &principal)?;
            let orgs: Vec<String> = user
                .memberships
                .iter()
                .filter(|m| m.role.is_admin())
                .map(|m| m.org_id.to_string())
                .collect();
            let rows = super::queries::list(
                conn,
                &Scope {
                    all: user.is_platform_admin,
                    expert: me.as_deref(),
                    orgs: &orgs,
                },
                q.status.as_deref(),
                req.after.as_deref(),
                req.limit + 1,
            )?;
            Ok(Page::from_rows(rows, &req, |r| r.id.clone(), view))
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// An appeal
#[utoipa::path(
    tag = "appeals",
    params(("appeal" = AppealId, Path, description = "Appeal id")),
    responses(
        (status = 200, description = "The appeal", body = AppealView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/appeals/{appeal}")]
async fn get_appeal(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AppealId = path_id("appeal", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            Ok(view(super::service::visible(conn, &principal, &id)?.0))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = AppealDecision)]
pub enum Decision {
    /// The sanction or gold answer stands.
    Uphold,
    /// The sanction is lifted (the status before it is restored) or the gold answer is
    /// replaced and every answer on the item regraded.
    Overturn,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideAppeal {
    pub decision: Decision,
    /// Shown to the expert (1–2000 characters).
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
    /// Overturning a gold answer: the corrected answer (a label valid for the slice);
    /// default: the appealing expert's answer.
    #[schema(value_type = Option<Object>)]
    pub corrected_answer: Option<Value>,
}

impl Validate for DecideAppeal {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.reason, "reason", 1, 2000);
        c.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionResult {
    pub appeal: AppealView,
    /// Gold answers overturned: how many graded answers changed verdict.
    pub regraded: usize,
}

/// Decide an appeal
///
/// Platform admins; the expert's vendor admins (sanctions). Appeals against a gold answer
/// are decided by a platform admin only: the organisation that wrote the gold reads the
/// appeal but is refused the decision (403 naming the rule). The expert is e-mailed the
/// decision and its reason.
#[utoipa::path(
    tag = "appeals",
    params(("appeal" = AppealId, Path, description = "Appeal id")),
    request_body = DecideAppeal,
    responses(
        (status = 200, description = "Decided", body = DecisionResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/appeals/{appeal}/decision")]
async fn decide_appeal(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<DecideAppeal>,
) -> ApiResult<HttpResponse> {
    let id: AppealId = path_id("appeal", &path)?;
    let b = body.into_inner();
    let now = state.clock.now();
    let settings = state.settings.clone();
    let r = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let verdict = match b.decision {
                Decision::Uphold => super::service::Verdict::Uphold,
                Decision::Overturn => super::service::Verdict::Overturn,
            };
            let (row, regraded) = super::service::decide(
                conn,
                now,
                &settings,
                &principal,
                &id,
                verdict,
                b.reason.trim(),
                b.corrected_answer.as_ref(),
            )?;
            Ok(DecisionResult {
                appeal: view(row),
                regraded,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(r))
}
