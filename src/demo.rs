//! `cadre serve --demo`: seeds an empty database with a small, realistic instance so a
//! newcomer can try every endpoint at once. Each feature adds its part here.
//!
//! Demo logins share one password (printed at start-up); never use `--demo` for real data.

use chrono::Duration;
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::auth::{self, OrgKind, OrgRole, Scope, api_keys, password, tokens};
use crate::db::{DbConn, write_tx};
use crate::ids::UserId;
use crate::orgs;
use crate::state::AppState;

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
            use diesel::prelude::*;
            let existing: i64 = crate::db::schema::users::table.count().get_result(conn)?;
            if existing > 0 {
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
                events: &[crate::webhooks::EventType::ItemResolved, crate::webhooks::EventType::ItemNeedsAttention],
                secret: &format!("whsec_{}", tokens::random_secret()),
                created_by: ada.as_str(),
            })?;

            let taxonomy = seed_taxonomy_and_projects(conn, now, &admin, &ada, &helix, &northwind, &alan, &maria, &meridian)?;
            let experts = seed_experts(conn, now, &expert_users, &meridian, &maria, &admin)?;
            let qualification = seed_qualification(conn, now, &admin)?;
            let scoring = seed_scoring(conn, now, &settings, &admin, &maria, &meridian)?;
            // Route the queued items now that a radiologist is qualified.
            let queued: Vec<String> = crate::db::schema::items::table
                .select(crate::db::schema::items::id)
                .order_by(crate::db::schema::items::id.asc())
                .load(conn)?;
            for id in &queued {
                crate::routing::service::route_item(conn, now, &settings, id)
                    .map_err(|e| anyhow::anyhow!("demo routing: {e}"))?;
            }

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
                 \x20 Helix webhook endpoint {hook_id}: {hook_url} (item.resolved, item.needs_attention)\n\
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

