//! Lab invoices (DESIGN, "Hourly payment"): approved timesheets roll into one invoice per
//! lab and currency, with a line per project, slice and bill rate (the lines' amounts are
//! the sum of the approved timesheet lines, each rounded on its own as the ledger posted
//! it, so an invoice always equals what the lab owes in the ledger).
//!
//! The payments sweep invoices every sheet approved before the current week began (weekly
//! invoicing); a platform admin can invoice everything approved so far on demand. With
//! Stripe configured an invoice is collected through a PaymentIntent the lab confirms
//! (README "Paying an invoice") and is marked paid by Stripe's `payment_intent.succeeded`
//! webhook; without Stripe a platform admin marks it paid when the money arrives.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::ledger;
use super::store::{self as ledger_store, Source};
use crate::audit::{Actor, Entry};
use crate::db::DbConn;
use crate::db::schema::{invoice_lines, invoices, payments_lock, timesheets};
use crate::http::{ApiError, ApiResult};
use crate::ids::{InvoiceId, InvoiceLineId};

/// Creates the PaymentIntent of an invoice (Stripe configured).
pub const COLLECT_INVOICE: &str = "payments.collect_invoice";

#[derive(Debug, Serialize, Deserialize)]
pub struct CollectJob {
    pub invoice: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invoices)]
pub struct InvoiceRow {
    pub id: String,
    pub org_id: String,
    pub currency: String,
    pub status: String,
    pub period_start: NaiveDateTime,
    pub period_end: NaiveDateTime,
    pub total_minor: i64,
    pub collection: String,
    pub stripe_payment_intent_id: Option<String>,
    pub stripe_client_secret: Option<String>,
    pub issued_at: NaiveDateTime,
    pub paid_at: Option<NaiveDateTime>,
    pub paid_reference: Option<String>,
    pub paid_by: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invoice_lines)]
pub struct InvoiceLineRow {
    pub id: String,
    pub invoice_id: String,
    pub project_id: String,
    pub slice_id: String,
    pub bill_rate_minor: i64,
    pub seconds: i64,
    pub timesheets: i32,
    pub amount_minor: i64,
}

