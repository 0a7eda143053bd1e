//! Queries for users, sessions, refresh tokens, e-mail tokens, API keys and login
//! failures.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{
    api_keys, email_tokens, login_failures, rate_limit_hits, refresh_tokens, sessions, users,
};
use crate::ids::{ApiKeyId, EmailTokenId, LoginFailureId, RefreshTokenId, SessionId, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub email_normalized: String,
    pub password_hash: String,
    pub display_name: String,
    pub is_platform_admin: bool,
    pub is_expert: bool,
    pub email_verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub is_platform_admin: bool,
    pub is_expert: bool,
    pub email_verified: bool,
}

pub fn insert_user(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    new: &NewUser<'_>,
) -> QueryResult<UserId> {
    let id = UserId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(id.as_str()),
            users::email.eq(new.email.trim()),
            users::email_normalized.eq(crate::auth::normalize_email(new.email)),
            users::password_hash.eq(new.password_hash),
            users::display_name.eq(new.display_name.trim()),
            users::is_platform_admin.eq(new.is_platform_admin),
            users::is_expert.eq(new.is_expert),
            users::email_verified_at.eq(new.email_verified.then_some(t)),
            users::created_at.eq(t),
            users::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn email_taken(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    let n: i64 = users::table
        .filter(users::email_normalized.eq(crate::auth::normalize_email(email)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// How many accounts exist (erased ones included).
pub fn count_users(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn find_user(conn: &mut DbConn, id: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_user_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email_normalized.eq(crate::auth::normalize_email(email)))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Makes a user a platform admin with the given password hash (the bootstrap CLI: the
/// operator's password always replaces whatever the account had).
pub fn promote_to_platform_admin(
    conn: &mut DbConn,
    id: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::is_platform_admin.eq(true),
            users::password_hash.eq(password_hash),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)
}

pub fn mark_email_verified(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_verified_at.is_null()),
    )
    .set((
        users::email_verified_at.eq(Some(now.naive_utc())),
        users::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)
}

/// Takes over an unverified account (see `orgs::service::new_account_for`): new password
/// and name, address verified. Conditional on the address still being unverified.
pub fn claim_unverified_user(
    conn: &mut DbConn,
    id: &str,
    password_hash: &str,
    display_name: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        users::table
            .find(id)
            .filter(users::email_verified_at.is_null()),
    )
    .set((
        users::password_hash.eq(password_hash),
        users::display_name.eq(display_name.trim()),
        users::email_verified_at.eq(Some(t)),
        users::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

// ---- sessions and refresh tokens ----

/// Ends every live session of a user; returns how many.
pub fn revoke_user_sessions(
    conn: &mut DbConn,
    user: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now.naive_utc())),
        sessions::revoke_reason.eq(Some(reason)),
    ))
    .execute(conn)
}

/// Ends every live session of a user but `keep`; returns how many.
pub fn revoke_other_sessions(
    conn: &mut DbConn,
    user: &str,
    keep: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now.naive_utc())),
        sessions::revoke_reason.eq(Some(reason)),
    ))
    .execute(conn)
}

pub fn insert_session(conn: &mut DbConn, user: &str, now: DateTime<Utc>) -> QueryResult<SessionId> {
    let id = SessionId::new(now);
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(id.as_str()),
            sessions::user_id.eq(user),
            sessions::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// The user a session belongs to and when it was revoked, if it was.
pub fn session_owner(conn: &mut DbConn, id: &str) -> QueryResult<(String, Option<NaiveDateTime>)> {
    sessions::table
        .find(id)
        .select((sessions::user_id, sessions::revoked_at))
        .first(conn)
}

/// True if the session exists, belongs to `user` and has not been revoked.
pub fn session_is_live(conn: &mut DbConn, id: &str, user: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        sessions::table
            .find(id)
            .filter(sessions::user_id.eq(user))
            .filter(sessions::revoked_at.is_null()),
    ))
    .get_result(conn)
}

