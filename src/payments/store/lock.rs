//! The `payments_lock` table: one row whose update serialises payment runs (invoicing,
//! payouts) on both engines.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::payments_lock;

/// Takes the payments lock until the end of the caller's transaction.
pub fn take(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(payments_lock::table.find(1))
        .set(payments_lock::version.eq(payments_lock::version + 1))
        .execute(conn)?;
    Ok(())
}
