//! The `payouts` table: an expert's pay going out in one currency, and its transfer's
//! progress (pending → submitted → paid, or failed).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::payouts;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = payouts)]
pub struct PayoutRow {
    pub id: String,
    pub expert_id: String,
    pub currency: String,
    pub amount_minor: i64,
    pub method: String,
    pub status: String,
    pub stripe_account_id: Option<String>,
    pub stripe_transfer_id: Option<String>,
    pub idempotency_key: String,
    pub attempts: i32,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub retry_of: Option<String>,
    pub ledger_transaction_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub paid_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub paid_reference: Option<String>,
    pub paid_by: Option<String>,
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<PayoutRow>> {
    payouts::table
        .find(id)
        .select(PayoutRow::as_select())
        .first(conn)
        .optional()
}

/// What a list of payouts filters by (all optional, combined with AND).
#[derive(Default)]
pub struct PayoutFilter {
    /// Only this expert's (the caller's own, for experts).
    pub owner: Option<String>,
    pub expert: Option<String>,
    pub status: Option<String>,
}

/// One page of payouts, oldest first.
pub fn list(conn: &mut DbConn, f: PayoutFilter, p: &PageRequest) -> QueryResult<Vec<PayoutRow>> {
    let mut query = payouts::table.into_boxed();
    if let Some(o) = f.owner {
        query = query.filter(payouts::expert_id.eq(o));
    }
    if let Some(e) = f.expert {
        query = query.filter(payouts::expert_id.eq(e));
    }
    if let Some(s) = f.status {
        query = query.filter(payouts::status.eq(s));
    }
    if let Some(a) = &p.after {
        query = query.filter(payouts::id.gt(a.clone()));
    }
    query
        .order_by(payouts::id.asc())
        .limit(p.limit + 1)
        .select(PayoutRow::as_select())
        .load(conn)
}

/// The amounts of the expert's pending payouts in the currency.
pub fn pending_amounts(conn: &mut DbConn, expert: &str, currency: &str) -> QueryResult<Vec<i64>> {
    payouts::table
        .filter(payouts::expert_id.eq(expert))
        .filter(payouts::currency.eq(currency))
        .filter(payouts::status.eq("pending"))
        .select(payouts::amount_minor)
        .load(conn)
}

/// The expert's latest failed payout in the currency.
pub fn latest_failed(
    conn: &mut DbConn,
    expert: &str,
    currency: &str,
) -> QueryResult<Option<String>> {
    payouts::table
        .filter(payouts::expert_id.eq(expert))
        .filter(payouts::currency.eq(currency))
        .filter(payouts::status.eq("failed"))
        .order_by(payouts::id.desc())
        .select(payouts::id)
        .first(conn)
        .optional()
}

/// The pending Stripe payouts, oldest first.
pub fn pending_stripe(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    payouts::table
        .filter(payouts::status.eq("pending"))
        .filter(payouts::method.eq("stripe"))
        .order_by(payouts::id.asc())
        .select(payouts::id)
        .load(conn)
}

/// The payout paid by a transfer.
pub fn id_of_transfer(conn: &mut DbConn, transfer: &str) -> QueryResult<Option<String>> {
    payouts::table
        .filter(payouts::stripe_transfer_id.eq(transfer))
        .select(payouts::id)
        .first(conn)
        .optional()
}

/// (currency, status, amount) of every payout of the expert.
pub fn amounts_of_expert(
    conn: &mut DbConn,
    expert: &str,
) -> QueryResult<Vec<(String, String, i64)>> {
    payouts::table
        .filter(payouts::expert_id.eq(expert))
        .select((payouts::currency, payouts::status, payouts::amount_minor))
        .load(conn)
}

/// A new, pending payout.
pub struct NewPayout<'a> {
    pub id: &'a str,
    pub expert_id: &'a str,
    pub currency: &'a str,
    pub amount_minor: i64,
    pub method: &'a str,
    pub stripe_account_id: Option<&'a str>,
    pub idempotency_key: &'a str,
    pub retry_of: Option<&'a str>,
    pub created_at: NaiveDateTime,
}

