//! `/v1/vendors…` for platform admins: the review queue of vendors by approval status,
//! approving or rejecting a pending vendor, and marking a vendor a trusted credential
//! reviewer (README "Approved vendors").

use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::approval;
use super::routes::OrgView;
use super::store;
use crate::audit::Actor;
use crate::auth::{OrgApproval, Principal};
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::OrgId;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_vendors)
        .service(approve_vendor)
        .service(reject_vendor)
        .service(set_trusted_reviewer);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct VendorListParams {
    /// `pending` (the default), `approved` or `rejected`.
    pub approval: Option<OrgApproval>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// List vendors by approval status
///
/// Platform admins only: the vendors waiting for approval (`approval=pending`, the
/// default), or those approved or rejected, oldest first.
#[utoipa::path(
    tag = "orgs",
    params(VendorListParams),
    responses(
        (status = 200, description = "One page of vendors", body = Page<OrgView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/vendors")]
async fn list_vendors(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<VendorListParams>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let q = q.0;
    let approval = q.approval.unwrap_or(OrgApproval::Pending);
    let page = PageParams {
        limit: q.limit,
        cursor: q.cursor,
    }
    .resolve(OrgId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| store::list_vendors(conn, approval, &p).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| OrgView::from(&r),
    )))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    /// An optional note, e-mailed to the vendor's admins and kept in the audit log.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

impl Validate for ApproveRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(r) = &self.reason {
            c.text(r, "reason", 0, 2000);
        }
        c.finish()
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    /// Why: e-mailed to the vendor's admins and kept in the audit log.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for RejectRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Approve a vendor
///
/// Platform admins only. A `pending` vendor becomes `approved`: its admins may now vet
/// their roster, review credentials (counted only for a trusted reviewer), protect
/// standings, set tiers and run calibration, and its experts receive lab work. Audited;
/// the vendor's admins are e-mailed. 409 when the vendor is not pending (a rejected vendor
/// stays refused).
#[utoipa::path(
    tag = "orgs",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    request_body = ApproveRequest,
    responses(
        (status = 200, description = "The approved vendor", body = OrgView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/vendors/{vendor}/approve")]
async fn approve_vendor(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ApproveRequest>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let vendor: OrgId = path_id("vendor", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let actor = Actor::of(&principal);
    let row = state
        .db
        .write(move |conn| {
            approval::decide(
                conn,
                now,
                &actor,
                &vendor,
                OrgApproval::Approved,
                b.reason.as_deref(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(OrgView::from(&row)))
}

/// Reject a vendor
///
/// Platform admins only, with a reason. A `pending` vendor becomes `rejected`, which is
/// final: its admins never vet, review credentials, change standings or run calibration,
/// and its experts receive no lab work (they may leave the roster). Audited; the vendor's
/// admins are e-mailed the reason. 409 when the vendor is not pending.
#[utoipa::path(
    tag = "orgs",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "The rejected vendor", body = OrgView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/vendors/{vendor}/reject")]
async fn reject_vendor(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<RejectRequest>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let vendor: OrgId = path_id("vendor", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let actor = Actor::of(&principal);
    let row = state
        .db
        .write(move |conn| {
            approval::decide(
                conn,
                now,
                &actor,
                &vendor,
                OrgApproval::Rejected,
                Some(&b.reason),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(OrgView::from(&row)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrustedReviewerRequest {
    /// Whether the platform counts this vendor's credential verifications.
    pub trusted: bool,
    /// Kept in the audit log.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for TrustedReviewerRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Mark a vendor a trusted credential reviewer
///
/// Platform admins only, with a reason (audited). A trusted reviewer's admins verify
/// their roster's credentials; without the mark a vendor admin's verification is refused
/// (403) and a platform admin verifies. Only an approved vendor can be marked trusted (409).
#[utoipa::path(
    tag = "orgs",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    request_body = TrustedReviewerRequest,
    responses(
        (status = 200, description = "The vendor", body = OrgView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[put("/vendors/{vendor}/trusted-reviewer")]
async fn set_trusted_reviewer(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<TrustedReviewerRequest>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let vendor: OrgId = path_id("vendor", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let actor = Actor::of(&principal);
    let row = state
        .db
        .write(move |conn| {
            approval::set_trusted_reviewer(conn, now, &actor, &vendor, b.trusted, &b.reason)
        })
        .await?;
    Ok(HttpResponse::Ok().json(OrgView::from(&row)))
}
