//! Membership changes, invitations and API keys. Each change is one transaction that
//! audits itself (and enqueues its e-mail, for invitations).

use chrono::Duration;
use serde_json::json;

use super::store::{self, InvitationRow, MembershipRow, OrgRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{
    OrgKind, OrgRole, Scope, UserPrincipal, api_keys, password_policy, service as auth_service,
    tokens,
};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{OrgId, UserId};
use crate::mail::{self, templates};
use crate::state::AppState;

pub fn load_org(conn: &mut DbConn, org: &OrgId) -> AppResult<OrgRow> {
    store::find_org(conn, org.as_str())?
        .ok_or_else(|| AppError::not_found(format!("organization {org} not found")))
}

/// Locks the organisation for this transaction (see [`store::lock_org`]) and loads it.
fn lock_and_load_org(
    conn: &mut DbConn,
    org: &OrgId,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<OrgRow> {
    if !store::lock_org(conn, org.as_str(), now)? {
        return Err(AppError::not_found(format!("organization {org} not found")));
    }
    load_org(conn, org)
}

fn org_kind(org: &OrgRow) -> AppResult<OrgKind> {
    OrgKind::parse(&org.kind)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("unknown org kind {}", org.kind)))
}

fn role_must_fit(role: OrgRole, kind: OrgKind) -> AppResult<()> {
    if role.fits(kind) {
        Ok(())
    } else {
        Err(AppError::invalid_field(
            "role",
            format!(
                "`{}` is not a role in a {} organization",
                role.as_str(),
                kind.as_str()
            ),
        ))
    }
}

fn member_not_found(user: &UserId) -> AppError {
    AppError::not_found(format!("user {user} is not a member of this organization"))
}

/// Changes a member's role; the last administrator cannot be demoted.
pub async fn change_role(
    state: &AppState,
    actor: Actor,
    org: OrgId,
    user: UserId,
    role: OrgRole,
) -> AppResult<MembershipRow> {
    let now = state.now();
    state
        .db
        .write(move |conn| {
            let o = lock_and_load_org(conn, &org, now)?;
            role_must_fit(role, org_kind(&o)?)?;
            let m = store::find_membership(conn, org.as_str(), user.as_str())?
                .ok_or_else(|| member_not_found(&user))?;
            let from = OrgRole::parse(&m.role);
            if from == Some(role) {
                return Ok(m);
            }
            if from.is_some_and(OrgRole::is_admin)
                && !role.is_admin()
                && store::count_admins(conn, org.as_str())? <= 1
            {
                return Err(AppError::conflict(
                    "the organization's last administrator cannot be demoted",
                ));
            }
            if !store::set_member_role(conn, &m.id, &m.role, role, now)? {
                return Err(AppError::conflict(
                    "the membership changed concurrently; retry",
                ));
            }
            // A former admin's pending invitations and API keys must not outlive their rights.
            let (revoked, keys) = if role.is_admin() {
                (0, Vec::new())
            } else {
                (
                    store::revoke_invitations_sent_by(conn, org.as_str(), user.as_str(), now)?,
                    revoke_keys_of(conn, now, &actor, &org, &user, "its creator is no longer an administrator")?,
                )
            };
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "org.member_role_changed",
                    org_id: Some(org.as_str()),
                    subject_type: "user",
                    subject_id: Some(user.as_str()),
                    details: json!({ "from": m.role, "to": role.as_str(), "invitations_revoked": revoked, "api_keys_revoked": keys }),
                },
            )?;
            store::find_membership(conn, org.as_str(), user.as_str())?
                .ok_or_else(|| member_not_found(&user))
        })
        .await
}

/// Revokes the API keys `user` created in `org` (only admins create keys, so this runs when
/// an admin is demoted or leaves), auditing each with `reason`; returns the revoked ids.
fn revoke_keys_of(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    actor: &Actor,
    org: &OrgId,
    user: &UserId,
    reason: &str,
) -> AppResult<Vec<String>> {
    let by = actor.id.clone().unwrap_or_else(|| user.to_string());
    let keys = api_keys::revoke_created_by(conn, org.as_str(), user.as_str(), &by, now)?;
    for (id, name) in &keys {
        audit::record(
            conn,
            now,
            actor,
            Entry {
                action: "api_key.revoked",
                org_id: Some(org.as_str()),
                subject_type: "api_key",
                subject_id: Some(id),
                details: json!({ "name": name, "reason": reason, "created_by": user.as_str() }),
            },
        )?;
    }
    Ok(keys.into_iter().map(|(id, _)| id).collect())
}

