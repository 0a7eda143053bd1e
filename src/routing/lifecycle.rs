//! An item's life after ingestion, at its lab's request: cancel it, or change its priority
//! and deadline. Each function runs inside the caller's write transaction and locks one
//! item (the routing lock order: the item, then experts in id order, then standings); what
//! follows a cancellation (offering the freed experts waiting work) runs afterwards in
//! transactions of its own ([`after_cancel`]).
//!
//! **Cancel.** An open item (`queued`, `assigned`, `adjudicating`) becomes `cancelled`: its
//! open assignments (offered or accepted) end as `cancelled` — nothing the experts did, so
//! no outcome and no effect on their scores — their slots are freed, and the time an expert
//! already worked on an accepted assignment (its heartbeat-covered work sessions, as on
//! submit) becomes a time entry on their timesheet, paid to the expert and billed to the
//! lab like any other. A cancelled item is never routed again (routing takes only `queued`
//! and `adjudicating` items). Cancelling a cancelled item changes nothing; a resolved item
//! cannot be cancelled.
//!
//! **Update.** Priority and deadline of an open item, checked as on ingestion; the item's
//! open assignments take the new effective priority (the priority plus the deadline
//! curve's boost, [`super::deadlines`]), so experts' `next` orders them by it.
//!
//! **Expiry.** An overdue item of a project with `expire_overdue_after_hours` ends as
//! `expired` that many hours after its deadline ([`expire`], run by the deadline job): its
//! open assignments end as on a cancellation.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::ingest;
use super::store::{self, ItemRow};
use crate::assignments::AssignmentRow;
use crate::audit::{self, Actor, Entry};
use crate::config::Settings;
use crate::error::{AppError, AppResult, FieldError};
use crate::webhooks::EventType;

/// Most ids one bulk cancel or update may name.
pub const MAX_BULK_ITEMS: usize = 1000;

/// The longest cancellation reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// What [`cancel`] did.
#[derive(Debug)]
pub enum Cancel {
    /// The item is now cancelled; these experts' slots were freed (offer them waiting work
    /// with [`after_cancel`] once the transaction has committed).
    Cancelled { freed: Vec<String> },
    /// It was cancelled already; nothing changed.
    Already,
}

/// Checks a cancellation reason: 1 to [`MAX_REASON_CHARS`] printable characters.
pub fn check_reason(reason: &str, errors: &mut Vec<FieldError>) {
    if reason.trim().is_empty()
        || reason.chars().count() > MAX_REASON_CHARS
        || reason.chars().any(|c| c.is_control() && c != '\n')
    {
        errors.push(FieldError::new(
            "reason",
            format!("must be 1 to {MAX_REASON_CHARS} printable characters"),
        ));
    }
}

fn resolved_conflict(item: &ItemRow) -> AppError {
    AppError::conflict(format!(
        "item {} is {}; a resolved or expired item cannot be cancelled",
        item.id, item.status
    ))
}

