//! The `audit_events` table (owned by this feature): append-only.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::{Actor, Entry};
use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::audit_events;
use crate::ids::AuditEventId;

pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    entry: &Entry<'_>,
) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(AuditEventId::new(now).into_string()),
            audit_events::at.eq(now.naive_utc()),
            audit_events::actor_type.eq(actor.kind),
            audit_events::actor_id.eq(actor.id.as_deref()),
            audit_events::org_id.eq(entry.org_id),
            audit_events::action.eq(entry.action),
            audit_events::subject_type.eq(entry.subject_type),
            audit_events::subject_id.eq(entry.subject_id),
            audit_events::details.eq(entry.details.to_string()),
            audit_events::request_id.eq(actor.request_id.as_deref()),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: String,
    pub at: chrono::NaiveDateTime,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<String>,
    pub details: String,
    pub request_id: Option<String>,
}

/// What a reader of the log filters by (all optional, combined with AND).
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    pub subject_id: Option<String>,
}

/// One page of the log, oldest first.
pub fn list(conn: &mut DbConn, f: AuditFilter, p: &PageRequest) -> QueryResult<Vec<AuditRow>> {
    let mut query = audit_events::table
        .order_by(audit_events::id.asc())
        .limit(p.limit + 1)
        .select(AuditRow::as_select())
        .into_boxed();
    if let Some(a) = f.action {
        query = query.filter(audit_events::action.eq(a));
    }
    if let Some(a) = f.actor_id {
        query = query.filter(audit_events::actor_id.eq(a));
    }
    if let Some(o) = f.org_id {
        query = query.filter(audit_events::org_id.eq(o));
    }
    if let Some(s) = f.subject_id {
        query = query.filter(audit_events::subject_id.eq(s));
    }
    if let Some(after) = &p.after {
        query = query.filter(audit_events::id.gt(after.clone()));
    }
    query.load(conn)
}

/// Every event about one subject (`timesheet`, `tms_…`), oldest first: a subject's
/// history, which stays short.
pub fn events_of(
    conn: &mut DbConn,
    subject_type: &str,
    subject_id: &str,
) -> QueryResult<Vec<AuditRow>> {
    audit_events::table
        .filter(audit_events::subject_type.eq(subject_type))
        .filter(audit_events::subject_id.eq(subject_id))
        .order_by(audit_events::id.asc())
        .select(AuditRow::as_select())
        .load(conn)
}
