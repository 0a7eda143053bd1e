//! `/v1/experts/me/credentials` and `/v1/credentials/{credential}` (evidence, review).

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::service::visible;
use super::sniff;
use super::store::{self, CredentialRow};
use crate::audit::{self, Actor, Entry};
use crate::auth::Principal;
use crate::db::DbConn;
use crate::experts::routes::ReasonRequest;
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Validate, path_id};
use crate::ids::{CredentialId, EvidenceFileId, ExpertId};
use crate::mail::{self, templates};
use crate::state::AppState;
use crate::taxonomy::CredentialKind;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_credential)
        .service(my_credentials)
        .service(get_credential)
        .service(upload_evidence)
        .service(download_evidence)
        .service(review_credential)
        .service(revoke_credential)
        .service(eligibility);
    super::institution::configure(cfg);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CredentialStatus {
    Pending,
    Verified,
    Rejected,
    Expired,
    Revoked,
}

fn status(s: &str) -> CredentialStatus {
    match s {
        "verified" => CredentialStatus::Verified,
        "rejected" => CredentialStatus::Rejected,
        "expired" => CredentialStatus::Expired,
        "revoked" => CredentialStatus::Revoked,
        _ => CredentialStatus::Pending,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// An uploaded file (download it at `/v1/credentials/{credential}/evidence/{id}`).
    File,
    /// A confirmed institutional e-mail check (`id` is the check's id).
    EmailDomainVerified,
}

/// One piece of evidence: an uploaded file, or a confirmed institutional e-mail check.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceView {
    /// `evf_…` for files, `cem_…` for e-mail checks.
    pub id: String,
    pub kind: EvidenceKind,
    /// Files: the sanitised upload name.
    pub filename: Option<String>,
    /// Files: detected from the content.
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// Files: hex SHA-256 of the content.
    pub sha256: Option<String>,
    /// E-mail checks: the confirmed institutional domain.
    pub email_domain: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<store::EvidenceMeta> for EvidenceView {
    fn from(m: store::EvidenceMeta) -> Self {
        Self {
            id: m.id,
            kind: EvidenceKind::File,
            filename: Some(m.filename),
            content_type: Some(m.content_type),
            size_bytes: Some(m.size_bytes),
            sha256: Some(m.sha256),
            email_domain: None,
            created_at: crate::clock::utc(m.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialView {
    pub id: CredentialId,
    pub expert_id: ExpertId,
    pub kind: CredentialKind,
    pub issuer: String,
    /// The issuer's e-mail domain, for institutional e-mail verification.
    pub issuer_domain: Option<String>,
    pub identifier: Option<String>,
    pub field: String,
    pub jurisdiction: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// It counts for eligibility through the day before this date.
    pub expires_on: Option<NaiveDate>,
    pub status: CredentialStatus,
    /// The reviewer's reason for the decision or revocation (shown to the expert).
    pub review_reason: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Files and confirmed institutional e-mail checks.
    pub evidence: Vec<EvidenceView>,
    /// Every institutional e-mail check asked for, confirmed or not.
    pub email_checks: Vec<super::institution::EmailCheckView>,
    pub created_at: DateTime<Utc>,
}

fn view(conn: &mut DbConn, c: CredentialRow, now: DateTime<Utc>) -> ApiResult<CredentialView> {
    let mut evidence: Vec<EvidenceView> = store::evidence_of(conn, &c.id)?
        .into_iter()
        .map(EvidenceView::from)
        .collect();
    let checks = store::email_checks_of(conn, &c.id)?;
    for r in checks.iter().filter(|r| r.status == "confirmed") {
        evidence.push(EvidenceView {
            id: r.id.clone(),
            kind: EvidenceKind::EmailDomainVerified,
            filename: None,
            content_type: None,
            size_bytes: None,
            sha256: None,
            email_domain: Some(r.domain.clone()),
            created_at: crate::clock::utc(r.confirmed_at.unwrap_or(r.created_at)),
        });
    }
    let email_checks = checks
        .into_iter()
        .map(|r| super::institution::check_view(r, now))
        .collect();
    Ok(CredentialView {
        id: CredentialId::from_db(c.id),
        expert_id: ExpertId::from_db(c.expert_id),
        kind: CredentialKind::parse(&c.kind).unwrap_or(CredentialKind::Certification),
        issuer: c.issuer,
        issuer_domain: c.issuer_domain,
        identifier: c.identifier,
        field: c.field,
        jurisdiction: c.jurisdiction,
        issued_on: c.issued_on,
        expires_on: c.expires_on,
        status: status(&c.status),
        review_reason: c.review_reason,
        reviewed_at: c.reviewed_at.map(crate::clock::utc),
        evidence,
        email_checks,
        created_at: crate::clock::utc(c.created_at),
    })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCredentialRequest {
    pub kind: CredentialKind,
    #[schema(example = "Ärztekammer Berlin", min_length = 1, max_length = 200)]
    pub issuer: String,
    /// The issuer's e-mail domain (`aekb.de`): institutional e-mail verification sends
    /// its link to an address at this domain or a subdomain.
    #[schema(example = "aekb.de")]
    pub issuer_domain: Option<String>,
    /// E.g. a licence number.
    #[schema(min_length = 1, max_length = 100)]
    pub identifier: Option<String>,
    /// The field it supports, matched against domain requirements (`medicine`).
    #[schema(example = "medicine")]
    pub field: String,
    #[schema(min_length = 1, max_length = 100)]
    pub jurisdiction: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

impl Validate for CreateCredentialRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.issuer, "issuer", 1, 200);
        if let Some(i) = &self.identifier {
            c.text(i, "identifier", 1, 100);
        }
        if let Some(j) = &self.jurisdiction {
            c.text(j, "jurisdiction", 1, 100);
        }
        if let Some(d) = &self.issuer_domain {
            c.check(
                is_domain_name(d),
                "issuer_domain",
                "must be a domain name like `aekb.de`",
            );
            c.check(
                !super::institution::is_free_mail(d),
                "issuer_domain",
                "must be the issuer's own domain, not a public mailbox provider",
            );
        }
        c.check(
            crate::taxonomy::names::is_domain_slug(&self.field) && !self.field.contains('/'),
            "field",
            "must be a lowercase field name like `medicine`",
        );
        if let (Some(i), Some(e)) = (self.issued_on, self.expires_on) {
            c.check(e > i, "expires_on", "must be after issued_on");
        }
        c.finish()
    }
}

/// Add a credential
///
/// The expert's own; it starts `pending` until a reviewer decides, with evidence attached.
#[utoipa::path(
    tag = "credentials",
    request_body = CreateCredentialRequest,
    responses(
        (status = 201, description = "Created", body = CredentialView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/credentials")]
async fn create_credential(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateCredentialRequest>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    let now = state.now();
    let quota = state.settings.experts.max_credentials_per_expert;
    let v = state
        .db
        .write(move |conn| {
            let expert = crate::experts::service::own(conn, &user)?;
            // Serialises one expert's concurrent adds so the quota holds on PostgreSQL too.
            crate::experts::lock_expert(conn, &expert.id)?;
            if store::count_of_expert(conn, &expert.id)? >= quota {
                return Err(ApiError::conflict(format!(
                    "an expert holds at most {quota} credentials (experts.max_credentials_per_expert); delete an outdated one first"
                )));
            }
            let id = store::insert(
                conn,
                now,
                &store::NewCredential {
                    expert: &expert.id,
                    vendor: expert.vendor_id.as_deref(),
                    kind: b.kind.as_str(),
                    issuer: &b.issuer,
                    issuer_domain: b.issuer_domain.as_deref(),
                    identifier: b.identifier.as_deref(),
                    field: &b.field,
                    jurisdiction: b.jurisdiction.as_deref(),
                    issued_on: b.issued_on,
                    expires_on: b.expires_on,
                },
            )?;
            audit::record(
                conn,
                now,
                &Actor::user(&user.user_id, user.request_id.clone()),
                Entry {
                    action: "credential.added",
                    org_id: expert.vendor_id.as_deref(),
                    subject_type: "credential",
                    subject_id: Some(id.as_str()),
                    details: json!({ "kind": b.kind.as_str(), "field": b.field }),
                },
            )?;
            let row = store::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("credential vanished")))?;
            view(conn, row, now)
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialList {
    pub data: Vec<CredentialView>,
}

/// Your credentials
#[utoipa::path(
    tag = "credentials",
    responses(
        (status = 200, description = "Your credentials with their evidence", body = CredentialList),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/me/credentials")]
async fn my_credentials(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let now = state.now();
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let expert = crate::experts::service::own(conn, &user)?;
            let mut out = Vec::new();
            for c in store::list_for_expert(conn, &expert.id)? {
                out.push(view(conn, c, now)?);
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CredentialList { data }))
}

/// Get a credential
///
/// The expert, their vendor's admins and platform admins; 404 for everyone else.
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    responses(
        (status = 200, description = "The credential", body = CredentialView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/credentials/{credential}")]
async fn get_credential(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let now = state.now();
    let v = state
        .db
        .read(move |conn| {
            let (c, _) = visible(conn, &principal, &id)?;
            view(conn, c, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// A multipart upload with one part named `file`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct EvidenceUpload {
    /// PDF, PNG or JPEG (detected from the content; the declared type is ignored).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Most parts a multipart upload may have (one `file`, a few form fields a browser adds).
const MAX_PARTS: usize = 4;

/// Reads the single `file` part of a multipart body, refusing more than `limit` bytes in
/// all and more than [`MAX_PARTS`] parts.
async fn read_file_part(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> ApiResult<(String, Vec<u8>)> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(ApiError::unsupported_media_type(
            "upload the file as multipart/form-data with a part named `file`",
        ));
    }
    // Refuse an oversized body before reading it (multipart framing adds a little).
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit + 64 * 1024) {
        return Err(ApiError::payload_too_large(limit));
    }
    let mut multipart = actix_multipart::Multipart::new(req.headers(), payload);
    let mut found: Option<(String, Vec<u8>)> = None;
    let mut parts = 0;
    let mut total = 0usize;
    while let Some(field) = multipart.next().await {
        let mut field =
            field.map_err(|e| ApiError::bad_request(format!("malformed multipart body: {e}")))?;
        parts += 1;
        if parts > MAX_PARTS {
            return Err(ApiError::invalid_field(
                "file",
                format!("send one part named `file` (a body has at most {MAX_PARTS} parts)"),
            ));
        }
        let name = field
            .content_disposition()
            .and_then(|cd| cd.get_name())
            .unwrap_or("")
            .to_owned();
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .unwrap_or("evidence")
            .to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk
                .map_err(|e| ApiError::bad_request(format!("malformed multipart body: {e}")))?;
            total += chunk.len();
            if bytes.len() + chunk.len() > limit || total > limit + 64 * 1024 {
                return Err(ApiError::payload_too_large(limit));
            }
            // Parts other than `file` are read through (bounded above) but not kept.
            if name == "file" {
                bytes.extend_from_slice(&chunk);
            }
        }
        if name == "file" {
            if found.is_some() {
                return Err(ApiError::invalid_field(
                    "file",
                    "send exactly one file per upload",
                ));
            }
            found = Some((filename, bytes));
        }
    }
    found.ok_or_else(|| {
        ApiError::invalid_field("file", "is required (a multipart part named `file`)")
    })
}

/// Whether `user` may add `size` more bytes of evidence to credential `c` now: only its
/// expert, while it is pending, below 10 files, and within the expert's byte quota.
fn may_add_evidence(
    conn: &mut DbConn,
    c: &CredentialRow,
    expert: &crate::experts::ExpertRow,
    user: &crate::auth::UserPrincipal,
    quota: i64,
    size: Option<i64>,
) -> ApiResult<()> {
    if expert.user_id != user.user_id.as_str() {
        return Err(ApiError::forbidden(
            "only the credential's expert uploads its evidence",
        ));
    }
    if c.status != "pending" {
        return Err(ApiError::conflict(format!(
            "the credential is {}; evidence is added while it is pending",
            c.status
        )));
    }
    if store::count_evidence(conn, &c.id)? >= 10 {
        return Err(ApiError::conflict(
            "a credential holds at most 10 evidence files",
        ));
    }
    let used = store::evidence_bytes_of_expert(conn, &expert.id)?;
    if used + size.unwrap_or(0).max(0) > quota {
        return Err(ApiError::conflict(format!(
            "an expert stores at most {quota} bytes of evidence (experts.max_evidence_bytes_per_expert); {used} are used"
        )));
    }
    Ok(())
}

/// Upload evidence for a credential
///
/// The expert, while the credential is pending. Multipart with one part named `file`:
/// PDF, PNG or JPEG detected from the content (a renamed executable is refused), at most
/// `experts.max_evidence_bytes` (default 10 MiB). Stored in the database with its SHA-256.
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    request_body(content = EvidenceUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = EvidenceView),
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
#[post("/credentials/{credential}/evidence")]
async fn upload_evidence(
    state: web::Data<AppState>,
    principal: Principal,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let user = principal.user()?.clone();
    let quota = state.settings.experts.max_evidence_bytes_per_expert;
    // Who may upload, and whether anything may be added, is decided before a byte of the
    // body is read: a stranger's or a full upload is refused without receiving it.
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    {
        let (principal, user, id) = (principal.clone(), user.clone(), id.clone());
        state
            .db
            .read(move |conn| {
                let (c, expert) = visible(conn, &principal, &id)?;
                // The declared length includes the multipart framing (allowed 64 KiB, as in
                // `read_file_part`); the exact size is checked again once the file is read.
                let size = declared.map(|n| n - 64 * 1024);
                may_add_evidence(conn, &c, &expert, &user, quota, size)
            })
            .await?;
    }
    let (filename, content) =
        read_file_part(&req, payload, state.settings.experts.max_evidence_bytes).await?;
    let content_type = sniff::detect(&content).ok_or_else(|| {
        ApiError::invalid_field(
            "file",
            "must be a PDF, PNG or JPEG file (detected from its content)",
        )
    })?;
    let sha256 = hex::encode(Sha256::digest(&content));
    let filename = sniff::safe_filename(&filename);
    let now = state.now();
    let meta = state
        .db
        .write(move |conn| {
            let (c, expert) = visible(conn, &principal, &id)?;
            crate::experts::lock_expert(conn, &expert.id)?;
            may_add_evidence(conn, &c, &expert, &user, quota, Some(content.len() as i64))?;
            if !store::lock_pending(conn, &c.id, now)? {
                return Err(ApiError::conflict(format!("the credential is {}; evidence is added while it is pending", c.status)));
            }
            let file = store::insert_evidence(conn, now, &store::NewEvidence {
                credential: &c.id,
                expert: &expert.id,
                filename: &filename,
                content_type,
                sha256: &sha256,
                content: &content,
            })?;
            audit::record(conn, now, &Actor::user(&user.user_id, user.request_id.clone()), Entry {
                action: "credential.evidence_added",
                org_id: c.vendor_id.as_deref(),
                subject_type: "credential",
                subject_id: Some(&c.id),
                details: json!({ "file": file.as_str(), "sha256": sha256, "content_type": content_type, "size_bytes": content.len() }),
            })?;
            store::evidence_of(conn, &c.id)?
                .into_iter()
                .find(|m| m.id == file.as_str())
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("evidence vanished")))
        })
        .await?;
    Ok(HttpResponse::Created().json(EvidenceView::from(meta)))
}

/// Download an evidence file
///
/// The expert and their reviewers. Always an attachment with `X-Content-Type-Options: nosniff`.
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id"), ("file" = inline(EvidenceFileId), Path, description = "Evidence file id")),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/credentials/{credential}/evidence/{file}")]
async fn download_evidence(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path.0)?;
    let file: EvidenceFileId = path_id("file", &path.1)?;
    let (meta, content) = state
        .db
        .read(move |conn| {
            let (c, _) = visible(conn, &principal, &id)?;
            store::evidence_content(conn, &c.id, file.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("evidence file {file} not found")))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(meta.content_type.as_str())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}\"",
                sniff::safe_filename(&meta.filename)
            ),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(content))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CredentialDecision)]
pub enum Decision {
    Verify,
    Reject,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    pub decision: Decision,
    /// Shown to the expert.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for ReviewRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Review a credential
///
/// Platform admins verify (needs evidence) or reject a pending credential, with a
/// reason; the expert is e-mailed. Decisions are final (409). Admins of the expert's
/// approved vendor may reject; they verify only when the platform has marked the vendor a
/// trusted reviewer (403 naming the rule otherwise). Admins of a pending or rejected
/// vendor review nothing (403).
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    request_body = ReviewRequest,
    responses(
        (status = 200, description = "Decided", body = CredentialView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/credentials/{credential}/review")]
async fn review_credential(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let b = body.into_inner();
    let verify = b.decision == Decision::Verify;
    let now = state.now();
    let v = state
        .db
        .write(move |conn| {
            let (c, expert) = visible(conn, &principal, &id)?;
            let vetter =
                crate::experts::service::vetter(&principal, &expert, "review credentials")?;
            if b.decision == Decision::Verify
                && vetter
                    == (crate::experts::service::Vetter::Vendor {
                        trusted_reviewer: false,
                    })
            {
                return Err(ApiError::forbidden(
                    "a vendor admin's credential verification counts only when the platform has marked the vendor a trusted reviewer; a platform administrator verifies this credential (a vendor admin may reject it)",
                ));
            }
            if b.decision == Decision::Verify {
                if store::count_all_evidence(conn, &c.id)? == 0 {
                    return Err(ApiError::conflict(
                        "a credential is verified against evidence; there is none (upload a file or confirm an institutional e-mail)",
                    ));
                }
                if let Some(d) = c.expires_on.filter(|d| *d <= now.date_naive()) {
                    return Err(ApiError::conflict(format!(
                        "the credential expired on {d}; it cannot be verified"
                    )));
                }
            }
            let to = match b.decision {
                Decision::Verify => "verified",
                Decision::Reject => "rejected",
            };
            let settled = settle(
                conn,
                now,
                &principal,
                (&c, &expert),
                ("pending", to),
                &b.reason,
            )?;
            let view = settled.ok_or_else(|| {
                ApiError::conflict(format!("the credential was already {}", c.status))
            })?;
            Ok::<_, ApiError>((view, expert.id.clone()))
        })
        .await?;
    let (v, expert) = v;
    if verify {
        crate::routing::work::offer_waiting_work(&state, expert).await;
    }
    Ok(HttpResponse::Ok().json(v))
}

/// Moves a credential `from` → `to` for a reviewer (a decision or a revocation), audits it
/// and e-mails the expert the reason. None if the credential was no longer `from`.
fn settle(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    principal: &Principal,
    (c, expert): (&CredentialRow, &crate::experts::ExpertRow),
    (from, to): (&str, &str),
    reason: &str,
) -> ApiResult<Option<CredentialView>> {
    let reviewer = principal.user()?.user_id.to_string();
    if !store::decide(conn, &c.id, from, to, reason, &reviewer, now)? {
        return Ok(None);
    }
    audit::record(
        conn,
        now,
        &Actor::of(principal),
        Entry {
            action: if to == "revoked" {
                "credential.revoked"
            } else {
                "credential.reviewed"
            },
            org_id: c.vendor_id.as_deref(),
            subject_type: "credential",
            subject_id: Some(&c.id),
            details: json!({ "decision": to, "reason": reason }),
        },
    )?;
    if let Some((email, name)) = crate::experts::service::contact(conn, &expert.id)? {
        mail::enqueue(
            conn,
            now,
            &templates::credential_reviewed(&email, &name, &c.label(), to, reason),
        )?;
    }
    let row = store::find(conn, &c.id)?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("credential vanished")))?;
    view(conn, row, now).map(Some)
}

/// `example.org`: dot-separated LDH labels, at least two, lowercase or not.
fn is_domain_name(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 253
        && s.split('.').count() >= 2
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Revoke a verified credential
///
/// The expert's vendor admins and platform admins, with a reason (e.g. the licence was
/// withdrawn). From that moment it no longer counts for eligibility; the expert is
/// e-mailed. Only verified credentials can be revoked (409 otherwise).
#[utoipa::path(
    tag = "credentials",
    params(("credential" = CredentialId, Path, description = "Credential id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Revoked", body = CredentialView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/credentials/{credential}/revoke")]
async fn revoke_credential(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<ReasonRequest>,
) -> ApiResult<HttpResponse> {
    let id: CredentialId = path_id("credential", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| {
            let (c, expert) = visible(conn, &principal, &id)?;
            crate::experts::service::vetter(&principal, &expert, "revoke credentials")?;
            let settled = settle(
                conn,
                now,
                &principal,
                (&c, &expert),
                ("verified", "revoked"),
                &b.reason,
            )?;
            settled.ok_or_else(|| {
                ApiError::conflict(format!(
                    "the credential is {}; only verified credentials can be revoked",
                    c.status
                ))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// An expert's eligibility per domain
///
/// Computed now from verified, unexpired credentials against every domain's effective
/// requirements; a credential stops counting on its expiry date or when revoked. The
/// expert, their vendor's admins and platform admins.
#[utoipa::path(
    tag = "credentials",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Eligibility per domain", body = super::eligibility::Eligibility),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/eligibility")]
async fn eligibility(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let now = state.now();
    let v = state
        .db
        .read(move |conn| {
            let e = crate::experts::service::visible_expert(conn, &principal, &id)?;
            super::eligibility::for_expert(conn, &e.id, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