/// Rubric domains, shared and private slices, two lab projects with constitutions, and gold
/// of every owner kind.
#[allow(clippy::too_many_arguments)]
fn seed_taxonomy_and_projects(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    admin: &UserId,
    ada: &UserId,
    helix: &crate::ids::OrgId,
    northwind: &crate::ids::OrgId,
    alan: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::gold::service::{GoldOwner, UploadContext, upload};
    use crate::projects::constitution::Clause;
    use crate::projects::service as projects;
    use crate::taxonomy::CredentialKind::{Degree, Licence};
    use crate::taxonomy::label_schema::{LabelSchema, MeasurementLevel};
    use crate::taxonomy::service::{self as taxonomy, NewSlice};

    let platform = Actor::user(admin, None);
    let lab_actor = Actor::user(ada, None);
    let domain = |conn: &mut DbConn,
                  slug: &str,
                  name: &str,
                  reqs: &[(crate::taxonomy::CredentialKind, &str)]|
     -> anyhow::Result<crate::ids::DomainId> {
        let reqs: Vec<_> = reqs.iter().map(|(k, f)| (*k, (*f).to_owned())).collect();
        Ok(taxonomy::create_domain(conn, now, &platform, slug, name, "", &reqs)?.id)
    };
    domain(conn, "medicine", "Medicine", &[(Licence, "medicine")])?;
    let radiology = domain(conn, "medicine/radiology", "Radiology", &[])?;
    domain(conn, "law", "Law", &[(Licence, "law")])?;
    let contracts = domain(conn, "law/contracts", "Contract law", &[])?;
    let code = domain(conn, "code", "Software engineering", &[])?;
    domain(conn, "math", "Mathematics", &[])?;
    let olympiad = domain(
        conn,
        "math/olympiad",
        "Olympiad mathematics",
        &[(Degree, "mathematics")],
    )?;

    let schema =
        |v: serde_json::Value| -> anyhow::Result<LabelSchema> { Ok(serde_json::from_value(v)?) };
    let slice = |conn: &mut DbConn,
                 key: &str,
                 org: Option<&crate::ids::OrgId>,
                 domain: &crate::ids::DomainId,
                 name: &str,
                 s: LabelSchema,
                 level,
                 by: &UserId|
     -> anyhow::Result<crate::ids::SliceId> {
        let actor = Actor::user(by, None);
        Ok(taxonomy::create_slice(
            conn,
            now,
            &actor,
            by.as_str(),
            NewSlice {
                key: key.into(),
                org: org.cloned(),
                domain: domain.clone(),
                name: name.into(),
                description: String::new(),
                schema: s,
                level,
                language: key.split_once(':').map(|(_, l)| l.to_owned()),
            },
        )?
        .id)
    };
    let rust_review = slice(
        conn,
        "code/rust-review",
        None,
        &code,
        "Rust code review",
        schema(json!({"kind": "pairwise", "max_strength": 3}))?,
        MeasurementLevel::Ordinal,
        admin,
    )?;
    let radiology_de = slice(
        conn,
        "medicine/radiology:de",
        None,
        &radiology,
        "Radiology reports (German)",
        schema(json!({"kind": "ordinal", "min": 1, "max": 5}))?,
        MeasurementLevel::Interval,
        admin,
    )?;
    slice(
        conn,
        "law/contracts",
        None,
        &contracts,
        "Contract clause risk",
        schema(
            json!({"kind": "categorical", "labels": ["low", "medium", "high"], "citations_required": true}),
        )?,
        MeasurementLevel::Ordinal,
        admin,
    )?;
    let proofs = slice(
        conn,
        "math/olympiad",
        None,
        &olympiad,
        "Olympiad proof grading",
        schema(json!({"kind": "categorical", "labels": ["correct", "flawed", "incomplete"]}))?,
        MeasurementLevel::Nominal,
        admin,
    )?;
    let helix_private = slice(
        conn,
        "medicine/radiology-findings",
        Some(helix),
        &radiology,
        "Helix: radiology findings preference",
        schema(json!({"kind": "pairwise", "citations_required": true}))?,
        MeasurementLevel::Ordinal,
        ada,
    )?;

    // Helix: an active project with a published, pinned constitution and a newer draft.
    let fields = |name: &str,
                  domain: &crate::ids::DomainId,
                  rate: i64,
                  currency: &str,
                  keywords: &[&str]| crate::projects::ProjectFields {
        name: name.into(),
        description: String::new(),
        domain_id: domain.to_string(),
        constitution_version: None,
        overlap: 2,
        gold_rate: 0.07,
        adjudication: true,
        default_deadline_secs: 72 * 3600,
        bill_rate_minor: rate,
        currency: currency.into(),
        budget_cap_minor: Some(rate * 2000),
        excluded_vendor_ids: "[]".into(),
        excluded_expert_ids: "[]".into(),
        affiliation_keywords: serde_json::to_string(keywords).unwrap_or_else(|_| "[]".into()),
        show_judge_confidence: false,
    };
    let slices = |ids: &[(&crate::ids::SliceId, projects::MinQualification)]| {
        ids.iter()
            .map(|(id, q)| projects::ProjectSlice {
                slice_id: (*id).clone(),
                min_qualification: *q,
            })
            .collect::<Vec<_>>()
    };
    let exclusions = |keywords: &[&str]| projects::Exclusions {
        affiliation_keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        ..Default::default()
    };
    let helix_project = projects::create_project(
        conn,
        now,
        &lab_actor,
        ada.as_str(),
        helix,
        projects::ProjectInput {
            fields: fields(
                "Radiology report preferences",
                &radiology,
                18_000,
                "EUR",
                &["Northwind"],
            ),
            slices: slices(&[
                (&radiology_de, projects::MinQualification::Qualified),
                (&helix_private, projects::MinQualification::Probation),
            ]),
            exclusions: exclusions(&["Northwind"]),
        },
    )?;
    let row = crate::projects::find_project(conn, helix_project.id.as_str())?
        .ok_or_else(|| anyhow::anyhow!("project vanished"))?;
    let clause = |id: &str, text: &str| Clause {
        id: id.into(),
        text: text.into(),
        examples: vec![],
        counter_examples: vec![],
    };
    let v1 = [
        clause(
            "C1",
            "Prefer the report whose findings match the images; a fluent report with a missed finding is worse.",
        ),
        clause(
            "C1.1",
            "A missed critical finding (e.g. pneumothorax) outweighs every stylistic difference.",
        ),
        clause(
            "C2",
            "Prefer reports that state uncertainty explicitly over ones that guess.",
        ),
        clause(
            "C3",
            "Recommendations must follow the cited guideline; unsupported follow-up advice counts against a report.",
        ),
    ];
    projects::create_constitution(
        conn,
        now,
        &lab_actor,
        ada.as_str(),
        &row,
        "Radiology report policy",
        &v1,
    )?;
    projects::publish(conn, now, &lab_actor, ada.as_str(), &row, 1)?;
    let mut v2 = v1.to_vec();
    v2[2] = clause(
        "C2",
        "Prefer reports that state uncertainty explicitly, with a likelihood, over ones that guess.",
    );
    v2.push(clause(
        "C4",
        "Reports in German must use the standard German radiology terminology.",
    ));
    projects::create_constitution(
        conn,
        now,
        &lab_actor,
        ada.as_str(),
        &row,
        "Radiology report policy (draft revision)",
        &v2,
    )?;
    let mut pinned = row.fields();
    pinned.constitution_version = Some(1);
    let current = crate::projects::find_project(conn, &row.id)?
        .ok_or_else(|| anyhow::anyhow!("project vanished"))?;
    projects::update_project(
        conn,
        now,
        &lab_actor,
        &current,
        projects::ProjectInput {
            fields: pinned,
            slices: slices(&[
                (&radiology_de, projects::MinQualification::Qualified),
                (&helix_private, projects::MinQualification::Probation),
            ]),
            exclusions: exclusions(&["Northwind"]),
        },
    )?;
    let current = crate::projects::find_project(conn, &row.id)?
        .ok_or_else(|| anyhow::anyhow!("project vanished"))?;
    projects::change_status(
        conn,
        now,
        &lab_actor,
        &current,
        projects::ProjectStatus::Active,
    )?;

    // Northwind: a draft project on the shared Rust review slice.
    projects::create_project(
        conn,
        now,
        &Actor::user(alan, None),
        alan.as_str(),
        northwind,
        projects::ProjectInput {
            fields: fields("Rust code review escalations", &code, 15_000, "USD", &[]),
            slices: slices(&[(&rust_review, projects::MinQualification::Probation)]),
            exclusions: projects::Exclusions::default(),
        },
    )?;

    // Gold: Helix's project gold, Meridian's calibration set, the platform's assessment pool.
    let schema_of = |conn: &mut DbConn,
                     id: &crate::ids::SliceId|
     -> anyhow::Result<(crate::taxonomy::SliceRow, LabelSchema)> {
        let row = crate::taxonomy::find_slice(conn, id.as_str())?
            .ok_or_else(|| anyhow::anyhow!("slice vanished"))?;
        let schema = taxonomy::slice_schema(&row)?;
        Ok((row, schema))
    };
    let rows =
        |items: Vec<serde_json::Value>| items.into_iter().map(Ok).enumerate().collect::<Vec<_>>();
    let helix_gold = UploadContext {
        owner: GoldOwner::Lab {
            org: helix.to_string(),
            project: helix_project.id.to_string(),
        },
        slices: vec![
            schema_of(conn, &radiology_de)?,
            schema_of(conn, &helix_private)?,
        ],
        clauses: Some(v1.iter().map(|c| c.id.clone()).collect()),
        created_by: ada.to_string(),
    };
    upload(
        conn,
        now,
        &lab_actor,
        &helix_gold,
        rows(vec![
            json!({"external_id": "rad-gold-001", "slice_id": radiology_de, "payload": {"report": "Kein Nachweis eines Pneumothorax.", "image_ref": "cxr-1182"}, "answer": {"score": 2, "rationale": "Misses the apical pneumothorax visible on the image.", "cited_clauses": ["C1.1"]}, "explanation": "Apical pneumothorax on the right; the report denies it."}),
            json!({"external_id": "rad-gold-002", "slice_id": helix_private, "payload": {"prompt": "Summarise the CT findings", "a": "Likely small hepatic cyst (80%).", "b": "Hepatic lesion."}, "answer": {"preference": "a", "strength": 2, "rationale": "A states its uncertainty.", "cited_clauses": ["C2"]}, "explanation": "C2: explicit uncertainty is preferred."}),
        ]),
    )?;
    let maria_actor = Actor::user(maria, None);
    let rust_schema = schema_of(conn, &rust_review)?;
    upload(
        conn,
        now,
        &maria_actor,
        &UploadContext {
            owner: GoldOwner::Vendor {
                org: meridian.to_string(),
            },
            slices: vec![rust_schema],
            clauses: None,
            created_by: maria.to_string(),
        },
        rows(vec![
            json!({"external_id": "cal-rust-01", "payload": {"diff": "- let v = x.unwrap();\n+ let v = x?;"}, "answer": {"preference": "b", "strength": 3, "rationale": "Propagates the error instead of panicking."}, "explanation": "Error propagation over unwrap on an input path."}),
        ]),
    )?;
    let proofs_schema = schema_of(conn, &proofs)?;
    upload(
        conn,
        now,
        &platform,
        &UploadContext {
            owner: GoldOwner::Platform {
                slice: proofs.to_string(),
            },
            slices: vec![proofs_schema],
            clauses: None,
            created_by: admin.to_string(),
        },
        rows(vec![
            json!({"external_id": "olym-001", "payload": {"problem": "Prove that sqrt(2) is irrational.", "proof": "Assume p/q in lowest terms..."}, "answer": {"label": "correct", "rationale": "Complete descent argument."}, "explanation": "Standard proof, all steps justified."}),
            json!({"external_id": "olym-002", "payload": {"problem": "Show n^2+n is even.", "proof": "For n=1,2,3 it holds."}, "answer": {"label": "incomplete", "rationale": "Checks cases only."}, "explanation": "Examples are not a proof."}),
        ]),
    )?;

    // Escalated items pushed by Helix's pipeline, waiting for routing.
    for (external, report, confidence, stakes, hours) in [
        (
            "helix-esc-0001",
            "Kein Nachweis eines Pneumothorax.",
            0.38,
            "high",
            6,
        ),
        (
            "helix-esc-0002",
            "Unauffälliger Thorax, kein Infiltrat.",
            0.52,
            "medium",
            24,
        ),
        (
            "helix-esc-0003",
            "V.a. Lungenrundherd rechts apikal, 8 mm.",
            0.29,
            "critical",
            2,
        ),
    ] {
        crate::routing::insert_item(
            conn,
            now,
            &crate::routing::NewItem {
                org: helix.as_str(),
                project: helix_project.id.as_str(),
                slice: radiology_de.as_str(),
                external_id: external,
                payload: &json!({"report": report, "image_ref": format!("cxr-{external}")})
                    .to_string(),
                judge_confidence: Some(confidence),
                stakes,
                priority: 50,
                deadline_at: now + Duration::hours(hours),
                status_reason: crate::routing::routes::QUEUED_REASON,
                created_by_key: None,
                created_by_user: Some(ada.as_str()),
                constitution_version: Some(1),
            },
        )?;
    }

    Ok(format!(
        "\x20 taxonomy         7 domains, 5 slices (shared code/rust-review, medicine/radiology:de, law/contracts, math/olympiad; Helix-private medicine/radiology-findings)\n\
         \x20 projects         Helix {} (active, constitution v1 pinned, v2 draft); Northwind Rust review (draft)\n\
         \x20 gold             2 Helix project items, 1 Meridian calibration item, 2 platform assessment items\n\
         \x20 items            3 escalated radiology items in Helix's project, each offered to Dr. Chen and waiting for a second radiologist",
        helix_project.id
    ))
}

