//! The expiry sweep (a recurring job, see `super::jobs`): credentials whose expiry date
//! has come are marked `expired` (pending ones too: they can no longer be verified), and
//! experts are reminded once, `experts.expiry_reminder_days` (default 30) before the date.
//! Eligibility never waits for the sweep: it compares expiry dates with the clock itself.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::store;
use crate::audit::{self, Actor, Entry};
use crate::config::Settings;
use crate::db::DbConn;
use crate::mail::{self, templates};

/// Runs one sweep at `now`; returns how many credentials it changed or reminded.
pub fn sweep(conn: &mut DbConn, now: DateTime<Utc>, settings: &Settings) -> anyhow::Result<usize> {
    let today = now.date_naive();
    let mut changed = 0;
    for c in store::due_to_expire(conn, today)? {
        if !store::mark_expired(conn, &c.id, &c.status, now)? {
            continue;
        }
        changed += 1;
        let expires_on = c.expires_on.map(|d| d.to_string()).unwrap_or_default();
        audit::record(
            conn,
            now,
            &Actor::system(),
            Entry {
                action: "credential.expired",
                org_id: c.vendor_id.as_deref(),
                subject_type: "credential",
                subject_id: Some(&c.id),
                details: json!({ "expires_on": expires_on, "was": c.status }),
            },
        )?;
        if let Some((to, name)) = crate::experts::service::contact(conn, &c.expert_id)? {
            mail::enqueue(
                conn,
                now,
                &templates::credential_expired(&to, &name, &c.label(), &expires_on),
            )?;
        }
    }
    let until = today + Duration::days(settings.experts.expiry_reminder_days);
    for c in store::due_for_reminder(conn, today, until)? {
        if !store::mark_reminded(conn, &c.id, now)? {
            continue;
        }
        changed += 1;
        let expires_on = c.expires_on.map(|d| d.to_string()).unwrap_or_default();
        if let Some((to, name)) = crate::experts::service::contact(conn, &c.expert_id)? {
            mail::enqueue(
                conn,
                now,
                &templates::credential_expiring(&to, &name, &c.label(), &expires_on),
            )?;
        }
    }
    Ok(changed)
}
