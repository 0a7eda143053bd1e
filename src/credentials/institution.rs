//! Institutional e-mail checks: the expert names an address at the credential's issuer
//! domain; a single-use token valid for `experts.email_check_ttl_hours` is e-mailed there;
//! whoever holds that mailbox confirms it, which attaches `email_domain_verified`
//! evidence to the credential. A new request supersedes the credential's unconfirmed ones;
//! at most 5 are sent per credential per 24 hours.

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::service::visible;
use super::store::{self, EmailCheckRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::{Principal, tokens};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Validate, path_id, request_id};
use crate::ids::{CredentialId, EmailCheckId};
use crate::mail::{self, templates};
use crate::state::{AppState, public_link};

const MAX_PER_DAY: i64 = 5;
/// Over all of one expert's credentials, so many credentials do not multiply the mail.
const MAX_PER_EXPERT_PER_DAY: i64 = 10;

/// Public mailbox providers: an address there proves nothing about an institution.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "t-online.de",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "126.com",
    "zoho.com",
    "fastmail.com",
    "tutanota.com",
];

/// Is `domain` (or a parent of it) a public mailbox provider?
pub fn is_free_mail(domain: &str) -> bool {
    let d = domain.trim().to_ascii_lowercase();
    FREE_MAIL.iter().any(|f| within(&d, f))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmailCheckStatus {
    /// Sent, waiting for confirmation (until `expires_at`).
    Sent,
    Confirmed,
    /// Replaced by a newer request, or expired unconfirmed.
    Superseded,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EmailCheckView {
    pub id: EmailCheckId,
    /// The institutional domain (the address itself is not shown again).
    #[schema(example = "charite.de")]
    pub domain: String,
    pub status: EmailCheckStatus,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

pub fn check_view(r: EmailCheckRow, now: DateTime<Utc>) -> EmailCheckView {
    let expires_at = crate::clock::utc(r.expires_at);
    let status = match r.status.as_str() {
        "confirmed" => EmailCheckStatus::Confirmed,
        "sent" if expires_at > now => EmailCheckStatus::Sent,
        _ => EmailCheckStatus::Superseded,
    };
    EmailCheckView {
        id: EmailCheckId::from_db(r.id),
        domain: r.domain,
        status,
        expires_at,
        created_at: crate::clock::utc(r.created_at),
        confirmed_at: r.confirmed_at.map(crate::clock::utc),
    }
}

/// Is `domain` the issuer's domain or one of its subdomains?
pub fn within(domain: &str, issuer_domain: &str) -> bool {
    let (d, i) = (
        domain.to_ascii_lowercase(),
        issuer_domain.to_ascii_lowercase(),
    );
    d == i || d.ends_with(&format!(".{i}"))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailCheckRequest {
    /// An address at the credential's `issuer_domain` (or a subdomain of it).
    #[schema(example = "a.weber@charite.de")]
    pub email: String,
}

impl Validate for EmailCheckRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new()
            .check(
                crate::auth::is_plausible_email(&self.email),
                "email",
                "must be an e-mail address",
            )
            .finish()
    }
}

/// Verify a credential through the issuer's e-mail domain
///
/// The expert names an address at the credential's `issuer_domain`; Cadre e-mails it a
/// single-use link. Confirming it attaches `email_domain_verified` evidence. The credential
/// must be pending. Earlier unconfirmed requests stop working; at most 5 per day.
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    request_body = EmailCheckRequest,
    responses(
        (status = 202, description = "Sent", body = EmailCheckView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 429, response = crate::http::TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/credentials/{credential}/email-verification")]
async fn start_email_check(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<EmailCheckRequest>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let user = principal.user()?.clone();
    let email = body.into_inner().email.trim().to_owned();
    let now = state.now();
    let ttl = state.settings.experts.email_check_ttl_hours;
    let public_url = state.settings.http.public_url.clone();
    let v = state
        .db
        .write(move |conn| {
            let (c, expert) = visible(conn, &principal, &id)?;
            if expert.user_id != user.user_id.as_str() {
                return Err(ApiError::forbidden(
                    "only the credential's expert asks for its e-mail verification",
                ));
            }
            if c.status != "pending" {
                return Err(ApiError::conflict(format!(
                    "the credential is {}; e-mail verification adds evidence while it is pending",
                    c.status
                )));
            }
            if !store::lock_pending(conn, &c.id, now)? {
                return Err(ApiError::conflict(
                    "the credential was decided meanwhile; it no longer takes evidence",
                ));
            }
            let Some(issuer_domain) = c.issuer_domain.clone() else {
                return Err(ApiError::conflict(
                    "the credential names no issuer_domain; add it again with the issuer's e-mail domain",
                ));
            };
            let domain = email
                .rsplit_once('@')
                .map(|(_, d)| d.to_ascii_lowercase())
                .unwrap_or_default();
            if !within(&domain, &issuer_domain) {
                return Err(ApiError::invalid_field(
                    "email",
                    format!("must be an address at {issuer_domain} (the credential's issuer_domain)"),
                ));
            }
            if is_free_mail(&issuer_domain) {
                return Err(ApiError::conflict(format!(
                    "{issuer_domain} is a public mailbox provider; an address there proves nothing about the issuer"
                )));
            }
            let day_ago = now - Duration::hours(24);
            if store::email_checks_since(conn, &c.id, day_ago)? >= MAX_PER_DAY {
                return Err(ApiError::too_many_requests(
                    "at most 5 verification e-mails per credential per day",
                    3600,
                ));
            }
            if store::expert_email_checks_since(conn, &expert.id, day_ago)? >= MAX_PER_EXPERT_PER_DAY {
                return Err(ApiError::too_many_requests(
                    "at most 10 verification e-mails per expert per day",
                    3600,
                ));
            }
            let token = tokens::random_secret();
            let expires_at = now + Duration::hours(ttl);
            let check = store::insert_email_check(
                conn,
                now,
                &store::NewEmailCheck {
                    credential: &c.id,
                    expert: &expert.id,
                    email: &email,
                    domain: &domain,
                    token_hash: &tokens::hash_secret(&token),
                    expires_at,
                },
            )?;
            let link = public_link(
                &public_url,
                &format!("/credentials/{}/confirm-email?token={token}", c.id),
            );
                        mail::enqueue(
                conn,
                now,
                &templates::credential_email_check(&email, &c.label(), &link, &token, ttl),
            )?;
            audit::record(
                conn,
                now,
                &Actor::user(&user.user_id, user.request_id.clone()),
                Entry {
                    action: "credential.email_check_sent",
                    org_id: c.vendor_id.as_deref(),
                    subject_type: "credential",
                    subject_id: Some(&c.id),
                    details: json!({ "check": check.as_str() }),
                },
            )?;
            store::email_checks_of(conn, &c.id)?
                .into_iter()
                .find(|r| r.id == check.as_str())
                .map(|r| check_view(r, now))
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("e-mail check vanished")))
        })
        .await?;
    Ok(HttpResponse::Accepted().json(v))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmEmailCheckRequest {
    /// The token from the e-mail.
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
}

impl Validate for ConfirmEmailCheckRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.token, "token", 1, 200).finish()
    }
}

