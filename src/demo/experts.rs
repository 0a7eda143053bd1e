//! Demo experts: applications at different vetting stages, and their credentials.

use serde_json::json;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::ids::UserId;

/// The demo experts apply; Meridian's admin moves them to different vetting stages.
pub(super) fn seed_experts(
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
        // Credentials first: vetting `approved` needs a verified one meeting the domain.
        seed_credential(conn, now, &row, platform_admin)?;
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
    let (issuer, identifier, field, verify) = match expert.display_name.as_str() {
        n if n.starts_with("Dr. Wei Chen") => ("Ärztekammer Berlin", "BE-104233", "medicine", true),
        n if n.starts_with("Jude Okoro") => ("New York State Bar", "NY-5512093", "law", false),
        _ => return Ok(()),
    };
    licence(
        conn,
        now,
        expert,
        (issuer, identifier, field),
        verify.then_some(reviewer),
    )
}

/// A licence with PDF evidence for a demo expert, verified by `reviewer` when given.
pub(super) fn licence(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    expert: &crate::experts::ExpertRow,
    (issuer, identifier, field): (&str, &str, &str),
    reviewer: Option<&UserId>,
) -> anyhow::Result<()> {
    use crate::credentials as creds;
    use sha2::{Digest, Sha256};
    let kind = "licence";
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
    if let Some(reviewer) = reviewer {
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
