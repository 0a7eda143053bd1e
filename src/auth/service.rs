//! The identity flows, independent of HTTP: registration, login with throttling,
//! refresh-token rotation with reuse detection, logout and e-mail verification.
//! Every flow that changes state runs in one write transaction, audits itself and
//! enqueues its e-mail in that same transaction.

use chrono::{DateTime, Duration, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde_json::json;

use super::ratelimit::{self, KeyKind};
use super::{OrgKind, password, store, tokens};
use crate::audit::{self, Actor, Entry};
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{OrgId, SessionId, UserId};
use crate::mail::{self, templates};
use crate::state::AppState;

/// Maps a unique-violation on the users' e-mail to a 409 naming the field.
pub fn email_conflict(e: DieselError) -> AppError {
    match e {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => email_taken(),
        other => other.into(),
    }
}

pub fn email_taken() -> AppError {
    AppError::conflict("an account with this e-mail address already exists")
        .with_errors(vec![FieldError::new("email", "is already registered")])
}

/// Creates a verification token for `user` and enqueues the e-mail (inside the caller's tx).
pub fn send_verification(
    conn: &mut crate::db::DbConn,
    public_url: &str,
    ttl_secs: i64,
    user: &str,
    email: &str,
    display_name: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let token = tokens::random_secret();
    store::insert_email_token(
        conn,
        store::TokenPurpose::VerifyEmail,
        user,
        email,
        &tokens::hash_secret(&token),
        now,
        now + Duration::seconds(ttl_secs),
    )?;
    let link = crate::state::public_link(public_url, &format!("/verify-email?token={token}"));
    mail::enqueue(
        conn,
        now,
        &templates::verify_email(email, display_name, &link, &token, ttl_secs / 3600),
    )?;
    Ok(())
}

/// What kind of account a registration opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    /// A specialist who applies for expert work.
    Expert,
    /// An AI lab; the registrant founds the organisation and becomes its lab admin.
    Lab,
    /// A vendor running a roster of experts; the registrant founds the organisation and
    /// becomes its vendor admin.
    Vendor,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Expert => "expert",
            AccountKind::Lab => "lab",
            AccountKind::Vendor => "vendor",
        }
    }

    /// The kind of organisation the registration founds, if any.
    pub fn org_kind(self) -> Option<OrgKind> {
        match self {
            AccountKind::Expert => None,
            AccountKind::Lab => Some(OrgKind::Lab),
            AccountKind::Vendor => Some(OrgKind::Vendor),
        }
    }
}

pub struct Registration {
    pub account_type: AccountKind,
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub organization_name: Option<String>,
    /// The client's IP (registrations are limited per IP).
    pub client_ip: String,
}

pub struct Registered {
    pub user: store::UserRow,
    pub org: Option<crate::orgs::OrgRow>,
}

