//! Read-only queries that join other features' tables (reports and routing reads).
//! Nothing here writes; writes go through each table's owner.

use diesel::prelude::*;

use super::store::ItemRow;
use crate::db::DbConn;
use crate::db::schema::{assignments, items, outcomes};

// ---------------------------------------------------------------------------------------
// The candidate table: slice standings joined with their experts, in routing-key order
// (undrawn candidates, key 1e9, first).

#[derive(Debug, Clone, Queryable)]
pub struct CandidateRow {
    pub expert_id: String,
    pub status: String,
    pub tier: String,
    pub alpha: f64,
    pub beta: f64,
    pub score_bound: f64,
    pub theta: Option<f64>,
    pub vendor_id: Option<String>,
    pub vetting_status: String,
    pub languages: String,
    pub affiliations: String,
    pub open_assignments: i32,
    pub desired_rate_minor: i64,
    pub desired_currency: String,
    pub handle: String,
    /// The expert's account has a confirmed e-mail address (an unverified account
    /// receives no work).
    pub email_verified: bool,
    /// The approval of the vendor whose roster the expert is on (None: no vendor). An
    /// expert on a pending or rejected vendor's roster receives no lab work.
    pub vendor_approval: Option<String>,
}

impl CandidateRow {
    /// Vetted `approved`, e-mail verified, and not on the roster of a vendor the platform
    /// has not approved.
    pub fn may_work(&self) -> bool {
        self.vetting_status == "approved"
            && self.email_verified
            && self
                .vendor_approval
                .as_deref()
                .is_none_or(|a| a == crate::auth::OrgApproval::Approved.as_str())
    }
}

/// Experts whose route to work is open: on no vendor's roster, or on an approved vendor's
/// (README "Approved vendors"). A filter on `experts`.
macro_rules! vendor_route_open {
    () => {
        experts::vendor_id.is_null().or(experts::vendor_id.eq_any(
            crate::db::schema::orgs::table
                .filter(
                    crate::db::schema::orgs::approval_status
                        .eq(crate::auth::OrgApproval::Approved.as_str()),
                )
                .select(crate::db::schema::orgs::id.nullable()),
        ))
    };
}

/// The columns of a [`CandidateRow`] (standings `ss` joined with `experts`).
macro_rules! candidate_columns {
    () => {
        (
            ss::expert_id,
            ss::status,
            ss::tier,
            ss::alpha,
            ss::beta,
            ss::score_bound,
            ss::theta,
            experts::vendor_id,
            experts::vetting_status,
            experts::languages,
            experts::affiliations,
            experts::open_assignments,
            experts::desired_rate_minor,
            experts::desired_currency,
            experts::handle,
            diesel::dsl::exists(
                crate::db::schema::users::table
                    .filter(crate::db::schema::users::id.eq(experts::user_id))
                    .filter(crate::db::schema::users::email_verified_at.is_not_null()),
            ),
            crate::db::schema::orgs::approval_status.nullable(),
        )
    };
}

/// Standings `ss` joined with their experts and the experts' vendors.
macro_rules! candidate_table {
    () => {
        ss::table
            .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
            .left_join(
                crate::db::schema::orgs::table
                    .on(experts::vendor_id.eq(crate::db::schema::orgs::id.nullable())),
            )
    };
}

/// One page of the slice's candidates after `after` (key, expert id), in descending
/// routing-key order (`score_bound`, served by `slice_standings_routing_idx`).
pub fn candidates_page(
    conn: &mut DbConn,
    slice: &str,
    after: Option<&(f64, String)>,
    limit: i64,
) -> QueryResult<Vec<CandidateRow>> {
    use crate::db::schema::{experts, slice_standings as ss};
    let mut q = candidate_table!()
        .filter(ss::slice_id.eq(slice))
        .order_by((ss::score_bound.desc(), ss::expert_id.asc()))
        .limit(limit)
        .select(candidate_columns!())
        .into_boxed();
    if let Some((bound, id)) = after {
        q = q.filter(
            ss::score_bound
                .lt(*bound)
                .or(ss::score_bound.eq(*bound).and(ss::expert_id.gt(id.clone()))),
        );
    }
    q.load(conn)
}

