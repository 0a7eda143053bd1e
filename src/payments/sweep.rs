//! The payments sweep (a recurring job, `jobs.sweep_interval_secs`): submits timesheets
//! whose week is over, approves submitted sheets nobody disputed within
//! `payments.auto_approve_days`, and invoices the sheets approved before the current week
//! began (so labs get one invoice a week per currency).

use chrono::{DateTime, Utc};

use crate::audit::Actor;
use crate::config::Settings;
use crate::db::DbConn;

pub fn sweep(conn: &mut DbConn, now: DateTime<Utc>, settings: &Settings) -> anyhow::Result<usize> {
    let p = &settings.payments;
    let moved = super::timesheets::sweep(conn, now, p, &settings.webhooks)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let issued = super::invoices::issue(
        conn,
        now,
        &settings.webhooks,
        p.stripe.secret_key.is_some(),
        super::invoices::weekly_cutoff(now),
        &Actor::system(),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(moved + issued.len())
}
