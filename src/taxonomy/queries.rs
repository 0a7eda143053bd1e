//! Read-only queries that join other features' tables. Nothing here writes.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::projects;

/// How many projects use the domain (a domain in use cannot be moved or deleted).
pub fn count_projects_in_domain(conn: &mut DbConn, domain: &str) -> QueryResult<i64> {
    projects::table
        .filter(projects::domain_id.eq(domain))
        .count()
        .get_result(conn)
}
