//! Queries for score profiles, slice health and the outcomes scoring reads.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::beta::Evidence;
use super::profile::{Fact, Metric, Tally, class_of, material};
use crate::assignments::AssignmentRow;
use crate::db::DbConn;
use crate::db::schema::{outcomes, score_profiles, slice_health};
use crate::ids::{OutcomeId, ScoreProfileId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = score_profiles)]
pub struct ProfileRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub metric: String,
    pub successes: f64,
    pub failures: f64,
    pub n: i64,
    pub as_of: Option<NaiveDateTime>,
    pub pairs: String,
    pub updated_at: NaiveDateTime,
}

impl ProfileRow {
    /// The row's tally, with its stored pair table.
    pub fn tally(&self) -> Result<Tally, crate::db::CorruptData> {
        Ok(Tally {
            evidence: self.evidence(),
            pairs: Tally::pairs_from_json(&self.pairs)?,
        })
    }

    /// The row's evidence alone (no pair table read).
    pub fn evidence(&self) -> Evidence {
        Evidence {
            successes: self.successes,
            failures: self.failures,
            n: self.n,
            as_of: self.as_of.map(crate::clock::utc),
        }
    }

    pub fn metric(&self) -> Option<Metric> {
        Metric::parse(&self.metric)
    }
}

pub fn find(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
    metric: Metric,
) -> QueryResult<Option<ProfileRow>> {
    score_profiles::table
        .filter(score_profiles::expert_id.eq(expert))
        .filter(score_profiles::slice_id.eq(slice))
        .filter(score_profiles::metric.eq(metric.as_str()))
        .select(ProfileRow::as_select())
        .first(conn)
        .optional()
}

/// Locks the tally (a no-op update takes the row lock on PostgreSQL; SQLite's write lock
/// already serialises writers), creating it first if needed. A concurrent creator loses
/// the insert inside a savepoint and locks the winner's row.
pub fn lock(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    slice: &str,
    metric: Metric,
) -> QueryResult<ProfileRow> {
    let t = now.naive_utc();
    let touch = |conn: &mut DbConn| {
        diesel::update(
            score_profiles::table
                .filter(score_profiles::expert_id.eq(expert))
                .filter(score_profiles::slice_id.eq(slice))
                .filter(score_profiles::metric.eq(metric.as_str())),
        )
        .set(score_profiles::updated_at.eq(t))
        .execute(conn)
    };
    if touch(conn)? == 0 {
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(score_profiles::table)
                .values((
                    score_profiles::id.eq(ScoreProfileId::new(now).into_string()),
                    score_profiles::expert_id.eq(expert),
                    score_profiles::slice_id.eq(slice),
                    score_profiles::metric.eq(metric.as_str()),
                    score_profiles::updated_at.eq(t),
                ))
                .execute(conn)
        });
        match inserted {
            Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e),
        }
        touch(conn)?;
    }
    find(conn, expert, slice, metric)?.ok_or(Error::NotFound)
}

