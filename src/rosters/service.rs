//! Roster membership: who may invite into a roster, what accepting an invitation does
//! (join, or move from another roster with the expert's explicit consent), removal by the
//! vendor and leaving by the expert. Every change keeps the membership history, is audited
//! and e-mails the expert. Functions here run inside the caller's write transaction.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::store::{self, InvitationRow};
use crate::audit::{self, Actor, Entry};

use crate::auth::{OrgKind, Principal, UserPrincipal, tokens};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::experts::ExpertRow;
use crate::ids::OrgId;
use crate::mail::{self, templates};
use crate::orgs::OrgRow;

/// The vendor, if the caller administers it (platform admins administer every vendor).
/// 404 for an organization the caller is not in, or one that is not a vendor.
pub fn administered_vendor(
    conn: &mut DbConn,
    principal: &Principal,
    vendor: &OrgId,
) -> AppResult<OrgRow> {
    principal.org_admin(vendor)?;
    let not_vendor = || AppError::not_found(format!("vendor {vendor} not found"));
    let org = crate::orgs::find_org(conn, vendor.as_str())?.ok_or_else(not_vendor)?;
    if org.kind != OrgKind::Vendor.as_str() {
        return Err(not_vendor());
    }
    Ok(org)
}

pub struct Invite<'a> {
    pub vendor: &'a OrgRow,
    pub email: &'a str,
    pub message: &'a str,
    pub inviter: &'a UserPrincipal,
    pub ttl_secs: i64,
    pub public_url: &'a str,
}

/// Creates an invitation and queues its e-mail.
pub fn invite(conn: &mut DbConn, now: DateTime<Utc>, i: &Invite<'_>) -> AppResult<InvitationRow> {
    crate::orgs::lock_org(conn, &i.vendor.id, now)?;
    let mut existing_expert = false;
    if let Some(user) = crate::auth::find_user_by_email(conn, i.email)? {
        let expert = crate::experts::find_expert_by_user(conn, &user.id)?;
        match expert {
            Some(e) if e.vendor_id.as_deref() == Some(i.vendor.id.as_str()) => {
                return Err(AppError::conflict("this expert is already on your roster")
                    .with_errors(vec![FieldError::new("email", "is already on this roster")]));
            }
            Some(_) => existing_expert = true,
            None if user.is_expert => {}
            None => {
                return Err(AppError::conflict(
                    "this address belongs to an account that is not an expert account",
                )
                .with_errors(vec![FieldError::new(
                    "email",
                    "belongs to a lab or vendor account, not an expert",
                )]));
            }
        }
    }
    if store::open_invitations_for(conn, &i.vendor.id, i.email, now)? > 0 {
        return Err(AppError::conflict(
            "an open roster invitation for this address exists; revoke it first",
        )
        .with_errors(vec![FieldError::new(
            "email",
            "already has an open roster invitation",
        )]));
    }
    let token = tokens::random_secret();
    let row = store::insert_invitation(
        conn,
        now,
        &store::NewInvitation {
            vendor: &i.vendor.id,
            email: i.email,
            message: i.message,
            token_hash: &tokens::hash_secret(&token),
            invited_by: i.inviter.user_id.as_str(),
            expires_at: now + Duration::seconds(i.ttl_secs),
        },
    )?;
    let link = crate::state::public_link(
        i.public_url,
        &format!("/roster-invitations/accept?token={token}"),
    );
    mail::enqueue(
        conn,
        now,
        &templates::roster_invitation(
            i.email.trim(),
            &i.vendor.name,
            &i.inviter.display_name,
            i.message,
            &link,
            &token,
            i.ttl_secs / 86_400,
            existing_expert,
        ),
    )?;
    audit::record(
        conn,
        now,
        &Actor::user(&i.inviter.user_id, i.inviter.request_id.clone()),
        Entry {
            action: "roster.invitation_created",
            org_id: Some(&i.vendor.id),
            subject_type: "roster_invitation",
            subject_id: Some(&row.id),
            details: json!({ "existing_expert": existing_expert }),
        },
    )?;
    Ok(row)
}

