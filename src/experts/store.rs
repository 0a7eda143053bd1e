//! Queries for experts and their vetting history.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{experts, vetting_transitions};
use crate::ids::{ExpertId, VettingTransitionId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = experts)]
pub struct ExpertRow {
    pub id: String,
    pub user_id: String,
    pub vendor_id: Option<String>,
    pub handle: String,
    pub display_name: String,
    pub headline: String,
    pub bio: String,
    pub domain_ids: String,
    pub languages: String,
    pub time_zone: String,
    pub country: String,
    pub affiliations: String,
    pub desired_rate_minor: i64,
    pub desired_currency: String,
    pub contact_consent: bool,
    pub vetting_status: String,
    pub status_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The profile fields an expert sets.
#[derive(Debug, Clone)]
pub struct Profile {
    pub display_name: String,
    pub headline: String,
    pub bio: String,
    pub domain_ids: String,
    pub languages: String,
    pub time_zone: String,
    pub country: String,
    pub affiliations: String,
    pub desired_rate_minor: i64,
    pub desired_currency: String,
    pub contact_consent: bool,
}

impl ExpertRow {
    pub fn profile(&self) -> Profile {
        Profile {
            display_name: self.display_name.clone(),
            headline: self.headline.clone(),
            bio: self.bio.clone(),
            domain_ids: self.domain_ids.clone(),
            languages: self.languages.clone(),
            time_zone: self.time_zone.clone(),
            country: self.country.clone(),
            affiliations: self.affiliations.clone(),
            desired_rate_minor: self.desired_rate_minor,
            desired_currency: self.desired_currency.clone(),
            contact_consent: self.contact_consent,
        }
    }
}

pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    user: &str,
    vendor: Option<&str>,
    p: &Profile,
) -> QueryResult<ExpertId> {
    let id = ExpertId::new(now);
    // The handle reuses the id's random part: pseudonymous and unique.
    let handle = format!("expert-{}", &id.as_str()[id.as_str().len() - 8..]);
    let t = now.naive_utc();
    diesel::insert_into(experts::table)
        .values((
            experts::id.eq(id.as_str()),
            experts::user_id.eq(user),
            experts::vendor_id.eq(vendor),
            experts::handle.eq(&handle),
            experts::vetting_status.eq("applied"),
            experts::status_changed_at.eq(t),
            experts::created_at.eq(t),
            experts::updated_at.eq(t),
            experts::display_name.eq(p.display_name.trim()),
            experts::headline.eq(p.headline.trim()),
            experts::bio.eq(p.bio.trim()),
            experts::domain_ids.eq(&p.domain_ids),
            experts::languages.eq(&p.languages),
            experts::time_zone.eq(&p.time_zone),
            experts::country.eq(&p.country),
            experts::affiliations.eq(&p.affiliations),
            experts::desired_rate_minor.eq(p.desired_rate_minor),
            experts::desired_currency.eq(&p.desired_currency),
            experts::contact_consent.eq(p.contact_consent),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn update_profile(
    conn: &mut DbConn,
    id: &str,
    now: DateTime<Utc>,
    p: &Profile,
) -> QueryResult<usize> {
    diesel::update(experts::table.find(id))
        .set((
            experts::updated_at.eq(now.naive_utc()),
            experts::display_name.eq(p.display_name.trim()),
            experts::headline.eq(p.headline.trim()),
            experts::bio.eq(p.bio.trim()),
            experts::domain_ids.eq(&p.domain_ids),
            experts::languages.eq(&p.languages),
            experts::time_zone.eq(&p.time_zone),
            experts::country.eq(&p.country),
            experts::affiliations.eq(&p.affiliations),
            experts::desired_rate_minor.eq(p.desired_rate_minor),
            experts::desired_currency.eq(&p.desired_currency),
            experts::contact_consent.eq(p.contact_consent),
        ))
        .execute(conn)
}

/// The pseudonymous handles of these experts, by id (one query for a page of views).
pub fn handles_of(
    conn: &mut DbConn,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(experts::table
        .filter(experts::id.eq_any(ids))
        .select((experts::id, experts::handle))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ExpertRow>> {
    experts::table
        .find(id)
        .select(ExpertRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_user(conn: &mut DbConn, user: &str) -> QueryResult<Option<ExpertRow>> {
    experts::table
        .filter(experts::user_id.eq(user))
        .select(ExpertRow::as_select())
        .first(conn)
        .optional()
}

/// Moves the vetting status only if it is still `from` (race-free).
pub fn set_status(
    conn: &mut DbConn,
    id: &str,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        experts::table
            .find(id)
            .filter(experts::vetting_status.eq(from)),
    )
    .set((
        experts::vetting_status.eq(to),
        experts::status_changed_at.eq(t),
        experts::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub struct Filter {
    /// `None`: every roster (platform admins); otherwise only these vendors' experts.
    pub vendors: Option<Vec<String>>,
    pub status: Option<String>,
    pub domain: Option<String>,
    pub vendor: Option<String>,
    /// Only experts whose status has not changed since this instant.
    pub in_state_since: Option<NaiveDateTime>,
}

pub fn list(conn: &mut DbConn, f: &Filter, page: &PageRequest) -> QueryResult<Vec<ExpertRow>> {
    let mut q = experts::table
        .order_by(experts::id.asc())
        .limit(page.limit + 1)
        .select(ExpertRow::as_select())
        .into_boxed();
    if let Some(vendors) = &f.vendors {
        q = q.filter(experts::vendor_id.eq_any(vendors.clone()));
    }
    if let Some(s) = &f.status {
        q = q.filter(experts::vetting_status.eq(s.clone()));
    }
    if let Some(d) = &f.domain {
        // domain_ids is a JSON array of ids; ids contain no quotes or wildcards.
        q = q.filter(experts::domain_ids.like(format!("%\"{d}\"%")));
    }
    if let Some(v) = &f.vendor {
        q = q.filter(experts::vendor_id.eq(v.clone()));
    }
    if let Some(t) = f.in_state_since {
        q = q.filter(experts::status_changed_at.le(t));
    }
    if let Some(after) = &page.after {
        q = q.filter(experts::id.gt(after.clone()));
    }
    q.load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = vetting_transitions)]
pub struct TransitionRow {
    pub from_status: Option<String>,
    pub to_status: String,
    pub reason: String,
    pub actor_type: String,
    pub at: NaiveDateTime,
}

pub fn insert_transition(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    from: Option<&str>,
    to: &str,
    reason: &str,
    actor: &crate::audit::Actor,
) -> QueryResult<()> {
    diesel::insert_into(vetting_transitions::table)
        .values((
            vetting_transitions::id.eq(VettingTransitionId::new(now).into_string()),
            vetting_transitions::expert_id.eq(expert),
            vetting_transitions::from_status.eq(from),
            vetting_transitions::to_status.eq(to),
            vetting_transitions::reason.eq(reason.trim()),
            vetting_transitions::actor_type.eq(actor.kind),
            vetting_transitions::actor_id.eq(actor.id.as_deref()),
            vetting_transitions::at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn transitions(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<TransitionRow>> {
    vetting_transitions::table
        .filter(vetting_transitions::expert_id.eq(expert))
        .order_by(vetting_transitions::id.asc())
        .select(TransitionRow::as_select())
        .load(conn)
}

/// Locks the expert's row until the transaction ends (a no-op update), serialising
/// check-then-insert steps of one expert (their first pay rate for a project, their week's
/// timesheet) on PostgreSQL as SQLite's single writer does.
pub fn lock(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(experts::table.find(id))
        .set(experts::updated_at.eq(experts::updated_at))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Open-assignment counts (the routing cap)

/// Counts one more open assignment for the expert if they are below `cap` (the
/// conditional update that keeps concurrent routing within the cap).
pub fn take_slot(conn: &mut DbConn, expert: &str, cap: i64) -> QueryResult<bool> {
    let n = diesel::update(
        experts::table
            .find(expert)
            .filter(experts::open_assignments.lt(cap as i32)),
    )
    .set(experts::open_assignments.eq(experts::open_assignments + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Counts one open assignment fewer; false if the count was already zero.
pub fn free_slot(conn: &mut DbConn, expert: &str) -> QueryResult<bool> {
    let n = diesel::update(
        experts::table
            .find(expert)
            .filter(experts::open_assignments.gt(0)),
    )
    .set(experts::open_assignments.eq(experts::open_assignments - 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// The expert's open-assignment count.
pub fn open_count(conn: &mut DbConn, expert: &str) -> QueryResult<i32> {
    experts::table
        .find(expert)
        .select(experts::open_assignments)
        .first(conn)
}

/// The open-assignment counts of these experts.
pub fn open_counts(
    conn: &mut DbConn,
    ids: &[&str],
) -> QueryResult<std::collections::HashMap<String, i32>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(experts::table
        .filter(experts::id.eq_any(ids))
        .select((experts::id, experts::open_assignments))
        .load::<(String, i32)>(conn)?
        .into_iter()
        .collect())
}

/// Every expert id with its open-assignment count (start-up rebuild of routing keys).
pub fn all_open_counts(conn: &mut DbConn) -> QueryResult<Vec<(String, i32)>> {
    experts::table
        .select((experts::id, experts::open_assignments))
        .order_by(experts::id.asc())
        .load(conn)
}

/// Anonymises the profile of an erased account and offboards it (no routing, no card).
pub fn erase_profile(conn: &mut DbConn, expert: &str, now: DateTime<Utc>) -> QueryResult<()> {
    let t = now.naive_utc();
    diesel::update(experts::table.find(expert))
        .set((
            experts::display_name.eq("[deleted expert]"),
            experts::headline.eq(""),
            experts::bio.eq(""),
            experts::affiliations.eq("[]"),
            experts::contact_consent.eq(false),
            experts::vetting_status.eq("offboarded"),
            experts::status_changed_at.eq(t),
            experts::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The current roster (rosters keeps the membership history)

/// Sets the expert's current roster: `Some(vendor)` when they join one, `None` when they
/// leave it.
pub fn set_vendor(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    vendor: Option<&str>,
) -> QueryResult<()> {
    diesel::update(experts::table.find(expert))
        .set((
            experts::vendor_id.eq(vendor),
            experts::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}
