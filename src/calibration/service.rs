//! Running calibration sessions: enrolment (one `calibration` assignment per participant
//! and item), answers (graded against the reference, appended to outcomes so they feed
//! the `calibration` score), completion (pass → a suspended expert is reinstated to
//! probation), closing at the end of the window, and the results.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::results::{self, Answer, ItemSplit};
use super::store::{self, NewSession, ParticipantRow, SessionRow};
use crate::audit::{self, Actor, Entry};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{CalibrationSessionId, ExpertId};
use crate::scoring::NewOutcome;
use crate::standings::rules::SliceStatus;
use crate::taxonomy::SliceRow;

/// Most items in one session, and most participants.
pub const MAX_ITEMS: usize = 200;
pub const MAX_PARTICIPANTS: usize = 500;

fn internal(what: &str) -> AppError {
    AppError::internal(anyhow::anyhow!("calibration: {what} vanished"))
}

pub struct Plan<'a> {
    pub org: Option<&'a str>,
    pub slice: &'a SliceRow,
    pub title: &'a str,
    pub gold_items: &'a [String],
    pub participants: &'a [String],
    pub closes_at: DateTime<Utc>,
    pub pass_threshold: f64,
    pub origin: &'a str,
    pub reason: &'a str,
    pub repeat_of: Option<&'a str>,
    pub actor: &'a Actor,
}

