//! Weekly timesheets (DESIGN, "Hourly payment"): one per expert, project, UTC week and
//! roster, with one line per slice, filled from time entries as work is submitted. When
//! the week is over the sheet is submitted (by the expert, or by the payments sweep) with
//! its rates fixed; the lab approves or disputes lines with a reason; a submitted sheet
//! nobody disputes is approved after `payments.auto_approve_days`; a platform admin
//! resolves a dispute (possibly reducing lines to the time they judge right). Approval
//! posts each line to the ledger (and the pay-floor top-up, if any). Every change is
//! audited. The lifecycle rules are the pure [`super::timesheet`].

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde_json::json;

use super::amounts::{self, Rates};
use super::ledger;
use super::store::{self as ledger_store, Source};
use super::timesheet::{Mover, Status, auto_approve_at};
use crate::audit::{Actor, Entry};
use crate::config::PaymentSettings;
use crate::db::DbConn;
use crate::db::schema::{projects, timesheet_lines, timesheets};
use crate::http::{ApiError, ApiResult};
use crate::ids::{TimesheetId, TimesheetLineId};

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

impl SheetRow {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Open)
    }

    pub fn week_end(&self) -> DateTime<Utc> {
        crate::clock::utc(self.week_start) + Duration::days(7)
    }

    fn rates(&self) -> Option<Rates> {
        Some(Rates {
            bill_per_hour: self.bill_rate_minor?,
            pay_per_hour: self.pay_rate_minor?,
            platform_fee_bps: self.platform_fee_bps?,
            vendor_margin_bps: self.vendor_margin_bps,
        })
    }
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

impl LineRow {
    /// The seconds that are paid: the measured ones unless a dispute resolution reduced them.
    pub fn seconds(&self) -> i64 {
        self.approved_seconds.unwrap_or(self.measured_seconds)
    }
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

/// Adds a time entry's seconds to its week's sheet (created open on first use). Called in
/// the transaction that records the entry.
pub fn add_entry(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    e: &super::time_entries::TimeEntryRow,
) -> QueryResult<()> {
    let (Some(project), Some(lab)) = (&e.project_id, &e.payer_org_id) else {
        return Ok(());
    };
    // One expert's entries are added one at a time, so two first entries of a week never
    // both create its sheet or line.
    crate::experts::lock_expert(conn, &e.expert_id)?;
    let t = now.naive_utc();
    // The entry's week, or a later one if that week's sheet was already submitted (an entry
    // whose clock read the last instant of a week can commit after the sweep closed it).
    let mut week = e.week_start;
    let sheet = loop {
        let mut q = timesheets::table
            .filter(timesheets::expert_id.eq(&e.expert_id))
            .filter(timesheets::project_id.eq(project))
            .filter(timesheets::week_start.eq(week))
            .into_boxed();
        q = match &e.vendor_org_id {
            Some(v) => q.filter(timesheets::vendor_org_id.eq(v.clone())),
            None => q.filter(timesheets::vendor_org_id.is_null()),
        };
        let existing: Option<String> = q.select(timesheets::id).first(conn).optional()?;
        match existing {
            Some(id) => {
                // Locks the sheet while it is open, so a submission cannot pass this entry.
                let open = diesel::update(
                    timesheets::table
                        .find(&id)
                        .filter(timesheets::status.eq("open")),
                )
                .set(timesheets::updated_at.eq(t))
                .execute(conn)?;
                if open == 1 {
                    break id;
                }
                tracing::warn!(timesheet = %id, entry = %e.id, "time entry after its week's sheet closed; it goes on the next week's");
                week += Duration::days(7);
            }
            None => {
                let currency: String = projects::table
                    .find(project)
                    .select(projects::currency)
                    .first(conn)?;
                let id = TimesheetId::new(now).into_string();
                diesel::insert_into(timesheets::table)
                    .values((
                        timesheets::id.eq(&id),
                        timesheets::expert_id.eq(&e.expert_id),
                        timesheets::project_id.eq(project),
                        timesheets::org_id.eq(lab),
                        timesheets::vendor_org_id.eq(e.vendor_org_id.as_deref()),
                        timesheets::currency.eq(currency),
                        timesheets::week_start.eq(week),
                        timesheets::status.eq("open"),
                        timesheets::floor_top_up_minor.eq(0i64),
                        timesheets::created_at.eq(t),
                        timesheets::updated_at.eq(t),
                    ))
                    .execute(conn)?;
                break id;
            }
        }
    };
    if week != e.week_start {
        diesel::update(crate::db::schema::time_entries::table.find(&e.id))
            .set(crate::db::schema::time_entries::week_start.eq(week))
            .execute(conn)?;
    }
    let updated = diesel::update(
        timesheet_lines::table
            .filter(timesheet_lines::timesheet_id.eq(&sheet))
            .filter(timesheet_lines::slice_id.eq(&e.slice_id)),
    )
    .set((
        timesheet_lines::entries.eq(timesheet_lines::entries + 1),
        timesheet_lines::measured_seconds.eq(timesheet_lines::measured_seconds + e.seconds),
    ))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(timesheet_lines::table)
            .values((
                timesheet_lines::id.eq(TimesheetLineId::new(now).as_str()),
                timesheet_lines::timesheet_id.eq(&sheet),
                timesheet_lines::slice_id.eq(&e.slice_id),
                timesheet_lines::entries.eq(1),
                timesheet_lines::measured_seconds.eq(e.seconds),
            ))
            .execute(conn)?;
    }
    diesel::update(timesheets::table.find(&sheet))
        .set(timesheets::updated_at.eq(t))
        .execute(conn)?;
    Ok(())
}

