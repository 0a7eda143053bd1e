//! `/v1/experts/me/availability…` and `/v1/experts/{expert}/availability/intervals`: an
//! expert's weekly availability, its exceptions, and the UTC intervals it expands to.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::availability::{self, Interval};
use super::routes::{internal, loaded, me};
use super::service::{self, Loaded, WeeklySlot};
use super::store;
use crate::audit::{self, Actor, Entry};
use crate::auth::Principal;
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{AvailabilityExceptionId, ExpertId, ShiftId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_availability)
        .service(set_availability)
        .service(add_exception)
        .service(delete_exception)
        .service(availability_intervals);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExceptionView {
    pub id: AvailabilityExceptionId,
    /// `time_off` or `extra_hours`.
    pub kind: String,
    /// Local wall-clock time in the schedule's zone, without an offset.
    #[schema(value_type = String, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$", example = "2026-12-24T00:00:00")]
    pub start: NaiveDateTime,
    #[schema(value_type = String, pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$", example = "2026-12-27T00:00:00")]
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
    #[schema(max_items = 50)]
    pub weekly: Vec<WeeklySlot>,
    /// Most hours booked in shifts per UTC week (Monday to Sunday), 1–80; default from
    /// `scheduling.default_max_hours_per_week`.
    #[schema(minimum = 1, maximum = 80)]
    pub max_hours_per_week: Option<f64>,
    /// Shifts never start sooner than this after they are booked (0–20160; default 60).
    #[schema(minimum = 0, maximum = 20160)]
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
    #[schema(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
        example = "2026-12-24T00:00"
    )]
    pub start: String,
    #[schema(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
        example = "2026-12-27T00:00"
    )]
    pub end: String,
    /// Optional note (at most 500 characters).
    #[serde(default)]
    #[schema(max_length = 500)]
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
            let t = service::expert_time(conn, &l, now, q.from, q.to)?;
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
