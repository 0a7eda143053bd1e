//! `/v1/appeals…`: experts file appeals; deciders uphold or overturn them.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use super::store::{self, AppealRow, NewAppeal, Scope};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal};
use crate::config::Settings;
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{AppealId, AssignmentId, ExpertId, OrgId, SliceId, StandingEventId};
use crate::standings::rules::SliceStatus;
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

/// May the caller decide this appeal?
fn decides(conn: &mut DbConn, principal: &Principal, a: &AppealRow) -> ApiResult<bool> {
    let Principal::User(u) = principal else {
        return Ok(false);
    };
    if u.is_platform_admin {
        return Ok(true);
    }
    let admin_of = |org: &str| {
        u.membership(&OrgId::from_db(org.to_owned()))
            .is_some_and(|m| m.role.is_admin())
    };
    if a.decider_org_id.as_deref().is_some_and(admin_of) {
        return Ok(true);
    }
    if a.kind == "sanction" {
        let vendor = crate::experts::find_expert(conn, &a.expert_id)?.and_then(|e| e.vendor_id);
        return Ok(vendor.as_deref().is_some_and(|v| {
            u.membership(&OrgId::from_db(v.to_owned()))
                .is_some_and(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
        }));
    }
    Ok(false)
}

/// The appeal if the caller may see it: its expert, its deciders (404 otherwise).
fn visible(
    conn: &mut DbConn,
    principal: &Principal,
    id: &AppealId,
) -> ApiResult<(AppealRow, bool)> {
    let not_found = || ApiError::not_found(format!("appeal {id} not found"));
    let a = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
    let decider = decides(conn, principal, &a)?;
    let own =
        crate::experts::service::expert_id_of(conn, principal)?.is_some_and(|e| e == a.expert_id);
    if decider || own {
        Ok((a, decider))
    } else {
        Err(not_found())
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
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let me = crate::experts::service::expert_id_of(conn, &principal)?
                .ok_or_else(|| ApiError::forbidden("only experts file appeals"))?;
            let explanation = b.explanation.trim();
            let new = match (&b.sanction_id, &b.assignment_id) {
                (Some(s), _) => {
                    let not_found = || ApiError::not_found(format!("sanction {s} not found"));
                    let e = crate::standings::find_standing_event(conn, s.as_str())?
                        .filter(|e| {
                            e.expert_id == me && e.aspect == "status" && e.to_value == "suspended"
                        })
                        .ok_or_else(not_found)?;
                    if crate::standings::service::status_in(conn, &me, &e.slice_id)?
                        != SliceStatus::Suspended
                    {
                        return Err(ApiError::conflict(
                            "you are no longer suspended in this slice",
                        ));
                    }
                    let vendor = crate::experts::find_expert(conn, &me)?.and_then(|x| x.vendor_id);
                    (e.slice_id, "sanction", e.id, None, vendor)
                }
                (None, Some(a)) => {
                    let not_found = || ApiError::not_found(format!("assignment {a} not found"));
                    let row = crate::assignments::find_graded(conn, a.as_str())?
                        // Routed and calibration work; assessment answers are settled by retaking it.
                        .filter(|r| {
                            r.expert_id == me
                                && matches!(r.role.as_str(), "annotator" | "calibration")
                        })
                        .ok_or_else(not_found)?;
                    if row.correct != Some(false) || row.gold_item_id.is_none() {
                        return Err(ApiError::conflict(
                            "this answer was not marked wrong against a gold answer",
                        ));
                    }
                    let gold = row.gold_item_id.clone().unwrap_or_default();
                    let owner = crate::gold::find_gold(conn, &gold)?.and_then(|g| g.org_id);
                    (row.slice_id, "gold_answer", row.id, Some(gold), owner)
                }
                (None, None) => {
                    return Err(ApiError::validation(vec![FieldError::new(
                        "sanction_id",
                        "give exactly one of `sanction_id` and `assignment_id`",
                    )]));
                }
            };
            let (slice, kind, subject, gold, decider) = new;
            let id = store::insert(
                conn,
                now,
                &NewAppeal {
                    expert: &me,
                    slice: &slice,
                    kind,
                    subject: &subject,
                    gold_item: gold.as_deref(),
                    decider_org: decider.as_deref(),
                    explanation,
                },
            )?
            .ok_or_else(|| ApiError::conflict("an appeal about this is already open"))?;
            audit::record(
                conn,
                now,
                &Actor::of(&principal),
                Entry {
                    action: "appeal.filed",
                    org_id: decider.as_deref(),
                    subject_type: "appeal",
                    subject_id: Some(id.as_str()),
                    details: json!({"kind": kind, "subject_id": subject}),
                },
            )?;
            let row = store::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("appeal vanished")))?;
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
    pub status: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List appeals
///
/// Experts see their own; vendor admins their roster's and those on their calibration
/// gold; lab admins those on their gold items; platform admins all.
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
        .read(move |conn| -> ApiResult<_> { Ok(view(visible(conn, &principal, &id)?.0)) })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
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

fn overturn(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    a: &AppealRow,
    corrected: Option<&Value>,
    reason: &str,
) -> ApiResult<usize> {
    let internal = |w: &str| ApiError::internal(anyhow::anyhow!("appeal: {w} vanished"));
    let expert =
        crate::experts::find_expert(conn, &a.expert_id)?.ok_or_else(|| internal("expert"))?;
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?.ok_or_else(|| internal("slice"))?;
    if a.kind == "sanction" {
        let event = crate::standings::find_standing_event(conn, &a.subject_id)?
            .ok_or_else(|| internal("sanction"))?;
        let back = SliceStatus::parse(&event.from_value).unwrap_or(SliceStatus::Probation);
        let back = if back == SliceStatus::None || back == SliceStatus::Suspended {
            SliceStatus::Probation
        } else {
            back
        };
        if crate::standings::service::status_in(conn, &a.expert_id, &a.slice_id)?
            != SliceStatus::Suspended
        {
            return Err(ApiError::conflict(
                "the expert is no longer suspended in this slice",
            ));
        }
        crate::standings::service::apply(
            conn,
            now,
            actor,
            &expert,
            &slice,
            crate::standings::service::Change {
                status: Some(back),
                tier: None,
                reason: &format!(
                    "appeal upheld in your favour: the suspension is lifted ({reason})"
                ),
                details: json!({"appeal_id": a.id, "sanction_id": a.subject_id}),
                notify: true,
            },
        )?;
        return Ok(0);
    }
    let gold_id = a
        .gold_item_id
        .as_deref()
        .ok_or_else(|| internal("gold item"))?;
    let schema = crate::taxonomy::service::slice_schema(&slice)?;
    let answer = match corrected {
        Some(v) => v.clone(),
        None => {
            let asg = crate::assignments::find_graded(conn, &a.subject_id)?
                .ok_or_else(|| internal("assignment"))?;
            asg.label
                .as_deref()
                .map(|l| crate::db::stored_json::<Value>("assignments.label", l))
                .transpose()?
                .ok_or_else(|| internal("label"))?
        }
    };
    let typed = schema
        .validate(&answer, "corrected_answer")
        .map_err(ApiError::validation)?;
    crate::gold::set_answer(conn, gold_id, &answer.to_string(), &typed)?;
    let gold = crate::gold::find_gold(conn, gold_id)?.ok_or_else(|| internal("gold item"))?;
    let n = crate::scoring::service::correct_gold(conn, now, settings, &gold, &slice.label_kind)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "gold.answer_corrected",
            org_id: gold.org_id.as_deref(),
            subject_type: "gold_item",
            subject_id: Some(gold_id),
            details: json!({"appeal_id": a.id, "regraded": n}),
        },
    )?;
    Ok(n)
}

