//! `cadre serve --demo`: seeds an empty database with a small, realistic instance so a
//! newcomer can try every endpoint at once. Each feature adds its part here: [`seed`]
//! creates the users, organizations, an invitation, an API key and a webhook endpoint, then
//! calls one `seed_*` function per area, each in its own file: `taxonomy.rs` (domains,
//! slices, projects, gold, items), `experts.rs` (experts and their credentials),
//! `qualification.rs`, `scoring.rs`, `scheduling.rs`, `payments.rs` and `rosters.rs`.
//!
//! Demo logins share one password (printed at start-up); never use `--demo` for real data.

mod experts;
mod payments;
mod qualification;
mod rosters;
mod scheduling;
mod scoring;
mod taxonomy;

use chrono::Duration;
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::auth::{self, OrgKind, OrgRole, Scope, api_keys, password, tokens};
use crate::db::{DbConn, write_tx};
use crate::ids::UserId;
use crate::orgs;
use crate::state::AppState;

use experts::seed_experts;
use payments::seed_payments;
use qualification::seed_qualification;
use rosters::seed_rosters;
use scheduling::seed_scheduling;
use scoring::seed_scoring;
use taxonomy::seed_taxonomy_and_projects;

pub const DEMO_PASSWORD: &str = "cadre-demo-password";

struct Person {
    email: &'static str,
    name: &'static str,
    expert: bool,
}