/// Revokes a session (the whole refresh-token family). Returns false if already revoked.
pub fn revoke_session(
    conn: &mut DbConn,
    id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Some(now.naive_utc())),
        sessions::revoke_reason.eq(Some(reason)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub id: String,
    pub session_id: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert_refresh_token(
    conn: &mut DbConn,
    session: &str,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(RefreshTokenId::new(now).into_string()),
            refresh_tokens::session_id.eq(session),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::created_at.eq(now.naive_utc()),
            refresh_tokens::expires_at.eq(expires_at.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_refresh_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<RefreshTokenRow>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()
}

/// Marks a refresh token used, once. False if it was already used (a concurrent refresh won).
pub fn consume_refresh_token(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

// ---- e-mail verification tokens ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_tokens)]
pub struct EmailTokenRow {
    pub id: String,
    pub user_id: String,
    pub email: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// What an e-mail token is for (`email_tokens.purpose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms the account's address.
    VerifyEmail,
    /// Sets a new password (sent to the account's address).
    PasswordReset,
    /// Moves the account to the token's address (sent to that new address).
    EmailChange,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::PasswordReset => "password_reset",
            TokenPurpose::EmailChange => "email_change",
        }
    }
}

pub fn insert_email_token(
    conn: &mut DbConn,
    purpose: TokenPurpose,
    user: &str,
    email: &str,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::id.eq(EmailTokenId::new(now).into_string()),
            email_tokens::user_id.eq(user),
            email_tokens::purpose.eq(purpose.as_str()),
            email_tokens::email.eq(email),
            email_tokens::token_hash.eq(token_hash),
            email_tokens::created_at.eq(now.naive_utc()),
            email_tokens::expires_at.eq(expires_at.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The token with this hash, if it was issued for `purpose` (a reset token never verifies
/// an address, and so on).
pub fn find_email_token(
    conn: &mut DbConn,
    purpose: TokenPurpose,
    token_hash: &str,
) -> QueryResult<Option<EmailTokenRow>> {
    email_tokens::table
        .filter(email_tokens::token_hash.eq(token_hash))
        .filter(email_tokens::purpose.eq(purpose.as_str()))
        .select(EmailTokenRow::as_select())
        .first(conn)
        .optional()
}

pub fn consume_email_token(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        email_tokens::table
            .find(id)
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

/// Spends every unused token of the user for `purpose` (after a reset or a change, the
/// other links of the same kind stop working).
pub fn retire_email_tokens(
    conn: &mut DbConn,
    user: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user))
            .filter(email_tokens::purpose.eq(purpose.as_str()))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Some(now.naive_utc())))
    .execute(conn)
}

/// Sets a new password hash.
pub fn set_password(
    conn: &mut DbConn,
    id: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)
}

/// Moves the account to a new address, verified by the token that brought the change.
pub fn set_email(
    conn: &mut DbConn,
    id: &str,
    email: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    let t = now.naive_utc();
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(email.trim()),
            users::email_normalized.eq(crate::auth::normalize_email(email)),
            users::email_verified_at.eq(Some(t)),
            users::updated_at.eq(t),
        ))
        .execute(conn)
}

/// The password hash of an erased account (matches no password).
pub const ERASED_PASSWORD: &str = "!erased";

/// The account's e-mail address as typed and normalised.
pub fn emails_of(conn: &mut DbConn, user: &str) -> QueryResult<(String, String)> {
    users::table
        .find(user)
        .select((users::email, users::email_normalized))
        .first(conn)
}

/// Erases the account: no e-mail, no password, no pending e-mail tokens (sessions are
/// revoked separately, with their reason).
pub fn erase_user(conn: &mut DbConn, user: &str, now: DateTime<Utc>) -> QueryResult<()> {
    let placeholder = format!("deleted-{user}@erased.invalid");
    diesel::update(users::table.find(user))
        .set((
            users::email.eq(&placeholder),
            users::email_normalized.eq(&placeholder),
            users::display_name.eq("[deleted]"),
            users::password_hash.eq(ERASED_PASSWORD),
            users::email_verified_at.eq(None::<NaiveDateTime>),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(user))).execute(conn)?;
    Ok(())
}

// ---- API keys ----

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

/// An API key row to insert; `scopes` is already encoded (space-separated).
pub struct NewApiKeyRow<'a> {
    pub org: &'a str,
    pub name: &'a str,
    pub prefix: &'a str,
    pub secret_hash: &'a str,
    pub scopes: &'a str,
    pub created_by: &'a str,
}

pub fn insert_api_key(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    new: &NewApiKeyRow<'_>,
) -> QueryResult<ApiKeyRow> {
    let id = ApiKeyId::new(now);
    diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(id.as_str()),
            api_keys::org_id.eq(new.org),
            api_keys::name.eq(new.name),
            api_keys::prefix.eq(new.prefix),
            api_keys::secret_hash.eq(new.secret_hash),
            api_keys::scopes.eq(new.scopes),
            api_keys::created_by.eq(new.created_by),
            api_keys::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    api_keys::table
        .find(id.as_str())
        .select(ApiKeyRow::as_select())
        .first(conn)
}