/// Removes a member (their pending invitations and the API keys they created are revoked);
/// the last administrator cannot be removed.
pub async fn remove_member(
    state: &AppState,
    actor: Actor,
    org: OrgId,
    user: UserId,
) -> AppResult<()> {
    let now = state.now();
    state
        .db
        .write(move |conn| {
            lock_and_load_org(conn, &org, now)?;
            let m = store::find_membership(conn, org.as_str(), user.as_str())?
                .ok_or_else(|| member_not_found(&user))?;
            if OrgRole::parse(&m.role).is_some_and(OrgRole::is_admin)
                && store::count_admins(conn, org.as_str())? <= 1
            {
                return Err(AppError::conflict(
                    "the organization's last administrator cannot be removed",
                ));
            }
            store::delete_membership(conn, &m.id)?;
            let revoked =
                store::revoke_invitations_sent_by(conn, org.as_str(), user.as_str(), now)?;
            let keys = revoke_keys_of(conn, now, &actor, &org, &user, "its creator left the organization")?;
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "org.member_removed",
                    org_id: Some(org.as_str()),
                    subject_type: "user",
                    subject_id: Some(user.as_str()),
                    details: json!({ "role": m.role, "invitations_revoked": revoked, "api_keys_revoked": keys }),
                },
            )?;
            Ok(())
        })
        .await
}

pub async fn invite(
    state: &AppState,
    inviter: &UserPrincipal,
    org: OrgId,
    email: String,
    role: OrgRole,
) -> AppResult<InvitationRow> {
    let now = state.now();
    let ttl = state.settings.auth.invitation_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    let actor = Actor::user(&inviter.user_id, inviter.request_id.clone());
    let (inviter_id, inviter_name) = (inviter.user_id.clone(), inviter.display_name.clone());
    state
        .db
        .write(move |conn| {
            let o = lock_and_load_org(conn, &org, now)?;
            role_must_fit(role, org_kind(&o)?)?;
            if let Some(existing) = crate::auth::find_user_by_email(conn, &email)?
                && store::find_membership(conn, org.as_str(), &existing.id)?.is_some()
            {
                return Err(
                    AppError::conflict("this person is already a member").with_errors(vec![
                        FieldError::new("email", "is already a member of this organization"),
                    ]),
                );
            }
            if store::open_invitations_for(conn, org.as_str(), &email, now)? > 0 {
                return Err(AppError::conflict(
                    "an open invitation for this address exists; revoke it first",
                )
                .with_errors(vec![FieldError::new(
                    "email",
                    "already has an open invitation",
                )]));
            }
            let token = tokens::random_secret();
            let row = store::insert_invitation(
                conn,
                now,
                &store::NewInvitation {
                    org: org.as_str(),
                    email: &email,
                    role,
                    token_hash: &tokens::hash_secret(&token),
                    invited_by: inviter_id.as_str(),
                    expires_at: now + Duration::seconds(ttl),
                },
            )?;
            let link = crate::state::public_link(
                &public_url,
                &format!("/invitations/accept?token={token}"),
            );
            mail::enqueue(
                conn,
                now,
                &templates::invitation(
                    email.trim(),
                    &o.name,
                    &inviter_name,
                    role.as_str(),
                    &link,
                    &token,
                    ttl / 86_400,
                ),
            )?;
            audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "org.invitation_created",
                    org_id: Some(org.as_str()),
                    subject_type: "invitation",
                    subject_id: Some(&row.id),
                    details: json!({ "role": role.as_str() }),
                },
            )?;
            Ok(row)
        })
        .await
}

pub async fn revoke_invitation(
    state: &AppState,
    actor: Actor,
    org: OrgId,
    id: String,
) -> AppResult<()> {
    let now = state.now();
    state
        .db
        .write(move |conn| {
            let inv = store::find_invitation(conn, org.as_str(), &id)?
                .ok_or_else(|| AppError::not_found(format!("invitation {id} not found")))?;
            if inv.accepted_at.is_some() {
                return Err(AppError::conflict("the invitation was already accepted"));
            }
            if store::revoke_invitation(conn, org.as_str(), &id, now)? {
                audit::record(
                    conn,
                    now,
                    &actor,
                    Entry {
                        action: "org.invitation_revoked",
                        org_id: Some(org.as_str()),
                        subject_type: "invitation",
                        subject_id: Some(&id),
                        details: json!({}),
                    },
                )?;
            }
            Ok(())
        })
        .await
}

