//! The HTTP edge shared by every feature: the error type, extractors, pagination,
//! OpenAPI assembly, metrics, health checks and the fallback for unknown routes.

pub mod error;
pub mod extract;
pub mod fallback;
pub mod health;
pub mod metrics;
pub mod openapi;
pub mod pagination;
pub mod webhook_events;

pub use error::{ApiError, ApiResult, FieldError, Problem};
pub use extract::{Checks, Json, Query, Validate};

use actix_web::{HttpMessage, HttpRequest};
use utoipa::ToResponse;

/// Parses a path id, answering 400 naming the parameter when it is not an id of that kind.
pub fn path_id<T: crate::ids::PublicId>(param: &str, raw: &str) -> ApiResult<T> {
    T::parse_id(raw).map_err(|e| ApiError::bad_parameter(param, e.to_string()))
}

/// The request id tracing-actix-web assigned (also sent back as `X-Request-Id`).
pub fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|id| id.to_string())
}

/// The client's IP: the TCP peer, or — with `http.trust_forwarded_for`, behind one
/// trusted proxy — the last `X-Forwarded-For` hop, which that proxy appended. Earlier
/// hops are whatever the client chose to send and are never trusted.
pub fn client_ip(req: &HttpRequest, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for
        && let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok())
    {
        return first.to_owned();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

// Reusable error responses for the OpenAPI document (all problem+json).

#[derive(ToResponse)]
#[response(
    description = "Malformed request: unreadable JSON or a bad parameter (named in `errors`)",
    content_type = "application/problem+json"
)]
pub struct BadRequest(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Missing, invalid or expired credentials",
    content_type = "application/problem+json"
)]
pub struct Unauthorized(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Authenticated, but not allowed to do this",
    content_type = "application/problem+json"
)]
pub struct Forbidden(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "No such resource visible to the caller",
    content_type = "application/problem+json"
)]
pub struct NotFound(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Conflicts with the current state",
    content_type = "application/problem+json"
)]
pub struct Conflict(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The link or token has expired",
    content_type = "application/problem+json"
)]
pub struct Gone(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Request body over the size limit",
    content_type = "application/problem+json"
)]
pub struct PayloadTooLarge(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The body is not JSON",
    content_type = "application/problem+json"
)]
pub struct UnsupportedMediaType(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Invalid fields (named in `errors`)",
    content_type = "application/problem+json"
)]
pub struct UnprocessableEntity(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Rate limited; see `Retry-After`",
    content_type = "application/problem+json"
)]
pub struct TooManyRequests(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "A service Cadre depends on (the database, Stripe) is unavailable; retry later",
    content_type = "application/problem+json"
)]
pub struct ServiceUnavailable(#[allow(dead_code)] Problem);

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn client_ip_trusts_only_the_hop_the_proxy_added() {
        let req = TestRequest::default()
            .peer_addr("10.0.0.5:4000".parse().unwrap())
            .insert_header(("x-forwarded-for", "6.6.6.6, 203.0.113.9"))
            .to_http_request();
        assert_eq!(client_ip(&req, false), "10.0.0.5");
        assert_eq!(client_ip(&req, true), "203.0.113.9");
        let spoofed = TestRequest::default()
            .peer_addr("10.0.0.5:4000".parse().unwrap())
            .insert_header(("x-forwarded-for", "not-an-ip"))
            .to_http_request();
        assert_eq!(client_ip(&spoofed, true), "10.0.0.5");
    }
}
