//! Lab invoices (docs/adr/0002-money-rules-and-double-entry-ledger.md): approved timesheets
//! roll into one invoice per lab and currency, with a line per project, slice and bill rate
//! (the lines' amounts are the sum of the approved timesheet lines, each rounded on its own as
//! the ledger posted it, so an invoice always equals what the lab owes in the ledger).
//!
//! The payments sweep invoices every sheet approved before the current week began (weekly
//! invoicing); a platform admin can invoice everything approved so far on demand. With
//! Stripe configured an invoice is collected through a PaymentIntent the lab confirms
//! (README "Paying an invoice") and is marked paid by Stripe's `payment_intent.succeeded`
//! webhook; without Stripe a platform admin marks it paid when the money arrives.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::ledger;
use super::store::invoices::{self as store, NewInvoice, NewLine};
use super::store::{self as ledger_store, Source};
use crate::audit::{Actor, Entry};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::ids::{InvoiceId, InvoiceLineId};

pub use super::store::invoices::{InvoiceLineRow, InvoiceRow, find, lines_of, set_payment_intent};

/// Creates the PaymentIntent of an invoice (Stripe configured).
pub const COLLECT_INVOICE: &str = "payments.collect_invoice";

#[derive(Debug, Serialize, Deserialize)]
pub struct CollectJob {
    pub invoice: String,
}

/// Serialises payment runs (invoicing, payouts) on both engines.
pub fn lock(conn: &mut DbConn) -> QueryResult<()> {
    super::store::lock::take(conn)
}

/// Invoices every approved, uninvoiced sheet approved before `cutoff`: one invoice per
/// lab and currency. Returns the new invoices' ids.
pub fn issue(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    hooks: &crate::config::WebhookSettings,
    stripe: bool,
    cutoff: DateTime<Utc>,
    actor: &Actor,
) -> AppResult<Vec<String>> {
    lock(conn)?;
    let sheets = super::store::timesheets::uninvoiced(conn, cutoff.naive_utc())?;
    // (lab, currency) -> [(sheet, week, project, bill rate)]
    type Sheets = Vec<(String, NaiveDateTime, String, i64)>;
    let mut groups: BTreeMap<(String, String), Sheets> = BTreeMap::new();
    for s in sheets {
        groups.entry((s.org_id, s.currency)).or_default().push((
            s.id,
            s.week_start,
            s.project_id,
            s.bill_rate_minor.unwrap_or(0),
        ));
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
        store::insert(
            conn,
            &NewInvoice {
                id: &id,
                org_id: &org,
                currency: &currency,
                // Nothing to collect: settled on issue.
                status: if total > 0 { "open" } else { "paid" },
                period_start: start,
                period_end: end,
                total_minor: total,
                collection,
                issued_at: t,
                paid_at: (total == 0).then_some(t),
            },
        )?;
        for ((project, slice, bill), (seconds, n, amount)) in &lines {
            store::insert_line(
                conn,
                &NewLine {
                    id: InvoiceLineId::new(now).as_str(),
                    invoice_id: &id,
                    project_id: project,
                    slice_id: slice,
                    bill_rate_minor: *bill,
                    seconds: *seconds,
                    timesheets: *n,
                    amount_minor: *amount,
                },
            )?;
        }
        let ids: Vec<&String> = sheets.iter().map(|s| &s.0).collect();
        super::store::timesheets::set_invoice(conn, &ids, &id)?;
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
            .map_err(AppError::internal)?;
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
        let sheets = ids.len();
        crate::webhooks::emit_with(
            conn,
            now,
            hooks,
            &org,
            crate::webhooks::EventType::InvoiceIssued,
            |_| {
                Ok(
                    json!({"invoice": {"id": id, "total_minor": total, "currency": currency,
                    "timesheets": sheets, "collection": collection}}),
                )
            },
        )
        .map_err(AppError::internal)?;
        issued.push(id);
    }
    Ok(issued)
}

/// Marks an open invoice paid and posts the payment (once per invoice).
pub fn mark_paid(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    hooks: &crate::config::WebhookSettings,
    actor: &Actor,
    inv: &InvoiceRow,
    reference: &str,
) -> AppResult<bool> {
    let t = now.naive_utc();
    let n = store::set_paid(
        conn,
        &inv.id,
        t,
        reference,
        actor.id.as_deref().unwrap_or(actor.kind),
    )?;
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
    crate::webhooks::emit_with(
        conn,
        now,
        hooks,
        &inv.org_id,
        crate::webhooks::EventType::InvoicePaid,
        |_| {
            Ok(json!({"invoice_id": inv.id, "total_minor": inv.total_minor,
                "currency": inv.currency, "reference": reference}))
        },
    )
    .map_err(AppError::internal)?;
    Ok(true)
}

/// The timesheets billed on an invoice (the lab's drill-down).
pub fn sheets_of(conn: &mut DbConn, invoice: &str) -> QueryResult<Vec<String>> {
    super::store::timesheets::ids_of_invoice(conn, invoice)
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
        .read(move |conn| -> AppResult<_> { Ok(find(conn, &id)?) })
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
            db.write(move |conn| -> AppResult<_> {
                let n = store::set_manual_collection(conn, &inv.id)?;
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
        // The job is retried; without a working key it keeps failing, so operators hear of
        // it at error level. The lab sees only that the invoice has no payment yet.
        Err(e @ super::stripe::CallError::Configuration(_)) => {
            super::stripe::log_configuration_error(&e, "collecting a lab's invoice");
            anyhow::bail!("invoice {}: {e}", inv.id)
        }
        Err(e) => anyhow::bail!("invoice {}: {e}", inv.id),
    };
    db.write(move |conn| -> AppResult<_> { Ok(set_payment_intent(conn, &inv.id, &pi, &secret)?) })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
