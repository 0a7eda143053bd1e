//! Applying, editing a profile, and moving through the vetting pipeline. Every status
//! change is one transaction that records the transition, audits it and enqueues the
//! e-mail to the expert.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::store::{self, ExpertRow, Profile};
use super::vetting::{Mover, VettingStatus};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal, UserPrincipal};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{DomainId, ExpertId, OrgId};
use crate::mail::{self, templates};

fn status_of(e: &ExpertRow) -> VettingStatus {
    VettingStatus::parse(&e.vetting_status).unwrap_or(VettingStatus::Applied)
}

/// Where to e-mail an expert: their address and name, or None once the account is erased.
pub fn contact(conn: &mut DbConn, expert: &str) -> diesel::QueryResult<Option<(String, String)>> {
    let Some(e) = store::find(conn, expert)? else {
        return Ok(None);
    };
    Ok(crate::auth::find_user(conn, &e.user_id)?
        .filter(|u| u.password_hash != crate::auth::ERASED_PASSWORD)
        .map(|u| (u.email, e.display_name)))
}

/// The caller's own expert profile.
pub fn own(conn: &mut DbConn, user: &UserPrincipal) -> AppResult<ExpertRow> {
    store::find_by_user(conn, user.user_id.as_str())?.ok_or_else(|| {
        AppError::not_found("you have not applied as an expert yet (POST /v1/experts/me)")
    })
}

/// The caller's expert id, if the caller is a user with an expert profile (None for
/// everyone else, API keys included).
pub fn expert_id_of(conn: &mut DbConn, principal: &Principal) -> AppResult<Option<String>> {
    match principal {
        Principal::User(u) if u.is_expert => {
            Ok(store::find_by_user(conn, u.user_id.as_str())?.map(|e| e.id))
        }
        _ => Ok(None),
    }
}

/// An expert the caller may see in full: themself, their vendor's admins, platform admins.
/// Everyone else gets 404.
pub fn visible_expert(
    conn: &mut DbConn,
    principal: &Principal,
    id: &ExpertId,
) -> AppResult<ExpertRow> {
    let not_found = || AppError::not_found(format!("expert {id} not found"));
    let e = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
    let allowed = match principal {
        Principal::User(u) if u.is_platform_admin || u.user_id.as_str() == e.user_id => true,
        Principal::User(u) => e.vendor_id.as_ref().is_some_and(|v| {
            u.membership(&OrgId::from_db(v.clone()))
                .is_some_and(|m| m.role.is_admin())
        }),
        Principal::ApiKey(_) => false,
    };
    if allowed { Ok(e) } else { Err(not_found()) }
}