/// Cancels the item (see the module doc). The caller has checked that the actor may write
/// the item's project. `reason` is checked by [`check_reason`].
pub fn cancel(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    item_id: &str,
    reason: &str,
) -> AppResult<Cancel> {
    let reason = reason.trim();
    let current = store::find(conn, item_id)?
        .ok_or_else(|| AppError::not_found(format!("item {item_id} not found")))?;
    // Answered before taking the lock: a repeated cancel writes nothing (on SQLite the
    // lock itself is a write).
    match current.status.as_str() {
        "cancelled" => return Ok(Cancel::Already),
        "resolved" | "expired" => return Err(resolved_conflict(&current)),
        _ => {}
    }
    let item = store::lock_item(conn, item_id, now)?
        .ok_or_else(|| AppError::not_found(format!("item {item_id} not found")))?;
    match item.status.as_str() {
        "cancelled" => return Ok(Cancel::Already),
        "resolved" | "expired" => return Err(resolved_conflict(&item)),
        _ => {}
    }
    let (ended, freed) = end_open_work(conn, now, settings, &item, "the lab cancelled the item")?;
    if !store::cancel(
        conn,
        &item.id,
        &format!("cancelled by the lab: {reason}"),
        now,
    )? {
        return Err(AppError::internal(anyhow::anyhow!(
            "item {} changed under its lock",
            item.id
        )));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "item.cancelled",
            org_id: Some(&item.org_id),
            subject_type: "item",
            subject_id: Some(&item.id),
            details: json!({
                "reason": reason,
                "previous_status": item.status,
                "ended_assignments": ended.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            }),
        },
    )?;
    super::service::notify(
        conn,
        now,
        settings,
        &item.id,
        EventType::ItemCancelled,
        Some(reason),
    )?;
    // Open work ended and worked time was billed: a capped project's budget follows (the
    // project's row is the last lock).
    if !ended.is_empty() {
        crate::projects::budget::refresh(conn, now, settings, &item.project_id)?;
    }
    Ok(Cancel::Cancelled { freed })
}

/// Ends the locked item's open assignments (offered or accepted) as `cancelled` with
/// `note`, frees the experts' slots, and turns the time already worked on accepted ones
/// into time entries (paid and billed, measured as on submit: only heartbeat-covered
/// time counts). Shared by cancellation and expiry. Returns the ended assignments and the
/// experts whose slots were freed.
fn end_open_work(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
    note: &str,
) -> AppResult<(Vec<AssignmentRow>, Vec<String>)> {
    let mut open: Vec<AssignmentRow> = crate::assignments::of_item(conn, &item.id)?
        .into_iter()
        .filter(|a| a.status == "offered" || a.status == "accepted")
        .collect();
    // Experts in id order (the lock order).
    open.sort_by(|a, b| a.expert_id.cmp(&b.expert_id).then(a.id.cmp(&b.id)));
    let mut ended = Vec::with_capacity(open.len());
    for a in open {
        if crate::assignments::transition(
            conn,
            &a.id,
            &["offered", "accepted"],
            "cancelled",
            now,
            Some(note),
        )? {
            ended.push(a);
        }
    }
    let experts: Vec<&str> = ended.iter().map(|a| a.expert_id.as_str()).collect();
    let freed = super::keys::release_all(conn, &experts, &settings.routing)?;
    for a in ended.iter().filter(|a| a.accepted_at.is_some()) {
        let sessions = crate::assignments::sessions_of(conn, &a.id)?;
        if sessions.is_empty() || a.project_id.is_none() {
            continue;
        }
        crate::payments::time_entries::record_assignment(
            conn,
            now,
            a,
            &crate::payments::time_entries::Measured {
                sessions: &sessions,
                cap_seconds: settings.routing.max_item_seconds,
                idle_limit_secs: settings.routing.idle_limit_secs,
            },
        )?;
    }
    Ok((ended, freed))
}

/// Ends an overdue item still unresolved `hours` after its deadline as `expired` (README
/// "Deadlines"; the caller found it with `store::expirable`): its open assignments end as
/// on a cancellation ([`end_open_work`]), it is never routed again, and `item.expired` is
/// sent. Runs inside the caller's write transaction and locks the item. Returns the
/// experts whose slots were freed, or `None` if the item was no longer an overdue open
/// item (resolved, cancelled, expired by another node, or rescheduled).
pub fn expire(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item_id: &str,
    hours: i32,
) -> AppResult<Option<Vec<String>>> {
    let Some(item) = store::lock_item(conn, item_id, now)? else {
        return Ok(None);
    };
    let deadline = crate::clock::utc(item.deadline_at);
    if !store::OPEN.contains(&item.status.as_str())
        || item.overdue_at.is_none()
        || deadline + chrono::Duration::hours(i64::from(hours)) > now
    {
        return Ok(None);
    }
    let (ended, freed) = end_open_work(conn, now, settings, &item, "the item expired")?;
    let reason = format!("expired: unresolved {hours} hours after its deadline");
    if !store::expire(conn, &item.id, &reason, now)? {
        return Err(AppError::internal(anyhow::anyhow!(
            "item {} changed under its lock",
            item.id
        )));
    }
    audit::record(
        conn,
        now,
        &Actor::system(),
        Entry {
            action: "item.expired",
            org_id: Some(&item.org_id),
            subject_type: "item",
            subject_id: Some(&item.id),
            details: json!({
                "deadline_at": deadline,
                "expire_overdue_after_hours": hours,
                "previous_status": item.status,
                "ended_assignments": ended.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            }),
        },
    )?;
    let row = store::find(conn, &item.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("item {} vanished", item.id)))?;
    super::deadlines::notify(
        conn,
        now,
        settings,
        row,
        EventType::ItemExpired,
        json!({ "deadline_at": deadline, "expire_overdue_after_hours": hours }),
    )?;
    Ok(Some(freed))
}

