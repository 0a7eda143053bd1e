//! Time entries (DESIGN, "Money rules"): the paid time of submitted work, from the server's
//! own evidence — the assignment's work sessions (accept → submit, covered by heartbeats,
//! a gap longer than the idle limit ends a session), capped per item. Written by routing
//! in the transaction that submits the assignment, once per assignment; experts never
//! type time in. Time in the queue (offered, not accepted) has no session, so it is never
//! paid.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::assignments::AssignmentRow;
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
    /// What paid training time paid (project time is paid through its timesheet).
    pub pay_minor: Option<i64>,
    pub pay_currency: Option<String>,
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
    let measured = crate::assignments::sessions::measured_seconds(m.sessions);
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

/// Paid training time: an assessment (the platform pays) or a calibration session (the
/// vendor running it pays, or the platform).
pub struct Training<'a> {
    /// `assessment` or `calibration` (its id: the assessment's, or the participant's).
    pub source_type: &'a str,
    pub source_id: &'a str,
    pub expert: &'a str,
    pub slice: &'a str,
    /// The vendor running a calibration session; `None`: the platform pays.
    pub paying_vendor: Option<&'a str>,
    pub seconds: i64,
    /// The most the activity could count (the assessment's time limit; items × allowance).
    pub cap_seconds: i64,
    /// How the time was measured: `[[start, end]]` (assessments) or `[]` (an allowance).
    pub sessions: &'a [(DateTime<Utc>, DateTime<Utc>)],
    pub rate_per_hour: i64,
    pub currency: &'a str,
}

/// Records paid training time and posts its pay (once per source).
pub fn record_training(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &Training<'_>,
) -> crate::http::ApiResult<()> {
    let exists: i64 = time_entries::table
        .filter(time_entries::source_type.eq(t.source_type))
        .filter(time_entries::source_id.eq(t.source_id))
        .count()
        .get_result(conn)?;
    if exists > 0 || t.seconds <= 0 {
        return Ok(());
    }
    let vendor: Option<String> = experts::table
        .find(t.expert)
        .select(experts::vendor_id)
        .first(conn)?;
    let pay = super::amounts::for_seconds(t.seconds, t.rate_per_hour);
    let sessions: Vec<[DateTime<Utc>; 2]> = t.sessions.iter().map(|(s, e)| [*s, *e]).collect();
    let ts = now.naive_utc();
    diesel::insert_into(time_entries::table)
        .values((
            time_entries::id.eq(TimeEntryId::new(now).as_str()),
            time_entries::expert_id.eq(t.expert),
            time_entries::source_type.eq(t.source_type),
            time_entries::source_id.eq(t.source_id),
            time_entries::payer_type.eq(if t.paying_vendor.is_some() {
                "vendor"
            } else {
                "platform"
            }),
            time_entries::payer_org_id.eq(t.paying_vendor),
            time_entries::vendor_org_id.eq(vendor.as_deref()),
            time_entries::slice_id.eq(t.slice),
            time_entries::role.eq(t.source_type),
            time_entries::seconds.eq(t.seconds),
            time_entries::measured_seconds.eq(t.seconds),
            time_entries::cap_seconds.eq(t.cap_seconds),
            time_entries::idle_limit_secs.eq(0i64),
            time_entries::sessions
                .eq(serde_json::to_string(&sessions).unwrap_or_else(|_| "[]".into())),
            time_entries::week_start.eq(crate::clock::week_of(now).naive_utc()),
            time_entries::worked_at.eq(ts),
            time_entries::created_at.eq(ts),
            time_entries::pay_minor.eq(pay),
            time_entries::pay_currency.eq(t.currency),
        ))
        .execute(conn)?;
    if pay > 0 {
        super::store::post(
            conn,
            now,
            &super::ledger::training_time(pay, t.currency, t.expert, t.paying_vendor),
            &format!("{} {}", t.source_type, t.source_id),
            &super::store::Source {
                kind: t.source_type,
                id: t.source_id,
            },
            None,
        )?;
    }
    Ok(())
}