pub fn insert_pending(conn: &mut DbConn, p: &NewPayout<'_>) -> QueryResult<()> {
    diesel::insert_into(payouts::table)
        .values((
            payouts::id.eq(p.id),
            payouts::expert_id.eq(p.expert_id),
            payouts::currency.eq(p.currency),
            payouts::amount_minor.eq(p.amount_minor),
            payouts::method.eq(p.method),
            payouts::status.eq("pending"),
            payouts::stripe_account_id.eq(p.stripe_account_id),
            payouts::idempotency_key.eq(p.idempotency_key),
            payouts::attempts.eq(0),
            payouts::retry_of.eq(p.retry_of),
            payouts::created_at.eq(p.created_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// pending → submitted with the transfer; the number of payouts moved.
pub fn set_submitted(
    conn: &mut DbConn,
    id: &str,
    transfer: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        payouts::table
            .find(id)
            .filter(payouts::status.eq("pending")),
    )
    .set((
        payouts::status.eq("submitted"),
        payouts::stripe_transfer_id.eq(transfer),
        payouts::submitted_at.eq(at),
        payouts::claimed_until.eq(None::<NaiveDateTime>),
        payouts::last_error.eq(None::<String>),
    ))
    .execute(conn)
}

/// Records the ledger transaction that posted the payout.
pub fn set_ledger_transaction(conn: &mut DbConn, id: &str, tx: &str) -> QueryResult<()> {
    diesel::update(payouts::table.find(id))
        .set(payouts::ledger_transaction_id.eq(tx))
        .execute(conn)?;
    Ok(())
}

/// submitted → paid by the transfer; the number of payouts moved.
pub fn set_transfer_paid(
    conn: &mut DbConn,
    id: &str,
    transfer: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        payouts::table
            .find(id)
            .filter(payouts::status.eq("submitted")),
    )
    .set((
        payouts::status.eq("paid"),
        payouts::paid_at.eq(at),
        payouts::paid_reference.eq(transfer),
    ))
    .execute(conn)
}

/// pending → paid, settled by hand; the number of payouts moved.
pub fn set_manually_paid(
    conn: &mut DbConn,
    id: &str,
    reference: &str,
    by: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        payouts::table
            .find(id)
            .filter(payouts::status.eq("pending")),
    )
    .set((
        payouts::status.eq("paid"),
        payouts::paid_at.eq(at),
        payouts::paid_reference.eq(reference),
        payouts::paid_by.eq(by),
    ))
    .execute(conn)
}

/// One of `from` → failed; the number of payouts moved.
pub fn set_failed(
    conn: &mut DbConn,
    id: &str,
    from: &[&str],
    error: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(payouts::table.find(id).filter(payouts::status.eq_any(from)))
        .set((
            payouts::status.eq("failed"),
            payouts::failed_at.eq(at),
            payouts::claimed_until.eq(None::<NaiveDateTime>),
            payouts::last_error.eq(error),
        ))
        .execute(conn)
}

/// Claims a pending Stripe payout nobody holds (or whose claim expired) until `until`,
/// counting the attempt; the number of payouts claimed.
pub fn claim(
    conn: &mut DbConn,
    id: &str,
    at: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        payouts::table
            .find(id)
            .filter(payouts::status.eq("pending"))
            .filter(payouts::method.eq("stripe"))
            .filter(
                payouts::claimed_until
                    .is_null()
                    .or(payouts::claimed_until.lt(at)),
            ),
    )
    .set((
        payouts::claimed_until.eq(until),
        payouts::attempts.eq(payouts::attempts + 1),
    ))
    .execute(conn)
}

/// Releases a pending payout's claim, recording why its attempt ended.
pub fn release(conn: &mut DbConn, id: &str, error: &str) -> QueryResult<usize> {
    diesel::update(
        payouts::table
            .find(id)
            .filter(payouts::status.eq("pending")),
    )
    .set((
        payouts::claimed_until.eq(None::<NaiveDateTime>),
        payouts::last_error.eq(error),
    ))
    .execute(conn)
}
