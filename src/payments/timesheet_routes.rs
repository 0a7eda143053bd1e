//! `/v1/timesheets…`: weekly timesheets; `/v1/experts/{expert}/pay-rates`; vendor
//! agreements (`/v1/orgs/{org}/vendor-agreement`).
//!
//! Who sees what: the expert their own sheets with their pay; the admins of the roster the
//! work was done on the same plus the bill and their margin; the lab's members (and its
//! API keys with `billing:read`) their sheets by the expert's handle with the bill, never
//! the expert's pay; platform admins everything.

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::amounts;
use super::store::timesheets::{SheetFilter, Visible};
use super::store::{rates as rates_store, timesheets as sheets_store, vendor_agreements};
use super::timesheet::{Mover, Status};
use super::timesheets::{self, LineRow, SheetRow};
use crate::audit::{Actor, Entry};
use crate::auth::{OrgKind, Principal, Scope};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{ExpertId, OrgId, PayRateId, ProjectId, SliceId, TimesheetId, TimesheetLineId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_timesheets)
        .service(get_timesheet)
        .service(submit_timesheet)
        .service(approve_timesheet)
        .service(dispute_timesheet)
        .service(resolve_timesheet)
        .service(list_pay_rates)
        .service(get_vendor_agreement)
        .service(set_vendor_agreement);
}

/// How the caller relates to a sheet; decides what the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Expert,
    Vendor,
    Lab,
    Platform,
}

