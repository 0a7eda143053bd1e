//! A project's budget (README "Budget"): its *projected spend* against its
//! `budget_cap_minor`, in the project's bill currency, and the gate routing reads.
//!
//! ```text
//! committed_minor = Σ bill of the project's timesheet lines, as invoices bill them:
//!                   an approved line's posted bill; any other line's paid seconds
//!                   (approved, else measured) × the sheet's fixed bill rate (the
//!                   project's current rate while the sheet is open), each line rounded
//!                   half to even on its own
//! expected_seconds = median billed seconds of the project's latest
//!                   `budget.estimate_window` measured judgments (lower middle for an
//!                   even count), or `budget.default_item_seconds` while it has fewer
//!                   than `budget.min_history`
//! projected_minor = committed_minor
//!                 + for_seconds(open assignments × expected_seconds, bill rate)
//! state           = reached  when projected ≥ cap
//!                   warning  when projected ≥ cap × budget.warning_percent / 100
//!                   ok       otherwise (and always without a cap)
//! ```
//!
//! The state is stored on the project (`budget_state`) and kept current by [`refresh`],
//! which routing calls in the transaction of every change that moves the projection of a
//! capped project: an offer, an offer or assignment that ends (declined, expired,
//! cancelled), a submitted judgment (its measured time replaces the estimate), and a lab's
//! change of the cap or the bill rate. Routing's check is therefore a column of the
//! project row it reads anyway; the projection itself is three bounded reads
//! ([`super::queries`]) done only for capped projects.
//!
//! `project.budget_warning` and `project.budget_reached` are sent once per crossing, in the
//! transaction of the change (`budget_warning_armed` / `budget_reached_armed` are cleared
//! by a conditional update, so two concurrent transactions never both send one); a change
//! of the cap re-arms each event whose threshold the projected spend is below again.
//!
//! **Lock order.** [`refresh`] writes the project's row only when its state or an event
//! flag changes, and always as the last lock of the transaction (after the item, the
//! experts and the standings of routing's order), so it never waits while holding a lock
//! another path takes after it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::store::{self, ProjectRow};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::jobs::Queue;
use crate::webhooks::EventType;

/// Enqueued (in the transaction) when a project's budget state becomes `reached`:
/// routing marks the project's waiting items with the reason.
pub const BUDGET_REACHED_JOB: &str = "projects.budget_reached";
/// Enqueued when a project's budget state leaves `reached` (the cap was raised or
/// removed, or open work ended): routing routes the project's waiting items at once.
pub const BUDGET_RESUMED_JOB: &str = "projects.budget_resumed";

/// The payload of both budget jobs.
#[derive(Debug, Serialize, Deserialize)]
pub struct BudgetJob {
    pub project: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetState {
    /// Below the warning threshold, or no cap.
    Ok,
    /// At or above `budget.warning_percent` of the cap.
    Warning,
    /// At or above the cap: routing offers no new work for the project.
    Reached,
}

impl BudgetState {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetState::Ok => "ok",
            BudgetState::Warning => "warning",
            BudgetState::Reached => "reached",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "warning" => BudgetState::Warning,
            "reached" => BudgetState::Reached,
            _ => BudgetState::Ok,
        }
    }
}

/// Where the expected time of an open assignment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = BudgetEstimate)]
pub enum Estimate {
    /// The median of the project's latest measured judgments.
    Median,
    /// `budget.default_item_seconds` (too little history).
    Default,
}

/// A project's spend, measured now.
#[derive(Debug, Clone)]
pub struct Spend {
    pub cap_minor: Option<i64>,
    pub committed_minor: i64,
    pub projected_minor: i64,
    pub currency: String,
    pub state: BudgetState,
    pub open_assignments: i64,
    pub expected_seconds: i64,
    pub estimate: Estimate,
    /// Measured judgments the estimate read.
    pub judgments: i64,
    /// The bill of one more open assignment.
    pub per_offer_minor: i64,
}

// ---- pure rules ----

/// The median of `v` (the lower middle value for an even count); `None` when empty.
pub fn median(mut v: Vec<i64>) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    v.get((v.len() - 1) / 2).copied()
}

/// The state of a projected spend against a cap.
pub fn state_of(projected: i64, cap: Option<i64>, warning_percent: i64) -> BudgetState {
    let Some(cap) = cap else {
        return BudgetState::Ok;
    };
    if projected >= cap {
        BudgetState::Reached
    } else if i128::from(projected) * 100 >= i128::from(cap) * i128::from(warning_percent) {
        BudgetState::Warning
    } else {
        BudgetState::Ok
    }
}

