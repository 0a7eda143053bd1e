//! The `timesheets` and `timesheet_lines` tables: one sheet per expert, project, UTC week
//! and roster, one line per slice.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{timesheet_lines, timesheets};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = timesheets)]
pub struct SheetRow {
    pub id: String,
    pub expert_id: String,
    pub project_id: String,
    pub org_id: String,
    pub vendor_org_id: Option<String>,
    pub currency: String,
    pub week_start: NaiveDateTime,
    pub status: String,
    pub bill_rate_minor: Option<i64>,
    pub pay_rate_minor: Option<i64>,
    pub platform_fee_bps: Option<i64>,
    pub vendor_margin_bps: Option<i64>,
    pub pay_floor_per_hour_minor: Option<i64>,
    pub floor_top_up_minor: i64,
    pub submitted_at: Option<NaiveDateTime>,
    pub auto_approve_at: Option<NaiveDateTime>,
    pub disputed_at: Option<NaiveDateTime>,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by_type: Option<String>,
    pub approved_by: Option<String>,
    pub resolution_note: Option<String>,
    pub invoice_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = timesheet_lines)]
pub struct LineRow {
    pub id: String,
    pub timesheet_id: String,
    pub slice_id: String,
    pub entries: i32,
    pub measured_seconds: i64,
    pub approved_seconds: Option<i64>,
    pub dispute_reason: Option<String>,
    pub bill_minor: Option<i64>,
    pub pay_minor: Option<i64>,
    pub vendor_margin_minor: Option<i64>,
    pub platform_minor: Option<i64>,
    pub ledger_transaction_id: Option<String>,
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<SheetRow>> {
    timesheets::table
        .find(id)
        .select(SheetRow::as_select())
        .first(conn)
        .optional()
}

pub fn lines_of(conn: &mut DbConn, sheet: &str) -> QueryResult<Vec<LineRow>> {
    timesheet_lines::table
        .filter(timesheet_lines::timesheet_id.eq(sheet))
        .order_by(timesheet_lines::slice_id.asc())
        .select(LineRow::as_select())
        .load(conn)
}

/// Whose sheets a list shows: one expert's own, those of `labs`, and those of work done on
/// the rosters of `vendors` (any of them).
pub struct Visible {
    pub expert: String,
    pub labs: Vec<String>,
    pub vendors: Vec<String>,
}

/// What a list of sheets filters by (all optional, combined with AND).
#[derive(Default)]
pub struct SheetFilter {
    /// `None`: every sheet (platform admins).
    pub visible: Option<Visible>,
    pub expert: Option<String>,
    pub status: Option<&'static str>,
    pub project: Option<String>,
    /// The week's Monday 00:00 UTC.
    pub week: Option<NaiveDateTime>,
}

/// One page of sheets, oldest first.
pub fn list(conn: &mut DbConn, f: SheetFilter, p: &PageRequest) -> QueryResult<Vec<SheetRow>> {
    let mut query = timesheets::table.into_boxed();
    if let Some(v) = f.visible {
        query = query.filter(
            timesheets::expert_id
                .eq(v.expert)
                .or(timesheets::org_id.eq_any(v.labs))
                .or(timesheets::vendor_org_id.eq_any(v.vendors)),
        );
    }
    if let Some(e) = f.expert {
        query = query.filter(timesheets::expert_id.eq(e));
    }
    if let Some(s) = f.status {
        query = query.filter(timesheets::status.eq(s));
    }
    if let Some(p) = f.project {
        query = query.filter(timesheets::project_id.eq(p));
    }
    if let Some(w) = f.week {
        query = query.filter(timesheets::week_start.eq(w));
    }
    if let Some(a) = &p.after {
        query = query.filter(timesheets::id.gt(a.clone()));
    }
    query
        .order_by(timesheets::id.asc())
        .limit(p.limit + 1)
        .select(SheetRow::as_select())
        .load(conn)
}

/// The id of the expert's sheet for the project, week and roster (`None`: no vendor).
pub fn id_for_week(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    week: NaiveDateTime,
    vendor: Option<&str>,
) -> QueryResult<Option<String>> {
    let mut q = timesheets::table
        .filter(timesheets::expert_id.eq(expert))
        .filter(timesheets::project_id.eq(project))
        .filter(timesheets::week_start.eq(week))
        .into_boxed();
    q = match vendor {
        Some(v) => q.filter(timesheets::vendor_org_id.eq(v.to_owned())),
        None => q.filter(timesheets::vendor_org_id.is_null()),
    };
    q.select(timesheets::id).first(conn).optional()
}

/// Touches a sheet if it is still open (locking it); 1 when it was, 0 when not.
pub fn touch_if_open(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        timesheets::table
            .find(id)
            .filter(timesheets::status.eq("open")),
    )
    .set(timesheets::updated_at.eq(at))
    .execute(conn)
}

