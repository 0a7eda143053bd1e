//! Bootstrapping platform administrators from the CLI
//! (`cadre admin create-platform-admin --email … --password-stdin`).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{is_plausible_email, password, password_policy, store};
use crate::audit::{self, Actor, Entry};
use crate::db::{Db, write_tx};
use crate::ids::UserId;

/// Creates a platform admin with a verified address, or promotes an existing user
/// (keeping their password). Returns a one-line summary.
pub async fn create_platform_admin(
    db: &Db,
    now: DateTime<Utc>,
    email: &str,
    display_name: &str,
    pw: &str,
) -> anyhow::Result<String> {
    if !is_plausible_email(email) {
        anyhow::bail!("--email: `{email}` is not a valid e-mail address");
    }
    let (email, display_name, pw) = (email.to_owned(), display_name.to_owned(), pw.to_owned());
    let pool = db.pool().clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
        let mut conn = pool.get()?;
        let existing = store::find_user_by_email(&mut conn, &email)?;
        let hash = match existing {
            Some(_) => None,
            None => {
                password_policy::check(&pw, &email)
                    .map_err(|why| anyhow::anyhow!("password {why}"))?;
                Some(password::hash(&pw)?)
            }
        };
        write_tx(&mut conn, |conn| -> anyhow::Result<String> {
            let (id, verb) = match (&existing, &hash) {
                (Some(user), _) => {
                    store::set_platform_admin(conn, &user.id, now)?;
                    (UserId::from_db(user.id.clone()), "promoted")
                }
                (None, Some(hash)) => {
                    let id = store::insert_user(
                        conn,
                        now,
                        &store::NewUser {
                            email: &email,
                            password_hash: hash,
                            display_name: &display_name,
                            is_platform_admin: true,
                            is_expert: false,
                            email_verified: true,
                        },
                    )?;
                    (id, "created")
                }
                (None, None) => anyhow::bail!("unreachable: no hash for a new user"),
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
                    details: json!({ "via": "cli", "outcome": verb }),
                },
            )?;
            Ok(format!("platform administrator {verb}: {id}"))
        })
    })
    .await?
}
