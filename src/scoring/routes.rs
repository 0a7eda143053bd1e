//! Reading scores: `/v1/experts/{expert}/scores` (the expert, their vendor's admins,
//! platform admins), `/v1/slices/{slice}/reliability` (platform admins; vendor admins for
//! their roster; a lab for its own project) and `/v1/projects/{project}/quality` (the
//! lab: aggregates only, never an individual expert's identity or score).
//!
//! Undefined statistics are `null` in JSON, never NaN.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::beta::Evidence;
use super::profile::{Metric, Tally};
use super::report::ReliabilityReport;
use crate::auth::{Principal, Scope};
use crate::config::Settings;
use crate::db::DbConn;
use crate::experts::service::visible_expert;
use crate::http::{ApiError, ApiResult, path_id};
use crate::ids::{ExpertId, OrgId, ProjectId, SliceId};
use crate::standings::rules::{SliceStatus, Tier};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(expert_scores)
        .service(slice_reliability)
        .service(project_quality);
}

/// One metric of a profile, decayed to now.
#[derive(Debug, Serialize, ToSchema)]
pub struct MetricView {
    pub metric: Metric,
    /// Observations ever counted (raw, before decay).
    pub n: i64,
    /// The decayed number of observations the posterior rests on.
    pub effective_n: f64,
    /// Posterior mean of the rate; null before any observation.
    pub mean: Option<f64>,
    /// Lower credible bound (`scoring.credible_level`, default 90 %): what status changes use.
    pub lower_bound: Option<f64>,
    pub upper_bound: Option<f64>,
    /// Co-annotator agreement only: Cohen's kappa of the expert against their co-annotators
    /// (pooled table of label classes); null when undefined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kappa: Option<Option<f64>>,
    /// Co-annotator agreement only: the lower bound, chance-corrected like kappa.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kappa_lower_bound: Option<Option<f64>>,
    /// The numbers in one sentence.
    pub explanation: String,
}

