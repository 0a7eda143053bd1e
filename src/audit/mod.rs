//! The audit log: an append-only record of every security-relevant change (logins,
//! registrations, role changes, invitations, API keys, …) with actor, action, subject,
//! time and details. [`record`] is the one way to write it and is called inside the
//! transaction of the change it describes. Nothing updates or deletes audit rows.
//! Details never contain secrets, tokens or passwords.

pub mod routes;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Principal;
use crate::db::DbConn;
use crate::db::schema::audit_events;
use crate::ids::AuditEventId;

/// Who did it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub kind: &'static str,
    pub id: Option<String>,
    pub request_id: Option<String>,
}

impl Actor {
    pub fn system() -> Self {
        Self {
            kind: "system",
            id: None,
            request_id: None,
        }
    }

    pub fn anonymous(request_id: Option<String>) -> Self {
        Self {
            kind: "anonymous",
            id: None,
            request_id,
        }
    }

    pub fn user(id: &crate::ids::UserId, request_id: Option<String>) -> Self {
        Self {
            kind: "user",
            id: Some(id.to_string()),
            request_id,
        }
    }

    pub fn of(principal: &Principal) -> Self {
        match principal {
            Principal::User(u) => Self {
                kind: "user",
                id: Some(u.user_id.to_string()),
                request_id: u.request_id.clone(),
            },
            Principal::ApiKey(k) => Self {
                kind: "api_key",
                id: Some(k.key_id.to_string()),
                request_id: k.request_id.clone(),
            },
        }
    }
}

/// One audited change.
pub struct Entry<'a> {
    pub action: &'a str,
    pub org_id: Option<&'a str>,
    pub subject_type: &'a str,
    pub subject_id: Option<&'a str>,
    pub details: serde_json::Value,
}

pub fn record(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    entry: Entry<'_>,
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
    pub at: NaiveDateTime,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<String>,
    pub details: String,
    pub request_id: Option<String>,
}

/// An audit event as platform admins read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: crate::ids::AuditEventId,
    pub at: DateTime<Utc>,
    /// `user`, `api_key`, `system` or `anonymous`.
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    /// Dotted action name, e.g. `auth.login`, `org.member_role_changed`, `api_key.revoked`.
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<String>,
    pub details: serde_json::Value,
    pub request_id: Option<String>,
}

impl From<AuditRow> for AuditEventView {
    fn from(r: AuditRow) -> Self {
        Self {
            id: crate::ids::AuditEventId::from_db(r.id),
            at: crate::clock::utc(r.at),
            actor_type: r.actor_type,
            actor_id: r.actor_id,
            org_id: r.org_id,
            action: r.action,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            details: serde_json::from_str(&r.details).unwrap_or(serde_json::Value::Null),
            request_id: r.request_id,
        }
    }
}