/// Serialises payment runs (invoicing, payouts) on both engines.
pub fn lock(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(payments_lock::table.find(1))
        .set(payments_lock::version.eq(payments_lock::version + 1))
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<InvoiceRow>> {
    invoices::table
        .find(id)
        .select(InvoiceRow::as_select())
        .first(conn)
        .optional()
}

pub fn lines_of(conn: &mut DbConn, invoice: &str) -> QueryResult<Vec<InvoiceLineRow>> {
    invoice_lines::table
        .filter(invoice_lines::invoice_id.eq(invoice))
        .order_by((
            invoice_lines::project_id.asc(),
            invoice_lines::slice_id.asc(),
        ))
        .select(InvoiceLineRow::as_select())
        .load(conn)
}

/// Invoices every approved, uninvoiced sheet approved before `cutoff`: one invoice per
/// lab and currency. Returns the new invoices' ids.
pub fn issue(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    stripe: bool,
    cutoff: DateTime<Utc>,
    actor: &Actor,
) -> ApiResult<Vec<String>> {
    lock(conn)?;
    let sheets: Vec<(String, String, String, NaiveDateTime, String, Option<i64>)> =
        timesheets::table
            .filter(timesheets::status.eq("approved"))
            .filter(timesheets::invoice_id.is_null())
            .filter(timesheets::approved_at.lt(cutoff.naive_utc()))
            .order_by(timesheets::id.asc())
            .limit(5000)
            .select((
                timesheets::id,
                timesheets::org_id,
                timesheets::currency,
                timesheets::week_start,
                timesheets::project_id,
                timesheets::bill_rate_minor,
            ))
            .load(conn)?;
    // (lab, currency) -> [(sheet, week, project, bill rate)]
    type Sheets = Vec<(String, NaiveDateTime, String, i64)>;
    let mut groups: BTreeMap<(String, String), Sheets> = BTreeMap::new();
    for (id, org, cur, week, project, bill) in sheets {
        groups
            .entry((org, cur))
            .or_default()
            .push((id, week, project, bill.unwrap_or(0)));
    }
    let t = now.naive_utc();
    let mut issued = Vec::new();
    for ((org, currency), sheets) in groups {
        let id = InvoiceId::new(now).into_string();
        // (project, slice, bill rate) -> (seconds, sheets, amount)
        let mut lines: BTreeMap<(String, String, i64), (i64, i32, i64)> = BTreeMap::new();
        for (sheet, _, project, bill) in &sheets {
            let ls = super::timesheets::lines_of(conn, sheet)?;
            for l in ls {
                let e = lines
                    .entry((project.clone(), l.slice_id.clone(), *bill))
                    .or_default();
                e.0 += l.seconds();
                e.1 += 1;
                e.2 += l.bill_minor.unwrap_or(0);
            }
        }
        let total: i64 = lines.values().map(|v| v.2).sum();
        let start = sheets.iter().map(|s| s.1).min().unwrap_or(t);
        let end = sheets.iter().map(|s| s.1).max().unwrap_or(t) + Duration::days(7);
        let collection = if stripe && total > 0 {
            "stripe"
        } else {
            "manual"
        };
        diesel::insert_into(invoices::table)
            .values((
                invoices::id.eq(&id),
                invoices::org_id.eq(&org),
                invoices::currency.eq(&currency),
                // Nothing to collect: settled on issue.
                invoices::status.eq(if total > 0 { "open" } else { "paid" }),
                invoices::period_start.eq(start),
                invoices::period_end.eq(end),
                invoices::total_minor.eq(total),
                invoices::collection.eq(collection),
                invoices::issued_at.eq(t),
                invoices::paid_at.eq((total == 0).then_some(t)),
            ))
            .execute(conn)?;
        for ((project, slice, bill), (seconds, n, amount)) in &lines {
            diesel::insert_into(invoice_lines::table)
                .values((
                    invoice_lines::id.eq(InvoiceLineId::new(now).as_str()),
                    invoice_lines::invoice_id.eq(&id),
                    invoice_lines::project_id.eq(project),
                    invoice_lines::slice_id.eq(slice),
                    invoice_lines::bill_rate_minor.eq(bill),
                    invoice_lines::seconds.eq(seconds),
                    invoice_lines::timesheets.eq(n),
                    invoice_lines::amount_minor.eq(amount),
                ))
                .execute(conn)?;
        }
        let ids: Vec<&String> = sheets.iter().map(|s| &s.0).collect();
        diesel::update(
            timesheets::table
                .filter(timesheets::id.eq_any(&ids))
                .filter(timesheets::invoice_id.is_null()),
        )
        .set(timesheets::invoice_id.eq(&id))
        .execute(conn)?;
        if collection == "stripe" {
            crate::jobs::enqueue(
                conn,
                now,
                crate::jobs::Queue::Payments,
                COLLECT_INVOICE,
                &CollectJob {
                    invoice: id.clone(),
                },
            )
            .map_err(ApiError::internal)?;
        }
        crate::audit::record(
            conn,
            now,
            actor,
            Entry {
                action: "invoice.issued",
                org_id: Some(&org),
                subject_type: "invoice",
                subject_id: Some(&id),
                details: json!({"total_minor": total, "currency": currency, "timesheets": ids.len(), "collection": collection}),
            },
        )?;
        issued.push(id);
    }
    Ok(issued)
}

/// Marks an open invoice paid and posts the payment (once per invoice).
pub fn mark_paid(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    inv: &InvoiceRow,
    reference: &str,
) -> ApiResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        invoices::table
            .find(&inv.id)
            .filter(invoices::status.eq("open")),
    )
    .set((
        invoices::status.eq("paid"),
        invoices::paid_at.eq(t),
        invoices::paid_reference.eq(reference),
        invoices::paid_by.eq(actor.id.as_deref().unwrap_or(actor.kind)),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    ledger_store::post(
        conn,
        now,
        &ledger::invoice_paid(inv.total_minor, &inv.currency, &inv.org_id),
        &format!("invoice {} paid ({reference})", inv.id),
        &Source {
            kind: "invoice",
            id: &inv.id,
        },
        actor.id.as_deref(),
    )?;
    crate::audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "invoice.paid",
            org_id: Some(&inv.org_id),
            subject_type: "invoice",
            subject_id: Some(&inv.id),
            details: json!({"reference": reference, "total_minor": inv.total_minor}),
        },
    )?;
    Ok(true)
}

