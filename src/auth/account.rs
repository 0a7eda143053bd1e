//! Account flows, independent of HTTP: password reset (request + confirm), password
//! change and e-mail change with verification. The API (`auth::routes`) and the pages
//! (`web::account`) both call these functions; neither holds a rule of its own.
//!
//! - **Reset tokens** are `email_tokens` rows of purpose `password_reset`: 256-bit random,
//!   stored as a SHA-256, single-use, expiring after `auth.password_reset_ttl_secs`. A
//!   request answers the same whether or not an account has the address, after the same
//!   work (rate-limit rows written and committed either way, no password hashing either
//!   way); only an existing account gets a token and an e-mail. A completed reset
//!   revokes every session of the account, spends its other reset links, confirms the
//!   address (the link proved the mailbox), clears the login back-off of the account from
//!   the client that reset it, and e-mails a notice.
//! - **Password change** needs the current password; every other session is revoked.
//! - **E-mail change** needs the password; a single-use link goes to the NEW address and
//!   the change happens only when it is confirmed; the OLD address gets a notice then.
//!   An address that belongs to another account gets the same 202 (no enumeration): no
//!   token is made, and that address's owner is told someone tried. Sessions stay.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::ratelimit::{self, KeyKind, Limit};
use super::store::{self, TokenPurpose};
use super::{UserPrincipal, normalize_email, password, password_policy, tokens};
use crate::audit::{self, Actor, Entry};
use crate::error::{AppError, AppResult};
use crate::ids::UserId;
use crate::mail::{self, templates};
use crate::state::AppState;

/// Password checks (password change, e-mail change) per account per hour: a stolen
/// session cannot guess the password faster than this.
pub const PASSWORD_CHECKS_PER_HOUR: i64 = 10;

fn password_checks() -> Limit {
    Limit {
        bucket: "password_check_account",
        max: PASSWORD_CHECKS_PER_HOUR,
        window_secs: 3600,
        what: "password checks for this account",
    }
}

/// What a reset or change link's token resolves to.
struct LiveToken {
    row: store::EmailTokenRow,
    user: store::UserRow,
}

/// Finds an unspent, unexpired token of `purpose` and its account, or the refusal that
/// names what is wrong with it (400 unknown, 409 spent, 410 expired).
fn live_token(
    conn: &mut crate::db::DbConn,
    purpose: TokenPurpose,
    hash: &str,
    now: DateTime<Utc>,
) -> AppResult<LiveToken> {
    let what = match purpose {
        TokenPurpose::PasswordReset => "password-reset",
        TokenPurpose::EmailChange => "e-mail change",
        TokenPurpose::VerifyEmail => "e-mail verification",
    };
    let row = store::find_email_token(conn, purpose, hash)?
        .ok_or_else(|| AppError::bad_parameter("token", format!("is not a valid {what} token")))?;
    if row.used_at.is_some() {
        return Err(AppError::conflict(format!(
            "this {what} link was already used; a link works once"
        )));
    }
    if crate::clock::utc(row.expires_at) <= now {
        return Err(AppError::gone(format!(
            "this {what} link has expired; ask for a new one"
        )));
    }
    let user = store::find_user(conn, &row.user_id)?
        .filter(|u| u.password_hash != store::ERASED_PASSWORD)
        .ok_or_else(|| AppError::gone("the account no longer exists"))?;
    Ok(LiveToken { row, user })
}

// ---------------------------------------------------------------- password reset

/// Requests a reset link for `email`. Always `Ok(())` (the caller answers 202) unless a
/// rate limit refuses: per client IP, and per address whether or not it has an account.
pub async fn request_password_reset(
    state: &AppState,
    email: String,
    client_ip: String,
    request_id: Option<String>,
) -> AppResult<()> {
    let now = state.now();
    let auth = &state.settings.auth;
    let per_ip = Limit {
        bucket: "password_reset_ip",
        max: auth.password_resets_per_ip_per_hour,
        window_secs: 3600,
        what: "password-reset requests from this address",
    };
    let per_address = Limit {
        bucket: "password_reset_address",
        max: auth.password_resets_per_address_per_hour,
        window_secs: 3600,
        what: "password-reset requests for this e-mail address",
    };
    let ttl = auth.password_reset_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    // Made for every request, so an unknown address costs the same.
    let token = tokens::random_secret();
    let hash = tokens::hash_secret(&token);
    state
        .db
        .write_once(move |conn| {
            ratelimit::hit(conn, &per_ip, &client_ip, now)?;
            ratelimit::hit(conn, &per_address, &normalize_email(&email), now)?;
            let Some(user) = store::find_user_by_email(conn, &email)?
                .filter(|u| u.password_hash != store::ERASED_PASSWORD)
            else {
                return Ok(());
            };
            store::insert_email_token(
                conn,
                TokenPurpose::PasswordReset,
                &user.id,
                &user.email,
                &hash,
                now,
                now + Duration::seconds(ttl),
            )?;
            let link =
                crate::state::public_link(&public_url, &format!("/password-reset?token={token}"));
            mail::enqueue(
                conn,
                now,
                &templates::password_reset(
                    &user.email,
                    &user.display_name,
                    &link,
                    &token,
                    (ttl / 60).max(1),
                ),
            )?;
            audit::record(
                conn,
                now,
                &Actor::anonymous(request_id),
                Entry {
                    action: "auth.password_reset_requested",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&user.id),
                    details: json!({}),
                },
            )?;
            Ok(())
        })
        .await
}

