//! Read-only queries that join other features' tables (reports and cross-feature reads).
//! Nothing here writes; writes go through each table's owner.

use super::store::*;
use crate::db::DbConn;
use crate::db::schema::{appeals, experts};
use diesel::prelude::*;

pub fn list(
    conn: &mut DbConn,
    scope: &Scope<'_>,
    status: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<AppealRow>> {
    let mut q = appeals::table.into_boxed();
    if !scope.all {
        let roster = experts::table
            .filter(experts::vendor_id.eq_any(scope.orgs.to_vec()))
            .select(experts::id);
        let mine = scope.expert.unwrap_or("");
        q = q.filter(
            appeals::expert_id
                .eq(mine.to_owned())
                .or(appeals::decider_org_id.eq_any(scope.orgs.to_vec()))
                .or(appeals::expert_id.eq_any(roster)),
        );
    }
    if let Some(s) = status {
        q = q.filter(appeals::status.eq(s.to_owned()));
    }
    if let Some(a) = after {
        q = q.filter(appeals::id.gt(a.to_owned()));
    }
    q.order_by(appeals::id.asc())
        .limit(limit)
        .select(AppealRow::as_select())
        .load(conn)
}
