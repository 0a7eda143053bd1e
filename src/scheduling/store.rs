//! Queries for schedules, availability exceptions, capacity requests and shifts.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    availability_exceptions, capacity_requests, expert_schedules, scheduling_lock, shifts,
};
use crate::ids::{AvailabilityExceptionId, CapacityRequestId, ShiftId};

/// Shift statuses that hold the expert's time.
pub const LIVE: [&str; 2] = ["offered", "confirmed"];

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = expert_schedules)]
pub struct ScheduleRow {
    pub expert_id: String,
    pub time_zone: String,
    pub weekly_rules: String,
    pub max_minutes_per_week: i32,
    pub min_notice_minutes: i32,
    pub calendar_token_hash: Option<String>,
    pub calendar_token_created_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = availability_exceptions)]
pub struct ExceptionRow {
    pub id: String,
    pub expert_id: String,
    pub available: bool,
    pub starts_local: NaiveDateTime,
    pub ends_local: NaiveDateTime,
    pub reason: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = capacity_requests)]
pub struct RequestRow {
    pub id: String,
    pub org_id: String,
    pub project_id: String,
    pub slice_id: String,
    pub minutes_needed: i64,
    pub window_start: NaiveDateTime,
    pub window_end: NaiveDateTime,
    pub min_shift_minutes: i32,
    pub max_shift_minutes: i32,
    pub min_experts: i32,
    pub status: String,
    pub shortfall_minutes: i64,
    pub shortfall_experts: i32,
    pub note: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub planned_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = shifts)]
pub struct ShiftRow {
    pub id: String,
    pub capacity_request_id: String,
    pub org_id: String,
    pub project_id: String,
    pub slice_id: String,
    pub expert_id: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: String,
    pub sequence: i32,
    pub reason: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ShiftRow {
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }

    /// The shift's time as a UTC interval.
    pub fn interval(&self) -> super::availability::Interval {
        super::availability::Interval {
            start: crate::clock::utc(self.starts_at),
            end: crate::clock::utc(self.ends_at),
        }
    }
}

/// Serialises every booking change (all projects): the first statement of a transaction
/// that books, declines or cancels shifts. On PostgreSQL the row lock is held to commit;
/// on SQLite the write transaction already holds the database lock.
pub fn lock_bookings(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(scheduling_lock::table.find(1))
        .set(scheduling_lock::version.eq(scheduling_lock::version + 1))
        .execute(conn)?;
    Ok(())
}

pub fn schedule(conn: &mut DbConn, expert: &str) -> QueryResult<Option<ScheduleRow>> {
    expert_schedules::table
        .find(expert)
        .select(ScheduleRow::as_select())
        .first(conn)
        .optional()
}

pub struct ScheduleInput<'a> {
    pub time_zone: &'a str,
    pub weekly_rules: &'a str,
    pub max_minutes_per_week: i32,
    pub min_notice_minutes: i32,
}

