//! Scheduling in the database: loading an expert's availability, free time, planning and
//! re-planning capacity requests into shifts, confirming, declining and cancelling, the
//! reminder job, and the schedule facts routing asks for. Every booking change takes
//! [`store::lock_bookings`] first, so two plans never book one expert twice.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::availability::{self, Availability, Exception, Interval, WeeklyRule};
use super::planner::{self, week_of};
use super::store::{self, RequestRow, ShiftRow};
use crate::audit::{self, Actor, Entry};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// The reminder job's kind.
pub const SHIFT_REMINDER: &str = "scheduling.shift_reminder";
/// Re-plans one capacity request (after shifts were released).
pub const REPLAN: &str = "scheduling.replan";
/// Lets an offered shift lapse if it is still unconfirmed.
pub const OFFER_EXPIRY: &str = "scheduling.offer_expiry";

/// The furthest ahead routing looks for an expert's next available time.
const ROUTING_HORIZON_DAYS: i64 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = Weekday)]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub fn weekday(self) -> Weekday {
        match self {
            Day::Mon => Weekday::Mon,
            Day::Tue => Weekday::Tue,
            Day::Wed => Weekday::Wed,
            Day::Thu => Weekday::Thu,
            Day::Fri => Weekday::Fri,
            Day::Sat => Weekday::Sat,
            Day::Sun => Weekday::Sun,
        }
    }
}

/// A weekly rule as the API and the database write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklySlot {
    pub weekday: Day,
    /// Local wall-clock time, `HH:MM` (24 h).
    #[schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "18:00")]
    pub start: String,
    /// Local wall-clock time, `HH:MM`; at or before `start`, the slot runs past midnight.
    #[schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "22:00")]
    pub end: String,
}

