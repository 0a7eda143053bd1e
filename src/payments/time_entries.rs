//! Time entries (docs/adr/0002-money-rules-and-double-entry-ledger.md): the paid time of
//! submitted work, from the server's own evidence — the assignment's work sessions (accept →
//! submit, covered by heartbeats, a gap longer than the idle limit ends a session), capped per
//! item. Written by routing in the transaction that submits the assignment, once per
//! assignment; experts never type time in. Time in the queue (offered, not accepted) has no
//! session, so it is never paid.
//!
//! **Every second once.** An expert's paid time is the union of their active sessions: an
//! entry pays only the parts of its sessions that no earlier entry of the same expert paid
//! (two assignments heartbeated over the same minute pay that minute once, to the one
//! submitted first, whose lab is billed for it), then the cap applies. Each entry keeps the
//! intervals it paid (`paid_sessions`) and the measured time it did not pay because
//! another entry had (`concurrent_seconds`). Entries of one expert are settled one at a
//! time, under the expert's row lock.

use chrono::{DateTime, Utc};
use diesel::QueryResult;

use super::store::time_entries::{self as store, NewTimeEntry};
use crate::assignments::AssignmentRow;
use crate::assignments::sessions::{self, Span};
use crate::db::{DbConn, stored_json};
use crate::error::{AppError, AppResult};
use crate::ids::TimeEntryId;

pub use super::store::time_entries::{Filter, Scope, TimeEntryRow, list};

/// The expert's vendor now (the roster the work is done on).
fn vendor_of(conn: &mut DbConn, expert: &str) -> QueryResult<Option<String>> {
    Ok(crate::experts::find_expert(conn, expert)?
        .ok_or(diesel::result::Error::NotFound)?
        .vendor_id)
}

/// What an entry with these sessions pays: its sessions less the intervals the expert's
/// earlier entries paid, cut at `cap_secs`. Returns the paid intervals (JSON), the paid
/// seconds and the measured seconds another entry had already paid.
fn settle(
    conn: &mut DbConn,
    expert: &str,
    own: &[Span],
    cap_secs: i64,
) -> AppResult<(String, i64, i64)> {
    let Some(earliest) = own.iter().map(|(s, _)| *s).min() else {
        return Ok(("[]".into(), 0, 0));
    };
    // One expert's entries are settled one at a time (the item → expert lock order of
    // routing: the submit path holds this lock already).
    crate::experts::lock_expert(conn, expert)?;
    let mut paid_before: Vec<Span> = Vec::new();
    for raw in store::paid_sessions_since(conn, expert, earliest.naive_utc())? {
        let spans: Vec<[DateTime<Utc>; 2]> = stored_json("time entry paid sessions", &raw)?;
        paid_before.extend(spans.into_iter().map(|[s, e]| (s, e)));
    }
    let unpaid = sessions::unpaid(own, &paid_before);
    let concurrent = sessions::measured_seconds(own) - sessions::measured_seconds(&unpaid);
    let paid = sessions::first_seconds(&unpaid, cap_secs);
    let seconds = sessions::measured_seconds(&paid);
    let json: Vec<[DateTime<Utc>; 2]> = paid.iter().map(|(s, e)| [*s, *e]).collect();
    let json = serde_json::to_string(&json).map_err(AppError::internal)?;
    Ok((json, seconds, concurrent.max(0)))
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
) -> AppResult<()> {
    let measured = sessions::measured_seconds(m.sessions);
    let sessions: Vec<[DateTime<Utc>; 2]> = m.sessions.iter().map(|(s, e)| [*s, *e]).collect();
    let t = now.naive_utc();
    // The expert's vendor when the work was done: that roster's admins see the entry (and
    // later pay its margin), even if the expert moves on.
    let vendor = vendor_of(conn, &a.expert_id)?;
    if store::count_of_source(conn, "assignment", &a.id)? > 0 {
        return Ok(());
    }
    let sessions = serde_json::to_string(&sessions).unwrap_or_else(|_| "[]".into());
    let (paid_sessions, seconds, concurrent) =
        settle(conn, &a.expert_id, m.sessions, m.cap_seconds)?;
    store::insert(
        conn,
        &NewTimeEntry {
            id: TimeEntryId::new(now).as_str(),
            expert_id: &a.expert_id,
            source_type: "assignment",
            source_id: &a.id,
            payer_type: "lab",
            payer_org_id: a.org_id.as_deref(),
            vendor_org_id: vendor.as_deref(),
            project_id: a.project_id.as_deref(),
            slice_id: &a.slice_id,
            role: &a.role,
            seconds,
            measured_seconds: measured,
            cap_seconds: m.cap_seconds,
            idle_limit_secs: m.idle_limit_secs,
            sessions: &sessions,
            week_start: crate::clock::week_of(now).naive_utc(),
            worked_at: t,
            created_at: t,
            pay_minor: None,
            pay_currency: None,
            paid_sessions: &paid_sessions,
            concurrent_seconds: concurrent,
        },
    )?;
    let entry = store::of_source(conn, "assignment", &a.id)?;
    Ok(super::timesheets::add_entry(conn, now, &entry)?)
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
pub fn record_training(conn: &mut DbConn, now: DateTime<Utc>, t: &Training<'_>) -> AppResult<()> {
    let exists = store::count_of_source(conn, t.source_type, t.source_id)?;
    if exists > 0 || t.seconds <= 0 {
        return Ok(());
    }
    let vendor = vendor_of(conn, t.expert)?;
    // Measured training time (an assessment's start to end) pays only what the expert's
    // other entries did not; an allowance (no sessions) is not measured time.
    let (paid_sessions, seconds, concurrent) = if t.sessions.is_empty() {
        ("[]".to_owned(), t.seconds, 0)
    } else {
        let (json, paid, concurrent) = settle(conn, t.expert, t.sessions, t.cap_seconds)?;
        (json, paid.min(t.seconds), concurrent)
    };
    let pay = super::amounts::for_seconds(seconds, t.rate_per_hour);
    let sessions: Vec<[DateTime<Utc>; 2]> = t.sessions.iter().map(|(s, e)| [*s, *e]).collect();
    let sessions = serde_json::to_string(&sessions).unwrap_or_else(|_| "[]".into());
    let ts = now.naive_utc();
    store::insert(
        conn,
        &NewTimeEntry {
            id: TimeEntryId::new(now).as_str(),
            expert_id: t.expert,
            source_type: t.source_type,
            source_id: t.source_id,
            payer_type: if t.paying_vendor.is_some() {
                "vendor"
            } else {
                "platform"
            },
            payer_org_id: t.paying_vendor,
            vendor_org_id: vendor.as_deref(),
            project_id: None,
            slice_id: t.slice,
            role: t.source_type,
            seconds,
            measured_seconds: t.seconds,
            cap_seconds: t.cap_seconds,
            idle_limit_secs: 0,
            sessions: &sessions,
            week_start: crate::clock::week_of(now).naive_utc(),
            worked_at: ts,
            created_at: ts,
            pay_minor: Some(pay),
            pay_currency: Some(t.currency),
            paid_sessions: &paid_sessions,
            concurrent_seconds: concurrent,
        },
    )?;
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