/// Creates or replaces the expert's schedule (the calendar token is kept).
pub fn upsert_schedule(
    conn: &mut DbConn,
    expert: &str,
    s: &ScheduleInput<'_>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let t = now.naive_utc();
    let n = diesel::update(expert_schedules::table.find(expert))
        .set((
            expert_schedules::time_zone.eq(s.time_zone),
            expert_schedules::weekly_rules.eq(s.weekly_rules),
            expert_schedules::max_minutes_per_week.eq(s.max_minutes_per_week),
            expert_schedules::min_notice_minutes.eq(s.min_notice_minutes),
            expert_schedules::updated_at.eq(t),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(expert_schedules::table)
            .values((
                expert_schedules::expert_id.eq(expert),
                expert_schedules::time_zone.eq(s.time_zone),
                expert_schedules::weekly_rules.eq(s.weekly_rules),
                expert_schedules::max_minutes_per_week.eq(s.max_minutes_per_week),
                expert_schedules::min_notice_minutes.eq(s.min_notice_minutes),
                expert_schedules::created_at.eq(t),
                expert_schedules::updated_at.eq(t),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets (or clears) the calendar token hash; false when the expert has no schedule.
pub fn set_calendar_token(
    conn: &mut DbConn,
    expert: &str,
    hash: Option<&str>,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(expert_schedules::table.find(expert))
        .set((
            expert_schedules::calendar_token_hash.eq(hash),
            expert_schedules::calendar_token_created_at.eq(hash.map(|_| now.naive_utc())),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Deletes the expert's schedule and exceptions (account deletion).
pub fn delete_schedule(conn: &mut DbConn, expert: &str) -> QueryResult<()> {
    diesel::delete(
        availability_exceptions::table.filter(availability_exceptions::expert_id.eq(expert)),
    )
    .execute(conn)?;
    diesel::delete(expert_schedules::table.find(expert)).execute(conn)?;
    Ok(())
}

pub fn exceptions(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<ExceptionRow>> {
    availability_exceptions::table
        .filter(availability_exceptions::expert_id.eq(expert))
        .order_by(availability_exceptions::id.asc())
        .select(ExceptionRow::as_select())
        .load(conn)
}

pub fn insert_exception(
    conn: &mut DbConn,
    expert: &str,
    available: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<AvailabilityExceptionId> {
    let id = AvailabilityExceptionId::new(now);
    diesel::insert_into(availability_exceptions::table)
        .values((
            availability_exceptions::id.eq(id.as_str()),
            availability_exceptions::expert_id.eq(expert),
            availability_exceptions::available.eq(available),
            availability_exceptions::starts_local.eq(start),
            availability_exceptions::ends_local.eq(end),
            availability_exceptions::reason.eq(reason),
            availability_exceptions::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Drops the expert's exceptions that ended (local time) before `before`.
pub fn prune_exceptions(conn: &mut DbConn, expert: &str, before: NaiveDateTime) -> QueryResult<()> {
    diesel::delete(
        availability_exceptions::table
            .filter(availability_exceptions::expert_id.eq(expert))
            .filter(availability_exceptions::ends_local.lt(before)),
    )
    .execute(conn)?;
    Ok(())
}

/// Deletes one of the expert's exceptions; false when they have no such exception.
pub fn delete_exception(conn: &mut DbConn, expert: &str, id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        availability_exceptions::table
            .find(id)
            .filter(availability_exceptions::expert_id.eq(expert)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

pub struct NewRequest<'a> {
    pub org: &'a str,
    pub project: &'a str,
    pub slice: &'a str,
    pub minutes_needed: i64,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    pub min_shift_minutes: i32,
    pub max_shift_minutes: i32,
    pub min_experts: i32,
    pub created_by: &'a str,
}

pub fn insert_request(
    conn: &mut DbConn,
    r: &NewRequest<'_>,
    now: DateTime<Utc>,
) -> QueryResult<CapacityRequestId> {
    let id = CapacityRequestId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(capacity_requests::table)
        .values((
            capacity_requests::id.eq(id.as_str()),
            capacity_requests::org_id.eq(r.org),
            capacity_requests::project_id.eq(r.project),
            capacity_requests::slice_id.eq(r.slice),
            capacity_requests::minutes_needed.eq(r.minutes_needed),
            capacity_requests::window_start.eq(r.window_start.naive_utc()),
            capacity_requests::window_end.eq(r.window_end.naive_utc()),
            capacity_requests::min_shift_minutes.eq(r.min_shift_minutes),
            capacity_requests::max_shift_minutes.eq(r.max_shift_minutes),
            capacity_requests::min_experts.eq(r.min_experts),
            capacity_requests::status.eq("open"),
            capacity_requests::shortfall_minutes.eq(r.minutes_needed),
            capacity_requests::shortfall_experts.eq(r.min_experts),
            capacity_requests::note.eq(""),
            capacity_requests::created_by.eq(r.created_by),
            capacity_requests::created_at.eq(t),
            capacity_requests::updated_at.eq(t),
            capacity_requests::planned_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_request(conn: &mut DbConn, id: &str) -> QueryResult<Option<RequestRow>> {
    capacity_requests::table
        .find(id)
        .select(RequestRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_requests(
    conn: &mut DbConn,
    orgs: Option<&[String]>,
    project: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<RequestRow>> {
    let mut q = capacity_requests::table.into_boxed();
    if let Some(orgs) = orgs {
        q = q.filter(capacity_requests::org_id.eq_any(orgs.to_vec()));
    }
    if let Some(p) = project {
        q = q.filter(capacity_requests::project_id.eq(p.to_owned()));
    }
    if let Some(a) = after {
        q = q.filter(capacity_requests::id.gt(a.to_owned()));
    }
    q.order_by(capacity_requests::id.asc())
        .limit(limit)
        .select(RequestRow::as_select())
        .load(conn)
}

pub fn record_plan(
    conn: &mut DbConn,
    id: &str,
    shortfall_minutes: i64,
    shortfall_experts: i32,
    note: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(capacity_requests::table.find(id))
        .set((
            capacity_requests::shortfall_minutes.eq(shortfall_minutes),
            capacity_requests::shortfall_experts.eq(shortfall_experts),
            capacity_requests::note.eq(note),
            capacity_requests::planned_at.eq(now.naive_utc()),
            capacity_requests::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks an open request cancelled; false when it was not open.
pub fn cancel_request(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        capacity_requests::table
            .find(id)
            .filter(capacity_requests::status.eq("open")),
    )
    .set((
        capacity_requests::status.eq("cancelled"),
        capacity_requests::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub struct NewShift<'a> {
    pub request: &'a RequestRow,
    pub expert: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

pub fn insert_shift(
    conn: &mut DbConn,
    s: &NewShift<'_>,
    now: DateTime<Utc>,
) -> QueryResult<ShiftId> {
    let id = ShiftId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(shifts::table)
        .values((
            shifts::id.eq(id.as_str()),
            shifts::capacity_request_id.eq(&s.request.id),
            shifts::org_id.eq(&s.request.org_id),
            shifts::project_id.eq(&s.request.project_id),
            shifts::slice_id.eq(&s.request.slice_id),
            shifts::expert_id.eq(s.expert),
            shifts::starts_at.eq(s.start.naive_utc()),
            shifts::ends_at.eq(s.end.naive_utc()),
            shifts::status.eq("offered"),
            shifts::sequence.eq(0),
            shifts::reason.eq(""),
            shifts::created_at.eq(t),
            shifts::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_shift(conn: &mut DbConn, id: &str) -> QueryResult<Option<ShiftRow>> {
    shifts::table
        .find(id)
        .select(ShiftRow::as_select())
        .first(conn)
        .optional()
}

/// Moves a shift from one of `from` to `to` (bumping its iCalendar sequence); false when
/// it was no longer in one of `from`.
pub fn set_shift_status(
    conn: &mut DbConn,
    id: &str,
    from: &[&str],
    to: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        shifts::table
            .find(id)
            .filter(shifts::status.eq_any(from.to_vec())),
    )
    .set((
        shifts::status.eq(to),
        shifts::reason.eq(reason),
        shifts::sequence.eq(shifts::sequence + 1),
        shifts::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The expert's live shifts (offered or confirmed) overlapping [from, to), all projects.
pub fn live_shifts_of(
    conn: &mut DbConn,
    expert: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<Vec<ShiftRow>> {
    shifts::table
        .filter(shifts::expert_id.eq(expert))
        .filter(shifts::status.eq_any(LIVE))
        .filter(shifts::starts_at.lt(to.naive_utc()))
        .filter(shifts::ends_at.gt(from.naive_utc()))
        .order_by((shifts::starts_at.asc(), shifts::id.asc()))
        .select(ShiftRow::as_select())
        .load(conn)
}

pub fn shifts_of_request(conn: &mut DbConn, request: &str) -> QueryResult<Vec<ShiftRow>> {
    shifts::table
        .filter(shifts::capacity_request_id.eq(request))
        .order_by((shifts::starts_at.asc(), shifts::id.asc()))
        .select(ShiftRow::as_select())
        .load(conn)
}

/// Every shift of the expert ending after `since` (the calendar feed), in start order.
pub fn feed_shifts(
    conn: &mut DbConn,
    expert: &str,
    since: DateTime<Utc>,
) -> QueryResult<Vec<ShiftRow>> {
    shifts::table
        .filter(shifts::expert_id.eq(expert))
        .filter(shifts::ends_at.gt(since.naive_utc()))
        .order_by((shifts::starts_at.asc(), shifts::id.asc()))
        .limit(5000)
        .select(ShiftRow::as_select())
        .load(conn)
}

/// Experts on a confirmed shift for the project's slice at `now`.
pub fn on_shift(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    now: DateTime<Utc>,
) -> QueryResult<Vec<String>> {
    let t = now.naive_utc();
    let mut v: Vec<String> = shifts::table
        .filter(shifts::project_id.eq(project))
        .filter(shifts::slice_id.eq(slice))
        .filter(shifts::status.eq("confirmed"))
        .filter(shifts::starts_at.le(t))
        .filter(shifts::ends_at.gt(t))
        .select(shifts::expert_id)
        .load(conn)?;
    v.sort();
    v.dedup();
    Ok(v)
}

/// Who a shift list shows: everything, or the union of one expert's own shifts, shifts
/// of labs in `labs`, and shifts of experts on the rosters of `vendors`.
pub struct Scope<'a> {
    pub all: bool,
    pub expert: Option<&'a str>,
    pub labs: &'a [String],
    pub vendors: &'a [String],
}

pub struct ShiftFilter<'a> {
    pub status: Option<&'a str>,
    pub expert: Option<&'a str>,
    pub request: Option<&'a str>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// The expert owning a calendar token hash.
pub fn expert_by_calendar_token(conn: &mut DbConn, hash: &str) -> QueryResult<Option<String>> {
    expert_schedules::table
        .filter(expert_schedules::calendar_token_hash.eq(hash))
        .select(expert_schedules::expert_id)
        .first(conn)
        .optional()
}

/// The declined (and lapsed) shifts of a request. Re-planning never offers an expert a
/// time they declined or let lapse.
pub fn declined(conn: &mut DbConn, request: &str) -> QueryResult<Vec<ShiftRow>> {
    shifts::table
        .filter(shifts::capacity_request_id.eq(request))
        .filter(shifts::status.eq_any(["declined", "expired"]))
        .select(ShiftRow::as_select())
        .load(conn)
}