pub fn save(conn: &mut DbConn, id: &str, tally: &Tally, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(score_profiles::table.find(id))
        .set((
            score_profiles::successes.eq(tally.evidence.successes),
            score_profiles::failures.eq(tally.evidence.failures),
            score_profiles::n.eq(tally.evidence.n),
            score_profiles::as_of.eq(tally.evidence.as_of.map(|t| t.naive_utc())),
            score_profiles::pairs.eq(tally.pairs_json()),
            score_profiles::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn of_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<ProfileRow>> {
    score_profiles::table
        .filter(score_profiles::expert_id.eq(expert))
        .order_by((score_profiles::slice_id.asc(), score_profiles::metric.asc()))
        .select(ProfileRow::as_select())
        .load(conn)
}

/// Deletes the tallies of one expert in one slice, or (None, None) all of them, before a
/// recompute writes them afresh.
pub fn clear(conn: &mut DbConn, expert: Option<&str>, slice: Option<&str>) -> QueryResult<usize> {
    let mut q = diesel::delete(score_profiles::table).into_boxed();
    if let Some(e) = expert {
        q = q.filter(score_profiles::expert_id.eq(e.to_owned()));
    }
    if let Some(s) = slice {
        q = q.filter(score_profiles::slice_id.eq(s.to_owned()));
    }
    q.execute(conn)
}

/// The outcome columns scoring reads.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outcomes)]
pub struct ScoredOutcome {
    pub id: String,
    pub event: String,
    pub slice_id: String,
    pub item_id: Option<String>,
    pub gold_item_id: Option<String>,
    pub assignment_id: Option<String>,
    pub expert_id: Option<String>,
    pub role: Option<String>,
    pub label_choice: Option<String>,
    pub label_strength: Option<i64>,
    pub label_score: Option<i64>,
    pub label_both_bad: Option<bool>,
    pub reference_choice: Option<String>,
    pub reference_score: Option<i64>,
    pub reference_both_bad: Option<bool>,
    pub correct: Option<bool>,
    pub agreed: Option<bool>,
    pub resolution: Option<String>,
    pub occurred_at: NaiveDateTime,
}

impl ScoredOutcome {
    pub fn fact(&self, pairwise: bool) -> Fact {
        Fact {
            event: self.event.clone(),
            role: self.role.clone(),
            expert: self.expert_id.clone(),
            item: self.item_id.clone(),
            gold: self.gold_item_id.is_some(),
            class: class_of(
                self.label_choice.as_deref(),
                self.label_score,
                self.label_both_bad,
            ),
            material: pairwise
                .then(|| material(self.label_choice.as_deref(), self.label_both_bad))
                .filter(|_| self.label_choice.is_some() || self.label_both_bad.is_some()),
            correct: self.correct,
            agreed: self.agreed,
            resolution: self.resolution.clone(),
            at: crate::clock::utc(self.occurred_at),
        }
    }
}

/// Which outcomes a reliability report reads.
pub struct Window<'a> {
    pub slice: &'a str,
    pub since: DateTime<Utc>,
    pub project: Option<&'a str>,
    /// Only judgments by this vendor's experts.
    pub vendor: Option<&'a str>,
}

/// Most outcomes one report reads per event kind (the newest are kept).
pub const WINDOW_LIMIT: i64 = 50_000;

/// A slice's recorded health and its corrective calibration session, if any.
pub fn slice_health_of(
    conn: &mut DbConn,
    slice: &str,
) -> QueryResult<Option<(String, Option<String>)>> {
    slice_health::table
        .find(slice)
        .select((slice_health::health, slice_health::corrective_session_id))
        .first(conn)
        .optional()
}

/// Records a check that left the slice's health unchanged.
pub fn touch_slice_health(
    conn: &mut DbConn,
    slice: &str,
    alpha: Option<f64>,
    items: i32,
    checked_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(slice_health::table.find(slice))
        .set((
            slice_health::alpha.eq(alpha),
            slice_health::items.eq(items),
            slice_health::checked_at.eq(checked_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A slice's new health, as [`replace_slice_health`] records it.
pub struct NewSliceHealth<'a> {
    pub slice: &'a str,
    pub health: &'a str,
    pub alpha: Option<f64>,
    pub items: i32,
    pub corrective_session: Option<&'a str>,
}

/// Replaces the slice's health row with `new`, checked and changed at `t`.
pub fn replace_slice_health(
    conn: &mut DbConn,
    new: &NewSliceHealth<'_>,
    t: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(slice_health::table.find(new.slice)).execute(conn)?;
    diesel::insert_into(slice_health::table)
        .values((
            slice_health::slice_id.eq(new.slice),
            slice_health::health.eq(new.health),
            slice_health::alpha.eq(new.alpha),
            slice_health::items.eq(new.items),
            slice_health::checked_at.eq(t),
            slice_health::changed_at.eq(t),
            slice_health::corrective_session_id.eq(new.corrective_session),
        ))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Outcomes: the append-only evidence every score is computed from (routing, calibration
// and regrading write them through this facade).

#[derive(Default, Clone, Copy)]
pub struct NewOutcome<'a> {
    pub event: &'a str,
    pub org: Option<&'a str>,
    pub project: Option<&'a str>,
    pub slice: &'a str,
    pub item: Option<&'a str>,
    pub gold_item: Option<&'a str>,
    pub assignment: Option<&'a AssignmentRow>,
    pub label: Option<(&'a str, &'a crate::taxonomy::label_schema::TypedLabel)>,
    pub reference: Option<(&'a str, &'a crate::taxonomy::label_schema::TypedLabel)>,
    pub correct: Option<bool>,
    pub agreed: Option<bool>,
    pub resolution: Option<&'a str>,
    pub active_seconds: i64,
}

pub fn insert_outcome(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    o: &NewOutcome<'_>,
) -> QueryResult<String> {
    let a = o.assignment;
    let id = OutcomeId::new(now).into_string();
    let (label, l) = match o.label {
        Some((j, l)) => (Some(j), Some(l)),
        None => (None, None),
    };
    let (reference, r) = match o.reference {
        Some((j, r)) => (Some(j), Some(r)),
        None => (None, None),
    };
    diesel::insert_into(outcomes::table)
        .values((
            outcomes::id.eq(&id),
            outcomes::event.eq(o.event),
            outcomes::org_id.eq(o.org),
            outcomes::project_id.eq(o.project),
            outcomes::slice_id.eq(o.slice),
            outcomes::item_id.eq(o.item),
            outcomes::gold_item_id.eq(o.gold_item),
            outcomes::assignment_id.eq(a.map(|a| a.id.as_str())),
            outcomes::expert_id.eq(a.map(|a| a.expert_id.as_str())),
            outcomes::role.eq(a.map(|a| a.role.as_str())),
            outcomes::label.eq(label),
            outcomes::label_choice.eq(l.and_then(|l| l.choice.as_deref())),
            outcomes::label_strength.eq(l.and_then(|l| l.strength)),
            outcomes::label_score.eq(l.and_then(|l| l.score)),
            outcomes::label_both_bad.eq(l.map(|l| l.both_bad)),
            outcomes::reference.eq(reference),
            outcomes::reference_choice.eq(r.and_then(|r| r.choice.as_deref())),
            outcomes::reference_strength.eq(r.and_then(|r| r.strength)),
            outcomes::reference_score.eq(r.and_then(|r| r.score)),
            outcomes::reference_both_bad.eq(r.map(|r| r.both_bad)),
            outcomes::correct.eq(o.correct),
            outcomes::agreed.eq(o.agreed),
            outcomes::resolution.eq(o.resolution),
            outcomes::offered_at.eq(a.map(|a| a.offered_at)),
            outcomes::accepted_at.eq(a.and_then(|a| a.accepted_at)),
            outcomes::submitted_at.eq(a.and_then(|a| a.submitted_at)),
            outcomes::active_seconds.eq(o.active_seconds),
            outcomes::occurred_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// One outcome by id, as scoring reads it.
pub fn find_outcome(conn: &mut DbConn, id: &str) -> QueryResult<Option<ScoredOutcome>> {
    outcomes::table
        .find(id)
        .select(ScoredOutcome::as_select())
        .first(conn)
        .optional()
}
