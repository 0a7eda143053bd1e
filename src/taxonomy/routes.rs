//! `/v1/domains` and `/v1/slices`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::label_schema::{LabelSchema, MeasurementLevel};
use super::service::{self, DomainPatch, NewSlice};
use super::views;
use super::{CredentialKind, names, store};
use crate::audit::Actor;
use crate::auth::Principal;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{DomainId, OrgId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_domains)
        .service(create_domain)
        .service(get_domain)
        .service(update_domain)
        .service(delete_domain)
        .service(list_slices)
        .service(create_slice)
        .service(get_slice)
        .service(update_slice)
        .service(validate_label);
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementInput {
    pub kind: CredentialKind,
    /// Field of the credential, a slug like `medicine` or `law`.
    #[schema(example = "medicine")]
    pub field: String,
}

fn check_requirements(c: &mut Checks, reqs: &[RequirementInput]) {
    if reqs.len() > 20 {
        c.push("requirements", "may list at most 20 requirements");
    }
    for (i, r) in reqs.iter().enumerate() {
        if !names::is_domain_slug(&r.field) || r.field.contains('/') {
            c.push(
                format!("requirements[{i}].field"),
                "must be a lowercase field name like `medicine`",
            );
        }
    }
}

fn requirement_pairs(reqs: &[RequirementInput]) -> Vec<(CredentialKind, String)> {
    reqs.iter().map(|r| (r.kind, r.field.clone())).collect()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDomainRequest {
    /// Lowercase path; its parent (`medicine` for `medicine/radiology`) must exist.
    #[schema(
        example = "medicine/radiology",
        pattern = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*){0,5}$",
        max_length = 200
    )]
    pub slug: String,
    #[schema(
        example = "Radiology",
        min_length = 1,
        max_length = 120,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub description: String,
    /// Credentials an expert needs here (in addition to those inherited from ancestors).
    #[serde(default)]
    pub requirements: Vec<RequirementInput>,
}