/// Confirm an institutional e-mail address
///
/// Opened from the link in the e-mail; the token is the proof, so no login is needed.
/// Single use: a replayed, superseded or expired token is refused.
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    request_body = ConfirmEmailCheckRequest,
    responses(
        (status = 200, description = "Confirmed: the credential has `email_domain_verified` evidence", body = EmailCheckView),
        (status = 400, response = crate::http::BadRequest),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
    )
)]
#[post("/credentials/{credential}/email-verification/confirm")]
async fn confirm_email_check(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    body: Json<ConfirmEmailCheckRequest>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let row = super::email_confirm::confirm(&state, id, &body.into_inner().token, request_id(&req))
        .await?;
    let v = check_view(row, state.now());
    Ok(HttpResponse::Ok().json(v))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(start_email_check).service(confirm_email_check);
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn addresses_must_be_at_the_issuer_domain_or_below() {
        assert!(within("charite.de", "charite.de"));
        assert!(within("Med.Charite.de", "charite.de"));
        assert!(!within("evilcharite.de", "charite.de"));
        assert!(!within("charite.de.evil.com", "charite.de"));
        assert!(!within("gmail.com", "charite.de"));
    }

    #[test]
    fn public_mailbox_providers_are_recognised_with_their_subdomains() {
        assert!(super::is_free_mail("gmail.com"));
        assert!(super::is_free_mail("Mail.Yahoo.com"));
        assert!(!super::is_free_mail("charite.de"));
        assert!(!super::is_free_mail("notgmail.com"));
    }
}
