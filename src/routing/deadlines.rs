//! Deadlines that mean something (README "Deadlines"): the priority curve, overdue items
//! and expiry. The `routing.deadlines` job ([`super::jobs`]) runs [`sweep`].
//!
//! **The curve.** An open item's effective priority — what routing orders waiting items by
//! (`items_waiting_idx`: effective priority desc, then deadline, then age), for an expert's
//! pull (`next`) and for offers when capacity frees alike — is the lab's priority (0–100)
//! plus a boost that rises in steps as the deadline approaches:
//!
//! | step (`urgency`) | when                     | boost |
//! |------------------|--------------------------|-------|
//! | 0                | more than 24 h to go     | +0    |
//! | 1                | within 24 h              | +10   |
//! | 2                | within 4 h               | +25   |
//! | 3                | within 1 h               | +50   |
//! | 4 (overdue)      | past the deadline        | +75   |
//!
//! So an item of priority 40 due in 3 hours (65) is taken before one of priority 60 due in
//! three days (60), and an overdue item outranks every item not yet due but one of a far
//! higher priority. The step is stored with the item and set on ingestion and on update;
//! the job raises it when an item crosses a threshold, touching only those items (one
//! conditional update each, in a transaction of its own), so a backlog costs nothing
//! between crossings. An assignment shows the effective priority its item had when it was
//! offered and keeps it (gold offers borrow theirs from real offers when made, so a shown
//! priority that changed afterwards would tell real work from gold).
//!
//! **Overdue.** An open item (queued, assigned, adjudicating) past its deadline becomes
//! overdue when the job finds it: `overdue_at` is set, the item view shows `status:
//! overdue` (its work stage stays in `stage`), and the lab's endpoints subscribed to
//! `item.deadline_missed` get the event — exactly once: the conditional update lets only
//! one job run (on any node) mark the item. It keeps being worked and routed.
//! Moving an overdue item's deadline into the future (`PATCH /v1/items/{item}`) makes it
//! current again; missing that new deadline sends the event again.
//!
//! **Expiry.** A project may set `expire_overdue_after_hours`: an item still unresolved
//! that many hours after its deadline ends as `expired` — its open assignments end as on a
//! cancellation (the measured time already worked is paid and billed), it is never routed
//! again, and `item.expired` is sent once. Unset (the default), overdue items never expire.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::store;
use crate::config::Settings;
use crate::db::{DbConn, write_tx};
use crate::error::AppResult;
use crate::webhooks::EventType;

/// The step of an item past its deadline.
pub const OVERDUE: i32 = 4;

/// Hours before the deadline at which steps 1, 2 and 3 start.
const LEAD_HOURS: [i64; 3] = [24, 4, 1];

/// The boost of each step 0..=4.
const BOOST: [i32; 5] = [0, 10, 25, 50, 75];

/// Items one run raises per step, and expires per project, at most (the rest wait for the
/// next run).
const BATCH: i64 = 500;

/// The curve step an item due at `deadline` is in at `now`.
pub fn urgency(deadline: DateTime<Utc>, now: DateTime<Utc>) -> i32 {
    if deadline <= now {
        return OVERDUE;
    }
    let mut step = 0;
    for (i, h) in LEAD_HOURS.iter().enumerate() {
        if deadline <= now + Duration::hours(*h) {
            step = i as i32 + 1;
        }
    }
    step
}

/// The boost of a curve step.
pub fn boost(urgency: i32) -> i32 {
    BOOST[urgency.clamp(0, OVERDUE) as usize]
}

/// The effective priority of an item of `priority` at curve step `urgency`.
pub fn effective(priority: i32, urgency: i32) -> i32 {
    priority + boost(urgency)
}

/// The deadline at or before which an item has reached `step` at `now`.
fn cutoff(step: i32, now: DateTime<Utc>) -> DateTime<Utc> {
    if step >= OVERDUE {
        now
    } else {
        now + Duration::hours(LEAD_HOURS[(step - 1) as usize])
    }
}

