//! Queries for roster invitations and roster memberships.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{roster_invitations, roster_memberships};
use crate::ids::{RosterInvitationId, RosterMembershipId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = roster_invitations)]
pub struct InvitationRow {
    pub id: String,
    pub vendor_org_id: String,
    pub email: String,
    pub email_normalized: String,
    pub message: String,
    pub token_hash: String,
    pub invited_by: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub accepted_by_expert: Option<String>,
    pub declined_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub struct NewInvitation<'a> {
    pub vendor: &'a str,
    pub email: &'a str,
    pub message: &'a str,
    pub token_hash: &'a str,
    pub invited_by: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub fn insert_invitation(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    n: &NewInvitation<'_>,
) -> QueryResult<InvitationRow> {
    let id = RosterInvitationId::new(now).into_string();
    diesel::insert_into(roster_invitations::table)
        .values((
            roster_invitations::id.eq(&id),
            roster_invitations::vendor_org_id.eq(n.vendor),
            roster_invitations::email.eq(n.email.trim()),
            roster_invitations::email_normalized.eq(crate::auth::normalize_email(n.email)),
            roster_invitations::message.eq(n.message),
            roster_invitations::token_hash.eq(n.token_hash),
            roster_invitations::invited_by.eq(n.invited_by),
            roster_invitations::created_at.eq(now.naive_utc()),
            roster_invitations::expires_at.eq(n.expires_at.naive_utc()),
        ))
        .execute(conn)?;
    roster_invitations::table
        .find(&id)
        .select(InvitationRow::as_select())
        .first(conn)
}

/// Open (unused, unrevoked, undeclined, unexpired) invitations of the vendor for an address.
pub fn open_invitations_for(
    conn: &mut DbConn,
    vendor: &str,
    email: &str,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    roster_invitations::table
        .filter(roster_invitations::vendor_org_id.eq(vendor))
        .filter(roster_invitations::email_normalized.eq(crate::auth::normalize_email(email)))
        .filter(roster_invitations::accepted_at.is_null())
        .filter(roster_invitations::revoked_at.is_null())
        .filter(roster_invitations::declined_at.is_null())
        .filter(roster_invitations::expires_at.gt(now.naive_utc()))
        .count()
        .get_result(conn)
}

pub fn list_invitations(
    conn: &mut DbConn,
    vendor: &str,
    page: &PageRequest,
) -> QueryResult<Vec<InvitationRow>> {
    let mut q = roster_invitations::table
        .filter(roster_invitations::vendor_org_id.eq(vendor))
        .order_by(roster_invitations::id.asc())
        .limit(page.limit + 1)
        .select(InvitationRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(roster_invitations::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn find_invitation(
    conn: &mut DbConn,
    vendor: &str,
    id: &str,
) -> QueryResult<Option<InvitationRow>> {
    roster_invitations::table
        .find(id)
        .filter(roster_invitations::vendor_org_id.eq(vendor))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_invitation_by_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<InvitationRow>> {
    roster_invitations::table
        .filter(roster_invitations::token_hash.eq(token_hash))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the invitation used; false if it was used, declined or revoked meanwhile (the
/// single-use guarantee under concurrency: only one transaction's update matches).
pub fn accept_invitation(
    conn: &mut DbConn,
    id: &str,
    expert: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        roster_invitations::table
            .find(id)
            .filter(roster_invitations::accepted_at.is_null())
            .filter(roster_invitations::declined_at.is_null())
            .filter(roster_invitations::revoked_at.is_null()),
    )
    .set((
        roster_invitations::accepted_at.eq(Some(now.naive_utc())),
        roster_invitations::accepted_by_expert.eq(Some(expert)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn decline_invitation(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        roster_invitations::table
            .find(id)
            .filter(roster_invitations::accepted_at.is_null())
            .filter(roster_invitations::declined_at.is_null())
            .filter(roster_invitations::revoked_at.is_null()),
    )
    .set(roster_invitations::declined_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_invitation(
    conn: &mut DbConn,
    vendor: &str,
    id: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        roster_invitations::table
            .find(id)
            .filter(roster_invitations::vendor_org_id.eq(vendor))
            .filter(roster_invitations::accepted_at.is_null())
            .filter(roster_invitations::declined_at.is_null())
            .filter(roster_invitations::revoked_at.is_null()),
    )
    .set(roster_invitations::revoked_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = roster_memberships)]
pub struct MembershipRow {
    pub id: String,
    pub expert_id: String,
    pub vendor_org_id: String,
    pub joined_via: String,
    pub invitation_id: Option<String>,
    pub joined_at: NaiveDateTime,
    pub left_at: Option<NaiveDateTime>,
    pub left_reason: Option<String>,
    pub left_note: Option<String>,
    pub left_by: Option<String>,
}

/// Puts the expert on the vendor's roster: their current roster becomes `vendor` and a
/// membership row begins. The caller has ended any previous membership.
pub fn join(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    vendor: &str,
    via: &str,
    invitation: Option<&str>,
) -> QueryResult<String> {
    let id = RosterMembershipId::new(now).into_string();
    diesel::insert_into(roster_memberships::table)
        .values((
            roster_memberships::id.eq(&id),
            roster_memberships::expert_id.eq(expert),
            roster_memberships::vendor_org_id.eq(vendor),
            roster_memberships::joined_via.eq(via),
            roster_memberships::invitation_id.eq(invitation),
            roster_memberships::joined_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    crate::experts::set_vendor(conn, now, expert, Some(vendor))?;
    Ok(id)
}

/// Ends the expert's current membership (if any) and clears their current roster.
/// Returns the membership that ended.
pub fn leave(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    reason: &str,
    note: Option<&str>,
    by: Option<&str>,
) -> QueryResult<Option<MembershipRow>> {
    let current = current(conn, expert)?;
    if let Some(m) = &current {
        diesel::update(roster_memberships::table.find(&m.id))
            .set((
                roster_memberships::left_at.eq(Some(now.naive_utc())),
                roster_memberships::left_reason.eq(Some(reason)),
                roster_memberships::left_note.eq(note),
                roster_memberships::left_by.eq(by),
            ))
            .execute(conn)?;
    }
    crate::experts::set_vendor(conn, now, expert, None)?;
    Ok(current)
}

pub fn current(conn: &mut DbConn, expert: &str) -> QueryResult<Option<MembershipRow>> {
    roster_memberships::table
        .filter(roster_memberships::expert_id.eq(expert))
        .filter(roster_memberships::left_at.is_null())
        .select(MembershipRow::as_select())
        .first(conn)
        .optional()
}

/// The expert's memberships, oldest first; only those with `vendor` if given.
pub fn history(
    conn: &mut DbConn,
    expert: &str,
    vendor: Option<&str>,
) -> QueryResult<Vec<MembershipRow>> {
    let mut q = roster_memberships::table
        .filter(roster_memberships::expert_id.eq(expert))
        .into_boxed();
    if let Some(v) = vendor {
        q = q.filter(roster_memberships::vendor_org_id.eq(v.to_owned()));
    }
    q.order_by(roster_memberships::id.asc())
        .select(MembershipRow::as_select())
        .load(conn)
}

/// Scrubs roster invitations sent to `email` (normalised): account deletion.
pub fn erase_invitations_to(conn: &mut DbConn, email: &str, erased: &str) -> QueryResult<()> {
    diesel::update(
        roster_invitations::table.filter(roster_invitations::email_normalized.eq(email)),
    )
    .set((
        roster_invitations::email.eq(erased),
        roster_invitations::email_normalized.eq(erased),
        roster_invitations::message.eq(""),
    ))
    .execute(conn)?;
    Ok(())
}

/// Moves the start of every roster membership to `joined_at` (the demo seed backdates
/// its rosters so their history has a beginning). Returns how many it moved.
pub fn backdate_all_memberships(conn: &mut DbConn, joined_at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(roster_memberships::table)
        .set(roster_memberships::joined_at.eq(joined_at))
        .execute(conn)
}