/// The candidate rows of specific experts in the slice (experts on shift, planning).
pub fn candidates_for(
    conn: &mut DbConn,
    slice: &str,
    experts_: &[String],
) -> QueryResult<Vec<CandidateRow>> {
    use crate::db::schema::{experts, slice_standings as ss};
    if experts_.is_empty() {
        return Ok(Vec::new());
    }
    candidate_table!()
        .filter(ss::slice_id.eq(slice))
        .filter(ss::expert_id.eq_any(experts_.to_vec()))
        .order_by(ss::expert_id.asc())
        .select(candidate_columns!())
        .load(conn)
}

/// The expert's candidate rows in every slice where they hold a standing, with the slice.
pub fn candidate_slices_of(
    conn: &mut DbConn,
    expert: &str,
) -> QueryResult<Vec<(String, CandidateRow)>> {
    use crate::db::schema::{experts, slice_standings as ss};
    let rows: Vec<(String, CandidateRow)> = candidate_table!()
        .filter(ss::expert_id.eq(expert))
        .order_by(ss::slice_id.asc())
        .select((ss::slice_id, candidate_columns!()))
        .load(conn)?;
    Ok(rows)
}

/// Waiting items an expert could take, most urgent first (effective priority — the lab's
/// priority raised by the deadline curve, [`super::deadlines`] — then deadline, then age): `queued` items of `annotate` slices and `adjudicating` items of `adjudicate`
/// slices, of active projects, that the expert is not on in any role. Served by
/// `items_waiting_idx`; at most `limit` rows.
pub fn waiting_for_expert(
    conn: &mut DbConn,
    expert: &str,
    annotate: &[String],
    adjudicate: &[String],
    limit: i64,
) -> QueryResult<Vec<ItemRow>> {
    use crate::db::schema::projects;
    let mut out = Vec::new();
    // One index-ordered read per (slice, status): an `IN (…)` over slices would make
    // PostgreSQL sort the whole backlog instead of reading the head of the index.
    let wanted = annotate
        .iter()
        .map(|s| (s, "queued"))
        .chain(adjudicate.iter().map(|s| (s, "adjudicating")));
    for (slice, status) in wanted {
        let rows: Vec<ItemRow> = items::table
            .filter(items::slice_id.eq(slice))
            .filter(items::status.eq(status))
            .filter(
                // Active projects whose budget allows new work (README "Budget").
                items::project_id.eq_any(
                    projects::table
                        .filter(projects::status.eq("active"))
                        .filter(projects::budget_state.ne("reached"))
                        .select(projects::id),
                ),
            )
            .filter(diesel::dsl::not(diesel::dsl::exists(
                assignments::table
                    .filter(assignments::item_id.eq(items::id.nullable()))
                    .filter(assignments::expert_id.eq(expert)),
            )))
            .order_by((
                items::effective_priority.desc(),
                items::deadline_at.asc(),
                items::id.asc(),
            ))
            .limit(limit)
            .select(ItemRow::as_select())
            .load(conn)?;
        out.extend(rows);
    }
    out.sort_by(|a, b| {
        b.effective_priority
            .cmp(&a.effective_priority)
            .then(a.deadline_at.cmp(&b.deadline_at))
            .then(a.id.cmp(&b.id))
    });
    out.truncate(limit.max(0) as usize);
    Ok(out)
}

