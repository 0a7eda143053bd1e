//! `/healthz` (the process is up), `/readyz` (the database answers) and `/metrics`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use secrecy::ExposeSecret;
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::metrics::Metrics;
use super::{ApiError, ApiResult};
use crate::db::Backend;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ready")]
    pub status: String,
    /// `sqlite` or `postgres`.
    pub database: String,
}

/// Liveness
#[utoipa::path(tag = "ops", responses((status = 200, description = "The process is running", body = Health)))]
#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
    })
}

/// Readiness
///
/// 200 when the database answers a query, else 503.
#[utoipa::path(
    tag = "ops",
    responses(
        (status = 200, description = "Ready to serve", body = Readiness),
        (status = 503, description = "The database is unreachable", body = crate::http::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let backend = state.db.backend();
    if !state.db.ping(std::time::Duration::from_secs(2)).await {
        return Err(ApiError::unavailable("the database is not reachable"));
    }
    Ok(HttpResponse::Ok().json(Readiness {
        status: "ready".into(),
        database: match backend {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        }
        .into(),
    }))
}

/// Prometheus metrics
///
/// Request counts and latency histograms by method, route pattern and status, in the
/// Prometheus text exposition format. Served only when `http.metrics_token` is
/// configured, to a scraper presenting it as `Authorization: Bearer <token>`.
#[utoipa::path(
    tag = "ops",
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, description = "No `http.metrics_token` is configured", body = crate::http::Problem, content_type = "application/problem+json"),
    ),
    security(("metrics_token" = []))
)]
#[get("/metrics")]
async fn metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> ApiResult<HttpResponse> {
    let Some(expected) = &state.settings.http.metrics_token else {
        return Err(ApiError::not_found("no such resource"));
    };
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or("");
    if !same_secret(presented, expected.expose_secret()) {
        return Err(ApiError::unauthorized(
            "/metrics needs the configured metrics token as a bearer token",
        ));
    }
    let body = metrics.render().map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}

/// Compares digests of the two strings in constant time (neither length nor the first
/// differing byte shows in the timing).
fn same_secret(presented: &str, expected: &str) -> bool {
    let a = Sha256::digest(presented.as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}
