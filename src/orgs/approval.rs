//! The platform's decisions about vendors (issue 21, "Approved vendors"): a vendor starts
//! `pending`; a platform admin approves it or rejects it with a reason (rejection is
//! final), and may mark it a trusted credential reviewer. Each decision is one transaction
//! that audits itself and, for approval and rejection, e-mails the vendor's admins through
//! the outbox. The caller has checked that it is a platform admin.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::store::{self, OrgRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgApproval, OrgKind};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::ids::OrgId;
use crate::mail::{self, templates};

/// The vendor (404 for an unknown id or an organisation that is not a vendor).
pub fn load_vendor(conn: &mut DbConn, vendor: &OrgId) -> AppResult<OrgRow> {
    let not_found = || AppError::not_found(format!("vendor {vendor} not found"));
    let org = store::find_org(conn, vendor.as_str())?.ok_or_else(not_found)?;
    if org.kind != OrgKind::Vendor.as_str() {
        return Err(not_found());
    }
    Ok(org)
}

/// Approves (`reason` optional) or rejects (`reason` required by the caller) a pending
/// vendor. 409 naming the rule when it was already decided.
pub fn decide(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    vendor: &OrgId,
    to: OrgApproval,
    reason: Option<&str>,
) -> AppResult<OrgRow> {
    let org = load_vendor(conn, vendor)?;
    let current = org.approval();
    if current != OrgApproval::Pending {
        return Err(AppError::conflict(match current {
            OrgApproval::Rejected => format!(
                "vendor {vendor} was rejected; a rejected vendor stays refused (its people register a new vendor to apply again)"
            ),
            _ => format!(
                "vendor {vendor} is already `{}`; only a pending vendor is approved or rejected",
                current.as_str()
            ),
        }));
    }
    let by = actor.id.clone().unwrap_or_else(|| actor.kind.to_owned());
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if !store::decide_vendor(conn, vendor.as_str(), to, reason, &by, now)? {
        return Err(AppError::conflict(
            "the vendor was decided concurrently; reload it",
        ));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: if to == OrgApproval::Approved {
                "org.vendor_approved"
            } else {
                "org.vendor_rejected"
            },
            org_id: Some(vendor.as_str()),
            subject_type: "org",
            subject_id: Some(vendor.as_str()),
            details: json!({ "from": current.as_str(), "to": to.as_str(), "reason": reason }),
        },
    )?;
    for user in store::admin_user_ids(conn, vendor.as_str())? {
        if let Some(u) = crate::auth::find_user(conn, &user)? {
            mail::enqueue(
                conn,
                now,
                &templates::vendor_decided(
                    &u.email,
                    &u.display_name,
                    &org.name,
                    to.as_str(),
                    reason.unwrap_or(""),
                ),
            )?;
        }
    }
    store::find_org(conn, vendor.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("vendor vanished")))
}

/// Marks a vendor a trusted credential reviewer, or withdraws the mark, with a reason.
pub fn set_trusted_reviewer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    vendor: &OrgId,
    trusted: bool,
    reason: &str,
) -> AppResult<OrgRow> {
    let org = load_vendor(conn, vendor)?;
    if trusted && org.approval() != OrgApproval::Approved {
        return Err(AppError::conflict(format!(
            "vendor {vendor} is `{}`; only an approved vendor can be a trusted credential reviewer",
            org.approval_status
        )));
    }
    if org.trusted_reviewer == trusted {
        return Ok(org);
    }
    if !store::set_trusted_reviewer(conn, vendor.as_str(), trusted, now)? {
        return Err(AppError::internal(anyhow::anyhow!("vendor vanished")));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "org.vendor_trusted_reviewer_changed",
            org_id: Some(vendor.as_str()),
            subject_type: "org",
            subject_id: Some(vendor.as_str()),
            details: json!({ "from": org.trusted_reviewer, "to": trusted, "reason": reason.trim() }),
        },
    )?;
    store::find_org(conn, vendor.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("vendor vanished")))
}
