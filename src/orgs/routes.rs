//! `/v1/orgs/*` and `/v1/invitations/accept`.

use actix_web::{HttpRequest, HttpResponse, delete, get, http::header, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::service::{self, Acceptor};
use super::store::{self, InvitationRow, OrgRow};
use crate::audit::Actor;
use crate::auth::routes::UserView;
use crate::auth::{OrgApproval, OrgKind, OrgRole, Principal, Scope, api_keys, is_plausible_email};
use crate::http::pagination::{Page, PageParams};
use crate::http::{
    ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id, request_id,
};
use crate::ids::{ApiKeyId, InvitationId, OrgId, UserId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_orgs)
        .service(get_org)
        .service(list_members)
        .service(change_member_role)
        .service(remove_member)
        .service(create_invitation)
        .service(list_invitations)
        .service(revoke_invitation)
        .service(accept_invitation)
        .service(create_api_key)
        .service(list_api_keys)
        .service(revoke_api_key);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgView {
    pub id: OrgId,
    pub kind: OrgKind,
    pub name: String,
    /// The platform's approval: a vendor starts `pending` and acts on its roster only once
    /// `approved`; labs are always `approved`.
    pub approval: OrgApproval,
    /// Why the vendor was rejected (or the approval note), if one was given.
    pub approval_reason: Option<String>,
    pub approval_decided_at: Option<DateTime<Utc>>,
    /// A vendor whose admins' credential verifications the platform counts.
    pub trusted_reviewer: bool,
    pub created_at: DateTime<Utc>,
}

impl From<&OrgRow> for OrgView {
    fn from(o: &OrgRow) -> Self {
        Self {
            id: OrgId::from_db(o.id.clone()),
            kind: OrgKind::parse(&o.kind).unwrap_or(OrgKind::Lab),
            name: o.name.clone(),
            approval: o.approval(),
            approval_reason: o.approval_reason.clone(),
            approval_decided_at: o.approval_decided_at.map(crate::clock::utc),
            trusted_reviewer: o.trusted_reviewer,
            created_at: crate::clock::utc(o.created_at),
        }
    }
}

/// List organizations
///
/// A user sees the organizations they belong to (platform admins see all); an API key
/// with `org:read` sees its own.
#[utoipa::path(
    tag = "orgs",
    params(PageParams),
    responses(
        (status = 200, description = "One page of organizations", body = Page<OrgView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
    ),
    security(("bearer" = []))
)]
#[get("/orgs")]
async fn list_orgs(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let page = q.0.resolve(OrgId::PREFIX)?;
    let only = principal.visible_orgs(Some(Scope::OrgRead))?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| store::list_orgs(conn, only.as_deref(), &p).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| OrgView::from(&r),
    )))
}

