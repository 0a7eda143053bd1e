//! Organisation API keys for labs' pipelines: created with scopes, shown once, stored
//! as a SHA-256 of the secret, listed without it, revocable. A revoked key is rejected
//! on its next use.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::Scope;
use crate::db::DbConn;
use crate::db::schema::api_keys;
use crate::http::pagination::PageRequest;
use crate::ids::ApiKeyId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub prefix: String,
    pub secret_hash: String,
    pub scopes: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoked_by: Option<String>,
}

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
    let id = ApiKeyId::new(now);
    diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(id.as_str()),
            api_keys::org_id.eq(new.org),
            api_keys::name.eq(new.name.trim()),
            api_keys::prefix.eq(new.prefix),
            api_keys::secret_hash.eq(new.secret_hash),
            api_keys::scopes.eq(encode_scopes(new.scopes)),
            api_keys::created_by.eq(new.created_by),
            api_keys::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    api_keys::table
        .find(id.as_str())
        .select(ApiKeyRow::as_select())
        .first(conn)
}

pub fn find_by_secret_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::secret_hash.eq(hash))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .find(id)
        .filter(api_keys::org_id.eq(org))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConn, org: &str, page: &PageRequest) -> QueryResult<Vec<ApiKeyRow>> {
    let mut q = api_keys::table
        .filter(api_keys::org_id.eq(org))
        .order_by(api_keys::id.asc())
        .limit(page.limit + 1)
        .select(ApiKeyRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(api_keys::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn revoke(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        api_keys::table
            .find(id)
            .filter(api_keys::org_id.eq(org))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set((
        api_keys::revoked_at.eq(Some(now.naive_utc())),
        api_keys::revoked_by.eq(Some(by)),
    ))
    .execute(conn)?;
    Ok(n == 1)
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
        diesel::update(api_keys::table.find(id))
            .set(api_keys::last_used_at.eq(Some(now.naive_utc())))
            .execute(conn)?;
    }
    Ok(())
}
