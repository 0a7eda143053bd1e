//! Queries for organisations, memberships and invitations. Every query that reads an
//! organisation's data filters by its `org_id`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::auth::{OrgKind, OrgRole};
use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{invitations, memberships, orgs};
use crate::ids::{InvitationId, MembershipId, OrgId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = orgs)]
pub struct OrgRow {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// `pending`, `approved` or `rejected` ([`crate::auth::OrgApproval`]).
    pub approval_status: String,
    pub approval_reason: Option<String>,
    pub approval_decided_at: Option<NaiveDateTime>,
    pub approval_decided_by: Option<String>,
    pub trusted_reviewer: bool,
}

impl OrgRow {
    pub fn approval(&self) -> crate::auth::OrgApproval {
        // An unknown value is treated as not approved: it never grants a power.
        crate::auth::OrgApproval::parse(&self.approval_status)
            .unwrap_or(crate::auth::OrgApproval::Pending)
    }
}

pub fn insert_org(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    kind: OrgKind,
    name: &str,
    created_by: &str,
) -> QueryResult<OrgId> {
    let id = OrgId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(orgs::table)
        .values((
            orgs::id.eq(id.as_str()),
            orgs::kind.eq(kind.as_str()),
            orgs::name.eq(name.trim()),
            orgs::created_by.eq(created_by),
            orgs::created_at.eq(t),
            orgs::updated_at.eq(t),
            orgs::approval_status.eq(crate::auth::OrgApproval::initial(kind).as_str()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Records the platform's decision on a `pending` vendor (conditional: false if it was
/// no longer pending).
pub fn decide_vendor(
    conn: &mut DbConn,
    id: &str,
    to: crate::auth::OrgApproval,
    reason: Option<&str>,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        orgs::table
            .find(id)
            .filter(orgs::kind.eq(OrgKind::Vendor.as_str()))
            .filter(orgs::approval_status.eq(crate::auth::OrgApproval::Pending.as_str())),
    )
    .set((
        orgs::approval_status.eq(to.as_str()),
        orgs::approval_reason.eq(reason),
        orgs::approval_decided_at.eq(Some(now.naive_utc())),
        orgs::approval_decided_by.eq(Some(by)),
        orgs::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Marks a vendor a trusted credential reviewer (or not).
pub fn set_trusted_reviewer(
    conn: &mut DbConn,
    id: &str,
    trusted: bool,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        orgs::table
            .find(id)
            .filter(orgs::kind.eq(OrgKind::Vendor.as_str())),
    )
    .set((
        orgs::trusted_reviewer.eq(trusted),
        orgs::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Vendors with the given approval status, oldest first (platform admins' review queue).
pub fn list_vendors(
    conn: &mut DbConn,
    approval: crate::auth::OrgApproval,
    page: &PageRequest,
) -> QueryResult<Vec<OrgRow>> {
    let mut q = orgs::table
        .filter(orgs::kind.eq(OrgKind::Vendor.as_str()))
        .filter(orgs::approval_status.eq(approval.as_str()))
        .select(OrgRow::as_select())
        .order_by(orgs::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(orgs::id.gt(after.clone()));
    }
    q.load(conn)
}

/// The user ids of an organisation's administrators (whom its approval is e-mailed to).
pub fn admin_user_ids(conn: &mut DbConn, org: &str) -> QueryResult<Vec<String>> {
    memberships::table
        .filter(memberships::org_id.eq(org))
        .filter(
            memberships::role.eq_any([OrgRole::LabAdmin.as_str(), OrgRole::VendorAdmin.as_str()]),
        )
        .order_by(memberships::id.asc())
        .select(memberships::user_id)
        .load(conn)
}

/// Takes the organisation's row lock for the rest of the transaction (PostgreSQL; SQLite
/// write transactions are already serialised by `BEGIN IMMEDIATE`). Every change to
/// memberships or invitations takes it first, so invariants that read several rows
/// ("at least one administrator", "one open invitation per address") hold under
/// concurrency. Returns false if the organisation does not exist.
pub fn lock_org(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(orgs::table.find(id))
        .set(orgs::updated_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn find_org(conn: &mut DbConn, id: &str) -> QueryResult<Option<OrgRow>> {
    orgs::table
        .find(id)
        .select(OrgRow::as_select())
        .first(conn)
        .optional()
}

/// Organisations visible to a principal: `Some(ids)` restricts to those, `None` is all (platform admin).
pub fn list_orgs(
    conn: &mut DbConn,
    only: Option<&[String]>,
    page: &PageRequest,
) -> QueryResult<Vec<OrgRow>> {
    let mut q = orgs::table
        .select(OrgRow::as_select())
        .order_by(orgs::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(ids) = only {
        q = q.filter(orgs::id.eq_any(ids.to_vec()));
    }
    if let Some(after) = &page.after {
        q = q.filter(orgs::id.gt(after.clone()));
    }
    q.load(conn)
}

// ---- memberships ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = memberships)]
pub struct MembershipRow {
    pub id: String,
    pub org_id: String,
    pub user_id: String,
    pub role: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_membership(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    org: &str,
    user: &str,
    role: OrgRole,
) -> QueryResult<MembershipId> {
    let id = MembershipId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(memberships::table)
        .values((
            memberships::id.eq(id.as_str()),
            memberships::org_id.eq(org),
            memberships::user_id.eq(user),
            memberships::role.eq(role.as_str()),
            memberships::created_at.eq(t),
            memberships::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

/// A user's memberships with their organisations' kind and name.
pub fn memberships_of_user(
    conn: &mut DbConn,
    user: &str,
) -> QueryResult<Vec<(MembershipRow, OrgRow)>> {
    memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user))
        .order_by(memberships::id.asc())
        .select((MembershipRow::as_select(), OrgRow::as_select()))
        .load(conn)
}

pub fn find_membership(
    conn: &mut DbConn,
    org: &str,
    user: &str,
) -> QueryResult<Option<MembershipRow>> {
    memberships::table
        .filter(memberships::org_id.eq(org))
        .filter(memberships::user_id.eq(user))
        .select(MembershipRow::as_select())
        .first(conn)
        .optional()
}

/// A member as listed: membership, e-mail, display name, when the e-mail was verified.
pub type MemberRow = (MembershipRow, String, String, Option<NaiveDateTime>);

pub fn count_admins(conn: &mut DbConn, org: &str) -> QueryResult<i64> {
    memberships::table
        .filter(memberships::org_id.eq(org))
        .filter(
            memberships::role.eq_any([OrgRole::LabAdmin.as_str(), OrgRole::VendorAdmin.as_str()]),
        )
        .count()
        .get_result(conn)
}

pub fn set_member_role(
    conn: &mut DbConn,
    membership: &str,
    from: &str,
    to: OrgRole,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        memberships::table
            .find(membership)
            .filter(memberships::role.eq(from)),
    )
    .set((
        memberships::role.eq(to.as_str()),
        memberships::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_membership(conn: &mut DbConn, membership: &str) -> QueryResult<bool> {
    Ok(diesel::delete(memberships::table.find(membership)).execute(conn)? == 1)
}

// ---- invitations ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub email_normalized: String,
    pub role: String,
    pub token_hash: String,
    pub invited_by: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub accepted_by: Option<String>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub struct NewInvitation<'a> {
    pub org: &'a str,
    pub email: &'a str,
    pub role: OrgRole,
    pub token_hash: &'a str,
    pub invited_by: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub fn insert_invitation(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    new: &NewInvitation<'_>,
) -> QueryResult<InvitationRow> {
    let id = InvitationId::new(now);
    diesel::insert_into(invitations::table)
        .values((
            invitations::id.eq(id.as_str()),
            invitations::org_id.eq(new.org),
            invitations::email.eq(new.email.trim()),
            invitations::email_normalized.eq(crate::auth::normalize_email(new.email)),
            invitations::role.eq(new.role.as_str()),
            invitations::token_hash.eq(new.token_hash),
            invitations::invited_by.eq(new.invited_by),
            invitations::created_at.eq(now.naive_utc()),
            invitations::expires_at.eq(new.expires_at.naive_utc()),
        ))
        .execute(conn)?;
    invitations::table
        .find(id.as_str())
        .select(InvitationRow::as_select())
        .first(conn)
}

/// Open (not accepted, not revoked, not expired) invitations of `org` for an e-mail.
pub fn open_invitations_for(
    conn: &mut DbConn,
    org: &str,
    email: &str,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    invitations::table
        .filter(invitations::org_id.eq(org))
        .filter(invitations::email_normalized.eq(crate::auth::normalize_email(email)))
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now.naive_utc()))
        .count()
        .get_result(conn)
}

pub fn list_invitations(
    conn: &mut DbConn,
    org: &str,
    page: &PageRequest,
) -> QueryResult<Vec<InvitationRow>> {
    let mut q = invitations::table
        .filter(invitations::org_id.eq(org))
        .order_by(invitations::id.asc())
        .limit(page.limit + 1)
        .select(InvitationRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(invitations::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn find_invitation(
    conn: &mut DbConn,
    org: &str,
    id: &str,
) -> QueryResult<Option<InvitationRow>> {
    invitations::table
        .find(id)
        .filter(invitations::org_id.eq(org))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_invitation_by_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<InvitationRow>> {
    invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

/// Accepts an open invitation exactly once (conditional update).
pub fn accept_invitation(
    conn: &mut DbConn,
    id: &str,
    user: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null())
            .filter(invitations::expires_at.gt(now.naive_utc())),
    )
    .set((
        invitations::accepted_at.eq(Some(now.naive_utc())),
        invitations::accepted_by.eq(Some(user)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Revokes the open invitations `inviter` sent for `org` (when they lose admin rights).
pub fn revoke_invitations_sent_by(
    conn: &mut DbConn,
    org: &str,
    inviter: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        invitations::table
            .filter(invitations::org_id.eq(org))
            .filter(invitations::invited_by.eq(inviter))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(Some(now.naive_utc())))
    .execute(conn)
}

pub fn revoke_invitation(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::org_id.eq(org))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

/// Takes the user out of every organisation and scrubs invitations sent to `email`
/// (normalised): account deletion.
pub fn erase_member(conn: &mut DbConn, user: &str, email: &str, erased: &str) -> QueryResult<()> {
    diesel::delete(memberships::table.filter(memberships::user_id.eq(user))).execute(conn)?;
    diesel::update(invitations::table.filter(invitations::email_normalized.eq(email)))
        .set((
            invitations::email.eq(erased),
            invitations::email_normalized.eq(erased),
        ))
        .execute(conn)?;
    Ok(())
}
