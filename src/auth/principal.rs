//! Who is calling: the one authentication extractor and the policy checks on it.
//!
//! `Authorization: Bearer <jwt>` yields a [`UserPrincipal`] (the session must still be
//! live and the user's memberships are read fresh, so role changes apply at once);
//! `Authorization: Bearer cadre_sk_…` yields an [`ApiKeyPrincipal`] bound to one
//! organisation and its scopes. Missing or bad credentials answer 401.
//!
//! Policy: a caller who is not a member of an organisation gets 404 for it (its
//! existence is not revealed); a member without the needed role gets 403.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, http::header, web};
use futures_util::future::LocalBoxFuture;

use super::{OrgApproval, OrgKind, OrgRole, Scope, api_keys, store, tokens};
use crate::error::{AppError, AppResult};
use crate::http::{ApiError, ApiResult};
use crate::ids::{ApiKeyId, OrgId, SessionId, UserId};
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct Membership {
    pub org_id: OrgId,
    pub org_kind: OrgKind,
    pub org_name: String,
    pub role: OrgRole,
    /// The organisation's approval by the platform (labs: always `approved`).
    pub approval: OrgApproval,
    /// A vendor whose credential verifications the platform counts.
    pub trusted_reviewer: bool,
}

impl Membership {
    /// An administrator of a vendor (approved or not).
    pub fn is_vendor_admin(&self) -> bool {
        self.role.is_admin() && self.org_kind == OrgKind::Vendor
    }

    /// Refuses (403 naming the rule) a vendor's admin acting before a platform admin
    /// approved the vendor: `what` is the power asked for ("vet experts", …).
    pub fn approved_for(&self, what: &str) -> AppResult<()> {
        match self.approval {
            OrgApproval::Approved => Ok(()),
            OrgApproval::Pending => Err(AppError::forbidden(format!(
                "vendor `{}` is pending approval: a platform administrator approves a vendor before its admins {what} (until then it may invite and prepare its roster)",
                self.org_name
            ))),
            OrgApproval::Rejected => Err(AppError::forbidden(format!(
                "vendor `{}` was rejected by the platform; its admins cannot {what}",
                self.org_name
            ))),
        }
    }
}

#[derive(Debug, Clone)]
pub struct UserPrincipal {
    pub user_id: UserId,
    pub session_id: SessionId,
    pub email: String,
    pub display_name: String,
    pub is_platform_admin: bool,
    pub is_expert: bool,
    pub email_verified: bool,
    pub memberships: Vec<Membership>,
    pub request_id: Option<String>,
}

impl UserPrincipal {
    pub fn membership(&self, org: &OrgId) -> Option<&Membership> {
        self.memberships.iter().find(|m| &m.org_id == org)
    }

