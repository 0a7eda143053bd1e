//! Read-only queries that join other features' tables (reports and cross-feature reads).
//! Nothing here writes; writes go through each table's owner.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::profile::Metric;
use super::store::*;
use crate::db::DbConn;
use crate::db::schema::{gold_items, memberships, outcomes, score_profiles, users};

/// Outcomes in id order (which is time order), optionally of one expert and one slice,
/// a page after `after`.
pub fn outcomes_page(
    conn: &mut DbConn,
    expert: Option<&str>,
    slice: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ScoredOutcome>> {
    let mut q = outcomes::table.into_boxed();
    if let Some(e) = expert {
        q = q.filter(outcomes::expert_id.eq(e.to_owned()));
    }
    if let Some(s) = slice {
        q = q.filter(outcomes::slice_id.eq(s.to_owned()));
    }
    if let Some(a) = after {
        q = q.filter(outcomes::id.gt(a.to_owned()));
    }
    q.order_by(outcomes::id.asc())
        .limit(limit)
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// The resolved outcomes of one item (all its judgments, written together).
pub fn resolved_of_item(conn: &mut DbConn, item: &str) -> QueryResult<Vec<ScoredOutcome>> {
    outcomes::table
        .filter(outcomes::item_id.eq(item))
        .filter(outcomes::event.eq("resolved"))
        .order_by(outcomes::id.asc())
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// The gold verdicts of one assignment, oldest first (a check, then any corrections).
pub fn gold_verdicts(conn: &mut DbConn, assignment: &str) -> QueryResult<Vec<ScoredOutcome>> {
    outcomes::table
        .filter(outcomes::assignment_id.eq(assignment))
        .filter(outcomes::event.eq_any(["gold_checked", "gold_corrected"]))
        .order_by(outcomes::id.asc())
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// Gold verdict corrections (an overturned gold answer), oldest first.
pub fn corrections(
    conn: &mut DbConn,
    expert: Option<&str>,
    slice: Option<&str>,
) -> QueryResult<Vec<ScoredOutcome>> {
    let mut q = outcomes::table
        .filter(outcomes::event.eq("gold_corrected"))
        .into_boxed();
    if let Some(e) = expert {
        q = q.filter(outcomes::expert_id.eq(e.to_owned()));
    }
    if let Some(s) = slice {
        q = q.filter(outcomes::slice_id.eq(s.to_owned()));
    }
    q.order_by(outcomes::id.asc())
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// Outcomes of `events` in the window, newest first, at most [`WINDOW_LIMIT`].
pub fn window(
    conn: &mut DbConn,
    w: &Window<'_>,
    events: &[&str],
) -> QueryResult<Vec<ScoredOutcome>> {
    use crate::db::schema::experts;
    let mut q = outcomes::table
        .filter(outcomes::slice_id.eq(w.slice.to_owned()))
        .filter(outcomes::occurred_at.ge(w.since.naive_utc()))
        .filter(outcomes::event.eq_any(events.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>()))
        .into_boxed();
    if let Some(p) = w.project {
        q = q.filter(outcomes::project_id.eq(p.to_owned()));
    }
    if let Some(v) = w.vendor {
        q = q.filter(
            outcomes::expert_id.eq_any(
                experts::table
                    .filter(experts::vendor_id.eq(v.to_owned()))
                    .select(experts::id.nullable()),
            ),
        );
    }
    q.order_by(outcomes::id.desc())
        .limit(WINDOW_LIMIT)
        .select(ScoredOutcome::as_select())
        .load(conn)
}

/// Gold-accuracy tallies of the slice's experts (of one vendor, if given).
pub fn gold_tallies(
    conn: &mut DbConn,
    slice: &str,
    vendor: Option<&str>,
) -> QueryResult<Vec<ProfileRow>> {
    use crate::db::schema::experts;
    let mut q = score_profiles::table
        .filter(score_profiles::slice_id.eq(slice.to_owned()))
        .filter(score_profiles::metric.eq(Metric::GoldAccuracy.as_str()))
        .into_boxed();
    if let Some(v) = vendor {
        q = q.filter(
            score_profiles::expert_id.eq_any(
                experts::table
                    .filter(experts::vendor_id.eq(v.to_owned()))
                    .select(experts::id),
            ),
        );
    }
    q.order_by(score_profiles::id.asc())
        .select(ProfileRow::as_select())
        .load(conn)
}

/// Slices with resolved items since `since`.
pub fn active_slices(conn: &mut DbConn, since: DateTime<Utc>) -> QueryResult<Vec<String>> {
    outcomes::table
        .filter(outcomes::event.eq("resolved"))
        .filter(outcomes::occurred_at.ge(since.naive_utc()))
        .select(outcomes::slice_id)
        .distinct()
        .order_by(outcomes::slice_id.asc())
        .load(conn)
}

/// The (org, project, slice) triples with items resolved since `since`: the project
/// slices whose reliability the scoring sweep checks for their labs.
pub fn active_project_slices(
    conn: &mut DbConn,
    since: DateTime<Utc>,
) -> QueryResult<Vec<(String, String, String)>> {
    let rows: Vec<(Option<String>, Option<String>, String)> = outcomes::table
        .filter(outcomes::event.eq("resolved"))
        .filter(outcomes::occurred_at.ge(since.naive_utc()))
        .filter(outcomes::project_id.is_not_null())
        .select((outcomes::org_id, outcomes::project_id, outcomes::slice_id))
        .distinct()
        .order_by((outcomes::project_id.asc(), outcomes::slice_id.asc()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(o, p, s)| Some((o?, p?, s)))
        .collect())
}

/// The e-mail addresses of the platform admins.
pub fn platform_admin_emails(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    users::table
        .filter(users::is_platform_admin.eq(true))
        .select(users::email)
        .order_by(users::email.asc())
        .load(conn)
}

/// The e-mail addresses of the lab's admins.
pub fn lab_admin_emails(conn: &mut DbConn, org: &str) -> QueryResult<Vec<String>> {
    users::table
        .inner_join(memberships::table.on(memberships::user_id.eq(users::id)))
        .filter(memberships::org_id.eq(org))
        .filter(memberships::role.eq("lab_admin"))
        .select(users::email)
        .order_by(users::email.asc())
        .load(conn)
}

/// Experts (ids, possibly null) with resolved annotator judgments in the slice since
/// `since`.
pub fn annotators_since(
    conn: &mut DbConn,
    slice: &str,
    since: DateTime<Utc>,
) -> QueryResult<Vec<Option<String>>> {
    outcomes::table
        .filter(outcomes::slice_id.eq(slice))
        .filter(outcomes::event.eq("resolved"))
        .filter(outcomes::role.eq("annotator"))
        .filter(outcomes::occurred_at.ge(since.naive_utc()))
        .select(outcomes::expert_id)
        .distinct()
        .load(conn)
}

/// The first `limit` platform-owned gold items of the slice, in id order.
pub fn platform_gold_pool(conn: &mut DbConn, slice: &str, limit: i64) -> QueryResult<Vec<String>> {
    gold_items::table
        .filter(gold_items::slice_id.eq(slice))
        .filter(gold_items::owner_kind.eq("platform"))
        .order_by(gold_items::id.asc())
        .limit(limit)
        .select(gold_items::id)
        .load(conn)
}

/// (slice, created, resolved, deadline) of each item of the project resolved at or after
/// `since`, in resolution order (served by `items_results_idx`: project, resolved_at).
pub fn resolved_times(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    since: chrono::NaiveDateTime,
) -> QueryResult<
    Vec<(
        String,
        chrono::NaiveDateTime,
        chrono::NaiveDateTime,
        chrono::NaiveDateTime,
    )>,
> {
    use crate::db::schema::items;
    items::table
        .filter(items::project_id.eq(project))
        .filter(items::org_id.eq(org))
        .filter(items::resolved_at.ge(since))
        .filter(items::status.eq("resolved"))
        .order_by((items::resolved_at.asc(), items::id.asc()))
        .select((
            items::slice_id,
            items::created_at,
            items::resolved_at.assume_not_null(),
            items::deadline_at,
        ))
        .load(conn)
}
