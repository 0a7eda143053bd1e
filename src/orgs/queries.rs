//! Read-only queries that join other features' tables (reports and cross-feature reads).
//! Nothing here writes; writes go through each table's owner.

use super::store::*;
use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{memberships, users};
use diesel::prelude::*;

/// One page of an organisation's members with their user rows.
pub fn list_members(
    conn: &mut DbConn,
    org: &str,
    page: &PageRequest,
) -> QueryResult<Vec<MemberRow>> {
    let mut q = memberships::table
        .inner_join(users::table)
        .filter(memberships::org_id.eq(org))
        .order_by(memberships::id.asc())
        .limit(page.limit + 1)
        .select((
            MembershipRow::as_select(),
            users::email,
            users::display_name,
            users::email_verified_at,
        ))
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(memberships::id.gt(after.clone()));
    }
    q.load(conn)
}