/// The invitation a token names, if it can still be used by this user (addressed to
/// their e-mail, not used, declined, revoked or expired).
pub fn usable_invitation(
    conn: &mut DbConn,
    token: &str,
    user: &UserPrincipal,
    now: DateTime<Utc>,
    field: &str,
) -> AppResult<InvitationRow> {
    let inv = store::find_invitation_by_token(conn, &tokens::hash_secret(token))?
        .ok_or_else(|| AppError::invalid_field(field, "is not a valid roster invitation token"))?;
    if crate::auth::normalize_email(&user.email) != inv.email_normalized {
        return Err(AppError::forbidden(
            "this invitation was sent to a different e-mail address",
        ));
    }
    if inv.accepted_at.is_some() {
        return Err(AppError::conflict("this invitation was already used"));
    }
    if inv.declined_at.is_some() {
        return Err(AppError::gone("this invitation was declined"));
    }
    if inv.revoked_at.is_some() {
        return Err(AppError::gone("this invitation was revoked"));
    }
    if crate::clock::utc(inv.expires_at) <= now {
        return Err(AppError::gone(
            "this invitation has expired; ask the vendor for a new one",
        ));
    }
    Ok(inv)
}

fn vendor_name(conn: &mut DbConn, vendor: &str) -> AppResult<String> {
    Ok(crate::orgs::find_org(conn, vendor)?
        .map(|o| o.name)
        .unwrap_or_else(|| vendor.to_owned()))
}

fn notify(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    e: &ExpertRow,
    from: Option<&str>,
    to: Option<&str>,
    reason: &str,
) -> AppResult<()> {
    let from = from.map(|v| vendor_name(conn, v)).transpose()?;
    let to = to.map(|v| vendor_name(conn, v)).transpose()?;
    if let Some(user) = crate::auth::find_user(conn, &e.user_id)? {
        mail::enqueue(
            conn,
            now,
            &templates::roster_changed(
                &user.email,
                &e.display_name,
                from.as_deref(),
                to.as_deref(),
                reason,
            ),
        )?;
    }
    Ok(())
}

/// A new expert applied with an invitation (the expert row was just inserted with the
/// vendor set): the invitation is used and the membership begins.
pub fn joined_on_application(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    inv: &InvitationRow,
    expert: &str,
) -> AppResult<()> {
    if !store::accept_invitation(conn, &inv.id, expert, now)? {
        return Err(AppError::conflict("this invitation was already used"));
    }
    store::join(
        conn,
        now,
        expert,
        &inv.vendor_org_id,
        "applied",
        Some(&inv.id),
    )?;
    Ok(())
}

/// What accepting did.
pub struct Accepted {
    pub expert: ExpertRow,
    pub previous_vendor: Option<String>,
}