fn audit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    s: &SheetRow,
    action: &str,
    details: serde_json::Value,
) -> QueryResult<()> {
    crate::audit::record(
        conn,
        now,
        actor,
        Entry {
            action,
            org_id: Some(&s.org_id),
            subject_type: "timesheet",
            subject_id: Some(&s.id),
            details,
        },
    )
}

fn refuse(s: &SheetRow, to: Status, mover: Mover, now: DateTime<Utc>) -> ApiResult<()> {
    let from = s.status();
    if from.allows(to, mover, now >= s.week_end()) {
        return Ok(());
    }
    Err(match (from, to) {
        (Status::Open, Status::Submitted) => ApiError::conflict(format!(
            "the sheet's week runs until {}; it can be submitted after that",
            s.week_end().to_rfc3339()
        )),
        (f, _) => ApiError::conflict(format!(
            "the timesheet is {}; it cannot become {}",
            f.as_str(),
            to.as_str()
        )),
    })
}

/// A conditional status change; false when someone else moved the sheet meanwhile.
fn moved(conn: &mut DbConn, set: impl FnOnce(&mut DbConn) -> QueryResult<usize>) -> ApiResult<()> {
    if set(conn)? == 1 {
        Ok(())
    } else {
        Err(ApiError::conflict(
            "the timesheet changed meanwhile; reload it",
        ))
    }
}

/// Submits a sheet whose week is over, fixing its rates.
pub fn submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    actor: &Actor,
    mover: Mover,
    s: &SheetRow,
) -> ApiResult<()> {
    refuse(s, Status::Submitted, mover, now)?;
    let bill: i64 = projects::table
        .find(&s.project_id)
        .select(projects::bill_rate_minor)
        .first(conn)?;
    let pay = super::rates::for_sheet(
        conn,
        now,
        settings,
        &s.expert_id,
        &s.project_id,
        s.week_start,
    )?;
    let margin = super::rates::margin_bps(conn, settings, s.vendor_org_id.as_deref())?;
    let floor = settings.floor(&s.currency);
    let t = now.naive_utc();
    let approve_at = auto_approve_at(now, settings.auto_approve_days).naive_utc();
    moved(conn, |conn| {
        diesel::update(
            timesheets::table
                .find(&s.id)
                .filter(timesheets::status.eq("open")),
        )
        .set((
            timesheets::status.eq("submitted"),
            timesheets::bill_rate_minor.eq(bill),
            timesheets::pay_rate_minor.eq(pay.pay_per_hour_minor),
            timesheets::platform_fee_bps.eq(settings.platform_fee_bps),
            timesheets::vendor_margin_bps.eq(margin),
            timesheets::pay_floor_per_hour_minor.eq(floor),
            timesheets::submitted_at.eq(t),
            timesheets::auto_approve_at.eq(approve_at),
            timesheets::updated_at.eq(t),
        ))
        .execute(conn)
    })?;
    audit(
        conn,
        now,
        actor,
        s,
        "timesheet.submitted",
        json!({"by": if mover == Mover::System { "system" } else { "expert" },
               "bill_rate_minor": bill, "pay_rate_minor": pay.pay_per_hour_minor,
               "pay_rate_basis": pay.basis, "auto_approve_at": crate::clock::utc(approve_at)}),
    )?;
    Ok(())
}