/// Sets a new password with a reset token. See the module documentation for what else
/// a completed reset does.
pub async fn reset_password(
    state: &AppState,
    token: String,
    new_password: String,
    client_ip: String,
    request_id: Option<String>,
) -> AppResult<()> {
    let hash = tokens::hash_secret(&token);
    let now = state.now();
    let h = hash.clone();
    let user = state
        .db
        .read(move |conn| live_token(conn, TokenPurpose::PasswordReset, &h, now))
        .await?
        .user;
    if let Err(why) = password_policy::check(&new_password, &user.email) {
        return Err(AppError::invalid_field("new_password", why));
    }
    let password_hash = super::service::hash_password(new_password).await?;
    let window = Duration::seconds(state.settings.auth.login_window_secs);
    let now = state.now();
    state
        .db
        .write_once(move |conn| {
            let LiveToken { row, user } = live_token(conn, TokenPurpose::PasswordReset, &hash, now)?;
            if normalize_email(&row.email) != user.email_normalized {
                return Err(AppError::conflict(
                    "the account's e-mail address changed since this link was sent; ask for a new one",
                ));
            }
            if !store::consume_email_token(conn, &row.id, now)? {
                return Err(AppError::conflict(
                    "this password-reset link was already used; a link works once",
                ));
            }
            store::set_password(conn, &user.id, &password_hash, now)?;
            store::retire_email_tokens(conn, &user.id, TokenPurpose::PasswordReset, now)?;
            // The link reached the mailbox: the address is confirmed.
            store::mark_email_verified(conn, &user.id, now)?;
            let revoked = store::revoke_user_sessions(conn, &user.id, "password_reset", now)?;
            ratelimit::clear(
                conn,
                KeyKind::Account,
                &ratelimit::login_account_key(&user.email, &client_ip),
                window,
                now,
            )?;
            audit::record(
                conn,
                now,
                &Actor::user(&UserId::from_db(user.id.clone()), request_id),
                Entry {
                    action: "auth.password_reset",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&user.id),
                    details: json!({ "sessions_revoked": revoked }),
                },
            )?;
            mail::enqueue(
                conn,
                now,
                &templates::password_changed(&user.email, &user.display_name, "reset"),
            )?;
            Ok(())
        })
        .await
}

// ---------------------------------------------------------------- password change

/// Checks the account's password (counted against [`PASSWORD_CHECKS_PER_HOUR`]); 403 if
/// it does not match. Returns the account.
async fn check_password(
    state: &AppState,
    user: &UserPrincipal,
    attempt: String,
    refusal: &'static str,
) -> AppResult<store::UserRow> {
    let now = state.now();
    let id = user.user_id.clone();
    let row = state
        .db
        .write(move |conn| -> AppResult<_> {
            ratelimit::hit(conn, &password_checks(), id.as_str(), now)?;
            store::find_user(conn, id.as_str())?
                .ok_or_else(|| AppError::unauthorized("the account no longer exists"))
        })
        .await?;
    let ok = password::verify_async(attempt, Some(row.password_hash.clone()))
        .await
        .map_err(AppError::internal)?;
    if !ok {
        return Err(AppError::forbidden(refusal));
    }
    Ok(row)
}

