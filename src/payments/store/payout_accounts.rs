//! The `payout_accounts` table: an expert's Stripe Connect account and its status.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::payout_accounts;
use crate::payments::stripe::AccountState;

/// (Stripe account, details submitted, payouts enabled, requirements due as JSON, latest
/// bank payout's status).
pub type AccountRow = (String, bool, bool, String, Option<String>);

pub fn find(conn: &mut DbConn, expert: &str) -> QueryResult<Option<AccountRow>> {
    payout_accounts::table
        .find(expert)
        .select((
            payout_accounts::stripe_account_id,
            payout_accounts::details_submitted,
            payout_accounts::payouts_enabled,
            payout_accounts::requirements_due,
            payout_accounts::last_bank_payout_status,
        ))
        .first(conn)
        .optional()
}

/// The expert's Stripe account and whether Stripe can pay it.
pub fn receiving(conn: &mut DbConn, expert: &str) -> QueryResult<Option<(String, bool)>> {
    payout_accounts::table
        .find(expert)
        .select((
            payout_accounts::stripe_account_id,
            payout_accounts::payouts_enabled,
        ))
        .first(conn)
        .optional()
}

fn requirements(a: &AccountState) -> String {
    serde_json::to_string(&a.requirements_due).unwrap_or_else(|_| "[]".into())
}

/// Records the expert's account unless they have one; true when it was recorded.
pub fn insert_if_absent(
    conn: &mut DbConn,
    expert: &str,
    a: &AccountState,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let known: i64 = payout_accounts::table
        .find(expert)
        .count()
        .get_result(conn)?;
    if known > 0 {
        return Ok(false);
    }
    diesel::insert_into(payout_accounts::table)
        .values((
            payout_accounts::expert_id.eq(expert),
            payout_accounts::stripe_account_id.eq(&a.id),
            payout_accounts::details_submitted.eq(a.details_submitted),
            payout_accounts::payouts_enabled.eq(a.payouts_enabled),
            payout_accounts::requirements_due.eq(requirements(a)),
            payout_accounts::created_at.eq(at),
            payout_accounts::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Updates the account's status from Stripe; the number of accounts changed.
pub fn set_state(conn: &mut DbConn, a: &AccountState, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(payout_accounts::table.filter(payout_accounts::stripe_account_id.eq(&a.id)))
        .set((
            payout_accounts::details_submitted.eq(a.details_submitted),
            payout_accounts::payouts_enabled.eq(a.payouts_enabled),
            payout_accounts::requirements_due.eq(requirements(a)),
            payout_accounts::updated_at.eq(at),
        ))
        .execute(conn)
}

/// Records the status (`paid`, `failed`) of the account's latest bank payout; the number of
/// accounts changed.
pub fn set_last_bank_payout(
    conn: &mut DbConn,
    account: &str,
    status: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(payout_accounts::table.filter(payout_accounts::stripe_account_id.eq(account)))
        .set((
            payout_accounts::last_bank_payout_status.eq(status),
            payout_accounts::last_bank_payout_at.eq(Some(at)),
            payout_accounts::updated_at.eq(at),
        ))
        .execute(conn)
}
