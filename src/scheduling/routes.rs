//! `/v1/experts/me/availability…`, `/v1/experts/{expert}/availability/intervals`,
//! `/v1/experts/me/calendar-feed`, `/v1/experts/{expert}/calendar.ics`,
//! `/v1/capacity-requests…` and `/v1/shifts…`.

use actix_web::{HttpResponse, delete, get, http::header, post, put, web};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::availability::{self, Interval};
use super::coverage::{self, Day};
use super::service::{self, Loaded, PlanReport, WeeklySlot};
use super::store::{self, RequestRow, ShiftRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal, Scope};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{
    AvailabilityExceptionId, CapacityRequestId, ExpertId, OrgId, ProjectId, ShiftId, SliceId,
};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_availability)
        .service(set_availability)
        .service(add_exception)
        .service(delete_exception)
        .service(availability_intervals)
        .service(create_calendar_feed)
        .service(revoke_calendar_feed)
        .service(calendar_ics)
        .service(create_request)
        .service(list_requests)
        .service(get_request)
        .service(replan_request)
        .service(cancel_request)
        .service(list_shifts)
        .service(get_shift)
        .service(confirm_shift)
        .service(decline_shift);
}

fn internal(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("{what} vanished"))
}

fn me(conn: &mut DbConn, principal: &Principal) -> ApiResult<String> {
    crate::experts::service::expert_id_of(conn, principal)?.ok_or_else(|| {
        ApiError::forbidden("only experts have availability (apply with POST /v1/experts/me)")
    })
}

// ---------------------------------------------------------------------------------------
// Availability

#[derive(Debug, Serialize, ToSchema)]
pub struct ExceptionView {
    pub id: AvailabilityExceptionId,
    /// `time_off` or `extra_hours`.
    pub kind: String,
    /// Local wall-clock time in the schedule's zone.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityView {
    pub expert_id: ExpertId,
    /// The IANA zone the weekly slots and exceptions are written in.
    pub time_zone: String,
    pub weekly: Vec<WeeklySlot>,
    pub max_hours_per_week: f64,
    pub min_notice_minutes: i32,
    pub exceptions: Vec<ExceptionView>,
    /// Whether a calendar feed URL is active.
    pub calendar_feed: bool,
    pub updated_at: DateTime<Utc>,
}

fn exception_view(x: store::ExceptionRow) -> ExceptionView {
    ExceptionView {
        id: AvailabilityExceptionId::from_db(x.id),
        kind: if x.available {
            "extra_hours"
        } else {
            "time_off"
        }
        .into(),
        start: x.starts_local,
        end: x.ends_local,
        reason: x.reason,
        created_at: crate::clock::utc(x.created_at),
    }
}

fn availability_view(l: Loaded) -> AvailabilityView {
    AvailabilityView {
        expert_id: ExpertId::from_db(l.row.expert_id),
        time_zone: l.row.time_zone,
        weekly: l.slots,
        max_hours_per_week: f64::from(l.row.max_minutes_per_week) / 60.0,
        min_notice_minutes: l.row.min_notice_minutes,
        exceptions: l.exceptions.into_iter().map(exception_view).collect(),
        calendar_feed: l.row.calendar_token_hash.is_some(),
        updated_at: crate::clock::utc(l.row.updated_at),
    }
}

fn loaded(conn: &mut DbConn, expert: &str) -> ApiResult<Loaded> {
    service::load(conn, expert)?.ok_or_else(|| {
        ApiError::not_found(
            "no availability set yet (PUT /v1/experts/me/availability with your weekly hours)",
        )
    })
}