/// Parses `HH:MM` (00:00–23:59; `24:00` is written `00:00` of an overnight slot).
pub fn parse_hhmm(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

impl WeeklySlot {
    pub fn rule(&self) -> Option<WeeklyRule> {
        Some(WeeklyRule {
            weekday: self.weekday.weekday(),
            start: parse_hhmm(&self.start)?,
            end: parse_hhmm(&self.end)?,
        })
    }
}

/// An expert's schedule as stored, with the availability it describes.
pub struct Loaded {
    pub row: store::ScheduleRow,
    pub slots: Vec<WeeklySlot>,
    pub exceptions: Vec<store::ExceptionRow>,
    pub availability: Availability,
}

impl Loaded {
    pub fn tz(&self) -> Tz {
        self.availability.tz
    }
}

pub fn load(conn: &mut DbConn, expert: &str) -> AppResult<Option<Loaded>> {
    let Some(row) = store::schedule(conn, expert)? else {
        return Ok(None);
    };
    // Written by this application after validation; an unreadable value counts as empty.
    let tz: Tz = row.time_zone.parse().unwrap_or(Tz::UTC);
    let slots: Vec<WeeklySlot> =
        crate::db::stored_json("expert_schedules.weekly_rules", &row.weekly_rules)?;
    let exceptions = store::exceptions(conn, expert)?;
    let availability = Availability {
        tz,
        rules: slots.iter().filter_map(WeeklySlot::rule).collect(),
        exceptions: exceptions
            .iter()
            .map(|x| Exception {
                available: x.available,
                start: x.starts_local,
                end: x.ends_local,
            })
            .collect(),
    };
    Ok(Some(Loaded {
        row,
        slots,
        exceptions,
        availability,
    }))
}

/// What an expert's time looks like in [from, to).
pub struct ExpertTime {
    /// Availability (weekly rules and exceptions).
    pub available: Vec<Interval>,
    /// Live shifts overlapping the window, all projects.
    pub booked: Vec<ShiftRow>,
    /// Available, not booked, and at least the minimum notice from `now`.
    pub free: Vec<Interval>,
}

pub fn expert_time(
    conn: &mut DbConn,
    l: &Loaded,
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<ExpertTime> {
    let available = availability::expand(&l.availability, from, to);
    let booked = store::live_shifts_of(conn, &l.row.expert_id, from, to)?;
    let busy: Vec<Interval> =
        availability::normalize(booked.iter().map(ShiftRow::interval).collect::<Vec<_>>());
    let notice = now + Duration::minutes(i64::from(l.row.min_notice_minutes));
    let free = match Interval::new(notice.max(from), to) {
        Some(w) => availability::intersect(&availability::subtract(&available, &busy), &[w]),
        None => Vec::new(),
    };
    Ok(ExpertTime {
        available,
        booked,
        free,
    })
}

/// Routing's schedule filter: when, before `deadline`, can the expert first work on an
/// item of the project's slice? `Some(now)` for experts without a schedule (they have not
/// limited their time); for others the first instant they are available and not booked on
/// a shift of another project or slice (for an item already past its deadline: within the
/// next minute); `None` when there is no such time (the `schedule` filter).
pub fn next_available(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    slice: &str,
    now: DateTime<Utc>,
    deadline: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let Some(l) = load(conn, expert)? else {
        return Ok(Some(now));
    };
    let until = deadline
        .max(now + Duration::minutes(1))
        .min(now + Duration::days(ROUTING_HORIZON_DAYS));
    let elsewhere: Vec<Interval> = availability::normalize(
        store::live_shifts_of(conn, expert, now, until)?
            .iter()
            .filter(|s| s.project_id != project || s.slice_id != slice)
            .map(ShiftRow::interval)
            .collect(),
    );
    Ok(availability::first_available(
        &l.availability,
        now,
        until,
        &elsewhere,
    ))
}

/// Refuses an availability change that would leave live shifts overlapping the local range
/// [start, end) outside what `after` (the availability with the change) covers: 409 naming
/// them, until they are declined. Takes the booking lock, so no plan books into the change.
pub fn refuse_stranding(
    conn: &mut DbConn,
    l: &Loaded,
    after: &Availability,
    start: NaiveDateTime,
    end: NaiveDateTime,
    what: &str,
) -> AppResult<()> {
    store::lock_bookings(conn)?;
    let span = availability::wall_clock_range(l.tz(), start, end);
    let (Some(first), Some(last)) = (span.first(), span.last()) else {
        return Ok(());
    };
    let stranded: Vec<String> =
        store::live_shifts_of(conn, &l.row.expert_id, first.start, last.end)?
            .into_iter()
            .filter(|s| {
                let i = s.interval();
                availability::expand(after, i.start, i.end) != [i]
            })
            .map(|s| s.id)
            .collect();
    if stranded.is_empty() {
        Ok(())
    } else {
        Err(AppError::conflict(format!(
            "{what} would leave booked shifts outside your availability ({}); decline them first",
            stranded.join(", ")
        )))
    }
}

/// Experts on a confirmed shift for the project's slice now.
pub fn on_shift(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    Ok(store::on_shift(conn, project, slice, now)?)
}

/// A shift as a line of an e-mail, in the expert's own time and in UTC.
pub fn shift_line(conn: &mut DbConn, s: &ShiftRow, tz: Tz) -> AppResult<String> {
    let start = crate::clock::utc(s.starts_at);
    let end = crate::clock::utc(s.ends_at);
    let ls = start.with_timezone(&tz);
    let le = end.with_timezone(&tz);
    let project = crate::projects::find_project(conn, &s.project_id)?
        .map(|p| p.name)
        .unwrap_or_default();
    let slice = crate::taxonomy::find_slice(conn, &s.slice_id)?
        .map(|x| x.key)
        .unwrap_or_default();
    Ok(format!(
        "- {} {}–{} {} ({}–{} UTC): {slice}, project \"{project}\" [{}]",
        ls.format("%a %e %b %Y"),
        ls.format("%H:%M"),
        le.format("%H:%M"),
        tz.name(),
        start.format("%a %H:%M"),
        end.format("%a %H:%M"),
        s.id
    ))
}

fn tz_of(conn: &mut DbConn, expert: &str) -> AppResult<Tz> {
    Ok(store::schedule(conn, expert)?
        .and_then(|r| r.time_zone.parse().ok())
        .unwrap_or(Tz::UTC))
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ShiftJob {
    pub shift: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RequestJob {
    pub request: String,
}

/// The offer-expiry job: a shift still `offered` lapses (`expired`), the expert is told,
/// and its request is re-planned (never offering them that time again).
pub fn expire_offer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    job: &ShiftJob,
) -> AppResult<usize> {
    store::lock_bookings(conn)?;
    let Some(s) = store::find_shift(conn, &job.shift)? else {
        return Ok(0);
    };
    let reason = "not confirmed in time";
    if s.status != "offered"
        || !store::set_shift_status(conn, &s.id, &["offered"], "expired", reason, now)?
    {
        return Ok(0);
    }
    tell_cancelled(conn, now, &s.expert_id, std::slice::from_ref(&s), reason)?;
    plan(
        conn,
        now,
        settings,
        &Actor::system(),
        &s.capacity_request_id,
    )?;
    Ok(1)
}

/// The re-plan job.
pub fn replan(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    job: &RequestJob,
) -> AppResult<usize> {
    Ok(plan(conn, now, settings, &Actor::system(), &job.request)?.booked)
}

/// E-mails an expert that shifts of theirs no longer stand.
fn tell_cancelled(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    list: &[ShiftRow],
    reason: &str,
) -> AppResult<()> {
    let tz = tz_of(conn, expert)?;
    let mut lines = Vec::new();
    for s in list {
        lines.push(shift_line(conn, s, tz)?);
    }
    if let Some((to, name)) = crate::experts::service::contact(conn, expert)? {
        crate::mail::enqueue(
            conn,
            now,
            &crate::mail::templates::shifts_cancelled(&to, &name, &lines, reason),
        )
        .map_err(AppError::internal)?;
    }
    Ok(())
}

/// Cancels the expert's shifts that have not started (in one slice, or all), tells them,
/// and re-plans each open request they served through a job (the change that causes
/// this — a suspension, the end of their approval, a deleted account — commits with it).
pub fn release(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    slice: Option<&str>,
    reason: &str,
) -> AppResult<usize> {
    store::lock_bookings(conn)?;
    let mut cancelled = Vec::new();
    for s in store::live_shifts_of(conn, expert, now, now + Duration::days(3650))? {
        if crate::clock::utc(s.starts_at) > now
            && slice.is_none_or(|x| x == s.slice_id)
            && store::set_shift_status(conn, &s.id, &store::LIVE, "cancelled", reason, now)?
        {
            cancelled.push(s);
        }
    }
    if cancelled.is_empty() {
        return Ok(0);
    }
    tell_cancelled(conn, now, expert, &cancelled, reason)?;
    let mut requests: Vec<&str> = cancelled
        .iter()
        .map(|s| s.capacity_request_id.as_str())
        .collect();
    requests.sort_unstable();
    requests.dedup();
    for r in requests {
        crate::jobs::enqueue(
            conn,
            now,
            crate::jobs::Queue::Default,
            REPLAN,
            &RequestJob {
                request: r.to_owned(),
            },
        )
        .map_err(AppError::internal)?;
    }
    Ok(cancelled.len())
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ReminderJob {
    pub shift: String,
    /// The start the reminder was planned for (a moved or re-booked shift gets its own).
    pub starts_at: DateTime<Utc>,
}

/// E-mails each expert about their new shifts and plans a reminder before each one.
fn announce(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    shifts: &[ShiftRow],
) -> AppResult<()> {
    let mut by_expert: BTreeMap<&str, Vec<&ShiftRow>> = BTreeMap::new();
    for s in shifts {
        by_expert.entry(&s.expert_id).or_default().push(s);
    }
    let before = Duration::minutes(settings.scheduling.reminder_before_minutes);
    let confirm_within = Duration::hours(settings.scheduling.confirm_within_hours);
    for (expert, list) in by_expert {
        let tz = tz_of(conn, expert)?;
        let mut lines = Vec::new();
        for s in &list {
            lines.push(shift_line(conn, s, tz)?);
            let lapse = (now + confirm_within).min(crate::clock::utc(s.starts_at));
            crate::jobs::enqueue_at(
                conn,
                now,
                lapse,
                crate::jobs::Queue::Default,
                OFFER_EXPIRY,
                &ShiftJob {
                    shift: s.id.clone(),
                },
            )
            .map_err(AppError::internal)?;
            let at = crate::clock::utc(s.starts_at) - before;
            if at > now {
                crate::jobs::enqueue_at(
                    conn,
                    now,
                    at,
                    crate::jobs::Queue::Default,
                    SHIFT_REMINDER,
                    &ReminderJob {
                        shift: s.id.clone(),
                        starts_at: crate::clock::utc(s.starts_at),
                    },
                )
                .map_err(AppError::internal)?;
            }
        }
        if let Some((to, name)) = crate::experts::service::contact(conn, expert)? {
            crate::mail::enqueue(
                conn,
                now,
                &crate::mail::templates::shifts_offered(&to, &name, &lines),
            )
            .map_err(AppError::internal)?;
        }
    }
    Ok(())
}

/// The reminder job: e-mails the expert if the shift is still booked as planned.
pub fn remind(conn: &mut DbConn, now: DateTime<Utc>, job: &ReminderJob) -> AppResult<usize> {
    let Some(s) = store::find_shift(conn, &job.shift)? else {
        return Ok(0);
    };
    if !store::LIVE.contains(&s.status.as_str())
        || crate::clock::utc(s.starts_at) != job.starts_at
        || crate::clock::utc(s.ends_at) <= now
    {
        return Ok(0);
    }
    let tz = tz_of(conn, &s.expert_id)?;
    let line = shift_line(conn, &s, tz)?;
    if let Some((to, name)) = crate::experts::service::contact(conn, &s.expert_id)? {
        crate::mail::enqueue(
            conn,
            now,
            &crate::mail::templates::shift_reminder(&to, &name, &line, s.status == "confirmed"),
        )
        .map_err(AppError::internal)?;
        return Ok(1);
    }
    Ok(0)
}

/// What a plan did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanReport {
    /// Shifts this plan booked (offered to the experts).
    pub booked: usize,
    pub minutes_booked: i64,
    pub shortfall_minutes: i64,
    pub shortfall_experts: i64,
    /// Eligible experts with a schedule the planner considered.
    pub candidates: usize,
}

/// Plans (or re-plans) an open request: books offered shifts for whatever its live shifts
/// do not yet cover, from eligible experts' free time, and records the shortfall.
pub fn plan(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    request: &str,
) -> AppResult<PlanReport> {
    store::lock_bookings(conn)?;
    let r = store::find_request(conn, request)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("capacity request vanished")))?;
    let live: Vec<ShiftRow> = store::shifts_of_request(conn, &r.id)?
        .into_iter()
        .filter(|s| store::LIVE.contains(&s.status.as_str()))
        .collect();
    let covered: i64 = live.iter().map(ShiftRow::minutes).sum();
    let mut on_request: Vec<&str> = live.iter().map(|s| s.expert_id.as_str()).collect();
    on_request.sort_unstable();
    on_request.dedup();
    let window_end = crate::clock::utc(r.window_end);
    let window = Interval::new(crate::clock::utc(r.window_start).max(now), window_end);
    let still = r.minutes_needed - covered;
    let mut report = PlanReport {
        booked: 0,
        minutes_booked: 0,
        shortfall_minutes: still.max(0),
        shortfall_experts: (i64::from(r.min_experts) - on_request.len() as i64).max(0),
        candidates: 0,
    };
    let mut new_shifts = Vec::new();
    if let (Some(window), "open") = (window, r.status.as_str())
        && (still > 0 || report.shortfall_experts > 0)
    {
        // Times an expert declined on this request are never offered to them again.
        let mut declined: HashMap<String, Vec<Interval>> = HashMap::new();
        for s in store::declined(conn, &r.id)? {
            declined
                .entry(s.expert_id.clone())
                .or_default()
                .push(s.interval());
        }
        // Short only of distinct experts: only experts not yet on the request help.
        let only_new = still <= 0;
        let statuses = ["probation", "qualified"];
        let ids: Vec<String> = super::queries::plannable(conn, &r.slice_id, &statuses)?
            .into_iter()
            .filter(|id| !(only_new && on_request.contains(&id.as_str())))
            .collect();
        let eligible = crate::routing::service::plannable(
            conn,
            now,
            settings,
            &r.project_id,
            &r.slice_id,
            &ids,
        )?;
        report.candidates = eligible.len();
        let mut candidates = Vec::new();
        // Weekly caps count every live booking in the weeks the window touches.
        let weeks_from = week_of(window.start);
        let weeks_to = week_of(window.end) + Duration::days(7);
        for (expert, score) in eligible {
            let Some(l) = load(conn, &expert)? else {
                continue;
            };
            let view = expert_time(conn, &l, now, window.start, window.end)?;
            let free = match declined.get(&expert) {
                Some(d) => availability::subtract(&view.free, &availability::normalize(d.clone())),
                None => view.free,
            };
            let mut booked: BTreeMap<DateTime<Utc>, i64> = BTreeMap::new();
            for s in store::live_shifts_of(conn, &expert, weeks_from, weeks_to)? {
                *booked
                    .entry(week_of(crate::clock::utc(s.starts_at)))
                    .or_default() += s.minutes();
            }
            candidates.push(planner::Candidate {
                expert,
                score,
                free,
                weekly_cap_minutes: i64::from(l.row.max_minutes_per_week),
                booked,
            });
        }
        let min_shift = i64::from(r.min_shift_minutes);
        // A request short only of distinct experts still books one minimum shift for each
        // missing expert.
        let minutes = still.max(report.shortfall_experts * min_shift);
        // While distinct experts are missing, no one shift takes more than its share, so
        // the first experts asked cannot cover everything alone.
        let max_shift = if report.shortfall_experts > 0 {
            let share = (minutes + report.shortfall_experts - 1) / report.shortfall_experts;
            i64::from(r.max_shift_minutes).min(share.max(min_shift))
        } else {
            i64::from(r.max_shift_minutes)
        };
        let p = planner::plan(
            &planner::Request {
                window,
                minutes_needed: minutes,
                min_shift_minutes: min_shift,
                max_shift_minutes: max_shift,
                min_experts: report.shortfall_experts.max(0) as usize,
            },
            candidates,
        );
        for s in &p.shifts {
            let id = store::insert_shift(
                conn,
                &store::NewShift {
                    request: &r,
                    expert: &s.expert,
                    start: s.start,
                    end: s.end,
                },
                now,
            )?;
            let row = store::find_shift(conn, id.as_str())?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("shift vanished")))?;
            new_shifts.push(row);
        }
        report.booked = p.shifts.len();
        report.minutes_booked = p.minutes_planned;
        report.shortfall_minutes = (still - p.minutes_planned).max(0);
        let mut experts: Vec<&str> = on_request
            .iter()
            .copied()
            .chain(p.shifts.iter().map(|s| s.expert.as_str()))
            .collect();
        experts.sort_unstable();
        experts.dedup();
        report.shortfall_experts = (i64::from(r.min_experts) - experts.len() as i64).max(0);
    }
    let note = plan_note(&r, &report, window.is_some());
    store::record_plan(
        conn,
        &r.id,
        report.shortfall_minutes,
        report.shortfall_experts as i32,
        &note,
        now,
    )?;
    announce(conn, now, settings, &new_shifts)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "capacity_request.planned",
            org_id: Some(&r.org_id),
            subject_type: "capacity_request",
            subject_id: Some(&r.id),
            details: json!({
                "booked": report.booked,
                "minutes_booked": report.minutes_booked,
                "shortfall_minutes": report.shortfall_minutes,
                "shortfall_experts": report.shortfall_experts,
                "shifts": new_shifts.iter().map(|s| &s.id).collect::<Vec<_>>(),
            }),
        },
    )?;
    Ok(report)
}

