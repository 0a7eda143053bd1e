//! `/v1/calibration-sessions…`: vendor admins run sessions for their roster, platform
//! admins for anyone; participants answer their items here and see their own result.
//! Reference answers are never shown to participants.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::service::{self, Plan, SessionResults};
use super::store::{self, SessionRow};
use crate::audit::Actor;
use crate::auth::{OrgKind, Principal};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{AssignmentId, CalibrationSessionId, ExpertId, GoldItemId, OrgId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_session)
        .service(list_sessions)
        .service(get_session)
        .service(session_results)
        .service(repeat_session)
        .service(close_session)
        .service(my_items)
        .service(answer_item);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyParticipation {
    /// `invited`, `completed` or `incomplete`.
    pub status: String,
    pub answered: i32,
    pub correct: i32,
    pub total: i32,
    pub passed: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CalibrationSessionView)]
pub struct SessionView {
    pub id: CalibrationSessionId,
    /// The vendor running it; null for the platform's sessions (corrective ones too).
    pub org_id: Option<OrgId>,
    pub slice_id: SliceId,
    pub title: String,
    /// Sessions on the same items share it.
    pub set_key: String,
    pub items: usize,
    pub pass_threshold: f64,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// `open` or `closed`.
    pub status: String,
    /// `manual`, `repeat` or `corrective`.
    pub origin: String,
    pub reason: String,
    pub repeat_of: Option<CalibrationSessionId>,
    /// Managers only: the gold items (ids only; answers are under the gold endpoints).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_item_ids: Option<Vec<GoldItemId>>,
    /// Managers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<usize>,
    /// The caller's own participation, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub me: Option<MyParticipation>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// May the caller run sessions for `org` (None: the platform)?
fn manages(principal: &Principal, org: Option<&str>) -> bool {
    match principal {
        Principal::User(u) if u.is_platform_admin => true,
        Principal::User(u) => org.is_some_and(|o| {
            u.membership(&OrgId::from_db(o.to_owned()))
                .is_some_and(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
        }),
        Principal::ApiKey(_) => false,
    }
}

fn view(
    conn: &mut DbConn,
    s: SessionRow,
    manager: bool,
    me: Option<&str>,
) -> ApiResult<SessionView> {
    let mine = match me {
        Some(e) => store::participant(conn, &s.id, e)?.map(|p| MyParticipation {
            status: p.status,
            answered: p.answered,
            correct: p.correct,
            total: p.total,
            passed: p.passed,
        }),
        None => None,
    };
    let participants = if manager {
        Some(store::participants(conn, &s.id)?.len())
    } else {
        None
    };
    let items = s.gold_items()?;
    Ok(SessionView {
        id: CalibrationSessionId::from_db(s.id.clone()),
        org_id: s.org_id.clone().map(OrgId::from_db),
        slice_id: SliceId::from_db(s.slice_id.clone()),
        title: s.title.clone(),
        set_key: s.set_key.clone(),
        items: items.len(),
        pass_threshold: s.pass_threshold,
        opens_at: crate::clock::utc(s.opens_at),
        closes_at: crate::clock::utc(s.closes_at),
        status: s.status.clone(),
        origin: s.origin.clone(),
        reason: s.reason.clone(),
        repeat_of: s.repeat_of.clone().map(CalibrationSessionId::from_db),
        gold_item_ids: manager.then(|| items.into_iter().map(GoldItemId::from_db).collect()),
        participants,
        me: mine,
        created_at: crate::clock::utc(s.created_at),
        closed_at: s.closed_at.map(crate::clock::utc),
    })
}

/// The session if the caller manages it or takes part (404 otherwise); and whether they manage it.
fn visible(
    conn: &mut DbConn,
    principal: &Principal,
    id: &CalibrationSessionId,
) -> ApiResult<(SessionRow, bool, Option<String>)> {
    let not_found = || ApiError::not_found(format!("calibration session {id} not found"));
    let s = store::find_session(conn, id.as_str())?.ok_or_else(not_found)?;
    let manager = manages(principal, s.org_id.as_deref());
    let me = crate::experts::service::expert_id_of(conn, principal)?;
    let participant = match &me {
        Some(e) => store::participant(conn, &s.id, e)?.is_some(),
        None => false,
    };
    if manager || participant {
        Ok((s, manager, me))
    } else {
        Err(not_found())
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSession {
    /// The vendor running it (its admins; participants must be on its roster). Omit for a
    /// platform session (platform admins).
    pub org_id: Option<OrgId>,
    pub slice_id: SliceId,
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "Rust review: November calibration"
    )]
    pub title: String,
    /// The fixed set: the vendor's calibration gold or the platform pool of the slice
    /// (1–200 items, e.g. 50 pairs).
    pub gold_item_ids: Vec<GoldItemId>,
    /// Experts with a standing in the slice (1–500).
    pub participant_ids: Vec<ExpertId>,
    /// When the window ends (within 60 days).
    pub closes_at: DateTime<Utc>,
    /// Share of items to answer like the reference to pass (default the assessment pass
    /// threshold, 0.8). Passing reinstates an expert suspended in the slice to probation.
    pub pass_threshold: Option<f64>,
}

/// A list of ids: 1–`max` entries, none twice; errors name `field[i]`.
fn check_ids<'a>(
    c: &mut Checks,
    field: &str,
    ids: impl ExactSizeIterator<Item = &'a str>,
    max: usize,
) {
    if ids.len() == 0 || ids.len() > max {
        c.push(field, format!("must hold 1–{max} entries"));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            c.push(format!("{field}[{i}]"), "is listed twice");
        }
    }
}

