//! `/v1/auth/*` and `/v1/me`.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::account;
use super::service::{self, AccountKind, Registration, Tokens};
use super::{OrgKind, OrgRole, Principal, Scope, is_plausible_email, password_policy};
use crate::http::{ApiResult, Checks, FieldError, Json, Validate, client_ip, request_id};
use crate::ids::{ApiKeyId, OrgId, UserId};
use crate::orgs::routes::OrgView;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(register)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(verify_email)
        .service(resend_verification)
        .service(request_password_reset)
        .service(confirm_password_reset)
        .service(change_password)
        .service(request_email_change)
        .service(confirm_email_change)
        .service(me);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    /// A specialist who applies for expert work.
    Expert,
    /// An AI lab; creates the organization and becomes its lab admin.
    Lab,
    /// A vendor running a roster of experts; creates the organization and becomes its vendor admin.
    Vendor,
}

impl From<AccountType> for AccountKind {
    fn from(t: AccountType) -> Self {
        match t {
            AccountType::Expert => AccountKind::Expert,
            AccountType::Lab => AccountKind::Lab,
            AccountType::Vendor => AccountKind::Vendor,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    pub account_type: AccountType,
    #[schema(example = "ada@helix-labs.example", format = Email, min_length = 3, max_length = 254)]
    pub email: String,
    /// 10–128 characters, not a common password, not containing the e-mail name.
    #[schema(min_length = 10, max_length = 128)]
    pub password: String,
    #[schema(
        example = "Ada Lovelace",
        min_length = 1,
        max_length = 100,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 100)]
    pub display_name: String,
    /// Required for `lab` and `vendor` accounts; not allowed for `expert`.
    #[schema(
        example = "Helix Labs",
        min_length = 2,
        max_length = 120,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 2, max_length = 120)]
    pub organization_name: Option<String>,
}

impl Validate for RegisterRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            is_plausible_email(&self.email),
            "email",
            "is not a valid e-mail address",
        );
        if let Err(why) = password_policy::check(&self.password, &self.email) {
            c.push("password", why);
        }
        c.text(&self.display_name, "display_name", 1, 100);
        match (
            AccountKind::from(self.account_type).org_kind(),
            &self.organization_name,
        ) {
            (Some(_), Some(name)) => {
                c.text(name, "organization_name", 2, 120);
            }
            (Some(_), None) => {
                c.push(
                    "organization_name",
                    "is required for lab and vendor accounts",
                );
            }
            (None, Some(_)) => {
                c.push(
                    "organization_name",
                    "is only allowed for lab and vendor accounts",
                );
            }
            (None, None) => {}
        }
        c.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub is_platform_admin: bool,
    pub is_expert: bool,
    pub created_at: DateTime<Utc>,
}

impl From<&super::store::UserRow> for UserView {
    fn from(u: &super::store::UserRow) -> Self {
        Self {
            id: UserId::from_db(u.id.clone()),
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            email_verified: u.email_verified_at.is_some(),
            is_platform_admin: u.is_platform_admin,
            is_expert: u.is_expert,
            created_at: crate::clock::utc(u.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegisterResponse {
    pub user: UserView,
    /// The organization created for `lab` and `vendor` accounts.
    pub organization: Option<OrgView>,
}

/// Register an account
///
/// Experts sign up alone; labs and vendors sign up with their organization and become its
/// administrator. A verification link is e-mailed to the address.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created; verification e-mail queued", body = RegisterResponse),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 413, response = crate::http::PayloadTooLarge),
        (status = 415, response = crate::http::UnsupportedMediaType),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 429, response = crate::http::TooManyRequests),
    )
)]
#[post("/auth/register")]
async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let reg = Registration {
        account_type: b.account_type.into(),
        email: b.email,
        password: b.password,
        display_name: b.display_name,
        organization_name: b.organization_name,
        client_ip: crate::http::client_ip(&req, state.settings.http.trust_forwarded_for),
    };
    let done = service::register(&state, reg, request_id(&req)).await?;
    Ok(HttpResponse::Created().json(RegisterResponse {
        user: UserView::from(&done.user),
        organization: done.org.as_ref().map(OrgView::from),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(
        min_length = 1,
        max_length = 254,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 254)]
    pub email: String,
    #[schema(min_length = 1, max_length = 1024)]
    pub password: String,
}

impl Validate for LoginRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.email, "email", 1, 254);
        // Any password that registration accepts must be usable here: length only.
        let n = self.password.chars().count();
        c.check(
            (1..=1024).contains(&n),
            "password",
            "must be 1 to 1024 characters",
        );
        c.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived JWT for `Authorization: Bearer …`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Opaque, single-use; exchange at `/v1/auth/refresh` for a new pair.
    pub refresh_token: String,
    pub refresh_token_expires_in: i64,
}