/// An expert's scores in one slice.
#[derive(Debug, Serialize, ToSchema)]
pub struct SliceScores {
    pub slice_id: SliceId,
    #[schema(example = "code/rust-review")]
    pub slice_key: String,
    pub status: SliceStatus,
    /// Why the status is what it is, e.g. "suspended in `code/rust-review` because the 90 %
    /// lower bound of gold accuracy is 0.72 after 37 answers …".
    pub status_reason: String,
    pub tier: Tier,
    /// What gold accuracy means for the status now (the next threshold and what is missing).
    pub outlook: String,
    pub metrics: Vec<MetricView>,
    /// The latest (up to 20) answers marked wrong against a gold answer, listed
    /// `routing.gold_feedback_delay_hours` (default 48) after they were submitted: what the
    /// expert may appeal (`POST /v1/appeals` with the assignment id). The gold answers stay
    /// hidden.
    pub failed_gold_checks: Vec<FailedGoldCheck>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FailedGoldCheck {
    pub assignment_id: crate::ids::AssignmentId,
    /// `annotator` (routed work) or `calibration`.
    pub role: String,
    pub submitted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertScores {
    pub expert_id: ExpertId,
    pub as_of: DateTime<Utc>,
    /// Half-life of the decay, in days.
    pub half_life_days: f64,
    pub credible_level: f64,
    pub data: Vec<SliceScores>,
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

pub fn metric_view(metric: Metric, t: &Tally, settings: &Settings) -> MetricView {
    let sc = &settings.scoring;
    let e: &Evidence = &t.evidence;
    let observed = e.n > 0 && e.weight() > 0.0;
    let post = e.posterior(sc.prior);
    let (mean, lower, upper) = if observed {
        (
            Some(post.mean()),
            Some(post.lower_bound(sc.credible_level)),
            Some(post.upper_bound(sc.credible_level)),
        )
    } else {
        (None, None, None)
    };
    let pct = (sc.credible_level * 100.0).round();
    let explanation = match (mean, lower) {
        (Some(m), Some(lb)) => format!(
            "{}: {:.2} (mean), {pct} % lower bound {:.2}, from {} {} ({:.1} after decay)",
            metric.describe(),
            m,
            lb,
            e.n,
            metric.unit(),
            e.weight()
        ),
        _ => format!("{}: no {} yet", metric.describe(), metric.unit()),
    };
    let (kappa, kappa_lb) = if metric == Metric::CoAnnotatorAgreement {
        let pe = t.chance_agreement();
        let corrected = |p: Option<f64>| match (p, pe) {
            (Some(p), Some(pe)) if pe < 1.0 - 1e-12 => Some((p - pe) / (1.0 - pe)),
            _ => None,
        };
        (Some(t.kappa()), Some(corrected(lower)))
    } else {
        (None, None)
    };
    MetricView {
        metric,
        n: e.n,
        effective_n: round4(e.weight()),
        mean,
        lower_bound: lower,
        upper_bound: upper,
        kappa,
        kappa_lower_bound: kappa_lb,
        explanation,
    }
}

/// Where the expert stands against the status table, in words.
fn outlook(status: SliceStatus, gold: &Evidence, settings: &Settings) -> String {
    let sc = &settings.scoring;
    let lb = gold.posterior(sc.prior).lower_bound(sc.credible_level);
    let have = gold.weight();
    let need = sc.min_gold_answers;
    match status {
        SliceStatus::None => "not admitted to the slice: pass its qualification assessment".into(),
        SliceStatus::Suspended => {
            "suspended: reinstatement (to probation) is by passing a calibration session in the slice, or by an upheld appeal".into()
        }
        _ if have < need => format!(
            "{have:.1} of the {need} decayed gold answers needed before gold accuracy changes the status"
        ),
        SliceStatus::Probation => format!(
            "gold accuracy lower bound {lb:.2}: qualified at {:.2} or above, suspended below {:.2}",
            sc.qualify_lower_bound, sc.suspend_lower_bound
        ),
        SliceStatus::Qualified => format!(
            "gold accuracy lower bound {lb:.2}: suspended below {:.2}",
            sc.suspend_lower_bound
        ),
    }
}

/// The expert's profiles, slice by slice (slices with a standing or any tally).
///
/// `own_view`: the expert is looking at their own scores. Their gold accuracy then leaves
/// out the routed gold answers of the last `routing.gold_feedback_delay_hours`: a count or
/// mean that moved right after a submit would name that item as gold (and say whether it
/// failed) before the delay that failed-gold feedback keeps. Vendors and platform admins
/// see the current figures.
pub fn scores_of(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
    own_view: bool,
) -> ApiResult<Vec<SliceScores>> {
    let mut tallies = super::service::tallies_of(conn, now, settings, expert)?;
    if own_view {
        withhold_recent_gold(conn, now, settings, expert, &mut tallies)?;
    }
    let standings: BTreeMap<String, crate::standings::StandingRow> =
        crate::standings::standings_of_expert(conn, expert)?
            .into_iter()
            .map(|r| (r.slice_id.clone(), r))
            .collect();
    // Failed gold is named only after a delay (`routing.gold_feedback_delay_hours`).
    let shown_before = now - chrono::Duration::hours(settings.routing.gold_feedback_delay_hours);
    let failed = crate::assignments::failed_gold(conn, expert, 500, shown_before)?;
    let slices: BTreeSet<&String> = tallies.keys().chain(standings.keys()).collect();
    let mut out = Vec::new();
    for slice in slices {
        let Some(row) = crate::taxonomy::find_slice(conn, slice)? else {
            continue;
        };
        let standing = standings.get(slice);
        let status = standing
            .and_then(|s| SliceStatus::parse(&s.status))
            .unwrap_or(SliceStatus::None);
        let tier = standing
            .and_then(|s| Tier::parse(&s.tier))
            .unwrap_or(Tier::Annotator);
        let mine = tallies.get(slice);
        let empty = Tally::default();
        let metrics: Vec<MetricView> = Metric::ALL
            .into_iter()
            .filter(|m| *m != Metric::Informativeness || row.label_kind == "pairwise")
            .map(|m| {
                let t = mine.and_then(|x| x.get(&m)).unwrap_or(&empty);
                metric_view(m, t, settings)
            })
            .collect();
        let gold = mine
            .and_then(|x| x.get(&Metric::GoldAccuracy))
            .map(|t| t.evidence)
            .unwrap_or(Evidence::EMPTY);
        out.push(SliceScores {
            slice_id: SliceId::from_db(row.id.clone()),
            slice_key: row.key.clone(),
            status,
            status_reason: standing
                .map(|s| s.status_reason.clone())
                .unwrap_or_default(),
            tier,
            outlook: outlook(status, &gold, settings),
            metrics,
            failed_gold_checks: failed
                .iter()
                .filter(|a| &a.slice_id == slice)
                .take(20)
                .map(|a| FailedGoldCheck {
                    assignment_id: crate::ids::AssignmentId::from_db(a.id.clone()),
                    role: a.role.clone(),
                    submitted_at: a.submitted_at.map(crate::clock::utc),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// Takes the routed gold answers the expert has not been told about yet out of their
/// gold-accuracy tallies (only those that counted in the slice standing).
fn withhold_recent_gold(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
    tallies: &mut BTreeMap<String, BTreeMap<Metric, Tally>>,
) -> ApiResult<()> {
    let delay = chrono::Duration::hours(settings.routing.gold_feedback_delay_hours);
    if delay <= chrono::Duration::zero() {
        return Ok(());
    }
    let h = settings.scoring.half_life_secs();
    let mut slice_org: BTreeMap<String, Option<String>> = BTreeMap::new();
    for a in crate::assignments::graded_gold_since(conn, expert, now - delay)? {
        let (Some(correct), Some(at), Some(gold)) = (a.correct, a.submitted_at, &a.gold_item_id)
        else {
            continue;
        };
        let Some(gold) = crate::gold::find_gold(conn, gold)? else {
            continue;
        };
        let org = match slice_org.get(&a.slice_id) {
            Some(o) => o.clone(),
            None => {
                let o = crate::taxonomy::find_slice(conn, &a.slice_id)?.and_then(|s| s.org_id);
                slice_org.insert(a.slice_id.clone(), o.clone());
                o
            }
        };
        let at = crate::clock::utc(at);
        if crate::gold::service::counts_in(&gold, org.as_deref(), at)
            != crate::gold::service::Counts::Slice
        {
            continue;
        }
        if let Some(t) = tallies
            .get_mut(&a.slice_id)
            .and_then(|m| m.get_mut(&Metric::GoldAccuracy))
        {
            t.evidence.add(at, correct, -1.0, h);
            t.evidence = t.evidence.at(now, h);
        }
    }
    Ok(())
}

/// An expert's score profiles
///
/// Per slice: status (with the reason, in words and numbers), tier, and every metric with
/// its sample size, decayed weight, posterior mean and credible bounds. The expert
/// themselves, their vendor's admins and platform admins; 404 for everyone else (labs see
/// experts only through project aggregates).
#[utoipa::path(
    tag = "scores",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Score profiles", body = ExpertScores),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/scores")]
async fn expert_scores(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let now = state.clock.now();
    let settings = state.settings.clone();
    let body = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = visible_expert(conn, &principal, &id)?;
            let own_view = principal
                .user()
                .is_ok_and(|u| u.user_id.as_str() == e.user_id);
            Ok(ExpertScores {
                expert_id: ExpertId::from_db(e.id.clone()),
                as_of: now,
                half_life_days: settings.scoring.half_life_days,
                credible_level: settings.scoring.credible_level,
                data: scores_of(conn, now, &settings, &e.id, own_view)?,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(body))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReliabilityParams {
    /// Only this project's items.
    #[param(value_type = Option<crate::ids::ProjectId>)]
    pub project: Option<String>,
    /// Only judgments by this vendor's experts (vendor admins must give their vendor).
    #[param(value_type = Option<crate::ids::OrgId>)]
    pub vendor: Option<String>,
    /// Days back from now (1–365, default `scoring.reliability_window_days`).
    #[param(minimum = 1, maximum = 365)]
    pub window_days: Option<i64>,
}

fn window_days(p: Option<i64>, settings: &Settings) -> ApiResult<i64> {
    let d = p.unwrap_or(settings.scoring.reliability_window_days);
    if !(1..=365).contains(&d) {
        return Err(ApiError::bad_parameter(
            "window_days",
            "must be between 1 and 365",
        ));
    }
    Ok(d)
}

/// A slice's reliability
///
/// Krippendorff's alpha (at the slice's measurement level) and Fleiss' kappa over the
/// resolved items of the window, the health that follows (≥ 0.80 healthy, < 0.80 warning,
/// < 0.75 corrective), adjudication rate, informativeness, pooled gold accuracy and the
/// distribution of the experts' gold-accuracy lower bounds, and a Dawid–Skene check.
/// Platform admins for any scope; vendor admins for their own roster (`vendor` required);
/// a lab's members for one of their projects (`project` required, no per-expert numbers).
#[utoipa::path(
    tag = "scores",
    params(("slice" = SliceId, Path, description = "Slice id"), ReliabilityParams),
    responses(
        (status = 200, description = "Reliability report", body = ReliabilityReport),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/slices/{slice}/reliability")]
async fn slice_reliability(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    query: crate::http::Query<ReliabilityParams>,
) -> ApiResult<HttpResponse> {
    let id: SliceId = path_id("slice", &path)?;
    let q = query.0;
    let project: Option<ProjectId> = q
        .project
        .as_deref()
        .map(|p| path_id("project", p))
        .transpose()?;
    let vendor: Option<OrgId> = q
        .vendor
        .as_deref()
        .map(|v| path_id("vendor", v))
        .transpose()?;
    let days = window_days(q.window_days, &state.settings)?;
    let now = state.clock.now();
    let settings = state.settings.clone();
    let body = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let slice = crate::taxonomy::service::visible_slice(conn, &principal, &id)?;
            let platform = matches!(&principal, Principal::User(u) if u.is_platform_admin);
            let mut with_experts = true;
            if !platform {
                match (&project, &vendor) {
                    (_, Some(v)) => {
                        let user = principal.org_admin(v)?;
                        if user
                            .membership(v)
                            .is_none_or(|m| m.org_kind != crate::auth::OrgKind::Vendor)
                        {
                            return Err(ApiError::forbidden(
                                "`vendor` must be a vendor you administer",
                            ));
                        }
                    }
                    (Some(p), None) => {
                        crate::projects::service::readable_project(conn, &principal, p)?;
                        with_experts = false;
                    }
                    (None, None) => {
                        return Err(ApiError::forbidden(
                            "slice-wide reliability is for platform admins; vendor admins give `vendor`, labs give `project`",
                        ));
                    }
                }
            }
            if let Some(p) = &project {
                let row = crate::projects::service::readable_project(conn, &principal, p)?;
                let uses = crate::projects::project_slices(conn, &row.org_id, &row.id)?
                    .iter()
                    .any(|s| s.slice_id == slice.id);
                if !uses {
                    return Err(ApiError::bad_parameter(
                        "project",
                        "the project does not use this slice",
                    ));
                }
            }
            Ok(super::report::report(
                conn,
                now,
                &settings,
                &slice,
                project.as_ref().map(|p| p.as_str()),
                vendor.as_ref().map(|v| v.as_str()),
                days,
                with_experts,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(body))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectQuality {
    pub project_id: ProjectId,
    pub window_days: i64,
    /// One report per slice of the project, over the project's items only.
    pub slices: Vec<ReliabilityReport>,
    /// Per slice of the project (same order), the items resolved in the window: how many
    /// met their deadline and how long resolution took (README "Deadlines").
    pub timeliness: Vec<super::timeliness::SliceTimeliness>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QualityParams {
    /// Days back from now (1–365, default `scoring.reliability_window_days`).
    #[param(minimum = 1, maximum = 365)]
    pub window_days: Option<i64>,
}

/// A project's quality
///
/// Per slice of the project, over the project's resolved items in the window: reliability
/// (alpha, Fleiss' kappa, health), pooled gold accuracy, informativeness and adjudication
/// rate; and timeliness: the on-time resolution rate (resolved at or before the deadline /
/// resolved) and the p50/p90 time from ingestion to resolution (nearest rank). Aggregates
/// only: no expert's identity or individual score. The lab's members and API keys with
/// `projects:read`; platform admins.
#[utoipa::path(
    tag = "scores",
    params(("project" = ProjectId, Path, description = "Project id"), QualityParams),
    responses(
        (status = 200, description = "Quality report", body = ProjectQuality),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/projects/{project}/quality")]
async fn project_quality(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    query: crate::http::Query<QualityParams>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let days = window_days(query.0.window_days, &state.settings)?;
    let now = state.clock.now();
    let settings = state.settings.clone();
    let body = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let p = crate::projects::service::project_with_scope(
                conn,
                &principal,
                &id,
                Scope::ProjectsRead,
            )?;
            let mut slices = Vec::new();
            let mut slice_ids = Vec::new();
            for s in crate::projects::project_slices(conn, &p.org_id, &p.id)? {
                if let Some(slice) = crate::taxonomy::find_slice(conn, &s.slice_id)? {
                    slice_ids.push(slice.id.clone());
                    slices.push(super::report::report(
                        conn,
                        now,
                        &settings,
                        &slice,
                        Some(&p.id),
                        None,
                        days,
                        false,
                    )?);
                }
            }
            let timeliness = super::timeliness::project_timeliness(
                conn, now, &p.org_id, &p.id, &slice_ids, days,
            )?;
            Ok(ProjectQuality {
                project_id: id,
                window_days: days,
                slices,
                timeliness,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(body))
}
