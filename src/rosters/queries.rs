//! Read-only report queries of the roster dashboard, tier coverage and vendor comparison.
//! They join other features' tables (experts, slice standings, outcomes, time entries,
//! timesheets, appeals, assignments, items, projects, orgs) and never write.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::dashboard::{Pay, Seconds};
use crate::db::DbConn;
use crate::db::schema::{
    appeals, assignments, experts, items, orgs, outcomes, projects, roster_memberships as rm,
    slice_standings, time_entries, timesheet_lines, timesheets,
};
use crate::scoring::ScoredOutcome;

/// A roster expert: id, handle, display name.
pub struct Member {
    pub id: String,
    pub handle: String,
    pub display_name: String,
}

/// The vendor's experts now, by handle.
pub fn members(conn: &mut DbConn, vendor: &str) -> QueryResult<Vec<Member>> {
    let rows: Vec<(String, String, String)> = experts::table
        .filter(experts::vendor_id.eq(vendor))
        .order_by(experts::handle.asc())
        .select((experts::id, experts::handle, experts::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, handle, display_name)| Member {
            id,
            handle,
            display_name,
        })
        .collect())
}

/// One slice standing of a roster expert.
pub struct Standing {
    pub slice_id: String,
    pub expert_id: String,
    pub status: String,
    pub tier: String,
}

fn standings_of(rows: Vec<(String, String, String, String)>) -> Vec<Standing> {
    rows.into_iter()
        .map(|(slice_id, expert_id, status, tier)| Standing {
            slice_id,
            expert_id,
            status,
            tier,
        })
        .collect()
}