impl From<Tokens> for TokenResponse {
    fn from(t: Tokens) -> Self {
        Self {
            access_token: t.access_token,
            token_type: "Bearer".into(),
            expires_in: t.access_expires_in,
            refresh_token: t.refresh_token,
            refresh_token_expires_in: t.refresh_expires_in,
        }
    }
}

/// Log in
///
/// Returns an access token and a refresh token. Failures never reveal whether the e-mail
/// exists. Too many failures for one account or from one IP answer 429 with `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenResponse),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 429, response = crate::http::TooManyRequests),
    )
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    let tokens = service::login(&state, b.email, b.password, ip, request_id(&req)).await?;
    Ok(HttpResponse::Ok().json(TokenResponse::from(tokens)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[schema(
        min_length = 1,
        max_length = 512,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 512)]
    pub refresh_token: String,
}

impl Validate for RefreshRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new()
            .text(&self.refresh_token, "refresh_token", 1, 512)
            .finish()
    }
}

/// Rotate tokens
///
/// Exchanges a refresh token for a new access/refresh pair; the presented token is spent.
/// Presenting a spent token again revokes the whole session (token-family reuse detection).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New token pair", body = TokenResponse),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 422, response = crate::http::UnprocessableEntity),
    )
)]
#[post("/auth/refresh")]
async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let tokens =
        service::refresh(&state, body.into_inner().refresh_token, request_id(&req)).await?;
    Ok(HttpResponse::Ok().json(TokenResponse::from(tokens)))
}

/// Log out
///
/// Revokes the caller's session: its refresh tokens stop working and so do its access tokens.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 204, description = "Session revoked"),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[post("/auth/logout")]
async fn logout(state: web::Data<AppState>, principal: Principal) -> ApiResult<HttpResponse> {
    service::logout(&state, principal.user()?).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyEmailRequest {
    /// The token from the verification e-mail's link.
    #[schema(
        min_length = 1,
        max_length = 512,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 512)]
    pub token: String,
}

impl Validate for VerifyEmailRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.token, "token", 1, 512).finish()
    }
}

/// Verify an e-mail address
///
/// Spends the single-use token sent by e-mail and marks the address verified.
#[utoipa::path(
    tag = "auth",
    request_body = VerifyEmailRequest,
    responses(
        (status = 200, description = "Address verified", body = UserView),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    )
)]
#[post("/auth/verify-email")]
async fn verify_email(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<VerifyEmailRequest>,
) -> ApiResult<HttpResponse> {
    let user = service::verify_email(&state, body.into_inner().token, request_id(&req)).await?;
    Ok(HttpResponse::Ok().json(UserView::from(&user)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    #[schema(example = "queued")]
    pub status: String,
}

/// Resend the verification e-mail
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 202, description = "A new verification e-mail is queued", body = Accepted),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
        (status = 429, response = crate::http::TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/auth/verify-email/resend")]
async fn resend_verification(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    service::resend_verification(&state, principal.user()?).await?;
    Ok(HttpResponse::Accepted().json(Accepted {
        status: "queued".into(),
    }))
}

// ---------------------------------------------------------------- account flows

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The account's e-mail address.
    #[schema(example = "ada@helix-labs.example", format = Email, min_length = 3, max_length = 254)]
    pub email: String,
}

impl Validate for PasswordResetRequest {
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

/// Request a password reset
///
/// If an account uses the address, a single-use link to `<http.public_url>/password-reset`
/// is e-mailed to it (valid for `auth.password_reset_ttl_secs`). The answer is the same
/// 202, with the same body, whether or not an account has the address: nothing here tells
/// who is registered. Limited per client IP and per address (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "Accepted; if an account uses the address, a reset link is on its way", body = Accepted),
        (status = 400, response = crate::http::BadRequest),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 429, response = crate::http::TooManyRequests),
    )
)]
#[post("/auth/password-reset")]
async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    account::request_password_reset(&state, body.into_inner().email, ip, request_id(&req)).await?;
    Ok(HttpResponse::Accepted().json(Accepted {
        status: "accepted".into(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    /// The token from the reset e-mail's link.
    #[schema(
        min_length = 1,
        max_length = 512,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    #[schema(min_length = 1, max_length = 512)]
    pub token: String,
    /// 10–128 characters, not a common password, not containing the e-mail name.
    #[schema(min_length = 10, max_length = 128)]
    pub new_password: String,
}

impl Validate for PasswordResetConfirm {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.token, "token", 1, 512);
        let n = self.new_password.chars().count();
        c.check((1..=1024).contains(&n), "new_password", "is required");
        c.finish()
    }
}

/// Set a new password with a reset link
///
/// Spends the single-use token and sets the password (the password policy of
/// registration applies). Every session and refresh token of the account is revoked, its
/// other reset links stop working, the address counts as confirmed, the login back-off of
/// the account from this client is cleared, and the address gets a notice.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetConfirm,
    responses(
        (status = 204, description = "Password set; every session signed out"),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    )
)]
#[post("/auth/password-reset/confirm")]
async fn confirm_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetConfirm>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    account::reset_password(&state, b.token, b.new_password, ip, request_id(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChangeRequest {
    #[schema(min_length = 1, max_length = 1024)]
    pub current_password: String,
    /// 10–128 characters, not a common password, not containing the e-mail name.
    #[schema(min_length = 10, max_length = 128)]
    pub new_password: String,
}

impl Validate for PasswordChangeRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        for (v, f) in [
            (&self.current_password, "current_password"),
            (&self.new_password, "new_password"),
        ] {
            let n = v.chars().count();
            c.check((1..=1024).contains(&n), f, "is required");
        }
        c.finish()
    }
}

