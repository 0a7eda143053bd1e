//! `/v1/vendors/{vendor}/dashboard…`: the roster's numbers per slice and per expert, as
//! JSON and CSV, for the vendor's admins and platform admins. The roster is the vendor's
//! experts now; time and pay are the roster's own (time entries and timesheets record the
//! roster the work was done on).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::dashboard::{self, ExpertWeek, Numbers, Params, Row, SliceNumbers};
use super::queries::{self, Member};
use super::service::administered_vendor;
use super::tiers::{StatusCounts, TierCounts};
use crate::auth::Principal;
use crate::config::Settings;
use crate::db::DbConn;
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::{ExpertId, OrgId, SliceId};
use crate::scoring::ScoredOutcome;
use crate::scoring::reliability::Distribution;
use crate::state::AppState;
use crate::taxonomy::SliceRow;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(dashboard_json)
        .service(dashboard_csv)
        .service(experts_json)
        .service(experts_csv);
}

/// Most weeks one request covers.
pub const MAX_WEEKS: usize = 53;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DashboardParams {
    /// Only this slice.
    #[param(value_type = Option<crate::ids::SliceId>)]
    pub slice: Option<String>,
    /// First day of the period (its week, from Monday, UTC); default: 11 weeks before `to`.
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// Last day of the period (through the end of its week); default: today.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
}

/// The period and slice a dashboard request asked for, checked.
pub struct Period {
    pub slice: Option<SliceId>,
    pub weeks: Vec<DateTime<Utc>>,
}

impl DashboardParams {
    pub fn resolve(&self, now: DateTime<Utc>) -> ApiResult<Period> {
        let day = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default());
        for (name, d) in [("from", self.from), ("to", self.to)] {
            if let Some(d) = d
                && !(1970..=9999).contains(&chrono::Datelike::year(&d))
            {
                return Err(ApiError::bad_parameter(
                    name,
                    "must be a date between 1970 and 9999",
                ));
            }
        }
        let to = self.to.map(day).unwrap_or(now);
        let from = self
            .from
            .map(day)
            .unwrap_or_else(|| crate::clock::week_of(to) - Duration::weeks(11));
        if from > to {
            return Err(ApiError::bad_parameter("to", "must not be before `from`"));
        }
        let weeks = dashboard::weeks(from, to);
        if weeks.len() > MAX_WEEKS {
            return Err(ApiError::bad_parameter(
                "from",
                format!("the period may span at most {MAX_WEEKS} weeks"),
            ));
        }
        let slice = self
            .slice
            .as_deref()
            .map(|s| path_id("slice", s))
            .transpose()?;
        Ok(Period { slice, weeks })
    }
}

/// One slice's loaded and computed numbers.
pub struct Loaded {
    pub slice: SliceRow,
    pub numbers: SliceNumbers,
    /// (expert, status, tier) of the roster's experts with a standing in the slice.
    pub standings: Vec<(String, String, String)>,
}

