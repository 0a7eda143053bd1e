//! The `time_entries` table: paid time, one entry per source (assignment, assessment,
//! calibration participant).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::time_entries;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = time_entries)]
pub struct TimeEntryRow {
    pub id: String,
    pub expert_id: String,
    pub source_type: String,
    pub source_id: String,
    pub payer_type: String,
    pub payer_org_id: Option<String>,
    pub vendor_org_id: Option<String>,
    pub project_id: Option<String>,
    pub slice_id: String,
    pub role: String,
    pub seconds: i64,
    pub measured_seconds: i64,
    pub cap_seconds: i64,
    pub idle_limit_secs: i64,
    pub sessions: String,
    pub week_start: NaiveDateTime,
    pub worked_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    /// What paid training time paid (project time is paid through its timesheet).
    pub pay_minor: Option<i64>,
    pub pay_currency: Option<String>,
    /// JSON `[[start, end], …]`: the intervals this entry paid (its sessions, less time
    /// another entry of the expert had already paid, cut at the cap).
    pub paid_sessions: String,
    /// Measured seconds of this entry that another entry of the expert had already paid.
    pub concurrent_seconds: i64,
}

/// A new entry (every column).
pub struct NewTimeEntry<'a> {
    pub id: &'a str,
    pub expert_id: &'a str,
    pub source_type: &'a str,
    pub source_id: &'a str,
    pub payer_type: &'a str,
    pub payer_org_id: Option<&'a str>,
    pub vendor_org_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
    pub slice_id: &'a str,
    pub role: &'a str,
    pub seconds: i64,
    pub measured_seconds: i64,
    pub cap_seconds: i64,
    pub idle_limit_secs: i64,
    /// JSON `[[start, end], …]`.
    pub sessions: &'a str,
    pub week_start: NaiveDateTime,
    pub worked_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub pay_minor: Option<i64>,
    pub pay_currency: Option<&'a str>,
    /// JSON `[[start, end], …]`.
    pub paid_sessions: &'a str,
    pub concurrent_seconds: i64,
}

/// The paid intervals (JSON) of the expert's entries recorded after `since`: every entry
/// whose paid time can overlap intervals that start at `since` or later (an entry is
/// recorded after the last interval it pays).
pub fn paid_sessions_since(
    conn: &mut DbConn,
    expert: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<String>> {
    time_entries::table
        .filter(time_entries::expert_id.eq(expert))
        .filter(time_entries::worked_at.ge(since))
        .select(time_entries::paid_sessions)
        .load(conn)
}

pub fn insert(conn: &mut DbConn, e: &NewTimeEntry<'_>) -> QueryResult<()> {
    diesel::insert_into(time_entries::table)
        .values((
            time_entries::id.eq(e.id),
            time_entries::expert_id.eq(e.expert_id),
            time_entries::source_type.eq(e.source_type),
            time_entries::source_id.eq(e.source_id),
            time_entries::payer_type.eq(e.payer_type),
            time_entries::payer_org_id.eq(e.payer_org_id),
            time_entries::vendor_org_id.eq(e.vendor_org_id),
            time_entries::project_id.eq(e.project_id),
            time_entries::slice_id.eq(e.slice_id),
            time_entries::role.eq(e.role),
            time_entries::seconds.eq(e.seconds),
            time_entries::measured_seconds.eq(e.measured_seconds),
            time_entries::cap_seconds.eq(e.cap_seconds),
            time_entries::idle_limit_secs.eq(e.idle_limit_secs),
            time_entries::sessions.eq(e.sessions),
            time_entries::paid_sessions.eq(e.paid_sessions),
            time_entries::concurrent_seconds.eq(e.concurrent_seconds),
            time_entries::week_start.eq(e.week_start),
            time_entries::worked_at.eq(e.worked_at),
            time_entries::created_at.eq(e.created_at),
            time_entries::pay_minor.eq(e.pay_minor),
            time_entries::pay_currency.eq(e.pay_currency),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many entries a source has (0 or 1).
pub fn count_of_source(conn: &mut DbConn, source_type: &str, source_id: &str) -> QueryResult<i64> {
    time_entries::table
        .filter(time_entries::source_type.eq(source_type))
        .filter(time_entries::source_id.eq(source_id))
        .count()
        .get_result(conn)
}

/// The entry of a source (which must exist).
pub fn of_source(
    conn: &mut DbConn,
    source_type: &str,
    source_id: &str,
) -> QueryResult<TimeEntryRow> {
    time_entries::table
        .filter(time_entries::source_type.eq(source_type))
        .filter(time_entries::source_id.eq(source_id))
        .select(TimeEntryRow::as_select())
        .first(conn)
}

/// Moves an entry to another timesheet week.
pub fn set_week(conn: &mut DbConn, id: &str, week: NaiveDateTime) -> QueryResult<()> {
    diesel::update(time_entries::table.find(id))
        .set(time_entries::week_start.eq(week))
        .execute(conn)?;
    Ok(())
}

/// Who a list shows: everything, or the union of one expert's own entries, entries paid
/// by `labs`, and entries of work done on the rosters of `vendors`.
pub struct Scope<'a> {
    pub all: bool,
    pub expert: Option<&'a str>,
    pub labs: &'a [String],
    pub vendors: &'a [String],
}

pub struct Filter<'a> {
    pub expert: Option<&'a str>,
    pub project: Option<&'a str>,
    pub week: Option<DateTime<Utc>>,
}

pub fn list(
    conn: &mut DbConn,
    scope: &Scope<'_>,
    f: &Filter<'_>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<TimeEntryRow>> {
    let mut q = time_entries::table.into_boxed();
    if !scope.all {
        q = q.filter(
            time_entries::expert_id
                .eq(scope.expert.unwrap_or("").to_owned())
                .or(time_entries::payer_org_id.eq_any(scope.labs.to_vec()))
                .or(time_entries::vendor_org_id.eq_any(scope.vendors.to_vec())),
        );
    }
    if let Some(e) = f.expert {
        q = q.filter(time_entries::expert_id.eq(e.to_owned()));
    }
    if let Some(p) = f.project {
        q = q.filter(time_entries::project_id.eq(p.to_owned()));
    }
    if let Some(w) = f.week {
        q = q.filter(time_entries::week_start.eq(crate::clock::week_of(w).naive_utc()));
    }
    if let Some(a) = after {
        q = q.filter(time_entries::id.gt(a.to_owned()));
    }
    q.order_by(time_entries::id.asc())
        .limit(limit)
        .select(TimeEntryRow::as_select())
        .load(conn)
}
