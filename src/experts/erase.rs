//! Account deletion for experts (DESIGN, "Files and personal data"): in one transaction the
//! profile is anonymised, evidence files are deleted, credentials keep only what scoring and
//! history need (kind, field, status), the user can no longer log in and leaves every
//! organisation, stored e-mails addressed to them are scrubbed, and their availability and
//! calendar feed are deleted (future shifts cancelled and re-planned). Audit and ledger rows
//! keep ids, never personal data.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::db::DbConn;
use crate::db::schema::{
    credential_email_checks, credentials, email_tokens, evidence_files, experts, invitations, jobs,
    memberships, roster_invitations, users,
};
use crate::http::ApiResult;

pub const ERASED: &str = "[erased]";
/// The password hash of an erased account (matches no password).
pub const ERASED_PASSWORD: &str = "!erased";

/// Erases the expert behind `user` (and the user account itself). Returns the expert id.
pub fn erase_expert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &str,
    actor: &Actor,
) -> ApiResult<Option<String>> {
    let t = now.naive_utc();
    let (original, email): (String, String) = users::table
        .find(user)
        .select((users::email, users::email_normalized))
        .first(conn)?;
    let expert: Option<String> = experts::table
        .filter(experts::user_id.eq(user))
        .select(experts::id)
        .first(conn)
        .optional()?;

    // Institutional addresses the expert named for credential checks are personal too.
    let mut institutional: Vec<String> = Vec::new();
    if let Some(expert) = &expert {
        institutional = credential_email_checks::table
            .filter(credential_email_checks::expert_id.eq(expert))
            .select(credential_email_checks::email)
            .load(conn)?;
        diesel::update(
            credential_email_checks::table.filter(credential_email_checks::expert_id.eq(expert)),
        )
        .set((
            credential_email_checks::email.eq(ERASED),
            credential_email_checks::domain.eq(ERASED),
            credential_email_checks::token_hash.eq(diesel::dsl::sql::<diesel::sql_types::Text>(
                "'erased-' || id",
            )),
        ))
        .execute(conn)?;
        diesel::delete(evidence_files::table.filter(evidence_files::expert_id.eq(expert)))
            .execute(conn)?;
        // Availability is personal too; future shifts are cancelled and re-planned.
        crate::scheduling::service::forget(conn, now, expert)?;
        diesel::update(credentials::table.filter(credentials::expert_id.eq(expert)))
            .set((
                credentials::issuer.eq(ERASED),
                credentials::issuer_domain.eq(None::<String>),
                credentials::identifier.eq(None::<String>),
                credentials::jurisdiction.eq(None::<String>),
                credentials::updated_at.eq(t),
            ))
            .execute(conn)?;
        let previous: String = experts::table
            .find(expert)
            .select(experts::vetting_status)
            .first(conn)?;
        if previous != "offboarded" {
            super::store::insert_transition(
                conn,
                now,
                expert,
                Some(&previous),
                "offboarded",
                "account deleted by the expert",
                actor,
            )?;
        }
        diesel::update(experts::table.find(expert))
            .set((
                experts::display_name.eq("[deleted expert]"),
                experts::headline.eq(""),
                experts::bio.eq(""),
                experts::affiliations.eq("[]"),
                experts::contact_consent.eq(false),
                // The account is gone: no routing, no lab card.
                experts::vetting_status.eq("offboarded"),
                experts::status_changed_at.eq(t),
                experts::updated_at.eq(t),
            ))
            .execute(conn)?;
    }

    // The account: no e-mail, no password, no sessions, no memberships.
    let placeholder = format!("deleted-{user}@erased.invalid");
    diesel::update(users::table.find(user))
        .set((
            users::email.eq(&placeholder),
            users::email_normalized.eq(&placeholder),
            users::display_name.eq("[deleted]"),
            users::password_hash.eq(ERASED_PASSWORD),
            users::email_verified_at.eq(None::<chrono::NaiveDateTime>),
            users::updated_at.eq(t),
        ))
        .execute(conn)?;
    crate::auth::revoke_user_sessions(conn, user, "account_deleted", now)?;
    diesel::delete(memberships::table.filter(memberships::user_id.eq(user))).execute(conn)?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(user))).execute(conn)?;
    diesel::update(invitations::table.filter(invitations::email_normalized.eq(&email)))
        .set((
            invitations::email.eq(ERASED),
            invitations::email_normalized.eq(ERASED),
        ))
        .execute(conn)?;
    diesel::update(
        roster_invitations::table.filter(roster_invitations::email_normalized.eq(&email)),
    )
    .set((
        roster_invitations::email.eq(ERASED),
        roster_invitations::email_normalized.eq(ERASED),
        roster_invitations::message.eq(""),
    ))
    .execute(conn)?;
    // Queued mail to the address is dropped; sent mail keeps no copy of the address.
    // Payloads hold the address as typed, so match both the original and normalised forms.
    let mut forms = vec![email.clone()];
    if original != email {
        forms.push(original.clone());
    }
    for address in institutional {
        if !forms.contains(&address) {
            forms.push(address);
        }
    }
    for form in forms {
        // The address as it appears in a job payload, with LIKE's wildcards escaped.
        let address = serde_json::to_string(&form)
            .unwrap_or_default()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%\"to\":{address}%");
        diesel::update(
            jobs::table
                .filter(jobs::kind.eq(crate::mail::SEND_EMAIL))
                .filter(jobs::status.eq("queued"))
                .filter(jobs::payload.like(pattern.clone()).escape('\\')),
        )
        .set((
            jobs::status.eq("dead"),
            jobs::last_error.eq(Some("recipient deleted their account")),
            jobs::finished_at.eq(Some(t)),
        ))
        .execute(conn)?;
        diesel::update(
            jobs::table
                .filter(jobs::kind.eq(crate::mail::SEND_EMAIL))
                .filter(jobs::payload.like(pattern).escape('\\')),
        )
        .set(jobs::payload.eq("{\"erased\":true}"))
        .execute(conn)?;
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
