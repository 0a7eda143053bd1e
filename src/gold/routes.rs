//! `/v1/projects/{project}/gold-items` (a lab's gold) and `/v1/slices/{slice}/gold-items`
//! (vendor calibration material and the platform's assessment pool).

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::service::{self, GoldItemInput, GoldOwner, UploadContext};
use crate::bulk::BulkResult;

/// A bulk upload: 1 to 1000 gold items (a single object is accepted as one item).
#[derive(utoipa::ToSchema)]
#[schema(value_type = Vec<GoldItemInput>, min_items = 1, max_items = 1000)]
#[allow(dead_code)]
struct GoldUpload(Vec<GoldItemInput>);
use super::store;
use crate::audit::Actor;
use crate::auth::{OrgKind, Principal, Scope};
use crate::db::DbConn;
use crate::http::extract::BulkRows;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{GoldItemId, OrgId, ProjectId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(upload_project_gold)
        .service(list_project_gold)
        .service(upload_slice_gold)
        .service(list_slice_gold)
        .service(certify_gold);
}

/// A gold item as its owner reads it (with the answer). Never served to experts.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoldItemView {
    pub id: GoldItemId,
    /// `lab`, `vendor` or `platform`.
    pub owner_kind: String,
    pub org_id: Option<OrgId>,
    pub project_id: Option<ProjectId>,
    pub slice_id: SliceId,
    pub external_id: Option<String>,
    #[schema(value_type = Object)]
    pub payload: Value,
    #[schema(value_type = Object)]
    pub answer: Value,
    pub explanation: String,
    pub created_at: DateTime<Utc>,
    /// A lab's gold only: when a platform admin certified the item. Until then its answers
    /// count only in the expert's standing with the lab (its own projects), never in a
    /// shared slice's standing; in the lab's private slices they count as they are.
    pub certified_at: Option<DateTime<Utc>>,
}

impl TryFrom<store::GoldRow> for GoldItemView {
    type Error = crate::db::CorruptData;