/// The demo experts apply; Meridian's admin moves them to different vetting stages.
fn seed_experts(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    users: &[(UserId, &str)],
    meridian: &crate::ids::OrgId,
    maria: &UserId,
    platform_admin: &UserId,
) -> anyhow::Result<String> {
    use crate::experts::Profile;
    use crate::experts::service::{self as experts, Step};
    use crate::experts::vetting::{Mover, VettingStatus::*};

    let domain_of = |conn: &mut DbConn, slug: &str| -> anyhow::Result<String> {
        let d = crate::taxonomy::find_domain_by_slug(conn, slug)?
            .ok_or_else(|| anyhow::anyhow!("demo domain {slug} missing"))?;
        Ok(serde_json::to_string(&[d.id])?)
    };
    let plans = [
        (
            "medicine/radiology",
            "[\"de\",\"en\"]",
            "Europe/Berlin",
            "DE",
            "Charité Berlin",
            9000,
            "EUR",
            Some(meridian),
            vec![Screening, CredentialReview, Assessment, Approved],
        ),
        (
            "law/contracts",
            "[\"en\"]",
            "America/New_York",
            "US",
            "Okoro & Partners LLP",
            15000,
            "USD",
            Some(meridian),
            vec![Screening],
        ),
        (
            "code",
            "[\"ja\",\"en\"]",
            "Asia/Tokyo",
            "JP",
            "Ferris Systems KK",
            12000,
            "USD",
            None,
            vec![Screening, CredentialReview, Assessment],
        ),
        (
            "math/olympiad",
            "[\"de\"]",
            "Europe/Vienna",
            "AT",
            "TU Wien",
            7000,
            "EUR",
            Some(meridian),
            vec![Rejected],
        ),
    ];
    let vendor_admin = Actor::user(maria, None);
    let platform = Actor::user(platform_admin, None);
    let mut lines = Vec::new();
    for (
        (user, name),
        (domain, languages, tz, country, affiliation, rate, currency, vendor, steps),
    ) in users.iter().zip(plans)
    {
        let principal = crate::auth::UserPrincipal {
            user_id: user.clone(),
            session_id: crate::ids::SessionId::new(now),
            email: String::new(),
            display_name: (*name).to_owned(),
            is_platform_admin: false,
            is_expert: true,
            email_verified: true,
            memberships: vec![],
            request_id: None,
        };
        let profile = Profile {
            display_name: (*name).to_owned(),
            headline: String::new(),
            bio: String::new(),
            domain_ids: domain_of(conn, domain)?,
            languages: languages.to_owned(),
            time_zone: tz.to_owned(),
            country: country.to_owned(),
            affiliations: serde_json::to_string(&[json!({"name": affiliation, "current": true})])?,
            desired_rate_minor: rate,
            desired_currency: currency.to_owned(),
            contact_consent: false,
        };
        let mut row = experts::apply(conn, now, &principal, vendor, &profile)?;
        if let Some(v) = vendor {
            crate::rosters::join(conn, now, &row.id, v.as_str(), "applied", None)?;
        }
        for to in steps {
            let reason = match to {
                Rejected => "Proof grading below the bar in screening",
                _ => "Demo progression",
            };
            // Roster experts are vetted by their vendor, independents by the platform.
            let admin = if vendor.is_some() {
                &vendor_admin
            } else {
                &platform
            };
            row = experts::transition(
                conn,
                now,
                admin,
                &row,
                Step {
                    to,
                    mover: Mover::Admin,
                    reason,
                },
                90,
            )?;
        }
        seed_credential(conn, now, &row, maria)?;
        lines.push(format!("{} ({})", row.handle, row.vetting_status));
    }
    Ok(format!("\x20 experts          {}", lines.join(", ")))
}

