//! Time entries (DESIGN, "Money rules"): the paid time of submitted work, from the server's
//! own evidence — the assignment's work sessions (accept → submit, covered by heartbeats,
//! a gap longer than the idle limit ends a session), capped per item. Written by routing
//! in the transaction that submits the assignment, once per assignment; experts never
//! type time in. Time in the queue (offered, not accepted) has no session, so it is never
//! paid.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::assessments::store::AssignmentRow;
use crate::db::DbConn;
use crate::db::schema::{experts, time_entries};
use crate::ids::TimeEntryId;

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
}

/// How an entry was measured.
pub struct Measured<'a> {
    pub sessions: &'a [(DateTime<Utc>, DateTime<Utc>)],
    pub cap_seconds: i64,
    pub idle_limit_secs: i64,
}

/// Records the time of a submitted project assignment (the lab pays). Idempotent per
/// assignment.
pub fn record_assignment(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    a: &AssignmentRow,
    m: &Measured<'_>,
) -> QueryResult<()> {
    let measured = crate::routing::sessions::measured_seconds(m.sessions);
    let sessions: Vec<[DateTime<Utc>; 2]> = m.sessions.iter().map(|(s, e)| [*s, *e]).collect();
    let t = now.naive_utc();
    // The expert's vendor when the work was done: that roster's admins see the entry (and
    // later pay its margin), even if the expert moves on.
    let vendor: Option<String> = experts::table
        .find(&a.expert_id)
        .select(experts::vendor_id)
        .first(conn)?;
    let exists: i64 = time_entries::table
        .filter(time_entries::source_type.eq("assignment"))
        .filter(time_entries::source_id.eq(&a.id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(());
    }
    diesel::insert_into(time_entries::table)
        .values((
            time_entries::id.eq(TimeEntryId::new(now).as_str()),
            time_entries::expert_id.eq(&a.expert_id),
            time_entries::source_type.eq("assignment"),
            time_entries::source_id.eq(&a.id),
            time_entries::payer_type.eq("lab"),
            time_entries::payer_org_id.eq(a.org_id.as_deref()),
            time_entries::vendor_org_id.eq(vendor.as_deref()),
            time_entries::project_id.eq(a.project_id.as_deref()),
            time_entries::slice_id.eq(&a.slice_id),
            time_entries::role.eq(&a.role),
            time_entries::seconds.eq(measured.min(m.cap_seconds.max(0))),
            time_entries::measured_seconds.eq(measured),
            time_entries::cap_seconds.eq(m.cap_seconds),
            time_entries::idle_limit_secs.eq(m.idle_limit_secs),
            time_entries::sessions
                .eq(serde_json::to_string(&sessions).unwrap_or_else(|_| "[]".into())),
            time_entries::week_start.eq(crate::clock::week_of(now).naive_utc()),
            time_entries::worked_at.eq(t),
            time_entries::created_at.eq(t),
        ))
        .execute(conn)?;
    let entry = time_entries::table
        .filter(time_entries::source_type.eq("assignment"))
        .filter(time_entries::source_id.eq(&a.id))
        .select(TimeEntryRow::as_select())
        .first(conn)?;
    super::timesheets::add_entry(conn, now, &entry)
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
