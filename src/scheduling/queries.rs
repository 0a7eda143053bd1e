//! Read-only queries that join other features' tables (reports and cross-feature reads).
//! Nothing here writes; writes go through each table's owner.

use super::store::*;
use crate::db::DbConn;
use crate::db::schema::{expert_schedules, experts, shifts};
use diesel::prelude::*;

pub fn list_shifts(
    conn: &mut DbConn,
    scope: &Scope<'_>,
    f: &ShiftFilter<'_>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ShiftRow>> {
    let mut q = shifts::table.into_boxed();
    if !scope.all {
        let roster = experts::table
            .filter(experts::vendor_id.eq_any(scope.vendors.to_vec()))
            .select(experts::id);
        q = q.filter(
            shifts::expert_id
                .eq(scope.expert.unwrap_or("").to_owned())
                .or(shifts::org_id.eq_any(scope.labs.to_vec()))
                .or(shifts::expert_id.eq_any(roster)),
        );
    }
    if let Some(s) = f.status {
        q = q.filter(shifts::status.eq(s.to_owned()));
    }
    if let Some(e) = f.expert {
        q = q.filter(shifts::expert_id.eq(e.to_owned()));
    }
    if let Some(r) = f.request {
        q = q.filter(shifts::capacity_request_id.eq(r.to_owned()));
    }
    if let Some(t) = f.from {
        q = q.filter(shifts::ends_at.gt(t.naive_utc()));
    }
    if let Some(t) = f.to {
        q = q.filter(shifts::starts_at.lt(t.naive_utc()));
    }
    if let Some(a) = after {
        q = q.filter(shifts::id.gt(a.to_owned()));
    }
    q.order_by(shifts::id.asc())
        .limit(limit)
        .select(ShiftRow::as_select())
        .load(conn)
}

/// Candidate experts for planning in a slice: standings with an allowed status, joined
/// with experts who are approved and have a schedule, best posterior mean first (at most
/// 2000).
pub fn plannable(conn: &mut DbConn, slice: &str, statuses: &[&str]) -> QueryResult<Vec<String>> {
    use crate::db::schema::slice_standings as ss;
    ss::table
        .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
        .inner_join(expert_schedules::table.on(expert_schedules::expert_id.eq(ss::expert_id)))
        .filter(ss::slice_id.eq(slice))
        .filter(ss::status.eq_any(statuses.to_vec()))
        .filter(experts::vetting_status.eq("approved"))
        // Experts on a pending or rejected vendor's roster get no lab work (README
        // "Approved vendors").
        .filter(
            experts::vendor_id.is_null().or(experts::vendor_id.eq_any(
                crate::db::schema::orgs::table
                    .filter(
                        crate::db::schema::orgs::approval_status
                            .eq(crate::auth::OrgApproval::Approved.as_str()),
                    )
                    .select(crate::db::schema::orgs::id.nullable()),
            )),
        )
        .order_by((
            (ss::alpha / (ss::alpha + ss::beta)).desc(),
            ss::expert_id.asc(),
        ))
        .limit(2000)
        .select(ss::expert_id)
        .load(conn)
}