/// The first two demo experts hold credentials: a verified medical licence with PDF
/// evidence, and a bar admission waiting for review.
fn seed_credential(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    expert: &crate::experts::ExpertRow,
    reviewer: &UserId,
) -> anyhow::Result<()> {
    use crate::credentials as creds;
    use sha2::{Digest, Sha256};
    let (kind, issuer, identifier, field, verify) = match expert.display_name.as_str() {
        n if n.starts_with("Dr. Wei Chen") => (
            "licence",
            "Ärztekammer Berlin",
            "BE-104233",
            "medicine",
            true,
        ),
        n if n.starts_with("Jude Okoro") => {
            ("licence", "New York State Bar", "NY-5512093", "law", false)
        }
        _ => return Ok(()),
    };
    let id = creds::insert_credential(
        conn,
        now,
        &creds::NewCredential {
            expert: &expert.id,
            vendor: expert.vendor_id.as_deref(),
            kind,
            issuer,
            issuer_domain: None,
            identifier: Some(identifier),
            field,
            jurisdiction: None,
            issued_on: chrono::NaiveDate::from_ymd_opt(2014, 6, 1),
            expires_on: chrono::NaiveDate::from_ymd_opt(2030, 5, 31),
        },
    )?;
    let pdf: &[u8] = b"%PDF-1.4\n% Cadre demo evidence: licence certificate\n%%EOF\n";
    creds::insert_evidence(
        conn,
        now,
        &creds::NewEvidence {
            credential: id.as_str(),
            expert: &expert.id,
            filename: "licence-certificate.pdf",
            content_type: "application/pdf",
            sha256: &hex::encode(Sha256::digest(pdf)),
            content: pdf,
        },
    )?;
    if verify {
        creds::decide_credential(
            conn,
            id.as_str(),
            "pending",
            "verified",
            "Licence number confirmed with the chamber register",
            reviewer.as_str(),
            now,
        )?;
    }
    Ok(())
}

/// Qualification material: a platform assessment pool for `code/rust-review` (Hana
/// Nakamura, in the `assessment` stage, can take it), Dr. Chen qualified and adjudicator
/// in radiology, an institutional e-mail check, and a certificate about to expire (the first
/// expiry sweep e-mails its 30-day reminder).
fn seed_qualification(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    admin: &UserId,
) -> anyhow::Result<String> {
    use crate::credentials as creds;
    use crate::db::schema::{experts, slices};
    use crate::gold::service::{GoldOwner, UploadContext, upload};
    use crate::standings::rules::{SliceStatus, Tier};
    use crate::standings::service::{Change, apply};
    use diesel::prelude::*;

    let platform = Actor::user(admin, None);
    let slice = |conn: &mut DbConn, key: &str| -> anyhow::Result<crate::taxonomy::SliceRow> {
        let id: String = slices::table
            .filter(slices::key.eq(key))
            .filter(slices::scope.eq(""))
            .select(slices::id)
            .first(conn)?;
        crate::taxonomy::find_slice(conn, &id)?
            .ok_or_else(|| anyhow::anyhow!("slice {key} vanished"))
    };
    let rust = slice(conn, "code/rust-review")?;
    let radiology = slice(conn, "medicine/radiology:de")?;

    // Twelve review pairs: enough for one attempt of ten and a partial retake pool.
    let pairs = [
        (
            "let v = x.unwrap();",
            "let v = x?;",
            "b",
            "C1",
            "Propagate errors on input paths.",
        ),
        (
            "for i in 0..v.len() { total += v[i]; }",
            "let total: u64 = v.iter().sum();",
            "b",
            "C2",
            "Idiomatic iteration, no indexing.",
        ),
        (
            "let s = String::from(\"a\") + &b;",
            "let s = format!(\"a{b}\");",
            "tie",
            "C2",
            "Both are fine.",
        ),
        (
            "unsafe { *ptr }",
            "ptr.as_ref().copied()",
            "b",
            "C3",
            "Avoid unsafe where a safe API exists.",
        ),
        (
            "Mutex<Vec<T>> held across .await",
            "clone the data, drop the guard, then await",
            "b",
            "C3",
            "Never hold a lock across an await point.",
        ),
        (
            "match r { Ok(v) => v, Err(_) => panic!() }",
            "r.expect(\"config was validated\")",
            "b",
            "C1",
            "A panic with a reason beats a silent one.",
        ),
        (
            "fn f(v: &Vec<u8>)",
            "fn f(v: &[u8])",
            "b",
            "C2",
            "Take slices, not &Vec.",
        ),
        (
            "Box<dyn Error>",
            "thiserror enum",
            "tie",
            "C2",
            "Both acceptable in application code.",
        ),
        (
            "s.chars().count() == 0",
            "s.is_empty()",
            "b",
            "C2",
            "Clearer and O(1).",
        ),
        (
            "Rc<RefCell<T>> shared across threads",
            "Arc<Mutex<T>>",
            "b",
            "C3",
            "Rc is not Send.",
        ),
        (
            "x as u8 (x: u32 from input)",
            "u8::try_from(x)?",
            "b",
            "C1",
            "No silent truncation of input.",
        ),
        (
            "std::thread::sleep in async fn",
            "tokio::time::sleep(..).await",
            "b",
            "C3",
            "Never block the executor.",
        ),
    ];
    let rows: Vec<_> = pairs
        .iter()
        .enumerate()
        .map(|(i, (a, b, pref, clause, why))| {
            let answer = if *pref == "tie" {
                json!({"preference": "tie", "rationale": why, "cited_clauses": [clause]})
            } else {
                json!({"preference": pref, "strength": 2, "rationale": why, "cited_clauses": [clause]})
            };
            Ok(json!({"external_id": format!("rust-pool-{:02}", i + 1), "payload": {"prompt": "Which change is better Rust?", "a": a, "b": b},
                "answer": answer, "explanation": why}))
        })
        .enumerate()
        .collect();
    let schema = crate::taxonomy::service::slice_schema(&rust)?;
    upload(
        conn,
        now,
        &platform,
        &UploadContext {
            owner: GoldOwner::Platform {
                slice: rust.id.clone(),
            },
            slices: vec![(rust.clone(), schema)],
            clauses: None,
            created_by: admin.to_string(),
        },
        rows,
    )?;

    let expert_named =
        |conn: &mut DbConn, prefix: &str| -> anyhow::Result<crate::experts::ExpertRow> {
            let id: String = experts::table
                .filter(experts::display_name.like(format!("{prefix}%")))
                .select(experts::id)
                .first(conn)?;
            crate::experts::find_expert(conn, &id)?
                .ok_or_else(|| anyhow::anyhow!("demo expert vanished"))
        };
    let chen = expert_named(conn, "Dr. Wei Chen")?;
    for change in [
        Change {
            status: Some(SliceStatus::Qualified),
            tier: None,
            reason: "Qualified on review of 40 gold reads (lower bound 0.91)",
            details: json!({"gold_answers": 40, "lower_bound": 0.91}),
            notify: false,
        },
        Change {
            status: None,
            tier: Some(Tier::Adjudicator),
            reason: "Consistently resolves disagreements with clause citations",
            details: json!({}),
            notify: false,
        },
    ] {
        apply(conn, now, &platform, &chen, &radiology, change)
            .map_err(|e| anyhow::anyhow!("demo standing: {e}"))?;
    }

    // An employment credential confirmed through the hospital's e-mail domain (pending
    // review), and a certificate that expires in 20 days.
    let employment = creds::insert_credential(
        conn,
        now,
        &creds::NewCredential {
            expert: &chen.id,
            vendor: chen.vendor_id.as_deref(),
            kind: "employment",
            issuer: "Charité – Universitätsmedizin Berlin",
            issuer_domain: Some("charite.de"),
            identifier: None,
            field: "medicine",
            jurisdiction: Some("DE-BE"),
            issued_on: chrono::NaiveDate::from_ymd_opt(2019, 10, 1),
            expires_on: None,
        },
    )?;
    let check = creds::insert_email_check(
        conn,
        now,
        &creds::NewEmailCheck {
            credential: employment.as_str(),
            expert: &chen.id,
            email: "wei.chen@charite.de",
            domain: "charite.de",
            token_hash: &tokens::hash_secret(&tokens::random_secret()),
            expires_at: now + Duration::hours(72),
        },
    )?;
    creds::confirm_email_check(conn, check.as_str(), now)?;
    let certificate = creds::insert_credential(
        conn,
        now,
        &creds::NewCredential {
            expert: &chen.id,
            vendor: chen.vendor_id.as_deref(),
            kind: "certification",
            issuer: "European Society of Thoracic Imaging",
            issuer_domain: Some("esti-society.org"),
            identifier: Some("ESTI-DIP-2021-118"),
            field: "medicine",
            jurisdiction: None,
            issued_on: chrono::NaiveDate::from_ymd_opt(2021, 6, 1),
            expires_on: Some((now + Duration::days(20)).date_naive()),
        },
    )?;
    let pdf: &[u8] = b"%PDF-1.4\n% Cadre demo evidence: ESTI diploma\n%%EOF\n";
    creds::insert_evidence(
        conn,
        now,
        &creds::NewEvidence {
            credential: certificate.as_str(),
            expert: &chen.id,
            filename: "esti-diploma.pdf",
            content_type: "application/pdf",
            sha256: &hex::encode(<sha2::Sha256 as sha2::Digest>::digest(pdf)),
            content: pdf,
        },
    )?;
    creds::decide_credential(
        conn,
        certificate.as_str(),
        "pending",
        "verified",
        "Diploma checked against the society's register",
        admin.as_str(),
        now,
    )?;
    Ok(format!(
        "\x20 qualification    12-item assessment pool in code/rust-review (h.nakamura@ can start one); {} qualified adjudicator in medicine/radiology:de",
        chen.handle
    ))
}