/// Get an organization
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id")),
    responses(
        (status = 200, description = "The organization", body = OrgView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}")]
async fn get_org(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_read(&org, Scope::OrgRead)?;
    let row = state
        .db
        .read(move |conn| service::load_org(conn, &org))
        .await?;
    Ok(HttpResponse::Ok().json(OrgView::from(&row)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberView {
    pub user_id: UserId,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub role: OrgRole,
    pub joined_at: DateTime<Utc>,
}

/// List members
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), PageParams),
    responses(
        (status = 200, description = "One page of members", body = Page<MemberView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/members")]
async fn list_members(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_read(&org, Scope::MembersRead)?;
    let page = q.0.resolve(crate::ids::MembershipId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            service::load_org(conn, &org)?;
            super::queries::list_members(conn, org.as_str(), &p).map_err(ApiError::from)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |(m, ..)| m.id.clone(),
        |(m, email, display_name, verified)| MemberView {
            user_id: UserId::from_db(m.user_id),
            email,
            display_name,
            email_verified: verified.is_some(),
            role: OrgRole::parse(&m.role).unwrap_or(OrgRole::LabMember),
            joined_at: crate::clock::utc(m.created_at),
        },
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeRoleRequest {
    pub role: OrgRole,
}

impl Validate for ChangeRoleRequest {}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipChanged {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub role: OrgRole,
}

/// Change a member's role
///
/// Administrators only. The organization's last administrator cannot be demoted (409).
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), ("user" = UserId, Path, description = "Member's user id")),
    request_body = ChangeRoleRequest,
    responses(
        (status = 200, description = "The role is set", body = MembershipChanged),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[patch("/orgs/{org}/members/{user}")]
async fn change_member_role(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<ChangeRoleRequest>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path.0)?;
    let user: UserId = path_id("user", &path.1)?;
    principal.org_admin(&org)?;
    let m = service::change_role(
        &state,
        Actor::of(&principal),
        org,
        user,
        body.into_inner().role,
    )
    .await?;
    Ok(HttpResponse::Ok().json(MembershipChanged {
        user_id: UserId::from_db(m.user_id),
        org_id: OrgId::from_db(m.org_id),
        role: OrgRole::parse(&m.role).unwrap_or(OrgRole::LabMember),
    }))
}

/// Remove a member
///
/// Administrators remove anyone; a member may remove themself (leave). The last
/// administrator cannot be removed (409).
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), ("user" = UserId, Path, description = "Member's user id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[delete("/orgs/{org}/members/{user}")]
async fn remove_member(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path.0)?;
    let user: UserId = path_id("user", &path.1)?;
    let leaving_self = matches!(&principal, Principal::User(u) if u.user_id == user && u.membership(&org).is_some());
    if !leaving_self {
        principal.org_admin(&org)?;
    }
    service::remove_member(&state, Actor::of(&principal), org, user).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitationRequest {
    #[schema(format = Email, min_length = 3, max_length = 254)]
    pub email: String,
    /// Must be a role of this kind of organization.
    pub role: OrgRole,
}

impl Validate for CreateInvitationRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new()
            .check(
                is_plausible_email(&self.email),
                "email",
                "is not a valid e-mail address",
            )
            .finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Revoked,
    Expired,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    pub id: InvitationId,
    pub org_id: OrgId,
    pub email: String,
    pub role: OrgRole,
    pub status: InvitationStatus,
    pub invited_by: UserId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl InvitationView {
    fn new(r: InvitationRow, now: DateTime<Utc>) -> Self {
        let expires_at = crate::clock::utc(r.expires_at);
        let status = if r.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if r.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if expires_at <= now {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        };
        Self {
            id: InvitationId::from_db(r.id),
            org_id: OrgId::from_db(r.org_id),
            email: r.email,
            role: OrgRole::parse(&r.role).unwrap_or(OrgRole::LabMember),
            status,
            invited_by: UserId::from_db(r.invited_by),
            created_at: crate::clock::utc(r.created_at),
            expires_at,
            accepted_at: r.accepted_at.map(crate::clock::utc),
        }
    }
}

/// Invite someone by e-mail
///
/// Administrators only. Sends a single-use link that expires (`auth.invitation_ttl_secs`).
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id")),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, description = "Invitation created and e-mail queued", body = InvitationView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/invitations")]
async fn create_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CreateInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    let inviter = principal.org_admin(&org)?;
    let b = body.into_inner();
    let row = service::invite(&state, inviter, org, b.email, b.role).await?;
    Ok(HttpResponse::Created().json(InvitationView::new(row, state.now())))
}

/// List invitations
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), PageParams),
    responses(
        (status = 200, description = "One page of invitations", body = Page<InvitationView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/invitations")]
async fn list_invitations(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_admin(&org)?;
    let page = q.0.resolve(InvitationId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| store::list_invitations(conn, org.as_str(), &p).map_err(ApiError::from))
        .await?;
    let now = state.now();
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| InvitationView::new(r, now),
    )))
}

/// Revoke an invitation
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), ("invitation" = InvitationId, Path, description = "Invitation id")),
    responses(
        (status = 204, description = "Revoked (or already revoked)"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[delete("/orgs/{org}/invitations/{invitation}")]
async fn revoke_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path.0)?;
    let invitation: InvitationId = path_id("invitation", &path.1)?;
    principal.org_admin(&org)?;
    service::revoke_invitation(&state, Actor::of(&principal), org, invitation.into_string())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitationRequest {
    /// The token from the invitation e-mail's link.
    #[schema(
        min_length = 1,
        max_length = 512,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 512)]
    pub token: String,
    /// For a new account (no `Authorization` header): the name to show.
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 100)]
    pub display_name: Option<String>,
    /// For a new account (no `Authorization` header): its password.
    #[schema(min_length = 10, max_length = 128)]
    pub password: Option<String>,
}

impl Validate for AcceptInvitationRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.token, "token", 1, 512).finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptInvitationResponse {
    pub user: UserView,
    pub organization: OrgView,
    pub role: OrgRole,
}

