//! Starting, answering, grading and closing assessments. Each operation is one
//! transaction; grading also moves the slice status (through `standings`), audits it and
//! e-mails the result.

use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use serde_json::{Value, json};

use super::grading::{self, GradedItem};
use super::store::{self, AssessmentRow};
use crate::audit::{self, Actor, Entry};
use crate::config::{ExpertSettings, Settings};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::experts::ExpertRow;
use crate::experts::vetting::VettingStatus;
use crate::ids::{AssessmentId, AssignmentId};
use crate::mail::{self, templates};
use crate::standings::rules::SliceStatus;
use crate::taxonomy::SliceRow;
use crate::taxonomy::label_schema::TypedLabel;

fn threshold_bp(s: &ExpertSettings) -> i32 {
    (s.assessment_pass_threshold * 10_000.0)
        .round()
        .clamp(1.0, 10_000.0) as i32
}

/// Starts an assessment in `slice` for `expert`, drawing unseen items from the pool.
pub fn start(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    expert: &ExpertRow,
    slice: &SliceRow,
) -> AppResult<AssessmentRow> {
    let s = &settings.experts;
    let vetting = VettingStatus::parse(&expert.vetting_status);
    if !matches!(
        vetting,
        Some(VettingStatus::Assessment | VettingStatus::Approved)
    ) {
        return Err(AppError::conflict(format!(
            "your application is `{}`; assessments open in the `assessment` stage",
            expert.vetting_status
        )));
    }
    if slice.org_id.is_some() {
        return Err(AppError::conflict(
            "qualification assessments exist for shared slices only; a lab's private slice has no shared pool",
        ));
    }
    if !crate::credentials::eligibility::eligible_for(conn, &expert.id, &slice.domain_id, now)? {
        return Err(AppError::conflict(format!(
            "the slice's domain requires credentials you do not hold verified and unexpired (see GET /v1/experts/{}/eligibility)",
            expert.id
        )));
    }
    close_overdue_for(conn, now, settings, &expert.id, &slice.id)?;
    if let Some(open) = store::open_for(conn, &expert.id, &slice.id)? {
        return Err(AppError::conflict(format!(
            "assessment {} is already in progress in this slice",
            open.id
        )));
    }
    match crate::standings::service::status_in(conn, &expert.id, &slice.id)? {
        SliceStatus::None => {}
        SliceStatus::Suspended => {
            return Err(AppError::conflict(
                "you are suspended in this slice; reinstatement is through a calibration session",
            ));
        }
        other => {
            return Err(AppError::conflict(format!(
                "you are already `{}` in this slice",
                other.as_str()
            )));
        }
    }
    if let Some(last) = store::last_unsuccessful(conn, &expert.id, &slice.id)?
        && let Some(finished) = last.finished_at
    {
        let from = crate::clock::utc(finished) + Duration::days(s.assessment_retake_cooldown_days);
        if now < from {
            return Err(AppError::conflict(format!(
                "you can retake this assessment from {} ({}-day cooldown after an unsuccessful attempt)",
                from.to_rfc3339(),
                s.assessment_retake_cooldown_days
            )));
        }
    }
    let n = s.assessment_items as usize;
    let pool = super::queries::unseen_pool(conn, &expert.id, &slice.id)?;
    if pool.len() < n {
        return Err(AppError::conflict(format!(
            "the assessment pool of {} has {} item(s) you have not been assessed on; {n} are needed (a platform administrator adds items to the pool)",
            slice.key,
            pool.len()
        )));
    }
    let chosen: Vec<&String> = pool.choose_multiple(&mut rand::rng(), n).collect();
    let due = now + Duration::minutes(s.assessment_time_limit_minutes);
    let id = store::insert_assessment(
        conn,
        now,
        &expert.id,
        &slice.id,
        n as i32,
        threshold_bp(s),
        due,
    )?;
    let row = store::find(conn, id.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("assessment vanished")))?;
    for (i, gold) in chosen.into_iter().enumerate() {
        crate::assignments::insert_assessment_question(
            conn,
            now,
            &crate::assignments::NewAssessmentQuestion {
                assessment: &row.id,
                expert: &row.expert_id,
                slice: &row.slice_id,
                gold,
                position: i as i32 + 1,
                due_at: row.due_at,
            },
        )?;
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "assessment.started",
            org_id: expert.vendor_id.as_deref(),
            subject_type: "assessment",
            subject_id: Some(&row.id),
            details: json!({ "expert_id": expert.id, "slice_id": slice.id, "items": n }),
        },
    )?;
    Ok(row)
}