pub fn touch(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(timesheets::table.find(id))
        .set(timesheets::updated_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// A new, open sheet.
pub struct NewSheet<'a> {
    pub id: &'a str,
    pub expert_id: &'a str,
    pub project_id: &'a str,
    pub org_id: &'a str,
    pub vendor_org_id: Option<&'a str>,
    pub currency: &'a str,
    pub week_start: NaiveDateTime,
    pub at: NaiveDateTime,
}

pub fn insert_open(conn: &mut DbConn, s: &NewSheet<'_>) -> QueryResult<()> {
    diesel::insert_into(timesheets::table)
        .values((
            timesheets::id.eq(s.id),
            timesheets::expert_id.eq(s.expert_id),
            timesheets::project_id.eq(s.project_id),
            timesheets::org_id.eq(s.org_id),
            timesheets::vendor_org_id.eq(s.vendor_org_id),
            timesheets::currency.eq(s.currency),
            timesheets::week_start.eq(s.week_start),
            timesheets::status.eq("open"),
            timesheets::floor_top_up_minor.eq(0i64),
            timesheets::created_at.eq(s.at),
            timesheets::updated_at.eq(s.at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Adds an entry's seconds to the sheet's line of the slice; 0 when the line does not
/// exist yet.
pub fn add_to_line(
    conn: &mut DbConn,
    sheet: &str,
    slice: &str,
    seconds: i64,
) -> QueryResult<usize> {
    diesel::update(
        timesheet_lines::table
            .filter(timesheet_lines::timesheet_id.eq(sheet))
            .filter(timesheet_lines::slice_id.eq(slice)),
    )
    .set((
        timesheet_lines::entries.eq(timesheet_lines::entries + 1),
        timesheet_lines::measured_seconds.eq(timesheet_lines::measured_seconds + seconds),
    ))
    .execute(conn)
}

/// A sheet's first line of a slice, with its first entry's seconds.
pub fn insert_line(
    conn: &mut DbConn,
    id: &str,
    sheet: &str,
    slice: &str,
    seconds: i64,
) -> QueryResult<()> {
    diesel::insert_into(timesheet_lines::table)
        .values((
            timesheet_lines::id.eq(id),
            timesheet_lines::timesheet_id.eq(sheet),
            timesheet_lines::slice_id.eq(slice),
            timesheet_lines::entries.eq(1),
            timesheet_lines::measured_seconds.eq(seconds),
        ))
        .execute(conn)?;
    Ok(())
}

/// The rates fixed when a sheet is submitted.
pub struct Submission {
    pub bill_rate_minor: i64,
    pub pay_rate_minor: i64,
    pub platform_fee_bps: i64,
    pub vendor_margin_bps: Option<i64>,
    pub pay_floor_per_hour_minor: Option<i64>,
    pub at: NaiveDateTime,
    pub auto_approve_at: NaiveDateTime,
}

/// open → submitted; the number of sheets moved (0: it was not open).
pub fn set_submitted(conn: &mut DbConn, id: &str, s: &Submission) -> QueryResult<usize> {
    diesel::update(
        timesheets::table
            .find(id)
            .filter(timesheets::status.eq("open")),
    )
    .set((
        timesheets::status.eq("submitted"),
        timesheets::bill_rate_minor.eq(s.bill_rate_minor),
        timesheets::pay_rate_minor.eq(s.pay_rate_minor),
        timesheets::platform_fee_bps.eq(s.platform_fee_bps),
        timesheets::vendor_margin_bps.eq(s.vendor_margin_bps),
        timesheets::pay_floor_per_hour_minor.eq(s.pay_floor_per_hour_minor),
        timesheets::submitted_at.eq(s.at),
        timesheets::auto_approve_at.eq(s.auto_approve_at),
        timesheets::updated_at.eq(s.at),
    ))
    .execute(conn)
}

/// Who approved a sheet.
pub struct Approval<'a> {
    /// `lab`, `platform` or `system`.
    pub by_type: &'a str,
    pub by: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: NaiveDateTime,
}

/// `from` → approved; the number of sheets moved (0: it was no longer `from`).
pub fn set_approved(
    conn: &mut DbConn,
    id: &str,
    from: &str,
    a: &Approval<'_>,
) -> QueryResult<usize> {
    diesel::update(
        timesheets::table
            .find(id)
            .filter(timesheets::status.eq(from)),
    )
    .set((
        timesheets::status.eq("approved"),
        timesheets::approved_at.eq(a.at),
        timesheets::approved_by_type.eq(a.by_type),
        timesheets::approved_by.eq(a.by),
        timesheets::resolution_note.eq(a.note),
        timesheets::updated_at.eq(a.at),
    ))
    .execute(conn)
}

/// What an approved line bills, pays and posted.
pub struct LineMoney<'a> {
    pub approved_seconds: Option<i64>,
    pub bill_minor: i64,
    pub pay_minor: i64,
    pub vendor_margin_minor: i64,
    pub platform_minor: i64,
    pub ledger_transaction_id: Option<&'a str>,
}

pub fn set_line_money(conn: &mut DbConn, line: &str, m: &LineMoney<'_>) -> QueryResult<()> {
    diesel::update(timesheet_lines::table.find(line))
        .set((
            timesheet_lines::approved_seconds.eq(m.approved_seconds),
            timesheet_lines::bill_minor.eq(m.bill_minor),
            timesheet_lines::pay_minor.eq(m.pay_minor),
            timesheet_lines::vendor_margin_minor.eq(m.vendor_margin_minor),
            timesheet_lines::platform_minor.eq(m.platform_minor),
            timesheet_lines::ledger_transaction_id.eq(m.ledger_transaction_id),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_floor_top_up(conn: &mut DbConn, id: &str, top_up: i64) -> QueryResult<()> {
    diesel::update(timesheets::table.find(id))
        .set(timesheets::floor_top_up_minor.eq(top_up))
        .execute(conn)?;
    Ok(())
}

/// submitted → disputed; the number of sheets moved (0: it was not submitted).
pub fn set_disputed(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        timesheets::table
            .find(id)
            .filter(timesheets::status.eq("submitted")),
    )
    .set((
        timesheets::status.eq("disputed"),
        timesheets::disputed_at.eq(at),
        timesheets::updated_at.eq(at),
    ))
    .execute(conn)
}

pub fn set_dispute_reason(conn: &mut DbConn, line: &str, reason: &str) -> QueryResult<()> {
    diesel::update(timesheet_lines::table.find(line))
        .set(timesheet_lines::dispute_reason.eq(reason))
        .execute(conn)?;
    Ok(())
}

/// The sweep's work (at most 500): open sheets whose week started a week or more before
/// `at`, and submitted sheets whose auto-approval time passed.
pub fn due(conn: &mut DbConn, at: NaiveDateTime) -> QueryResult<Vec<SheetRow>> {
    timesheets::table
        .filter(timesheets::status.eq("open"))
        .filter(timesheets::week_start.le(at - Duration::days(7)))
        .or_filter(
            timesheets::status
                .eq("submitted")
                .and(timesheets::auto_approve_at.le(at)),
        )
        .order_by(timesheets::id.asc())
        .limit(500)
        .select(SheetRow::as_select())
        .load(conn)
}

/// An approved sheet waiting for its invoice.
pub struct Uninvoiced {
    pub id: String,
    pub org_id: String,
    pub currency: String,
    pub week_start: NaiveDateTime,
    pub project_id: String,
    pub bill_rate_minor: Option<i64>,
}

/// Approved, uninvoiced sheets approved before `cutoff` (at most 5000, oldest first).
pub fn uninvoiced(conn: &mut DbConn, cutoff: NaiveDateTime) -> QueryResult<Vec<Uninvoiced>> {
    let rows: Vec<(String, String, String, NaiveDateTime, String, Option<i64>)> = timesheets::table
        .filter(timesheets::status.eq("approved"))
        .filter(timesheets::invoice_id.is_null())
        .filter(timesheets::approved_at.lt(cutoff))
        .order_by(timesheets::id.asc())
        .limit(5000)
        .select((
            timesheets::id,
            timesheets::org_id,
            timesheets::currency,
            timesheets::week_start,
            timesheets::project_id,
            timesheets::bill_rate_minor,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, org_id, currency, week_start, project_id, bill_rate_minor)| Uninvoiced {
                id,
                org_id,
                currency,
                week_start,
                project_id,
                bill_rate_minor,
            },
        )
        .collect())
}

/// Records the invoice of the sheets not invoiced yet among `ids`.
pub fn set_invoice(conn: &mut DbConn, ids: &[&String], invoice: &str) -> QueryResult<()> {
    diesel::update(
        timesheets::table
            .filter(timesheets::id.eq_any(ids))
            .filter(timesheets::invoice_id.is_null()),
    )
    .set(timesheets::invoice_id.eq(invoice))
    .execute(conn)?;
    Ok(())
}

/// The sheets billed on an invoice.
pub fn ids_of_invoice(conn: &mut DbConn, invoice: &str) -> QueryResult<Vec<String>> {
    timesheets::table
        .filter(timesheets::invoice_id.eq(invoice))
        .order_by(timesheets::id.asc())
        .select(timesheets::id)
        .load(conn)
}

/// An approved sheet's part of the expert's earnings.
pub struct ApprovedWeek {
    pub id: String,
    pub week_start: NaiveDateTime,
    pub currency: String,
    pub floor_top_up_minor: i64,
}

/// The expert's approved sheets, newest week first (at most 500).
pub fn approved_of_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<ApprovedWeek>> {
    let rows: Vec<(String, NaiveDateTime, String, i64)> = timesheets::table
        .filter(timesheets::expert_id.eq(expert))
        .filter(timesheets::status.eq("approved"))
        .order_by(timesheets::week_start.desc())
        .limit(500)
        .select((
            timesheets::id,
            timesheets::week_start,
            timesheets::currency,
            timesheets::floor_top_up_minor,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, week_start, currency, floor_top_up_minor)| ApprovedWeek {
                id,
                week_start,
                currency,
                floor_top_up_minor,
            },
        )
        .collect())
}