/// Accept an invitation
///
/// Logged in (`Authorization` header): the invitation must be addressed to your e-mail.
/// Not logged in: send `display_name` and `password` to create the account; its e-mail
/// is the invitation's and counts as verified.
#[utoipa::path(
    tag = "orgs",
    request_body = AcceptInvitationRequest,
    responses(
        (status = 200, description = "Joined the organization", body = AcceptInvitationResponse),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security((), ("bearer" = []))
)]
#[post("/invitations/accept")]
async fn accept_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<AcceptInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let acceptor = if req.headers().contains_key(header::AUTHORIZATION) {
        use actix_web::FromRequest;
        let principal = Principal::extract(&req).await?;
        if b.display_name.is_some() || b.password.is_some() {
            return Err(ApiError::invalid_field(
                "password",
                "must not be sent when accepting as a logged-in user",
            ));
        }
        Acceptor::Existing(principal.user()?.clone())
    } else {
        let mut c = Checks::new();
        match &b.display_name {
            Some(name) => {
                c.text(name, "display_name", 1, 100);
            }
            None => {
                c.push("display_name", "is required to create an account");
            }
        }
        // The strength rule (which needs the invitation's address) is checked by the service.
        c.check(
            b.password.is_some(),
            "password",
            "is required to create an account",
        );
        c.finish().map_err(ApiError::validation)?;
        Acceptor::New {
            display_name: b.display_name.unwrap_or_default(),
            password: b.password.unwrap_or_default(),
        }
    };
    let done = service::accept_invitation(&state, b.token, acceptor, request_id(&req)).await?;
    Ok(HttpResponse::Ok().json(AcceptInvitationResponse {
        user: UserView::from(&done.user),
        organization: OrgView::from(&done.org),
        role: OrgRole::parse(&done.membership.role).unwrap_or(OrgRole::LabMember),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    #[schema(
        example = "escalation-pipeline",
        min_length = 1,
        max_length = 100,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// At least one scope.
    #[schema(min_items = 1)]
    pub scopes: Vec<Scope>,
}

impl Validate for CreateApiKeyRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new()
            .text(&self.name, "name", 1, 100)
            .check(
                !self.scopes.is_empty(),
                "scopes",
                "must list at least one scope",
            )
            .finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyView {
    pub id: ApiKeyId,
    pub org_id: OrgId,
    pub name: String,
    /// The first characters of the secret, to recognise the key.
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<&api_keys::ApiKeyRow> for ApiKeyView {
    fn from(k: &api_keys::ApiKeyRow) -> Self {
        Self {
            id: ApiKeyId::from_db(k.id.clone()),
            org_id: OrgId::from_db(k.org_id.clone()),
            name: k.name.clone(),
            prefix: k.prefix.clone(),
            scopes: k.scopes(),
            created_by: UserId::from_db(k.created_by.clone()),
            created_at: crate::clock::utc(k.created_at),
            last_used_at: k.last_used_at.map(crate::clock::utc),
            revoked_at: k.revoked_at.map(crate::clock::utc),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyView,
    /// The secret, shown only in this response: `Authorization: Bearer cadre_sk_…`.
    pub secret: String,
}

/// Create an API key
///
/// Administrators only. The secret is returned once and stored only as a hash.
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id")),
    request_body = CreateApiKeyRequest,
    responses(
        (status = 201, description = "Created; `secret` is shown only now", body = CreatedApiKey),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/api-keys")]
async fn create_api_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    let creator = principal.org_admin(&org)?;
    let b = body.into_inner();
    let created = service::create_api_key(&state, creator, org, b.name, b.scopes).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        key: ApiKeyView::from(&created.row),
        secret: created.secret,
    }))
}

/// List API keys
///
/// Administrators only; secrets are never listed.
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), PageParams),
    responses(
        (status = 200, description = "One page of keys", body = Page<ApiKeyView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/api-keys")]
async fn list_api_keys(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_admin(&org)?;
    let page = q.0.resolve(ApiKeyId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| api_keys::list(conn, org.as_str(), &p).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| ApiKeyView::from(&r),
    )))
}

/// Revoke an API key
///
/// Administrators only. The key is rejected from its next use on.
#[utoipa::path(
    tag = "orgs",
    params(("org" = OrgId, Path, description = "Organization id"), ("key" = ApiKeyId, Path, description = "API key id")),
    responses(
        (status = 204, description = "Revoked (or already revoked)"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[delete("/orgs/{org}/api-keys/{key}")]
async fn revoke_api_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path.0)?;
    let key: ApiKeyId = path_id("key", &path.1)?;
    let revoker = principal.org_admin(&org)?;
    service::revoke_api_key(&state, revoker, org, key.into_string()).await?;
    Ok(HttpResponse::NoContent().finish())
}