fn viewer(conn: &mut DbConn, principal: &Principal, s: &SheetRow) -> ApiResult<Option<Viewer>> {
    let lab = principal
        .org_read(&OrgId::from_db(s.org_id.clone()), Scope::BillingRead)
        .is_ok();
    let Principal::User(u) = principal else {
        return Ok(lab.then_some(Viewer::Lab));
    };
    if u.is_platform_admin {
        return Ok(Some(Viewer::Platform));
    }
    let own =
        crate::experts::service::expert_id_of(conn, principal)?.is_some_and(|e| e == s.expert_id);
    if own {
        return Ok(Some(Viewer::Expert));
    }
    let vendor = s.vendor_org_id.as_ref().is_some_and(|v| {
        u.membership(&OrgId::from_db(v.clone()))
            .is_some_and(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
    });
    Ok(if vendor {
        Some(Viewer::Vendor)
    } else if lab {
        Some(Viewer::Lab)
    } else {
        None
    })
}

fn visible(
    conn: &mut DbConn,
    principal: &Principal,
    id: &TimesheetId,
) -> ApiResult<(SheetRow, Viewer)> {
    let not_found = || ApiError::not_found(format!("timesheet {id} not found"));
    let s = timesheets::find(conn, id.as_str())?.ok_or_else(not_found)?;
    let v = viewer(conn, principal, &s)?.ok_or_else(not_found)?;
    Ok((s, v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineView {
    pub id: TimesheetLineId,
    pub slice_id: SliceId,
    /// Time entries (submitted items) in the line.
    pub entries: i32,
    pub measured_seconds: i64,
    /// Set when a platform admin resolved a dispute with less time.
    pub approved_seconds: Option<i64>,
    /// The lab's reason, when it disputed this line.
    pub dispute_reason: Option<String>,
    /// Billed to the lab (after approval; not shown to the expert).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_minor: Option<i64>,
    /// Paid to the expert (after approval; not shown to the lab).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_minor: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_margin_minor: Option<i64>,
    /// The platform's fee and remainder (platform admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_minor: Option<i64>,
    /// The ledger transaction posted on approval (platform admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger_transaction_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    /// `timesheet.submitted`, `timesheet.disputed`, `timesheet.approved`.
    pub action: String,
    pub at: DateTime<Utc>,
    /// `user` or `system`.
    pub actor_type: String,
    pub details: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimesheetView {
    pub id: TimesheetId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_id: Option<ExpertId>,
    pub expert_handle: String,
    pub project_id: ProjectId,
    pub lab_org_id: OrgId,
    /// The roster the work was done on (not shown to labs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_org_id: Option<OrgId>,
    pub currency: String,
    /// Monday 00:00 UTC.
    pub week_start: DateTime<Utc>,
    /// The next Monday 00:00 UTC (exclusive).
    pub week_end: DateTime<Utc>,
    pub status: Status,
    pub seconds: i64,
    /// The project's bill rate per hour, fixed at submission (not shown to the expert).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_rate_minor: Option<i64>,
    /// The expert's pay rate per hour, fixed at submission (not shown to the lab).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_rate_minor: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_fee_bps: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_margin_bps: Option<i64>,
    /// Total billed (after approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_minor: Option<i64>,
    /// Total paid to the expert, including any pay-floor top-up (after approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_minor: Option<i64>,
    /// The platform's top-up to the pay floor (after approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor_top_up_minor: Option<i64>,
    /// The configured pay floor per hour, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_floor_per_hour_minor: Option<i64>,
    /// Effective hourly pay: pay (with the top-up) per hour worked (after approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_hourly_minor: Option<i64>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// When the sheet approves itself if nobody disputes it.
    pub auto_approve_at: Option<DateTime<Utc>>,
    pub disputed_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    /// `lab`, `system` (auto-approval) or `platform` (dispute resolved).
    pub approved_by_type: Option<String>,
    pub resolution_note: Option<String>,
    /// The invoice that billed it (lab and platform).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<String>,
    pub lines: Vec<LineView>,
    /// Every change of the sheet (the audit trail).
    pub history: Vec<HistoryEntry>,
}

/// Removes what the lab is billed from an audit entry's details.
fn redact_bill(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| !k.starts_with("bill"));
            m.values_mut().for_each(redact_bill);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(redact_bill),
        _ => {}
    }
}

fn view(conn: &mut DbConn, s: SheetRow, who: Viewer) -> ApiResult<TimesheetView> {
    use Viewer::*;
    let lines = timesheets::lines_of(conn, &s.id)?;
    let approved = s.status() == Status::Approved;
    let sees_pay = who != Lab;
    let sees_bill = who != Expert;
    let money = |v: Option<i64>, shown: bool| if shown && approved { v } else { None };
    let seconds: i64 = lines.iter().map(LineRow::seconds).sum();
    let pay: i64 = lines.iter().filter_map(|l| l.pay_minor).sum::<i64>() + s.floor_top_up_minor;
    let bill: i64 = lines.iter().filter_map(|l| l.bill_minor).sum();
    let history = timesheets::history(conn, &s.id)?
        .into_iter()
        .map(|e| -> ApiResult<HistoryEntry> {
            Ok(HistoryEntry {
                action: e.action,
                at: crate::clock::utc(e.at),
                actor_type: e.actor_type,
                details: crate::db::stored_json("audit_events.details", &e.details)?,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?
        .into_iter()
        // The details follow the view: labs see none (they hold the expert's pay), experts
        // not the bill.
        .map(|mut h| {
            match who {
                Lab => h.details = serde_json::json!({}),
                Expert => redact_bill(&mut h.details),
                Vendor | Platform => {}
            }
            h
        })
        .collect();
    Ok(TimesheetView {
        expert_id: (who != Lab).then(|| ExpertId::from_db(s.expert_id.clone())),
        expert_handle: timesheets::handle_of(conn, &s.expert_id)?,
        project_id: ProjectId::from_db(s.project_id.clone()),
        lab_org_id: OrgId::from_db(s.org_id.clone()),
        vendor_org_id: if who == Lab {
            None
        } else {
            s.vendor_org_id.clone().map(OrgId::from_db)
        },
        currency: s.currency.clone(),
        week_start: crate::clock::utc(s.week_start),
        week_end: s.week_end(),
        status: s.status(),
        seconds,
        bill_rate_minor: s.bill_rate_minor.filter(|_| sees_bill),
        pay_rate_minor: s.pay_rate_minor.filter(|_| sees_pay),
        platform_fee_bps: s.platform_fee_bps.filter(|_| who == Platform),
        vendor_margin_bps: s
            .vendor_margin_bps
            .filter(|_| matches!(who, Vendor | Platform)),
        bill_minor: money(Some(bill), sees_bill),
        pay_minor: money(Some(pay), sees_pay),
        floor_top_up_minor: money(Some(s.floor_top_up_minor), sees_pay),
        pay_floor_per_hour_minor: s.pay_floor_per_hour_minor.filter(|_| sees_pay),
        effective_hourly_minor: money(amounts::effective_hourly(pay, seconds), sees_pay),
        submitted_at: s.submitted_at.map(crate::clock::utc),
        auto_approve_at: s.auto_approve_at.map(crate::clock::utc),
        disputed_at: s.disputed_at.map(crate::clock::utc),
        approved_at: s.approved_at.map(crate::clock::utc),
        approved_by_type: s.approved_by_type.clone(),
        resolution_note: s.resolution_note.clone(),
        invoice_id: s
            .invoice_id
            .clone()
            .filter(|_| matches!(who, Lab | Platform)),
        lines: lines
            .into_iter()
            .map(|l| LineView {
                id: TimesheetLineId::from_db(l.id),
                slice_id: SliceId::from_db(l.slice_id),
                entries: l.entries,
                measured_seconds: l.measured_seconds,
                approved_seconds: l.approved_seconds,
                dispute_reason: l.dispute_reason,
                bill_minor: l.bill_minor.filter(|_| sees_bill),
                pay_minor: l.pay_minor.filter(|_| sees_pay),
                vendor_margin_minor: l
                    .vendor_margin_minor
                    .filter(|_| matches!(who, Vendor | Platform)),
                platform_minor: l.platform_minor.filter(|_| who == Platform),
                ledger_transaction_id: l.ledger_transaction_id.filter(|_| who == Platform),
            })
            .collect(),
        history,
        id: TimesheetId::from_db(s.id),
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimesheetParams {
    pub status: Option<Status>,
    pub project: Option<ProjectId>,
    /// One expert's sheets (not for labs, who see handles).
    pub expert: Option<ExpertId>,
    /// Any instant of the week wanted.
    pub week: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List timesheets
///
/// Weekly timesheets, oldest first. Experts see their own; vendor admins those of work on
/// their roster; lab members (and API keys with `billing:read`) those of their labs, by
/// handle; platform admins all.
#[utoipa::path(
    tag = "payments",
    params(TimesheetParams),
    responses(
        (status = 200, description = "Timesheets", body = Page<TimesheetView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, description = "`expert` names an expert the caller cannot see (or none)", body = crate::http::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/timesheets")]
async fn list_timesheets(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<TimesheetParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    super::routes::check_week(q.week)?;
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(TimesheetId::PREFIX)?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let mut filter = SheetFilter::default();
            let all = matches!(&principal, Principal::User(u) if u.is_platform_admin);
            if !all {
                let (own, labs, vendors) = match &principal {
                    Principal::User(u) => (
                        crate::experts::service::expert_id_of(conn, &principal)?,
                        u.org_ids(OrgKind::Lab, false),
                        u.org_ids(OrgKind::Vendor, true),
                    ),
                    Principal::ApiKey(k) => {
                        principal.org_read(&k.org_id, Scope::BillingRead)?;
                        (None, vec![k.org_id.to_string()], vec![])
                    }
                };
                filter.visible = Some(Visible {
                    expert: own.unwrap_or_default(),
                    labs,
                    vendors,
                });
            }
            // Naming an expert is for those who may see them (as for time entries: labs
            // cannot link an id to a handle).
            if let Some(e) = &q.expert {
                crate::experts::service::visible_expert(conn, &principal, e)?;
                filter.expert = Some(e.as_str().to_owned());
            }
            filter.status = q.status.map(Status::as_str);
            filter.project = q.project.as_ref().map(|p| p.as_str().to_owned());
            filter.week = q.week.map(|w| crate::clock::week_of(w).naive_utc());
            let rows = sheets_store::list(conn, filter, &req)?;
            Page::try_from_rows(
                rows,
                &req,
                |s| s.id.clone(),
                |s| {
                    let who = viewer(conn, &principal, &s)?.unwrap_or(Viewer::Lab);
                    view(conn, s, who)
                },
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// A timesheet
#[utoipa::path(
    tag = "payments",
    params(("timesheet" = TimesheetId, Path, description = "Timesheet id")),
    responses(
        (status = 200, description = "The timesheet with its lines and history", body = TimesheetView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/timesheets/{timesheet}")]
async fn get_timesheet(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: TimesheetId = path_id("timesheet", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let (s, who) = visible(conn, &principal, &id)?;
            view(conn, s, who)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Runs a change of a visible sheet that `allowed` viewers may make; returns its new view.
async fn change(
    state: &AppState,
    principal: Principal,
    id: TimesheetId,
    allowed: &'static [Viewer],
    f: impl FnOnce(&mut DbConn, DateTime<Utc>, &Actor, &SheetRow) -> ApiResult<()> + Send + 'static,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    let v = state
        .db
        .write_once(move |conn| -> ApiResult<_> {
            let (s, who) = visible(conn, &principal, &id)?;
            // A lab change needs an administrator of the lab (not a member or an API key).
            let ok = allowed.contains(&who)
                && (who != Viewer::Lab
                    || principal
                        .org_admin(&OrgId::from_db(s.org_id.clone()))
                        .is_ok());
            if !ok {
                return Err(ApiError::forbidden(match allowed {
                    [Viewer::Expert] => "only the timesheet's expert can do this",
                    [Viewer::Lab] => "only an administrator of the project's lab can do this",
                    _ => "only platform administrators may do this",
                }));
            }
            f(conn, now, &Actor::of(&principal), &s)?;
            let s = timesheets::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("timesheet vanished")))?;
            view(conn, s, who)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Submit a timesheet
///
/// The expert submits their sheet once its week is over (the payments sweep does it
/// otherwise). The rates are fixed and the lab's approval window starts.
#[utoipa::path(
    tag = "payments",
    params(("timesheet" = TimesheetId, Path, description = "Timesheet id")),
    responses(
        (status = 200, description = "Submitted", body = TimesheetView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/timesheets/{timesheet}/submit")]
async fn submit_timesheet(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: TimesheetId = path_id("timesheet", &path)?;
    let settings = state.settings.payments.clone();
    let hooks = state.settings.webhooks.clone();
    change(
        &state,
        principal,
        id,
        &[Viewer::Expert],
        move |conn, now, actor, s| {
            Ok(timesheets::submit(
                conn,
                now,
                &settings,
                &hooks,
                actor,
                Mover::Expert,
                s,
            )?)
        },
    )
    .await
}

/// Approve a timesheet
///
/// An administrator of the project's lab approves a submitted sheet; its lines are posted
/// to the ledger (billed to the lab, paid to the expert).
#[utoipa::path(
    tag = "payments",
    params(("timesheet" = TimesheetId, Path, description = "Timesheet id")),
    responses(
        (status = 200, description = "Approved", body = TimesheetView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/timesheets/{timesheet}/approve")]
async fn approve_timesheet(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: TimesheetId = path_id("timesheet", &path)?;
    change(
        &state,
        principal,
        id,
        &[Viewer::Lab],
        move |conn, now, actor, s| {
            Ok(timesheets::approve(
                conn,
                now,
                actor,
                Mover::Lab,
                s,
                &[],
                None,
            )?)
        },
    )
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputedLine {
    pub line_id: TimesheetLineId,
    /// Why the lab disputes the line (1–1000 characters); shown to the expert.
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// The lines disputed (at least one), each with a reason.
    #[schema(min_items = 1, max_items = 100)]
    pub lines: Vec<DisputedLine>,
}

impl Validate for Dispute {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            (1..=100).contains(&self.lines.len()),
            "lines",
            "name 1 to 100 lines",
        );
        for (i, l) in self.lines.iter().enumerate() {
            c.text(&l.reason, &format!("lines[{i}].reason"), 1, 1000);
            c.check(
                !self.lines[..i].iter().any(|x| x.line_id == l.line_id),
                &format!("lines[{i}].line_id"),
                "is named twice",
            );
        }
        c.finish()
    }
}

/// Dispute a timesheet
///
/// An administrator of the project's lab disputes lines of a submitted sheet, each with a
/// reason. The sheet stops auto-approving; a platform admin resolves it.
#[utoipa::path(
    tag = "payments",
    params(("timesheet" = TimesheetId, Path, description = "Timesheet id")),
    request_body = Dispute,
    responses(
        (status = 200, description = "Disputed", body = TimesheetView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/timesheets/{timesheet}/dispute")]
async fn dispute_timesheet(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<Dispute>,
) -> ApiResult<HttpResponse> {
    let id: TimesheetId = path_id("timesheet", &path)?;
    let lines: Vec<(String, String)> = body
        .into_inner()
        .lines
        .into_iter()
        .map(|l| (l.line_id.into_string(), l.reason.trim().to_owned()))
        .collect();
    let hooks = state.settings.webhooks.clone();
    change(
        &state,
        principal,
        id,
        &[Viewer::Lab],
        move |conn, now, actor, s| Ok(timesheets::dispute(conn, now, &hooks, actor, s, &lines)?),
    )
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolvedLine {
    pub line_id: TimesheetLineId,
    /// The seconds to pay and bill (0 up to the measured seconds).
    pub approved_seconds: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TimesheetResolution)]
pub struct Resolution {
    /// Lines whose time changes; lines not named are approved as measured.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub lines: Vec<ResolvedLine>,
    /// The decision, shown to the lab and the expert (1–2000 characters).
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

impl Validate for Resolution {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.note, "note", 1, 2000);
        c.check(self.lines.len() <= 100, "lines", "at most 100 lines");
        for (i, l) in self.lines.iter().enumerate() {
            c.check(
                l.approved_seconds >= 0,
                &format!("lines[{i}].approved_seconds"),
                "must not be negative",
            );
            c.check(
                !self.lines[..i].iter().any(|x| x.line_id == l.line_id),
                &format!("lines[{i}].line_id"),
                "is named twice",
            );
        }
        c.finish()
    }
}

/// Resolve a disputed timesheet
///
/// A platform admin approves a disputed sheet, optionally reducing lines to the time they
/// judge right, with a note. The lines are then posted to the ledger.
#[utoipa::path(
    tag = "payments",
    params(("timesheet" = TimesheetId, Path, description = "Timesheet id")),
    request_body = Resolution,
    responses(
        (status = 200, description = "Resolved and approved", body = TimesheetView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/timesheets/{timesheet}/resolve")]
async fn resolve_timesheet(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<Resolution>,
) -> ApiResult<HttpResponse> {
    let id: TimesheetId = path_id("timesheet", &path)?;
    let b = body.into_inner();
    let adjust: Vec<(String, i64)> = b
        .lines
        .into_iter()
        .map(|l| (l.line_id.into_string(), l.approved_seconds))
        .collect();
    let note = b.note.trim().to_owned();
    change(
        &state,
        principal,
        id,
        &[Viewer::Platform],
        move |conn, now, actor, s| {
            Ok(timesheets::approve(
                conn,
                now,
                actor,
                Mover::Platform,
                s,
                &adjust,
                Some(&note),
            )?)
        },
    )
    .await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PayRateView {
    pub id: PayRateId,
    pub project_id: ProjectId,
    pub currency: String,
    pub pay_per_hour_minor: i64,
    /// `expert_rate` (their own, same currency) or `standard_rate` (the bill rate net of
    /// fee and margin; the expert quotes another currency).
    pub basis: String,
    /// The first timesheet week (Monday 00:00 UTC) this rate applies to.
    pub effective_week: DateTime<Utc>,
    pub fixed_at: DateTime<Utc>,
}

/// An expert's pay rates
///
/// Per project, fixed at first routing; a change of the expert's own rate applies from the
/// next week. The expert, their vendor's admins and platform admins.
#[utoipa::path(
    tag = "payments",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Pay rates, newest first per project", body = [PayRateView]),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/pay-rates")]
async fn list_pay_rates(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            if !crate::experts::service::sees_identity(conn, &principal, id.as_str())? {
                return Err(ApiError::not_found(format!("expert {id} not found")));
            }
            let rows = rates_store::of_expert(conn, id.as_str())?;
            Ok(rows
                .into_iter()
                .map(|r| PayRateView {
                    id: PayRateId::from_db(r.id),
                    project_id: ProjectId::from_db(r.project_id),
                    currency: r.currency,
                    pay_per_hour_minor: r.pay_per_hour_minor,
                    basis: r.basis,
                    effective_week: crate::clock::utc(r.effective_week),
                    fixed_at: crate::clock::utc(r.created_at),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VendorAgreement {
    /// The vendor's margin in basis points of the bill (0–10000, and with the platform
    /// fee at most the whole bill).
    #[schema(minimum = 0, maximum = 10000)]
    pub margin_bps: i64,
}

impl Validate for VendorAgreement {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            (0..=10_000).contains(&self.margin_bps),
            "margin_bps",
            "must be between 0 and 10000",
        );
        c.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VendorAgreementView {
    pub vendor_org_id: OrgId,
    pub margin_bps: i64,
    /// `agreement`, or `default` (`payments.vendor_margin_bps`; no agreement yet).
    pub source: String,
    pub updated_at: Option<DateTime<Utc>>,
}

fn vendor_org(conn: &mut DbConn, org: &OrgId) -> ApiResult<()> {
    let kind = crate::orgs::find_org(conn, org.as_str())?
        .map(|o| o.kind)
        .ok_or_else(|| ApiError::not_found(format!("organization {org} not found")))?;
    if kind != "vendor" {
        return Err(ApiError::conflict(
            "only vendor organizations have agreements",
        ));
    }
    Ok(())
}

fn agreement_view(conn: &mut DbConn, org: &OrgId, default: i64) -> ApiResult<VendorAgreementView> {
    let row = vendor_agreements::find(conn, org.as_str())?;
    Ok(VendorAgreementView {
        vendor_org_id: org.clone(),
        margin_bps: row.map_or(default, |r| r.0),
        source: if row.is_some() {
            "agreement"
        } else {
            "default"
        }
        .into(),
        updated_at: row.map(|r| crate::clock::utc(r.1)),
    })
}

/// A vendor's agreement
///
/// The vendor's margin. Its administrators and platform admins.
#[utoipa::path(
    tag = "payments",
    params(("org" = OrgId, Path, description = "Vendor organization id")),
    responses(
        (status = 200, description = "The agreement", body = VendorAgreementView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/vendor-agreement")]
async fn get_vendor_agreement(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_admin(&org)?;
    let default = state.settings.payments.vendor_margin_bps;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            vendor_org(conn, &org)?;
            agreement_view(conn, &org, default)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Set a vendor's agreement
///
/// Platform admins set the vendor's margin; it applies to timesheets submitted from now on.
#[utoipa::path(
    tag = "payments",
    params(("org" = OrgId, Path, description = "Vendor organization id")),
    request_body = VendorAgreement,
    responses(
        (status = 200, description = "The agreement", body = VendorAgreementView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[put("/orgs/{org}/vendor-agreement")]
async fn set_vendor_agreement(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<VendorAgreement>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    let admin = principal.platform_admin()?.user_id.clone();
    let b = body.into_inner();
    let fee = state.settings.payments.platform_fee_bps;
    if b.margin_bps + fee > 10_000 {
        return Err(ApiError::invalid_field(
            "margin_bps",
            format!("with the platform fee of {fee} basis points it exceeds the whole bill"),
        ));
    }
    let now = state.now();
    let default = state.settings.payments.vendor_margin_bps;
    let actor = Actor::of(&principal);
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            vendor_org(conn, &org)?;
            vendor_agreements::upsert(
                conn,
                org.as_str(),
                b.margin_bps,
                admin.as_str(),
                now.naive_utc(),
            )?;
            crate::audit::record(
                conn,
                now,
                &actor,
                Entry {
                    action: "vendor.agreement_set",
                    org_id: Some(org.as_str()),
                    subject_type: "org",
                    subject_id: Some(org.as_str()),
                    details: serde_json::json!({"margin_bps": b.margin_bps}),
                },
            )?;
            agreement_view(conn, &org, default)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