/// The expert's own assessment (404 for anyone else's), closed first if its time is up.
pub fn own_assessment(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &ExpertRow,
    id: &AssessmentId,
) -> AppResult<AssessmentRow> {
    let a = store::find(conn, id.as_str())?
        .filter(|a| a.expert_id == expert.id)
        .ok_or_else(|| AppError::not_found(format!("assessment {id} not found")))?;
    if a.status == "in_progress" && crate::clock::utc(a.due_at) <= now {
        grade_and_close(conn, now, settings, &a, true)?;
        return store::find(conn, &a.id)?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("assessment vanished")));
    }
    Ok(a)
}

pub fn require_open(a: &AssessmentRow) -> AppResult<()> {
    match a.status.as_str() {
        "in_progress" => Ok(()),
        "expired" => Err(AppError::conflict(
            "the time limit of this assessment has passed; it was graded on the answers saved by then",
        )),
        other => Err(AppError::conflict(format!(
            "this assessment is already graded ({other})"
        ))),
    }
}

/// Saves the expert's answer to one item (validated against the slice's label schema).
pub fn answer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    a: &AssessmentRow,
    assignment: &AssignmentId,
    label: &Value,
) -> AppResult<()> {
    require_open(a)?;
    if !store::lock_open(conn, &a.id, now)? {
        return Err(AppError::conflict("this assessment was closed meanwhile"));
    }
    let item = super::queries::items_of(conn, &a.id)?
        .into_iter()
        .find(|(r, _)| r.id == assignment.as_str())
        .ok_or_else(|| {
            AppError::not_found(format!("item {assignment} is not part of this assessment"))
        })?;
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("slice vanished")))?;
    let schema = crate::taxonomy::service::slice_schema(&slice)?;
    let typed = schema
        .validate(label, "label")
        .map_err(|errors: Vec<FieldError>| AppError::validation(errors))?;
    if !crate::assignments::save_assessment_answer(
        conn,
        &item.0.id,
        &label.to_string(),
        &typed,
        now,
    )? {
        return Err(AppError::conflict("this item is already closed"));
    }
    Ok(())
}

/// Submits the assessment for grading; every item must be answered.
pub fn submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssessmentRow,
) -> AppResult<()> {
    require_open(a)?;
    if !store::lock_open(conn, &a.id, now)? {
        return Err(AppError::conflict("this assessment was closed meanwhile"));
    }
    let unanswered = super::queries::items_of(conn, &a.id)?
        .iter()
        .filter(|(r, _)| r.label.is_none())
        .count();
    if unanswered > 0 {
        return Err(AppError::conflict(format!(
            "{unanswered} of {} items are not answered yet",
            a.item_count
        )));
    }
    if grade_and_close(conn, now, settings, a, false)? {
        Ok(())
    } else {
        Err(AppError::conflict("this assessment was graded meanwhile"))
    }
}

