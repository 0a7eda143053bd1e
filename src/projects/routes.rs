//! `/v1/projects` and `/v1/projects/{project}/constitutions`.

use actix_web::{HttpResponse, get, patch, post, put, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::constitution::{Clause, ConstitutionDiff, diff};
use super::service::{self, Exclusions, ProjectInput, ProjectSlice, ProjectStatus};
use super::store::{self, ProjectFields};
use super::views;
use crate::audit::Actor;
use crate::auth::Principal;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{DomainId, OrgId, ProjectId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_project)
        .service(list_projects)
        .service(get_project)
        .service(update_project)
        .service(change_status)
        .service(create_constitution)
        .service(list_constitutions)
        .service(get_constitution)
        .service(update_constitution)
        .service(publish_constitution)
        .service(diff_constitutions);
}

const DEFAULT_DEADLINE_SECS: i64 = 72 * 3600;

/// The longest `expire_overdue_after_hours`: one year.
const MAX_EXPIRY_HOURS: i32 = 8760;

/// A field that may be sent as `null` to clear it: absent is `None`, `null` is
/// `Some(None)`.
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

fn check_fields(c: &mut Checks, f: &ProjectFields, slices: &[ProjectSlice], ex: &Exclusions) {
    c.text(&f.name, "name", 1, 120);
    if !f.description.is_empty() {
        c.text(&f.description, "description", 0, 4000);
    }
    c.check(
        (1..=10).contains(&f.overlap),
        "overlap",
        "must be between 1 and 10",
    );
    c.check(
        f.gold_rate.is_finite() && (0.0..=0.5).contains(&f.gold_rate),
        "gold_rate",
        "must be between 0 and 0.5",
    );
    c.check(
        (300..=90 * 86_400).contains(&f.default_deadline_secs),
        "default_deadline_secs",
        "must be between 300 seconds and 90 days",
    );
    c.check(
        (1..=1_000_000_000).contains(&f.bill_rate_minor),
        "bill_rate_minor",
        "must be a positive amount in minor units",
    );
    c.check(
        crate::money::is_currency_code(&f.currency),
        "currency",
        "must be an ISO 4217 code like USD",
    );
    if let Some(b) = f.budget_cap_minor {
        c.check(b > 0, "budget_cap_minor", "must be positive");
    }
    if let Some(h) = f.expire_overdue_after_hours {
        c.check(
            (1..=MAX_EXPIRY_HOURS).contains(&h),
            "expire_overdue_after_hours",
            "must be between 1 and 8760 hours (one year), or null for never",
        );
    }
    c.check(slices.len() <= 50, "slices", "may list at most 50 slices");
    c.check(
        ex.vendor_ids.len() <= 200,
        "exclusions.vendor_ids",
        "may list at most 200 vendors",
    );
    c.check(
        ex.expert_ids.len() <= 1000,
        "exclusions.expert_ids",
        "may list at most 1000 experts",
    );
    c.check(
        ex.affiliation_keywords.len() <= 200,
        "exclusions.affiliation_keywords",
        "may list at most 200 keywords",
    );
    for (i, k) in ex.affiliation_keywords.iter().enumerate() {
        c.text(k, &format!("exclusions.affiliation_keywords[{i}]"), 2, 100);
    }
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProjectRequest {
    /// The lab that owns the project (you must be its admin).
    pub org_id: OrgId,
    #[schema(
        min_length = 1,
        max_length = 120,
        example = "Radiology report preferences"
    )]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub description: String,
    pub domain_id: DomainId,
    /// Slices used, each shared or private to this lab and inside the project's domain.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub slices: Vec<ProjectSlice>,
    /// Independent experts per item (default 2).
    #[schema(minimum = 1, maximum = 10)]
    pub overlap: Option<i32>,
    /// Share of routed work that is hidden gold (default 0.07).
    #[schema(minimum = 0, maximum = 0.5)]
    pub gold_rate: Option<f64>,
    /// Send disagreements to an adjudicator (default true).
    pub adjudication: Option<bool>,
    /// Show experts the AI judge's confidence (default false).
    pub show_judge_confidence: Option<bool>,
    /// Default item deadline in seconds (default 72 hours).
    #[schema(minimum = 300, maximum = 7776000)]
    pub default_deadline_secs: Option<i64>,
    /// What the lab pays per expert-hour, in minor units.
    #[schema(example = 12000, minimum = 1, maximum = 1000000000)]
    pub bill_rate_minor: i64,
    #[schema(example = "USD", pattern = "^[A-Z]{3}$")]
    pub currency: String,
    #[schema(minimum = 1)]
    pub budget_cap_minor: Option<i64>,
    #[serde(default)]
    pub exclusions: Exclusions,
    /// Hours after its deadline an overdue item still unresolved expires (its open
    /// assignments end, `item.expired` is sent); null or absent: never (README "Deadlines").
    #[schema(minimum = 1, maximum = 8760)]
    pub expire_overdue_after_hours: Option<i32>,
}