/// Your availability
///
/// The caller's weekly availability, caps, notice and exceptions. 404 until set.
#[utoipa::path(
    tag = "scheduling",
    responses(
        (status = 200, description = "Availability", body = AvailabilityView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/me/availability")]
async fn get_availability(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            Ok(availability_view(loaded(conn, &e)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetAvailability {
    /// IANA time zone (`Europe/Berlin`); default: the zone in your expert profile.
    pub time_zone: Option<String>,
    /// Recurring weekly slots in local wall-clock time (at most 50). A slot keeps its
    /// local hours across daylight-saving changes; local times skipped by a change are
    /// never available, and repeated ones count twice (README "Scheduling").
    pub weekly: Vec<WeeklySlot>,
    /// Most hours booked in shifts per UTC week (Monday to Sunday), 1–80; default from
    /// `scheduling.default_max_hours_per_week`.
    pub max_hours_per_week: Option<f64>,
    /// Shifts never start sooner than this after they are booked (0–20160; default 60).
    pub min_notice_minutes: Option<i32>,
}

fn parse_tz(s: &str) -> Option<Tz> {
    s.parse::<Tz>().ok()
}

impl Validate for SetAvailability {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(tz) = &self.time_zone {
            c.check(
                parse_tz(tz).is_some(),
                "time_zone",
                "must be an IANA time zone such as Europe/Berlin",
            );
        }
        c.check(self.weekly.len() <= 50, "weekly", "at most 50 slots");
        for (i, s) in self.weekly.iter().enumerate() {
            let start = service::parse_hhmm(&s.start);
            let end = service::parse_hhmm(&s.end);
            c.check(
                start.is_some(),
                &format!("weekly[{i}].start"),
                "must be HH:MM (00:00–23:59)",
            );
            c.check(
                end.is_some(),
                &format!("weekly[{i}].end"),
                "must be HH:MM (00:00–23:59)",
            );
            if start.is_some() && start == end {
                c.push(
                    format!("weekly[{i}].end"),
                    "must differ from start (an end at or before the start runs past midnight)",
                );
            }
        }
        if let Some(h) = self.max_hours_per_week {
            c.check(
                h.is_finite() && (1.0..=80.0).contains(&h),
                "max_hours_per_week",
                "must be between 1 and 80",
            );
        }
        if let Some(m) = self.min_notice_minutes {
            c.check(
                (0..=20160).contains(&m),
                "min_notice_minutes",
                "must be between 0 and 20160 (two weeks)",
            );
        }
        c.finish()
    }
}

/// Set your availability
///
/// Replaces the weekly slots, the weekly cap and the minimum notice (exceptions are kept;
/// add and remove them separately). Booked shifts stand; new bookings follow the new
/// availability.
#[utoipa::path(
    tag = "scheduling",
    request_body = SetAvailability,
    responses(
        (status = 200, description = "Availability", body = AvailabilityView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[put("/experts/me/availability")]
async fn set_availability(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<SetAvailability>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let now = state.now();
    let default_cap = state.settings.scheduling.default_max_hours_per_week;
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            let profile =
                crate::experts::find_expert(conn, &e)?.ok_or_else(|| internal("expert"))?;
            let existing = store::schedule(conn, &e)?;
            let tz = b
                .time_zone
                .clone()
                .or_else(|| existing.as_ref().map(|r| r.time_zone.clone()))
                .filter(|z| parse_tz(z).is_some())
                .or_else(|| parse_tz(&profile.time_zone).map(|_| profile.time_zone.clone()))
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "time_zone",
                        "your profile has no valid IANA time zone; give one here",
                    )
                })?;
            let cap = b
                .max_hours_per_week
                .map(|h| (h * 60.0).round() as i32)
                .or(existing.as_ref().map(|r| r.max_minutes_per_week))
                .unwrap_or((default_cap * 60) as i32);
            let notice = b
                .min_notice_minutes
                .or(existing.as_ref().map(|r| r.min_notice_minutes))
                .unwrap_or(60);
            if existing.as_ref().is_some_and(|r| r.time_zone != tz)
                && !store::exceptions(conn, &e)?.is_empty()
            {
                return Err(ApiError::conflict(
                    "your exceptions are written in your current time zone; delete them before \
                     changing it (DELETE /v1/experts/me/availability/exceptions/{exception})",
                ));
            }
            let rules = serde_json::to_string(&b.weekly).map_err(ApiError::internal)?;
            store::upsert_schedule(
                conn,
                &e,
                &store::ScheduleInput {
                    time_zone: &tz,
                    weekly_rules: &rules,
                    max_minutes_per_week: cap,
                    min_notice_minutes: notice,
                },
                now,
            )?;
            audit::record(
                conn,
                now,
                &Actor::of(&principal),
                Entry {
                    action: "availability.set",
                    org_id: profile.vendor_id.as_deref(),
                    subject_type: "expert",
                    subject_id: Some(&e),
                    details: serde_json::json!({"time_zone": tz, "slots": b.weekly.len(),
                        "max_minutes_per_week": cap, "min_notice_minutes": notice}),
                },
            )?;
            Ok(availability_view(loaded(conn, &e)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionKind {
    /// Not available (wins over weekly slots and extra hours).
    TimeOff,
    /// Available outside the weekly slots.
    ExtraHours,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewException {
    pub kind: ExceptionKind,
    /// Local wall-clock time in your schedule's zone, `YYYY-MM-DDTHH:MM`.
    #[schema(example = "2026-12-24T00:00")]
    pub start: String,
    #[schema(example = "2026-12-27T00:00")]
    pub end: String,
    /// Optional note (at most 500 characters).
    #[serde(default)]
    pub reason: String,
}

const MAX_EXCEPTIONS: usize = 500;

fn parse_local(s: &str) -> Option<NaiveDateTime> {
    // Four-digit years only (chrono's `%Y` also reads `+262143`).
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) || s.find('-') != Some(4) {
        return None;
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

impl Validate for NewException {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        let start = parse_local(&self.start);
        let end = parse_local(&self.end);
        c.check(
            start.is_some(),
            "start",
            "must be a local time YYYY-MM-DDTHH:MM",
        );
        c.check(
            end.is_some(),
            "end",
            "must be a local time YYYY-MM-DDTHH:MM",
        );
        if let (Some(s), Some(e)) = (start, end) {
            c.check(e > s, "end", "must be after start");
            c.check(
                e - s <= Duration::days(366),
                "end",
                "at most a year after start",
            );
        }
        c.text(&self.reason, "reason", 0, 500);
        c.finish()
    }
}

/// Add an exception
///
/// Time off or extra hours on specific dates, in local time. Time off that overlaps a
/// booked shift is refused (409) until the shift is declined.
#[utoipa::path(
    tag = "scheduling",
    request_body = NewException,
    responses(
        (status = 201, description = "Added", body = ExceptionView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/availability/exceptions")]
async fn add_exception(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewException>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            let l = loaded(conn, &e)?;
            let (Some(start), Some(end)) = (parse_local(&b.start), parse_local(&b.end)) else {
                return Err(ApiError::invalid_field("start", "must be a local time"));
            };
            // Exceptions are for the foreseeable future: from a day ago to three years ahead.
            let local_now = now.with_timezone(&l.tz()).naive_local();
            if end <= local_now - Duration::days(1) {
                return Err(ApiError::invalid_field("end", "is in the past"));
            }
            if start > local_now + Duration::days(3 * 366) {
                return Err(ApiError::invalid_field(
                    "start",
                    "must be within three years from now",
                ));
            }
            // Ended exceptions are kept for a month, then dropped; at most 500 stay.
            store::prune_exceptions(conn, &e, local_now - Duration::days(30))?;
            if store::exceptions(conn, &e)?.len() >= MAX_EXCEPTIONS {
                return Err(ApiError::conflict(format!(
                    "at most {MAX_EXCEPTIONS} exceptions; delete some first"
                )));
            }
            let available = b.kind == ExceptionKind::ExtraHours;
            if !available {
                // Time off wins over everything: no booked shift may fall inside it.
                let mut after = l.availability.clone();
                after.exceptions.push(availability::Exception {
                    available: false,
                    start,
                    end,
                });
                service::refuse_stranding(conn, &l, &after, start, end, "this time off")?;
            }
            let id =
                store::insert_exception(conn, &e, available, start, end, b.reason.trim(), now)?;
            let row = store::exceptions(conn, &e)?
                .into_iter()
                .find(|x| x.id == id.as_str())
                .ok_or_else(|| internal("exception"))?;
            Ok(exception_view(row))
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Remove an exception
#[utoipa::path(
    tag = "scheduling",
    params(("exception" = AvailabilityExceptionId, Path, description = "Exception id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[delete("/experts/me/availability/exceptions/{exception}")]
async fn delete_exception(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: AvailabilityExceptionId = path_id("exception", &path)?;
    state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            let Some(l) = service::load(conn, &e)? else {
                return Err(ApiError::not_found(format!("exception {id} not found")));
            };
            let Some(x) = l.exceptions.iter().find(|x| x.id == id.as_str()).cloned() else {
                return Err(ApiError::not_found(format!("exception {id} not found")));
            };
            if x.available {
                // Extra hours that booked shifts rely on stay until those are declined.
                let mut after = l.availability.clone();
                after.exceptions.retain(|y| {
                    !(y.available && y.start == x.starts_local && y.end == x.ends_local)
                });
                service::refuse_stranding(
                    conn,
                    &l,
                    &after,
                    x.starts_local,
                    x.ends_local,
                    "removing these extra hours",
                )?;
            }
            store::delete_exception(conn, &e, id.as_str())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WindowParams {
    /// Start of the window (RFC 3339).
    pub from: DateTime<Utc>,
    /// End of the window (RFC 3339), at most `scheduling.max_window_days` after `from`.
    pub to: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookedView {
    pub shift_id: ShiftId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IntervalsView {
    pub expert_id: ExpertId,
    pub time_zone: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// When the expert is available (weekly slots plus extra hours, minus time off), as
    /// sorted, merged UTC intervals.
    pub available: Vec<Interval>,
    /// Shifts booked in the window (offered or confirmed, any project).
    pub booked: Vec<BookedView>,
    /// Available, not booked, and at least the minimum notice from now: what a new
    /// capacity request could book.
    pub free: Vec<Interval>,
}

/// When is an expert available
///
/// The expert's availability between `from` and `to` as UTC intervals, correct across
/// daylight-saving changes, with their bookings and free time. The expert, their vendor's
/// admins and platform admins.
#[utoipa::path(
    tag = "scheduling",
    params(("expert" = ExpertId, Path, description = "Expert id"), WindowParams),
    responses(
        (status = 200, description = "Intervals", body = IntervalsView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/availability/intervals")]
async fn availability_intervals(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<WindowParams>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let q = q.0;
    check_window(q.from, q.to, state.settings.scheduling.max_window_days)?;
    let now = state.now();
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = crate::experts::service::visible_expert(conn, &principal, &id)?;
            let l = service::load(conn, &e.id)?.ok_or_else(|| {
                ApiError::not_found(format!("expert {id} has not set availability"))
            })?;
            let t = service::time_view(conn, &l, now, q.from, q.to)?;
            Ok(IntervalsView {
                expert_id: id,
                time_zone: l.row.time_zone.clone(),
                from: q.from,
                to: q.to,
                available: t.available,
                booked: t
                    .booked
                    .into_iter()
                    .map(|s| BookedView {
                        shift_id: ShiftId::from_db(s.id),
                        starts_at: crate::clock::utc(s.starts_at),
                        ends_at: crate::clock::utc(s.ends_at),
                        status: s.status,
                    })
                    .collect(),
                free: t.free,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// The query window `from`..`to`: in order, and at most `max_days` long.
fn check_window(from: DateTime<Utc>, to: DateTime<Utc>, max_days: i64) -> ApiResult<()> {
    if to <= from {
        return Err(ApiError::bad_parameter("to", "must be after `from`"));
    }
    if to - from > Duration::days(max_days) {
        return Err(ApiError::bad_parameter(
            "to",
            format!("the window may span at most {max_days} days"),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Calendar feed

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeedView {
    /// Subscribe to this URL in a calendar client. It holds a secret: shown once; create
    /// a new one to replace it (the old URL stops working at once).
    pub url: String,
    pub created_at: DateTime<Utc>,
}

fn token_hash(token: &str) -> String {
    crate::auth::tokens::hash_secret(token)
}

/// Create or replace your calendar feed URL
///
/// Returns a new secret feed URL of your shifts (iCalendar); any earlier URL stops
/// working. Needs availability set first.
#[utoipa::path(
    tag = "scheduling",
    responses(
        (status = 201, description = "The feed URL", body = CalendarFeedView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/calendar-feed")]
async fn create_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    let public = state.settings.http.public_url.clone();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            loaded(conn, &e)?;
            let token = crate::auth::tokens::random_secret();
            store::set_calendar_token(conn, &e, Some(&token_hash(&token)), now)?;
            audit::record(
                conn,
                now,
                &Actor::of(&principal),
                Entry {
                    action: "calendar_feed.created",
                    org_id: None,
                    subject_type: "expert",
                    subject_id: Some(&e),
                    details: serde_json::json!({}),
                },
            )?;
            Ok(CalendarFeedView {
                url: crate::state::public_link(
                    &public,
                    &format!("/v1/experts/{e}/calendar.ics?token={token}"),
                ),
                created_at: now,
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Revoke your calendar feed URL
#[utoipa::path(
    tag = "scheduling",
    responses(
        (status = 204, description = "Revoked (also when there was none)"),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[delete("/experts/me/calendar-feed")]
async fn revoke_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            if store::set_calendar_token(conn, &e, None, now)? {
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "calendar_feed.revoked",
                        org_id: None,
                        subject_type: "expert",
                        subject_id: Some(&e),
                        details: serde_json::json!({}),
                    },
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// The secret from the feed URL.
    pub token: String,
}

/// An expert's shifts as iCalendar
///
/// The feed a calendar client subscribes to (RFC 5545): one event per shift with a
/// stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
/// declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
/// a wrong or revoked token answers 404.
#[utoipa::path(
    tag = "scheduling",
    params(("expert" = ExpertId, Path, description = "Expert id"), FeedParams),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 404, response = crate::http::NotFound),
    )
)]
#[get("/experts/{expert}/calendar.ics")]
async fn calendar_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: Query<FeedParams>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let token = q.0.token;
    let now = state.now();
    let past = state.settings.scheduling.calendar_past_days;
    let host = url::Url::parse(&state.settings.http.public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "cadre".into());
    let body = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let not_found = || ApiError::not_found("no such calendar feed");
            let owner = store::expert_by_calendar_token(conn, &token_hash(&token))?;
            if owner.as_deref() != Some(id.as_str()) {
                return Err(not_found());
            }
            let l = loaded(conn, id.as_str())?;
            let rows = store::feed_shifts(conn, id.as_str(), now - Duration::days(past))?;
            let mut events = Vec::with_capacity(rows.len());
            let mut names = std::collections::HashMap::new();
            for s in rows {
                let key = (s.project_id.clone(), s.slice_id.clone());
                if !names.contains_key(&key) {
                    let project = crate::projects::find_project(conn, &s.project_id)?
                        .map(|p| p.name)
                        .unwrap_or_default();
                    let slice = crate::taxonomy::find_slice(conn, &s.slice_id)?
                        .map(|x| (x.key, x.name))
                        .unwrap_or_default();
                    names.insert(key.clone(), (project, slice));
                }
                let (project, (slice_key, slice_name)) = &names[&key];
                let mut description = format!(
                    "Cadre shift for project \"{project}\", slice {slice_key}. Status: {}.",
                    s.status
                );
                if !s.reason.is_empty() {
                    description.push_str(&format!(" Reason: {}.", s.reason));
                }
                description.push_str(&format!("\nShift id: {}", s.id));
                events.push(super::ical::FeedEvent {
                    uid: format!("{}@{host}", s.id),
                    start: crate::clock::utc(s.starts_at),
                    end: crate::clock::utc(s.ends_at),
                    summary: format!("Cadre shift: {slice_name} ({project})"),
                    description,
                    status: s.status,
                    sequence: s.sequence,
                    created: crate::clock::utc(s.created_at),
                    modified: crate::clock::utc(s.updated_at),
                });
            }
            Ok(super::ical::render(&super::ical::Feed {
                name: "Cadre shifts",
                time_zone: &l.row.time_zone,
                generated: now,
                events: &events,
            }))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "inline; filename=\"cadre-shifts.ics\"",
        ))
        .body(body))
}

// ---------------------------------------------------------------------------------------
// Capacity requests and shifts

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

fn shift_view(conn: &mut DbConn, principal: &Principal, s: ShiftRow) -> ApiResult<ShiftView> {
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
            if e.status().as_u16() == 404 {
                not_found()
            } else {
                e
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
    pub hours: f64,
    pub window_start: DateTime<Utc>,
    /// At most `scheduling.max_window_days` after the start, and in the future.
    pub window_end: DateTime<Utc>,
    /// Shortest shift to book, 15–720 minutes (default 60).
    pub min_shift_minutes: Option<i32>,
    /// Longest shift to book (default and upper limit `scheduling.max_shift_minutes`).
    pub max_shift_minutes: Option<i32>,
    /// At least this many distinct experts (0–100, default 0).
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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// Why (1–500 characters); shown to the experts.
    pub reason: String,
}

impl Validate for Reason {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.reason, "reason", 1, 500);
        c.finish()
    }
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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ShiftListParams {
    /// `offered`, `confirmed`, `declined`, `expired` or `cancelled`.
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
            let rows = store::list_shifts(
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