/// Approved experts below the cap who hold a routable standing (probation or qualified)
/// in a slice that has `queued` items, or the adjudicator tier in a slice with
/// `adjudicating` items; at most `limit`, fewest open assignments first. This is what the
/// routing sweep repairs: nobody else can take a waiting item, so items are never read
/// one by one.
pub fn experts_with_capacity_for_waiting(
    conn: &mut DbConn,
    cap: i64,
    limit: i64,
) -> QueryResult<Vec<String>> {
    use crate::db::schema::{experts, slice_standings as ss};
    let waiting_slices = |status: &'static str| {
        items::table
            .filter(items::status.eq(status))
            .select(items::slice_id)
            .distinct()
    };
    let mut ids: Vec<(i32, String)> = ss::table
        .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
        .filter(experts::vetting_status.eq("approved"))
        .filter(vendor_route_open!())
        .filter(experts::open_assignments.lt(cap as i32))
        .filter(
            ss::status
                .eq_any(["probation", "qualified"])
                .and(ss::slice_id.eq_any(waiting_slices("queued")))
                .or(ss::status
                    .eq("qualified")
                    .and(ss::tier.eq("adjudicator"))
                    .and(ss::slice_id.eq_any(waiting_slices("adjudicating")))),
        )
        .select((experts::open_assignments, experts::id))
        .distinct()
        .order_by((experts::open_assignments.asc(), experts::id.asc()))
        .limit(limit)
        .load(conn)?;
    ids.dedup_by(|a, b| a.1 == b.1);
    Ok(ids.into_iter().map(|(_, id)| id).collect())
}

/// Whether anyone could take a new item of the slice now: an approved expert below the
/// cap with one of `allowed` statuses in it.
pub fn slice_has_capacity(
    conn: &mut DbConn,
    slice: &str,
    allowed: &[&str],
    cap: i64,
) -> QueryResult<bool> {
    use crate::db::schema::{experts, slice_standings as ss};
    let n: i64 = ss::table
        .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
        .filter(ss::slice_id.eq(slice))
        .filter(ss::status.eq_any(allowed.to_vec()))
        .filter(experts::vetting_status.eq("approved"))
        .filter(vendor_route_open!())
        .filter(experts::open_assignments.lt(cap as i32))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Whether the slice has any approved expert with one of `allowed` statuses, busy or not.
pub fn slice_has_candidates(conn: &mut DbConn, slice: &str, allowed: &[&str]) -> QueryResult<bool> {
    use crate::db::schema::{experts, slice_standings as ss};
    let n: i64 = ss::table
        .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
        .filter(ss::slice_id.eq(slice))
        .filter(ss::status.eq_any(allowed.to_vec()))
        .filter(experts::vetting_status.eq("approved"))
        .filter(vendor_route_open!())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The project's gold items of the slice the expert has not been routed yet.
pub fn unseen_gold(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    expert: &str,
) -> QueryResult<Vec<String>> {
    use crate::db::schema::gold_items;
    let seen: std::collections::HashSet<String> = assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::role.eq("annotator"))
        .filter(assignments::gold_item_id.is_not_null())
        .select(assignments::gold_item_id)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    Ok(gold_items::table
        .filter(gold_items::project_id.eq(project))
        .filter(gold_items::slice_id.eq(slice))
        .order_by(gold_items::id.asc())
        .select(gold_items::id)
        .load::<String>(conn)?
        .into_iter()
        .filter(|g| !seen.contains(g))
        .collect())
}

/// The `agreed` flag of each assignment's `resolved` outcome of these items.
pub fn resolved_outcomes_of(
    conn: &mut DbConn,
    items_: &[String],
) -> QueryResult<std::collections::HashMap<String, Option<bool>>> {
    if items_.is_empty() {
        return Ok(Default::default());
    }
    Ok(outcomes::table
        .filter(outcomes::item_id.eq_any(items_.iter().map(|i| Some(i.as_str()))))
        .filter(outcomes::event.eq("resolved"))
        .select((outcomes::assignment_id, outcomes::agreed))
        .load::<(Option<String>, Option<bool>)>(conn)?
        .into_iter()
        .filter_map(|(a, agreed)| a.map(|a| (a, agreed)))
        .collect())
}

/// How many gold items the project has in the slice.
pub fn gold_pool_size(conn: &mut DbConn, project: &str, slice: &str) -> QueryResult<i64> {
    use crate::db::schema::gold_items;
    gold_items::table
        .filter(gold_items::project_id.eq(project))
        .filter(gold_items::slice_id.eq(slice))
        .count()
        .get_result(conn)
}

/// The e-mail addresses of the lab's admins.
pub fn lab_admin_emails(conn: &mut DbConn, org: &str) -> QueryResult<Vec<String>> {
    use crate::db::schema::{memberships, users};
    users::table
        .inner_join(memberships::table.on(memberships::user_id.eq(users::id)))
        .filter(memberships::org_id.eq(org))
        .filter(memberships::role.eq("lab_admin"))
        .select(users::email)
        .order_by(users::email.asc())
        .load(conn)
}

/// What a real offer looked like: its priority, its item's judge confidence, and when it
/// was offered and due.
pub struct OfferLook {
    pub priority: i32,
    pub judge_confidence: Option<f64>,
    pub offered_at: chrono::NaiveDateTime,
    pub due_at: chrono::NaiveDateTime,
}

/// (item, priority, judge confidence, offered at, due at).
type OfferRow = (
    Option<String>,
    i32,
    Option<f64>,
    chrono::NaiveDateTime,
    chrono::NaiveDateTime,
);

/// The project slice's latest real annotator offers to other experts (at most `limit`),
/// on items `expert` has never been offered: what a gold offer to `expert` may look like.
pub fn recent_real_offers(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    expert: &str,
    limit: i64,
) -> QueryResult<Vec<OfferLook>> {
    let rows: Vec<OfferRow> = assignments::table
        .inner_join(items::table.on(assignments::item_id.eq(items::id.nullable())))
        .filter(assignments::project_id.eq(project))
        .filter(assignments::slice_id.eq(slice))
        .filter(assignments::role.eq("annotator"))
        .filter(assignments::expert_id.ne(expert))
        .order_by(assignments::offered_at.desc())
        .limit(limit)
        .select((
            assignments::item_id,
            assignments::priority,
            items::judge_confidence,
            assignments::offered_at,
            assignments::due_at,
        ))
        .load(conn)?;
    let ids: Vec<String> = rows.iter().filter_map(|r| r.0.clone()).collect();
    let mine: std::collections::HashSet<String> = assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::item_id.eq_any(ids.iter().map(|i| Some(i.as_str()))))
        .select(assignments::item_id)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(item, priority, judge_confidence, offered_at, due_at)| {
            let item_id = item?;
            (!mine.contains(&item_id)).then_some(OfferLook {
                priority,
                judge_confidence,
                offered_at,
                due_at,
            })
        })
        .collect())
}

