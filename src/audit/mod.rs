//! The audit log: an append-only record of every security-relevant change (logins,
//! registrations, role changes, invitations, API keys, …) with actor, action, subject,
//! time and details. [`record`] is the one way to write it and is called inside the
//! transaction of the change it describes. Nothing updates or deletes audit rows.
//! Details never contain secrets, tokens or passwords.
//!
//! Owns: `audit_events`.

pub mod routes;
mod store;

pub use store::{AuditFilter, AuditRow, events_of, list as list_events};

use chrono::{DateTime, Utc};
use diesel::QueryResult;

use crate::auth::Principal;
use crate::db::DbConn;

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

/// Appends one audit event, in the caller's transaction.
pub fn record(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    entry: Entry<'_>,
) -> QueryResult<()> {
    store::insert(conn, now, actor, &entry)
}
