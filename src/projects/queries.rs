//! Read-only queries across features for a project's budget ([`super::budget`]): its open
//! assignments, its latest measured judgments and its timesheet lines. Each read is
//! bounded by open work or recent history (see the indexes of migration 000034), never by
//! the project's whole history of items.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};

use crate::db::DbConn;
use crate::db::schema::{assignments, time_entries, timesheet_lines, timesheets};

/// The project's open (offered or accepted) assignments, items and gold alike: the lab
/// is billed for both.
pub fn open_assignments(conn: &mut DbConn, project: &str) -> QueryResult<i64> {
    assignments::table
        .filter(assignments::project_id.eq(project))
        .filter(assignments::status.eq_any(["offered", "accepted"]))
        .count()
        .get_result(conn)
}

/// The billed seconds of the project's latest `limit` measured judgments, newest first.
pub fn recent_judgment_seconds(
    conn: &mut DbConn,
    project: &str,
    limit: i64,
) -> QueryResult<Vec<i64>> {
    time_entries::table
        .filter(time_entries::project_id.eq(project))
        .filter(time_entries::source_type.eq("assignment"))
        .order_by((time_entries::created_at.desc(), time_entries::id.desc()))
        .limit(limit)
        .select(time_entries::seconds)
        .load(conn)
}

/// What the project's approved timesheet lines billed (their posted `bill_minor`).
pub fn approved_bill(conn: &mut DbConn, project: &str) -> QueryResult<i64> {
    let total: Option<i64> = timesheet_lines::table
        .inner_join(timesheets::table.on(timesheets::id.eq(timesheet_lines::timesheet_id)))
        .filter(timesheets::project_id.eq(project))
        .filter(timesheet_lines::bill_minor.is_not_null())
        .select(sql::<Nullable<BigInt>>(
            "CAST(SUM(timesheet_lines.bill_minor) AS BIGINT)",
        ))
        .first(conn)?;
    Ok(total.unwrap_or(0))
}

/// A timesheet line not yet billed (its sheet is open, submitted or disputed).
#[derive(Debug, Clone, Queryable)]
pub struct UnbilledLine {
    /// The bill rate fixed when the sheet was submitted (`None` while it is open).
    pub sheet_bill_rate: Option<i64>,
    pub measured_seconds: i64,
    pub approved_seconds: Option<i64>,
}

/// The project's timesheet lines that have no bill yet: only the sheets of the weeks not
/// yet approved (bounded by experts × open weeks × slices).
pub fn unbilled_lines(conn: &mut DbConn, project: &str) -> QueryResult<Vec<UnbilledLine>> {
    timesheet_lines::table
        .inner_join(timesheets::table.on(timesheets::id.eq(timesheet_lines::timesheet_id)))
        .filter(timesheets::project_id.eq(project))
        .filter(timesheets::status.ne("approved"))
        .filter(timesheet_lines::bill_minor.is_null())
        .select((
            timesheets::bill_rate_minor,
            timesheet_lines::measured_seconds,
            timesheet_lines::approved_seconds,
        ))
        .load(conn)
}