/// Records the PaymentIntent created for an invoice (first one wins).
pub fn set_payment_intent(
    conn: &mut DbConn,
    invoice: &str,
    pi: &str,
    client_secret: &str,
) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .find(invoice)
            .filter(invoices::stripe_payment_intent_id.is_null()),
    )
    .set((
        invoices::stripe_payment_intent_id.eq(pi),
        invoices::stripe_client_secret.eq(client_secret),
    ))
    .execute(conn)
}

/// The timesheets billed on an invoice (the lab's drill-down).
pub fn sheets_of(conn: &mut DbConn, invoice: &str) -> QueryResult<Vec<String>> {
    timesheets::table
        .filter(timesheets::invoice_id.eq(invoice))
        .order_by(timesheets::id.asc())
        .select(timesheets::id)
        .load(conn)
}

/// Used by the sweep: invoices are issued weekly, for sheets approved before this week.
pub fn weekly_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    crate::clock::week_of(now)
}

/// The collection job: creates the invoice's PaymentIntent (idempotent per invoice) and
/// records it, so the lab can pay. Retried by the job runner while Stripe is unreachable.
pub async fn collect(
    db: &crate::db::Db,
    now: DateTime<Utc>,
    stripe: Option<&super::stripe::StripeApi>,
    job: &CollectJob,
) -> anyhow::Result<()> {
    let id = job.invoice.clone();
    let inv = db
        .read(move |conn| -> ApiResult<_> { Ok(find(conn, &id)?) })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let Some(inv) = inv else {
        anyhow::bail!("invoice {} not found", job.invoice);
    };
    if inv.status != "open" || inv.stripe_payment_intent_id.is_some() {
        return Ok(());
    }
    let Some(stripe) = stripe else {
        anyhow::bail!(
            "invoice {} is collected through Stripe, but payments.stripe.secret_key is not set",
            inv.id
        );
    };
    let (pi, secret) = match stripe
        .create_payment_intent(inv.total_minor, &inv.currency, &inv.id, &inv.org_id)
        .await
    {
        Ok(x) => x,
        // Stripe will not take this payment (below its minimum, a currency it does not
        // support): the invoice is collected by hand instead.
        Err(super::stripe::CallError::Refused(m)) => {
            tracing::warn!(invoice = %inv.id, error = %m, "Stripe refused the PaymentIntent; the invoice is collected manually");
            db.write(move |conn| -> ApiResult<_> {
                let n = diesel::update(
                    invoices::table
                        .find(&inv.id)
                        .filter(invoices::stripe_payment_intent_id.is_null()),
                )
                .set(invoices::collection.eq("manual"))
                .execute(conn)?;
                if n == 1 {
                    crate::audit::record(
                        conn,
                        now,
                        &Actor::system(),
                        Entry {
                            action: "invoice.collection_manual",
                            org_id: Some(&inv.org_id),
                            subject_type: "invoice",
                            subject_id: Some(&inv.id),
                            details: json!({"stripe_error": m}),
                        },
                    )?;
                }
                Ok(())
            })
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            return Ok(());
        }
        Err(e) => anyhow::bail!("invoice {}: {e}", inv.id),
    };
    db.write(move |conn| -> ApiResult<_> { Ok(set_payment_intent(conn, &inv.id, &pi, &secret)?) })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