/// The slice standings of these experts.
pub fn standings_of_experts(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Standing>> {
    let rows = slice_standings::table
        .filter(slice_standings::expert_id.eq_any(ids))
        .select((
            slice_standings::slice_id,
            slice_standings::expert_id,
            slice_standings::status,
            slice_standings::tier,
        ))
        .load(conn)?;
    Ok(standings_of(rows))
}

/// The slice standings of the vendor's experts now.
pub fn standings_on_roster(conn: &mut DbConn, vendor: &str) -> QueryResult<Vec<Standing>> {
    let rows = slice_standings::table
        .inner_join(experts::table.on(experts::id.eq(slice_standings::expert_id)))
        .filter(experts::vendor_id.eq(vendor))
        .select((
            slice_standings::slice_id,
            slice_standings::expert_id,
            slice_standings::status,
            slice_standings::tier,
        ))
        .load(conn)?;
    Ok(standings_of(rows))
}

/// The roster's judgments and gold checks (`submitted`, `resolved`, `gold_checked`) in
/// the slice from `start` until `end`: each expert's while they were on this roster (an
/// expert who moved keeps their past with the vendor they worked for). Oldest first.
pub fn roster_outcomes(
    conn: &mut DbConn,
    vendor: &str,
    slice: &str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> QueryResult<Vec<ScoredOutcome>> {
    outcomes::table
        .inner_join(rm::table.on(outcomes::expert_id.eq(rm::expert_id.nullable())))
        .filter(rm::vendor_org_id.eq(vendor))
        .filter(outcomes::occurred_at.ge(rm::joined_at))
        .filter(
            rm::left_at
                .is_null()
                .or(outcomes::occurred_at.lt(rm::left_at.assume_not_null())),
        )
        .filter(outcomes::slice_id.eq(slice))
        .filter(outcomes::event.eq_any(["submitted", "resolved", "gold_checked"]))
        .filter(outcomes::occurred_at.ge(start.naive_utc()))
        .filter(outcomes::occurred_at.lt(end.naive_utc()))
        .order_by(outcomes::id.asc())
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// These experts' own gold and calibration verdicts (`gold_checked`) in the slice before
/// `end`, whichever roster they were on. Oldest first.
pub fn gold_verdicts(
    conn: &mut DbConn,
    slice: &str,
    experts: &[String],
    end: DateTime<Utc>,
) -> QueryResult<Vec<ScoredOutcome>> {
    outcomes::table
        .filter(outcomes::slice_id.eq(slice))
        .filter(outcomes::expert_id.eq_any(experts.iter().map(|i| Some(i.clone()))))
        .filter(outcomes::event.eq("gold_checked"))
        .filter(outcomes::occurred_at.lt(end.naive_utc()))
        .order_by(outcomes::id.asc())
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// The time entries recorded on the vendor's roster in the slice, for the weeks starting
/// from `start` until `end`.
pub fn roster_seconds(
    conn: &mut DbConn,
    vendor: &str,
    slice: &str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> QueryResult<Vec<Seconds>> {
    Ok(time_entries::table
        .filter(time_entries::vendor_org_id.eq(vendor))
        .filter(time_entries::slice_id.eq(slice))
        .filter(time_entries::week_start.ge(start.naive_utc()))
        .filter(time_entries::week_start.lt(end.naive_utc()))
        .select((
            time_entries::expert_id,
            time_entries::week_start,
            time_entries::seconds,
            time_entries::pay_currency,
            time_entries::pay_minor,
        ))
        .load::<(String, NaiveDateTime, i64, Option<String>, Option<i64>)>(conn)?
        .into_iter()
        .map(|(expert, week, seconds, currency, pay)| Seconds {
            expert,
            week: crate::clock::utc(week),
            seconds,
            paid: currency.zip(pay),
        })
        .collect())
}

/// The timesheet lines of the vendor's timesheets in the slice, for the weeks starting
/// from `start` until `end`.
pub fn roster_pay(
    conn: &mut DbConn,
    vendor: &str,
    slice: &str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> QueryResult<Vec<Pay>> {
    Ok(timesheet_lines::table
        .inner_join(timesheets::table.on(timesheets::id.eq(timesheet_lines::timesheet_id)))
        .filter(timesheets::vendor_org_id.eq(vendor))
        .filter(timesheet_lines::slice_id.eq(slice))
        .filter(timesheets::week_start.ge(start.naive_utc()))
        .filter(timesheets::week_start.lt(end.naive_utc()))
        .select((
            timesheets::expert_id,
            timesheets::week_start,
            timesheets::currency,
            timesheet_lines::pay_minor,
        ))
        .load::<(String, NaiveDateTime, String, Option<i64>)>(conn)?
        .into_iter()
        .map(|(expert, week, currency, pay_minor)| Pay {
            expert,
            week: crate::clock::utc(week),
            currency,
            pay_minor,
        })
        .collect())
}

/// Appeals of these experts in the slice waiting for a decision.
pub fn open_appeals(conn: &mut DbConn, slice: &str, experts: &[&str]) -> QueryResult<i64> {
    appeals::table
        .filter(appeals::slice_id.eq(slice))
        .filter(appeals::status.eq("open"))
        .filter(appeals::expert_id.eq_any(experts))
        .count()
        .get_result(conn)
}

/// Open adjudication assignments (offered or accepted) of the slice held by these experts.
pub fn open_adjudications(conn: &mut DbConn, slice: &str, experts: &[String]) -> QueryResult<i64> {
    assignments::table
        .filter(assignments::slice_id.eq(slice))
        .filter(assignments::role.eq("adjudicator"))
        .filter(assignments::status.eq_any(["offered", "accepted"]))
        .filter(assignments::expert_id.eq_any(experts))
        .count()
        .get_result(conn)
}

/// Items of the slice (any lab) waiting for an adjudicator: adjudicating, and no
/// adjudicator has been offered them (or has taken or submitted them).
pub fn items_waiting_adjudication(conn: &mut DbConn, slice: &str) -> QueryResult<i64> {
    items::table
        .filter(items::slice_id.eq(slice))
        .filter(items::status.eq("adjudicating"))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            assignments::table
                .filter(assignments::item_id.eq(items::id.nullable()))
                .filter(assignments::role.eq("adjudicator"))
                .filter(assignments::status.eq_any(["offered", "accepted", "submitted"])),
        )))
        .count()
        .get_result(conn)
}

/// The vendors whose experts did any work on the lab's projects in the slice (the roster
/// each expert was on at the time).
pub fn vendors_working_for(conn: &mut DbConn, lab: &str, slice: &str) -> QueryResult<Vec<String>> {
    outcomes::table
        .inner_join(rm::table.on(outcomes::expert_id.eq(rm::expert_id.nullable())))
        .filter(outcomes::occurred_at.ge(rm::joined_at))
        .filter(
            rm::left_at
                .is_null()
                .or(outcomes::occurred_at.lt(rm::left_at.assume_not_null())),
        )
        .filter(outcomes::org_id.eq(lab))
        .filter(outcomes::slice_id.eq(slice))
        .select(rm::vendor_org_id)
        .distinct()
        .load(conn)
}

/// A gold answer with the roster its expert was on when they gave it.
pub struct VendorGold {
    pub outcome: ScoredOutcome,
    pub vendor: String,
    pub project_id: Option<String>,
    pub active_seconds: i64,
}

/// Annotator and calibration gold checks (`gold_checked`) in the slice from `start` until
/// `end` (only the lab's projects if `lab`), each with the roster its expert was on when
/// they answered. Oldest first.
pub fn vendor_gold(
    conn: &mut DbConn,
    slice: &str,
    lab: Option<&str>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> QueryResult<Vec<VendorGold>> {
    let mut q = outcomes::table
        .inner_join(rm::table.on(outcomes::expert_id.eq(rm::expert_id.nullable())))
        .filter(outcomes::occurred_at.ge(rm::joined_at))
        .filter(
            rm::left_at
                .is_null()
                .or(outcomes::occurred_at.lt(rm::left_at.assume_not_null())),
        )
        .filter(outcomes::slice_id.eq(slice))
        .filter(outcomes::event.eq("gold_checked"))
        .filter(outcomes::role.eq_any(["annotator", "calibration"]))
        .filter(outcomes::occurred_at.ge(start.naive_utc()))
        .filter(outcomes::occurred_at.lt(end.naive_utc()))
        .into_boxed();
    if let Some(l) = lab {
        q = q.filter(outcomes::org_id.eq(l.to_owned()));
    }
    let rows: Vec<(ScoredOutcome, String, Option<String>, i64)> = q
        .order_by(outcomes::id.asc())
        .select((
            ScoredOutcome::as_select(),
            rm::vendor_org_id,
            outcomes::project_id,
            outcomes::active_seconds,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(outcome, vendor, project_id, active_seconds)| VendorGold {
            outcome,
            vendor,
            project_id,
            active_seconds,
        })
        .collect())
}

/// The bill rate (minor units per hour) and currency of these projects, by id.
pub fn bill_rates(
    conn: &mut DbConn,
    projects: impl IntoIterator<Item = String>,
) -> QueryResult<BTreeMap<String, (i64, String)>> {
    let ids: Vec<String> = projects.into_iter().collect();
    Ok(projects::table
        .filter(projects::id.eq_any(ids))
        .select((projects::id, projects::bill_rate_minor, projects::currency))
        .load::<(String, i64, String)>(conn)?
        .into_iter()
        .map(|(id, rate, currency)| (id, (rate, currency)))
        .collect())
}

/// The names of these organizations, by id.
pub fn org_names(conn: &mut DbConn, ids: &[String]) -> QueryResult<BTreeMap<String, String>> {
    Ok(orgs::table
        .filter(orgs::id.eq_any(ids))
        .select((orgs::id, orgs::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}