/// [`expire`] in a transaction of its own (retried on a transient failure), followed by
/// offering the freed experts waiting work ([`after_cancel`]). Returns whether the item
/// expired.
pub fn expire_now(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item_id: &str,
    hours: i32,
) -> AppResult<bool> {
    let done = crate::db::retrying(conn, |conn| {
        crate::db::write_tx(conn, |conn| expire(conn, now, settings, item_id, hours))
    })?;
    match done {
        Some(freed) => {
            after_cancel(conn, now, settings, &freed);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// What follows a cancellation, after its transaction: each expert whose slot it freed is
/// offered waiting work. Runs outside a transaction; a failure is logged (the routing
/// sweep repairs it).
pub fn after_cancel(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    freed: &[String],
) {
    for expert in freed {
        if let Err(e) = super::service::offer_waiting(conn, now, settings, expert) {
            tracing::warn!(expert = %expert, error = %e, "offering waiting work after a cancellation failed; the sweep repairs it");
        }
    }
}

/// [`cancel`] in a transaction of its own (retried on a transient failure), followed by
/// [`after_cancel`]. Runs outside a transaction: a bulk cancel commits item by item, so no
/// transaction ever locks a second item.
pub fn cancel_now(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    item_id: &str,
    reason: &str,
) -> AppResult<Cancel> {
    let done = crate::db::retrying(conn, |conn| {
        crate::db::write_tx(conn, |conn| {
            cancel(conn, now, settings, actor, item_id, reason)
        })
    })?;
    if let Cancel::Cancelled { freed } = &done {
        after_cancel(conn, now, settings, freed);
    }
    Ok(done)
}

/// A change of an item's schedule: either or both.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reschedule {
    pub priority: Option<i32>,
    pub deadline: Option<DateTime<Utc>>,
}

/// Checks a change as ingestion checks a new item's fields (paths `priority`, `deadline`).
pub fn check_reschedule(change: &Reschedule, now: DateTime<Utc>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if change.priority.is_none() && change.deadline.is_none() {
        errors.push(FieldError::new(
            "priority",
            "send priority, deadline or both",
        ));
        errors.push(FieldError::new(
            "deadline",
            "send priority, deadline or both",
        ));
    }
    if let Some(p) = change.priority {
        ingest::check_priority(p, &mut errors);
    }
    if let Some(d) = change.deadline {
        ingest::check_deadline(d, now, &mut errors);
    }
    errors
}

/// What [`update`] did.
#[derive(Debug)]
pub enum Update {
    Updated,
    /// The item already had this priority and deadline; nothing changed.
    Unchanged,
}

/// Changes an open item's priority and deadline (checked by [`check_reschedule`]); a
/// resolved or cancelled item answers a conflict. The caller has checked that the actor
/// may write the item's project.
pub fn update(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    item_id: &str,
    change: &Reschedule,
) -> AppResult<Update> {
    let closed = |i: &ItemRow| {
        AppError::conflict(format!(
            "item {} is {}; only open items can be updated",
            i.id, i.status
        ))
    };
    let current = store::find(conn, item_id)?
        .ok_or_else(|| AppError::not_found(format!("item {item_id} not found")))?;
    if !store::OPEN.contains(&current.status.as_str()) {
        return Err(closed(&current));
    }
    let deadline = change.deadline.map(crate::clock::truncate_micros);
    let same = |i: &ItemRow| {
        change.priority.is_none_or(|p| p == i.priority)
            && deadline.is_none_or(|d| d.naive_utc() == i.deadline_at)
    };
    if same(&current) {
        return Ok(Update::Unchanged);
    }
    let item = store::lock_item(conn, item_id, now)?
        .ok_or_else(|| AppError::not_found(format!("item {item_id} not found")))?;
    if !store::OPEN.contains(&item.status.as_str()) {
        return Err(closed(&item));
    }
    let priority = change.priority.unwrap_or(item.priority);
    let to = deadline.unwrap_or_else(|| crate::clock::utc(item.deadline_at));
    // A new deadline puts the item on the curve step it is in now (a deadline is always
    // in the future, so an overdue item becomes current again); an unchanged one keeps
    // the step the deadline job gave it.
    let (urgency, overdue_at) = if to.naive_utc() == item.deadline_at {
        (item.urgency, item.overdue_at)
    } else {
        (
            super::deadlines::urgency(to, now).min(super::deadlines::OVERDUE - 1),
            None,
        )
    };
    let effective_priority = super::deadlines::effective(priority, urgency);
    let schedule = store::Schedule {
        priority,
        deadline: to,
        urgency,
        effective_priority,
        overdue_at,
    };
    if !store::reschedule(conn, &item.id, &schedule, now)? {
        return Err(closed(&item));
    }
    if effective_priority != item.effective_priority {
        crate::assignments::reprioritise_open(conn, &item.id, effective_priority, now)?;
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "item.updated",
            org_id: Some(&item.org_id),
            subject_type: "item",
            subject_id: Some(&item.id),
            details: json!({
                "priority": {"from": item.priority, "to": priority},
                "deadline": {"from": crate::clock::utc(item.deadline_at), "to": to},
            }),
        },
    )?;
    Ok(Update::Updated)
}

/// [`update`] in a transaction of its own (retried on a transient failure). Runs outside
/// a transaction (a bulk update commits item by item).
pub fn update_now(
    conn: &mut crate::db::DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    item_id: &str,
    change: &Reschedule,
) -> AppResult<Update> {
    crate::db::retrying(conn, |conn| {
        crate::db::write_tx(conn, |conn| update(conn, now, actor, item_id, change))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_change_is_checked_as_on_ingestion() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let ok = Reschedule {
            priority: Some(100),
            deadline: Some(now + Duration::days(3)),
        };
        assert!(check_reschedule(&ok, now).is_empty());
        let bad = Reschedule {
            priority: Some(101),
            deadline: Some(now + Duration::minutes(1)),
        };
        assert_eq!(
            fields(check_reschedule(&bad, now)),
            ["priority", "deadline"]
        );
        let far = Reschedule {
            priority: None,
            deadline: Some(now + Duration::days(91)),
        };
        assert_eq!(fields(check_reschedule(&far, now)), ["deadline"]);
        assert_eq!(
            fields(check_reschedule(&Reschedule::default(), now)),
            ["priority", "deadline"]
        );
    }

    #[test]
    fn a_reason_is_required_and_bounded() {
        let check = |r: &str| {
            let mut e = Vec::new();
            check_reason(r, &mut e);
            fields(e)
        };
        assert!(check("the pipeline relabelled it").is_empty());
        assert_eq!(check("  "), ["reason"]);
        assert_eq!(check(&"x".repeat(501)), ["reason"]);
        assert_eq!(check("bad\u{0}byte"), ["reason"]);
    }
}