/// Who accepts an invitation: the logged-in user, or a new account created with it.
pub enum Acceptor {
    Existing(UserPrincipal),
    New {
        display_name: String,
        password: String,
    },
}

enum Resolved {
    Existing(UserId),
    New {
        display_name: String,
        password_hash: String,
    },
}

pub struct Accepted {
    pub membership: MembershipRow,
    pub org: OrgRow,
    pub user: crate::auth::UserRow,
}

/// The invitation a token names, if it can still be accepted.
fn open_invitation(
    conn: &mut DbConn,
    token_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<InvitationRow> {
    let inv = store::find_invitation_by_token(conn, token_hash)?
        .ok_or_else(|| AppError::bad_parameter("token", "is not a valid invitation token"))?;
    if inv.accepted_at.is_some() {
        return Err(AppError::conflict("this invitation was already used"));
    }
    if inv.revoked_at.is_some() {
        return Err(AppError::gone("this invitation was revoked"));
    }
    if crate::clock::utc(inv.expires_at) <= now {
        return Err(AppError::gone(
            "this invitation has expired; ask for a new one",
        ));
    }
    Ok(inv)
}

pub async fn accept_invitation(
    state: &AppState,
    token: String,
    acceptor: Acceptor,
    request_id: Option<String>,
) -> AppResult<Accepted> {
    let now = state.now();
    let hash = tokens::hash_secret(&token);
    // Check the token first: a bad one costs no password hashing.
    let h = hash.clone();
    let inv = state
        .db
        .read(move |conn| open_invitation(conn, &h, now))
        .await?;
    let resolved = match acceptor {
        Acceptor::Existing(u) => {
            if crate::auth::normalize_email(&u.email) != inv.email_normalized {
                return Err(AppError::forbidden(
                    "this invitation was sent to a different e-mail address",
                ));
            }
            if !u.email_verified {
                return Err(AppError::forbidden(
                    "verify your e-mail address before accepting an invitation (or accept it without logging in to set a new password)",
                ));
            }
            Resolved::Existing(u.user_id)
        }
        Acceptor::New {
            display_name,
            password,
        } => {
            password_policy::check(&password, &inv.email)
                .map_err(|why| AppError::invalid_field("password", why))?;
            Resolved::New {
                display_name,
                password_hash: auth_service::hash_password(password).await?,
            }
        }
    };
    state
        .db
        .write_once(move |conn| {
            let inv = open_invitation(conn, &hash, now)?;
            store::lock_org(conn, &inv.org_id, now)?;
            let user_id = match resolved {
                Resolved::Existing(id) => id,
                Resolved::New {
                    display_name,
                    password_hash,
                } => new_account_for(
                    conn,
                    &inv,
                    &display_name,
                    &password_hash,
                    now,
                    request_id.clone(),
                )?,
            };
            if store::find_membership(conn, &inv.org_id, user_id.as_str())?.is_some() {
                return Err(AppError::conflict(
                    "you are already a member of this organization",
                ));
            }
            if !store::accept_invitation(conn, &inv.id, user_id.as_str(), now)? {
                return Err(AppError::conflict("this invitation was already used"));
            }
            let role = OrgRole::parse(&inv.role)
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("bad role")))?;
            store::insert_membership(conn, now, &inv.org_id, user_id.as_str(), role)?;
            audit::record(
                conn,
                now,
                &Actor::user(&user_id, request_id),
                Entry {
                    action: "org.invitation_accepted",
                    org_id: Some(&inv.org_id),
                    subject_type: "user",
                    subject_id: Some(user_id.as_str()),
                    details: json!({ "invitation_id": inv.id, "role": inv.role }),
                },
            )?;
            let membership = store::find_membership(conn, &inv.org_id, user_id.as_str())?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("membership vanished")))?;
            let org = store::find_org(conn, &inv.org_id)?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("org vanished")))?;
            let user = crate::auth::find_user(conn, user_id.as_str())?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("user vanished")))?;
            Ok(Accepted {
                membership,
                org,
                user,
            })
        })
        .await
}

