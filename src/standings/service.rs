//! Changing an expert's slice status or tier: one conditional update, an event with the
//! reason and the numbers behind it, an audit row and an e-mail, all in the caller's
//! transaction. Assessments, admins (and later scoring and appeals) all come through here.
//! It returns the stored standing; `views.rs` shows it.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::rules::{self, SliceStatus, Tier};
use super::store::{self, StandingRow};
use crate::audit::{self, Actor, Entry};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::experts::ExpertRow;
use crate::mail::{self, templates};
use crate::taxonomy::SliceRow;

/// The expert's status in the slice (`none` when they have no standing there).
pub fn status_in(conn: &mut DbConn, expert: &str, slice: &str) -> AppResult<SliceStatus> {
    Ok(store::find(conn, expert, slice)?
        .and_then(|r| SliceStatus::parse(&r.status))
        .unwrap_or(SliceStatus::None))
}

/// The expert's gold accuracy in the slice as the adjudicator floor reads it: the lower
/// credible bound of the decayed posterior (the prior alone without answers) and the
/// decayed number of answers.
pub fn gold_lower_bound(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    sc: &crate::config::ScoringSettings,
    expert: &str,
    slice: &str,
) -> AppResult<(f64, f64)> {
    let evidence = crate::scoring::find_profile(
        conn,
        expert,
        slice,
        crate::scoring::profile::Metric::GoldAccuracy,
    )?
    .map(|r| r.evidence().at(now, sc.half_life_secs()))
    .unwrap_or(crate::scoring::beta::Evidence::EMPTY);
    Ok((
        evidence.posterior(sc.prior).lower_bound(sc.credible_level),
        evidence.weight(),
    ))
}

/// Why the expert may not be made `adjudicator` in the slice (None: they may): their gold
/// accuracy's lower bound is below `scoring.adjudicator_min_lower_bound`.
pub fn adjudicator_refusal(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    sc: &crate::config::ScoringSettings,
    expert: &str,
    slice: &SliceRow,
) -> AppResult<Option<String>> {
    let (bound, answers) = gold_lower_bound(conn, now, sc, expert, &slice.id)?;
    Ok((bound < sc.adjudicator_min_lower_bound).then(|| {
        format!(
            "gold-accuracy lower bound {bound:.3} in {} ({answers:.1} decayed answers) is below the adjudicator floor {:.2}",
            slice.key, sc.adjudicator_min_lower_bound
        )
    }))
}

/// What changes and why.
pub struct Change<'a> {
    pub status: Option<SliceStatus>,
    pub tier: Option<Tier>,
    pub reason: &'a str,
    /// The numbers behind an automatic change (an assessment's score…), kept in the event.
    pub details: Value,
    /// E-mail the expert about it (false when the caller sends its own message).
    pub notify: bool,
}

/// Applies `change` to the expert's standing in `slice`. The caller has authorised it and
/// checked the admin rules; this enforces the invariant that only qualified experts hold
/// a higher tier (409 naming the status) and lowers the tier when qualification ends.
pub fn apply(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    expert: &ExpertRow,
    slice: &SliceRow,
    change: Change<'_>,
) -> AppResult<StandingRow> {
    let row = store::ensure(conn, now, &expert.id, &slice.id)?;
    let from_status = SliceStatus::parse(&row.status).unwrap_or(SliceStatus::None);
    let from_tier = Tier::parse(&row.tier).unwrap_or(Tier::Annotator);
    let to_status = change.status.unwrap_or(from_status);
    let to_tier = match change.tier {
        Some(t) if !rules::tier_allowed(to_status, t) => {
            return Err(AppError::conflict(format!(
                "the expert is `{}` in {}; only qualified experts can be `{}`",
                to_status.as_str(),
                slice.key,
                t.as_str()
            )));
        }
        Some(t) => t,
        None => rules::tier_after(to_status, from_tier),
    };
    let status_reason = if to_status == from_status {
        row.status_reason.clone()
    } else {
        change.reason.to_owned()
    };
    if !store::update(
        conn,
        &row,
        to_status.as_str(),
        &status_reason,
        to_tier.as_str(),
        now,
    )? {
        return Err(AppError::conflict(
            "the expert's standing in this slice changed concurrently; retry",
        ));
    }
    let contact = crate::experts::service::contact(conn, &expert.id)?;
    let record = |conn: &mut DbConn, aspect: &str, from: &str, to: &str, reason: &str| {
        store::insert_event(
            conn,
            now,
            actor,
            &store::NewEvent {
                expert: &expert.id,
                slice: &slice.id,
                aspect,
                from,
                to,
                reason,
                details: &change.details,
            },
        )?;
        audit::record(
            conn,
            now,
            actor,
            Entry {
                action: if aspect == "status" {
                    "slice.status_changed"
                } else {
                    "slice.tier_changed"
                },
                org_id: expert.vendor_id.as_deref(),
                subject_type: "expert",
                subject_id: Some(&expert.id),
                details: json!({ "slice_id": slice.id, "from": from, "to": to, "reason": reason, "details": change.details }),
            },
        )?;
        if change.notify
            && let Some((email, name)) = &contact
        {
            mail::enqueue(
                conn,
                now,
                &templates::slice_standing_changed(
                    email, name, &slice.key, aspect, from, to, reason,
                ),
            )?;
        }
        AppResult::Ok(())
    };
    if to_status != from_status {
        record(
            conn,
            "status",
            from_status.as_str(),
            to_status.as_str(),
            change.reason,
        )?;
        if to_status == SliceStatus::Suspended {
            // Suspended experts are not booked: shifts ahead in the slice are released.
            crate::scheduling::service::release(
                conn,
                now,
                &expert.id,
                Some(&slice.id),
                &format!("suspended in {}", slice.key),
            )?;
        }
    }
    if to_tier != from_tier {
        let why = if change.tier.is_some() {
            change.reason.to_owned()
        } else {
            format!(
                "`{}` needs qualified status; the expert is now `{}`",
                from_tier.as_str(),
                to_status.as_str()
            )
        };
        record(conn, "tier", from_tier.as_str(), to_tier.as_str(), &why)?;
    }
    store::find(conn, &expert.id, &slice.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("standing vanished")))
}
