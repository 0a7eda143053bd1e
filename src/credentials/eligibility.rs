//! Which rubric domains an expert may work in, computed from their credentials on demand
//! (never cached): a domain's effective requirements (its own and its ancestors') must each
//! be met by a credential of that kind and field that is **verified and unexpired on the
//! day asked about**. A credential is valid through the day before its expiry date; on the
//! expiry date it no longer counts, whether or not the expiry sweep has run yet.
//!
//! The matching is pure; [`for_expert`] loads what it needs.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::store::{self, CredentialRow};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::{CredentialId, DomainId};
use crate::taxonomy::CredentialKind;

/// The facts about one credential that eligibility reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub id: String,
    pub kind: String,
    pub field: String,
    pub status: String,
    pub expires_on: Option<NaiveDate>,
}

impl From<&CredentialRow> for Held {
    fn from(c: &CredentialRow) -> Self {
        Self {
            id: c.id.clone(),
            kind: c.kind.clone(),
            field: c.field.clone(),
            status: c.status.clone(),
            expires_on: c.expires_on,
        }
    }
}

/// Verified, and not past (or at) its expiry date on `today`.
pub fn counts_on(c: &Held, today: NaiveDate) -> bool {
    c.status == "verified" && c.expires_on.is_none_or(|d| d > today)
}