/// The account a token-holder gets: a new one, or an existing *unverified* account with
/// the invitation's address (whoever created it never proved the mailbox; the token
/// holder just did), which is taken over with the new password and its sessions ended.
/// A verified account must log in and accept instead.
fn new_account_for(
    conn: &mut DbConn,
    inv: &InvitationRow,
    display_name: &str,
    password_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
    request_id: Option<String>,
) -> AppResult<UserId> {
    match crate::auth::find_user_by_email(conn, &inv.email)? {
        Some(existing) if existing.email_verified_at.is_some() => Err(AppError::conflict(
            "an account with this e-mail address exists; log in and accept the invitation",
        )),
        Some(existing) => {
            if !crate::auth::claim_unverified_user(
                conn,
                &existing.id,
                password_hash,
                display_name,
                now,
            )? {
                return Err(AppError::conflict(
                    "the account changed concurrently; retry",
                ));
            }
            let ended = crate::auth::revoke_user_sessions(
                conn,
                &existing.id,
                "account_claimed_by_invitation",
                now,
            )?;
            let id = UserId::from_db(existing.id);
            audit::record(
                conn,
                now,
                &Actor::user(&id, request_id),
                Entry {
                    action: "auth.account_claimed",
                    org_id: Some(&inv.org_id),
                    subject_type: "user",
                    subject_id: Some(id.as_str()),
                    details: json!({ "invitation_id": inv.id, "sessions_revoked": ended }),
                },
            )?;
            Ok(id)
        }
        None => {
            // The token reached this address, which proves it: the account starts verified.
            let id = crate::auth::insert_user(
                conn,
                now,
                &crate::auth::NewUser {
                    email: &inv.email,
                    password_hash,
                    display_name,
                    is_platform_admin: false,
                    is_expert: false,
                    email_verified: true,
                },
            )
            .map_err(auth_service::email_conflict)?;
            audit::record(
                conn,
                now,
                &Actor::user(&id, request_id),
                Entry {
                    action: "auth.registered",
                    org_id: Some(&inv.org_id),
                    subject_type: "user",
                    subject_id: Some(id.as_str()),
                    details: json!({ "account_type": "invited", "invitation_id": inv.id }),
                },
            )?;
            Ok(id)
        }
    }
}

pub struct CreatedKey {
    pub row: api_keys::ApiKeyRow,
    pub secret: String,
}

pub async fn create_api_key(
    state: &AppState,
    creator: &UserPrincipal,
    org: OrgId,
    name: String,
    scopes: Vec<Scope>,
) -> AppResult<CreatedKey> {
    // Gold answers are never visible to someone who is an expert, not even through a key.
    if creator.is_expert && scopes.contains(&Scope::GoldRead) {
        return Err(AppError::forbidden(
            "an expert may not create a key with the gold:read scope: gold answers are never visible to experts",
        ));
    }
    let now = state.now();
    let actor = Actor::user(&creator.user_id, creator.request_id.clone());
    let creator_id = creator.user_id.clone();
    state
        .db
        .write(move |conn| {
            load_org(conn, &org)?;
            let (secret, prefix) = tokens::new_api_key();
            let row = api_keys::insert(conn, now, &api_keys::NewApiKey {
                org: org.as_str(),
                name: &name,
                prefix: &prefix,
                secret_hash: &tokens::hash_secret(&secret),
                scopes: &scopes,
                created_by: creator_id.as_str(),
            })?;
            audit::record(conn, now, &actor, Entry {
                action: "api_key.created",
                org_id: Some(org.as_str()),
                subject_type: "api_key",
                subject_id: Some(&row.id),
                details: json!({ "name": row.name, "scopes": row.scopes, "prefix": row.prefix }),
            })?;
            Ok(CreatedKey { row, secret })
        })
        .await
}

pub async fn revoke_api_key(
    state: &AppState,
    revoker: &UserPrincipal,
    org: OrgId,
    id: String,
) -> AppResult<()> {
    let now = state.now();
    let actor = Actor::user(&revoker.user_id, revoker.request_id.clone());
    let by = revoker.user_id.clone();
    state
        .db
        .write(move |conn| {
            let key = api_keys::find(conn, org.as_str(), &id)?
                .ok_or_else(|| AppError::not_found(format!("API key {id} not found")))?;
            if key.revoked_at.is_some() {
                return Ok(());
            }
            if api_keys::revoke(conn, org.as_str(), &id, by.as_str(), now)? {
                audit::record(
                    conn,
                    now,
                    &actor,
                    Entry {
                        action: "api_key.revoked",
                        org_id: Some(org.as_str()),
                        subject_type: "api_key",
                        subject_id: Some(&id),
                        details: json!({ "name": key.name }),
                    },
                )?;
            }
            Ok(())
        })
        .await
}
