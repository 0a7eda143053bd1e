//! The scoring sweep: checks each active slice's reliability (Krippendorff's alpha over
//! the window), records it, and acts when the health changes — below 0.80 the slice's
//! owners are e-mailed, below 0.75 a corrective calibration session opens for the
//! slice's active experts on the platform's calibration pool of the slice. It also
//! closes calibration sessions whose window ended. It never suspends anyone.

use chrono::{DateTime, Duration, Utc};
use diesel::QueryResult;

use super::queries;
use super::reliability::Health;
use super::store::{self, NewSliceHealth};
use crate::audit::Actor;
use crate::config::Settings;
use crate::db::DbConn;
use crate::taxonomy::SliceRow;

/// Most items a corrective session draws from the slice's platform pool.
pub const CORRECTIVE_ITEMS: i64 = 50;

/// Who is warned about a slice: platform admins for shared slices, the owning lab's
/// admins for private ones.
fn owners(conn: &mut DbConn, slice: &SliceRow) -> QueryResult<Vec<String>> {
    match &slice.org_id {
        None => queries::platform_admin_emails(conn),
        Some(org) => queries::lab_admin_emails(conn, org),
    }
}

/// Experts with annotator judgments in the slice since `since` who still work in it.
fn active_experts(
    conn: &mut DbConn,
    slice: &str,
    since: DateTime<Utc>,
) -> anyhow::Result<Vec<String>> {
    let ids = queries::annotators_since(conn, slice, since)?;
    let mut out = Vec::new();
    for id in ids.into_iter().flatten() {
        let s = crate::standings::service::status_in(conn, &id, slice)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if matches!(
            s,
            crate::standings::rules::SliceStatus::Probation
                | crate::standings::rules::SliceStatus::Qualified
        ) {
            out.push(id);
        }
    }
    out.sort();
    Ok(out)
}

fn platform_pool(conn: &mut DbConn, slice: &str) -> QueryResult<Vec<String>> {
    queries::platform_gold_pool(conn, slice, CORRECTIVE_ITEMS)
}

/// The recurring scoring sweep (`scoring.sweep`).
pub fn sweep(conn: &mut DbConn, now: DateTime<Utc>, settings: &Settings) -> anyhow::Result<usize> {
    let mut changed = crate::calibration::service::close_due(conn, now, &settings.payments)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let since = now - Duration::days(settings.scoring.reliability_window_days);
    for slice_id in queries::active_slices(conn, since)? {
        let r = crate::db::write_tx(conn, |conn| check(conn, now, settings, &slice_id, since));
        match r {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::error!(slice = %slice_id, error = %e, "checking slice health failed")
            }
        }
    }
    for (org, project, slice_id) in queries::active_project_slices(conn, since)? {
        let r = crate::db::write_tx(conn, |conn| {
            check_project(conn, now, settings, &org, &project, &slice_id)
        });
        match r {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(e) => tracing::error!(
                project = %project, slice = %slice_id, error = %e,
                "checking a project's slice reliability failed"
            ),
        }
    }
    Ok(changed)
}

