//! Demo scoring: Meridian's calibration material and session, and an open appeal.

use chrono::Duration;
use serde_json::json;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::ids::UserId;

/// Scoring material: Meridian's calibration material for `medicine/radiology:de` (a
/// vendor's session may never use the platform's assessment pool), a Meridian calibration
/// session with Dr. Chen (four of five answered, one unlike the reference), and Dr. Chen's
/// open appeal of that answer, which Meridian reads and the platform admin decides.
pub(super) fn seed_scoring(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    admin: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::gold::service::{GoldOwner, UploadContext, upload};

    let radiology = super::shared_slice(conn, "medicine/radiology:de")?;
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
    // The platform's pool (the roster calibration of seed_rosters runs on it)…
    upload(
        conn,
        now,
        &Actor::user(admin, None),
        &UploadContext {
            owner: GoldOwner::Platform {
                slice: radiology.id.clone(),
            },
            slices: vec![(radiology.clone(), schema.clone())],
            clauses: None,
            created_by: admin.to_string(),
        },
        rows.clone(),
    )
    .map_err(|e| anyhow::anyhow!("demo calibration pool: {e}"))?;
    // …and Meridian's own copy of the reads, for its own session.
    let rows: Vec<_> = rows
        .into_iter()
        .map(|(i, r)| {
            (
                i,
                r.map(|mut v| {
                    v["external_id"] = json!(format!("rad-mer-{:02}", i + 1));
                    v
                }),
            )
        })
        .collect();
    let uploaded = upload(
        conn,
        now,
        &Actor::user(maria, None),
        &UploadContext {
            owner: GoldOwner::Vendor {
                org: meridian.to_string(),
            },
            slices: vec![(radiology.clone(), schema)],
            clauses: None,
            created_by: maria.to_string(),
        },
        rows,
    )
    .map_err(|e| anyhow::anyhow!("demo calibration material: {e}"))?;
    let gold: Vec<String> = uploaded
        .results
        .iter()
        .filter_map(|r| r.id.as_ref().map(|i| i.to_string()))
        .collect();
    let chen = super::expert_by_email(conn, "dr.chen@experts.demo")?.id;
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
                decider_org: Some(meridian.as_str()),
                explanation: "The effusion is small but present: 3 (partly correct), not 2.",
            },
        )?;
    }
    Ok(format!(
        "\x20 scoring          calibration session {} (Meridian, medicine/radiology:de): Dr. Chen answered 4 of 5; one open appeal of a reference answer",
        session.id
    ))
}