    /// The ids of the caller's organisations of `kind` (only those they administer, if
    /// `admins_only`): the tenancy keys a list filters on.
    pub fn org_ids(&self, kind: OrgKind, admins_only: bool) -> Vec<String> {
        self.memberships
            .iter()
            .filter(|m| m.org_kind == kind && (!admins_only || m.role.is_admin()))
            .map(|m| m.org_id.to_string())
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct ApiKeyPrincipal {
    pub key_id: ApiKeyId,
    pub name: String,
    pub org_id: OrgId,
    pub scopes: Vec<Scope>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Principal {
    User(UserPrincipal),
    ApiKey(ApiKeyPrincipal),
}

fn org_not_found(org: &OrgId) -> AppError {
    AppError::not_found(format!("organization {org} not found"))
}

impl Principal {
    /// The calling user; API keys are refused (403) on user-only endpoints.
    pub fn user(&self) -> AppResult<&UserPrincipal> {
        match self {
            Principal::User(u) => Ok(u),
            Principal::ApiKey(_) => Err(AppError::forbidden(
                "this endpoint needs a user session; API keys cannot use it",
            )),
        }
    }

    pub fn platform_admin(&self) -> AppResult<&UserPrincipal> {
        let user = self.user()?;
        if user.is_platform_admin {
            Ok(user)
        } else {
            Err(AppError::forbidden(
                "only platform administrators may do this",
            ))
        }
    }

    /// The organisations whose data a list may show the caller: `None` (all) for platform
    /// admins, a user's memberships, or an API key's own organisation (which must hold
    /// `scope`, when one is given).
    pub fn visible_orgs(&self, scope: Option<Scope>) -> AppResult<Option<Vec<String>>> {
        match self {
            Principal::User(u) if u.is_platform_admin => Ok(None),
            Principal::User(u) => Ok(Some(
                u.memberships.iter().map(|m| m.org_id.to_string()).collect(),
            )),
            Principal::ApiKey(k) => {
                if let Some(scope) = scope {
                    self.org_read(&k.org_id, scope)?;
                }
                Ok(Some(vec![k.org_id.to_string()]))
            }
        }
    }

    /// Read access to an organisation: its members, platform admins, and its own API
    /// keys holding `scope`.
    pub fn org_read(&self, org: &OrgId, scope: Scope) -> AppResult<()> {
        match self {
            Principal::User(u) if u.is_platform_admin || u.membership(org).is_some() => Ok(()),
            Principal::User(_) => Err(org_not_found(org)),
            Principal::ApiKey(k) if &k.org_id != org => Err(org_not_found(org)),
            Principal::ApiKey(k) => {
                if k.scopes.contains(&scope) {
                    Ok(())
                } else {
                    Err(AppError::forbidden(format!(
                        "this API key lacks the `{}` scope",
                        scope.as_str()
                    )))
                }
            }
        }
    }

    /// Refuses (403 naming the rule) a vendor admin acting for `org` before the platform
    /// approved the vendor. Platform admins, and anyone who is not a member of `org`
    /// (checked elsewhere), pass.
    pub fn approved_vendor_for(&self, org: &OrgId, what: &str) -> AppResult<()> {
        match self {
            Principal::User(u) if !u.is_platform_admin => match u.membership(org) {
                Some(m) if m.org_kind == OrgKind::Vendor => m.approved_for(what),
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// Administration of an organisation: its lab/vendor admins and platform admins.
    /// API keys never administer.
    pub fn org_admin(&self, org: &OrgId) -> AppResult<&UserPrincipal> {
        match self {
            Principal::ApiKey(k) if &k.org_id != org => Err(org_not_found(org)),
            Principal::ApiKey(_) => Err(AppError::forbidden(
                "API keys cannot administer an organization",
            )),
            Principal::User(u) if u.is_platform_admin => Ok(u),
            Principal::User(u) => match u.membership(org) {
                None => Err(org_not_found(org)),
                Some(m) if m.role.is_admin() => Ok(u),
                Some(m) => Err(AppError::forbidden(format!(
                    "your role in this organization ({}) cannot do this; an administrator can",
                    m.role.as_str()
                ))),
            },
        }
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let credential = bearer(req);
        let request_id = req
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string());
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::internal(anyhow::anyhow!("AppState missing")))?;
            let credential = credential?;
            authenticate(&state, credential, request_id).await
        })
    }
}

fn bearer(req: &HttpRequest) -> ApiResult<String> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::unauthorized("authentication required: send `Authorization: Bearer <token>`")
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::unauthorized("the Authorization header is not valid text"))?;
    let (scheme, token) = value.split_once(' ').ok_or_else(|| {
        ApiError::unauthorized("the Authorization header must be `Bearer <token>`")
    })?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::unauthorized(
            "the Authorization header must be `Bearer <token>`",
        ));
    }
    Ok(token.trim().to_owned())
}

async fn authenticate(
    state: &AppState,
    credential: String,
    request_id: Option<String>,
) -> ApiResult<Principal> {
    let now = state.now();
    if credential.starts_with(tokens::API_KEY_PREFIX) {
        let hash = tokens::hash_secret(&credential);
        return state
            .db
            .read(move |conn| {
                let key = api_keys::find_by_secret_hash(conn, &hash)?
                    .filter(|k| k.revoked_at.is_none())
                    .ok_or_else(|| ApiError::unauthorized("invalid or revoked API key"))?;
                api_keys::touch(conn, &key.id, key.last_used_at, now)?;
                Ok(Principal::ApiKey(ApiKeyPrincipal {
                    key_id: ApiKeyId::from_db(key.id.clone()),
                    name: key.name.clone(),
                    org_id: OrgId::from_db(key.org_id.clone()),
                    scopes: key.scopes(),
                    request_id,
                }))
            })
            .await;
    }
    let (user_id, session_id) = state
        .jwt
        .verify(&credential, now)
        .ok_or_else(|| ApiError::unauthorized("invalid or expired access token"))?;
    state
        .db
        .read(move |conn| {
            let invalid = || ApiError::unauthorized("invalid or expired access token");
            if !store::session_is_live(conn, session_id.as_str(), user_id.as_str())? {
                return Err(invalid());
            }
            let user = store::find_user(conn, user_id.as_str())?.ok_or_else(invalid)?;
            let memberships = crate::orgs::memberships_of_user(conn, &user.id)?
                .into_iter()
                .filter_map(|(m, o)| {
                    Some(Membership {
                        org_id: OrgId::from_db(o.id),
                        org_kind: OrgKind::parse(&o.kind)?,
                        org_name: o.name,
                        role: OrgRole::parse(&m.role)?,
                        approval: OrgApproval::parse(&o.approval_status)?,
                        trusted_reviewer: o.trusted_reviewer,
                    })
                })
                .collect();
            Ok(Principal::User(UserPrincipal {
                user_id,
                session_id,
                email: user.email,
                display_name: user.display_name,
                is_platform_admin: user.is_platform_admin,
                is_expert: user.is_expert,
                email_verified: user.email_verified_at.is_some(),
                memberships,
                request_id,
            }))
        })
        .await
}
