//! Demo taxonomy and projects: rubric domains, slices, two lab projects with
//! constitutions, gold, and escalated items waiting for routing.

use chrono::Duration;
use serde_json::json;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::ids::UserId;

/// Rubric domains, shared and private slices, two lab projects with constitutions, and gold
/// of every owner kind.
#[allow(clippy::too_many_arguments)]
pub(super) fn seed_taxonomy_and_projects(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    admin: &UserId,
    ada: &UserId,
    helix: &crate::ids::OrgId,
    northwind: &crate::ids::OrgId,
    alan: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
    settings: &crate::config::Settings,
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
        Ok(crate::ids::DomainId::from_db(
            taxonomy::create_domain(conn, now, &platform, slug, name, "", &reqs)?.id,
        ))
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
        let row = taxonomy::create_slice(
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
        )?;
        Ok(crate::ids::SliceId::from_db(row.id))
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
        expire_overdue_after_hours: None,
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
    // Helix's gold in the shared radiology slice counts in every lab's routing only because
    // the platform admin certified it (its private-slice gold counts there as it is).
    for g in crate::gold::gold_with_external_prefix(conn, radiology_de.as_str(), "rad-gold-")? {
        crate::gold::service::certify(
            conn,
            now,
            &platform,
            &g.id,
            true,
            "Reviewed against the image: the reference read is right",
        )?;
    }
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
                status_reason: crate::routing::ingest::QUEUED_REASON,
                created_by_key: None,
                created_by_user: Some(ada.as_str()),
                constitution_version: Some(1),
            },
        )?;
    }

    // A fifth pushed three days ago whose deadline passed an hour ago: the demo's deadline
    // sweep (after routing) marks it overdue; it is still worked.
    crate::routing::insert_item(
        conn,
        now - Duration::hours(73),
        &crate::routing::NewItem {
            org: helix.as_str(),
            project: helix_project.id.as_str(),
            slice: radiology_de.as_str(),
            external_id: "helix-esc-0005",
            payload: &json!({"report": "Herzschatten grenzwertig verbreitert.", "image_ref": "cxr-helix-esc-0005"})
                .to_string(),
            judge_confidence: Some(0.41),
            stakes: "high",
            priority: 50,
            deadline_at: now - Duration::hours(1),
            status_reason: crate::routing::ingest::QUEUED_REASON,
            created_by_key: None,
            created_by_user: Some(ada.as_str()),
            constitution_version: Some(1),
        },
    )?;

    // A fourth the pipeline withdrew before anyone took it: cancelled, with its reason.
    let withdrawn = crate::routing::insert_item(
        conn,
        now,
        &crate::routing::NewItem {
            org: helix.as_str(),
            project: helix_project.id.as_str(),
            slice: radiology_de.as_str(),
            external_id: "helix-esc-0004",
            payload:
                &json!({"report": "Pleuraerguss links, gering.", "image_ref": "cxr-helix-esc-0004"})
                    .to_string(),
            judge_confidence: Some(0.44),
            stakes: "medium",
            priority: 50,
            deadline_at: now + Duration::hours(12),
            status_reason: crate::routing::ingest::QUEUED_REASON,
            created_by_key: None,
            created_by_user: Some(ada.as_str()),
            constitution_version: Some(1),
        },
    )?;
    crate::routing::lifecycle::cancel(
        conn,
        now,
        settings,
        &Actor::user(ada, None),
        withdrawn.as_str(),
        "the study this image belongs to was withdrawn",
    )
    .map_err(|e| anyhow::anyhow!("demo cancellation: {e}"))?;

    Ok(format!(
        "\x20 taxonomy         7 domains, 5 slices (shared code/rust-review, medicine/radiology:de, law/contracts, math/olympiad; Helix-private medicine/radiology-findings)\n\
         \x20 projects         Helix {} (active, constitution v1 pinned, v2 draft); Northwind Rust review (draft)\n\
         \x20 gold             2 Helix project items (the shared-slice one certified by the platform), 1 Meridian calibration item, 2 platform assessment items\n\
         \x20 items            3 escalated radiology items in Helix's project, each offered to Dr. Chen and waiting for a second radiologist; helix-esc-0005 likewise, but overdue (its deadline passed an hour ago); helix-esc-0004 cancelled by the lab",
        helix_project.id
    ))
}
