//! `/v1/invoices…`: lab invoices. The lab's members (and its API keys with
//! `billing:read`) see their lab's; platform admins all, and they issue invoices on demand
//! and mark manually collected ones paid.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::invoices::{self, InvoiceRow};
use super::store::invoices::{self as store, InvoiceFilter};
use crate::audit::Actor;
use crate::auth::{Principal, Scope};
use crate::db::DbConn;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{InvoiceId, InvoiceLineId, OrgId, ProjectId, SliceId, TimesheetId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_invoices)
        .service(get_invoice)
        .service(run_invoicing)
        .service(mark_invoice_paid);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceLineView {
    pub id: InvoiceLineId,
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    pub bill_rate_minor: i64,
    pub seconds: i64,
    /// Hours worked (seconds / 3600, for reading).
    pub hours: f64,
    pub timesheets: i32,
    /// The sum of the approved timesheet lines (each rounded half to even on its own).
    pub amount_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StripePayment {
    pub payment_intent_id: String,
    /// Confirm the payment with Stripe.js (`stripe.confirmPayment`) using this secret.
    pub client_secret: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceView {
    pub id: InvoiceId,
    pub org_id: OrgId,
    pub currency: String,
    /// `open` or `paid`.
    pub status: String,
    /// The first timesheet week billed (Monday 00:00 UTC).
    pub period_start: DateTime<Utc>,
    /// The end of the last timesheet week billed.
    pub period_end: DateTime<Utc>,
    pub total_minor: i64,
    /// `stripe` (pay through the PaymentIntent) or `manual` (bank transfer; a platform
    /// admin marks it paid).
    pub collection: String,
    /// Present once the PaymentIntent exists (Stripe collection).
    pub stripe: Option<StripePayment>,
    pub issued_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub paid_reference: Option<String>,
    pub lines: Vec<InvoiceLineView>,
    pub timesheet_ids: Vec<TimesheetId>,
}

fn view(conn: &mut DbConn, r: InvoiceRow) -> ApiResult<InvoiceView> {
    let lines = invoices::lines_of(conn, &r.id)?
        .into_iter()
        .map(|l| InvoiceLineView {
            id: InvoiceLineId::from_db(l.id),
            project_id: ProjectId::from_db(l.project_id),
            slice_id: SliceId::from_db(l.slice_id),
            bill_rate_minor: l.bill_rate_minor,
            seconds: l.seconds,
            hours: l.seconds as f64 / 3600.0,
            timesheets: l.timesheets,
            amount_minor: l.amount_minor,
        })
        .collect();
    let sheets = invoices::sheets_of(conn, &r.id)?
        .into_iter()
        .map(TimesheetId::from_db)
        .collect();
    Ok(InvoiceView {
        stripe: match (r.stripe_payment_intent_id, r.stripe_client_secret) {
            (Some(payment_intent_id), Some(client_secret)) => Some(StripePayment {
                payment_intent_id,
                client_secret,
            }),
            _ => None,
        },
        id: InvoiceId::from_db(r.id),
        org_id: OrgId::from_db(r.org_id),
        currency: r.currency,
        status: r.status,
        period_start: crate::clock::utc(r.period_start),
        period_end: crate::clock::utc(r.period_end),
        total_minor: r.total_minor,
        collection: r.collection,
        issued_at: crate::clock::utc(r.issued_at),
        paid_at: r.paid_at.map(crate::clock::utc),
        paid_reference: r.paid_reference,
        lines,
        timesheet_ids: sheets,
    })
}

fn visible(conn: &mut DbConn, principal: &Principal, id: &InvoiceId) -> ApiResult<InvoiceRow> {
    let not_found = || ApiError::not_found(format!("invoice {id} not found"));
    let r = invoices::find(conn, id.as_str())?.ok_or_else(not_found)?;
    principal
        .org_read(&OrgId::from_db(r.org_id.clone()), Scope::BillingRead)
        .map_err(|e| {
            if e.kind() == crate::error::Kind::Forbidden {
                e.into()
            } else {
                not_found()
            }
        })?;
    Ok(r)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InvoiceParams {
    /// `open` or `paid`.
    #[param(pattern = "^(open|paid)$")]
    pub status: Option<String>,
    /// One lab's invoices (platform admins; others see only their own labs').
    pub org: Option<OrgId>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List invoices
///
/// Oldest first. Lab members and API keys with `billing:read` see their labs' invoices;
/// platform admins all.
#[utoipa::path(
    tag = "payments",
    params(InvoiceParams),
    responses(
        (status = 200, description = "Invoices", body = Page<InvoiceView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/invoices")]
async fn list_invoices(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<InvoiceParams>,
) -> ApiResult<HttpResponse> {
    let q = q.0;
    if let Some(s) = &q.status
        && !matches!(s.as_str(), "open" | "paid")
    {
        return Err(ApiError::bad_parameter("status", "must be open or paid"));
    }
    let req = PageParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
    }
    .resolve(InvoiceId::PREFIX)?;
    let orgs = principal.visible_orgs(Some(Scope::BillingRead))?;
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let rows = store::list(
                conn,
                InvoiceFilter {
                    orgs,
                    org: q.org.as_ref().map(|o| o.as_str().to_owned()),
                    status: q.status.clone(),
                },
                &req,
            )?;
            Page::try_from_rows(rows, &req, |r| r.id.clone(), |r| view(conn, r))
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// An invoice
#[utoipa::path(
    tag = "payments",
    params(("invoice" = InvoiceId, Path, description = "Invoice id")),
    responses(
        (status = 200, description = "The invoice with its lines", body = InvoiceView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/invoices/{invoice}")]
async fn get_invoice(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: InvoiceId = path_id("invoice", &path)?;
    let v = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let r = visible(conn, &principal, &id)?;
            view(conn, r)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceRun {
    /// The invoices issued (none when nothing approved was waiting).
    pub issued: Vec<InvoiceView>,
}

/// Issue invoices now
///
/// Platform admins invoice every approved, not yet invoiced timesheet at once (the
/// payments sweep does it weekly for sheets approved before the week began).
#[utoipa::path(
    tag = "payments",
    responses(
        (status = 200, description = "The invoices issued", body = InvoiceRun),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[post("/invoices/run")]
async fn run_invoicing(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let now = state.now();
    let stripe = state.settings.payments.stripe.secret_key.is_some();
    let hooks = state.settings.webhooks.clone();
    let actor = Actor::of(&principal);
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            // Everything approved up to and including this instant.
            let ids = invoices::issue(
                conn,
                now,
                &hooks,
                stripe,
                now + chrono::Duration::microseconds(1),
                &actor,
            )?;
            let mut issued = Vec::with_capacity(ids.len());
            for id in ids {
                let r = invoices::find(conn, &id)?
                    .ok_or_else(|| ApiError::internal(anyhow::anyhow!("invoice vanished")))?;
                issued.push(view(conn, r)?);
            }
            Ok(InvoiceRun { issued })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkPaid {
    /// The settlement's reference (bank transfer id, remittance note; 1–200 characters).
    #[schema(min_length = 1, max_length = 200)]
    pub reference: String,
}

impl Validate for MarkPaid {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.reference, "reference", 1, 200);
        c.finish()
    }
}

/// Mark an invoice paid
///
/// Platform admins record the payment of a manually collected invoice (no Stripe); the
/// ledger moves the lab's receivable to cash. Invoices collected through Stripe are marked
/// paid by Stripe's webhook only.
#[utoipa::path(
    tag = "payments",
    params(("invoice" = InvoiceId, Path, description = "Invoice id")),
    request_body = MarkPaid,
    responses(
        (status = 200, description = "Paid", body = InvoiceView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/invoices/{invoice}/mark-paid")]
async fn mark_invoice_paid(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<MarkPaid>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let id: InvoiceId = path_id("invoice", &path)?;
    let reference = body.into_inner().reference.trim().to_owned();
    let now = state.now();
    let hooks = state.settings.webhooks.clone();
    let actor = Actor::of(&principal);
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let r = invoices::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("invoice {id} not found")))?;
            if r.collection == "stripe" {
                return Err(ApiError::conflict(
                    "this invoice is collected through Stripe; its payment is recorded from Stripe's webhook",
                ));
            }
            if !invoices::mark_paid(conn, now, &hooks, &actor, &r, &reference)? {
                return Err(ApiError::conflict("the invoice is already paid"));
            }
            let r = invoices::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("invoice vanished")))?;
            view(conn, r)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}
