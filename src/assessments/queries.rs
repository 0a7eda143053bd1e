//! Read-only queries that join other features' tables (reports and cross-feature reads).
//! Nothing here writes; writes go through each table's owner.

use crate::assignments::AssignmentRow;
use crate::db::DbConn;
use crate::db::schema::{assignments, gold_items};
use diesel::prelude::*;
use std::collections::HashSet;

/// Platform-pool gold items of the slice the expert has never been assessed on.
pub fn unseen_pool(conn: &mut DbConn, expert: &str, slice: &str) -> QueryResult<Vec<String>> {
    let seen: HashSet<String> = assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::role.eq("assessment"))
        .select(assignments::gold_item_id)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    Ok(gold_items::table
        .filter(gold_items::owner_kind.eq("platform"))
        .filter(gold_items::slice_id.eq(slice))
        .order_by(gold_items::id.asc())
        .select(gold_items::id)
        .load::<String>(conn)?
        .into_iter()
        .filter(|id| !seen.contains(id))
        .collect())
}

/// An assessment's items with their gold payloads, in order.
pub fn items_of(
    conn: &mut DbConn,
    assessment: &str,
) -> QueryResult<Vec<(AssignmentRow, crate::gold::GoldRow)>> {
    assignments::table
        .inner_join(gold_items::table.on(assignments::gold_item_id.eq(gold_items::id.nullable())))
        .filter(assignments::assessment_id.eq(assessment))
        .order_by(assignments::position.asc())
        .select((
            AssignmentRow::as_select(),
            crate::gold::GoldRow::as_select(),
        ))
        .load(conn)
}