/// Approves a submitted (or, by a platform admin, a disputed) sheet and posts its money.
/// `adjust` sets a line's paid seconds (dispute resolution; never above the measured time).
pub fn approve(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    mover: Mover,
    s: &SheetRow,
    adjust: &[(String, i64)],
    note: Option<&str>,
) -> ApiResult<()> {
    refuse(s, Status::Approved, mover, now)?;
    let t = now.naive_utc();
    let from = s.status.clone();
    moved(conn, |conn| {
        diesel::update(
            timesheets::table
                .find(&s.id)
                .filter(timesheets::status.eq(&from)),
        )
        .set((
            timesheets::status.eq("approved"),
            timesheets::approved_at.eq(t),
            timesheets::approved_by_type.eq(match mover {
                Mover::Lab => "lab",
                Mover::Platform => "platform",
                _ => "system",
            }),
            timesheets::approved_by.eq(actor.id.as_deref()),
            timesheets::resolution_note.eq(note),
            timesheets::updated_at.eq(t),
        ))
        .execute(conn)
    })?;
    let mut lines = lines_of(conn, &s.id)?;
    for (i, (line, secs)) in adjust.iter().enumerate() {
        let l = lines.iter_mut().find(|l| &l.id == line).ok_or_else(|| {
            ApiError::invalid_field(
                format!("lines[{i}].line_id"),
                "is not a line of this timesheet",
            )
        })?;
        if *secs < 0 || *secs > l.measured_seconds {
            return Err(ApiError::invalid_field(
                format!("lines[{i}].approved_seconds"),
                format!(
                    "must be between 0 and the measured {} seconds",
                    l.measured_seconds
                ),
            ));
        }
        l.approved_seconds = Some(*secs);
    }
    let rates = s.rates().ok_or_else(|| {
        ApiError::internal(anyhow::anyhow!("submitted timesheet {} has no rates", s.id))
    })?;
    let (mut paid, mut seconds) = (0i64, 0i64);
    let mut posted = Vec::new();
    for l in &lines {
        let split = amounts::split(l.seconds(), &rates);
        paid += split.expert_pay;
        seconds += split.seconds;
        let tx = ledger::timesheet_line(
            &split,
            &s.currency,
            &s.org_id,
            &s.expert_id,
            s.vendor_org_id.as_deref(),
        );
        let tx_id = if tx.postings.is_empty() {
            None
        } else {
            let p = ledger_store::post(
                conn,
                now,
                &tx,
                &format!("timesheet {} line {}", s.id, l.slice_id),
                &Source {
                    kind: "timesheet_line",
                    id: &l.id,
                },
                actor.id.as_deref(),
            )?;
            Some(p.id().to_owned())
        };
        diesel::update(timesheet_lines::table.find(&l.id))
            .set((
                timesheet_lines::approved_seconds.eq(l.approved_seconds),
                timesheet_lines::bill_minor.eq(split.bill),
                timesheet_lines::pay_minor.eq(split.expert_pay),
                timesheet_lines::vendor_margin_minor.eq(split.vendor_margin),
                timesheet_lines::platform_minor.eq(split.platform_total()),
                timesheet_lines::ledger_transaction_id.eq(tx_id.as_deref()),
            ))
            .execute(conn)?;
        posted.push(json!({"line": l.id, "seconds": split.seconds, "bill": split.bill, "pay": split.expert_pay}));
    }
    let top_up = s
        .pay_floor_per_hour_minor
        .map_or(0, |f| amounts::floor_top_up(paid, seconds, f));
    if top_up > 0 {
        ledger_store::post(
            conn,
            now,
            &ledger::pay_floor(top_up, &s.currency, &s.expert_id),
            &format!("pay floor for timesheet {}", s.id),
            &Source {
                kind: "timesheet",
                id: &s.id,
            },
            actor.id.as_deref(),
        )?;
        diesel::update(timesheets::table.find(&s.id))
            .set(timesheets::floor_top_up_minor.eq(top_up))
            .execute(conn)?;
    }
    audit(
        conn,
        now,
        actor,
        s,
        "timesheet.approved",
        json!({"by": match mover { Mover::Lab => "lab", Mover::Platform => "platform", _ => "auto_approval" },
               "note": note, "lines": posted, "floor_top_up_minor": top_up}),
    )?;
    Ok(())
}