/// Creates the session and enrols the participants. Checks what only the database can:
/// every gold item is in the slice and usable by the session's owner (a vendor's session:
/// its own calibration material only, never the platform's assessment pool (403); the
/// platform's session: its pool or any vendor's material; never a lab's project gold), every participant has a standing in the slice and, for a vendor's session,
/// belongs to its roster. Errors name the offending list entry.
pub fn create(conn: &mut DbConn, now: DateTime<Utc>, p: &Plan<'_>) -> AppResult<SessionRow> {
    let mut errors = Vec::new();
    for (i, g) in p.gold_items.iter().enumerate() {
        let row = crate::gold::find_gold(conn, g)?;
        if p.org.is_some()
            && row
                .as_ref()
                .is_some_and(|r| r.owner_kind == "platform" && r.slice_id == p.slice.id)
        {
            return Err(AppError::forbidden(format!(
                "gold_item_ids[{i}] is in the platform's assessment pool, which a vendor's calibration session may never use (its answers would reach the vendor and the experts it qualifies); use the vendor's own calibration material"
            )));
        }
        let ok = row.is_some_and(|row| {
            row.slice_id == p.slice.id
                && match (row.owner_kind.as_str(), p.org) {
                    ("platform", None) => true,
                    ("vendor", Some(org)) => row.org_id.as_deref() == Some(org),
                    ("vendor", None) => true,
                    _ => false,
                }
        });
        if !ok {
            errors.push(FieldError::new(
                format!("gold_item_ids[{i}]"),
                "no such gold item in this slice that the session's owner may use (a vendor: its own calibration material; the platform: its pool or a vendor's material)",
            ));
        }
    }
    for (i, e) in p.participants.iter().enumerate() {
        let expert = crate::experts::find_expert(conn, e)?;
        let status = crate::standings::service::status_in(conn, e, &p.slice.id)?;
        let problem = match &expert {
            None => Some("no such expert"),
            Some(x) if p.org.is_some() && x.vendor_id.as_deref() != p.org => {
                Some("is not on this vendor's roster")
            }
            Some(_) if status == SliceStatus::None => Some("has no standing in this slice"),
            _ => None,
        };
        if let Some(why) = problem {
            errors.push(FieldError::new(format!("participant_ids[{i}]"), why));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let set_key = results::set_key(p.gold_items);
    let id = store::insert_session(
        conn,
        now,
        &NewSession {
            org: p.org,
            slice: &p.slice.id,
            title: p.title,
            set_key: &set_key,
            gold_items: p.gold_items,
            pass_threshold: p.pass_threshold,
            opens_at: now,
            closes_at: p.closes_at,
            origin: p.origin,
            reason: p.reason,
            repeat_of: p.repeat_of,
            created_by: p.actor.id.as_deref(),
        },
    )?;
    let session = store::find_session(conn, id.as_str())?.ok_or_else(|| internal("session"))?;
    for e in p.participants {
        store::insert_participant(conn, now, &session.id, e, p.gold_items.len() as i32)?;
        for (pos, g) in p.gold_items.iter().enumerate() {
            crate::assignments::insert_calibration_question(
                conn,
                now,
                &crate::assignments::NewCalibrationQuestion {
                    session: &session.id,
                    slice: &session.slice_id,
                    org: session.org_id.as_deref(),
                    closes_at: session.closes_at,
                    expert: e,
                    gold: g,
                    position: pos as i32,
                },
            )?;
        }
        if let Some((email, name)) = crate::experts::service::contact(conn, e)? {
            crate::mail::enqueue(
                conn,
                now,
                &crate::mail::templates::calibration_invited(
                    &email,
                    &name,
                    &p.slice.key,
                    p.title,
                    p.gold_items.len(),
                    p.closes_at,
                ),
            )?;
        }
    }
    audit::record(
        conn,
        now,
        p.actor,
        Entry {
            action: "calibration.session_created",
            org_id: p.org,
            subject_type: "calibration_session",
            subject_id: Some(&session.id),
            details: json!({"slice_id": p.slice.id, "items": p.gold_items.len(),
                "participants": p.participants.len(), "origin": p.origin, "reason": p.reason}),
        },
    )?;
    Ok(session)
}

/// Grades and records one answer; completes the participant when it was their last.
pub fn answer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    session: &SessionRow,
    a: &crate::assignments::AssignmentRow,
    label: &Value,
) -> AppResult<bool> {
    if session.status != "open" || crate::clock::utc(session.closes_at) <= now {
        return Err(AppError::conflict("the calibration session is closed"));
    }
    if a.status != "accepted" {
        return Err(AppError::conflict(format!(
            "this item is already {}",
            a.status
        )));
    }
    let slice =
        crate::taxonomy::find_slice(conn, &session.slice_id)?.ok_or_else(|| internal("slice"))?;
    let schema = crate::taxonomy::service::slice_schema(&slice)?;
    let typed = schema
        .validate(label, "label")
        .map_err(AppError::validation)?;
    let gold_id = a
        .gold_item_id
        .as_deref()
        .ok_or_else(|| internal("gold item"))?;
    let gold = crate::gold::find_gold(conn, gold_id)?.ok_or_else(|| internal("gold item"))?;
    let reference = gold.label()?;
    let correct = crate::assessments::grading::is_correct(&slice.label_kind, &reference, &typed);
    let json = label.to_string();
    // Calibration has no heartbeat-measured sessions: its time is not item work.
    if !crate::assignments::submit(conn, &a.id, &json, &typed, Some(correct), 0, None, now)? {
        return Err(AppError::conflict("this item was answered meanwhile"));
    }
    let submitted =
        crate::assignments::calibration_assignments_of(conn, &session.id, Some(&a.expert_id))?
            .into_iter()
            .find(|x| x.id == a.id)
            .ok_or_else(|| internal("assignment"))?;
    let base = NewOutcome {
        org: session.org_id.as_deref(),
        slice: &session.slice_id,
        gold_item: Some(gold_id),
        assignment: Some(&submitted),
        label: Some((&json, &typed)),
        ..Default::default()
    };
    let written = vec![
        crate::scoring::insert_outcome(
            conn,
            now,
            &NewOutcome {
                event: "submitted",
                ..base
            },
        )?,
        crate::scoring::insert_outcome(
            conn,
            now,
            &NewOutcome {
                event: "gold_checked",
                reference: Some((&gold.answer, &reference)),
                correct: Some(correct),
                ..base
            },
        )?,
    ];
    crate::scoring::service::record(conn, now, settings, &written)?;
    let p = store::participant(conn, &session.id, &a.expert_id)?
        .ok_or_else(|| internal("participant"))?;
    if !store::count_answer(conn, &p.id, correct)? {
        return Err(AppError::conflict("your answers were already counted"));
    }
    if p.answered + 1 >= p.total {
        let p = store::participant(conn, &session.id, &a.expert_id)?
            .ok_or_else(|| internal("participant"))?;
        complete(
            conn,
            now,
            &settings.payments,
            session,
            &slice,
            &p,
            "completed",
        )?;
    }
    Ok(correct)
}

/// Ends a participant's part: `completed` (all answered) or `incomplete` (window closed).
/// A pass reinstates an expert suspended in the slice to probation, with the numbers.
fn complete(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    payments: &crate::config::PaymentSettings,
    session: &SessionRow,
    slice: &SliceRow,
    p: &ParticipantRow,
    status: &str,
) -> AppResult<()> {
    let passed = results::passed(p.correct, p.answered, p.total, session.pass_threshold);
    if !store::finish_participant(conn, &p.id, status, passed, now)? {
        return Ok(());
    }
    // Paid training time: an allowance per answered item at the expert's own rate, paid by
    // the vendor running the session (or the platform).
    let allowance = payments.calibration_seconds_per_item;
    if allowance > 0 && p.answered > 0 {
        let expert =
            crate::experts::find_expert(conn, &p.expert_id)?.ok_or_else(|| internal("expert"))?;
        crate::payments::time_entries::record_training(
            conn,
            now,
            &crate::payments::time_entries::Training {
                source_type: "calibration",
                source_id: &p.id,
                expert: &p.expert_id,
                slice: &session.slice_id,
                paying_vendor: session.org_id.as_deref(),
                seconds: i64::from(p.answered) * allowance,
                cap_seconds: i64::from(p.total) * allowance,
                sessions: &[],
                rate_per_hour: expert.desired_rate_minor,
                currency: &expert.desired_currency,
            },
        )?;
    }
    let current = crate::standings::service::status_in(conn, &p.expert_id, &slice.id)?;
    if passed && current == SliceStatus::Suspended {
        let expert =
            crate::experts::find_expert(conn, &p.expert_id)?.ok_or_else(|| internal("expert"))?;
        let reason = format!(
            "reinstated to probation in `{}`: passed the calibration session \"{}\" with {} of {} correct (at least {:.2} needed)",
            slice.key, session.title, p.correct, p.total, session.pass_threshold
        );
        crate::standings::service::apply(
            conn,
            now,
            &Actor::system(),
            &expert,
            slice,
            crate::standings::service::Change {
                status: Some(SliceStatus::Probation),
                tier: None,
                reason: &reason,
                details: json!({"calibration_session_id": session.id, "correct": p.correct,
                    "total": p.total, "pass_threshold": session.pass_threshold}),
                notify: true,
            },
        )?;
    }
    Ok(())
}

/// Closes a session: unanswered items expire, unfinished participants end `incomplete`.
pub fn close(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    payments: &crate::config::PaymentSettings,
    session: &SessionRow,
) -> AppResult<bool> {
    if !store::close_session(conn, &session.id, now)? {
        return Ok(false);
    }
    for a in crate::assignments::calibration_assignments_of(conn, &session.id, None)? {
        if a.status == "accepted"
            && crate::assignments::transition(
                conn,
                &a.id,
                &["accepted"],
                "expired",
                now,
                Some("the calibration session closed"),
            )?
        {
            // Outcomes record every end of an assignment
            // (docs/adr/0004-outcomes-are-the-contract.md).
            crate::scoring::insert_outcome(
                conn,
                now,
                &NewOutcome {
                    event: "expired",
                    org: session.org_id.as_deref(),
                    slice: &session.slice_id,
                    gold_item: a.gold_item_id.as_deref(),
                    assignment: Some(&a),
                    ..Default::default()
                },
            )?;
        }
    }
    let slice =
        crate::taxonomy::find_slice(conn, &session.slice_id)?.ok_or_else(|| internal("slice"))?;
    for p in store::participants(conn, &session.id)? {
        if p.status == "invited" {
            complete(conn, now, payments, session, &slice, &p, "incomplete")?;
        }
    }
    Ok(true)
}

/// Closes every session whose window has ended (run by the routing sweep).
pub fn close_due(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    payments: &crate::config::PaymentSettings,
) -> AppResult<usize> {
    let mut n = 0;
    for s in store::due_sessions(conn, now, 100)? {
        if close(conn, now, payments, &s)? {
            n += 1;
        }
    }
    Ok(n)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantResult {
    pub expert_id: ExpertId,
    pub handle: String,
    /// `invited`, `completed` or `incomplete`.
    pub status: String,
    pub answered: i32,
    pub correct: i32,
    pub total: i32,
    /// Agreement with the reference answers over the items answered; null before any.
    pub accuracy: Option<f64>,
    pub passed: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DriftPoint {
    pub session_id: CalibrationSessionId,
    pub created_at: DateTime<Utc>,
    pub status: String,
    pub participants_answered: usize,
    /// Mean accuracy of participants who answered at least one item; null if none did.
    pub mean_accuracy: Option<f64>,
    pub alpha: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResults {
    pub session_id: CalibrationSessionId,
    pub participants: Vec<ParticipantResult>,
    /// Krippendorff's alpha (nominal) among the participants; null when undefined.
    pub alpha: Option<f64>,
    /// Items ordered by how much they split the group.
    pub items: Vec<ItemSplit>,
    /// Every session of the same owner (this vendor, or the platform) on the same set of
    /// items, oldest first (this one included); never another organisation's sessions.
    pub drift: Vec<DriftPoint>,
}

fn answers_of(conn: &mut DbConn, session: &str) -> AppResult<Vec<Answer>> {
    Ok(
        crate::assignments::calibration_assignments_of(conn, session, None)?
            .into_iter()
            .filter(|a| a.status == "submitted")
            .filter_map(|a| {
                Some(Answer {
                    class: crate::scoring::profile::class_of(
                        a.label_choice.as_deref(),
                        a.label_score,
                        a.label_both_bad,
                    )?,
                    correct: a.correct?,
                    gold_item: a.gold_item_id?,
                    expert: a.expert_id,
                })
            })
            .collect(),
    )
}

pub fn results(conn: &mut DbConn, session: &SessionRow) -> AppResult<SessionResults> {
    let answers = answers_of(conn, &session.id)?;
    let mut participants = Vec::new();
    for p in store::participants(conn, &session.id)? {
        let handle = crate::experts::find_expert(conn, &p.expert_id)?
            .map(|e| e.handle)
            .unwrap_or_default();
        participants.push(ParticipantResult {
            expert_id: ExpertId::from_db(p.expert_id.clone()),
            handle,
            status: p.status.clone(),
            answered: p.answered,
            correct: p.correct,
            total: p.total,
            accuracy: (p.answered > 0).then(|| f64::from(p.correct) / f64::from(p.answered)),
            passed: p.passed,
        });
    }
    let mut items = Vec::new();
    for g in session.gold_items()? {
        let reference = crate::gold::find_gold(conn, &g)?
            .and_then(|row| {
                crate::scoring::profile::class_of(
                    row.answer_choice.as_deref(),
                    row.answer_score,
                    Some(row.answer_both_bad),
                )
            })
            .unwrap_or_default();
        items.push((g, reference));
    }
    let mut drift = Vec::new();
    // Drift compares the owner's own sessions only, never another organisation's.
    for s in store::same_set(conn, &session.set_key, session.org_id.as_deref())? {
        let a = answers_of(conn, &s.id)?;
        let ps = store::participants(conn, &s.id)?;
        let accs: Vec<f64> = ps
            .iter()
            .filter(|p| p.answered > 0)
            .map(|p| f64::from(p.correct) / f64::from(p.answered))
            .collect();
        drift.push(DriftPoint {
            session_id: CalibrationSessionId::from_db(s.id.clone()),
            created_at: crate::clock::utc(s.created_at),
            status: s.status.clone(),
            participants_answered: accs.len(),
            mean_accuracy: (!accs.is_empty()).then(|| accs.iter().sum::<f64>() / accs.len() as f64),
            alpha: results::group_alpha(&a),
        });
    }
    Ok(SessionResults {
        session_id: CalibrationSessionId::from_db(session.id.clone()),
        participants,
        alpha: results::group_alpha(&answers),
        items: results::item_splits(&items, &answers),
        drift,
    })
}

/// The default window of a corrective session.
pub fn corrective_window() -> Duration {
    Duration::days(14)
}
