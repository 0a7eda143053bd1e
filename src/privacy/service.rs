//! Account deletion, ordered across the features that hold the personal data.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::db::DbConn;
use crate::error::AppResult;

/// What erased text fields read afterwards.
pub const ERASED: &str = "[erased]";

/// Erases the expert behind `user` (and the user account itself). Returns the expert id.
pub fn erase_expert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &str,
    actor: &Actor,
) -> AppResult<Option<String>> {
    let (original, email) = crate::auth::emails_of(conn, user)?;
    let expert = crate::experts::find_expert_by_user(conn, user)?.map(|e| e.id);

    // Institutional addresses the expert named for credential checks are personal too.
    let mut institutional: Vec<String> = Vec::new();
    if let Some(expert) = &expert {
        institutional = crate::credentials::erase_for_expert(conn, expert, ERASED, now)?;
        // Availability is personal too; future shifts are cancelled and re-planned.
        crate::scheduling::service::forget(conn, now, expert)?;
        crate::experts::erase::erase_expert_profile(conn, now, expert, actor)?;
    }

    // The account: no e-mail, no password, no sessions, no memberships.
    crate::auth::erase_user(conn, user, now)?;
    crate::auth::revoke_user_sessions(conn, user, "account_deleted", now)?;
    crate::orgs::erase_member(conn, user, &email, ERASED)?;
    crate::rosters::erase_invitations_to(conn, &email, ERASED)?;
    // Queued mail to the address is dropped; sent mail keeps no copy of the address.
    // Payloads hold the address as typed, so match both the original and normalised forms.
    let mut forms = vec![email.clone()];
    if original != email {
        forms.push(original);
    }
    for address in institutional {
        if !forms.contains(&address) {
            forms.push(address);
        }
    }
    for form in forms {
        crate::mail::forget_recipient(conn, &form, now)?;
    }

    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "account.deleted",
            org_id: None,
            subject_type: "user",
            subject_id: Some(user),
            details: json!({ "expert_id": expert }),
        },
    )?;
    Ok(expert)
}
