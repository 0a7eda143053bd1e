//! Queries for projects, their slices, and constitution versions. Every query on a
//! project's data filters by the owning lab's `org_id`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{constitution_clauses, constitutions, project_slices, projects};
use crate::ids::{ClauseRowId, ConstitutionId, ProjectId, ProjectSliceId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub description: String,
    pub domain_id: String,
    pub status: String,
    pub constitution_version: Option<i32>,
    pub overlap: i32,
    pub gold_rate: f64,
    pub adjudication: bool,
    pub default_deadline_secs: i64,
    pub bill_rate_minor: i64,
    pub currency: String,
    pub budget_cap_minor: Option<i64>,
    pub excluded_vendor_ids: String,
    pub excluded_expert_ids: String,
    pub affiliation_keywords: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub show_judge_confidence: bool,
    pub expire_overdue_after_hours: Option<i32>,
    /// `ok`, `warning` or `reached` (see [`crate::projects::budget`]).
    pub budget_state: String,
    pub budget_warning_armed: bool,
    pub budget_reached_armed: bool,
}

/// The settable fields of a project (everything but ids, status and timestamps).
#[derive(Debug, Clone)]
pub struct ProjectFields {
    pub name: String,
    pub description: String,
    pub domain_id: String,
    pub constitution_version: Option<i32>,
    pub overlap: i32,
    pub gold_rate: f64,
    pub adjudication: bool,
    pub default_deadline_secs: i64,
    pub bill_rate_minor: i64,
    pub currency: String,
    pub budget_cap_minor: Option<i64>,
    pub excluded_vendor_ids: String,
    pub excluded_expert_ids: String,
    pub affiliation_keywords: String,
    pub show_judge_confidence: bool,
    pub expire_overdue_after_hours: Option<i32>,
}

impl ProjectRow {
    pub fn fields(&self) -> ProjectFields {
        ProjectFields {
            name: self.name.clone(),
            description: self.description.clone(),
            domain_id: self.domain_id.clone(),
            constitution_version: self.constitution_version,
            overlap: self.overlap,
            gold_rate: self.gold_rate,
            adjudication: self.adjudication,
            default_deadline_secs: self.default_deadline_secs,
            bill_rate_minor: self.bill_rate_minor,
            currency: self.currency.clone(),
            budget_cap_minor: self.budget_cap_minor,
            excluded_vendor_ids: self.excluded_vendor_ids.clone(),
            excluded_expert_ids: self.excluded_expert_ids.clone(),
            affiliation_keywords: self.affiliation_keywords.clone(),
            show_judge_confidence: self.show_judge_confidence,
            expire_overdue_after_hours: self.expire_overdue_after_hours,
        }
    }
}