/// The project's items that wait for experts (queued, or adjudicating with no
/// adjudicator yet) after `after` in id order, at most `limit`: what a project at its
/// budget cap marks with the reason.
pub fn waiting_in_project(
    conn: &mut DbConn,
    project: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<String>> {
    let mut q = items::table
        .filter(items::project_id.eq(project))
        .filter(
            items::status
                .eq("queued")
                .or(items::status
                    .eq("adjudicating")
                    .and(diesel::dsl::not(diesel::dsl::exists(
                        assignments::table
                            .filter(assignments::item_id.eq(items::id.nullable()))
                            .filter(assignments::role.eq("adjudicator"))
                            .filter(assignments::status.eq_any([
                                "offered",
                                "accepted",
                                "submitted",
                            ])),
                    )))),
        )
        .order_by(items::id.asc())
        .limit(limit)
        .select(items::id)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(items::id.gt(a.to_owned()));
    }
    q.load(conn)
}

/// The project's waiting items (queued or adjudicating) with their slice, best first
/// (priority, deadline, age), at most `limit`: what routing offers when the project's
/// budget allows new work again.
pub fn waiting_by_priority(
    conn: &mut DbConn,
    project: &str,
    limit: i64,
) -> QueryResult<Vec<(String, String)>> {
    items::table
        .filter(items::project_id.eq(project))
        .filter(items::status.eq_any(["queued", "adjudicating"]))
        .order_by((
            items::priority.desc(),
            items::deadline_at.asc(),
            items::id.asc(),
        ))
        .limit(limit)
        .select((items::id, items::slice_id))
        .load(conn)
}