/// Scoring material: a platform calibration pool for `medicine/radiology:de`, a Meridian
/// calibration session with Dr. Chen (four of five answered, one unlike the reference),
/// and Dr. Chen's open appeal of that answer for the platform admin to decide.
fn seed_scoring(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    admin: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::db::schema::{experts, slices};
    use crate::gold::service::{GoldOwner, UploadContext, upload};
    use diesel::prelude::*;

    let id: String = slices::table
        .filter(slices::key.eq("medicine/radiology:de"))
        .filter(slices::scope.eq(""))
        .select(slices::id)
        .first(conn)?;
    let radiology = crate::taxonomy::find_slice(conn, &id)?
        .ok_or_else(|| anyhow::anyhow!("radiology slice vanished"))?;
    let schema = crate::taxonomy::service::slice_schema(&radiology)?;
    let reads = [
        (
            "Kleiner apikaler Pneumothorax rechts.",
            5,
            "Matches the image.",
        ),
        ("Kein Erguss.", 2, "Misses the left basal effusion."),
        (
            "Infiltrat im rechten Unterlappen.",
            4,
            "Correct finding, location imprecise.",
        ),
        ("Unauffälliger Befund.", 1, "Misses a 12 mm nodule."),
        ("Kardiomegalie.", 3, "Borderline heart size overstated."),
    ];
    let rows: Vec<_> = reads
        .iter()
        .enumerate()
        .map(|(i, (report, score, why))| {
            Ok(json!({"external_id": format!("rad-cal-{:02}", i + 1), "payload": {"report": report, "image_ref": format!("cxr-{}", 2100 + i)},
                "answer": {"score": score, "rationale": why, "cited_clauses": ["C1.1"]}, "explanation": why}))
        })
        .enumerate()
        .collect();
    let platform = Actor::user(admin, None);
    let uploaded = upload(
        conn,
        now,
        &platform,
        &UploadContext {
            owner: GoldOwner::Platform {
                slice: radiology.id.clone(),
            },
            slices: vec![(radiology.clone(), schema)],
            clauses: None,
            created_by: admin.to_string(),
        },
        rows,
    )
    .map_err(|e| anyhow::anyhow!("demo calibration pool: {e}"))?;
    let gold: Vec<String> = uploaded
        .results
        .iter()
        .filter_map(|r| r.id.as_ref().map(|i| i.to_string()))
        .collect();
    let chen: String = experts::table
        .filter(experts::display_name.like("Dr. Wei Chen%"))
        .select(experts::id)
        .first(conn)?;
    let session = crate::calibration::service::create(
        conn,
        now,
        &crate::calibration::service::Plan {
            org: Some(meridian.as_str()),
            slice: &radiology,
            title: "Chest X-ray reads: monthly calibration",
            gold_items: &gold,
            participants: std::slice::from_ref(&chen),
            closes_at: now + Duration::days(7),
            pass_threshold: settings.experts.assessment_pass_threshold,
            origin: "manual",
            reason: "monthly roster calibration",
            repeat_of: None,
            actor: &Actor::user(maria, None),
        },
    )
    .map_err(|e| anyhow::anyhow!("demo calibration: {e}"))?;
    let items = crate::assignments::calibration_assignments_of(conn, &session.id, Some(&chen))?;
    let mut appealed = None;
    for (i, a) in items.iter().take(4).enumerate() {
        let (_, score, _) = reads[i];
        // The second read is scored 3 where the reference says 2.
        let given = if i == 1 { 3 } else { score };
        let label = json!({"score": given, "rationale": "Demo read", "cited_clauses": ["C1.1"]});
        let ok = crate::calibration::service::answer(conn, now, settings, &session, a, &label)
            .map_err(|e| anyhow::anyhow!("demo calibration answer: {e}"))?;
        if !ok {
            appealed = Some(a.id.clone());
        }
    }
    if let Some(asg) = appealed {
        crate::appeals::insert_appeal(
            conn,
            now,
            &crate::appeals::NewAppeal {
                expert: &chen,
                slice: &radiology.id,
                kind: "gold_answer",
                subject: &asg,
                gold_item: gold.get(1).map(String::as_str),
                decider_org: None,
                explanation: "The effusion is small but present: 3 (partly correct), not 2.",
            },
        )?;
    }
    Ok(format!(
        "\x20 scoring          calibration session {} (Meridian, medicine/radiology:de): Dr. Chen answered 4 of 5; one open appeal of a reference answer",
        session.id
    ))
}