pub fn insert_project(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    org: &str,
    created_by: &str,
    f: &ProjectFields,
) -> QueryResult<ProjectId> {
    let id = ProjectId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(projects::table)
        .values((
            projects::id.eq(id.as_str()),
            projects::org_id.eq(org),
            projects::status.eq("draft"),
            projects::created_by.eq(created_by),
            projects::created_at.eq(t),
            projects::updated_at.eq(t),
            projects::name.eq(f.name.trim()),
            projects::description.eq(f.description.trim()),
            projects::domain_id.eq(&f.domain_id),
            projects::constitution_version.eq(f.constitution_version),
            projects::overlap.eq(f.overlap),
            projects::gold_rate.eq(f.gold_rate),
            projects::adjudication.eq(f.adjudication),
            projects::default_deadline_secs.eq(f.default_deadline_secs),
            projects::bill_rate_minor.eq(f.bill_rate_minor),
            projects::currency.eq(&f.currency),
            projects::budget_cap_minor.eq(f.budget_cap_minor),
            projects::excluded_vendor_ids.eq(&f.excluded_vendor_ids),
            projects::excluded_expert_ids.eq(&f.excluded_expert_ids),
            projects::affiliation_keywords.eq(&f.affiliation_keywords),
            projects::show_judge_confidence.eq(f.show_judge_confidence),
            projects::expire_overdue_after_hours.eq(f.expire_overdue_after_hours),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn update_project(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    now: DateTime<Utc>,
    f: &ProjectFields,
) -> QueryResult<usize> {
    diesel::update(projects::table.find(id).filter(projects::org_id.eq(org)))
        .set((
            projects::updated_at.eq(now.naive_utc()),
            projects::name.eq(f.name.trim()),
            projects::description.eq(f.description.trim()),
            projects::domain_id.eq(&f.domain_id),
            projects::constitution_version.eq(f.constitution_version),
            projects::overlap.eq(f.overlap),
            projects::gold_rate.eq(f.gold_rate),
            projects::adjudication.eq(f.adjudication),
            projects::default_deadline_secs.eq(f.default_deadline_secs),
            projects::bill_rate_minor.eq(f.bill_rate_minor),
            projects::currency.eq(&f.currency),
            projects::budget_cap_minor.eq(f.budget_cap_minor),
            projects::excluded_vendor_ids.eq(&f.excluded_vendor_ids),
            projects::excluded_expert_ids.eq(&f.excluded_expert_ids),
            projects::affiliation_keywords.eq(&f.affiliation_keywords),
            projects::show_judge_confidence.eq(f.show_judge_confidence),
            projects::expire_overdue_after_hours.eq(f.expire_overdue_after_hours),
        ))
        .execute(conn)
}

/// Projects whose overdue items expire: (project id, hours after the deadline).
pub fn expiring(conn: &mut DbConn) -> QueryResult<Vec<(String, i32)>> {
    projects::table
        .filter(projects::expire_overdue_after_hours.is_not_null())
        .order_by(projects::id.asc())
        .select((projects::id, projects::expire_overdue_after_hours))
        .load::<(String, Option<i32>)>(conn)
        .map(|rows| {
            rows.into_iter()
                .filter_map(|(id, h)| h.map(|h| (id, h)))
                .collect()
        })
}

/// Changes status only if it is still `from` (race-free transitions).
pub fn set_status(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        projects::table
            .find(id)
            .filter(projects::org_id.eq(org))
            .filter(projects::status.eq(from)),
    )
    .set((
        projects::status.eq(to),
        projects::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Takes the project's row lock for the rest of the transaction (see `orgs::store::lock_org`).
pub fn lock_project(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(projects::table.find(id).filter(projects::org_id.eq(org)))
        .set(projects::updated_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn find_project(conn: &mut DbConn, id: &str) -> QueryResult<Option<ProjectRow>> {
    projects::table
        .find(id)
        .select(ProjectRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_projects(
    conn: &mut DbConn,
    orgs: Option<&[String]>,
    status: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<ProjectRow>> {
    let mut q = projects::table
        .order_by(projects::id.asc())
        .limit(page.limit + 1)
        .select(ProjectRow::as_select())
        .into_boxed();
    if let Some(orgs) = orgs {
        q = q.filter(projects::org_id.eq_any(orgs.to_vec()));
    }
    if let Some(s) = status {
        q = q.filter(projects::status.eq(s.to_owned()));
    }
    if let Some(after) = &page.after {
        q = q.filter(projects::id.gt(after.clone()));
    }
    q.load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = project_slices)]
pub struct ProjectSliceRow {
    pub id: String,
    pub project_id: String,
    pub org_id: String,
    pub slice_id: String,
    pub min_qualification: String,
    pub created_at: NaiveDateTime,
}

pub fn project_slices(
    conn: &mut DbConn,
    org: &str,
    project: &str,
) -> QueryResult<Vec<ProjectSliceRow>> {
    project_slices::table
        .filter(project_slices::org_id.eq(org))
        .filter(project_slices::project_id.eq(project))
        .order_by(project_slices::id.asc())
        .select(ProjectSliceRow::as_select())
        .load(conn)
}

/// Marks the project's reliability in the slice as low (below the healthy threshold);
/// true only for the call that marked it (so the lab hears of it once per fall).
pub fn mark_reliability_low(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        project_slices::table
            .filter(project_slices::project_id.eq(project))
            .filter(project_slices::slice_id.eq(slice))
            .filter(project_slices::reliability_low_since.is_null()),
    )
    .set(project_slices::reliability_low_since.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n > 0)
}

/// Clears the mark once the project's reliability in the slice is healthy again.
pub fn clear_reliability_low(conn: &mut DbConn, project: &str, slice: &str) -> QueryResult<bool> {
    let n = diesel::update(
        project_slices::table
            .filter(project_slices::project_id.eq(project))
            .filter(project_slices::slice_id.eq(slice))
            .filter(project_slices::reliability_low_since.is_not_null()),
    )
    .set(project_slices::reliability_low_since.eq(None::<NaiveDateTime>))
    .execute(conn)?;
    Ok(n > 0)
}

pub fn replace_project_slices(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    slices: &[(String, String)],
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::delete(
        project_slices::table
            .filter(project_slices::org_id.eq(org))
            .filter(project_slices::project_id.eq(project)),
    )
    .execute(conn)?;
    for (slice, min_qualification) in slices {
        diesel::insert_into(project_slices::table)
            .values((
                project_slices::id.eq(ProjectSliceId::new(now).into_string()),
                project_slices::project_id.eq(project),
                project_slices::org_id.eq(org),
                project_slices::slice_id.eq(slice),
                project_slices::min_qualification.eq(min_qualification),
                project_slices::created_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

// ---- constitutions ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = constitutions)]
pub struct ConstitutionRow {
    pub id: String,
    pub project_id: String,
    pub org_id: String,
    pub version: i32,
    pub title: String,
    pub status: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    pub published_by: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = constitution_clauses)]
pub struct ClauseRow {
    pub id: String,
    pub constitution_id: String,
    pub org_id: String,
    pub clause_id: String,
    pub position: i32,
    pub text: String,
    pub examples: String,
    pub counter_examples: String,
}

pub fn max_version(conn: &mut DbConn, org: &str, project: &str) -> QueryResult<Option<i32>> {
    constitutions::table
        .filter(constitutions::org_id.eq(org))
        .filter(constitutions::project_id.eq(project))
        .select(diesel::dsl::max(constitutions::version))
        .first(conn)
}

pub fn insert_constitution(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    org: &str,
    project: &str,
    version: i32,
    title: &str,
    created_by: &str,
) -> QueryResult<ConstitutionId> {
    let id = ConstitutionId::new(now);
    diesel::insert_into(constitutions::table)
        .values((
            constitutions::id.eq(id.as_str()),
            constitutions::project_id.eq(project),
            constitutions::org_id.eq(org),
            constitutions::version.eq(version),
            constitutions::title.eq(title.trim()),
            constitutions::status.eq("draft"),
            constitutions::created_by.eq(created_by),
            constitutions::created_at.eq(now.naive_utc()),
            constitutions::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_constitution(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    version: i32,
) -> QueryResult<Option<ConstitutionRow>> {
    constitutions::table
        .filter(constitutions::org_id.eq(org))
        .filter(constitutions::project_id.eq(project))
        .filter(constitutions::version.eq(version))
        .select(ConstitutionRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_constitutions(
    conn: &mut DbConn,
    org: &str,
    project: &str,
) -> QueryResult<Vec<ConstitutionRow>> {
    constitutions::table
        .filter(constitutions::org_id.eq(org))
        .filter(constitutions::project_id.eq(project))
        .order_by(constitutions::version.asc())
        .select(ConstitutionRow::as_select())
        .load(conn)
}

pub fn clauses_of(conn: &mut DbConn, org: &str, constitution: &str) -> QueryResult<Vec<ClauseRow>> {
    constitution_clauses::table
        .filter(constitution_clauses::org_id.eq(org))
        .filter(constitution_clauses::constitution_id.eq(constitution))
        .order_by(constitution_clauses::position.asc())
        .select(ClauseRow::as_select())
        .load(conn)
}

pub struct NewClause<'a> {
    pub clause_id: &'a str,
    pub text: &'a str,
    pub examples: String,
    pub counter_examples: String,
}

pub fn replace_clauses(
    conn: &mut DbConn,
    org: &str,
    constitution: &str,
    clauses: &[NewClause<'_>],
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::delete(
        constitution_clauses::table
            .filter(constitution_clauses::org_id.eq(org))
            .filter(constitution_clauses::constitution_id.eq(constitution)),
    )
    .execute(conn)?;
    for (i, c) in clauses.iter().enumerate() {
        diesel::insert_into(constitution_clauses::table)
            .values((
                constitution_clauses::id.eq(ClauseRowId::new(now).into_string()),
                constitution_clauses::constitution_id.eq(constitution),
                constitution_clauses::org_id.eq(org),
                constitution_clauses::clause_id.eq(c.clause_id),
                constitution_clauses::position.eq(i as i32),
                constitution_clauses::text.eq(c.text),
                constitution_clauses::examples.eq(&c.examples),
                constitution_clauses::counter_examples.eq(&c.counter_examples),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Updates a draft's title; false if it is no longer a draft.
pub fn touch_draft(
    conn: &mut DbConn,
    id: &str,
    title: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        constitutions::table
            .find(id)
            .filter(constitutions::status.eq("draft")),
    )
    .set((
        constitutions::title.eq(title.trim()),
        constitutions::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Publishes a draft exactly once; false if it was already published.
pub fn publish(conn: &mut DbConn, id: &str, by: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        constitutions::table
            .find(id)
            .filter(constitutions::status.eq("draft")),
    )
    .set((
        constitutions::status.eq("published"),
        constitutions::published_at.eq(Some(t)),
        constitutions::published_by.eq(Some(by)),
        constitutions::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

// ---- budget ----

/// Sets the project's budget state; false when it already was `state` (no write, so a
/// routing transaction that changes nothing takes no lock on the project).
pub fn set_budget_state(conn: &mut DbConn, id: &str, state: &str) -> QueryResult<bool> {
    let n = diesel::update(
        projects::table
            .find(id)
            .filter(projects::budget_state.ne(state)),
    )
    .set(projects::budget_state.eq(state))
    .execute(conn)?;
    Ok(n == 1)
}

/// Disarms the `project.budget_warning` event; true exactly once per arming (the caller
/// then sends it).
pub fn disarm_budget_warning(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    let n = diesel::update(
        projects::table
            .find(id)
            .filter(projects::budget_warning_armed.eq(true)),
    )
    .set(projects::budget_warning_armed.eq(false))
    .execute(conn)?;
    Ok(n == 1)
}

/// Disarms the `project.budget_reached` event; true exactly once per arming.
pub fn disarm_budget_reached(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    let n = diesel::update(
        projects::table
            .find(id)
            .filter(projects::budget_reached_armed.eq(true)),
    )
    .set(projects::budget_reached_armed.eq(false))
    .execute(conn)?;
    Ok(n == 1)
}

/// Re-arms the budget events whose threshold the projected spend is below again.
pub fn rearm_budget(conn: &mut DbConn, id: &str, warning: bool, reached: bool) -> QueryResult<()> {
    if warning {
        diesel::update(projects::table.find(id))
            .set(projects::budget_warning_armed.eq(true))
            .execute(conn)?;
    }
    if reached {
        diesel::update(projects::table.find(id))
            .set(projects::budget_reached_armed.eq(true))
            .execute(conn)?;
    }
    Ok(())
}

/// Capped projects whose budget is not `ok` (the routing sweep re-measures them: a
/// resolved dispute or an expired offer may have lowered their spend).
pub fn capped_not_ok(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<String>> {
    projects::table
        .filter(projects::budget_cap_minor.is_not_null())
        .filter(projects::budget_state.ne("ok"))
        .filter(projects::status.eq("active"))
        .order_by(projects::id.asc())
        .limit(limit)
        .select(projects::id)
        .load(conn)
}

/// Sets the project's budget cap alone (the demo seed; labs go through the project's
/// update).
pub fn set_budget_cap(conn: &mut DbConn, id: &str, cap: Option<i64>) -> QueryResult<()> {
    diesel::update(projects::table.find(id))
        .set(projects::budget_cap_minor.eq(cap))
        .execute(conn)?;
    Ok(())
}