impl Validate for CreateSession {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.title, "title", 1, 200);
        if let Some(t) = self.pass_threshold
            && !(t.is_finite() && t > 0.0 && t <= 1.0)
        {
            c.push("pass_threshold", "must be in (0, 1]");
        }
        check_ids(
            &mut c,
            "gold_item_ids",
            self.gold_item_ids.iter().map(|g| g.as_str()),
            service::MAX_ITEMS,
        );
        check_ids(
            &mut c,
            "participant_ids",
            self.participant_ids.iter().map(|e| e.as_str()),
            service::MAX_PARTICIPANTS,
        );
        c.finish()
    }
}

fn check_window(now: DateTime<Utc>, closes_at: DateTime<Utc>) -> ApiResult<()> {
    if closes_at <= now || closes_at > now + Duration::days(60) {
        return Err(ApiError::validation(vec![FieldError::new(
            "closes_at",
            "must be in the future and within 60 days",
        )]));
    }
    Ok(())
}

/// Create a calibration session
///
/// A fixed set of gold items with reference answers in one slice, participants and a
/// window. Each participant gets one `calibration` assignment per item (and an e-mail);
/// results show agreement with the reference and among participants, and which items
/// split the group. Vendor admins for their roster (with their calibration gold or the
/// slice's platform pool), platform admins for anyone.
#[utoipa::path(
    tag = "calibration",
    request_body = CreateSession,
    responses(
        (status = 201, description = "Session created", body = SessionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/calibration-sessions")]
async fn create_session(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateSession>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let now = state.clock.now();
    check_window(now, b.closes_at)?;
    let threshold = b
        .pass_threshold
        .unwrap_or(state.settings.experts.assessment_pass_threshold);
    let view = state
        .db
        .write(move |conn| -> ApiResult<_> {
            principal.user()?;
            let org = b.org_id.as_ref().map(|o| o.as_str().to_owned());
            if !manages(&principal, org.as_deref()) {
                return Err(ApiError::forbidden(match &org {
                    Some(_) => "only the vendor's admins and platform admins run its calibration sessions",
                    None => "platform sessions are for platform admins; vendor admins give their `org_id`",
                }));
            }
            if let Some(o) = &b.org_id {
                principal.approved_vendor_for(o, "run calibration")?;
            }
            let slice = crate::taxonomy::service::visible_slice(conn, &principal, &b.slice_id)?;
            let gold: Vec<String> = b.gold_item_ids.iter().map(|g| g.as_str().to_owned()).collect();
            let people: Vec<String> = b.participant_ids.iter().map(|e| e.as_str().to_owned()).collect();
            let actor = Actor::of(&principal);
            let s = service::create(
                conn,
                now,
                &Plan {
                    org: org.as_deref(),
                    slice: &slice,
                    title: b.title.trim(),
                    gold_items: &gold,
                    participants: &people,
                    closes_at: b.closes_at,
                    pass_threshold: threshold,
                    origin: "manual",
                    reason: "created by an administrator",
                    repeat_of: None,
                    actor: &actor,
                },
            )?;
            view(conn, s, true, None)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List calibration sessions
///
/// Platform admins see all; vendor admins their vendor's; experts those they take part
/// in (with their own result).
#[utoipa::path(
    tag = "calibration",
    params(ListParams),
    responses(
        (status = 200, description = "Sessions", body = Page<SessionView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/calibration-sessions")]
async fn list_sessions(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<ListParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve("cal")?;
    let slice: Option<SliceId> = q
        .slice
        .as_deref()
        .map(|s| path_id("slice", s))
        .transpose()?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let user = principal.user()?;
            let me = crate::experts::service::expert_id_of(conn, &principal)?;
            let orgs: Option<Vec<String>> = if user.is_platform_admin {
                None
            } else {
                Some(
                    user.memberships
                        .iter()
                        .filter(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
                        .map(|m| m.org_id.to_string())
                        .collect(),
                )
            };
            let rows = store::list_sessions(
                conn,
                orgs.as_deref(),
                me.as_deref(),
                slice.as_ref().map(|s| s.as_str()),
                req.after.as_deref(),
                req.limit + 1,
            )?;
            Page::try_from_rows(
                rows,
                &req,
                |r| r.id.clone(),
                |r| {
                    let manager = manages(&principal, r.org_id.as_deref());
                    view(conn, r, manager, me.as_deref())
                },
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// A calibration session
#[utoipa::path(
    tag = "calibration",
    params(("session" = CalibrationSessionId, Path, description = "Session id")),
    responses(
        (status = 200, description = "The session", body = SessionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/calibration-sessions/{session}")]
async fn get_session(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let (s, manager, me) = visible(conn, &principal, &id)?;
            view(conn, s, manager, me.as_deref())
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// A calibration session's results
///
/// Each participant's agreement with the reference, the group's alpha, the items ordered
/// by how much they split the group (with the answer distribution and the reference's
/// class), and every session on the same set of items for drift. The session's managers.
#[utoipa::path(
    tag = "calibration",
    params(("session" = CalibrationSessionId, Path, description = "Session id")),
    responses(
        (status = 200, description = "Results", body = SessionResults),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/calibration-sessions/{session}/results")]
async fn session_results(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path)?;
    let r = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let (s, manager, _) = visible(conn, &principal, &id)?;
            if !manager {
                return Err(ApiError::forbidden(
                    "participants see their own result on the session; the full results are for its managers",
                ));
            }
            Ok(service::results(conn, &s)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(r))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RepeatSession {
    pub closes_at: DateTime<Utc>,
    /// Default: the same participants.
    pub participant_ids: Option<Vec<ExpertId>>,
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
}

impl Validate for RepeatSession {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(t) = &self.title {
            c.text(t, "title", 1, 200);
        }
        if let Some(p) = &self.participant_ids {
            check_ids(
                &mut c,
                "participant_ids",
                p.iter().map(|e| e.as_str()),
                service::MAX_PARTICIPANTS,
            );
        }
        c.finish()
    }
}

/// Repeat a session on the same items
///
/// A new session with the same set (same `set_key`), so results over time show drift.
#[utoipa::path(
    tag = "calibration",
    params(("session" = CalibrationSessionId, Path, description = "Session id")),
    request_body = RepeatSession,
    responses(
        (status = 201, description = "The new session", body = SessionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/calibration-sessions/{session}/repeat")]
async fn repeat_session(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<RepeatSession>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path)?;
    let b = body.into_inner();
    let now = state.clock.now();
    check_window(now, b.closes_at)?;
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let (s, manager, _) = visible(conn, &principal, &id)?;
            if !manager {
                return Err(ApiError::forbidden("only the session's managers repeat it"));
            }
            if let Some(o) = &s.org_id {
                principal.approved_vendor_for(&OrgId::from_db(o.clone()), "run calibration")?;
            }
            let people: Vec<String> = match &b.participant_ids {
                Some(p) => p.iter().map(|e| e.as_str().to_owned()).collect(),
                None => store::participants(conn, &s.id)?
                    .into_iter()
                    .map(|p| p.expert_id)
                    .collect(),
            };
            let slice = crate::taxonomy::find_slice(conn, &s.slice_id)?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("slice vanished")))?;
            let actor = Actor::of(&principal);
            let title = b
                .title
                .as_deref()
                .map(str::trim)
                .unwrap_or(&s.title)
                .to_owned();
            let reason = format!("repeat of {} on the same items", s.id);
            let new = service::create(
                conn,
                now,
                &Plan {
                    org: s.org_id.as_deref(),
                    slice: &slice,
                    title: &title,
                    gold_items: &s.gold_items()?,
                    participants: &people,
                    closes_at: b.closes_at,
                    pass_threshold: s.pass_threshold,
                    origin: "repeat",
                    reason: &reason,
                    repeat_of: Some(&s.id),
                    actor: &actor,
                },
            )?;
            view(conn, new, true, None)
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Close a session now
///
/// Unanswered items expire; participants who did not finish end `incomplete`.
#[utoipa::path(
    tag = "calibration",
    params(("session" = CalibrationSessionId, Path, description = "Session id")),
    responses(
        (status = 200, description = "Closed", body = SessionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/calibration-sessions/{session}/close")]
async fn close_session(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path)?;
    let now = state.clock.now();
    let payments = state.settings.payments.clone();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let (s, manager, _) = visible(conn, &principal, &id)?;
            if !manager {
                return Err(ApiError::forbidden("only the session's managers close it"));
            }
            if !service::close(conn, now, &payments, &s)? {
                return Err(ApiError::conflict("the session is already closed"));
            }
            let s = store::find_session(conn, &s.id)?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("session vanished")))?;
            view(conn, s, true, None)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalibrationItem {
    pub assignment_id: AssignmentId,
    pub position: i32,
    /// `accepted` (to answer), `submitted` or `expired`.
    pub status: String,
    #[schema(value_type = Object)]
    pub payload: Value,
    #[schema(value_type = Option<Object>)]
    pub your_label: Option<Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalibrationItems {
    pub data: Vec<CalibrationItem>,
}

/// My items in a session
///
/// The participant's own items with their payloads; never the reference answers.
#[utoipa::path(
    tag = "calibration",
    params(("session" = CalibrationSessionId, Path, description = "Session id")),
    responses(
        (status = 200, description = "Items", body = CalibrationItems),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/calibration-sessions/{session}/items")]
async fn my_items(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path)?;
    let items = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let (s, _, me) = visible(conn, &principal, &id)?;
            let Some(me) = me else {
                return Ok(Vec::new());
            };
            let mut out = Vec::new();
            for a in crate::assignments::calibration_assignments_of(conn, &s.id, Some(&me))? {
                let payload = match &a.gold_item_id {
                    Some(g) => match crate::gold::find_gold(conn, g)? {
                        Some(row) => crate::db::stored_json("gold_items.payload", &row.payload)?,
                        None => Value::Null,
                    },
                    None => Value::Null,
                };
                out.push(CalibrationItem {
                    assignment_id: AssignmentId::from_db(a.id.clone()),
                    position: a.position,
                    status: a.status.clone(),
                    payload,
                    your_label: a
                        .label
                        .as_deref()
                        .map(|l| crate::db::stored_json::<Value>("assignments.label", l))
                        .transpose()?,
                });
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CalibrationItems { data: items }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CalibrationAnswerRequest)]
pub struct AnswerRequest {
    /// A label valid for the slice's schema.
    #[schema(value_type = Object)]
    pub label: Value,
}

impl Validate for AnswerRequest {}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerReceipt {
    pub assignment_id: AssignmentId,
    pub answered: i32,
    pub total: i32,
    /// Set once every item is answered.
    pub passed: Option<bool>,
}

/// Answer one item of a session
#[utoipa::path(
    tag = "calibration",
    params(
        ("session" = CalibrationSessionId, Path, description = "Session id"),
        ("assignment" = AssignmentId, Path, description = "Your calibration assignment"),
    ),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Recorded", body = AnswerReceipt),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/calibration-sessions/{session}/items/{assignment}/answer")]
async fn answer_item(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    let id: CalibrationSessionId = path_id("session", &path.0)?;
    let asg: AssignmentId = path_id("assignment", &path.1)?;
    let label = body.into_inner().label;
    let now = state.clock.now();
    let settings = state.settings.clone();
    let r = state
        .db
        .write_once(move |conn| -> ApiResult<_> {
            let (s, _, me) = visible(conn, &principal, &id)?;
            let not_found = || ApiError::not_found(format!("assignment {asg} not found"));
            let me = me.ok_or_else(not_found)?;
            let a = crate::assignments::calibration_assignments_of(conn, &s.id, Some(&me))?
                .into_iter()
                .find(|a| a.id == asg.as_str())
                .ok_or_else(not_found)?;
            service::answer(conn, now, &settings, &s, &a, &label)?;
            let p = store::participant(conn, &s.id, &me)?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("participant vanished")))?;
            Ok(AnswerReceipt {
                assignment_id: asg,
                answered: p.answered,
                total: p.total,
                passed: p.passed,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(r))
}
