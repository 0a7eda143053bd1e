//! The `pay_rates` table: an expert's pay rate per project, from an effective week on.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::pay_rates;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pay_rates)]
pub struct PayRateRow {
    pub id: String,
    pub expert_id: String,
    pub project_id: String,
    pub currency: String,
    pub pay_per_hour_minor: i64,
    pub basis: String,
    pub effective_week: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

/// A new rate.
pub struct NewPayRate<'a> {
    pub id: &'a str,
    pub expert_id: &'a str,
    pub project_id: &'a str,
    pub currency: &'a str,
    pub pay_per_hour_minor: i64,
    pub basis: &'a str,
    pub effective_week: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, r: &NewPayRate<'_>) -> QueryResult<()> {
    diesel::insert_into(pay_rates::table)
        .values((
            pay_rates::id.eq(r.id),
            pay_rates::expert_id.eq(r.expert_id),
            pay_rates::project_id.eq(r.project_id),
            pay_rates::currency.eq(r.currency),
            pay_rates::pay_per_hour_minor.eq(r.pay_per_hour_minor),
            pay_rates::basis.eq(r.basis),
            pay_rates::effective_week.eq(r.effective_week),
            pay_rates::created_at.eq(r.created_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many rates the expert has for the project.
pub fn count_for(conn: &mut DbConn, expert: &str, project: &str) -> QueryResult<i64> {
    pay_rates::table
        .filter(pay_rates::expert_id.eq(expert))
        .filter(pay_rates::project_id.eq(project))
        .count()
        .get_result(conn)
}

/// The rate in force in the week starting `week`: the latest effective by then.
pub fn in_force(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    week: NaiveDateTime,
) -> QueryResult<Option<PayRateRow>> {
    pay_rates::table
        .filter(pay_rates::expert_id.eq(expert))
        .filter(pay_rates::project_id.eq(project))
        .filter(pay_rates::effective_week.le(week))
        .order_by(pay_rates::effective_week.desc())
        .select(PayRateRow::as_select())
        .first(conn)
        .optional()
}

/// The projects the expert has a rate for.
pub fn projects_of(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<String>> {
    pay_rates::table
        .filter(pay_rates::expert_id.eq(expert))
        .select(pay_rates::project_id)
        .distinct()
        .load(conn)
}

/// Removes the expert's rate for the project that takes effect in exactly `week`.
pub fn delete_effective(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    week: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        pay_rates::table
            .filter(pay_rates::expert_id.eq(expert))
            .filter(pay_rates::project_id.eq(project))
            .filter(pay_rates::effective_week.eq(week)),
    )
    .execute(conn)
}

/// Every rate of the expert, by project, newest first per project.
pub fn of_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<PayRateRow>> {
    pay_rates::table
        .filter(pay_rates::expert_id.eq(expert))
        .order_by((
            pay_rates::project_id.asc(),
            pay_rates::effective_week.desc(),
        ))
        .select(PayRateRow::as_select())
        .load(conn)
}
