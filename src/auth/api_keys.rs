//! Organisation API keys for labs' pipelines: created with scopes, shown once, stored
//! as a SHA-256 of the secret, listed without it, revocable. A revoked key is rejected
//! on its next use.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::QueryResult;

use super::Scope;
use super::store::{self, NewApiKeyRow};
use crate::db::DbConn;
use crate::db::PageRequest;

pub use super::store::ApiKeyRow;

impl ApiKeyRow {
    /// Scopes are stored space-separated; unknown ones (from a newer version) are ignored.
    pub fn scopes(&self) -> Vec<Scope> {
        self.scopes
            .split_whitespace()
            .filter_map(Scope::parse)
            .collect()
    }
}

pub fn encode_scopes(scopes: &[Scope]) -> String {
    let mut s: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    s.sort_unstable();
    s.dedup();
    s.join(" ")
}

pub struct NewApiKey<'a> {
    pub org: &'a str,
    pub name: &'a str,
    pub prefix: &'a str,
    pub secret_hash: &'a str,
    pub scopes: &'a [Scope],
    pub created_by: &'a str,
}

pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    new: &NewApiKey<'_>,
) -> QueryResult<ApiKeyRow> {
    let scopes = encode_scopes(new.scopes);
    store::insert_api_key(
        conn,
        now,
        &NewApiKeyRow {
            org: new.org,
            name: new.name.trim(),
            prefix: new.prefix,
            secret_hash: new.secret_hash,
            scopes: &scopes,
            created_by: new.created_by,
        },
    )
}

pub fn find_by_secret_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<ApiKeyRow>> {
    store::find_api_key_by_secret_hash(conn, hash)
}

pub fn find(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    store::find_api_key(conn, org, id)
}

pub fn list(conn: &mut DbConn, org: &str, page: &PageRequest) -> QueryResult<Vec<ApiKeyRow>> {
    store::list_api_keys(conn, org, page)
}

pub fn revoke(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    store::revoke_api_key(conn, org, id, by, now)
}

/// Revokes the live keys `creator` created in `org` (they were an administrator then and
/// are no longer one): a key never keeps more authority than the person who made it.
/// Returns (id, name) of each key revoked.
pub fn revoke_created_by(
    conn: &mut DbConn,
    org: &str,
    creator: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<Vec<(String, String)>> {
    store::revoke_api_keys_created_by(conn, org, creator, by, now)
}

/// Records use at most once a minute per key, so authentication is not a write per request.
pub fn touch(
    conn: &mut DbConn,
    id: &str,
    last_used: Option<NaiveDateTime>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let stale =
        last_used.is_none_or(|t| crate::clock::utc(t) + chrono::Duration::seconds(60) <= now);
    if stale {
        store::set_api_key_last_used(conn, id, now)?;
    }
    Ok(())
}