/// Checks the references in a profile: every domain must exist. (The vendor comes from a
/// roster invitation, never from the profile.)
pub fn check_references(conn: &mut DbConn, domain_ids: &[DomainId]) -> AppResult<()> {
    let mut errors = Vec::new();
    for (i, d) in domain_ids.iter().enumerate() {
        if crate::taxonomy::find_domain(conn, d.as_str())?.is_none() {
            errors.push(FieldError::new(
                format!("domain_ids[{i}]"),
                "no such domain",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn notify(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    e: &ExpertRow,
    to: VettingStatus,
    reason: &str,
) -> AppResult<()> {
    if let Some(user) = crate::auth::find_user(conn, &e.user_id)? {
        mail::enqueue(
            conn,
            now,
            &templates::vetting_update(&user.email, &e.display_name, to.as_str(), reason),
        )?;
    }
    Ok(())
}

pub fn apply(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &UserPrincipal,
    vendor: Option<&OrgId>,
    profile: &Profile,
) -> AppResult<ExpertRow> {
    if !user.is_expert {
        return Err(AppError::forbidden(
            "only expert accounts apply; register with account_type `expert`",
        ));
    }
    if let Some(existing) = store::find_by_user(conn, user.user_id.as_str())? {
        return Err(AppError::conflict(format!(
            "you already applied (status {}); edit your profile with PATCH /v1/experts/me",
            existing.vetting_status
        )));
    }
    let id = store::insert(
        conn,
        now,
        user.user_id.as_str(),
        vendor.map(|v| v.as_str()),
        profile,
    )?;
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    store::insert_transition(
        conn,
        now,
        id.as_str(),
        None,
        "applied",
        "application submitted",
        &actor,
    )?;
    audit::record(
        conn,
        now,
        &actor,
        Entry {
            action: "expert.applied",
            org_id: vendor.map(|v| v.as_str()),
            subject_type: "expert",
            subject_id: Some(id.as_str()),
            details: json!({ "vendor_id": vendor.map(|v| v.as_str()) }),
        },
    )?;
    let row = store::find(conn, id.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    notify(
        conn,
        now,
        &row,
        VettingStatus::Applied,
        "application submitted",
    )?;
    Ok(row)
}

/// A requested vetting step.
pub struct Step<'a> {
    pub to: VettingStatus,
    pub mover: Mover,
    /// Shown to the expert in the e-mail and the history.
    pub reason: &'a str,
}

/// Moves an expert to `step.to`, if `step.mover` may (409 naming the current state otherwise).
pub fn transition(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    e: &ExpertRow,
    step: Step<'_>,
    reapply_cooldown_days: i64,
) -> AppResult<ExpertRow> {
    let Step { to, mover, reason } = step;
    let from = status_of(e);
    if !from.allows(to, mover) {
        let next: Vec<&str> = from.next(mover).into_iter().map(|s| s.as_str()).collect();
        return Err(AppError::conflict(format!(
            "the expert is `{}`; it cannot move to `{}` (allowed: {})",
            from.as_str(),
            to.as_str(),
            if next.is_empty() {
                "none".to_owned()
            } else {
                next.join(", ")
            }
        )));
    }
    if to == VettingStatus::Approved {
        let applied: Vec<String> = crate::db::stored_json("experts.domain_ids", &e.domain_ids)?;
        if let Some(why) =
            crate::credentials::eligibility::approval_refusal(conn, &e.id, &applied, now)?
        {
            return Err(AppError::conflict(why));
        }
    }
    if from == VettingStatus::Rejected && to == VettingStatus::Applied {
        let allowed_at =
            crate::clock::utc(e.status_changed_at) + Duration::days(reapply_cooldown_days);
        if now < allowed_at {
            return Err(AppError::conflict(format!(
                "a rejected expert may reapply from {} (a {reapply_cooldown_days}-day cooldown)",
                allowed_at.to_rfc3339()
            )));
        }
    }
    if !store::set_status(conn, &e.id, from.as_str(), to.as_str(), now)? {
        return Err(AppError::conflict(
            "the expert's status changed concurrently; retry",
        ));
    }
    store::insert_transition(
        conn,
        now,
        &e.id,
        Some(from.as_str()),
        to.as_str(),
        reason,
        actor,
    )?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "expert.vetting_changed",
            org_id: e.vendor_id.as_deref(),
            subject_type: "expert",
            subject_id: Some(&e.id),
            details: json!({ "from": from.as_str(), "to": to.as_str(), "reason": reason }),
        },
    )?;
    if from == VettingStatus::Approved && to != VettingStatus::Approved {
        // No longer approved: shifts booked ahead are released (and re-planned).
        crate::scheduling::service::release(
            conn,
            now,
            &e.id,
            None,
            &format!("the expert is no longer approved ({})", to.as_str()),
        )?;
    }
    let row = store::find(conn, &e.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    notify(conn, now, &row, to, reason)?;
    Ok(row)
}

/// Who administers an expert's vetting, standings and credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vetter {
    /// A platform admin: every power, with a reason.
    Platform,
    /// An admin of the *approved* vendor whose roster the expert is on.
    Vendor {
        /// The platform counts this vendor's credential verifications.
        trusted_reviewer: bool,
    },
}

/// The caller's power over an expert for `what` ("vet experts", "review credentials",
/// …): platform admins, and the admins of the approved vendor whose roster the expert is
/// on. 403 naming the rule for anyone else, and for the admins of a vendor that is
/// pending or rejected (README "Approved vendors").
pub fn vetter(principal: &Principal, e: &ExpertRow, what: &str) -> AppResult<Vetter> {
    if let Principal::User(u) = principal {
        if u.is_platform_admin {
            return Ok(Vetter::Platform);
        }
        let vendor_admin = e.vendor_id.as_ref().and_then(|v| {
            u.membership(&OrgId::from_db(v.clone()))
                .filter(|m| m.is_vendor_admin())
        });
        if let Some(m) = vendor_admin {
            m.approved_for(what)?;
            return Ok(Vetter::Vendor {
                trusted_reviewer: m.trusted_reviewer,
            });
        }
    }
    Err(AppError::forbidden(format!(
        "only the expert's vendor admins and platform admins {what}"
    )))
}

/// May the caller see who the expert is (not only the handle)? The expert, their vendor's
/// admins and platform admins.
pub fn sees_identity(conn: &mut DbConn, principal: &Principal, expert: &str) -> AppResult<bool> {
    let Principal::User(u) = principal else {
        return Ok(false);
    };
    if u.is_platform_admin {
        return Ok(true);
    }
    let Some(e) = store::find(conn, expert)? else {
        return Ok(false);
    };
    if e.user_id == u.user_id.as_str() {
        return Ok(true);
    }
    Ok(e.vendor_id.is_some_and(|v| {
        u.membership(&OrgId::from_db(v))
            .is_some_and(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
    }))
}