/// Change my password
///
/// Needs the current password (403 if it does not match; at most 10 password checks per
/// account per hour, then 429). Every other session of the account is revoked; this one
/// stays. The address gets a notice.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordChangeRequest,
    responses(
        (status = 204, description = "Password changed; other sessions signed out"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 429, response = crate::http::TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/auth/password")]
async fn change_password(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<PasswordChangeRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    account::change_password(
        &state,
        principal.user()?,
        b.current_password,
        b.new_password,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChangeRequest {
    #[schema(example = "ada@new-lab.example", format = Email, min_length = 3, max_length = 254)]
    pub new_email: String,
    /// The account's current password, to confirm.
    #[schema(min_length = 1, max_length = 1024)]
    pub password: String,
}

impl Validate for EmailChangeRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            is_plausible_email(&self.new_email),
            "new_email",
            "is not a valid e-mail address",
        );
        let n = self.password.chars().count();
        c.check((1..=1024).contains(&n), "password", "is required");
        c.finish()
    }
}

/// Change my e-mail address
///
/// Needs the password (403 if it does not match; counted with password changes, 429 after
/// 10 per hour). A single-use link to `<http.public_url>/email-change` goes to the NEW
/// address; the account keeps its address until the link is confirmed. If the new address
/// already belongs to another account the answer is the same 202 (nothing tells the
/// caller who is registered): no link is made, and that address is told someone tried.
#[utoipa::path(
    tag = "auth",
    request_body = EmailChangeRequest,
    responses(
        (status = 202, description = "Accepted; a confirmation link is on its way to the new address", body = Accepted),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 422, response = crate::http::UnprocessableEntity),
        (status = 429, response = crate::http::TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/auth/email-change")]
async fn request_email_change(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<EmailChangeRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    account::request_email_change(&state, principal.user()?, b.new_email, b.password).await?;
    Ok(HttpResponse::Accepted().json(Accepted {
        status: "accepted".into(),
    }))
}

/// Confirm an e-mail change
///
/// Spends the single-use token sent to the new address: the account now uses (and has
/// confirmed) that address, and the old address gets a notice. Sessions stay.
#[utoipa::path(
    tag = "auth",
    request_body = VerifyEmailRequest,
    responses(
        (status = 200, description = "The account with its new address", body = UserView),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    )
)]
#[post("/auth/email-change/confirm")]
async fn confirm_email_change(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<VerifyEmailRequest>,
) -> ApiResult<HttpResponse> {
    let user =
        account::confirm_email_change(&state, body.into_inner().token, request_id(&req)).await?;
    Ok(HttpResponse::Ok().json(UserView::from(&user)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipView {
    pub org_id: OrgId,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub role: OrgRole,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub is_platform_admin: bool,
    pub is_expert: bool,
    pub memberships: Vec<MembershipView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeApiKey {
    pub id: ApiKeyId,
    pub name: String,
    pub org_id: OrgId,
    pub scopes: Vec<Scope>,
}

/// The caller: a user with their memberships, or an API key with its organization and scopes.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MeResponse {
    User { user: MeUser },
    ApiKey { api_key: MeApiKey },
}

/// Who am I
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 200, description = "The authenticated principal", body = MeResponse),
        (status = 401, response = crate::http::Unauthorized),
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(principal: Principal) -> ApiResult<HttpResponse> {
    let body = match principal {
        Principal::User(u) => MeResponse::User {
            user: MeUser {
                id: u.user_id,
                email: u.email,
                display_name: u.display_name,
                email_verified: u.email_verified,
                is_platform_admin: u.is_platform_admin,
                is_expert: u.is_expert,
                memberships: u
                    .memberships
                    .into_iter()
                    .map(|m| MembershipView {
                        org_id: m.org_id,
                        org_name: m.org_name,
                        org_kind: m.org_kind,
                        role: m.role,
                    })
                    .collect(),
            },
        },
        Principal::ApiKey(k) => MeResponse::ApiKey {
            api_key: MeApiKey {
                id: k.key_id,
                name: k.name,
                org_id: k.org_id,
                scopes: k.scopes,
            },
        },
    };
    Ok(HttpResponse::Ok().json(body))
}