/// How many of `wanted` new offers routing may make now: each is allowed while the
/// projection before it is below the cap (so the last one may cross it, by at most one
/// offer's expected bill).
pub fn offers_allowed(projected: i64, cap: Option<i64>, per_offer: i64, wanted: usize) -> usize {
    let Some(cap) = cap else {
        return wanted;
    };
    if projected >= cap {
        return 0;
    }
    if per_offer <= 0 {
        return wanted;
    }
    let room = i128::from(cap) - i128::from(projected);
    let n = (room + i128::from(per_offer) - 1) / i128::from(per_offer);
    usize::try_from(n).unwrap_or(usize::MAX).min(wanted)
}

/// The bill of one line not yet approved: its paid seconds at the sheet's fixed rate, or
/// the project's current rate while the sheet is open.
fn unbilled(l: &super::queries::UnbilledLine, project_rate: i64) -> i64 {
    let seconds = l.approved_seconds.unwrap_or(l.measured_seconds);
    crate::money::for_seconds(seconds, l.sheet_bill_rate.unwrap_or(project_rate))
}

// ---- measuring ----

/// Measures the project's spend now (three bounded reads; see the module doc).
pub fn measure(conn: &mut DbConn, settings: &Settings, p: &ProjectRow) -> AppResult<Spend> {
    let b = &settings.budget;
    let mut committed = super::queries::approved_bill(conn, &p.id)?;
    for l in super::queries::unbilled_lines(conn, &p.id)? {
        committed += unbilled(&l, p.bill_rate_minor);
    }
    let recent = super::queries::recent_judgment_seconds(conn, &p.id, b.estimate_window)?;
    let judgments = recent.len() as i64;
    let (expected_seconds, estimate) = match median(recent) {
        Some(m) if judgments >= b.min_history => (m, Estimate::Median),
        _ => (b.default_item_seconds, Estimate::Default),
    };
    let open = super::queries::open_assignments(conn, &p.id)?;
    let projected = committed
        + crate::money::for_seconds(open.saturating_mul(expected_seconds), p.bill_rate_minor);
    Ok(Spend {
        cap_minor: p.budget_cap_minor,
        committed_minor: committed,
        projected_minor: projected,
        currency: p.currency.clone(),
        state: state_of(projected, p.budget_cap_minor, b.warning_percent),
        open_assignments: open,
        expected_seconds,
        estimate,
        judgments,
        per_offer_minor: crate::money::for_seconds(expected_seconds, p.bill_rate_minor),
    })
}

/// What an item of a project at its cap waits with (`status_reason`).
pub fn waiting_reason(s: &Spend) -> String {
    format!(
        "budget_reached: the project's projected spend ({} {} in minor units) reached its \
         budget cap ({}); work already offered continues, and routing resumes when the lab \
         raises or removes the cap",
        s.projected_minor,
        s.currency,
        s.cap_minor.unwrap_or(0)
    )
}

// ---- keeping the state ----

/// Re-measures a capped project after a change of its open work or measured time, stores
/// its state and sends the budget events it crossed (inside the caller's transaction, as
/// its last lock). Returns the spend, or `None` for a project without a cap (nothing is
/// read beyond its row).
pub fn refresh(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
) -> AppResult<Option<Spend>> {
    let Some(p) = store::find_project(conn, project)? else {
        return Ok(None);
    };
    if p.budget_cap_minor.is_none() {
        // The cap was removed: no limit, and routing resumes if it had stopped.
        if p.budget_state != "ok"
            && store::set_budget_state(conn, &p.id, "ok")?
            && p.budget_state == "reached"
        {
            let job = BudgetJob {
                project: p.id.clone(),
            };
            crate::jobs::enqueue(conn, now, Queue::Default, BUDGET_RESUMED_JOB, &job)
                .map_err(AppError::internal)?;
        }
        return Ok(None);
    }
    let s = measure(conn, settings, &p)?;
    apply(conn, now, settings, &p, &s)?;
    Ok(Some(s))
}

/// [`refresh`] for a project row the caller already holds: nothing is read for a project
/// without a cap whose state is `ok` (the common case on every routing path).
pub fn refresh_row(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    p: &ProjectRow,
) -> AppResult<Option<Spend>> {
    if p.budget_cap_minor.is_none() && p.budget_state == "ok" {
        return Ok(None);
    }
    refresh(conn, now, settings, &p.id)
}

