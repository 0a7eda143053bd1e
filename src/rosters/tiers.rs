//! The roster's tiers: bulk tier changes with one reason (all or nothing), and tier
//! coverage per slice — how many adjudicators each slice has on the roster and where
//! adjudication is a bottleneck.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::queries;
use super::service::administered_vendor;
use crate::audit::Actor;
use crate::auth::Principal;
use crate::db::DbConn;
use crate::error::AppError;
use crate::http::{ApiResult, Checks, FieldError, Json, Validate, path_id};
use crate::ids::{ExpertId, OrgId, SliceId};
use crate::standings::rules::{SliceStatus, Tier, tier_allowed};
use crate::standings::service::{self as standings, Change};
use crate::standings::views::{self as standing_views, StandingView};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(bulk_tiers).service(coverage);
}

/// Most changes one bulk request may carry.
pub const MAX_CHANGES: usize = 500;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TierChange {
    pub expert_id: ExpertId,
    pub slice_id: SliceId,
    pub tier: Tier,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkTierRequest {
    /// Shown to every expert whose tier changes and kept in each standing's history.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
    /// 1–500 changes, each expert and slice at most once.
    #[schema(min_items = 1, max_items = 500)]
    pub changes: Vec<TierChange>,
}

impl Validate for BulkTierRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.reason, "reason", 1, 2000);
        c.check(
            !self.changes.is_empty() && self.changes.len() <= MAX_CHANGES,
            "changes",
            "must hold 1 to 500 changes",
        );
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (i, ch) in self.changes.iter().enumerate() {
            if let Some(j) = seen.insert((ch.expert_id.as_str(), ch.slice_id.as_str()), i) {
                c.push(
                    format!("changes[{i}]"),
                    format!("repeats the expert and slice of changes[{j}]"),
                );
            }
        }
        c.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkTierResult {
    /// Changes that moved a tier.
    pub changed: usize,
    /// Changes that asked for the tier the expert already had (nothing written).
    pub unchanged: usize,
    /// The standing after the request, one per change, in request order.
    pub data: Vec<StandingView>,
}

