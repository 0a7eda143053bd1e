//! `POST /v1/experts/me/delete`: an expert deletes their account.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::audit::Actor;
use crate::auth::Principal;
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Validate};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(delete_account);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccountRequest {
    /// Your current password, to confirm.
    pub password: String,
}

impl Validate for DeleteAccountRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let n = self.password.chars().count();
        Checks::new()
            .check((1..=1024).contains(&n), "password", "is required")
            .finish()
    }
}

/// Delete your expert account
///
/// Erases your profile, evidence files and credential details, your e-mail address and
/// login; ends every session. Audit records keep only ids. This cannot be undone.
#[utoipa::path(
    tag = "experts",
    request_body = DeleteAccountRequest,
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/delete")]
async fn delete_account(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<DeleteAccountRequest>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    if !user.is_expert {
        return Err(ApiError::forbidden("only expert accounts are deleted here"));
    }
    let id = user.user_id.to_string();
    let stored = state
        .db
        .read(move |conn| -> ApiResult<_> {
            crate::auth::find_user(conn, &id)?
                .map(|u| u.password_hash)
                .ok_or_else(|| ApiError::unauthorized("the account no longer exists"))
        })
        .await?;
    let ok = crate::auth::password::verify_async(body.into_inner().password, Some(stored))
        .await
        .map_err(ApiError::internal)?;
    if !ok {
        return Err(ApiError::forbidden(
            "the password does not match; the account was not deleted",
        ));
    }
    let now = state.now();
    let actor = Actor::user(&user.user_id, user.request_id.clone());
    state
        .db
        .write(move |conn| super::service::erase_expert(conn, now, user.user_id.as_str(), &actor))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