pub async fn register(
    state: &AppState,
    reg: Registration,
    request_id: Option<String>,
) -> AppResult<Registered> {
    let now = state.now();
    // Counted before the (deliberately slow) password hash, so a flood costs us little.
    let limit = ratelimit::Limit {
        bucket: "register_ip",
        max: state.settings.auth.registrations_per_ip_per_hour,
        window_secs: 3600,
        what: "registrations from this address",
    };
    let ip = reg.client_ip.clone();
    state
        .db
        .write(move |conn| ratelimit::hit(conn, &limit, &ip, now))
        .await?;
    let hash = hash_password(reg.password.clone()).await?;
    let ttl = state.settings.auth.email_verification_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    state
        .db
        .write_once(move |conn| {
            if store::email_taken(conn, &reg.email)? {
                return Err(email_taken());
            }
            let user_id = store::insert_user(
                conn,
                now,
                &store::NewUser {
                    email: &reg.email,
                    password_hash: &hash,
                    display_name: &reg.display_name,
                    is_platform_admin: false,
                    is_expert: reg.account_type == AccountKind::Expert,
                    email_verified: false,
                },
            )
            .map_err(email_conflict)?;
            let actor = Actor::user(&user_id, request_id);
            let org_kind = reg.account_type.org_kind();
            let org_id: Option<OrgId> = match (org_kind, &reg.organization_name) {
                (Some(kind), Some(name)) => {
                    let org = crate::orgs::insert_org(conn, now, kind, name, user_id.as_str())?;
                    crate::orgs::insert_membership(conn, now, org.as_str(), user_id.as_str(), kind.admin_role())?;
                    audit::record(conn, now, &actor, Entry {
                        action: "org.created",
                        org_id: Some(org.as_str()),
                        subject_type: "org",
                        subject_id: Some(org.as_str()),
                        details: json!({ "kind": kind.as_str(), "founder": user_id.as_str(), "role": kind.admin_role().as_str() }),
                    })?;
                    Some(org)
                }
                _ => None,
            };
            audit::record(conn, now, &actor, Entry {
                action: "auth.registered",
                org_id: org_id.as_ref().map(|o| o.as_str()),
                subject_type: "user",
                subject_id: Some(user_id.as_str()),
                details: json!({ "account_type": reg.account_type.as_str() }),
            })?;
            send_verification(conn, &public_url, ttl, user_id.as_str(), reg.email.trim(), reg.display_name.trim(), now)?;
            let user = store::find_user(conn, user_id.as_str())?.ok_or_else(|| AppError::internal(anyhow::anyhow!("user vanished")))?;
            let org = match org_id {
                Some(o) => crate::orgs::find_org(conn, o.as_str())?,
                None => None,
            };
            Ok(Registered { user, org })
        })
        .await
}

/// Hashes off the async executor, within the Argon2 concurrency bound.
pub async fn hash_password(password: String) -> AppResult<String> {
    password::hash_async(password)
        .await
        .map_err(AppError::internal)
}

pub struct Tokens {
    pub access_token: String,
    pub access_expires_in: i64,
    pub refresh_token: String,
    pub refresh_expires_in: i64,
    pub session_id: SessionId,
}

/// Creates a refresh token for `session` (inside the caller's tx) and signs an access token.
fn issue_tokens(
    conn: &mut crate::db::DbConn,
    state: &TokenSettings,
    user: &UserId,
    session: SessionId,
    now: DateTime<Utc>,
) -> AppResult<Tokens> {
    let refresh = tokens::random_secret();
    store::insert_refresh_token(
        conn,
        session.as_str(),
        &tokens::hash_secret(&refresh),
        now,
        now + Duration::seconds(state.refresh_ttl),
    )?;
    let access = state
        .jwt
        .issue(user, &session, now, state.access_ttl)
        .map_err(AppError::internal)?;
    Ok(Tokens {
        access_token: access,
        access_expires_in: state.access_ttl,
        refresh_token: refresh,
        refresh_expires_in: state.refresh_ttl,
        session_id: session,
    })
}

#[derive(Clone)]
struct TokenSettings {
    jwt: super::jwt::JwtKeys,
    access_ttl: i64,
    refresh_ttl: i64,
}

fn token_settings(state: &AppState) -> TokenSettings {
    TokenSettings {
        jwt: state.jwt.clone(),
        access_ttl: state.settings.auth.access_token_ttl_secs,
        refresh_ttl: state.settings.auth.refresh_token_ttl_secs,
    }
}

fn invalid_credentials() -> AppError {
    AppError::unauthorized("invalid e-mail or password")
}