/// After the lab changed the project (its cap, its bill rate): when the cap changed
/// (`cap_changed`), re-arms each budget event whose threshold the projected spend is now
/// below; then refreshes the state. Called in the transaction of the change, which holds
/// the project's row lock.
pub fn after_change(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
    cap_changed: bool,
) -> AppResult<()> {
    let Some(p) = store::find_project(conn, project)? else {
        return Ok(());
    };
    if !cap_changed {
        refresh(conn, now, settings, project)?;
        return Ok(());
    }
    match p.budget_cap_minor {
        None => store::rearm_budget(conn, &p.id, true, true)?,
        Some(_) => {
            let s = measure(conn, settings, &p)?;
            let state = state_of(
                s.projected_minor,
                p.budget_cap_minor,
                settings.budget.warning_percent,
            );
            store::rearm_budget(
                conn,
                &p.id,
                state == BudgetState::Ok,
                state != BudgetState::Reached,
            )?;
        }
    }
    refresh(conn, now, settings, project)?;
    Ok(())
}

/// Sets the project's cap (the demo seed) and follows it as a lab's change would.
pub fn set_cap(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
    cap: Option<i64>,
) -> AppResult<()> {
    store::set_budget_cap(conn, project, cap)?;
    after_change(conn, now, settings, project, true)
}

fn apply(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    p: &ProjectRow,
    s: &Spend,
) -> AppResult<()> {
    let was = BudgetState::parse(&p.budget_state);
    if was != s.state && store::set_budget_state(conn, &p.id, s.state.as_str())? {
        let job = BudgetJob {
            project: p.id.clone(),
        };
        if s.state == BudgetState::Reached {
            crate::jobs::enqueue(conn, now, Queue::Default, BUDGET_REACHED_JOB, &job)
                .map_err(AppError::internal)?;
        } else if was == BudgetState::Reached {
            crate::jobs::enqueue(conn, now, Queue::Default, BUDGET_RESUMED_JOB, &job)
                .map_err(AppError::internal)?;
        }
    }
    if s.state >= BudgetState::Warning
        && p.budget_warning_armed
        && store::disarm_budget_warning(conn, &p.id)?
    {
        emit(conn, now, settings, p, s, EventType::ProjectBudgetWarning)?;
    }
    if s.state == BudgetState::Reached
        && p.budget_reached_armed
        && store::disarm_budget_reached(conn, &p.id)?
    {
        emit(conn, now, settings, p, s, EventType::ProjectBudgetReached)?;
    }
    Ok(())
}

fn emit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    p: &ProjectRow,
    s: &Spend,
    kind: EventType,
) -> AppResult<()> {
    crate::webhooks::emit(conn, now, settings, &p.org_id, kind, |_| {
        Ok(json!({
            "project_id": p.id,
            "cap_minor": s.cap_minor,
            "projected_minor": s.projected_minor,
            "committed_minor": s.committed_minor,
            "currency": s.currency,
        }))
    })
    .map_err(AppError::internal)?;
    Ok(())
}

/// Capped projects whose budget is not `ok` (at most `limit`): the routing sweep
/// re-measures them, repairing a state a change outside routing moved (a resolved
/// timesheet dispute lowers the committed spend).
pub fn to_repair(conn: &mut DbConn, limit: i64) -> AppResult<Vec<String>> {
    Ok(store::capped_not_ok(conn, limit)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_takes_the_lower_middle() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![600]), Some(600));
        assert_eq!(median(vec![900, 300, 600]), Some(600));
        assert_eq!(median(vec![900, 300, 600, 1200]), Some(600));
    }

    #[test]
    fn the_state_follows_the_thresholds() {
        assert_eq!(state_of(1_000_000, None, 80), BudgetState::Ok);
        assert_eq!(state_of(7_999, Some(10_000), 80), BudgetState::Ok);
        assert_eq!(state_of(8_000, Some(10_000), 80), BudgetState::Warning);
        assert_eq!(state_of(9_999, Some(10_000), 80), BudgetState::Warning);
        assert_eq!(state_of(10_000, Some(10_000), 80), BudgetState::Reached);
        assert_eq!(state_of(12_000, Some(10_000), 80), BudgetState::Reached);
    }

    #[test]
    fn offers_stop_at_the_cap_and_the_last_may_cross_it() {
        // 2,500 left, 1,000 per offer: three offers (0, 1,000, 2,000 below the cap).
        assert_eq!(offers_allowed(7_500, Some(10_000), 1_000, 5), 3);
        assert_eq!(offers_allowed(7_500, Some(10_000), 1_000, 2), 2);
        assert_eq!(offers_allowed(9_999, Some(10_000), 1_000, 2), 1);
        assert_eq!(offers_allowed(10_000, Some(10_000), 1_000, 2), 0);
        assert_eq!(offers_allowed(10_000, None, 1_000, 2), 2);
        assert_eq!(offers_allowed(0, Some(10_000), 0, 4), 4);
    }
}