impl CreateProjectRequest {
    fn input(&self) -> ProjectInput {
        ProjectInput {
            fields: ProjectFields {
                name: self.name.clone(),
                description: self.description.clone(),
                domain_id: self.domain_id.to_string(),
                constitution_version: None,
                overlap: self.overlap.unwrap_or(2),
                gold_rate: self.gold_rate.unwrap_or(0.07),
                adjudication: self.adjudication.unwrap_or(true),
                default_deadline_secs: self.default_deadline_secs.unwrap_or(DEFAULT_DEADLINE_SECS),
                bill_rate_minor: self.bill_rate_minor,
                currency: self.currency.clone(),
                budget_cap_minor: self.budget_cap_minor,
                excluded_vendor_ids: to_json(&self.exclusions.vendor_ids),
                excluded_expert_ids: to_json(&self.exclusions.expert_ids),
                affiliation_keywords: to_json(&self.exclusions.affiliation_keywords),
                show_judge_confidence: self.show_judge_confidence.unwrap_or(false),
                expire_overdue_after_hours: self.expire_overdue_after_hours,
            },
            slices: self.slices.clone(),
            exclusions: self.exclusions.clone(),
        }
    }
}

impl Validate for CreateProjectRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let input = self.input();
        let mut c = Checks::new();
        check_fields(&mut c, &input.fields, &input.slices, &input.exclusions);
        c.finish()
    }
}

