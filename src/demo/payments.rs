//! Demo payments: timesheets, a vendor agreement, an invoice and a payout due.

use chrono::Duration;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::ids::UserId;

/// Hourly payment: last week's timesheets of two Meridian experts on a Helix project (one
/// approved by Helix, one disputed and waiting for a platform admin), Meridian's agreement,
/// the invoice Helix owes (collected by hand: the demo runs without Stripe) and the manual
/// payout due to Dr. Chen.
pub(super) fn seed_payments(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    admin: &UserId,
    ada: &UserId,
    helix: &crate::ids::OrgId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::db::PageRequest;
    use crate::payments::{invoices, time_entries::TimeEntryRow, timesheet::Mover, timesheets};

    crate::payments::set_vendor_margin(
        conn,
        meridian.as_str(),
        1200,
        admin.as_str(),
        now.naive_utc(),
    )?;
    // Helix's first project (by id) that has a slice, and its first slice.
    let helix_orgs = [helix.to_string()];
    let helix_projects = crate::projects::list_projects(
        conn,
        Some(&helix_orgs),
        None,
        &PageRequest {
            limit: 100,
            after: None,
        },
    )?;
    let mut first = None;
    for p in &helix_projects {
        if let Some(s) = crate::projects::project_slices(conn, helix.as_str(), &p.id)?.first() {
            first = Some((p.id.clone(), s.slice_id.clone()));
            break;
        }
    }
    let (project, slice) = first.ok_or_else(|| anyhow::anyhow!("demo project missing"))?;
    let last_week = crate::clock::week_of(now) - Duration::days(7);
    let mut handles = Vec::new();
    let mut sheets = Vec::new();
    for (email, seconds) in [
        ("dr.chen@experts.demo", 3 * 3600 + 600),
        ("h.nakamura@experts.demo", 5 * 3600),
    ] {
        let crate::experts::ExpertRow {
            id: expert,
            handle,
            vendor_id: vendor,
            ..
        } = super::expert_by_email(conn, email)?;
        crate::payments::rates::fix_on_routing(
            conn,
            last_week,
            &settings.payments,
            &expert,
            &project,
        )?;
        // Last week's submitted work, as the time entries of its items would have added it.
        let entry = TimeEntryRow {
            id: String::new(),
            expert_id: expert.clone(),
            source_type: "assignment".into(),
            source_id: String::new(),
            payer_type: "lab".into(),
            payer_org_id: Some(helix.to_string()),
            vendor_org_id: vendor.clone(),
            project_id: Some(project.clone()),
            slice_id: slice.clone(),
            role: "annotator".into(),
            seconds,
            measured_seconds: seconds,
            cap_seconds: settings.routing.max_item_seconds,
            idle_limit_secs: settings.routing.idle_limit_secs,
            sessions: "[]".into(),
            week_start: last_week.naive_utc(),
            worked_at: last_week.naive_utc(),
            created_at: last_week.naive_utc(),
            pay_minor: None,
            pay_currency: None,
            paid_sessions: "[]".into(),
            concurrent_seconds: 0,
        };
        timesheets::add_entry(conn, last_week + Duration::days(2), &entry)?;
        let sheet = crate::payments::timesheet_id_for_week(
            conn,
            &expert,
            &project,
            last_week.naive_utc(),
            vendor.as_deref(),
        )?
        .ok_or_else(|| anyhow::anyhow!("demo sheet missing"))?;
        let s = timesheets::find(conn, &sheet)?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
        timesheets::submit(
            conn,
            now,
            &settings.payments,
            &settings.webhooks,
            &Actor::system(),
            Mover::System,
            &s,
        )
        .map_err(|e| anyhow::anyhow!("demo timesheet: {e}"))?;
        handles.push(handle);
        sheets.push(sheet);
    }
    let lab = Actor::user(ada, None);
    let chen = timesheets::find(conn, &sheets[0])?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
    timesheets::approve(conn, now, &lab, Mover::Lab, &chen, &[], None)
        .map_err(|e| anyhow::anyhow!("demo approval: {e}"))?;
    let hana = timesheets::find(conn, &sheets[1])?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
    let line = timesheets::lines_of(conn, &hana.id)?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("demo line"))?;
    timesheets::dispute(
        conn,
        now,
        &settings.webhooks,
        &lab,
        &hana,
        &[(
            line.id,
            "Five hours for 14 items is twice our median; please check".into(),
        )],
    )
    .map_err(|e| anyhow::anyhow!("demo dispute: {e}"))?;
    let issued = invoices::issue(
        conn,
        now,
        &settings.webhooks,
        false,
        now + Duration::microseconds(1),
        &Actor::user(admin, None),
    )
    .map_err(|e| anyhow::anyhow!("demo invoice: {e}"))?;
    // The project's budget: a cap its projected spend (last week's time plus the open
    // assignments) fills to about 85 %, so the project view shows `warning`.
    let row = crate::projects::find_project(conn, &project)?
        .ok_or_else(|| anyhow::anyhow!("demo project missing"))?;
    let spend = crate::projects::budget::measure(conn, settings, &row)
        .map_err(|e| anyhow::anyhow!("demo budget: {e}"))?;
    let cap = (spend.projected_minor * 100 / 85 / 1000 + 1) * 1000;
    crate::projects::budget::set_cap(conn, now, settings, &project, Some(cap))
        .map_err(|e| anyhow::anyhow!("demo budget: {e}"))?;
    Ok(format!(
        "\x20 payments         last week: {} approved by Helix (timesheet {}), {} disputed (timesheet {}); \
         Helix invoice {} open (mark it paid as admin); Meridian's margin 12 %; \
         the first scheduled payout run records Dr. Chen's payout for manual settlement; \
         project {} has a budget cap of {} {} minor units, {} % projected (warning)",
        handles[0],
        sheets[0],
        handles[1],
        sheets[1],
        issued.first().map(String::as_str).unwrap_or("-"),
        project,
        cap,
        spend.currency,
        spend.projected_minor * 100 / cap,
    ))
}
