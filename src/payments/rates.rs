//! Pay rates (docs/adr/0002-money-rules-and-double-entry-ledger.md): an expert's pay rate for a
//! project is fixed in the project's currency when they are first routed to it; a later change
//! of their own rate applies from the next timesheet week. Vendor margins come from the
//! vendor's agreement (or `payments.vendor_margin_bps`).
//!
//! Cadre does no currency conversion: an expert whose rate is in the project's currency is
//! paid that rate; one quoting another currency is paid the project's *standard rate*, the
//! bill rate net of the platform fee and the vendor margin (README "Hourly payment").

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::QueryResult;
use diesel::result::Error::NotFound;
use serde::Serialize;
use utoipa::ToSchema;

use super::amounts::basis_points;
use super::store::rates::{self as store, NewPayRate};
use super::store::vendor_agreements;
use crate::config::PaymentSettings;
use crate::db::DbConn;
use crate::ids::PayRateId;

pub use super::store::rates::PayRateRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The expert's own rate, quoted in the project's currency.
    ExpertRate,
    /// The project's bill rate net of fee and margin (the expert quotes another currency).
    StandardRate,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::ExpertRate => "expert_rate",
            Basis::StandardRate => "standard_rate",
        }
    }
}

/// The bill rate net of the platform fee and the vendor margin.
pub fn standard_rate(bill_per_hour: i64, fee_bps: i64, margin_bps: Option<i64>) -> i64 {
    (bill_per_hour
        - basis_points(bill_per_hour, fee_bps)
        - margin_bps.map_or(0, |m| basis_points(bill_per_hour, m)))
    .max(0)
}

/// The pay rate for a project: the expert's own in the same currency, else the standard
/// rate. Pure.
pub fn choose(
    expert_rate: i64,
    expert_currency: &str,
    project_currency: &str,
    bill_per_hour: i64,
    fee_bps: i64,
    margin_bps: Option<i64>,
) -> (i64, Basis) {
    if expert_currency.eq_ignore_ascii_case(project_currency) {
        (expert_rate, Basis::ExpertRate)
    } else {
        (
            standard_rate(bill_per_hour, fee_bps, margin_bps),
            Basis::StandardRate,
        )
    }
}

/// The vendor's margin in basis points (`None` for independent experts).
pub fn margin_bps(
    conn: &mut DbConn,
    settings: &PaymentSettings,
    vendor: Option<&str>,
) -> QueryResult<Option<i64>> {
    let Some(v) = vendor else { return Ok(None) };
    let agreed = vendor_agreements::margin_of(conn, v)?;
    Ok(Some(agreed.unwrap_or(settings.vendor_margin_bps)))
}

/// The rate the expert would get on the project now.
fn current(
    conn: &mut DbConn,
    settings: &PaymentSettings,
    expert: &str,
    project: &str,
) -> QueryResult<(i64, Basis, String)> {
    let e = crate::experts::find_expert(conn, expert)?.ok_or(NotFound)?;
    let p = crate::projects::find_project(conn, project)?.ok_or(NotFound)?;
    let margin = margin_bps(conn, settings, e.vendor_id.as_deref())?;
    let (r, basis) = choose(
        e.desired_rate_minor,
        &e.desired_currency,
        &p.currency,
        p.bill_rate_minor,
        settings.platform_fee_bps,
        margin,
    );
    Ok((r, basis, p.currency))
}

fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    project: &str,
    (rate, basis, currency): (i64, Basis, String),
    week: NaiveDateTime,
) -> QueryResult<()> {
    store::insert(
        conn,
        &NewPayRate {
            id: PayRateId::new(now).as_str(),
            expert_id: expert,
            project_id: project,
            currency: &currency,
            pay_per_hour_minor: rate,
            basis: basis.as_str(),
            effective_week: week,
            created_at: now.naive_utc(),
        },
    )
}

/// Fixes the expert's rate for the project the first time they are routed to it (from
/// this week on). Later calls change nothing.
pub fn fix_on_routing(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    expert: &str,
    project: &str,
) -> QueryResult<()> {
    let exists = store::count_for(conn, expert, project)?;
    if exists > 0 {
        return Ok(());
    }
    // Another routing of this expert to the project may be fixing it right now.
    crate::experts::lock_expert(conn, expert)?;
    let exists = store::count_for(conn, expert, project)?;
    if exists > 0 {
        return Ok(());
    }
    let r = current(conn, settings, expert, project)?;
    insert(
        conn,
        now,
        expert,
        project,
        r,
        crate::clock::week_of(now).naive_utc(),
    )
}

/// The rate in force in the week starting `week`.
pub fn for_week(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    week: NaiveDateTime,
) -> QueryResult<Option<PayRateRow>> {
    store::in_force(conn, expert, project, week)
}

/// The rate of a week's sheet: the fixed one, or (work without a routing record, such as
/// an old assignment) fixed now.
pub fn for_sheet(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    expert: &str,
    project: &str,
    week: NaiveDateTime,
) -> QueryResult<PayRateRow> {
    if let Some(r) = for_week(conn, expert, project, week)? {
        return Ok(r);
    }
    crate::experts::lock_expert(conn, expert)?;
    if let Some(r) = for_week(conn, expert, project, week)? {
        return Ok(r);
    }
    let r = current(conn, settings, expert, project)?;
    insert(conn, now, expert, project, r, week)?;
    for_week(conn, expert, project, week)?.ok_or(NotFound)
}

/// The expert changed their rate (or currency): every project they have a rate for gets
/// the new one from next week. A second change in the same week replaces the first.
pub fn on_rate_change(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &PaymentSettings,
    expert: &str,
) -> QueryResult<usize> {
    let next = (crate::clock::week_of(now) + Duration::days(7)).naive_utc();
    let projects = store::projects_of(conn, expert)?;
    let mut changed = 0;
    for p in projects {
        let r = current(conn, settings, expert, &p)?;
        store::delete_effective(conn, expert, &p, next)?;
        let in_force = for_week(conn, expert, &p, next)?;
        if in_force.is_some_and(|x| x.pay_per_hour_minor == r.0 && x.basis == r.1.as_str()) {
            continue;
        }
        insert(conn, now, expert, &p, r, next)?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_currency_pays_the_experts_rate() {
        assert_eq!(
            choose(9000, "USD", "usd", 15000, 1500, Some(1000)),
            (9000, Basis::ExpertRate)
        );
    }

    #[test]
    fn another_currency_pays_the_bill_net_of_fee_and_margin() {
        // 15000 - 15 % (2250) - 10 % (1500)
        assert_eq!(
            choose(9000, "EUR", "USD", 15000, 1500, Some(1000)),
            (11250, Basis::StandardRate)
        );
        assert_eq!(standard_rate(15000, 1500, None), 12750);
        assert_eq!(standard_rate(100, 10_000, Some(10_000)), 0);
    }
}
