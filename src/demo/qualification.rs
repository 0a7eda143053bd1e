//! Demo qualification: an assessment pool, a qualified adjudicator, credential checks.

use chrono::Duration;
use serde_json::json;

use crate::audit::Actor;
use crate::auth::tokens;
use crate::db::DbConn;
use crate::ids::UserId;

/// Qualification material: a platform assessment pool for `code/rust-review` (Hana
/// Nakamura, in the `assessment` stage, can take it), Dr. Chen qualified and adjudicator
/// in radiology, an institutional e-mail check, and a certificate about to expire (the first
/// expiry sweep e-mails its 30-day reminder).
pub(super) fn seed_qualification(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    admin: &UserId,
) -> anyhow::Result<String> {
    use crate::credentials as creds;
    use crate::gold::service::{GoldOwner, UploadContext, upload};
    use crate::standings::rules::{SliceStatus, Tier};
    use crate::standings::service::{Change, apply};

    let platform = Actor::user(admin, None);
    let rust = super::shared_slice(conn, "code/rust-review")?;
    let radiology = super::shared_slice(conn, "medicine/radiology:de")?;

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

    let chen = super::expert_by_email(conn, "dr.chen@experts.demo")?;
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