/// Change tiers across the roster
///
/// The vendor's admins (and platform admins), with one reason. All or nothing: every
/// change is checked first — the expert must be on this roster (422), the slice must exist
/// (422), `senior` and `adjudicator` need `qualified` in the slice, and `adjudicator`
/// needs a gold-accuracy lower bound of at least `scoring.adjudicator_min_lower_bound`
/// (409). Each problem names its change (`changes[3].tier`). Every expert whose tier moves
/// is e-mailed, and each change is kept in the standing's history.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    request_body = BulkTierRequest,
    responses(
        (status = 200, description = "Every change applied", body = BulkTierResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/vendors/{vendor}/roster/tiers")]
async fn bulk_tiers(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<BulkTierRequest>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let scoring = state.settings.scoring.clone();
    let out = state
        .db
        .write(move |conn| {
            administered_vendor(conn, &principal, &vendor)?;
            principal.approved_vendor_for(&vendor, "set tiers")?;
            // Lock the experts first, in id order (no deadlock between two bulk requests,
            // and a removal or transfer cannot slip in between the check and the change).
            let ids: BTreeSet<&str> = b.changes.iter().map(|c| c.expert_id.as_str()).collect();
            for id in &ids {
                crate::experts::lock_expert(conn, id)?;
            }
            // References: every expert on this roster (read after the lock), every slice
            // visible.
            let mut refs = Vec::new();
            let mut rows = Vec::new();
            for (i, ch) in b.changes.iter().enumerate() {
                let e = crate::experts::find_expert(conn, ch.expert_id.as_str())?
                    .filter(|e| e.vendor_id.as_deref() == Some(vendor.as_str()));
                let s =
                    match crate::taxonomy::service::visible_slice(conn, &principal, &ch.slice_id) {
                        Ok(s) => Some(s),
                        Err(e) if e.is_not_found() => None,
                        Err(e) => return Err(e),
                    };
                if e.is_none() {
                    refs.push(FieldError::new(
                        format!("changes[{i}].expert_id"),
                        "is not on this roster",
                    ));
                }
                if s.is_none() {
                    refs.push(FieldError::new(
                        format!("changes[{i}].slice_id"),
                        "no such slice",
                    ));
                }
                if let (Some(e), Some(s)) = (e, s) {
                    if crate::standings::find_standing(conn, &e.id, &s.id)?.is_none() {
                        refs.push(FieldError::new(
                            format!("changes[{i}].slice_id"),
                            "the expert has no standing in this slice",
                        ));
                        continue;
                    }
                    rows.push((e, s, ch.tier));
                }
            }
            if !refs.is_empty() {
                return Err(AppError::validation(refs));
            }
            // Then the rules, all of them, before anything is written.
            let mut refused = Vec::new();
            let mut plan = Vec::new();
            for (i, (e, s, tier)) in rows.into_iter().enumerate() {
                let standing = crate::standings::find_standing(conn, &e.id, &s.id)?;
                let status = standing
                    .as_ref()
                    .and_then(|r| SliceStatus::parse(&r.status))
                    .unwrap_or(SliceStatus::None);
                let current = standing
                    .as_ref()
                    .and_then(|r| Tier::parse(&r.tier))
                    .unwrap_or(Tier::Annotator);
                if !tier_allowed(status, tier) {
                    refused.push(FieldError::new(
                        format!("changes[{i}].tier"),
                        format!(
                            "`{}` needs `qualified` in {}; the expert is `{}`",
                            tier.as_str(),
                            s.key,
                            status.as_str()
                        ),
                    ));
                    continue;
                }
                if tier == Tier::Adjudicator
                    && current != Tier::Adjudicator
                    && let Some(why) =
                        standings::adjudicator_refusal(conn, now, &scoring, &e.id, &s)?
                {
                    refused.push(FieldError::new(format!("changes[{i}].tier"), why));
                    continue;
                }
                plan.push((e, s, tier, current));
            }
            if !refused.is_empty() {
                return Err(AppError::conflict(format!(
                    "{} of the changes cannot be made; nothing was changed",
                    refused.len()
                ))
                .with_errors(refused));
            }
            let total = plan.len();
            let (mut changed, mut unchanged, mut data) = (0, 0, Vec::new());
            for (e, s, tier, current) in plan {
                if tier == current {
                    unchanged += 1;
                    let row = crate::standings::find_standing(conn, &e.id, &s.id)?
                        .ok_or_else(|| AppError::internal(anyhow::anyhow!("standing vanished")))?;
                    data.push(standing_views::view(row, s.key.clone()));
                    continue;
                }
                changed += 1;
                let row = standings::apply(
                    conn,
                    now,
                    &Actor::of(&principal),
                    &e,
                    &s,
                    Change {
                        status: None,
                        tier: Some(tier),
                        reason: &b.reason,
                        details: json!({ "bulk": true, "changes_in_request": total }),
                        notify: true,
                    },
                )?;
                data.push(standing_views::view(row, s.key.clone()));
            }
            Ok(BulkTierResult {
                changed,
                unchanged,
                data,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct StatusCounts {
    pub none: usize,
    pub probation: usize,
    pub qualified: usize,
    pub suspended: usize,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct TierCounts {
    pub annotator: usize,
    pub senior: usize,
    pub adjudicator: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdjudicationLoad {
    /// Items of the slice (any lab) waiting for an eligible adjudicator: disagreements no
    /// adjudicator has been offered.
    pub items_waiting: i64,
    /// Open adjudication assignments (offered or accepted) held by this roster's experts.
    pub open_assignments: i64,
    /// `open_assignments` per adjudicator on the roster; null without adjudicators.
    pub per_adjudicator: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SliceCoverage {
    pub slice_id: SliceId,
    pub slice_key: String,
    /// The roster's experts with a standing in the slice, by status.
    pub experts: StatusCounts,
    /// The roster's experts by tier (higher tiers are held only while qualified).
    pub tiers: TierCounts,
    /// Adjudicators whose gold-accuracy lower bound is below the adjudicator floor now.
    pub adjudicators_below_floor: usize,
    pub adjudication: AdjudicationLoad,
    /// Why adjudication is a bottleneck here (empty: it is not): `no_adjudicator` (the
    /// roster has qualified experts but no adjudicator), `items_waiting` (disagreements
    /// wait for an adjudicator), `adjudicators_below_floor`.
    pub bottlenecks: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterCoverage {
    pub vendor_id: OrgId,
    /// `scoring.adjudicator_min_lower_bound`.
    pub adjudicator_floor: f64,
    /// One entry per slice where an expert of the roster has a standing, by slice key.
    pub data: Vec<SliceCoverage>,
}

/// Experts by status and by tier, from (status, tier) pairs of slice standings.
pub fn counts<'a>(
    standings: impl Iterator<Item = (&'a str, &'a str)>,
) -> (StatusCounts, TierCounts) {
    let (mut s, mut t) = (StatusCounts::default(), TierCounts::default());
    for (status, tier) in standings {
        match SliceStatus::parse(status).unwrap_or(SliceStatus::None) {
            SliceStatus::None => s.none += 1,
            SliceStatus::Probation => s.probation += 1,
            SliceStatus::Qualified => s.qualified += 1,
            SliceStatus::Suspended => s.suspended += 1,
        }
        match Tier::parse(tier).unwrap_or(Tier::Annotator) {
            Tier::Annotator => t.annotator += 1,
            Tier::Senior => t.senior += 1,
            Tier::Adjudicator => t.adjudicator += 1,
        }
    }
    (s, t)
}

/// Computes the roster's tier coverage (the caller has authorised it).
pub fn coverage_of(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    sc: &crate::config::ScoringSettings,
    vendor: &str,
    viewer: &Principal,
) -> ApiResult<Vec<SliceCoverage>> {
    let mut per: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for s in queries::standings_on_roster(conn, vendor)? {
        per.entry(s.slice_id)
            .or_default()
            .push((s.expert_id, s.status, s.tier));
    }
    let mut out = Vec::new();
    for (slice_id, members) in per {
        let Some(slice) = crate::taxonomy::find_slice(conn, &slice_id)? else {
            continue;
        };
        // Labs' private slices are not the vendor's to see (as on the dashboard).
        if !crate::taxonomy::service::sees_slice(viewer, &slice) {
            continue;
        }
        let (experts_by, tiers) = counts(members.iter().map(|(_, s, t)| (s.as_str(), t.as_str())));
        let adjudicators: Vec<String> = members
            .iter()
            .filter(|(_, _, t)| t == Tier::Adjudicator.as_str())
            .map(|(e, _, _)| e.clone())
            .collect();
        let mut below = 0;
        for a in &adjudicators {
            let (bound, _) = standings::gold_lower_bound(conn, now, sc, a, &slice.id)?;
            if bound < sc.adjudicator_min_lower_bound {
                below += 1;
            }
        }
        let roster: Vec<String> = members
            .iter()
            .map(|(e, _, _)| e.as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let open_assignments = queries::open_adjudications(conn, &slice.id, &roster)?;
        let items_waiting = queries::items_waiting_adjudication(conn, &slice.id)?;
        let mut bottlenecks = Vec::new();
        if tiers.adjudicator == 0 && experts_by.qualified > 0 {
            bottlenecks.push("no_adjudicator".to_owned());
        }
        if items_waiting > 0 {
            bottlenecks.push("items_waiting".to_owned());
        }
        if below > 0 {
            bottlenecks.push("adjudicators_below_floor".to_owned());
        }
        out.push(SliceCoverage {
            slice_id: SliceId::from_db(slice.id.clone()),
            slice_key: slice.key.clone(),
            experts: experts_by,
            adjudicators_below_floor: below,
            adjudication: AdjudicationLoad {
                items_waiting,
                open_assignments,
                per_adjudicator: (tiers.adjudicator > 0)
                    .then(|| open_assignments as f64 / tiers.adjudicator as f64),
            },
            tiers,
            bottlenecks,
        });
    }
    out.sort_by(|a, b| a.slice_key.cmp(&b.slice_key));
    Ok(out)
}

/// The roster's tier coverage per slice
///
/// The vendor's admins (and platform admins): per slice where the roster's experts have a
/// standing, the experts by status and tier, adjudicators below the adjudicator floor,
/// the adjudication load and why adjudication is a bottleneck, if it is.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    responses(
        (status = 200, description = "Coverage per slice", body = RosterCoverage),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/roster/coverage")]
async fn coverage(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let now = state.now();
    let scoring = state.settings.scoring.clone();
    let floor = scoring.adjudicator_min_lower_bound;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            administered_vendor(conn, &principal, &vendor)?;
            let data = coverage_of(conn, now, &scoring, vendor.as_str(), &principal)?;
            Ok((vendor, data))
        })
        .await?;
    Ok(HttpResponse::Ok().json(RosterCoverage {
        vendor_id: data.0,
        adjudicator_floor: floor,
        data: data.1,
    }))
}