/// Scheduling: Dr. Chen's evenings in Berlin (Mon–Thu 18:00–22:00, Saturday mornings, a day
/// off next week), a Helix capacity request for radiology next week booked into his shifts
/// (the first confirmed; one expert short of the two asked for), and his calendar feed.
fn seed_scheduling(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    ada: &UserId,
) -> anyhow::Result<String> {
    use crate::db::schema::{experts, items};
    use crate::scheduling::{self as store, service};
    use diesel::prelude::*;

    let chen: String = experts::table
        .filter(experts::display_name.like("Dr. Wei Chen%"))
        .select(experts::id)
        .first(conn)?;
    let slot = |d: &str, a: &str, b: &str| json!({"weekday": d, "start": a, "end": b});
    let weekly = json!([
        slot("mon", "18:00", "22:00"),
        slot("tue", "18:00", "22:00"),
        slot("wed", "18:00", "22:00"),
        slot("thu", "18:00", "22:00"),
        slot("sat", "09:00", "13:00"),
    ]);
    store::upsert_schedule(
        conn,
        &chen,
        &store::ScheduleInput {
            time_zone: "Europe/Berlin",
            weekly_rules: &weekly.to_string(),
            max_minutes_per_week: 16 * 60,
            min_notice_minutes: 12 * 60,
        },
        now,
    )?;
    // A day off in the second week (local dates in Berlin).
    let berlin: chrono_tz::Tz = chrono_tz::Europe::Berlin;
    let day_off = (now.with_timezone(&berlin) + Duration::days(9)).date_naive();
    store::insert_exception(
        conn,
        &chen,
        false,
        day_off.and_time(chrono::NaiveTime::MIN),
        (day_off + Duration::days(1)).and_time(chrono::NaiveTime::MIN),
        "conference",
        now,
    )?;
    // Helix's radiology project and slice, from its routed items.
    let (project, slice, org): (String, String, String) = items::table
        .order_by(items::id.asc())
        .select((items::project_id, items::slice_id, items::org_id))
        .first(conn)?;
    // The seven UTC days from tomorrow.
    let tomorrow = (now + Duration::days(1))
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let id = store::insert_request(
        conn,
        &store::NewRequest {
            org: &org,
            project: &project,
            slice: &slice,
            minutes_needed: 10 * 60,
            window_start: tomorrow,
            window_end: tomorrow + Duration::days(7),
            min_shift_minutes: 120,
            max_shift_minutes: 240,
            min_experts: 2,
            created_by: ada.as_str(),
        },
        now,
    )?;
    let lab = Actor::user(ada, None);
    let report = service::plan(conn, now, settings, &lab, id.as_str())
        .map_err(|e| anyhow::anyhow!("demo capacity plan: {e}"))?;
    let shifts = store::shifts_of_request(conn, id.as_str())?;
    if let Some(first) = shifts.first() {
        service::confirm(conn, now, &Actor::system(), first)
            .map_err(|e| anyhow::anyhow!("demo shift: {e}"))?;
    }
    let token = tokens::random_secret();
    store::set_calendar_token(conn, &chen, Some(&tokens::hash_secret(&token)), now)?;
    let feed = crate::state::public_link(
        &settings.http.public_url,
        &format!("/v1/experts/{chen}/calendar.ics?token={token}"),
    );
    Ok(format!(
        "\x20 scheduling       capacity request {id} (Helix, radiology, 10 h next week): {} shifts booked for Dr. Chen (the first confirmed), {} min and {} expert(s) short\n\
         \x20 Dr. Chen's calendar feed (subscribe in any calendar app): {feed}",
        report.booked, report.shortfall_minutes, report.shortfall_experts
    ))
}