/// For each requirement `(kind, field)`, the credential that meets it on `today`, if any.
/// Among several, the one valid longest is chosen (no expiry beats any date).
pub fn meet<'a>(
    requirements: &[(String, String)],
    held: &'a [Held],
    today: NaiveDate,
) -> Vec<Option<&'a Held>> {
    requirements
        .iter()
        .map(|(kind, field)| {
            held.iter()
                .filter(|c| &c.kind == kind && &c.field == field && counts_on(c, today))
                .max_by_key(|c| c.expires_on.unwrap_or(NaiveDate::MAX))
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequirementStatus {
    pub kind: CredentialKind,
    pub field: String,
    /// Slug of the domain that declares the requirement (the domain or an ancestor).
    pub declared_by: String,
    /// The verified, unexpired credential that meets it; null if none does.
    pub met_by: Option<CredentialId>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DomainEligibility {
    pub domain_id: DomainId,
    #[schema(example = "medicine/radiology")]
    pub slug: String,
    /// All requirements met (a domain without requirements is open to every expert).
    pub eligible: bool,
    pub requirements: Vec<RequirementStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Eligibility {
    /// The UTC day the answer holds for.
    pub as_of: NaiveDate,
    /// Every domain of the taxonomy, in slug order.
    pub domains: Vec<DomainEligibility>,
}

/// The expert's eligibility for every domain at `now`.
pub fn for_expert(conn: &mut DbConn, expert: &str, now: DateTime<Utc>) -> AppResult<Eligibility> {
    let today = now.date_naive();
    let held: Vec<Held> = store::list_for_expert(conn, expert)?
        .iter()
        .map(Held::from)
        .collect();
    let domains = crate::taxonomy::all_domains(conn)?;
    let ids: Vec<String> = domains.iter().map(|d| d.id.clone()).collect();
    let reqs = crate::taxonomy::requirements_of(conn, &ids)?;
    let by_id: HashMap<&str, &crate::taxonomy::DomainRow> =
        domains.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut out = Vec::with_capacity(domains.len());
    for d in &domains {
        // Effective requirements: the domain's own, then each ancestor's (deduplicated).
        let mut effective: Vec<(String, String, String)> = Vec::new();
        let mut cursor = Some(d);
        let mut depth = 0;
        while let Some(node) = cursor {
            for r in reqs.iter().filter(|r| r.domain_id == node.id) {
                if !effective
                    .iter()
                    .any(|(k, f, _)| k == &r.kind && f == &r.field)
                {
                    effective.push((r.kind.clone(), r.field.clone(), node.slug.clone()));
                }
            }
            depth += 1;
            cursor = node
                .parent_id
                .as_deref()
                .and_then(|p| by_id.get(p).copied())
                .filter(|_| depth < 64);
        }
        let pairs: Vec<(String, String)> = effective
            .iter()
            .map(|(k, f, _)| (k.clone(), f.clone()))
            .collect();
        let met = meet(&pairs, &held, today);
        let declared = pairs.len();
        let requirements: Vec<RequirementStatus> = effective
            .into_iter()
            .zip(met)
            .filter_map(|((kind, field, declared_by), m)| {
                Some(RequirementStatus {
                    kind: CredentialKind::parse(&kind)?,
                    field,
                    declared_by,
                    met_by: m.map(|c| CredentialId::from_db(c.id.clone())),
                })
            })
            .collect();
        out.push(DomainEligibility {
            domain_id: DomainId::from_db(d.id.clone()),
            slug: d.slug.clone(),
            // A requirement this build cannot read is never met (fail closed).
            eligible: requirements.len() == declared
                && requirements.iter().all(|r| r.met_by.is_some()),
            requirements,
        });
    }
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(Eligibility {
        as_of: today,
        domains: out,
    })
}

/// Is the expert eligible for `domain` at `now`? (Routing's credential filter.)
pub fn eligible_for(
    conn: &mut DbConn,
    expert: &str,
    domain: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    Ok(for_expert(conn, expert, now)?
        .domains
        .iter()
        .any(|d| d.domain_id.as_str() == domain && d.eligible))
}

/// The rule behind vetting `approved` (README "Approved vendors"): at least one verified,
/// unexpired credential meets a domain the expert applied for — it meets one of the
/// domain's effective requirements, or, for a domain that requires nothing, it is any
/// verified, unexpired credential. None: the rule holds; Some: why it does not.
pub fn approval_refusal(
    conn: &mut DbConn,
    expert: &str,
    applied: &[String],
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    let today = now.date_naive();
    let any_counted = store::list_for_expert(conn, expert)?
        .iter()
        .map(Held::from)
        .any(|c| counts_on(&c, today));
    if !any_counted {
        return Ok(Some(
            "an expert is approved only with at least one verified credential meeting a domain they applied for; they have no verified, unexpired credential".to_owned(),
        ));
    }
    let meets = for_expert(conn, expert, now)?
        .domains
        .iter()
        .filter(|d| applied.iter().any(|a| a == d.domain_id.as_str()))
        .any(|d| d.requirements.is_empty() || d.requirements.iter().any(|r| r.met_by.is_some()));
    Ok((!meets).then(|| {
        "an expert is approved only with at least one verified credential meeting a domain they applied for; no verified credential meets a requirement of their domains".to_owned()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn held(id: &str, status: &str, expires: Option<&str>) -> Held {
        Held {
            id: id.into(),
            kind: "licence".into(),
            field: "medicine".into(),
            status: status.into(),
            expires_on: expires.map(day),
        }
    }

    fn licence() -> Vec<(String, String)> {
        vec![("licence".into(), "medicine".into())]
    }

    #[test]
    fn a_credential_counts_through_the_day_before_its_expiry_date() {
        let c = held("c", "verified", Some("2027-03-01"));
        assert!(counts_on(&c, day("2027-02-28")));
        assert!(!counts_on(&c, day("2027-03-01")));
        assert!(!counts_on(&c, day("2027-03-02")));
        assert!(counts_on(&held("c", "verified", None), day("2999-01-01")));
    }

    #[test]
    fn only_verified_credentials_count() {
        for s in ["pending", "rejected", "expired", "revoked"] {
            assert!(!counts_on(&held("c", s, None), day("2027-01-01")), "{s}");
        }
    }

    #[test]
    fn requirements_need_the_same_kind_and_field() {
        let mut degree = held("d", "verified", None);
        degree.kind = "degree".into();
        let mut law = held("l", "verified", None);
        law.field = "law".into();
        let creds = [degree, law];
        assert_eq!(meet(&licence(), &creds, day("2027-01-01")), vec![None]);
    }

    #[test]
    fn the_longest_valid_credential_is_chosen() {
        let creds = [
            held("short", "verified", Some("2027-06-01")),
            held("long", "verified", Some("2030-01-01")),
            held("gone", "verified", Some("2026-01-01")),
        ];
        let met = meet(&licence(), &creds, day("2027-01-01"));
        assert_eq!(met[0].map(|c| c.id.as_str()), Some("long"));
        let met = meet(&licence(), &creds, day("2029-12-31"));
        assert_eq!(met[0].map(|c| c.id.as_str()), Some("long"));
        assert_eq!(meet(&licence(), &creds, day("2030-01-01")), vec![None]);
    }

    proptest! {
        /// Time only takes eligibility away: a requirement met on a day was met on every
        /// earlier day the same credentials were held.
        #[test]
        fn eligibility_never_returns_with_time(
            offsets in proptest::collection::vec(proptest::option::of(0i64..2000), 0..6),
            a in 0i64..2000,
            b in 0i64..2000,
        ) {
            let base = day("2026-01-01");
            let creds: Vec<Held> = offsets
                .iter()
                .enumerate()
                .map(|(i, o)| Held {
                    id: format!("c{i}"),
                    kind: "licence".into(),
                    field: "medicine".into(),
                    status: "verified".into(),
                    expires_on: o.map(|d| base + chrono::Duration::days(d)),
                })
                .collect();
            let (early, late) = (base + chrono::Duration::days(a.min(b)), base + chrono::Duration::days(a.max(b)));
            if meet(&licence(), &creds, late)[0].is_some() {
                prop_assert!(meet(&licence(), &creds, early)[0].is_some());
            }
        }
    }
}