fn plan_note(r: &RequestRow, p: &PlanReport, window_open: bool) -> String {
    if r.status != "open" {
        return "cancelled".into();
    }
    if !window_open {
        return "the window has passed; nothing more is booked".into();
    }
    let mut parts = Vec::new();
    if p.shortfall_minutes > 0 {
        parts.push(format!(
            "short by {} h {:02} min",
            p.shortfall_minutes / 60,
            p.shortfall_minutes % 60
        ));
    }
    if p.shortfall_experts > 0 {
        parts.push(format!(
            "short by {} distinct expert(s)",
            p.shortfall_experts
        ));
    }
    if parts.is_empty() {
        "fully booked".into()
    } else {
        format!(
            "{}: {} eligible expert(s) with a schedule were considered and none has more free \
             time within the window (outside times they declined), their notice and their \
             weekly cap",
            parts.join(", "),
            p.candidates
        )
    }
}

/// The expert confirms an offered shift.
pub fn confirm(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    s: &ShiftRow,
) -> AppResult<()> {
    if crate::clock::utc(s.ends_at) <= now {
        return Err(AppError::conflict("this shift is over"));
    }
    if s.status == "confirmed" {
        return Ok(());
    }
    if !store::set_shift_status(conn, &s.id, &["offered"], "confirmed", "", now)? {
        return Err(AppError::conflict(format!(
            "this shift is {} and cannot be confirmed",
            s.status
        )));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "shift.confirmed",
            org_id: Some(&s.org_id),
            subject_type: "shift",
            subject_id: Some(&s.id),
            details: json!({}),
        },
    )?;
    Ok(())
}