/// Seeds the demo data if the database has no users; returns a summary to print.
pub async fn seed(state: &AppState) -> anyhow::Result<Option<String>> {
    let hash = tokio::task::spawn_blocking(|| password::hash(DEMO_PASSWORD)).await??;
    let now = state.now();
    let settings = state.settings.clone();
    let pool = state.db.pool().clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<Option<String>> {
        let mut conn = pool.get()?;
        write_tx(&mut conn, |conn| -> anyhow::Result<Option<String>> {
            if auth::count_users(conn)? > 0 {
                return Ok(None);
            }
            let add = |conn: &mut DbConn, p: &Person, admin: bool| -> anyhow::Result<UserId> {
                Ok(auth::insert_user(conn, now, &auth::NewUser {
                    email: p.email,
                    password_hash: &hash,
                    display_name: p.name,
                    is_platform_admin: admin,
                    is_expert: p.expert,
                    email_verified: true,
                })?)
            };
            let admin = add(conn, &Person { email: "admin@cadre.demo", name: "Platform Admin", expert: false }, true)?;
            let ada = add(conn, &Person { email: "ada@helix.demo", name: "Ada Okafor", expert: false }, false)?;
            let grace = add(conn, &Person { email: "grace@helix.demo", name: "Grace Lindqvist", expert: false }, false)?;
            let alan = add(conn, &Person { email: "alan@northwind.demo", name: "Alan Moreau", expert: false }, false)?;
            let maria = add(conn, &Person { email: "maria@meridian.demo", name: "Maria Santos", expert: false }, false)?;
            let mut expert_users = Vec::new();
            for p in [
                Person { email: "dr.chen@experts.demo", name: "Dr. Wei Chen (radiology)", expert: true },
                Person { email: "j.okoro@experts.demo", name: "Jude Okoro, JD (contracts)", expert: true },
                Person { email: "h.nakamura@experts.demo", name: "Hana Nakamura (Rust, systems)", expert: true },
                Person { email: "l.fischer@experts.demo", name: "Lena Fischer (olympiad math)", expert: true },
            ] {
                expert_users.push((add(conn, &p, false)?, p.name));
            }

            let helix = orgs::insert_org(conn, now, OrgKind::Lab, "Helix Labs", ada.as_str())?;
            orgs::insert_membership(conn, now, helix.as_str(), ada.as_str(), OrgRole::LabAdmin)?;
            orgs::insert_membership(conn, now, helix.as_str(), grace.as_str(), OrgRole::LabMember)?;
            let northwind = orgs::insert_org(conn, now, OrgKind::Lab, "Northwind AI", alan.as_str())?;
            orgs::insert_membership(conn, now, northwind.as_str(), alan.as_str(), OrgRole::LabAdmin)?;
            let meridian = orgs::insert_org(conn, now, OrgKind::Vendor, "Meridian Expert Network", maria.as_str())?;
            orgs::insert_membership(conn, now, meridian.as_str(), maria.as_str(), OrgRole::VendorAdmin)?;
            // Vendors start pending; the platform approved Meridian.
            orgs::approval::decide(conn, now, &Actor::user(&admin, None), &meridian,
                crate::auth::OrgApproval::Approved, Some("Demo: references and contracts checked"))
                .map_err(|e| anyhow::anyhow!("demo vendor approval: {e}"))?;

            orgs::insert_invitation(conn, now, &orgs::NewInvitation {
                org: helix.as_str(),
                email: "new.researcher@helix.demo",
                role: OrgRole::LabMember,
                token_hash: &tokens::hash_secret(&tokens::random_secret()),
                invited_by: ada.as_str(),
                expires_at: now + Duration::days(7),
            })?;

            let (secret, prefix) = tokens::new_api_key();
            api_keys::insert(conn, now, &api_keys::NewApiKey {
                org: helix.as_str(),
                name: "escalation-pipeline (demo)",
                prefix: &prefix,
                secret_hash: &tokens::hash_secret(&secret),
                scopes: &[Scope::OrgRead, Scope::MembersRead],
                created_by: ada.as_str(),
            })?;

            // Helix listens for its items' events. The host does not exist, so the demo's
            // deliveries fail and are retried: the delivery log shows how that looks.
            let hook = crate::webhooks::insert_endpoint(conn, now, &crate::webhooks::NewEndpoint {
                org: helix.as_str(),
                url: "https://hooks.helix.demo/cadre",
                description: "escalation pipeline (demo; the host does not resolve)",
                events: &[crate::webhooks::EventType::ItemResolved, crate::webhooks::EventType::ItemNeedsAttention, crate::webhooks::EventType::ItemDeadlineMissed],
                secret: &format!("whsec_{}", tokens::random_secret()),
                created_by: ada.as_str(),
            })?;

            let taxonomy = seed_taxonomy_and_projects(conn, now, &admin, &ada, &helix, &northwind, &alan, &maria, &meridian, &settings)?;
            let experts = seed_experts(conn, now, &expert_users, &meridian, &maria, &admin)?;
            let qualification = seed_qualification(conn, now, &admin)?;
            let scoring = seed_scoring(conn, now, &settings, &admin, &maria, &meridian)?;
            // Route the queued items now that a radiologist is qualified.
            for id in &crate::routing::all_item_ids(conn)? {
                crate::routing::service::route_item(conn, now, &settings, id)
                    .map_err(|e| anyhow::anyhow!("demo routing: {e}"))?;
            }
            // The deadline job's first run: raises the near-deadline items on the priority
            // curve and marks the one past its deadline overdue (item.deadline_missed).
            crate::routing::deadlines::sweep(conn, now, &settings)?;

            // Scheduling after routing, so the queued items were offered by the rules above.
            let scheduling = seed_scheduling(conn, now, &settings, &ada)?;
            let payments = seed_payments(conn, now, &settings, &admin, &ada, &helix, &meridian)?;
            let rosters = seed_rosters(conn, now, &settings, &hash, &admin, &maria, &meridian)?;

            audit::record(conn, now, &Actor::system(), Entry {
                action: "demo.seeded",
                org_id: None,
                subject_type: "instance",
                subject_id: None,
                details: json!({ "platform_admin": admin.as_str(), "orgs": [helix.as_str(), northwind.as_str(), meridian.as_str()] }),
            })?;

            Ok(Some(format!(
                "demo data seeded. Every demo login uses the password `{DEMO_PASSWORD}`:\n\
                 \x20 platform admin   admin@cadre.demo\n\
                 \x20 Helix Labs       ada@helix.demo (lab_admin), grace@helix.demo (lab_member)   org {helix}\n\
                 \x20 Northwind AI     alan@northwind.demo (lab_admin)                             org {northwind}\n\
                 \x20 Meridian (vendor) maria@meridian.demo (vendor_admin)                         org {meridian}\n\
                 \x20 experts          dr.chen@, j.okoro@, h.nakamura@, l.fischer@experts.demo\n\
                 \x20 Helix API key (org:read members:read), shown once: {secret}\n\
                 \x20 Helix webhook endpoint {hook_id}: {hook_url} (item.resolved, item.needs_attention, item.deadline_missed)\n\
                 {taxonomy}\n\
                 {experts}\n\
                 {qualification}\n\
                 {scoring}\n\
                 {scheduling}\n\
                 {payments}\n\
                 {rosters}",
                hook_id = hook.id,
                hook_url = hook.url,
            )))
        })
    })
    .await?
}

/// A shared slice of the demo, by key.
fn shared_slice(conn: &mut DbConn, key: &str) -> anyhow::Result<crate::taxonomy::SliceRow> {
    crate::taxonomy::find_slice_by_key(conn, "", key)?
        .ok_or_else(|| anyhow::anyhow!("demo slice {key} missing"))
}

/// The expert profile of the demo user with this e-mail address.
fn expert_by_email(conn: &mut DbConn, email: &str) -> anyhow::Result<crate::experts::ExpertRow> {
    let user = auth::find_user_by_email(conn, email)?
        .ok_or_else(|| anyhow::anyhow!("demo user {email} missing"))?;
    crate::experts::find_expert_by_user(conn, &user.id)?
        .ok_or_else(|| anyhow::anyhow!("demo expert {email} missing"))
}