pub fn find_api_key_by_secret_hash(
    conn: &mut DbConn,
    hash: &str,
) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::secret_hash.eq(hash))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_api_key(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .find(id)
        .filter(api_keys::org_id.eq(org))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_api_keys(
    conn: &mut DbConn,
    org: &str,
    page: &PageRequest,
) -> QueryResult<Vec<ApiKeyRow>> {
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

/// Revokes the org's key unless already revoked. Returns false if nothing changed.
pub fn revoke_api_key(
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

/// Revokes the organisation's live keys that `creator` created; returns (id, name) of each.
pub fn revoke_api_keys_created_by(
    conn: &mut DbConn,
    org: &str,
    creator: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<Vec<(String, String)>> {
    let live: Vec<(String, String)> = api_keys::table
        .filter(api_keys::org_id.eq(org))
        .filter(api_keys::created_by.eq(creator))
        .filter(api_keys::revoked_at.is_null())
        .select((api_keys::id, api_keys::name))
        .order(api_keys::id.asc())
        .load(conn)?;
    if live.is_empty() {
        return Ok(live);
    }
    let ids: Vec<&str> = live.iter().map(|(id, _)| id.as_str()).collect();
    diesel::update(
        api_keys::table
            .filter(api_keys::id.eq_any(&ids))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set((
        api_keys::revoked_at.eq(Some(now.naive_utc())),
        api_keys::revoked_by.eq(Some(by)),
    ))
    .execute(conn)?;
    Ok(live)
}

pub fn set_api_key_last_used(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(api_keys::table.find(id))
        .set(api_keys::last_used_at.eq(Some(now.naive_utc())))
        .execute(conn)?;
    Ok(())
}

// ---- Login failures ----

/// The times of the newest `limit` failures of a key after `since`, newest first.
pub fn recent_login_failures(
    conn: &mut DbConn,
    key_kind: &str,
    key_hash: &str,
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<NaiveDateTime>> {
    login_failures::table
        .filter(login_failures::key_kind.eq(key_kind))
        .filter(login_failures::key_hash.eq(key_hash))
        .filter(login_failures::at.gt(since))
        .order_by(login_failures::at.desc())
        .limit(limit)
        .select(login_failures::at)
        .load(conn)
}

/// Records one failed login of a key and returns its id.
pub fn insert_login_failure(
    conn: &mut DbConn,
    key_kind: &str,
    key_hash: &str,
    now: DateTime<Utc>,
) -> QueryResult<String> {
    let id = LoginFailureId::new(now).into_string();
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(&id),
            login_failures::key_kind.eq(key_kind),
            login_failures::key_hash.eq(key_hash),
            login_failures::at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn delete_login_failures_by_id(conn: &mut DbConn, ids: &[String]) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

/// Deletes every failure of a key.
pub fn delete_login_failures_of_key(
    conn: &mut DbConn,
    key_kind: &str,
    key_hash: &str,
) -> QueryResult<()> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::key_kind.eq(key_kind))
            .filter(login_failures::key_hash.eq(key_hash)),
    )
    .execute(conn)?;
    Ok(())
}

/// Prunes failures recorded at or before `cutoff`.
pub fn delete_login_failures_before(conn: &mut DbConn, cutoff: NaiveDateTime) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::at.le(cutoff))).execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Rate limits (`rate_limit_hits`)

/// The times of a key's most recent hits in a bucket since `since`, newest first (at most `max`).
pub fn recent_rate_hits(
    conn: &mut DbConn,
    bucket: &str,
    key_hash: &str,
    since: NaiveDateTime,
    max: i64,
) -> QueryResult<Vec<NaiveDateTime>> {
    rate_limit_hits::table
        .filter(rate_limit_hits::bucket.eq(bucket))
        .filter(rate_limit_hits::key_hash.eq(key_hash))
        .filter(rate_limit_hits::at.gt(since))
        .order_by(rate_limit_hits::at.desc())
        .limit(max)
        .select(rate_limit_hits::at)
        .load(conn)
}

pub fn insert_rate_hit(
    conn: &mut DbConn,
    bucket: &str,
    key_hash: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(rate_limit_hits::table)
        .values((
            rate_limit_hits::id.eq(crate::ids::new_body(now)),
            rate_limit_hits::bucket.eq(bucket),
            rate_limit_hits::key_hash.eq(key_hash),
            rate_limit_hits::at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets a bucket's hits older than its window.
pub fn prune_rate_hits(
    conn: &mut DbConn,
    bucket: &str,
    before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        rate_limit_hits::table
            .filter(rate_limit_hits::bucket.eq(bucket))
            .filter(rate_limit_hits::at.le(before)),
    )
    .execute(conn)
}
