//! Weekly timesheets (docs/adr/0002-money-rules-and-double-entry-ledger.md): one per expert,
//! project, UTC week and roster, with one line per slice, filled from time entries as work is
//! submitted. When the week is over the sheet is submitted (by the expert, or by the payments
//! sweep) with its rates fixed; the lab approves or disputes lines with a reason; a submitted
//! sheet nobody disputes is approved after `payments.auto_approve_days`; a platform admin
//! resolves a dispute (possibly reducing lines to the time they judge right). Approval posts
//! each line to the ledger (and the pay-floor top-up, if any). Every change is audited. The
//! lifecycle rules are the pure [`super::timesheet`].

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, QueryResult};
use serde_json::json;

use super::amounts::{self, Rates};
use super::ledger;
use super::store::timesheets::{self as store, Approval, LineMoney, NewSheet, Submission};
use super::store::{self as ledger_store, Source};
use super::timesheet::{Mover, Status, auto_approve_at};
use crate::audit::{Actor, Entry};
use crate::config::{PaymentSettings, WebhookSettings};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::ids::{TimesheetId, TimesheetLineId};
use crate::webhooks::EventType;

pub use super::store::timesheets::{LineRow, SheetRow, find, lines_of};

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

impl LineRow {
    /// The seconds that are paid: the measured ones unless a dispute resolution reduced them.
    pub fn seconds(&self) -> i64 {
        self.approved_seconds.unwrap_or(self.measured_seconds)
    }
}

/// The handle of the sheet's expert (through the experts facade).
pub fn handle_of(conn: &mut DbConn, expert: &str) -> QueryResult<String> {
    crate::experts::find_expert(conn, expert)?
        .map(|e| e.handle)
        .ok_or(diesel::result::Error::NotFound)
}

/// A sheet's audit trail, oldest first (through the audit facade).
pub fn history(conn: &mut DbConn, sheet: &str) -> QueryResult<Vec<crate::audit::AuditRow>> {
    crate::audit::events_of(conn, "timesheet", sheet)
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
        let existing = store::id_for_week(
            conn,
            &e.expert_id,
            project,
            week,
            e.vendor_org_id.as_deref(),
        )?;
        match existing {
            Some(id) => {
                // Locks the sheet while it is open, so a submission cannot pass this entry.
                if store::touch_if_open(conn, &id, t)? == 1 {
                    break id;
                }
                tracing::warn!(timesheet = %id, entry = %e.id, "time entry after its week's sheet closed; it goes on the next week's");
                week += Duration::days(7);
            }
            None => {
                let currency = crate::projects::find_project(conn, project)?
                    .ok_or(diesel::result::Error::NotFound)?
                    .currency;
                let id = TimesheetId::new(now).into_string();
                store::insert_open(
                    conn,
                    &NewSheet {
                        id: &id,
                        expert_id: &e.expert_id,
                        project_id: project,
                        org_id: lab,
                        vendor_org_id: e.vendor_org_id.as_deref(),
                        currency: &currency,
                        week_start: week,
                        at: t,
                    },
                )?;
                break id;
            }
        }
    };
    if week != e.week_start {
        super::store::time_entries::set_week(conn, &e.id, week)?;
    }
    if store::add_to_line(conn, &sheet, &e.slice_id, e.seconds)? == 0 {
        store::insert_line(
            conn,
            TimesheetLineId::new(now).as_str(),
            &sheet,
            &e.slice_id,
            e.seconds,
        )?;
    }
    store::touch(conn, &sheet, t)?;
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

fn refuse(s: &SheetRow, to: Status, mover: Mover, now: DateTime<Utc>) -> AppResult<()> {
    let from = s.status();
    if from.allows(to, mover, now >= s.week_end()) {
        return Ok(());
    }
    Err(match (from, to) {
        (Status::Open, Status::Submitted) => AppError::conflict(format!(
            "the sheet's week runs until {}; it can be submitted after that",
            s.week_end().to_rfc3339()
        )),
        (f, _) => AppError::conflict(format!(
            "the timesheet is {}; it cannot become {}",
            f.as_str(),
            to.as_str()
        )),
    })
}

/// A conditional status change; false when someone else moved the sheet meanwhile.
fn moved(conn: &mut DbConn, set: impl FnOnce(&mut DbConn) -> QueryResult<usize>) -> AppResult<()> {
    if set(conn)? == 1 {
        Ok(())
    } else {
        Err(AppError::conflict(
            "the timesheet changed meanwhile; reload it",
        ))
    }
}

