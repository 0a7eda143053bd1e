//! Demo rosters: more roster members, a second vendor, weeks of calibration history.

use chrono::Duration;
use serde_json::json;

use crate::audit::Actor;
use crate::auth::{self, OrgKind, OrgRole, tokens};
use crate::db::DbConn;
use crate::ids::UserId;
use crate::orgs;

/// Rosters: two more radiologists on Meridian's roster and a second vendor, Atlas, with one;
/// eight weeks of weekly calibration on the platform's radiology pool (so the roster
/// dashboards, their charts and the vendor comparison have history: Dr. Weber improving,
/// Dr. Rossi drifting, Dr. Chen steady), and an open roster invitation.
#[allow(clippy::too_many_arguments)]
pub(super) fn seed_rosters(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    hash: &str,
    admin: &UserId,
    maria: &UserId,
    meridian: &crate::ids::OrgId,
) -> anyhow::Result<String> {
    use crate::experts::Profile;
    use crate::experts::service::{self as expert_service, Step};
    use crate::experts::vetting::{Mover, VettingStatus::*};
    use crate::standings::rules::{SliceStatus, Tier};
    use crate::standings::service::{Change, apply};

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
    let radiology = super::shared_slice(conn, "medicine/radiology:de")?;
    let platform = Actor::user(admin, None);
    crate::orgs::approval::decide(
        conn,
        now,
        &platform,
        &atlas,
        crate::auth::OrgApproval::Approved,
        Some("Demo: references checked"),
    )
    .map_err(|e| anyhow::anyhow!("demo vendor approval: {e}"))?;
    // A vendor that registered itself and waits for the platform's approval: it may
    // invite and prepare a roster, but vets nobody and its experts get no lab work.
    let sven = auth::insert_user(
        conn,
        now,
        &auth::NewUser {
            email: "sven@borealis.demo",
            password_hash: hash,
            display_name: "Sven Lund",
            is_platform_admin: false,
            is_expert: false,
            email_verified: true,
        },
    )?;
    let borealis = orgs::insert_org(
        conn,
        now,
        OrgKind::Vendor,
        "Borealis Annotation (pending approval)",
        sven.as_str(),
    )?;
    orgs::insert_membership(
        conn,
        now,
        borealis.as_str(),
        sven.as_str(),
        OrgRole::VendorAdmin,
    )?;

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
        let medicine = crate::taxonomy::find_domain_by_slug(conn, "medicine/radiology")?
            .ok_or_else(|| anyhow::anyhow!("demo domain medicine/radiology missing"))?
            .id;
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
        // Verified by the platform: vetting `approved` needs a verified credential.
        super::experts::licence(
            conn,
            now,
            &row,
            (
                "Ärztekammer Berlin",
                &format!("BE-{}", 200_000 + roster.len()),
                "medicine",
            ),
            Some(admin),
        )?;
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
    // Borealis (pending approval) has prepared its roster: Dr. Lind applied through it. Until
    // the platform approves Borealis nobody vets her there and she receives no lab work.
    {
        let email = "dr.lind@experts.demo";
        let name = "Dr. Sofia Lind (radiology)";
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
            user_id: user,
            session_id: crate::ids::SessionId::new(now),
            email: email.to_owned(),
            display_name: name.to_owned(),
            is_platform_admin: false,
            is_expert: true,
            email_verified: true,
            memberships: vec![],
            request_id: None,
        };
        let medicine = crate::taxonomy::find_domain_by_slug(conn, "medicine/radiology")?
            .ok_or_else(|| anyhow::anyhow!("demo domain medicine/radiology missing"))?
            .id;
        let profile = Profile {
            display_name: name.to_owned(),
            headline: "Radiology registrar".into(),
            bio: String::new(),
            domain_ids: serde_json::to_string(&[medicine])?,
            languages: "[\"sv\",\"en\"]".into(),
            time_zone: "Europe/Stockholm".into(),
            country: "SE".into(),
            affiliations: "[]".into(),
            desired_rate_minor: 7000,
            desired_currency: "EUR".into(),
            contact_consent: false,
        };
        let row = expert_service::apply(conn, now, &principal, Some(&borealis), &profile)?;
        crate::rosters::join(conn, now, &row.id, borealis.as_str(), "applied", None)?;
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
    crate::rosters::backdate_all_memberships(conn, (now - Duration::weeks(10)).naive_utc())?;

    // The platform's radiology pool (seeded by seed_scoring) and its reference scores. The
    // weekly sessions on it are the platform's (one per vendor's roster): a vendor's own
    // session may never use the pool, and only shared items let the vendors be compared.
    let pool: Vec<(String, Option<i64>)> =
        crate::gold::gold_with_external_prefix(conn, &radiology.id, "rad-cal-")?
            .into_iter()
            .map(|g| (g.id, g.answer_score))
            .collect();
    let gold: Vec<String> = pool.iter().map(|(id, _)| id.clone()).collect();
    let reference: std::collections::BTreeMap<String, i64> = pool
        .iter()
        .filter_map(|(id, s)| Some((id.clone(), (*s)?)))
        .collect();
    let chen = super::expert_by_email(conn, "dr.chen@experts.demo")?.id;
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
            let actor = Actor::user(admin, None);
            let title = format!("Weekly chest X-ray calibration (week {})", week + 1);
            let session = crate::calibration::service::create(
                conn,
                t,
                &crate::calibration::service::Plan {
                    org: None,
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
        "\x20 rosters          Meridian: Dr. Weber (senior), Dr. Rossi and Dr. Chen in medicine/radiology:de, 8 weeks of calibration, an open invitation; Atlas Clinical Review (kofi@atlas.demo) with Dr. Sato; Borealis Annotation (sven@borealis.demo) waits for the platform's approval ({borealis}); dashboards at /v1/vendors/{meridian}/dashboard, charts at /v1/vendors/{meridian}/charts/accuracy.svg?slice={}&metric=calibration, comparison at /v1/slices/{}/vendor-comparison",
        radiology.id, radiology.id
    ))
}