/// Changes the caller's password; every other session of the account is revoked and the
/// address gets a notice. Returns how many sessions were revoked.
pub async fn change_password(
    state: &AppState,
    user: &UserPrincipal,
    current_password: String,
    new_password: String,
) -> AppResult<usize> {
    if let Err(why) = password_policy::check(&new_password, &user.email) {
        return Err(AppError::invalid_field("new_password", why));
    }
    if new_password == current_password {
        return Err(AppError::invalid_field(
            "new_password",
            "must differ from the current password",
        ));
    }
    let row = check_password(
        state,
        user,
        current_password,
        "the current password does not match; the password was not changed",
    )
    .await?;
    let password_hash = super::service::hash_password(new_password).await?;
    let now = state.now();
    let session = user.session_id.clone();
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    state
        .db
        .write_once(move |conn| {
            store::set_password(conn, &row.id, &password_hash, now)?;
            // A reset link asked for earlier would undo the change: spent.
            store::retire_email_tokens(conn, &row.id, TokenPurpose::PasswordReset, now)?;
            let revoked = store::revoke_other_sessions(
                conn,
                &row.id,
                session.as_str(),
                "password_changed",
                now,
            )?;
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "auth.password_changed",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&row.id),
                    details: json!({ "other_sessions_revoked": revoked }),
                },
            )?;
            mail::enqueue(
                conn,
                now,
                &templates::password_changed(&row.email, &row.display_name, "changed"),
            )?;
            Ok(revoked)
        })
        .await
}

// ---------------------------------------------------------------- e-mail change

/// Asks to move the caller's account to `new_email`. Answers the same whether or not the
/// address is free (see the module documentation).
pub async fn request_email_change(
    state: &AppState,
    user: &UserPrincipal,
    new_email: String,
    current_password: String,
) -> AppResult<()> {
    let new_email = new_email.trim().to_owned();
    if normalize_email(&new_email) == normalize_email(&user.email) {
        return Err(AppError::invalid_field(
            "new_email",
            "is already the account's address",
        ));
    }
    let row = check_password(
        state,
        user,
        current_password,
        "the password does not match; the e-mail address was not changed",
    )
    .await?;
    let now = state.now();
    let ttl = state.settings.auth.email_verification_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    let token = tokens::random_secret();
    let hash = tokens::hash_secret(&token);
    state
        .db
        .write_once(move |conn| {
            let taken = store::email_taken(conn, &new_email)?;
            // Only the newest link works.
            store::retire_email_tokens(conn, &row.id, TokenPurpose::EmailChange, now)?;
            if taken {
                mail::enqueue(
                    conn,
                    now,
                    &templates::email_change_address_taken(&new_email),
                )?;
            } else {
                store::insert_email_token(
                    conn,
                    TokenPurpose::EmailChange,
                    &row.id,
                    &new_email,
                    &hash,
                    now,
                    now + Duration::seconds(ttl),
                )?;
                let link =
                    crate::state::public_link(&public_url, &format!("/email-change?token={token}"));
                mail::enqueue(
                    conn,
                    now,
                    &templates::email_change_verify(
                        &new_email,
                        &row.display_name,
                        &link,
                        &token,
                        (ttl / 3600).max(1),
                    ),
                )?;
            }
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "auth.email_change_requested",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&row.id),
                    details: json!({ "address_taken": taken }),
                },
            )?;
            Ok(())
        })
        .await
}

/// Confirms an e-mail change with the token sent to the new address: the account moves
/// to it (verified), the old address gets a notice. Sessions stay.
pub async fn confirm_email_change(
    state: &AppState,
    token: String,
    request_id: Option<String>,
) -> AppResult<store::UserRow> {
    let hash = tokens::hash_secret(&token);
    let now = state.now();
    state
        .db
        .write_once(move |conn| {
            let LiveToken { row, user } = live_token(conn, TokenPurpose::EmailChange, &hash, now)?;
            if store::find_user_by_email(conn, &row.email)?.is_some_and(|u| u.id != user.id) {
                return Err(AppError::conflict(
                    "this address now belongs to another account; the e-mail address was not changed",
                ));
            }
            if !store::consume_email_token(conn, &row.id, now)? {
                return Err(AppError::conflict(
                    "this e-mail change link was already used; a link works once",
                ));
            }
            store::set_email(conn, &user.id, &row.email, now)
                .map_err(super::service::email_conflict)?;
            for purpose in [
                TokenPurpose::EmailChange,
                TokenPurpose::VerifyEmail,
                TokenPurpose::PasswordReset,
            ] {
                store::retire_email_tokens(conn, &user.id, purpose, now)?;
            }
            audit::record(
                conn,
                now,
                &Actor::user(&UserId::from_db(user.id.clone()), request_id),
                Entry {
                    action: "auth.email_changed",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&user.id),
                    details: json!({}),
                },
            )?;
            mail::enqueue(
                conn,
                now,
                &templates::email_changed(&user.email, &user.display_name, row.email.trim()),
            )?;
            Ok(store::find_user(conn, &user.id)?.unwrap_or(user))
        })
        .await
}