/// Grades and closes an open assessment; `timed_out` when its time limit ran out.
/// Returns false (changing nothing) if it was already closed.
fn grade_and_close(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssessmentRow,
    timed_out: bool,
) -> AppResult<bool> {
    // Lock first, then read the answers: a concurrent answer is either in or refused.
    if !store::lock_open(conn, &a.id, now)? {
        return Ok(false);
    }
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("slice vanished")))?;
    let rows = super::queries::items_of(conn, &a.id)?;
    let golds: Vec<TypedLabel> = rows
        .iter()
        .map(|(_, g)| g.label())
        .collect::<Result<_, _>>()?;
    let answers: Vec<Option<TypedLabel>> = rows
        .iter()
        .map(|(r, _)| r.typed_label())
        .collect::<Result<_, _>>()?;
    let items: Vec<GradedItem<'_>> = golds
        .iter()
        .zip(&answers)
        .map(|(gold, answer)| GradedItem {
            gold,
            answer: answer.as_ref(),
        })
        .collect();
    let g = grading::grade(&slice.label_kind, &items, i64::from(a.threshold_bp));
    let status = match (g.passed, timed_out) {
        (true, _) => "passed",
        (false, false) => "failed",
        (false, true) => "expired",
    };
    let started = crate::clock::utc(a.started_at);
    let end = now.min(crate::clock::utc(a.due_at));
    let active_seconds = (end - started).num_seconds().max(0);
    let missed = serde_json::to_string(&g.missed_clauses).unwrap_or_else(|_| "[]".into());
    if !store::close(
        conn,
        &a.id,
        &store::Closing {
            status,
            correct_count: g.correct_count as i32,
            active_seconds,
            missed_clauses: &missed,
        },
        now,
    )? {
        return Ok(false);
    }
    for ((r, _), ok) in rows.iter().zip(&g.correct) {
        crate::assignments::close_assessment_question(conn, r, *ok, now)?;
    }
    let numbers = json!({
        "assessment_id": a.id,
        "correct": g.correct_count,
        "total": g.total,
        "threshold": f64::from(a.threshold_bp) / 10_000.0,
        "timed_out": timed_out,
    });
    audit::record(
        conn,
        now,
        &Actor::system(),
        Entry {
            action: "assessment.graded",
            org_id: None,
            subject_type: "assessment",
            subject_id: Some(&a.id),
            details: json!({ "status": status, "numbers": numbers }),
        },
    )?;
    let expert = crate::experts::find_expert(conn, &a.expert_id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("expert vanished")))?;
    // Paid by the platform when a rate is configured for the expert's currency (the
    // assessment said so when it started).
    if let Some(rate) = settings.payments.assessment_rate(&expert.desired_currency) {
        crate::payments::time_entries::record_training(
            conn,
            now,
            &crate::payments::time_entries::Training {
                source_type: "assessment",
                source_id: &a.id,
                expert: &expert.id,
                slice: &a.slice_id,
                paying_vendor: None,
                seconds: active_seconds,
                cap_seconds: (crate::clock::utc(a.due_at) - started).num_seconds().max(0),
                sessions: &[(started, end)],
                rate_per_hour: rate,
                currency: &expert.desired_currency,
            },
        )?;
    }
    if g.passed
        && crate::standings::service::status_in(conn, &expert.id, &slice.id)? == SliceStatus::None
    {
        crate::standings::service::apply(
            conn,
            now,
            &Actor::system(),
            &expert,
            &slice,
            crate::standings::service::Change {
                status: Some(SliceStatus::Probation),
                tier: None,
                reason: &format!(
                    "passed the qualification assessment ({} of {} correct)",
                    g.correct_count, g.total
                ),
                details: numbers,
                notify: false,
            },
        )?;
    }
    if let Some((to, name)) = crate::experts::service::contact(conn, &expert.id)? {
        let retake = (!g.passed).then(|| {
            (now + Duration::days(settings.experts.assessment_retake_cooldown_days))
                .date_naive()
                .to_string()
        });
        let clauses: Vec<String> = g
            .missed_clauses
            .iter()
            .map(|m| format!("{} ({}×)", m.clause, m.items))
            .collect();
        mail::enqueue(
            conn,
            now,
            &templates::assessment_result(
                &to,
                &name,
                &templates::AssessmentResult {
                    slice: &slice.key,
                    passed: g.passed,
                    correct: g.correct_count,
                    total: g.total,
                    missed_clauses: &clauses,
                    retake_on: retake.as_deref(),
                    timed_out,
                },
            ),
        )?;
    }
    Ok(true)
}

fn close_overdue_for(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
    slice: &str,
) -> AppResult<()> {
    if let Some(open) = store::open_for(conn, expert, slice)?
        && crate::clock::utc(open.due_at) <= now
    {
        grade_and_close(conn, now, settings, &open, true)?;
    }
    Ok(())
}

/// The recurring sweep: grades and closes every assessment whose time is up.
pub fn close_overdue(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
) -> anyhow::Result<usize> {
    let mut closed = 0;
    for a in store::overdue(conn, now)? {
        // One already closed elsewhere (looked at, or another sweep) is simply skipped.
        if grade_and_close(conn, now, settings, &a, true).map_err(|e| anyhow::anyhow!("{e}"))? {
            closed += 1;
        }
    }
    Ok(closed)
}