/// One run of the deadline job: raises items that crossed a step (marking overdue ones
/// and sending `item.deadline_missed`), then expires overdue items of projects that set
/// `expire_overdue_after_hours`. Runs outside a transaction; each item commits on its own.
/// Returns how many items changed.
pub fn sweep(conn: &mut DbConn, now: DateTime<Utc>, settings: &Settings) -> anyhow::Result<usize> {
    let mut changed = 0;
    // Highest step first: an item that jumped several steps at once is raised once.
    for step in (1..=OVERDUE).rev() {
        let until = cutoff(step, now).naive_utc();
        for id in store::crossing(conn, step, until, BATCH)? {
            let raised = crate::db::retrying(conn, |conn| {
                write_tx(conn, |conn| raise(conn, now, settings, &id, step))
            });
            match raised {
                Ok(true) => changed += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(item = %id, error = %e, "raising an item's urgency failed")
                }
            }
        }
    }
    for (project, hours) in crate::projects::projects_with_expiry(conn)? {
        let until = (now - Duration::hours(i64::from(hours))).naive_utc();
        for id in store::expirable(conn, &project, until, BATCH)? {
            let done = super::lifecycle::expire_now(conn, now, settings, &id, hours);
            match done {
                Ok(true) => changed += 1,
                Ok(false) => {}
                Err(e) => tracing::error!(item = %id, error = %e, "expiring an item failed"),
            }
        }
    }
    Ok(changed)
}

/// Raises one item to `step` (inside the caller's transaction) if it is still below it;
/// an item raised to overdue is marked and its lab notified. Returns whether it changed.
fn raise(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    id: &str,
    step: i32,
) -> AppResult<bool> {
    let overdue = step >= OVERDUE;
    if !store::raise_urgency(
        conn,
        id,
        step,
        boost(step),
        cutoff(step, now).naive_utc(),
        overdue,
        now,
    )? {
        return Ok(false);
    }
    // Open assignments keep the priority they were offered at: gold offers borrow theirs
    // from real offers when made, so a real offer whose shown priority changed later would
    // stand out from gold.
    if overdue {
        let Some(item) = store::find(conn, id)? else {
            return Ok(false);
        };
        let deadline = crate::clock::utc(item.deadline_at);
        notify(
            conn,
            now,
            settings,
            item,
            EventType::ItemDeadlineMissed,
            json!({ "deadline_at": deadline }),
        )?;
    }
    Ok(true)
}

/// Emits an item event with `data.item` (the item as its lab reads it) and `extra`'s fields.
pub(super) fn notify(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    row: store::ItemRow,
    kind: EventType,
    extra: serde_json::Value,
) -> AppResult<()> {
    let org = row.org_id.clone();
    crate::webhooks::emit(conn, now, settings, &org, kind, |conn| {
        let item = super::detail::item_detail(conn, row).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut data = json!({ "item": item });
        if let (Some(d), Some(x)) = (data.as_object_mut(), extra.as_object()) {
            d.extend(x.clone());
        }
        Ok(data)
    })
    .map_err(crate::error::AppError::internal)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_curve_rises_in_steps_towards_the_deadline() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let at = |h: i64, m: i64| urgency(now + Duration::hours(h) + Duration::minutes(m), now);
        assert_eq!(at(72, 0), 0);
        assert_eq!(at(24, 1), 0);
        assert_eq!(at(24, 0), 1);
        assert_eq!(at(4, 1), 1);
        assert_eq!(at(4, 0), 2);
        assert_eq!(at(1, 1), 2);
        assert_eq!(at(1, 0), 3);
        assert_eq!(at(0, 1), 3);
        assert_eq!(at(0, 0), OVERDUE);
        assert_eq!(at(-5, 0), OVERDUE);
        assert_eq!(
            (0..=4).map(|u| effective(40, u)).collect::<Vec<_>>(),
            [40, 50, 65, 90, 115]
        );
        // A near deadline outranks a higher base priority far from its deadline.
        assert!(effective(40, at(3, 0)) > effective(60, at(72, 0)));
        for step in 1..=OVERDUE {
            assert_eq!(urgency(cutoff(step, now), now), step);
        }
    }
}