/// The lab disputes lines of a submitted sheet, each with a reason.
pub fn dispute(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    s: &SheetRow,
    lines: &[(String, String)],
) -> ApiResult<()> {
    refuse(s, Status::Disputed, Mover::Lab, now)?;
    let known = lines_of(conn, &s.id)?;
    for (i, (line, _)) in lines.iter().enumerate() {
        if !known.iter().any(|l| &l.id == line) {
            return Err(ApiError::invalid_field(
                format!("lines[{i}].line_id"),
                "is not a line of this timesheet",
            ));
        }
    }
    let t = now.naive_utc();
    moved(conn, |conn| {
        diesel::update(
            timesheets::table
                .find(&s.id)
                .filter(timesheets::status.eq("submitted")),
        )
        .set((
            timesheets::status.eq("disputed"),
            timesheets::disputed_at.eq(t),
            timesheets::updated_at.eq(t),
        ))
        .execute(conn)
    })?;
    for (line, reason) in lines {
        diesel::update(timesheet_lines::table.find(line))
            .set(timesheet_lines::dispute_reason.eq(reason))
            .execute(conn)?;
    }
    audit(
        conn,
        now,
        actor,
        s,
        "timesheet.disputed",
        json!({"lines": lines.iter().map(|(l, r)| json!({"line": l, "reason": r})).collect::<Vec<_>>()}),
    )?;
    Ok(())
}

/// The payments sweep's timesheet work: submits sheets whose week is over and approves
/// submitted sheets whose auto-approval time passed. Returns how many sheets moved.
pub fn sweep(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
) -> ApiResult<usize> {
    let t = now.naive_utc();
    let due: Vec<SheetRow> = timesheets::table
        .filter(timesheets::status.eq("open"))
        .filter(timesheets::week_start.le(t - Duration::days(7)))
        .or_filter(
            timesheets::status
                .eq("submitted")
                .and(timesheets::auto_approve_at.le(t)),
        )
        .order_by(timesheets::id.asc())
        .limit(500)
        .select(SheetRow::as_select())
        .load(conn)?;
    let system = Actor::system();
    let mut n = 0;
    for s in &due {
        if s.status() == Status::Open && now < s.week_end() {
            continue;
        }
        // Each sheet in its own savepoint: one that moved meanwhile (a lab's decision
        // between the read and the update) is skipped, not the whole sweep.
        let moved = conn.transaction::<_, ApiError, _>(|conn| {
            if s.status() == Status::Open {
                submit(conn, now, settings, &system, Mover::System, s)
            } else {
                approve(conn, now, &system, Mover::System, s, &[], None)
            }
        });
        match moved {
            Ok(()) => n += 1,
            Err(e) if e.status().is_client_error() => {
                tracing::info!(timesheet = %s.id, error = %e, "sweep skipped a sheet that changed meanwhile");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