/// Loads and computes the numbers of every slice the roster has standings in (or the one
/// asked for) over the period. The caller has authorised the vendor.
pub fn load(
    conn: &mut DbConn,
    principal: &Principal,
    settings: &Settings,
    vendor: &str,
    period: &Period,
) -> ApiResult<(Vec<Member>, Vec<Loaded>)> {
    let members = queries::members(conn, vendor)?;
    let ids: Vec<String> = members.iter().map(|m| m.id.clone()).collect();
    let mut per_slice: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for s in queries::standings_of_experts(conn, &ids)? {
        per_slice
            .entry(s.slice_id)
            .or_default()
            .push((s.expert_id, s.status, s.tier));
    }
    if let Some(only) = &period.slice {
        crate::taxonomy::service::visible_slice(conn, principal, only)?;
        per_slice.retain(|s, _| s == only.as_str());
    }
    let (Some(&start), Some(&last)) = (period.weeks.first(), period.weeks.last()) else {
        return Ok((members, Vec::new()));
    };
    let end = last + Duration::days(7);
    let sc = &settings.scoring;
    let mut out = Vec::new();
    for (slice_id, standings) in per_slice {
        let Some(slice) = crate::taxonomy::find_slice(conn, &slice_id)? else {
            continue;
        };
        // A lab's private slice is the lab's business: its existence, key and numbers are
        // not shown to a vendor whose experts work in it.
        if !crate::taxonomy::service::sees_slice(principal, &slice) {
            continue;
        }
        let pairwise = slice.label_kind == "pairwise";
        // The roster's outcomes in the period: each expert's, while they were on this roster
        // (an expert who moved keeps their past with the vendor they worked for).
        let in_period = queries::roster_outcomes(conn, vendor, &slice.id, start, end)?;
        let counted: std::collections::BTreeSet<&str> =
            in_period.iter().map(|o| o.id.as_str()).collect();
        // The current experts' own gold and calibration verdicts up to the period's end, for
        // their cumulative bounds (their scores, whichever roster they were on).
        let verdicts: Vec<ScoredOutcome> = queries::gold_verdicts(conn, &slice.id, &ids, end)?
            .into_iter()
            .filter(|o| !counted.contains(o.id.as_str()))
            .collect();
        let corrected: BTreeMap<String, bool> =
            crate::scoring::corrections(conn, None, Some(&slice.id))?
                .into_iter()
                .filter_map(|o| Some((o.assignment_id?, o.correct?)))
                .collect();
        let rows: Vec<Row> = in_period
            .iter()
            .map(|o| (o, true))
            .chain(verdicts.iter().map(|o| (o, false)))
            .map(|(o, counts)| Row {
                counts,
                fact: o.fact(pairwise),
                score: if pairwise {
                    crate::scoring::profile::signed_preference(
                        o.label_choice.as_deref(),
                        o.label_strength,
                        o.label_both_bad,
                    )
                } else {
                    o.label_score
                },
                assignment: o.assignment_id.clone(),
                gold_item: o.gold_item_id.clone(),
            })
            .collect();
        let seconds = queries::roster_seconds(conn, vendor, &slice.id, start, end)?;
        let pay = queries::roster_pay(conn, vendor, &slice.id, start, end)?;
        let numbers = dashboard::compute(
            &Params {
                level: crate::scoring::report::level_of(&slice),
                pairwise,
                half_life_secs: sc.half_life_secs(),
                prior: sc.prior,
                credible_level: sc.credible_level,
            },
            &period.weeks,
            &rows,
            &corrected,
            &seconds,
            &pay,
        );
        out.push(Loaded {
            slice,
            numbers,
            standings,
        });
    }
    out.sort_by(|a, b| a.slice.key.cmp(&b.slice.key));
    Ok((members, out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WeekNumbers {
    pub week_start: DateTime<Utc>,
    #[serde(flatten)]
    pub numbers: Numbers,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SliceDashboard {
    pub slice_id: SliceId,
    pub slice_key: String,
    /// The roster's experts with a standing in the slice, by status (now).
    pub experts: StatusCounts,
    /// By tier (now).
    pub tiers: TierCounts,
    /// The roster's experts' own gold-accuracy lower bounds now (decayed, all time), over
    /// those with at least one gold answer.
    pub expert_gold_lower_bounds: Distribution,
    /// Suspensions in force (the roster's experts `suspended` in the slice).
    pub open_sanctions: usize,
    /// Appeals of the roster's experts in the slice waiting for a decision.
    pub open_appeals: i64,
    /// Over the whole period.
    pub period: Numbers,
    /// Each week of the period, oldest first.
    pub weeks: Vec<WeekNumbers>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterDashboard {
    pub vendor_id: OrgId,
    /// The period: from the first week's Monday to the end of the last week (UTC).
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub experts_on_roster: usize,
    pub slices: Vec<SliceDashboard>,
}

fn build_dashboard(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    vendor: &OrgId,
    period: &Period,
    members: usize,
    loaded: Vec<Loaded>,
) -> ApiResult<RosterDashboard> {
    let sc = &settings.scoring;
    let mut slices = Vec::new();
    for l in loaded {
        let (experts, tiers) =
            super::tiers::counts(l.standings.iter().map(|(_, s, t)| (s.as_str(), t.as_str())));
        let bounds: Vec<f64> =
            crate::scoring::gold_tallies(conn, &l.slice.id, Some(vendor.as_str()))?
                .iter()
                .map(|r| r.evidence().at(now, sc.half_life_secs()))
                .filter(|e| e.n > 0)
                .map(|e| e.posterior(sc.prior).lower_bound(sc.credible_level))
                .collect();
        let ids: Vec<&str> = l.standings.iter().map(|(e, _, _)| e.as_str()).collect();
        let open_appeals = queries::open_appeals(conn, &l.slice.id, &ids)?;
        slices.push(SliceDashboard {
            slice_id: SliceId::from_db(l.slice.id.clone()),
            slice_key: l.slice.key.clone(),
            open_sanctions: experts.suspended,
            experts,
            tiers,
            expert_gold_lower_bounds: crate::scoring::reliability::distribution(&bounds),
            open_appeals,
            period: l.numbers.period,
            weeks: l
                .numbers
                .weeks
                .into_iter()
                .map(|(week_start, numbers)| WeekNumbers {
                    week_start,
                    numbers,
                })
                .collect(),
        });
    }
    let from = period.weeks.first().copied().unwrap_or(now);
    let until = period.weeks.last().copied().unwrap_or(now) + Duration::days(7);
    Ok(RosterDashboard {
        vendor_id: vendor.clone(),
        from,
        until,
        experts_on_roster: members,
        slices,
    })
}

/// What a roster request works on: the checked period, the vendor, the roster and each
/// slice's numbers, read in one transaction.
pub struct RosterData {
    pub now: DateTime<Utc>,
    pub period: Period,
    pub vendor: OrgId,
    pub members: Vec<Member>,
    pub loaded: Vec<Loaded>,
}

/// Checks the parameters, authorises the vendor (its admins, platform admins), loads the
/// roster's numbers and hands them to `f` in the same read transaction. Every dashboard,
/// CSV and chart of a roster comes through here.
pub async fn with_roster<T, F>(
    state: &AppState,
    principal: Principal,
    vendor: OrgId,
    params: DashboardParams,
    f: F,
) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn, &Settings, RosterData) -> ApiResult<T> + Send + 'static,
{
    let now = state.now();
    let period = params.resolve(now)?;
    let settings = state.settings.clone();
    state
        .db
        .read(move |conn| {
            administered_vendor(conn, &principal, &vendor)?;
            let (members, loaded) = load(conn, &principal, &settings, vendor.as_str(), &period)?;
            f(
                conn,
                &settings,
                RosterData {
                    now,
                    period,
                    vendor,
                    members,
                    loaded,
                },
            )
        })
        .await
}

async fn dashboard_of(
    state: &AppState,
    principal: Principal,
    vendor: OrgId,
    params: DashboardParams,
) -> ApiResult<RosterDashboard> {
    with_roster(state, principal, vendor, params, |conn, settings, d| {
        build_dashboard(
            conn,
            d.now,
            settings,
            &d.vendor,
            &d.period,
            d.members.len(),
            d.loaded,
        )
    })
    .await
}

/// A roster's dashboard
///
/// The vendor's admins (and platform admins). Per slice where the roster's experts have a
/// standing: experts by status and tier, the distribution of their gold-accuracy lower
/// bounds, open sanctions and appeals (now); and over the period and per week:
/// judgments (throughput), Krippendorff's alpha within the roster, gold and calibration
/// accuracy, informativeness, the adjudication overturn rate, measured hours and approved
/// pay. Weeks are UTC, from Monday. The same as CSV at `dashboard.csv`.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), DashboardParams),
    responses(
        (status = 200, description = "The dashboard", body = RosterDashboard),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/dashboard")]
async fn dashboard_json(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<DashboardParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let d = dashboard_of(&state, principal, vendor, q.0).await?;
    Ok(HttpResponse::Ok().json(d))
}

/// One CSV field, quoted when it needs to be (RFC 4180).
pub fn csv_field(s: &str) -> String {
    // A leading = + - @ would be read as a formula by spreadsheets.
    let s = if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && s.parse::<f64>().is_err()) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn opt(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.6}")).unwrap_or_default()
}

fn pay_field(p: &[dashboard::Amount]) -> String {
    p.iter()
        .map(|a| format!("{}={}", a.currency, a.minor))
        .collect::<Vec<_>>()
        .join(";")
}

fn csv_response(name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body)
}

pub const DASHBOARD_CSV_HEADER: &str = "slice_key,slice_id,week_start,judgments,alpha,alpha_items,calibration_alpha,calibration_alpha_items,gold_answers,gold_correct,calibration_answers,calibration_correct,informativeness_n,informativeness_rate,overturn_n,overturn_rate,active_hours,pay_minor,unapproved_sheet_lines";

fn numbers_csv(slice: &SliceDashboard, week: &str, n: &Numbers) -> String {
    let inf = n.informativeness.unwrap_or_default();
    [
        csv_field(&slice.slice_key),
        slice.slice_id.to_string(),
        week.to_owned(),
        n.judgments.to_string(),
        opt(n.agreement.krippendorff_alpha),
        n.agreement.items.to_string(),
        opt(n.calibration_agreement.krippendorff_alpha),
        n.calibration_agreement.items.to_string(),
        n.gold.n.to_string(),
        n.gold.hits.to_string(),
        n.calibration.n.to_string(),
        n.calibration.hits.to_string(),
        inf.n.to_string(),
        opt(inf.rate),
        n.adjudication_overturn.n.to_string(),
        opt(n.adjudication_overturn.rate),
        format!("{:.4}", n.active_hours),
        csv_field(&pay_field(&n.pay)),
        n.unapproved_sheet_lines.to_string(),
    ]
    .join(",")
}

/// A roster's dashboard as CSV
///
/// One row per slice and week (`week_start` as an RFC 3339 timestamp), then one per slice
/// for the whole period (`week_start` = `period`). Same access and parameters as the JSON.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), DashboardParams),
    responses(
        (status = 200, description = "CSV with a header row", content_type = "text/csv", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/dashboard.csv")]
async fn dashboard_csv(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<DashboardParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let d = dashboard_of(&state, principal, vendor, q.0).await?;
    let mut out = String::from(DASHBOARD_CSV_HEADER);
    out.push('\n');
    for s in &d.slices {
        for w in &s.weeks {
            out.push_str(&numbers_csv(s, &w.week_start.to_rfc3339(), &w.numbers));
            out.push('\n');
        }
    }
    for s in &d.slices {
        out.push_str(&numbers_csv(s, "period", &s.period));
        out.push('\n');
    }
    Ok(csv_response("roster-dashboard.csv", out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertSeries {
    pub expert_id: ExpertId,
    pub handle: String,
    pub display_name: String,
    pub slice_id: SliceId,
    pub slice_key: String,
    pub status: String,
    pub tier: String,
    /// Each week of the period, oldest first.
    pub weeks: Vec<ExpertWeek>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterExperts {
    pub vendor_id: OrgId,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// One series per expert of the roster and slice, by slice key then handle.
    pub data: Vec<ExpertSeries>,
}

/// The per-expert series (also what the trend charts draw).
pub fn expert_series(members: &[Member], loaded: Vec<Loaded>) -> Vec<ExpertSeries> {
    let mut out = Vec::new();
    for l in loaded {
        let mut numbers = l.numbers.experts;
        for m in members {
            let Some((_, status, tier)) = l.standings.iter().find(|(e, _, _)| *e == m.id) else {
                continue;
            };
            let Some(weeks) = numbers.remove(&m.id) else {
                continue;
            };
            out.push(ExpertSeries {
                expert_id: ExpertId::from_db(m.id.clone()),
                handle: m.handle.clone(),
                display_name: m.display_name.clone(),
                slice_id: SliceId::from_db(l.slice.id.clone()),
                slice_key: l.slice.key.clone(),
                status: status.clone(),
                tier: tier.clone(),
                weeks,
            });
        }
    }
    out
}

async fn experts_of(
    state: &AppState,
    principal: Principal,
    vendor: OrgId,
    params: DashboardParams,
) -> ApiResult<RosterExperts> {
    with_roster(state, principal, vendor, params, |_, _, d| {
        Ok(RosterExperts {
            from: d.period.weeks.first().copied().unwrap_or(d.now),
            until: d.period.weeks.last().copied().unwrap_or(d.now) + Duration::days(7),
            vendor_id: d.vendor,
            data: expert_series(&d.members, d.loaded),
        })
    })
    .await
}

/// A roster's experts week by week
///
/// The vendor's admins (and platform admins). Per expert and slice: judgments, gold and
/// calibration answers, agreement with adjudicators, hours and approved pay per week,
/// with the cumulative gold-accuracy and calibration lower bounds at each week's end. The
/// same as CSV at `dashboard/experts.csv`.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), DashboardParams),
    responses(
        (status = 200, description = "Series per expert and slice", body = RosterExperts),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/dashboard/experts")]
async fn experts_json(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<DashboardParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let d = experts_of(&state, principal, vendor, q.0).await?;
    Ok(HttpResponse::Ok().json(d))
}

pub const EXPERTS_CSV_HEADER: &str = "expert_id,handle,display_name,slice_key,status,tier,week_start,judgments,gold_answers,gold_correct,gold_lower_bound,calibration_answers,calibration_correct,calibration_lower_bound,adjudicated_n,adjudicated_agreed,active_hours,pay_minor";

/// A roster's experts week by week, as CSV
///
/// One row per expert, slice and week. Same access and parameters as the JSON.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), DashboardParams),
    responses(
        (status = 200, description = "CSV with a header row", content_type = "text/csv", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/dashboard/experts.csv")]
async fn experts_csv(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<DashboardParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let d = experts_of(&state, principal, vendor, q.0).await?;
    let mut out = String::from(EXPERTS_CSV_HEADER);
    out.push('\n');
    for e in &d.data {
        for w in &e.weeks {
            let row = [
                e.expert_id.to_string(),
                csv_field(&e.handle),
                csv_field(&e.display_name),
                csv_field(&e.slice_key),
                e.status.clone(),
                e.tier.clone(),
                w.week_start.to_rfc3339(),
                w.judgments.to_string(),
                w.gold.n.to_string(),
                w.gold.hits.to_string(),
                opt(w.gold_lower_bound),
                w.calibration.n.to_string(),
                w.calibration.hits.to_string(),
                opt(w.calibration_lower_bound),
                w.adjudicated_agreement.n.to_string(),
                w.adjudicated_agreement.hits.to_string(),
                format!("{:.4}", w.active_hours),
                csv_field(&pay_field(&w.pay)),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    Ok(csv_response("roster-experts.csv", out))
}