/// Submits a sheet whose week is over, fixing its rates.
pub fn submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    hooks: &WebhookSettings,
    actor: &Actor,
    mover: Mover,
    s: &SheetRow,
) -> AppResult<()> {
    refuse(s, Status::Submitted, mover, now)?;
    let bill = crate::projects::find_project(conn, &s.project_id)?
        .ok_or(diesel::result::Error::NotFound)?
        .bill_rate_minor;
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
        store::set_submitted(
            conn,
            &s.id,
            &Submission {
                bill_rate_minor: bill,
                pay_rate_minor: pay.pay_per_hour_minor,
                platform_fee_bps: settings.platform_fee_bps,
                vendor_margin_bps: margin,
                pay_floor_per_hour_minor: floor,
                at: t,
                auto_approve_at: approve_at,
            },
        )
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
    crate::webhooks::emit_with(
        conn,
        now,
        hooks,
        &s.org_id,
        EventType::TimesheetSubmitted,
        |conn| {
            Ok(json!({"timesheet": {
                "id": s.id,
                "project_id": s.project_id,
                "expert": handle_of(conn, &s.expert_id)?,
                "week_start": crate::clock::utc(s.week_start),
                "currency": s.currency,
                "bill_rate_minor": bill,
                "auto_approve_at": crate::clock::utc(approve_at),
            }}))
        },
    )
    .map_err(AppError::internal)?;
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
) -> AppResult<()> {
    refuse(s, Status::Approved, mover, now)?;
    let t = now.naive_utc();
    let from = s.status.clone();
    moved(conn, |conn| {
        store::set_approved(
            conn,
            &s.id,
            &from,
            &Approval {
                by_type: match mover {
                    Mover::Lab => "lab",
                    Mover::Platform => "platform",
                    _ => "system",
                },
                by: actor.id.as_deref(),
                note,
                at: t,
            },
        )
    })?;
    let mut lines = lines_of(conn, &s.id)?;
    for (i, (line, secs)) in adjust.iter().enumerate() {
        let l = lines.iter_mut().find(|l| &l.id == line).ok_or_else(|| {
            AppError::invalid_field(
                format!("lines[{i}].line_id"),
                "is not a line of this timesheet",
            )
        })?;
        if *secs < 0 || *secs > l.measured_seconds {
            return Err(AppError::invalid_field(
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
        AppError::internal(anyhow::anyhow!("submitted timesheet {} has no rates", s.id))
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
        store::set_line_money(
            conn,
            &l.id,
            &LineMoney {
                approved_seconds: l.approved_seconds,
                bill_minor: split.bill,
                pay_minor: split.expert_pay,
                vendor_margin_minor: split.vendor_margin,
                platform_minor: split.platform_total(),
                ledger_transaction_id: tx_id.as_deref(),
            },
        )?;
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
        store::set_floor_top_up(conn, &s.id, top_up)?;
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
    hooks: &WebhookSettings,
    actor: &Actor,
    s: &SheetRow,
    lines: &[(String, String)],
) -> AppResult<()> {
    refuse(s, Status::Disputed, Mover::Lab, now)?;
    let known = lines_of(conn, &s.id)?;
    for (i, (line, _)) in lines.iter().enumerate() {
        if !known.iter().any(|l| &l.id == line) {
            return Err(AppError::invalid_field(
                format!("lines[{i}].line_id"),
                "is not a line of this timesheet",
            ));
        }
    }
    let t = now.naive_utc();
    moved(conn, |conn| store::set_disputed(conn, &s.id, t))?;
    for (line, reason) in lines {
        store::set_dispute_reason(conn, line, reason)?;
    }
    audit(
        conn,
        now,
        actor,
        s,
        "timesheet.disputed",
        json!({"lines": lines.iter().map(|(l, r)| json!({"line": l, "reason": r})).collect::<Vec<_>>()}),
    )?;
    crate::webhooks::emit_with(
        conn,
        now,
        hooks,
        &s.org_id,
        EventType::TimesheetDisputed,
        |_| {
            Ok(json!({
                "timesheet_id": s.id,
                "project_id": s.project_id,
                "lines": lines.iter().map(|(l, r)| json!({"line_id": l, "reason": r})).collect::<Vec<_>>(),
            }))
        },
    )
    .map_err(AppError::internal)?;
    Ok(())
}

/// The payments sweep's timesheet work: submits sheets whose week is over and approves
/// submitted sheets whose auto-approval time passed. Returns how many sheets moved.
pub fn sweep(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    hooks: &WebhookSettings,
) -> AppResult<usize> {
    let t = now.naive_utc();
    let due = store::due(conn, t)?;
    let system = Actor::system();
    let mut n = 0;
    for s in &due {
        if s.status() == Status::Open && now < s.week_end() {
            continue;
        }
        // Each sheet in its own savepoint: one that moved meanwhile (a lab's decision
        // between the read and the update) is skipped, not the whole sweep.
        let moved = conn.transaction::<_, AppError, _>(|conn| {
            if s.status() == Status::Open {
                submit(conn, now, settings, hooks, &system, Mover::System, s)
            } else {
                approve(conn, now, &system, Mover::System, s, &[], None)
            }
        });
        match moved {
            Ok(()) => n += 1,
            Err(e) if e.is_refusal() => {
                tracing::info!(timesheet = %s.id, error = %e, "sweep skipped a sheet that changed meanwhile");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