pub async fn login(
    state: &AppState,
    email: String,
    password_attempt: String,
    client_ip: String,
    request_id: Option<String>,
) -> AppResult<Tokens> {
    let auth = state.settings.auth.clone();
    let window = Duration::seconds(auth.login_window_secs);
    // Per account *and* IP: failures from elsewhere never lock the owner out; the per-IP
    // limit bounds one client across accounts.
    let account_key = ratelimit::login_account_key(&email, &client_ip);
    let ip_key = ratelimit::key_hash(&client_ip);
    let now = state.now();

    // One transaction: refuse if throttled, else count this attempt as a failure up front
    // (forgotten on success), so parallel guesses cannot all pass the check.
    let (a, i) = (account_key.clone(), ip_key.clone());
    let (user, provisional) = state
        .db
        .write(move |conn| -> AppResult<_> {
            for (kind, key, max) in [
                (KeyKind::Account, &a, auth.login_max_failures_per_account),
                (KeyKind::Ip, &i, auth.login_max_failures_per_ip),
            ] {
                if let Some(wait) = ratelimit::blocked_for(conn, kind, key, max, window, now)? {
                    return Err(AppError::too_many_requests(
                        "too many failed logins; wait before trying again",
                        wait as u64,
                    ));
                }
            }
            let provisional = vec![
                ratelimit::record_failure(conn, KeyKind::Account, &a, now)?,
                ratelimit::record_failure(conn, KeyKind::Ip, &i, now)?,
            ];
            Ok((store::find_user_by_email(conn, &email)?, provisional))
        })
        .await?;

    let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok = password::verify_async(password_attempt, stored_hash)
        .await
        .map_err(AppError::internal)?;

    let settings = token_settings(state);
    let now = state.now();
    let outcome = state
        .db
        .write_once(move |conn| -> AppResult<Option<Tokens>> {
            match (ok, user) {
                (true, Some(user)) => {
                    let user_id = UserId::from_db(user.id.clone());
                    ratelimit::forget(conn, &provisional)?;
                    ratelimit::clear(conn, KeyKind::Account, &account_key, window, now)?;
                    let session = store::insert_session(conn, &user.id, now)?;
                    audit::record(conn, now, &Actor::user(&user_id, request_id), Entry {
                        action: "auth.login",
                        org_id: None,
                        subject_type: "session",
                        subject_id: Some(session.as_str()),
                        details: json!({ "user_id": user.id }),
                    })?;
                    Ok(Some(issue_tokens(conn, &settings, &user_id, session, now)?))
                }
                (_, user) => {
                    audit::record(conn, now, &Actor::anonymous(request_id), Entry {
                        action: "auth.login_failed",
                        org_id: None,
                        subject_type: "user",
                        subject_id: user.as_ref().map(|u| u.id.as_str()),
                        details: json!({ "reason": if user.is_some() { "wrong_password" } else { "unknown_account" } }),
                    })?;
                    Ok(None)
                }
            }
        })
        .await?;
    outcome.ok_or_else(invalid_credentials)
}

enum RefreshOutcome {
    Rotated(Tokens),
    Reused,
    Invalid,
}

pub async fn refresh(
    state: &AppState,
    presented: String,
    request_id: Option<String>,
) -> AppResult<Tokens> {
    let hash = tokens::hash_secret(&presented);
    let settings = token_settings(state);
    let now = state.now();
    let outcome = state
        .db
        .write_once(move |conn| -> AppResult<RefreshOutcome> {
            let Some(token) = store::find_refresh_token(conn, &hash)? else {
                return Ok(RefreshOutcome::Invalid);
            };
            let (user_id, revoked) = store::session_owner(conn, &token.session_id)?;
            let user = UserId::from_db(user_id);
            // A rotated token presented again means it leaked: end the whole family.
            if token.used_at.is_some() || !store::consume_refresh_token(conn, &token.id, now)? {
                if store::revoke_session(conn, &token.session_id, "refresh_token_reuse", now)? {
                    audit::record(
                        conn,
                        now,
                        &Actor::user(&user, request_id),
                        Entry {
                            action: "auth.refresh_token_reused",
                            org_id: None,
                            subject_type: "session",
                            subject_id: Some(&token.session_id),
                            details: json!({ "token_id": token.id, "revoked": "session" }),
                        },
                    )?;
                }
                return Ok(RefreshOutcome::Reused);
            }
            if revoked.is_some() || crate::clock::utc(token.expires_at) <= now {
                return Ok(RefreshOutcome::Invalid);
            }
            let session = SessionId::from_db(token.session_id.clone());
            Ok(RefreshOutcome::Rotated(issue_tokens(
                conn, &settings, &user, session, now,
            )?))
        })
        .await?;
    match outcome {
        RefreshOutcome::Rotated(t) => Ok(t),
        RefreshOutcome::Reused => Err(AppError::unauthorized(
            "this refresh token was already used; the session has been revoked, log in again",
        )),
        RefreshOutcome::Invalid => Err(AppError::unauthorized("invalid or expired refresh token")),
    }
}

