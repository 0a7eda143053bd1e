//! One error type for the whole API, rendered in one place as
//! `application/problem+json` (RFC 9457).
//!
//! Handlers return `Result<_, ApiError>`; helpers (`ApiError::not_found`, …) build the
//! common cases. Internal errors keep their cause chain for the log and reach the
//! client only as a generic 500: no SQL, paths or stack traces ever leave the process.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

pub use crate::error::FieldError;

/// The problem document (RFC 9457) every error response carries.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:cadre:problem:validation`).
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Field-level errors (validation problems only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    kind: &'static str,
    title: &'static str,
    detail: String,
    errors: Vec<FieldError>,
    headers: Vec<(header::HeaderName, String)>,
    source: Option<anyhow::Error>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.kind, self.detail)?;
        if let Some(source) = &self.source {
            write!(f, ": {source:#}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    fn new(
        status: StatusCode,
        kind: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            status,
            kind,
            title,
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
            source: None,
        }
    }

    /// 400: the request cannot be read at all (malformed JSON, bad parameter).
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "Bad request",
            detail,
        )
    }

    /// 400 naming one parameter (`cursor`, `limit`, a path id).
    pub fn bad_parameter(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        let message = message.into();
        Self::bad_request(format!("invalid parameter `{field}`: {message}"))
            .with_errors(vec![FieldError::new(field, message)])
    }

    /// 422: the body was well-formed JSON but a field is missing, of the wrong type or invalid.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("`{}` {}", one.field, one.message),
            many => format!("{} fields are invalid", many.len()),
        };
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "Invalid request body",
            detail,
        )
        .with_errors(errors)
    }

    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(field, message)])
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            detail,
        )
        .with_header(header::WWW_AUTHENTICATE, "Bearer")
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "Not found", detail)
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", "Conflict", detail)
    }

    pub fn gone(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::GONE, "gone", "Gone", detail)
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "Payload too large",
            format!("the request body exceeds the limit of {limit} bytes"),
        )
    }

    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            detail,
        )
    }

    pub fn method_not_allowed(allow: &[&str]) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "Method not allowed",
            format!("this resource supports {}", allow.join(", ")),
        )
        .with_header(header::ALLOW, allow.join(", "))
    }

    pub fn too_many_requests(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too-many-requests",
            "Too many requests",
            detail,
        )
        .with_header(header::RETRY_AFTER, retry_after_secs.max(1).to_string())
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Service unavailable",
            detail,
        )
    }

    /// 500. The cause is logged, never sent.
    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        let mut e = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal server error",
            "an unexpected error occurred; it has been logged",
        );
        e.source = Some(source.into());
        e
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn with_header(mut self, name: header::HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("urn:cadre:problem:{}", self.kind),
            title: self.title.to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            errors: self.errors.clone(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            match &self.source {
                Some(source) => tracing::error!(error = ?source, "request failed: {}", self.detail),
                None => tracing::error!("request failed: {}", self.detail),
            }
        }
        let mut response = HttpResponse::build(self.status);
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        for (name, value) in &self.headers {
            response.insert_header((name.clone(), value.as_str()));
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

/// A database error means what it means to the domain (not found, a unique or reference
/// conflict, or internal): one mapping, in [`crate::error::AppError`].
impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        ApiError::from(crate::error::AppError::from(e))
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<crate::db::CorruptData> for ApiError {
    fn from(e: crate::db::CorruptData) -> Self {
        ApiError::internal(e)
    }
}

impl From<crate::db::DbUnavailable> for ApiError {
    fn from(e: crate::db::DbUnavailable) -> Self {
        ApiError::internal(e)
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(e: r2d2::Error) -> Self {
        ApiError::internal(anyhow::Error::new(e).context("no database connection available"))
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ApiError::internal(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The one place a domain error becomes an HTTP answer.
impl From<crate::error::AppError> for ApiError {
    fn from(e: crate::error::AppError) -> Self {
        use crate::error::Kind;
        let (kind, detail, errors, source) = e.into_parts();
        let mut api = match kind {
            Kind::BadParameter => ApiError::bad_request(detail),
            Kind::Invalid => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "Invalid request body",
                detail,
            ),
            Kind::Unauthenticated => ApiError::unauthorized(detail),
            Kind::Forbidden => ApiError::forbidden(detail),
            Kind::NotFound => ApiError::not_found(detail),
            Kind::Conflict => ApiError::conflict(detail),
            Kind::Gone => ApiError::gone(detail),
            Kind::TooLarge => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                detail,
            ),
            Kind::RateLimited { retry_after_secs } => {
                ApiError::too_many_requests(detail, retry_after_secs)
            }
            Kind::Unavailable => ApiError::unavailable(detail),
            Kind::Internal => {
                let mut api = ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal server error",
                    detail,
                );
                api.source = source;
                api
            }
        };
        api.errors = errors;
        api
    }
}

/// An internal error caused by a deadlock or serialization failure may succeed if its
/// transaction runs again ([`crate::db::Db::write`] does that).
impl crate::db::Transient for ApiError {
    fn is_transient(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(crate::db::Transient::is_transient)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let e = ApiError::internal(anyhow::anyhow!("SELECT secret FROM users failed"));
        let body = serde_json::to_string(&e.problem()).unwrap();
        assert!(!body.contains("SELECT"), "{body}");
        assert_eq!(e.problem().status, 500);
    }

    #[test]
    fn every_domain_error_kind_maps_to_its_status() {
        use crate::error::AppError;
        let cases = [
            (AppError::bad_parameter("cursor", "bad"), 400),
            (AppError::invalid_field("name", "empty"), 422),
            (AppError::unauthorized("who"), 401),
            (AppError::forbidden("rule"), 403),
            (AppError::not_found("x"), 404),
            (AppError::conflict("x"), 409),
            (AppError::gone("x"), 410),
            (AppError::too_large("x"), 413),
            (AppError::too_many_requests("x", 30), 429),
            (AppError::unavailable("x"), 503),
            (AppError::internal(anyhow::anyhow!("SELECT 1")), 500),
        ];
        for (domain, status) in cases {
            let api = ApiError::from(domain);
            assert_eq!(api.status().as_u16(), status);
            assert!(!api.problem().detail.contains("SELECT"));
        }
        let api = ApiError::from(AppError::too_many_requests("x", 30));
        assert!(
            api.headers
                .iter()
                .any(|(n, v)| n == header::RETRY_AFTER && v == "30")
        );
        let api = ApiError::from(AppError::invalid_field("name", "empty"));
        assert_eq!(api.field_errors()[0].field, "name");
    }

    #[test]
    fn validation_detail_names_a_single_field() {
        let e = ApiError::invalid_field("organization.name", "must not be empty");
        assert_eq!(e.problem().detail, "`organization.name` must not be empty");
        assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
