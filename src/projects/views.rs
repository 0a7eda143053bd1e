//! The API's views of projects and constitutions, built from the stored rows by the routes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::budget::{BudgetState, Estimate, Spend};
use super::constitution::Clause;
use super::service::{Exclusions, MinQualification, ProjectSlice, ProjectStatus, load_clauses};
use super::store::{ConstitutionRow, ProjectRow};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::{DomainId, OrgId, ProjectId, SliceId};

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectView {
    pub id: ProjectId,
    pub org_id: OrgId,
    pub name: String,
    pub description: String,
    pub domain_id: DomainId,
    pub status: ProjectStatus,
    /// The published constitution version experts apply; required to activate.
    pub constitution_version: Option<i32>,
    pub slices: Vec<ProjectSlice>,
    /// Independent experts per item.
    pub overlap: i32,
    /// Share of routed work that is hidden gold (0–0.5).
    pub gold_rate: f64,
    /// Send disagreements to an adjudicator.
    pub adjudication: bool,
    /// Experts see the AI judge's confidence.
    pub show_judge_confidence: bool,
    pub default_deadline_secs: i64,
    /// What the lab pays per expert-hour.
    pub bill_rate: crate::money::Money,
    pub budget_cap_minor: Option<i64>,
    /// Where the project's spend stands against its budget cap (README "Budget").
    pub budget: BudgetView,
    pub exclusions: Exclusions,
    /// Hours after its deadline an overdue item still unresolved expires (null: never).
    pub expire_overdue_after_hours: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A project's spend against its budget cap, in the project's bill currency (README
/// "Budget" has the formula).
#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetView {
    /// The cap (`null`: no limit).
    pub cap_minor: Option<i64>,
    /// Measured, billed time: what the project's timesheets bill (approved lines as
    /// posted, the others at their sheet's rate), as its invoices will.
    pub committed_minor: i64,
    /// `committed_minor` plus the expected bill of the open (offered or accepted)
    /// assignments.
    pub projected_minor: i64,
    #[schema(example = "USD")]
    pub currency: String,
    /// `reached`: routing offers no new work for the project until the cap is raised.
    pub state: BudgetState,
    /// Open (offered or accepted) assignments of the project, items and gold.
    pub open_assignments: i64,
    /// Expected seconds of one open assignment.
    pub expected_seconds_per_assignment: i64,
    /// `median` of the latest measured judgments, or the configured `default`.
    pub estimate: Estimate,
}

fn budget_view(s: Spend) -> BudgetView {
    BudgetView {
        cap_minor: s.cap_minor,
        committed_minor: s.committed_minor,
        projected_minor: s.projected_minor,
        currency: s.currency,
        state: s.state,
        open_assignments: s.open_assignments,
        expected_seconds_per_assignment: s.expected_seconds,
        estimate: s.estimate,
    }
}

pub fn project_view(
    conn: &mut DbConn,
    settings: &Settings,
    p: ProjectRow,
) -> AppResult<ProjectView> {
    let budget = budget_view(super::budget::measure(conn, settings, &p)?);
    let slices = super::project_slices(conn, &p.org_id, &p.id)?
        .into_iter()
        .map(|s| ProjectSlice {
            slice_id: SliceId::from_db(s.slice_id),
            min_qualification: if s.min_qualification == "qualified" {
                MinQualification::Qualified
            } else {
                MinQualification::Probation
            },
        })
        .collect();
    Ok(ProjectView {
        id: ProjectId::from_db(p.id),
        org_id: OrgId::from_db(p.org_id),
        name: p.name,
        description: p.description,
        domain_id: DomainId::from_db(p.domain_id),
        status: ProjectStatus::parse(&p.status).unwrap_or(ProjectStatus::Draft),
        constitution_version: p.constitution_version,
        slices,
        overlap: p.overlap,
        gold_rate: p.gold_rate,
        adjudication: p.adjudication,
        show_judge_confidence: p.show_judge_confidence,
        default_deadline_secs: p.default_deadline_secs,
        bill_rate: crate::money::Money {
            amount_minor: p.bill_rate_minor,
            currency: p.currency,
        },
        budget_cap_minor: p.budget_cap_minor,
        budget,
        exclusions: Exclusions {
            vendor_ids: crate::db::stored_json(
                "projects.excluded_vendor_ids",
                &p.excluded_vendor_ids,
            )?,
            expert_ids: crate::db::stored_json(
                "projects.excluded_expert_ids",
                &p.excluded_expert_ids,
            )?,
            affiliation_keywords: crate::db::stored_json(
                "projects.affiliation_keywords",
                &p.affiliation_keywords,
            )?,
        },
        expire_overdue_after_hours: p.expire_overdue_after_hours,
        created_at: crate::clock::utc(p.created_at),
        updated_at: crate::clock::utc(p.updated_at),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConstitutionStatus {
    Draft,
    Published,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConstitutionView {
    pub project_id: ProjectId,
    pub version: i32,
    pub title: String,
    pub status: ConstitutionStatus,
    pub clauses: Vec<Clause>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

pub fn constitution_view(conn: &mut DbConn, c: ConstitutionRow) -> AppResult<ConstitutionView> {
    let clauses = load_clauses(conn, &c)?;
    Ok(ConstitutionView {
        project_id: ProjectId::from_db(c.project_id),
        version: c.version,
        title: c.title,
        status: if c.status == "published" {
            ConstitutionStatus::Published
        } else {
            ConstitutionStatus::Draft
        },
        clauses,
        created_at: crate::clock::utc(c.created_at),
        updated_at: crate::clock::utc(c.updated_at),
        published_at: c.published_at.map(crate::clock::utc),
    })
}
