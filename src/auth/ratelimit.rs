//! Login throttling and the limits on other abusable actions, stored in the database so
//! they hold across API nodes.
//!
//! Each failed login records one row per key (the account's normalised e-mail and the
//! client IP, both SHA-256-hashed: no personal data at rest). A login is refused with
//! 429 while a key has `max` failures inside the sliding window; the `Retry-After` is
//! the time until the oldest of them leaves the window. The account key is the
//! submitted e-mail whether or not an account exists, so throttling reveals nothing.

use chrono::{DateTime, Duration, Utc};
use diesel::QueryResult;

use super::store;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Account,
    Ip,
}

impl KeyKind {
    fn as_str(self) -> &'static str {
        match self {
            KeyKind::Account => "account",
            KeyKind::Ip => "ip",
        }
    }
}

pub fn key_hash(value: &str) -> String {
    crate::auth::tokens::hash_secret(&format!("login-throttle:{value}"))
}

/// The login back-off key of an account as seen from one client: per account *and* IP,
/// so nobody elsewhere can lock the owner out.
pub fn login_account_key(email: &str, client_ip: &str) -> String {
    key_hash(&format!("{}|{client_ip}", super::normalize_email(email)))
}

/// Seconds to wait if `key` is over its limit, else `None`.
pub fn blocked_for(
    conn: &mut DbConn,
    kind: KeyKind,
    key: &str,
    max: i64,
    window: Duration,
    now: DateTime<Utc>,
) -> QueryResult<Option<i64>> {
    let since = (now - window).naive_utc();
    let recent = store::recent_login_failures(conn, kind.as_str(), key, since, max)?;
    if (recent.len() as i64) < max {
        return Ok(None);
    }
    let oldest_counted = recent.last().copied().unwrap_or(since);
    let until = crate::clock::utc(oldest_counted) + window;
    Ok(Some((until - now).num_seconds().max(1)))
}

/// Records one failure and returns its id. Logins record a failure *before* checking the
/// password and forget it on success, so parallel guesses all count against the limit.
pub fn record_failure(
    conn: &mut DbConn,
    kind: KeyKind,
    key: &str,
    now: DateTime<Utc>,
) -> QueryResult<String> {
    store::insert_login_failure(conn, kind.as_str(), key, now)
}

/// Removes provisionally recorded failures (the login succeeded).
pub fn forget(conn: &mut DbConn, ids: &[String]) -> QueryResult<()> {
    store::delete_login_failures_by_id(conn, ids)
}

/// Forgets a key's failures (after a successful login) and prunes rows older than the window.
pub fn clear(
    conn: &mut DbConn,
    kind: KeyKind,
    key: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    store::delete_login_failures_of_key(conn, kind.as_str(), key)?;
    store::delete_login_failures_before(conn, (now - window).naive_utc())
}

/// An action limited per key (a client IP, an address, an endpoint) over a sliding window,
/// counted in the database so the limit holds across API nodes.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What is limited (`register_ip`, `verify_resend_account`, …).
    pub bucket: &'static str,
    pub max: i64,
    pub window_secs: i64,
    /// Said in the 429's detail: "too many {what}; wait before trying again".
    pub what: &'static str,
}

/// Counts one attempt of `limit` for `key`, or refuses it (429 with `Retry-After`: the
/// time until the oldest counted attempt leaves the window) when the key already made
/// `max` attempts inside the window. A refused attempt is not counted, so waiting works.
/// The key is hashed: no address or IP is stored in clear.
pub fn hit(conn: &mut DbConn, limit: &Limit, key: &str, now: DateTime<Utc>) -> AppResult<()> {
    let window = Duration::seconds(limit.window_secs.max(1));
    let since = (now - window).naive_utc();
    let key = crate::auth::tokens::hash_secret(&format!("rate:{}:{key}", limit.bucket));
    let recent = store::recent_rate_hits(conn, limit.bucket, &key, since, limit.max.max(1))?;
    if recent.len() as i64 >= limit.max.max(1) {
        let oldest = recent.last().copied().unwrap_or(since);
        let wait = (crate::clock::utc(oldest) + window - now)
            .num_seconds()
            .max(1);
        return Err(AppError::too_many_requests(
            format!("too many {}; wait before trying again", limit.what),
            wait as u64,
        ));
    }
    store::prune_rate_hits(conn, limit.bucket, since)?;
    store::insert_rate_hit(conn, limit.bucket, &key, now)?;
    Ok(())
}
