//! `/v1/slices/{slice}/vendor-comparison` (JSON) and its chart
//! (`/v1/slices/{slice}/charts/vendor-comparison.svg`): vendors compared on the same gold
//! items of a slice. Platform admins compare any vendors on all gold (routed and
//! calibration); a lab compares the vendors working on its projects, on the routed gold of
//! its own projects, per vendor only (never an expert). Vendor admins cannot: a vendor
//! never sees another vendor's roster.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::comparison::{self, Comparison, GoldAnswer};
use super::dashboard_routes::DashboardParams;
use super::queries;
use crate::auth::{OrgKind, Principal};
use crate::db::DbConn;
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{OrgId, SliceId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(comparison_json).service(comparison_chart);
}

/// Most vendors one comparison names.
pub const MAX_VENDORS: usize = 8;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ComparisonParams {
    /// Vendor ids, comma-separated (2–8). Default: every vendor with gold answers in scope.
    pub vendors: Option<String>,
    /// Compare on this lab's projects only (required for lab members).
    #[param(value_type = Option<crate::ids::OrgId>)]
    pub lab: Option<String>,
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VendorComparison {
    pub slice_id: SliceId,
    pub slice_key: String,
    /// Set when the comparison is over one lab's projects.
    pub lab_id: Option<OrgId>,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    #[serde(flatten)]
    pub comparison: Comparison,
}

/// Who may compare and over what: (lab scope, allowed vendors or None for any).
fn scope(
    conn: &mut DbConn,
    principal: &Principal,
    lab: Option<&OrgId>,
    slice: &str,
) -> ApiResult<Option<BTreeSet<String>>> {
    let platform = matches!(principal, Principal::User(u) if u.is_platform_admin);
    if platform {
        return Ok(None);
    }
    let Some(lab) = lab else {
        return Err(ApiError::forbidden(
            "comparing vendors is for platform admins, and for labs over their own projects (give `lab`)",
        ));
    };
    let member = match principal {
        Principal::User(u) => u
            .membership(lab)
            .is_some_and(|m| m.org_kind == OrgKind::Lab),
        Principal::ApiKey(k) => {
            &k.org_id == lab && k.scopes.contains(&crate::auth::Scope::ProjectsRead)
        }
    };
    if !member {
        return Err(ApiError::not_found(format!("lab {lab} not found")));
    }
    // The vendors whose experts did any work on the lab's projects in the slice.
    let vendors = queries::vendors_working_for(conn, lab.as_str(), slice)?;
    Ok(Some(vendors.into_iter().collect()))
}

async fn compare_of(
    state: &AppState,
    principal: Principal,
    slice: SliceId,
    q: ComparisonParams,
) -> ApiResult<VendorComparison> {
    let now = state.now();
    let period = DashboardParams {
        slice: None,
        from: q.from,
        to: q.to,
    }
    .resolve(now)?;
    let lab: Option<OrgId> = q.lab.as_deref().map(|l| path_id("lab", l)).transpose()?;
    let named: Option<Vec<OrgId>> = match q.vendors.as_deref() {
        None => None,
        Some(list) => {
            let ids: Vec<OrgId> = list
                .split(',')
                .map(|v| path_id("vendors", v.trim()))
                .collect::<ApiResult<_>>()?;
            let distinct: BTreeSet<&OrgId> = ids.iter().collect();
            if !(2..=MAX_VENDORS).contains(&ids.len()) || distinct.len() != ids.len() {
                return Err(ApiError::bad_parameter(
                    "vendors",
                    "name 2 to 8 different vendors",
                ));
            }
            Some(ids)
        }
    };
    let (Some(&start), Some(&last)) = (period.weeks.first(), period.weeks.last()) else {
        return Err(ApiError::bad_parameter("from", "the period is empty"));
    };
    let end = last + Duration::days(7);
    state
        .db
        .read(move |conn| -> ApiResult<_> {
            let s = crate::taxonomy::service::visible_slice(conn, &principal, &slice)?;
            let allowed = scope(conn, &principal, lab.as_ref(), &s.id)?;
            if let Some(l) = &lab {
                let is_lab = crate::orgs::find_org(conn, l.as_str())?
                    .is_some_and(|o| o.kind == OrgKind::Lab.as_str());
                if !is_lab {
                    return Err(ApiError::bad_parameter("lab", "is not a lab"));
                }
            }
            let pairwise = s.label_kind == "pairwise";
            // Each answer belongs to the roster its expert was on when they gave it.
            let lab_id = lab.as_ref().map(OrgId::as_str);
            let rows = queries::vendor_gold(conn, &s.id, lab_id, start, end)?;
            let corrected: BTreeMap<String, bool> =
                crate::scoring::corrections(conn, None, Some(&s.id))?
                    .into_iter()
                    .filter_map(|o| Some((o.assignment_id?, o.correct?)))
                    .collect();
            let project_ids: BTreeSet<String> =
                rows.iter().filter_map(|r| r.project_id.clone()).collect();
            let rates = queries::bill_rates(conn, project_ids)?;
            let answers: Vec<GoldAnswer> = rows
                .iter()
                .filter_map(|r| {
                    let o = &r.outcome;
                    let f = o.fact(pairwise);
                    let correct = o
                        .assignment_id
                        .as_ref()
                        .and_then(|a| corrected.get(a).copied())
                        .or(o.correct)?;
                    let billed = r.project_id.as_ref().and_then(|p| rates.get(p));
                    Some(GoldAnswer {
                        vendor: r.vendor.clone(),
                        expert: o.expert_id.clone()?,
                        gold_item: o.gold_item_id.clone()?,
                        class: f.class.unwrap_or_default(),
                        correct,
                        billed: billed.map(|(rate, currency)| {
                            let hours = r.active_seconds as f64 / 3600.0;
                            (currency.clone(), hours * *rate as f64)
                        }),
                    })
                })
                .collect();
            let vendors: Vec<String> = match &named {
                Some(ids) => {
                    for v in ids {
                        let is_vendor = crate::orgs::find_org(conn, v.as_str())?
                            .is_some_and(|o| o.kind == OrgKind::Vendor.as_str());
                        let permitted = allowed.as_ref().is_none_or(|a| a.contains(v.as_str()));
                        if !is_vendor || !permitted {
                            return Err(ApiError::bad_parameter(
                                "vendors",
                                format!("{v} is not a vendor working in this scope"),
                            ));
                        }
                    }
                    ids.iter().map(|v| v.as_str().to_owned()).collect()
                }
                None => {
                    let found: Vec<String> = answers
                        .iter()
                        .map(|a| a.vendor.clone())
                        .filter(|v| allowed.as_ref().is_none_or(|a| a.contains(v)))
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    if found.len() > MAX_VENDORS {
                        return Err(ApiError::bad_parameter(
                            "vendors",
                            format!(
                                "{} vendors answered gold here; name at most {MAX_VENDORS} to compare",
                                found.len()
                            ),
                        ));
                    }
                    found
                }
            };
            let answers: Vec<GoldAnswer> = answers
                .into_iter()
                .filter(|a| vendors.contains(&a.vendor))
                .collect();
            let names = queries::org_names(conn, &vendors)?;
            let mut comparison = comparison::compare(&answers, &vendors);
            for r in &mut comparison.vendors {
                r.name = names.get(&r.vendor_id).cloned().unwrap_or_default();
            }
            Ok(VendorComparison {
                slice_id: SliceId::from_db(s.id.clone()),
                slice_key: s.key.clone(),
                lab_id: lab,
                from: start,
                until: end,
                comparison,
            })
        })
        .await
}

/// Compare vendors on shared gold
///
/// Per vendor, on the gold items of the slice that every compared vendor answered in the
/// period (only those count; `common_items` and `excluded_items` say how many): accuracy
/// with a Wilson 95 % interval, answers and experts counted, cost per correct label (the
/// bill for the measured time of routed gold), and the cross-vendor agreement of their
/// labels. Vendors are the experts' current rosters. Platform admins: any vendors, all
/// gold. Lab members (or the lab's API keys with `projects:read`): `lab` required, the
/// vendors working on the lab's projects, the lab's routed gold only; never an expert.
#[utoipa::path(
    tag = "rosters",
    params(("slice" = SliceId, Path, description = "Slice id"), ComparisonParams),
    responses(
        (status = 200, description = "The comparison", body = VendorComparison),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/slices/{slice}/vendor-comparison")]
async fn comparison_json(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<ComparisonParams>,
) -> ApiResult<HttpResponse> {
    let slice: SliceId = path_id("slice", &path)?;
    let c = compare_of(&state, principal, slice, q.0).await?;
    Ok(HttpResponse::Ok().json(c))
}

/// Vendor comparison chart (SVG)
///
/// The comparison's accuracy per vendor with its Wilson 95 % interval, on the common gold
/// items only (the legend gives each vendor's numbers). Same access and parameters as the
/// JSON.
#[utoipa::path(
    tag = "rosters",
    params(("slice" = SliceId, Path, description = "Slice id"), ComparisonParams),
    responses(
        (status = 200, description = "An SVG document", content_type = "image/svg+xml", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/slices/{slice}/charts/vendor-comparison.svg")]
async fn comparison_chart(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<ComparisonParams>,
) -> ApiResult<HttpResponse> {
    let slice: SliceId = path_id("slice", &path)?;
    let c = compare_of(&state, principal, slice, q.0).await?;
    let items: Vec<super::charts::Interval> = c
        .comparison
        .vendors
        .iter()
        .map(|r| super::charts::Interval {
            name: format!("{} (n={})", r.name, r.answers),
            value: r.accuracy,
            low: r.ci_low,
            high: r.ci_high,
        })
        .collect();
    let title = format!(
        "Accuracy on {} shared gold items — {}",
        c.comparison.common_items, c.slice_key
    );
    let svg = super::charts::interval_chart(&title, "accuracy (95 % Wilson interval)", &items)
        .map_err(|e| ApiError::internal(anyhow::anyhow!("chart: {e}")))?;
    Ok(super::chart_routes::svg_response(svg))
}
