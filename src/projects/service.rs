//! Project and constitution changes: each one transaction, audited, checked against the
//! lifecycle rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::constitution::{Clause, check_clauses};
use super::store::{self, ConstitutionRow, ProjectFields, ProjectRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal, Scope, UserPrincipal};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{ExpertId, OrgId, ProjectId, SliceId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Draft,
    Active,
    Paused,
    Archived,
}

impl ProjectStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Draft => "draft",
            ProjectStatus::Active => "active",
            ProjectStatus::Paused => "paused",
            ProjectStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "active" => Some(Self::Active),
            "paused" => Some(Self::Paused),
            "archived" => Some(Self::Archived),
            _ => None,
        }
    }

    /// The lifecycle: draft → active ⇄ paused, and any of them → archived (final).
    pub fn can_become(self, to: ProjectStatus) -> bool {
        use ProjectStatus::*;
        matches!(
            (self, to),
            (Draft, Active)
                | (Active, Paused)
                | (Paused, Active)
                | (Draft | Active | Paused, Archived)
        )
    }
}

/// The routing filter a project sets per slice: the least slice status an expert needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MinQualification {
    /// Experts on probation or qualified (not suspended).
    Probation,
    /// Qualified experts only.
    Qualified,
}

impl MinQualification {
    pub fn as_str(self) -> &'static str {
        match self {
            MinQualification::Probation => "probation",
            MinQualification::Qualified => "qualified",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectSlice {
    pub slice_id: SliceId,
    #[serde(default = "default_min_qualification")]
    pub min_qualification: MinQualification,
}

fn default_min_qualification() -> MinQualification {
    MinQualification::Probation
}

/// Conflict-of-interest exclusions applied by routing.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusions {
    /// Vendors whose experts never work on this project.
    #[serde(default)]
    pub vendor_ids: Vec<OrgId>,
    /// Individual experts who never work on this project.
    #[serde(default)]
    pub expert_ids: Vec<ExpertId>,
    /// Matched case-insensitively against experts' current and past affiliations
    /// (e.g. a competitor's name).
    #[serde(default)]
    pub affiliation_keywords: Vec<String>,
}

fn not_found(id: &ProjectId) -> AppError {
    AppError::not_found(format!("project {id} not found"))
}

/// The project, if the caller may read it (its lab's members and API keys with
/// `projects:read`, platform admins); 404 for everyone else.
pub fn readable_project(
    conn: &mut DbConn,
    principal: &Principal,
    id: &ProjectId,
) -> AppResult<ProjectRow> {
    project_with_scope(conn, principal, id, Scope::ProjectsRead)
}

/// The project, if the caller belongs to its lab (users) or is an API key of that lab
/// holding `scope`; platform admins too. 404 for everyone else.
pub fn project_with_scope(
    conn: &mut DbConn,
    principal: &Principal,
    id: &ProjectId,
    scope: Scope,
) -> AppResult<ProjectRow> {
    let p = store::find_project(conn, id.as_str())?.ok_or_else(|| not_found(id))?;
    principal
        .org_read(&OrgId::from_db(p.org_id.clone()), scope)
        .map_err(|e| if e.is_not_found() { not_found(id) } else { e })?;
    Ok(p)
}

/// The project, if the caller administers its lab; 404 if they cannot even read it.
pub fn writable_project<'p>(
    conn: &mut DbConn,
    principal: &'p Principal,
    id: &ProjectId,
) -> AppResult<(ProjectRow, &'p UserPrincipal)> {
    let p = store::find_project(conn, id.as_str())?.ok_or_else(|| not_found(id))?;
    let user = principal
        .org_admin(&OrgId::from_db(p.org_id.clone()))
        .map_err(|e| if e.is_not_found() { not_found(id) } else { e })?;
    Ok((p, user))
}

/// A full set of project settings as checked input.
pub struct ProjectInput {
    pub fields: ProjectFields,
    pub slices: Vec<ProjectSlice>,
    pub exclusions: Exclusions,
}