/// Checks a project's reliability in one slice (its own items only, as the lab reads it
/// at `GET /v1/slices/{slice}/reliability?project=`): when it falls below
/// `scoring.reliability_healthy`, the lab hears of it once (`slice.reliability_low`); once
/// healthy again, the next fall is reported again. True when the mark changed.
fn check_project(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    org: &str,
    project: &str,
    slice_id: &str,
) -> anyhow::Result<bool> {
    let Some(slice) = crate::taxonomy::find_slice(conn, slice_id)? else {
        return Ok(false);
    };
    let days = settings.scoring.reliability_window_days;
    let report = super::report::report(
        conn,
        now,
        settings,
        &slice,
        Some(project),
        None,
        days,
        false,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    match report.health {
        Health::Healthy => Ok(crate::projects::clear_reliability_low(
            conn, project, slice_id,
        )?),
        Health::InsufficientData => Ok(false),
        Health::Warning | Health::Corrective => {
            if !crate::projects::mark_reliability_low(conn, project, slice_id, now)? {
                return Ok(false);
            }
            let alpha = report.agreement.krippendorff_alpha;
            let items = report.agreement.items;
            crate::webhooks::emit(
                conn,
                now,
                settings,
                org,
                crate::webhooks::EventType::SliceReliabilityLow,
                |_| {
                    Ok(serde_json::json!({
                        "project_id": project,
                        "slice_id": slice.id,
                        "slice_key": slice.key,
                        "health": report.health.as_str(),
                        "krippendorff_alpha": alpha,
                        "items": items,
                        "threshold": settings.scoring.reliability_healthy,
                        "window_days": days,
                    }))
                },
            )?;
            Ok(true)
        }
    }
}

/// Checks one slice; true when its health changed.
fn check(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    slice_id: &str,
    since: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let Some(slice) = crate::taxonomy::find_slice(conn, slice_id)? else {
        return Ok(false);
    };
    let report = super::report::report(
        conn,
        now,
        settings,
        &slice,
        None,
        None,
        settings.scoring.reliability_window_days,
        false,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let health = report.health;
    let alpha = report.agreement.krippendorff_alpha;
    let items = report.agreement.items;
    let previous = store::slice_health_of(conn, slice_id)?;
    let t = now.naive_utc();
    let same = previous.as_ref().is_some_and(|(h, _)| h == health.as_str());
    if same {
        store::touch_slice_health(conn, slice_id, alpha, items as i32, t)?;
        return Ok(false);
    }
    let mut session: Option<String> = None;
    let action = match health {
        Health::Corrective => {
            let pool = platform_pool(conn, slice_id)?;
            let people = active_experts(conn, slice_id, since)?;
            if pool.is_empty() {
                format!(
                    "A corrective calibration session could not open: the slice has no platform calibration items. Upload some with POST /v1/slices/{}/gold-items.",
                    slice.id
                )
            } else if people.is_empty() {
                "No expert is active in the slice, so no corrective calibration session was opened.".to_owned()
            } else {
                let title = format!("Corrective calibration: {}", slice.key);
                let reason = format!(
                    "slice reliability fell below {:.2}: alpha {} over {items} items",
                    settings.scoring.reliability_corrective,
                    alpha.map_or_else(|| "undefined".into(), |a| format!("{a:.3}"))
                );
                let s = crate::calibration::service::create(
                    conn,
                    now,
                    &crate::calibration::service::Plan {
                        org: None,
                        slice: &slice,
                        title: &title,
                        gold_items: &pool,
                        participants: &people,
                        closes_at: now + crate::calibration::service::corrective_window(),
                        pass_threshold: settings.experts.assessment_pass_threshold,
                        origin: "corrective",
                        reason: &reason,
                        repeat_of: None,
                        actor: &Actor::system(),
                    },
                )
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                let msg = format!(
                    "A corrective calibration session ({}) opened for the slice's {} active experts on {} items.",
                    s.id,
                    people.len(),
                    pool.len()
                );
                session = Some(s.id);
                msg
            }
        }
        Health::Warning => {
            "Review the constitution's clauses for this slice and the items that split the experts; below 0.75 a corrective calibration session opens.".to_owned()
        }
        Health::Healthy | Health::InsufficientData => String::new(),
    };
    if matches!(health, Health::Warning | Health::Corrective) {
        for to in owners(conn, &slice)? {
            crate::mail::enqueue(
                conn,
                now,
                &crate::mail::templates::slice_health_changed(
                    &to,
                    &slice.key,
                    health.as_str(),
                    alpha,
                    items,
                    &action,
                ),
            )?;
        }
    }
    let corrective = session.or_else(|| previous.and_then(|(_, s)| s));
    store::replace_slice_health(
        conn,
        &NewSliceHealth {
            slice: slice_id,
            health: health.as_str(),
            alpha,
            items: items as i32,
            corrective_session: corrective.as_deref(),
        },
        t,
    )?;
    crate::audit::record(
        conn,
        now,
        &Actor::system(),
        crate::audit::Entry {
            action: "slice.health_changed",
            org_id: slice.org_id.as_deref(),
            subject_type: "slice",
            subject_id: Some(slice_id),
            details: serde_json::json!({"health": health.as_str(), "alpha": alpha, "items": items}),
        },
    )?;
    Ok(true)
}