/// The expert declines a shift (offered, or confirmed and not yet started); its request
/// is re-planned at once, never offering them the declined time again.
pub fn decline(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    s: &ShiftRow,
    reason: &str,
) -> AppResult<PlanReport> {
    store::lock_bookings(conn)?;
    if crate::clock::utc(s.starts_at) <= now {
        return Err(AppError::conflict(
            "this shift has started; it can no longer be declined",
        ));
    }
    if !store::set_shift_status(conn, &s.id, &store::LIVE, "declined", reason, now)? {
        return Err(AppError::conflict("this shift is no longer booked"));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "shift.declined",
            org_id: Some(&s.org_id),
            subject_type: "shift",
            subject_id: Some(&s.id),
            details: json!({ "reason": reason }),
        },
    )?;
    plan(
        conn,
        now,
        settings,
        &Actor::system(),
        &s.capacity_request_id,
    )
}

/// Cancels an open request: its shifts that have not started are cancelled and their
/// experts told; shifts under way run to their end.
pub fn cancel(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    r: &RequestRow,
    reason: &str,
) -> AppResult<usize> {
    store::lock_bookings(conn)?;
    if !store::cancel_request(conn, &r.id, now)? {
        return Err(AppError::conflict(
            "this capacity request is already cancelled",
        ));
    }
    let mut by_expert: HashMap<String, Vec<ShiftRow>> = HashMap::new();
    for s in store::shifts_of_request(conn, &r.id)? {
        if store::LIVE.contains(&s.status.as_str())
            && crate::clock::utc(s.starts_at) > now
            && store::set_shift_status(conn, &s.id, &store::LIVE, "cancelled", reason, now)?
        {
            by_expert.entry(s.expert_id.clone()).or_default().push(s);
        }
    }
    let mut n = 0;
    let mut experts: Vec<_> = by_expert.into_iter().collect();
    experts.sort_by(|a, b| a.0.cmp(&b.0));
    for (expert, list) in experts {
        n += list.len();
        tell_cancelled(conn, now, &expert, &list, reason)?;
    }
    store::record_plan(conn, &r.id, 0, 0, "cancelled", now)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "capacity_request.cancelled",
            org_id: Some(&r.org_id),
            subject_type: "capacity_request",
            subject_id: Some(&r.id),
            details: json!({ "reason": reason, "shifts_cancelled": n }),
        },
    )?;
    Ok(n)
}

/// Account deletion: the expert's availability, exceptions and calendar feed are deleted,
/// and their shifts that have not started are released (cancelled and re-planned). Past
/// shifts stay (timesheets refer to them).
pub fn forget(conn: &mut DbConn, now: DateTime<Utc>, expert: &str) -> AppResult<()> {
    release(conn, now, expert, None, "the expert left Cadre")?;
    store::delete_schedule(conn, expert)?;
    Ok(())
}