pub async fn logout(state: &AppState, user: &super::UserPrincipal) -> AppResult<()> {
    let now = state.now();
    let session = user.session_id.clone();
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    state
        .db
        .write(move |conn| -> AppResult<()> {
            if store::revoke_session(conn, session.as_str(), "logout", now)? {
                audit::record(
                    conn,
                    now,
                    &actor,
                    Entry {
                        action: "auth.logout",
                        org_id: None,
                        subject_type: "session",
                        subject_id: Some(session.as_str()),
                        details: json!({}),
                    },
                )?;
            }
            Ok(())
        })
        .await
}

pub async fn verify_email(
    state: &AppState,
    token: String,
    request_id: Option<String>,
) -> AppResult<store::UserRow> {
    let hash = tokens::hash_secret(&token);
    let now = state.now();
    state
        .db
        .write_once(move |conn| {
            let row = store::find_email_token(conn, store::TokenPurpose::VerifyEmail, &hash)?
                .ok_or_else(|| {
                    AppError::bad_parameter("token", "is not a valid e-mail verification token")
                })?;
            if row.used_at.is_some() {
                return Err(AppError::conflict(
                    "this verification link was already used",
                ));
            }
            if crate::clock::utc(row.expires_at) <= now {
                return Err(AppError::gone(
                    "this verification link has expired; request a new one",
                ));
            }
            let user = store::find_user(conn, &row.user_id)?
                .ok_or_else(|| AppError::not_found("the account no longer exists"))?;
            if super::normalize_email(&row.email) != user.email_normalized {
                return Err(AppError::conflict(
                    "the account's e-mail address changed since this link was sent",
                ));
            }
            if !store::consume_email_token(conn, &row.id, now)? {
                return Err(AppError::conflict(
                    "this verification link was already used",
                ));
            }
            store::mark_email_verified(conn, &user.id, now)?;
            audit::record(
                conn,
                now,
                &Actor::user(&UserId::from_db(user.id.clone()), request_id),
                Entry {
                    action: "auth.email_verified",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(&user.id),
                    details: json!({}),
                },
            )?;
            Ok(store::find_user(conn, &user.id)?.unwrap_or(user))
        })
        .await
}

pub async fn resend_verification(state: &AppState, user: &super::UserPrincipal) -> AppResult<()> {
    if user.email_verified {
        return Err(AppError::conflict(
            "your e-mail address is already verified",
        ));
    }
    let now = state.now();
    let ttl = state.settings.auth.email_verification_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    let (id, email, name) = (
        user.user_id.clone(),
        user.email.clone(),
        user.display_name.clone(),
    );
    let limit = ratelimit::Limit {
        bucket: "verify_resend_account",
        max: state.settings.auth.verification_resends_per_hour,
        window_secs: 3600,
        what: "verification e-mails for this account",
    };
    state
        .db
        .write_once(move |conn| {
            ratelimit::hit(conn, &limit, id.as_str(), now)?;
            send_verification(conn, &public_url, ttl, id.as_str(), &email, &name, now)
        })
        .await
}
