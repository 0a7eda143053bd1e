//! The `vendor_agreements` table: a vendor's margin, set by platform admins.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::vendor_agreements;

/// The vendor's agreed margin in basis points, if it has an agreement.
pub fn margin_of(conn: &mut DbConn, vendor: &str) -> QueryResult<Option<i64>> {
    vendor_agreements::table
        .find(vendor)
        .select(vendor_agreements::margin_bps)
        .first(conn)
        .optional()
}

/// The vendor's agreement: (margin in basis points, last updated).
pub fn find(conn: &mut DbConn, vendor: &str) -> QueryResult<Option<(i64, NaiveDateTime)>> {
    vendor_agreements::table
        .find(vendor)
        .select((vendor_agreements::margin_bps, vendor_agreements::updated_at))
        .first(conn)
        .optional()
}

/// Sets the vendor's margin: updates its agreement, or creates it.
pub fn upsert(
    conn: &mut DbConn,
    vendor: &str,
    margin_bps: i64,
    updated_by: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let n = diesel::update(vendor_agreements::table.find(vendor))
        .set((
            vendor_agreements::margin_bps.eq(margin_bps),
            vendor_agreements::updated_by.eq(updated_by),
            vendor_agreements::updated_at.eq(at),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(vendor_agreements::table)
            .values((
                vendor_agreements::vendor_org_id.eq(vendor),
                vendor_agreements::margin_bps.eq(margin_bps),
                vendor_agreements::updated_by.eq(updated_by),
                vendor_agreements::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}