/// Decide an appeal
///
/// Platform admins; the expert's vendor admins (sanctions); the gold item's owner's
/// admins (gold answers). The expert is e-mailed the decision and its reason.
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
            let user = principal.user()?;
            let (a, decider) = visible(conn, &principal, &id)?;
            if !decider {
                return Err(ApiError::forbidden("you cannot decide your own appeal"));
            }
            if a.status != "open" {
                return Err(ApiError::conflict(format!(
                    "the appeal is already {}",
                    a.status
                )));
            }
            let actor = Actor::of(&principal);
            let reason = b.reason.trim();
            let (status, regraded) = match b.decision {
                Decision::Uphold => ("upheld", 0),
                Decision::Overturn => (
                    "overturned",
                    overturn(
                        conn,
                        now,
                        &settings,
                        &actor,
                        &a,
                        b.corrected_answer.as_ref(),
                        reason,
                    )?,
                ),
            };
            if !store::decide(conn, &a.id, status, reason, user.user_id.as_str(), now)? {
                return Err(ApiError::conflict("the appeal was decided meanwhile"));
            }
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "appeal.decided",
                    org_id: a.decider_org_id.as_deref(),
                    subject_type: "appeal",
                    subject_id: Some(&a.id),
                    details: json!({"decision": status, "reason": reason, "regraded": regraded}),
                },
            )?;
            if let Some((email, name)) = crate::experts::service::contact(conn, &a.expert_id)? {
                crate::mail::enqueue(
                    conn,
                    now,
                    &crate::mail::templates::appeal_decided(&email, &name, &a.kind, status, reason),
                )?;
            }
            let row = store::find(conn, &a.id)?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("appeal vanished")))?;
            Ok(DecisionResult {
                appeal: view(row),
                regraded,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(r))
}
