//! `/v1/vendors/{vendor}/charts/…`: the roster dashboards as SVG charts, with the same
//! authorisation and parameters as the JSON (`dashboard_routes`).

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::charts::{self, LineChart, Series, Threshold};
use super::dashboard_routes::{self, DashboardParams};
use crate::auth::Principal;
use crate::config::Settings;
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::OrgId;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(accuracy_chart).service(alpha_chart);
}

pub fn svg_response(svg: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(svg)
}

pub fn week_labels(weeks: &[DateTime<Utc>]) -> Vec<String> {
    weeks
        .iter()
        .map(|w| w.format("%b %d").to_string())
        .collect()
}

/// The 0.80 / 0.75 lines (`scoring.reliability_healthy` and `reliability_corrective`).
pub fn thresholds(settings: &Settings) -> Vec<Threshold> {
    let sc = &settings.scoring;
    vec![
        Threshold {
            value: sc.reliability_healthy,
            label: format!("{:.2} healthy", sc.reliability_healthy),
        },
        Threshold {
            value: sc.reliability_corrective,
            label: format!("{:.2} corrective", sc.reliability_corrective),
        },
    ]
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum TrendMetric {
    /// Gold accuracy in routed work.
    GoldAccuracy,
    /// Calibration answers against the reference.
    Calibration,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AccuracyChartParams {
    /// The slice (required).
    #[param(value_type = crate::ids::SliceId)]
    pub slice: Option<String>,
    /// `gold_accuracy` (default) or `calibration`.
    #[param(inline)]
    pub metric: Option<TrendMetric>,
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<chrono::NaiveDate>,
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<chrono::NaiveDate>,
}

/// Accuracy trend per expert (SVG)
///
/// One line per expert of the roster in the slice (by handle): the lower credible bound of
/// their decayed gold accuracy (or calibration) at the end of each week, as scoring
/// computes it, with the 0.80 and 0.75 thresholds drawn. The vendor's admins and platform
/// admins.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), AccuracyChartParams),
    responses(
        (status = 200, description = "An SVG document", content_type = "image/svg+xml", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/charts/accuracy.svg")]
async fn accuracy_chart(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<AccuracyChartParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let q = q.0;
    if q.slice.is_none() {
        return Err(ApiError::bad_parameter(
            "slice",
            "is required for this chart",
        ));
    }
    let metric = q.metric.unwrap_or(TrendMetric::GoldAccuracy);
    let params = DashboardParams {
        slice: q.slice,
        from: q.from,
        to: q.to,
    };
    let (series, key) =
        dashboard_routes::with_roster(&state, principal, vendor, params, move |conn, _, d| {
            let (period, members, loaded) = (d.period, d.members, d.loaded);
            let key = match (&period.slice, loaded.first()) {
                (_, Some(l)) => l.slice.key.clone(),
                (Some(s), None) => crate::taxonomy::find_slice(conn, s.as_str())?
                    .map(|s| s.key)
                    .unwrap_or_default(),
                (None, None) => String::new(),
            };
            let series: Vec<Series> = dashboard_routes::expert_series(&members, loaded)
                .into_iter()
                .map(|e| Series {
                    name: e.handle,
                    points: e
                        .weeks
                        .iter()
                        .map(|w| match metric {
                            TrendMetric::GoldAccuracy => w.gold_lower_bound,
                            TrendMetric::Calibration => w.calibration_lower_bound,
                        })
                        .collect(),
                })
                .collect();
            Ok(((series, period.weeks), key))
        })
        .await?;
    let (series, weeks) = series;
    let what = match metric {
        TrendMetric::GoldAccuracy => "Gold accuracy",
        TrendMetric::Calibration => "Calibration",
    };
    let title = format!("{what} per expert — {key}");
    let svg = charts::line_chart(&LineChart {
        title: &title,
        y_label: "lower credible bound",
        x_labels: &week_labels(&weeks),
        series: &series,
        thresholds: &thresholds(&state.settings),
        y_range: (0.0, 1.0),
    })
    .map_err(|e| ApiError::internal(anyhow::anyhow!("chart: {e}")))?;
    Ok(svg_response(svg))
}

/// The roster's agreement per slice over time (SVG)
///
/// Per slice (or the one asked for), Krippendorff's alpha among the roster's experts each
/// week: one line on the routed items resolved that week, one (`… (calibration)`) on the
/// calibration items they answered; a line is drawn when it has a point. The 0.80 and 0.75
/// thresholds are drawn. Weeks with fewer than two judgments on any item have no point.
/// The vendor's admins and platform admins.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), DashboardParams),
    responses(
        (status = 200, description = "An SVG document", content_type = "image/svg+xml", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/charts/alpha.svg")]
async fn alpha_chart(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<DashboardParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let (series, weeks) =
        dashboard_routes::with_roster(&state, principal, vendor, q.0, |_, _, d| {
            let (period, loaded) = (d.period, d.loaded);
            // Per slice: alpha on resolved routed items, and on calibration items, each
            // drawn when it has any point in the period.
            let mut series: Vec<Series> = Vec::new();
            for l in loaded {
                let routed: Vec<Option<f64>> = l
                    .numbers
                    .weeks
                    .iter()
                    .map(|(_, n)| n.agreement.krippendorff_alpha)
                    .collect();
                let calibration: Vec<Option<f64>> = l
                    .numbers
                    .weeks
                    .iter()
                    .map(|(_, n)| n.calibration_agreement.krippendorff_alpha)
                    .collect();
                for (name, points) in [
                    (l.slice.key.clone(), routed),
                    (format!("{} (calibration)", l.slice.key), calibration),
                ] {
                    if points.iter().any(Option::is_some) {
                        series.push(Series { name, points });
                    }
                }
            }
            Ok((series, period.weeks))
        })
        .await?;
    let svg = charts::line_chart(&LineChart {
        title: "Agreement within the roster (Krippendorff's alpha)",
        y_label: "alpha",
        x_labels: &week_labels(&weeks),
        series: &series,
        thresholds: &thresholds(&state.settings),
        y_range: (0.0, 1.0),
    })
    .map_err(|e| ApiError::internal(anyhow::anyhow!("chart: {e}")))?;
    Ok(svg_response(svg))
}
