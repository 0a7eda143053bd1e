//! The `invoices` and `invoice_lines` tables: one invoice per lab and currency per run,
//! one line per project, slice and bill rate.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{invoice_lines, invoices};

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

/// What a list of invoices filters by (all optional, combined with AND).
#[derive(Default)]
pub struct InvoiceFilter {
    /// `None`: every lab's (platform admins).
    pub orgs: Option<Vec<String>>,
    pub org: Option<String>,
    pub status: Option<String>,
}

/// One page of invoices, oldest first.
pub fn list(conn: &mut DbConn, f: InvoiceFilter, p: &PageRequest) -> QueryResult<Vec<InvoiceRow>> {
    let mut query = invoices::table.into_boxed();
    if let Some(orgs) = f.orgs {
        query = query.filter(invoices::org_id.eq_any(orgs));
    }
    if let Some(o) = f.org {
        query = query.filter(invoices::org_id.eq(o));
    }
    if let Some(s) = f.status {
        query = query.filter(invoices::status.eq(s));
    }
    if let Some(a) = &p.after {
        query = query.filter(invoices::id.gt(a.clone()));
    }
    query
        .order_by(invoices::id.asc())
        .limit(p.limit + 1)
        .select(InvoiceRow::as_select())
        .load(conn)
}

/// The invoice collected through a PaymentIntent.
pub fn id_of_payment_intent(conn: &mut DbConn, pi: &str) -> QueryResult<Option<String>> {
    invoices::table
        .filter(invoices::stripe_payment_intent_id.eq(pi))
        .select(invoices::id)
        .first(conn)
        .optional()
}

/// A new invoice.
pub struct NewInvoice<'a> {
    pub id: &'a str,
    pub org_id: &'a str,
    pub currency: &'a str,
    pub status: &'a str,
    pub period_start: NaiveDateTime,
    pub period_end: NaiveDateTime,
    pub total_minor: i64,
    pub collection: &'a str,
    pub issued_at: NaiveDateTime,
    pub paid_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, i: &NewInvoice<'_>) -> QueryResult<()> {
    diesel::insert_into(invoices::table)
        .values((
            invoices::id.eq(i.id),
            invoices::org_id.eq(i.org_id),
            invoices::currency.eq(i.currency),
            invoices::status.eq(i.status),
            invoices::period_start.eq(i.period_start),
            invoices::period_end.eq(i.period_end),
            invoices::total_minor.eq(i.total_minor),
            invoices::collection.eq(i.collection),
            invoices::issued_at.eq(i.issued_at),
            invoices::paid_at.eq(i.paid_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A new invoice line.
pub struct NewLine<'a> {
    pub id: &'a str,
    pub invoice_id: &'a str,
    pub project_id: &'a str,
    pub slice_id: &'a str,
    pub bill_rate_minor: i64,
    pub seconds: i64,
    pub timesheets: i32,
    pub amount_minor: i64,
}

pub fn insert_line(conn: &mut DbConn, l: &NewLine<'_>) -> QueryResult<()> {
    diesel::insert_into(invoice_lines::table)
        .values((
            invoice_lines::id.eq(l.id),
            invoice_lines::invoice_id.eq(l.invoice_id),
            invoice_lines::project_id.eq(l.project_id),
            invoice_lines::slice_id.eq(l.slice_id),
            invoice_lines::bill_rate_minor.eq(l.bill_rate_minor),
            invoice_lines::seconds.eq(l.seconds),
            invoice_lines::timesheets.eq(l.timesheets),
            invoice_lines::amount_minor.eq(l.amount_minor),
        ))
        .execute(conn)?;
    Ok(())
}

/// open → paid; the number of invoices moved (0: it was not open).
pub fn set_paid(
    conn: &mut DbConn,
    id: &str,
    at: NaiveDateTime,
    reference: &str,
    by: &str,
) -> QueryResult<usize> {
    diesel::update(invoices::table.find(id).filter(invoices::status.eq("open")))
        .set((
            invoices::status.eq("paid"),
            invoices::paid_at.eq(at),
            invoices::paid_reference.eq(reference),
            invoices::paid_by.eq(by),
        ))
        .execute(conn)
}

/// Records the invoice's PaymentIntent unless it has one; the number of invoices changed.
pub fn set_payment_intent(
    conn: &mut DbConn,
    id: &str,
    pi: &str,
    client_secret: &str,
) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .find(id)
            .filter(invoices::stripe_payment_intent_id.is_null()),
    )
    .set((
        invoices::stripe_payment_intent_id.eq(pi),
        invoices::stripe_client_secret.eq(client_secret),
    ))
    .execute(conn)
}

/// Switches an invoice without a PaymentIntent to manual collection; the number changed.
pub fn set_manual_collection(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .find(id)
            .filter(invoices::stripe_payment_intent_id.is_null()),
    )
    .set(invoices::collection.eq("manual"))
    .execute(conn)
}
