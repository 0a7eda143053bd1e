//! Bootstrapping platform administrators from the CLI
//! (`cadre admin create-platform-admin --email … --password-stdin [--promote-existing]`).
//!
//! The command is the root of every standing on an instance, so it trusts nothing it did
//! not make: an account that already holds the address (anyone can register one before
//! the operator runs the command) is refused unless the operator names it with
//! `--promote-existing`, and even then only a verified address is promoted. The password
//! read from standard input is always the one the admin signs in with, and promotion
//! revokes every session the account already had.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{is_plausible_email, password, password_policy, store};
use crate::audit::{self, Actor, Entry};
use crate::db::{Db, write_tx};
use crate::ids::UserId;

/// Whether an account that already holds the address may be promoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Promote,
}

/// Creates a platform admin with a verified address and the given password, or (with
/// [`Existing::Promote`]) promotes the verified account that holds the address, sets
/// the given password and revokes its sessions. Returns what was done, one line.
pub async fn create_platform_admin(
    db: &Db,
    now: DateTime<Utc>,
    email: &str,
    display_name: &str,
    pw: &str,
    existing_policy: Existing,
) -> anyhow::Result<String> {
    if !is_plausible_email(email) {
        anyhow::bail!("--email: `{email}` is not a valid e-mail address");
    }
    password_policy::check(pw, email).map_err(|why| anyhow::anyhow!("password {why}"))?;
    let (email, display_name, pw) = (email.to_owned(), display_name.to_owned(), pw.to_owned());
    let pool = db.pool().clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
        let hash = password::hash(&pw)?;
        let mut conn = pool.get()?;
        write_tx(&mut conn, |conn| -> anyhow::Result<String> {
            let existing = store::find_user_by_email(conn, &email)?;
            let (id, outcome, summary) = match existing {
                Some(user) => {
                    if existing_policy == Existing::Refuse {
                        anyhow::bail!(
                            "an account with the address {email} already exists ({}) and was \
                             not changed. Cadre did not create it, so it may belong to someone \
                             else. If it is yours, re-run with --promote-existing: its address \
                             must be verified, the password you give replaces its password, and \
                             its sessions are signed out",
                            user.id
                        );
                    }
                    if user.email_verified_at.is_none() {
                        anyhow::bail!(
                            "the account {} holds {email} but has never verified it; an \
                             unverified account is never promoted (anyone can register an \
                             address they do not own). Verify the address first, or remove \
                             the account",
                            user.id
                        );
                    }
                    store::promote_to_platform_admin(conn, &user.id, &hash, now)?;
                    let revoked = store::revoke_user_sessions(
                        conn,
                        &user.id,
                        "promoted to platform admin",
                        now,
                    )?;
                    (
                        UserId::from_db(user.id.clone()),
                        "promoted",
                        format!(
                            "promoted the existing account {} ({email}) to platform \
                             administrator; its password is now the one given; {revoked} \
                             session(s) signed out",
                            user.id
                        ),
                    )
                }
                None => {
                    let id = store::insert_user(
                        conn,
                        now,
                        &store::NewUser {
                            email: &email,
                            password_hash: &hash,
                            display_name: &display_name,
                            is_platform_admin: true,
                            is_expert: false,
                            email_verified: true,
                        },
                    )?;
                    let summary = format!(
                        "created platform administrator {id} ({email}) with the password given"
                    );
                    (id, "created", summary)
                }
            };
            audit::record(
                conn,
                now,
                &Actor::system(),
                Entry {
                    action: "admin.platform_admin_granted",
                    org_id: None,
                    subject_type: "user",
                    subject_id: Some(id.as_str()),
                    details: json!({ "via": "cli", "outcome": outcome }),
                },
            )?;
            Ok(summary)
        })
    })
    .await?
}