/// Checks the references in a project's settings against the database: the domain, the
/// slices (visible to the lab and inside the domain's subtree), the pinned constitution
/// (a published version of this project), and the excluded vendors.
fn check_references(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    org: &str,
    project: Option<&str>,
    input: &ProjectInput,
) -> AppResult<()> {
    let mut errors = Vec::new();
    // Lock the domain so it cannot be deleted or moved while this project starts using it.
    crate::taxonomy::lock_domain(conn, &input.fields.domain_id, now)?;
    let domain = crate::taxonomy::find_domain(conn, &input.fields.domain_id)?;
    match &domain {
        None => errors.push(FieldError::new("domain_id", "no such domain")),
        Some(d) => {
            for (i, s) in input.slices.iter().enumerate() {
                let field = format!("slices[{i}].slice_id");
                match crate::taxonomy::find_slice(conn, s.slice_id.as_str())? {
                    Some(slice) if slice.org_id.as_deref().is_none_or(|o| o == org) => {
                        let slice_domain = crate::taxonomy::find_domain(conn, &slice.domain_id)?;
                        let inside = match slice_domain {
                            Some(sd) => crate::taxonomy::lineage(conn, sd)?
                                .iter()
                                .any(|a| a.id == d.id),
                            None => false,
                        };
                        if !inside {
                            errors.push(FieldError::new(
                                field,
                                format!("is not in the project's domain `{}`", d.slug),
                            ));
                        }
                    }
                    _ => errors.push(FieldError::new(field, "no such slice")),
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, s) in input.slices.iter().enumerate() {
        if !seen.insert(s.slice_id.as_str()) {
            errors.push(FieldError::new(
                format!("slices[{i}].slice_id"),
                "is listed twice",
            ));
        }
    }
    if let Some(version) = input.fields.constitution_version {
        let published = match project {
            Some(p) => store::find_constitution(conn, org, p, version)?
                .is_some_and(|c| c.status == "published"),
            None => false,
        };
        if !published {
            errors.push(FieldError::new(
                "constitution_version",
                "must be a published constitution version of this project",
            ));
        }
    }
    for (i, v) in input.exclusions.vendor_ids.iter().enumerate() {
        let is_vendor = crate::orgs::find_org(conn, v.as_str())?
            .is_some_and(|o| o.kind == OrgKind::Vendor.as_str());
        if !is_vendor {
            errors.push(FieldError::new(
                format!("exclusions.vendor_ids[{i}]"),
                "is not a vendor",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn slice_pairs(slices: &[ProjectSlice]) -> Vec<(String, String)> {
    slices
        .iter()
        .map(|s| {
            (
                s.slice_id.to_string(),
                s.min_qualification.as_str().to_owned(),
            )
        })
        .collect()
}

pub fn create_project(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    creator: &str,
    org: &OrgId,
    input: ProjectInput,
) -> AppResult<ProjectRow> {
    let o = crate::orgs::find_org(conn, org.as_str())?
        .ok_or_else(|| AppError::not_found(format!("organization {org} not found")))?;
    if o.kind != OrgKind::Lab.as_str() {
        return Err(AppError::invalid_field("org_id", "only labs have projects"));
    }
    check_references(conn, now, org.as_str(), None, &input)?;
    let id = store::insert_project(conn, now, org.as_str(), creator, &input.fields)?;
    store::replace_project_slices(
        conn,
        org.as_str(),
        id.as_str(),
        &slice_pairs(&input.slices),
        now,
    )?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "project.created",
            org_id: Some(org.as_str()),
            subject_type: "project",
            subject_id: Some(id.as_str()),
            details: json!({ "name": input.fields.name, "bill_rate_minor": input.fields.bill_rate_minor, "currency": input.fields.currency }),
        },
    )?;
    store::find_project(conn, id.as_str())?.ok_or_else(|| not_found(&id))
}

/// Takes the project's row lock and re-reads it, so checks that follow see the state no
/// concurrent change can alter before this transaction commits.
pub fn lock_fresh(
    conn: &mut DbConn,
    row: &ProjectRow,
    now: DateTime<Utc>,
) -> AppResult<ProjectRow> {
    let id = ProjectId::from_db(row.id.clone());
    if !store::lock_project(conn, &row.org_id, &row.id, now)? {
        return Err(not_found(&id));
    }
    store::find_project(conn, &row.id)?.ok_or_else(|| not_found(&id))
}

fn refuse_archived(p: &ProjectRow) -> AppResult<()> {
    if p.status == "archived" {
        return Err(AppError::conflict(
            "the project is archived and can no longer change",
        ));
    }
    Ok(())
}

pub fn update_project(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    current: &ProjectRow,
    input: ProjectInput,
) -> AppResult<ProjectRow> {
    let fresh = lock_fresh(conn, current, now)?;
    let current = &fresh;
    let id = ProjectId::from_db(current.id.clone());
    let status = ProjectStatus::parse(&current.status).unwrap_or(ProjectStatus::Draft);
    if status == ProjectStatus::Archived {
        return Err(AppError::conflict(
            "the project is archived and can no longer change",
        ));
    }
    if status != ProjectStatus::Draft && input.fields.currency != current.currency {
        return Err(
            AppError::conflict("the currency is fixed once a project has been activated")
                .with_errors(vec![FieldError::new(
                    "currency",
                    "cannot change after activation",
                )]),
        );
    }
    if status == ProjectStatus::Active
        && (input.slices.is_empty() || input.fields.constitution_version.is_none())
    {
        return Err(AppError::conflict(
            "an active project needs at least one slice and a pinned constitution; pause it first",
        ));
    }
    check_references(conn, now, &current.org_id, Some(&current.id), &input)?;
    store::update_project(conn, &current.org_id, &current.id, now, &input.fields)?;
    store::replace_project_slices(
        conn,
        &current.org_id,
        &current.id,
        &slice_pairs(&input.slices),
        now,
    )?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "project.updated",
            org_id: Some(&current.org_id),
            subject_type: "project",
            subject_id: Some(&current.id),
            details: json!({
                "constitution_version": { "from": current.constitution_version, "to": input.fields.constitution_version },
                "bill_rate_minor": { "from": current.bill_rate_minor, "to": input.fields.bill_rate_minor },
            }),
        },
    )?;
    store::find_project(conn, &current.id)?.ok_or_else(|| not_found(&id))
}

pub fn change_status(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    current: &ProjectRow,
    to: ProjectStatus,
) -> AppResult<ProjectRow> {
    let fresh = lock_fresh(conn, current, now)?;
    let current = &fresh;
    let id = ProjectId::from_db(current.id.clone());
    let from = ProjectStatus::parse(&current.status).unwrap_or(ProjectStatus::Draft);
    if from == to {
        return Ok(current.clone());
    }
    if !from.can_become(to) {
        return Err(AppError::conflict(format!(
            "a {} project cannot become {}",
            from.as_str(),
            to.as_str()
        )));
    }
    if to == ProjectStatus::Active {
        let mut missing = Vec::new();
        let pinned = match current.constitution_version {
            Some(v) => store::find_constitution(conn, &current.org_id, &current.id, v)?
                .is_some_and(|c| c.status == "published"),
            None => false,
        };
        if !pinned {
            missing.push("a pinned, published constitution version");
        }
        if store::project_slices(conn, &current.org_id, &current.id)?.is_empty() {
            missing.push("at least one slice");
        }
        if !missing.is_empty() {
            return Err(AppError::conflict(format!(
                "the project cannot be activated without {}",
                missing.join(" and ")
            )));
        }
    }
    if !store::set_status(
        conn,
        &current.org_id,
        &current.id,
        from.as_str(),
        to.as_str(),
        now,
    )? {
        return Err(AppError::conflict(
            "the project's status changed concurrently; retry",
        ));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "project.status_changed",
            org_id: Some(&current.org_id),
            subject_type: "project",
            subject_id: Some(&current.id),
            details: json!({ "from": from.as_str(), "to": to.as_str() }),
        },
    )?;
    store::find_project(conn, &current.id)?.ok_or_else(|| not_found(&id))
}

// ---- constitutions ----

pub fn load_clauses(conn: &mut DbConn, c: &ConstitutionRow) -> AppResult<Vec<Clause>> {
    store::clauses_of(conn, &c.org_id, &c.id)?
        .into_iter()
        .map(|r| -> AppResult<Clause> {
            Ok(Clause {
                id: r.clause_id,
                text: r.text,
                examples: crate::db::stored_json("constitution_clauses.examples", &r.examples)?,
                counter_examples: crate::db::stored_json(
                    "constitution_clauses.counter_examples",
                    &r.counter_examples,
                )?,
            })
        })
        .collect()
}

pub fn load_constitution(
    conn: &mut DbConn,
    p: &ProjectRow,
    version: i32,
) -> AppResult<ConstitutionRow> {
    store::find_constitution(conn, &p.org_id, &p.id, version)?.ok_or_else(|| {
        AppError::not_found(format!(
            "constitution version {version} of project {} not found",
            p.id
        ))
    })
}

fn write_clauses(
    conn: &mut DbConn,
    org: &str,
    constitution: &str,
    clauses: &[Clause],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let errors = check_clauses(clauses, "clauses");
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let rows: Vec<store::NewClause<'_>> = clauses
        .iter()
        .map(|c| store::NewClause {
            clause_id: &c.id,
            text: &c.text,
            examples: serde_json::to_string(&c.examples).unwrap_or_else(|_| "[]".into()),
            counter_examples: serde_json::to_string(&c.counter_examples)
                .unwrap_or_else(|_| "[]".into()),
        })
        .collect();
    store::replace_clauses(conn, org, constitution, &rows, now)?;
    Ok(())
}

pub fn create_constitution(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    by: &str,
    p: &ProjectRow,
    title: &str,
    clauses: &[Clause],
) -> AppResult<ConstitutionRow> {
    // The project lock serialises version numbering.
    let fresh = lock_fresh(conn, p, now)?;
    let p = &fresh;
    refuse_archived(p)?;
    let version = store::max_version(conn, &p.org_id, &p.id)?.unwrap_or(0) + 1;
    let id = store::insert_constitution(conn, now, &p.org_id, &p.id, version, title, by)?;
    write_clauses(conn, &p.org_id, id.as_str(), clauses, now)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "constitution.drafted",
            org_id: Some(&p.org_id),
            subject_type: "project",
            subject_id: Some(&p.id),
            details: json!({ "version": version, "clauses": clauses.len() }),
        },
    )?;
    load_constitution(conn, p, version)
}

pub fn update_draft(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    p: &ProjectRow,
    version: i32,
    title: &str,
    clauses: &[Clause],
) -> AppResult<ConstitutionRow> {
    let fresh = lock_fresh(conn, p, now)?;
    let p = &fresh;
    refuse_archived(p)?;
    let c = load_constitution(conn, p, version)?;
    if !store::touch_draft(conn, &c.id, title, now)? {
        return Err(AppError::conflict(format!(
            "version {version} is published and can no longer change; draft a new version"
        )));
    }
    write_clauses(conn, &p.org_id, &c.id, clauses, now)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "constitution.draft_updated",
            org_id: Some(&p.org_id),
            subject_type: "project",
            subject_id: Some(&p.id),
            details: json!({ "version": version, "clauses": clauses.len() }),
        },
    )?;
    load_constitution(conn, p, version)
}

pub fn publish(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    by: &str,
    p: &ProjectRow,
    version: i32,
) -> AppResult<ConstitutionRow> {
    let fresh = lock_fresh(conn, p, now)?;
    let p = &fresh;
    refuse_archived(p)?;
    let c = load_constitution(conn, p, version)?;
    if !store::publish(conn, &c.id, by, now)? {
        return Err(AppError::conflict(format!(
            "version {version} is already published"
        )));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "constitution.published",
            org_id: Some(&p.org_id),
            subject_type: "project",
            subject_id: Some(&p.id),
            details: json!({ "version": version }),
        },
    )?;
    load_constitution(conn, p, version)
}
