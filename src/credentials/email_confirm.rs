//! Confirming an institutional e-mail address: the one rule behind both the API
//! (`POST /v1/credentials/{c}/email-verification/confirm`) and the page the e-mail links to
//! (`/credentials/{c}/confirm-email`). The token is the proof, so no login is needed;
//! single use: a replayed, superseded or expired token is refused.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::store::{self, EmailCheckRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::tokens;
use crate::error::{AppError, AppResult};
use crate::ids::CredentialId;
use crate::state::AppState;

/// Confirms the check whose token is `token` for credential `id`; returns the confirmed
/// check (the credential then has `email_domain_verified` evidence).
pub async fn confirm(
    state: &AppState,
    id: CredentialId,
    token: &str,
    request_id: Option<String>,
) -> AppResult<EmailCheckRow> {
    let hash = tokens::hash_secret(token.trim());
    let now: DateTime<Utc> = state.now();
    state
        .db
        .write(move |conn| {
            let invalid = || {
                AppError::bad_parameter(
                    "token",
                    "is not a valid verification token for this credential",
                )
            };
            let check = store::find_email_check_by_token(conn, &hash)?
                .filter(|r| r.credential_id == id.as_str())
                .ok_or_else(invalid)?;
            match check.status.as_str() {
                "confirmed" => return Err(AppError::conflict("this link was already used")),
                "superseded" => {
                    return Err(AppError::gone(
                        "a newer verification e-mail replaced this one; use the latest link",
                    ));
                }
                _ => {}
            }
            if crate::clock::utc(check.expires_at) <= now {
                return Err(AppError::gone("this link has expired; ask for a new one"));
            }
            let c = store::find(conn, id.as_str())?.ok_or_else(invalid)?;
            if c.status != "pending" || !store::lock_pending(conn, &c.id, now)? {
                return Err(AppError::conflict(format!(
                    "the credential is {}; it no longer takes evidence",
                    c.status
                )));
            }
            if !store::confirm_email_check(conn, &check.id, now)? {
                return Err(AppError::conflict("this link was already used"));
            }
            audit::record(
                conn,
                now,
                &Actor::anonymous(request_id.clone()),
                Entry {
                    action: "credential.email_domain_verified",
                    org_id: c.vendor_id.as_deref(),
                    subject_type: "credential",
                    subject_id: Some(&c.id),
                    details: json!({ "check": check.id }),
                },
            )?;
            store::email_checks_of(conn, &c.id)?
                .into_iter()
                .find(|r| r.id == check.id)
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("e-mail check vanished")))
        })
        .await
}