    fn try_from(g: store::GoldRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: GoldItemId::from_db(g.id),
            owner_kind: g.owner_kind,
            org_id: g.org_id.map(OrgId::from_db),
            project_id: g.project_id.map(ProjectId::from_db),
            slice_id: SliceId::from_db(g.slice_id),
            external_id: g.external_id,
            payload: crate::db::stored_json("gold_items.payload", &g.payload)?,
            answer: crate::db::stored_json("gold_items.answer", &g.answer)?,
            explanation: g.explanation,
            created_at: crate::clock::utc(g.created_at),
            certified_at: g.certified_at.map(crate::clock::utc),
        })
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct GoldFilter {
    /// Only this slice's items.
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn page_of(
    rows: Vec<store::GoldRow>,
    page: &crate::http::pagination::PageRequest,
) -> Result<Page<GoldItemView>, crate::db::CorruptData> {
    Page::try_from_rows(rows, page, |g| g.id.clone(), GoldItemView::try_from)
}
/// Upload gold items for a project
///
/// Lab admins. A JSON array of items (or JSON lines with `Content-Type: application/x-ndjson`),
/// up to 1000 per request. Each row is validated on its own against its slice's label schema
/// and the pinned constitution's clauses: valid rows are stored, invalid rows are reported
/// with the fields at fault, and rows whose `external_id` exists are reported as `exists`.
#[utoipa::path(
    tag = "gold",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body(content(
        (GoldUpload = "application/json"),
        (String = "application/x-ndjson")
    ), description = "Gold items as a JSON array, or one JSON object per line"),
    responses(
        (status = 200, description = "Per-row results", body = BulkResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 413, response = crate::http::PayloadTooLarge),
        (status = 415, response = crate::http::UnsupportedMediaType),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/gold-items")]
async fn upload_project_gold(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    rows: BulkRows,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let actor = Actor::of(&principal);
    let now = state.now();
    let result = state
        .db
        .write_once(move |conn| {
            let (project, user) =
                crate::projects::service::writable_project(conn, &principal, &id)?;
            // The project lock serialises uploads, so concurrent rows with one external id
            // resolve to `created` + `exists`, never a conflict.
            let project = crate::projects::service::lock_fresh(conn, &project, now)?;
            if project.status == "archived" {
                return Err(ApiError::conflict("the project is archived"));
            }
            let mut slices = Vec::new();
            for ps in crate::projects::project_slices(conn, &project.org_id, &project.id)? {
                if let Some(row) = crate::taxonomy::find_slice(conn, &ps.slice_id)? {
                    let schema = crate::taxonomy::service::slice_schema(&row)?;
                    slices.push((row, schema));
                }
            }
            if slices.is_empty() {
                return Err(ApiError::conflict(
                    "the project has no slices yet; add one before uploading gold",
                ));
            }
            let clauses = match project.constitution_version {
                Some(v) => {
                    let c = crate::projects::service::load_constitution(conn, &project, v)?;
                    Some(
                        crate::projects::service::load_clauses(conn, &c)?
                            .into_iter()
                            .map(|c| c.id)
                            .collect(),
                    )
                }
                None => {
                    return Err(ApiError::conflict(
                        "pin a published constitution before uploading gold: gold explanations cite its clauses",
                    ));
                }
            };
            let ctx = UploadContext {
                owner: GoldOwner::Lab {
                    org: project.org_id.clone(),
                    project: project.id.clone(),
                },
                slices,
                clauses,
                created_by: user.user_id.to_string(),
            };
            Ok(service::upload(conn, now, &actor, &ctx, rows.0)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// List a project's gold items
///
/// The lab's members (and its API keys with `gold:read`); answers included. Users who are
/// experts are refused (403) even if they belong to the lab.
#[utoipa::path(
    tag = "gold",
    params(("project" = ProjectId, Path, description = "Project id"), GoldFilter),
    responses(
        (status = 200, description = "One page of gold items", body = Page<GoldItemView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/gold-items")]
async fn list_project_gold(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<GoldFilter>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(GoldItemId::PREFIX)?;
    let slice = f
        .slice
        .map(|s| SliceId::parse(&s).map_err(|e| ApiError::bad_parameter("slice", e.to_string())))
        .transpose()?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            let project = crate::projects::find_project(conn, id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("project {id} not found")))?;
            principal
                .org_read(&OrgId::from_db(project.org_id.clone()), Scope::GoldRead)
                .map_err(|e| {
                    if e.is_not_found() {
                        ApiError::not_found(format!("project {id} not found"))
                    } else {
                        e.into()
                    }
                })?;
            refuse_experts(&principal)?;
            store::list(conn, &project.id, slice.as_ref().map(|s| s.as_str()), &p)
                .map_err(ApiError::from)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page_of(rows, &page)?))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SliceGoldUploadParams {
    /// A vendor's calibration material (you must be its admin); omit for the platform's
    /// assessment pool (platform admins).
    #[param(value_type = Option<OrgId>)]
    pub org_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SliceGoldParams {
    /// A vendor's calibration material (you must be its admin); omit for the platform's
    /// assessment pool (platform admins).
    #[param(value_type = Option<OrgId>)]
    pub org_id: Option<String>,
    /// Page size, 1–200 (default 50); listing only.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Gold answers never reach experts: a user who is an expert is refused even if they also
/// belong to the organisation that owns the gold.
fn refuse_experts(principal: &Principal) -> ApiResult<()> {
    match principal {
        Principal::User(u) if u.is_expert => {
            Err(ApiError::forbidden("experts never see gold answers"))
        }
        _ => Ok(()),
    }
}

/// Who owns slice-level gold, after checking the caller may manage it.
fn slice_gold_owner(
    conn: &mut DbConn,
    principal: &Principal,
    slice: &SliceId,
    org: Option<&str>,
) -> ApiResult<(GoldOwner, crate::taxonomy::SliceRow)> {
    let row = crate::taxonomy::service::visible_slice(conn, principal, slice)?;
    if row.org_id.is_some() {
        return Err(ApiError::conflict(
            "gold for a lab's private slice is uploaded through that lab's projects",
        ));
    }
    let owner = match org {
        Some(raw) => {
            let org =
                OrgId::parse(raw).map_err(|e| ApiError::bad_parameter("org_id", e.to_string()))?;
            let user = principal.org_admin(&org)?;
            let is_vendor = user
                .membership(&org)
                .is_some_and(|m| m.org_kind == OrgKind::Vendor)
                || (user.is_platform_admin
                    && crate::orgs::find_org(conn, org.as_str())?
                        .is_some_and(|o| o.kind == "vendor"));
            if !is_vendor {
                return Err(ApiError::bad_parameter(
                    "org_id",
                    "calibration material belongs to a vendor",
                ));
            }
            GoldOwner::Vendor {
                org: org.to_string(),
            }
        }
        None => {
            principal.platform_admin()?;
            GoldOwner::Platform {
                slice: row.id.clone(),
            }
        }
    };
    Ok((owner, row))
}

/// Upload calibration or assessment gold for a shared slice
///
/// With `org_id`: a vendor's calibration material (its vendor admins). Without: the slice's
/// qualification-assessment pool (platform admins). Same formats and per-row results as
/// project gold.
#[utoipa::path(
    tag = "gold",
    params(("slice" = SliceId, Path, description = "Slice id"), SliceGoldUploadParams),
    request_body(content(
        (GoldUpload = "application/json"),
        (String = "application/x-ndjson")
    ), description = "Gold items as a JSON array, or one JSON object per line"),
    responses(
        (status = 200, description = "Per-row results", body = BulkResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 413, response = crate::http::PayloadTooLarge),
        (status = 415, response = crate::http::UnsupportedMediaType),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/slices/{slice}/gold-items")]
async fn upload_slice_gold(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<SliceGoldUploadParams>,
    rows: BulkRows,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let org = q.0.org_id;
    let actor = Actor::of(&principal);
    let now = state.now();
    let created_by = principal.user()?.user_id.to_string();
    let result = state
        .db
        .write_once(move |conn| -> ApiResult<_> {
            let (owner, slice) = slice_gold_owner(conn, &principal, &id, org.as_deref())?;
            // Serialise uploads into the scope (see the project upload).
            match &owner {
                GoldOwner::Vendor { org } => {
                    crate::orgs::lock_org(conn, org, now)?;
                }
                _ => {
                    crate::taxonomy::lock_slice(conn, &slice.id, now)?;
                }
            }
            let schema = crate::taxonomy::service::slice_schema(&slice)?;
            let ctx = UploadContext {
                owner,
                slices: vec![(slice, schema)],
                clauses: None,
                created_by,
            };
            Ok(service::upload(conn, now, &actor, &ctx, rows.0)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// List calibration or assessment gold of a shared slice
///
/// With `org_id`: that vendor's material (its vendor admins). Without: the platform pool
/// (platform admins).
#[utoipa::path(
    tag = "gold",
    params(("slice" = SliceId, Path, description = "Slice id"), SliceGoldParams),
    responses(
        (status = 200, description = "One page of gold items", body = Page<GoldItemView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[get("/slices/{slice}/gold-items")]
async fn list_slice_gold(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<SliceGoldParams>,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let params = q.0;
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    }
    .resolve(GoldItemId::PREFIX)?;
    let p = page.clone();
    let org = params.org_id;
    let rows = state
        .db
        .read(move |conn| {
            let (owner, slice) = slice_gold_owner(conn, &principal, &id, org.as_deref())?;
            refuse_experts(&principal)?;
            store::list(conn, &owner.scope(), Some(&slice.id), &p).map_err(ApiError::from)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page_of(rows, &page)?))
}

/// A platform admin's decision on a lab's gold item.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationInput {
    /// True to certify (its answers then count in shared slices), false to withdraw that.
    pub certified: bool,
    /// Why (kept in the audit log, which the lab reads).
    pub reason: String,
}

impl crate::http::Validate for CertificationInput {
    fn validate(&self) -> Result<(), Vec<crate::http::FieldError>> {
        crate::http::Checks::new()
            .text(&self.reason, "reason", 1, 2000)
            .finish()
    }
}

/// Certify a lab's gold item (or withdraw the certification)
///
/// Platform admins. A lab's gold moves an expert's standing only in that lab's projects
/// until a platform admin certifies the item; answers graded from then on count in the
/// shared slice's standing too. Audited under the lab, which sees `certified_at` on the item.
#[utoipa::path(
    tag = "gold",
    params(("gold" = GoldItemId, Path, description = "Gold item id")),
    request_body = CertificationInput,
    responses(
        (status = 200, description = "The gold item", body = GoldItemView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[put("/gold-items/{gold}/certification")]
async fn certify_gold(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: crate::http::Json<CertificationInput>,
) -> ApiResult<HttpResponse> {
    let id: GoldItemId = path_id("gold", &path)?;
    let input = body.into_inner();
    let user = principal.user()?;
    if !user.is_platform_admin {
        return Err(ApiError::forbidden(
            "only a platform admin certifies gold: a lab's gold counts outside its own projects only once the platform has certified the item",
        ));
    }
    let actor = Actor::of(&principal);
    let now = state.now();
    let row = state
        .db
        .write_once(move |conn| {
            Ok::<_, ApiError>(service::certify(
                conn,
                now,
                &actor,
                id.as_str(),
                input.certified,
                &input.reason,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(GoldItemView::try_from(row)?))
}