/// Create a project
///
/// Lab admins. The project starts as a `draft`.
#[utoipa::path(
    tag = "projects",
    request_body = CreateProjectRequest,
    responses(
        (status = 201, description = "Created", body = views::ProjectView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[post("/projects")]
async fn create_project(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateProjectRequest>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let b = body.into_inner();
    let creator = principal.org_admin(&b.org_id)?.user_id.to_string();
    let input = b.input();
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write_once(move |conn| {
            let row = service::create_project(conn, now, &actor, &creator, &b.org_id, input)?;
            views::project_view(conn, &settings, row)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProjectFilter {
    pub status: Option<ProjectStatus>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List projects
///
/// The projects of your labs (platform admins: all; API keys: their lab's, with `projects:read`).
#[utoipa::path(
    tag = "projects",
    params(ProjectFilter),
    responses(
        (status = 200, description = "One page of projects", body = Page<views::ProjectView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/projects")]
async fn list_projects(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<ProjectFilter>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(ProjectId::PREFIX)?;
    let orgs = principal.visible_orgs(Some(crate::auth::Scope::ProjectsRead))?;
    let status = f.status.map(|s| s.as_str());
    let p = page.clone();
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let rows = store::list_projects(conn, orgs.as_deref(), status, &p)?;
            Ok(Page::try_from_rows(
                rows,
                &p,
                |r| r.id.clone(),
                |row| views::project_view(conn, &settings, row),
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a project
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id")),
    responses(
        (status = 200, description = "The project", body = views::ProjectView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}")]
async fn get_project(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let id: ProjectId = path_id("project", &path)?;
    let view = state
        .db
        .read(move |conn| {
            let p = service::readable_project(conn, &principal, &id)?;
            views::project_view(conn, &settings, p)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProjectRequest {
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    #[schema(max_length = 4000)]
    pub description: Option<String>,
    pub domain_id: Option<DomainId>,
    /// Replaces the project's slices.
    #[schema(max_items = 50)]
    pub slices: Option<Vec<ProjectSlice>>,
    /// Pin a published constitution version of this project.
    pub constitution_version: Option<i32>,
    #[schema(minimum = 1, maximum = 10)]
    pub overlap: Option<i32>,
    #[schema(minimum = 0, maximum = 0.5)]
    pub gold_rate: Option<f64>,
    pub adjudication: Option<bool>,
    pub show_judge_confidence: Option<bool>,
    #[schema(minimum = 300, maximum = 7776000)]
    pub default_deadline_secs: Option<i64>,
    #[schema(minimum = 1, maximum = 1000000000)]
    pub bill_rate_minor: Option<i64>,
    /// Fixed once the project has been activated.
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: Option<String>,
    /// The budget cap in minor units of the project's currency; `null` removes it (no
    /// limit). Raising it above the projected spend resumes routing at once.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>, minimum = 1, nullable)]
    pub budget_cap_minor: Option<Option<i64>>,
    /// Replaces the exclusions.
    pub exclusions: Option<Exclusions>,
    /// Hours after its deadline an overdue item still unresolved expires; `null` clears it
    /// (never expire).
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 8760)]
    pub expire_overdue_after_hours: Option<Option<i32>>,
}

impl Validate for UpdateProjectRequest {}

/// A field that may be sent as `null` (to clear it): absent is `None`, `null` is
/// `Some(None)`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Change a project's settings
///
/// Lab admins. Fields you send replace the current ones; the result is checked as a whole.
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body = UpdateProjectRequest,
    responses(
        (status = 200, description = "Updated", body = views::ProjectView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[patch("/projects/{project}")]
async fn update_project(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<UpdateProjectRequest>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let id: ProjectId = path_id("project", &path)?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write_once(move |conn| -> ApiResult<_> {
            let (current, _) = service::writable_project(conn, &principal, &id)?;
            // Merge the patch into the settings as they are under the lock.
            let current = service::lock_fresh(conn, &current, now)?;
            let existing = views::project_view(conn, &settings, current.clone())?;
            let mut f = current.fields();
            if let Some(v) = b.name {
                f.name = v;
            }
            if let Some(v) = b.description {
                f.description = v;
            }
            if let Some(v) = b.domain_id {
                f.domain_id = v.to_string();
            }
            if let Some(v) = b.constitution_version {
                f.constitution_version = Some(v);
            }
            if let Some(v) = b.overlap {
                f.overlap = v;
            }
            if let Some(v) = b.gold_rate {
                f.gold_rate = v;
            }
            if let Some(v) = b.adjudication {
                f.adjudication = v;
            }
            if let Some(v) = b.show_judge_confidence {
                f.show_judge_confidence = v;
            }
            if let Some(v) = b.default_deadline_secs {
                f.default_deadline_secs = v;
            }
            if let Some(v) = b.bill_rate_minor {
                f.bill_rate_minor = v;
            }
            if let Some(v) = b.currency {
                f.currency = v;
            }
            if let Some(v) = b.budget_cap_minor {
                f.budget_cap_minor = v;
            }
            if let Some(v) = b.expire_overdue_after_hours {
                f.expire_overdue_after_hours = v;
            }
            let slices = b.slices.unwrap_or(existing.slices);
            let exclusions = b.exclusions.unwrap_or(existing.exclusions);
            f.excluded_vendor_ids = to_json(&exclusions.vendor_ids);
            f.excluded_expert_ids = to_json(&exclusions.expert_ids);
            f.affiliation_keywords = to_json(&exclusions.affiliation_keywords);
            let mut c = Checks::new();
            check_fields(&mut c, &f, &slices, &exclusions);
            c.finish().map_err(ApiError::validation)?;
            let row = service::update_project(
                conn,
                now,
                &actor,
                &current,
                ProjectInput {
                    fields: f,
                    slices,
                    exclusions,
                },
            )?;
            // A new cap or bill rate moves the budget: re-arm its events, store its state
            // and, if routing had stopped for it, resume routing (an outbox job).
            let cap_changed = row.budget_cap_minor != current.budget_cap_minor;
            super::budget::after_change(conn, now, &settings, &row.id, cap_changed)?;
            let row = store::find_project(conn, &row.id)?.unwrap_or(row);
            Ok(views::project_view(conn, &settings, row)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeStatusRequest {
    /// `active` (needs a pinned published constitution and a slice), `paused` or `archived` (final).
    pub status: ProjectStatus,
}

impl Validate for ChangeStatusRequest {}

/// Activate, pause or archive a project
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body = ChangeStatusRequest,
    responses(
        (status = 200, description = "The project in its new status", body = views::ProjectView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/status")]
async fn change_status(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ChangeStatusRequest>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let id: ProjectId = path_id("project", &path)?;
    let to = body.into_inner().status;
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let (current, _) = service::writable_project(conn, &principal, &id)?;
            let row = service::change_status(conn, now, &actor, &current, to)?;
            views::project_view(conn, &settings, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConstitutionRequest {
    #[schema(min_length = 1, max_length = 200, example = "Radiology report policy")]
    pub title: String,
    #[schema(min_items = 1, max_items = 500)]
    pub clauses: Vec<Clause>,
}

impl Validate for ConstitutionRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.title, "title", 1, 200);
        for e in super::constitution::check_clauses(&self.clauses, "clauses") {
            c.push(e.field, e.message);
        }
        c.finish()
    }
}

fn version_param(raw: &str) -> ApiResult<i32> {
    raw.parse::<i32>()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| ApiError::bad_parameter("version", "must be a version number (1, 2, …)"))
}

/// Draft a new constitution version
///
/// Lab admins. Versions are numbered 1, 2, …; a draft can be edited until it is published.
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body = ConstitutionRequest,
    responses(
        (status = 201, description = "The new draft version", body = views::ConstitutionView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/constitutions")]
async fn create_constitution(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ConstitutionRequest>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let (p, user) = service::writable_project(conn, &principal, &id)?;
            let by = user.user_id.to_string();
            let row =
                service::create_constitution(conn, now, &actor, &by, &p, &b.title, &b.clauses)?;
            views::constitution_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConstitutionSummary {
    pub version: i32,
    pub title: String,
    pub status: views::ConstitutionStatus,
    pub clause_count: usize,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConstitutionList {
    pub data: Vec<ConstitutionSummary>,
}

/// List a project's constitution versions
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id")),
    responses(
        (status = 200, description = "All versions, oldest first", body = ConstitutionList),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/constitutions")]
async fn list_constitutions(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let p = service::readable_project(conn, &principal, &id)?;
            let mut out = Vec::new();
            for c in store::list_constitutions(conn, &p.org_id, &p.id)? {
                let view = views::constitution_view(conn, c)?;
                out.push(ConstitutionSummary {
                    version: view.version,
                    title: view.title,
                    status: view.status,
                    clause_count: view.clauses.len(),
                    published_at: view.published_at,
                });
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ConstitutionList { data }))
}

/// Get a constitution version with its clauses
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id"), ("version" = i32, Path, minimum = 1, description = "Version number")),
    responses(
        (status = 200, description = "The version", body = views::ConstitutionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/constitutions/{version}")]
async fn get_constitution(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path.0)?;
    let version = version_param(&path.1)?;
    let view = state
        .db
        .read(move |conn| {
            let p = service::readable_project(conn, &principal, &id)?;
            let c = service::load_constitution(conn, &p, version)?;
            views::constitution_view(conn, c)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Edit a draft constitution version
///
/// Lab admins. Replaces the title and clauses; a published version answers 409.
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id"), ("version" = i32, Path, minimum = 1, description = "Version number")),
    request_body = ConstitutionRequest,
    responses(
        (status = 200, description = "The updated draft", body = views::ConstitutionView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[put("/projects/{project}/constitutions/{version}")]
async fn update_constitution(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<ConstitutionRequest>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path.0)?;
    let version = version_param(&path.1)?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let (p, _) = service::writable_project(conn, &principal, &id)?;
            let row = service::update_draft(conn, now, &actor, &p, version, &b.title, &b.clauses)?;
            views::constitution_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Publish a constitution version
///
/// Lab admins. A published version never changes again.
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id"), ("version" = i32, Path, minimum = 1, description = "Version number")),
    responses(
        (status = 200, description = "Published", body = views::ConstitutionView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/constitutions/{version}/publish")]
async fn publish_constitution(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path.0)?;
    let version = version_param(&path.1)?;
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let (p, user) = service::writable_project(conn, &principal, &id)?;
            let by = user.user_id.to_string();
            let row = service::publish(conn, now, &actor, &by, &p, version)?;
            views::constitution_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DiffParams {
    /// The version to compare against (the older one, usually).
    #[param(minimum = 1)]
    pub from: i32,
}

/// Diff two constitution versions
///
/// Clauses added, removed and changed (by clause id) from `from` to `version`.
#[utoipa::path(
    tag = "projects",
    params(("project" = ProjectId, Path, description = "Project id"), ("version" = i32, Path, minimum = 1, description = "Version number"), DiffParams),
    responses(
        (status = 200, description = "The differences", body = ConstitutionDiff),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/constitutions/{version}/diff")]
async fn diff_constitutions(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    q: Query<DiffParams>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path.0)?;
    let version = version_param(&path.1)?;
    let from = q.0.from;
    let d = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let p = service::readable_project(conn, &principal, &id)?;
            let to_row = service::load_constitution(conn, &p, version)?;
            let from_row = service::load_constitution(conn, &p, from)?;
            let to_clauses = service::load_clauses(conn, &to_row)?;
            let from_clauses = service::load_clauses(conn, &from_row)?;
            Ok(diff(from, &from_clauses, version, &to_clauses))
        })
        .await?;
    Ok(HttpResponse::Ok().json(d))
}