/// An existing expert accepts an invitation. On another roster, they move only when
/// `leave_current_roster` says they consent to leaving it.
pub fn accept(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &UserPrincipal,
    token: &str,
    leave_current_roster: bool,
) -> AppResult<Accepted> {
    let inv = usable_invitation(conn, token, user, now, "token")?;
    let Some(e) = crate::experts::find_expert_by_user(conn, user.user_id.as_str())? else {
        return Err(AppError::conflict(
            "you have no expert profile yet: apply with POST /v1/experts/me and this token as `roster_invitation`",
        ));
    };
    crate::experts::lock_expert(conn, &e.id)?;
    let e = crate::experts::find_expert(conn, &e.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    if e.vetting_status == "offboarded" {
        return Err(AppError::conflict(
            "this expert profile is offboarded; reapply before joining a roster",
        ));
    }
    let previous = e.vendor_id.clone();
    if previous.as_deref() == Some(inv.vendor_org_id.as_str()) {
        return Err(AppError::conflict("you are already on this roster"));
    }
    if let Some(current) = &previous
        && !leave_current_roster
    {
        let name = vendor_name(conn, current)?;
        return Err(AppError::conflict(format!(
            "you are on {name}'s roster; accepting moves you to the inviting vendor's roster, which needs your consent"
        ))
        .with_errors(vec![FieldError::new(
            "leave_current_roster",
            format!("must be true to leave {name}'s roster"),
        )]));
    }
    if !store::accept_invitation(conn, &inv.id, &e.id, now)? {
        return Err(AppError::conflict("this invitation was already used"));
    }
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    let via = if let Some(from) = &previous {
        store::leave(
            conn,
            now,
            &e.id,
            "transferred",
            Some("moved to another vendor's roster with the expert's consent"),
            Some(user.user_id.as_str()),
        )?;
        audit::record(
            conn,
            now,
            &actor,
            Entry {
                action: "roster.expert_transferred_out",
                org_id: Some(from),
                subject_type: "expert",
                subject_id: Some(&e.id),
                details: json!({ "to_vendor_id": inv.vendor_org_id, "consent": true }),
            },
        )?;
        "transfer"
    } else {
        "invitation"
    };
    store::join(conn, now, &e.id, &inv.vendor_org_id, via, Some(&inv.id))?;
    audit::record(
        conn,
        now,
        &actor,
        Entry {
            action: "roster.expert_joined",
            org_id: Some(&inv.vendor_org_id),
            subject_type: "expert",
            subject_id: Some(&e.id),
            details: json!({ "invitation_id": inv.id, "from_vendor_id": previous, "via": via }),
        },
    )?;
    notify(
        conn,
        now,
        &e,
        previous.as_deref(),
        Some(&inv.vendor_org_id),
        "you accepted the roster invitation",
    )?;
    let expert = crate::experts::find_expert(conn, &e.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    Ok(Accepted {
        expert,
        previous_vendor: previous,
    })
}

pub fn decline(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &UserPrincipal,
    token: &str,
) -> AppResult<InvitationRow> {
    let inv = usable_invitation(conn, token, user, now, "token")?;
    if !store::decline_invitation(conn, &inv.id, now)? {
        return Err(AppError::conflict("this invitation was already used"));
    }
    audit::record(
        conn,
        now,
        &Actor::user(&user.user_id, user.request_id.clone()),
        Entry {
            action: "roster.invitation_declined",
            org_id: Some(&inv.vendor_org_id),
            subject_type: "roster_invitation",
            subject_id: Some(&inv.id),
            details: json!({}),
        },
    )?;
    Ok(inv)
}

/// Takes the expert off their roster: `removed` by the vendor (or a platform admin), or
/// `left` by the expert. Their history, scores, timesheets and pay are untouched (sheets
/// keep the roster the work was done on).
pub fn end_membership(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    by: Option<&str>,
    e: &ExpertRow,
    reason_kind: &str,
    note: &str,
) -> AppResult<ExpertRow> {
    crate::experts::lock_expert(conn, &e.id)?;
    let fresh = crate::experts::find_expert(conn, &e.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    let Some(vendor) = fresh.vendor_id.clone() else {
        return Err(AppError::conflict("the expert is not on a roster"));
    };
    if e.vendor_id.as_deref() != Some(vendor.as_str()) {
        return Err(AppError::conflict(
            "the expert's roster changed meanwhile; reload and retry",
        ));
    }
    store::leave(conn, now, &e.id, reason_kind, Some(note), by)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: if reason_kind == "left" {
                "roster.expert_left"
            } else {
                "roster.expert_removed"
            },
            org_id: Some(&vendor),
            subject_type: "expert",
            subject_id: Some(&e.id),
            details: json!({ "reason": note }),
        },
    )?;
    notify(conn, now, &fresh, Some(&vendor), None, note)?;
    crate::experts::find_expert(conn, &e.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))
}