/// Hourly payment: last week's timesheets of two Meridian experts on a Helix project (one
/// approved by Helix, one disputed and waiting for a platform admin), Meridian's agreement,
/// the invoice Helix owes (collected by hand: the demo runs without Stripe) and the manual
/// payout due to Dr. Chen.
fn seed_payments(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    admin: &UserId,
    ada: &UserId,
    helix: &crate::ids::OrgId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::db::schema::{experts, project_slices, projects, users, vendor_agreements};
    use crate::payments::{invoices, time_entries::TimeEntryRow, timesheet::Mover, timesheets};
    use diesel::prelude::*;

    diesel::insert_into(vendor_agreements::table)
        .values((
            vendor_agreements::vendor_org_id.eq(meridian.as_str()),
            vendor_agreements::margin_bps.eq(1200i64),
            vendor_agreements::updated_by.eq(admin.as_str()),
            vendor_agreements::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    let (project, slice): (String, String) = projects::table
        .inner_join(project_slices::table.on(project_slices::project_id.eq(projects::id)))
        .filter(projects::org_id.eq(helix.as_str()))
        .order_by(projects::id.asc())
        .select((projects::id, project_slices::slice_id))
        .first(conn)?;
    let last_week = crate::clock::week_of(now) - Duration::days(7);
    let mut handles = Vec::new();
    let mut sheets = Vec::new();
    for (email, seconds) in [
        ("dr.chen@experts.demo", 3 * 3600 + 600),
        ("h.nakamura@experts.demo", 5 * 3600),
    ] {
        let (expert, handle, vendor): (String, String, Option<String>) = experts::table
            .inner_join(users::table.on(users::id.eq(experts::user_id)))
            .filter(users::email.eq(email))
            .select((experts::id, experts::handle, experts::vendor_id))
            .first(conn)?;
        crate::payments::rates::fix_on_routing(
            conn,
            last_week,
            &settings.payments,
            &expert,
            &project,
        )?;
        // Last week's submitted work, as the time entries of its items would have added it.
        let entry = TimeEntryRow {
            id: String::new(),
            expert_id: expert.clone(),
            source_type: "assignment".into(),
            source_id: String::new(),
            payer_type: "lab".into(),
            payer_org_id: Some(helix.to_string()),
            vendor_org_id: vendor,
            project_id: Some(project.clone()),
            slice_id: slice.clone(),
            role: "annotator".into(),
            seconds,
            measured_seconds: seconds,
            cap_seconds: settings.routing.max_item_seconds,
            idle_limit_secs: settings.routing.idle_limit_secs,
            sessions: "[]".into(),
            week_start: last_week.naive_utc(),
            worked_at: last_week.naive_utc(),
            created_at: last_week.naive_utc(),
            pay_minor: None,
            pay_currency: None,
        };
        timesheets::add_entry(conn, last_week + Duration::days(2), &entry)?;
        let sheet: String = crate::db::schema::timesheets::table
            .filter(crate::db::schema::timesheets::expert_id.eq(&expert))
            .select(crate::db::schema::timesheets::id)
            .first(conn)?;
        let s = timesheets::find(conn, &sheet)?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
        timesheets::submit(
            conn,
            now,
            &settings.payments,
            &Actor::system(),
            Mover::System,
            &s,
        )
        .map_err(|e| anyhow::anyhow!("demo timesheet: {e}"))?;
        handles.push(handle);
        sheets.push(sheet);
    }
    let lab = Actor::user(ada, None);
    let chen = timesheets::find(conn, &sheets[0])?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
    timesheets::approve(conn, now, &lab, Mover::Lab, &chen, &[], None)
        .map_err(|e| anyhow::anyhow!("demo approval: {e}"))?;
    let hana = timesheets::find(conn, &sheets[1])?.ok_or_else(|| anyhow::anyhow!("demo sheet"))?;
    let line = timesheets::lines_of(conn, &hana.id)?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("demo line"))?;
    timesheets::dispute(
        conn,
        now,
        &lab,
        &hana,
        &[(
            line.id,
            "Five hours for 14 items is twice our median; please check".into(),
        )],
    )
    .map_err(|e| anyhow::anyhow!("demo dispute: {e}"))?;
    let issued = invoices::issue(
        conn,
        now,
        false,
        now + Duration::microseconds(1),
        &Actor::user(admin, None),
    )
    .map_err(|e| anyhow::anyhow!("demo invoice: {e}"))?;
    Ok(format!(
        "\x20 payments         last week: {} approved by Helix (timesheet {}), {} disputed (timesheet {}); \
         Helix invoice {} open (mark it paid as admin); Meridian's margin 12 %; \
         the first scheduled payout run records Dr. Chen's payout for manual settlement",
        handles[0],
        sheets[0],
        handles[1],
        sheets[1],
        issued.first().map(String::as_str).unwrap_or("-"),
    ))
}

/// Rosters: two more radiologists on Meridian's roster and a second vendor, Atlas, with one;
/// eight weeks of weekly calibration on the platform's radiology pool (so the roster
/// dashboards, their charts and the vendor comparison have history: Dr. Weber improving,
/// Dr. Rossi drifting, Dr. Chen steady), and an open roster invitation.
#[allow(clippy::too_many_arguments)]
fn seed_rosters(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    hash: &str,
    admin: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::db::schema::{experts, gold_items, slices};
    use crate::experts::Profile;
    use crate::experts::service::{self as expert_service, Step};
    use crate::experts::vetting::{Mover, VettingStatus::*};
    use crate::standings::rules::{SliceStatus, Tier};
    use crate::standings::service::{Change, apply};
    use diesel::prelude::*;

    let kofi = auth::insert_user(
        conn,
        now,
        &auth::NewUser {
            email: "kofi@atlas.demo",
            password_hash: hash,
            display_name: "Kofi Mensah",
            is_platform_admin: false,
            is_expert: false,
            email_verified: true,
        },
    )?;
    let atlas = orgs::insert_org(
        conn,
        now,
        OrgKind::Vendor,
        "Atlas Clinical Review",
        kofi.as_str(),
    )?;
    orgs::insert_membership(
        conn,
        now,
        atlas.as_str(),
        kofi.as_str(),
        OrgRole::VendorAdmin,
    )?;
    let radiology_id: String = slices::table
        .filter(slices::key.eq("medicine/radiology:de"))
        .filter(slices::scope.eq(""))
        .select(slices::id)
        .first(conn)?;
    let radiology = crate::taxonomy::find_slice(conn, &radiology_id)?
        .ok_or_else(|| anyhow::anyhow!("radiology slice vanished"))?;
    let platform = Actor::user(admin, None);

    let mut roster: Vec<(String, &str)> = Vec::new();
    for (email, name, vendor, vendor_admin) in [
        (
            "dr.weber@experts.demo",
            "Dr. Anna Weber (radiology)",
            meridian,
            maria,
        ),
        (
            "dr.rossi@experts.demo",
            "Dr. Marco Rossi (radiology)",
            meridian,
            maria,
        ),
        (
            "dr.sato@experts.demo",
            "Dr. Yuki Sato (radiology)",
            &atlas,
            &kofi,
        ),
    ] {
        let user = auth::insert_user(
            conn,
            now,
            &auth::NewUser {
                email,
                password_hash: hash,
                display_name: name,
                is_platform_admin: false,
                is_expert: true,
                email_verified: true,
            },
        )?;
        let principal = crate::auth::UserPrincipal {
            user_id: user.clone(),
            session_id: crate::ids::SessionId::new(now),
            email: email.to_owned(),
            display_name: name.to_owned(),
            is_platform_admin: false,
            is_expert: true,
            email_verified: true,
            memberships: vec![],
            request_id: None,
        };
        let medicine: String = crate::db::schema::domains::table
            .filter(crate::db::schema::domains::slug.eq("medicine/radiology"))
            .select(crate::db::schema::domains::id)
            .first(conn)?;
        let profile = Profile {
            display_name: name.to_owned(),
            headline: "Consultant radiologist".into(),
            bio: String::new(),
            domain_ids: serde_json::to_string(&[medicine])?,
            languages: "[\"de\",\"en\"]".into(),
            time_zone: "Europe/Berlin".into(),
            country: "DE".into(),
            affiliations: "[]".into(),
            desired_rate_minor: 8500,
            desired_currency: "EUR".into(),
            contact_consent: false,
        };
        let mut row = expert_service::apply(conn, now, &principal, Some(vendor), &profile)?;
        crate::rosters::join(conn, now, &row.id, vendor.as_str(), "applied", None)?;
        for to in [Screening, CredentialReview, Assessment, Approved] {
            row = expert_service::transition(
                conn,
                now,
                &Actor::user(vendor_admin, None),
                &row,
                Step {
                    to,
                    mover: Mover::Admin,
                    reason: "Demo progression",
                },
                90,
            )?;
        }
        apply(
            conn,
            now,
            &platform,
            &row,
            &radiology,
            Change {
                status: Some(SliceStatus::Qualified),
                tier: None,
                reason: "Demo: qualified on the radiology assessment",
                details: json!({}),
                notify: false,
            },
        )?;
        roster.push((row.id.clone(), email));
    }
    // Dr. Weber is senior on Meridian's roster.
    let weber = crate::experts::find_expert(conn, &roster[0].0)?
        .ok_or_else(|| anyhow::anyhow!("expert vanished"))?;
    apply(
        conn,
        now,
        &Actor::user(maria, None),
        &weber,
        &radiology,
        Change {
            status: None,
            tier: Some(Tier::Senior),
            reason: "Consistent reads in calibration",
            details: json!({}),
            notify: false,
        },
    )?;

    // The demo's history begins ten weeks ago: its roster members joined then (work counts
    // for the roster the expert was on at the time).
    diesel::update(crate::db::schema::roster_memberships::table)
        .set(
            crate::db::schema::roster_memberships::joined_at
                .eq((now - Duration::weeks(10)).naive_utc()),
        )
        .execute(conn)?;

    // The platform's radiology pool (seeded by seed_scoring) and its reference scores.
    let pool: Vec<(String, Option<i64>)> = gold_items::table
        .filter(gold_items::slice_id.eq(&radiology.id))
        .filter(gold_items::external_id.like("rad-cal-%"))
        .order_by(gold_items::external_id.asc())
        .select((gold_items::id, gold_items::answer_score))
        .load(conn)?;
    let gold: Vec<String> = pool.iter().map(|(id, _)| id.clone()).collect();
    let reference: std::collections::BTreeMap<String, i64> = pool
        .iter()
        .filter_map(|(id, s)| Some((id.clone(), (*s)?)))
        .collect();
    let chen: String = experts::table
        .filter(experts::display_name.like("Dr. Wei Chen%"))
        .select(experts::id)
        .first(conn)?;
    // (expert, vendor, how many of the week's five reads are off, by week 0–7).
    let plans: [(&str, &crate::ids::OrgId, [usize; 8]); 4] = [
        (&chen, meridian, [1, 1, 0, 1, 1, 0, 1, 1]),
        (&roster[0].0, meridian, [3, 3, 2, 2, 1, 1, 0, 0]),
        (&roster[1].0, meridian, [0, 0, 1, 1, 2, 2, 3, 4]),
        (&roster[2].0, &atlas, [1, 0, 1, 1, 0, 1, 0, 1]),
    ];
    for week in 0..8usize {
        let t = now - Duration::weeks(8 - week as i64) + Duration::hours(2);
        for vendor in [meridian, &atlas] {
            let who: Vec<String> = plans
                .iter()
                .filter(|(_, v, _)| *v == vendor)
                .map(|(e, _, _)| (*e).to_owned())
                .collect();
            let actor = Actor::user(if vendor == meridian { maria } else { &kofi }, None);
            let title = format!("Weekly chest X-ray calibration (week {})", week + 1);
            let session = crate::calibration::service::create(
                conn,
                t,
                &crate::calibration::service::Plan {
                    org: Some(vendor.as_str()),
                    slice: &radiology,
                    title: &title,
                    gold_items: &gold,
                    participants: &who,
                    closes_at: t + Duration::days(6),
                    pass_threshold: settings.experts.assessment_pass_threshold,
                    origin: "manual",
                    reason: "weekly roster calibration",
                    repeat_of: None,
                    actor: &actor,
                },
            )
            .map_err(|e| anyhow::anyhow!("demo roster calibration: {e}"))?;
            for (expert, _, off) in plans.iter().filter(|(_, v, _)| *v == vendor) {
                let items = crate::assignments::calibration_assignments_of(
                    conn,
                    &session.id,
                    Some(expert),
                )?;
                for (i, a) in items.iter().enumerate() {
                    let right = a
                        .gold_item_id
                        .as_ref()
                        .and_then(|g| reference.get(g))
                        .copied()
                        .unwrap_or(3);
                    // The first `off` reads of the week miss by two points.
                    let score = if i < off[week] {
                        if right > 2 { right - 2 } else { right + 2 }
                    } else {
                        right
                    };
                    let label = json!({"score": score, "rationale": "Demo read", "cited_clauses": ["C1.1"]});
                    crate::calibration::service::answer(
                        conn,
                        t + Duration::minutes(20 + i as i64),
                        settings,
                        &session,
                        a,
                        &label,
                    )
                    .map_err(|e| anyhow::anyhow!("demo roster calibration answer: {e}"))?;
                }
            }
            crate::calibration::service::close(
                conn,
                t + Duration::days(6),
                &settings.payments,
                &session,
            )
            .map_err(|e| anyhow::anyhow!("demo roster calibration close: {e}"))?;
        }
    }
    crate::rosters::insert_invitation(
        conn,
        now,
        &crate::rosters::NewInvitation {
            vendor: meridian.as_str(),
            email: "new.radiologist@experts.demo",
            message: "We'd love to have you on our radiology pod.",
            token_hash: &tokens::hash_secret(&tokens::random_secret()),
            invited_by: maria.as_str(),
            expires_at: now + Duration::days(7),
        },
    )?;
    Ok(format!(
        "\x20 rosters          Meridian: Dr. Weber (senior), Dr. Rossi and Dr. Chen in medicine/radiology:de, 8 weeks of calibration, an open invitation; Atlas Clinical Review (kofi@atlas.demo) with Dr. Sato; dashboards at /v1/vendors/{meridian}/dashboard, charts at /v1/vendors/{meridian}/charts/accuracy.svg?slice={}&metric=calibration, comparison at /v1/slices/{}/vendor-comparison",
        radiology.id, radiology.id
    ))
}