impl Validate for CreateDomainRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            names::is_domain_slug(&self.slug),
            "slug",
            "must be lowercase segments joined by `/`, like `medicine/radiology`",
        );
        c.text(&self.name, "name", 1, 120);
        if !self.description.is_empty() {
            c.text(&self.description, "description", 0, 4000);
        }
        check_requirements(&mut c, &self.requirements);
        c.finish()
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DomainFilter {
    /// Only the children of this domain id; `root` for top-level domains.
    pub parent: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List rubric domains
///
/// Readable by every authenticated caller.
#[utoipa::path(
    tag = "taxonomy",
    params(DomainFilter),
    responses(
        (status = 200, description = "One page of domains", body = Page<views::DomainView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
    ),
    security(("bearer" = []))
)]
#[get("/domains")]
async fn list_domains(
    state: web::Data<AppState>,
    _principal: Principal,
    q: Query<DomainFilter>,
) -> ApiResult<HttpResponse> {
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(DomainId::PREFIX)?;
    let parent: Option<Option<String>> = match f.parent.as_deref() {
        None => None,
        Some("root") => Some(None),
        Some(p) => Some(Some(
            DomainId::parse(p)
                .map_err(|e| ApiError::bad_parameter("parent", e.to_string()))?
                .into_string(),
        )),
    };
    let p = page.clone();
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let rows = store::list_domains(conn, parent.as_ref().map(|p| p.as_deref()), &p)?;
            Ok(Page::try_from_rows(
                rows,
                &p,
                |r| r.id.clone(),
                |row| views::domain_view(conn, row),
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Create a rubric domain
///
/// Platform administrators only.
#[utoipa::path(
    tag = "taxonomy",
    request_body = CreateDomainRequest,
    responses(
        (status = 201, description = "Created", body = views::DomainView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/domains")]
async fn create_domain(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateDomainRequest>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let row = service::create_domain(
                conn,
                now,
                &actor,
                &b.slug,
                &b.name,
                &b.description,
                &requirement_pairs(&b.requirements),
            )?;
            views::domain_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Get a rubric domain
///
/// With its own and its inherited (effective) credential requirements.
#[utoipa::path(
    tag = "taxonomy",
    params(("domain" = DomainId, Path, description = "Domain id")),
    responses(
        (status = 200, description = "The domain", body = views::DomainView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/domains/{domain}")]
async fn get_domain(
    state: web::Data<AppState>,
    _principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: DomainId = path_id("domain", &path)?;
    let view = state
        .db
        .read(move |conn| {
            let row = service::load_domain(conn, &id)?;
            views::domain_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateDomainRequest {
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    #[schema(max_length = 4000)]
    pub description: Option<String>,
    /// Replaces the domain's own requirements.
    pub requirements: Option<Vec<RequirementInput>>,
    /// Move under this parent slug (`""` for the root). Refused (409) while the domain is in use.
    pub parent_slug: Option<String>,
}

impl Validate for UpdateDomainRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(n) = &self.name {
            c.text(n, "name", 1, 120);
        }
        if let Some(d) = &self.description {
            c.text(d, "description", 0, 4000);
        }
        if let Some(r) = &self.requirements {
            check_requirements(&mut c, r);
        }
        if let Some(p) = &self.parent_slug
            && !p.is_empty()
        {
            c.check(
                names::is_domain_slug(p),
                "parent_slug",
                "must be an existing domain slug, or \"\" for the root",
            );
        }
        c.finish()
    }
}

/// Update or move a rubric domain
///
/// Platform administrators only. Moving changes the slug and is refused while the
/// domain has sub-domains or slices.
#[utoipa::path(
    tag = "taxonomy",
    params(("domain" = DomainId, Path, description = "Domain id")),
    request_body = UpdateDomainRequest,
    responses(
        (status = 200, description = "Updated", body = views::DomainView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[patch("/domains/{domain}")]
async fn update_domain(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<UpdateDomainRequest>,
) -> ApiResult<HttpResponse> {
    let id: DomainId = path_id("domain", &path)?;
    principal.platform_admin()?;
    let b = body.into_inner();
    let patch = DomainPatch {
        name: b.name,
        description: b.description,
        requirements: b.requirements.as_deref().map(requirement_pairs),
        parent_slug: b.parent_slug.map(|p| (!p.is_empty()).then_some(p)),
    };
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write_once(move |conn| {
            let row = service::update_domain(conn, now, &actor, &id, patch)?;
            views::domain_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Delete a rubric domain
///
/// Platform administrators only; refused (409) while it has sub-domains or slices.
#[utoipa::path(
    tag = "taxonomy",
    params(("domain" = DomainId, Path, description = "Domain id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[delete("/domains/{domain}")]
async fn delete_domain(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: DomainId = path_id("domain", &path)?;
    principal.platform_admin()?;
    let actor = Actor::of(&principal);
    let now = state.now();
    state
        .db
        .write(move |conn| service::delete_domain(conn, now, &actor, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSliceRequest {
    /// A slug, optionally with `:` and a language tag.
    #[schema(example = "medicine/radiology:de")]
    pub key: String,
    pub domain_id: DomainId,
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub description: String,
    pub label_schema: LabelSchema,
    pub measurement_level: MeasurementLevel,
    /// BCP 47 tag; taken from the key's `:xx` suffix when omitted.
    pub language: Option<String>,
    /// Set to your lab's id to create a private slice; omit for a shared slice (platform admins).
    pub org_id: Option<OrgId>,
}

impl Validate for CreateSliceRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            names::is_slice_key(&self.key),
            "key",
            "must look like `code/rust-review` or `medicine/radiology:de`",
        );
        c.text(&self.name, "name", 1, 120);
        if !self.description.is_empty() {
            c.text(&self.description, "description", 0, 4000);
        }
        if let Some(l) = &self.language {
            c.check(
                names::is_language_tag(l),
                "language",
                "must be a BCP 47 language tag like `de` or `en-GB`",
            );
        }
        if let (Some(l), Some((_, suffix))) = (&self.language, self.key.split_once(':'))
            && !l.eq_ignore_ascii_case(suffix)
        {
            c.push("language", "must match the key's language suffix");
        }
        for e in self
            .label_schema
            .check("label_schema", self.measurement_level)
        {
            c.push(e.field, e.message);
        }
        c.finish()
    }
}

/// Create a capability slice
///
/// Shared slices (no `org_id`): platform administrators. Private slices: the lab's admins.
/// The label schema is fixed once created (judgments and gold answers depend on it).
#[utoipa::path(
    tag = "taxonomy",
    request_body = CreateSliceRequest,
    responses(
        (status = 201, description = "Created", body = views::SliceView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/slices")]
async fn create_slice(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateSliceRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    service::authorize_slice_write(&principal, b.org_id.as_ref())?;
    let created_by = principal.user()?.user_id.to_string();
    let language = b
        .language
        .or_else(|| b.key.split_once(':').map(|(_, l)| l.to_owned()));
    let new = NewSlice {
        key: b.key,
        org: b.org_id,
        domain: b.domain_id,
        name: b.name,
        description: b.description,
        schema: b.label_schema,
        level: b.measurement_level,
        language,
    };
    let actor = Actor::of(&principal);
    let now = state.now();
    let view = state
        .db
        .write_once(move |conn| {
            views::slice_view(service::create_slice(conn, now, &actor, &created_by, new)?)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SliceFilter {
    /// Only slices of this domain id.
    #[param(value_type = Option<crate::ids::DomainId>)]
    pub domain: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List capability slices
///
/// Shared slices and the private slices of your labs.
#[utoipa::path(
    tag = "taxonomy",
    params(SliceFilter),
    responses(
        (status = 200, description = "One page of slices", body = Page<views::SliceView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
    ),
    security(("bearer" = []))
)]
#[get("/slices")]
async fn list_slices(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<SliceFilter>,
) -> ApiResult<HttpResponse> {
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(SliceId::PREFIX)?;
    let domain = match f.domain {
        Some(d) => Some(
            DomainId::parse(&d)
                .map_err(|e| ApiError::bad_parameter("domain", e.to_string()))?
                .into_string(),
        ),
        None => None,
    };
    let orgs = principal.visible_orgs(None)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            store::list_slices(conn, orgs.as_deref(), domain.as_deref(), &p).map_err(ApiError::from)
        })
        .await?;
    let page = Page::try_from_rows(rows, &page, |r| r.id.clone(), views::slice_view)?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a capability slice
#[utoipa::path(
    tag = "taxonomy",
    params(("slice" = SliceId, Path, description = "Slice id")),
    responses(
        (status = 200, description = "The slice", body = views::SliceView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/slices/{slice}")]
async fn get_slice(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let row = state
        .db
        .read(move |conn| service::visible_slice(conn, &principal, &id))
        .await?;
    Ok(HttpResponse::Ok().json(views::slice_view(row)?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSliceRequest {
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    #[schema(max_length = 4000)]
    pub description: Option<String>,
}

impl Validate for UpdateSliceRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(n) = &self.name {
            c.text(n, "name", 1, 120);
        }
        if let Some(d) = &self.description {
            c.text(d, "description", 0, 4000);
        }
        c.finish()
    }
}

/// Rename or re-describe a slice
///
/// Its key, domain and label schema are fixed.
#[utoipa::path(
    tag = "taxonomy",
    params(("slice" = SliceId, Path, description = "Slice id")),
    request_body = UpdateSliceRequest,
    responses(
        (status = 200, description = "Updated", body = views::SliceView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[patch("/slices/{slice}")]
async fn update_slice(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<UpdateSliceRequest>,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let row = state
        .db
        .write_once(move |conn| {
            let row = service::visible_slice(conn, &principal, &id)?;
            service::authorize_slice_write(
                &principal,
                row.org_id.clone().map(OrgId::from_db).as_ref(),
            )?;
            let name = b.name.unwrap_or(row.name.clone());
            let description = b.description.unwrap_or(row.description.clone());
            store::update_slice(conn, &row.id, &name, &description, now)?;
            crate::audit::record(
                conn,
                now,
                &actor,
                crate::audit::Entry {
                    action: "taxonomy.slice_updated",
                    org_id: row.org_id.as_deref(),
                    subject_type: "slice",
                    subject_id: Some(&row.id),
                    details: serde_json::json!({ "name": name }),
                },
            )?;
            store::find_slice(conn, &row.id)?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("slice vanished")))
        })
        .await?;
    Ok(HttpResponse::Ok().json(views::slice_view(row)?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateLabelRequest {
    /// A label as an expert would submit it, e.g. `{"preference": "a", "strength": 2, "rationale": "…"}`.
    #[schema(value_type = Object)]
    pub label: serde_json::Value,
}

impl Validate for ValidateLabelRequest {}

/// The typed form of a valid label.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidLabel {
    /// `a`, `b` or `tie` (pairwise) or the chosen label (categorical).
    pub choice: Option<String>,
    pub strength: Option<i64>,
    pub score: Option<i64>,
    pub both_bad: bool,
    pub cited_clauses: Vec<String>,
}

/// Check a label against the slice's schema
///
/// 200 with the label's typed form, or 422 naming each invalid field (`label.strength`, …).
#[utoipa::path(
    tag = "taxonomy",
    params(("slice" = SliceId, Path, description = "Slice id")),
    request_body = ValidateLabelRequest,
    responses(
        (status = 200, description = "The label is valid", body = ValidLabel),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[post("/slices/{slice}/validate-label")]
async fn validate_label(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ValidateLabelRequest>,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let row = state
        .db
        .read(move |conn| service::visible_slice(conn, &principal, &id))
        .await?;
    let schema = service::slice_schema(&row)?;
    let typed = schema
        .validate(&body.into_inner().label, "label")
        .map_err(ApiError::validation)?;
    Ok(HttpResponse::Ok().json(ValidLabel {
        choice: typed.choice,
        strength: typed.strength,
        score: typed.score,
        both_bad: typed.both_bad,
        cited_clauses: typed.cited_clauses,
    }))
}
