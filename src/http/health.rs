//! `/healthz` (the process is up), `/readyz` (the database answers) and `/metrics`.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
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
/// Prometheus text exposition format.
#[utoipa::path(
    tag = "ops",
    responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4"))
)]
#[get("/metrics")]
async fn metrics(metrics: web::Data<Metrics>) -> ApiResult<HttpResponse> {
    let body = metrics.render().map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}
