//! The API's view of an assessment (its items only for its expert, its result once
//! graded), built from the stored row by the routes.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::grading::MissedClause;
use super::store::AssessmentRow;
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::{AssessmentId, AssignmentId, SliceId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    InProgress,
    Passed,
    Failed,
    /// The time limit ran out before submission; graded on the answers saved by then.
    Expired,
}

fn status_of(s: &str) -> AssessmentStatus {
    match s {
        "passed" => AssessmentStatus::Passed,
        "failed" => AssessmentStatus::Failed,
        "expired" => AssessmentStatus::Expired,
        _ => AssessmentStatus::InProgress,
    }
}

/// An item to answer. Its gold answer is never part of any view.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentItemView {
    pub assignment_id: AssignmentId,
    pub position: i32,
    /// The item as the expert sees it (e.g. prompt and responses A/B).
    #[schema(value_type = Object)]
    pub payload: Value,
    /// The expert's saved answer, if any (changeable until submission).
    #[schema(value_type = Option<Object>)]
    pub answer: Option<Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentResult {
    pub correct: i64,
    pub total: i64,
    /// `correct / total`.
    pub score: f64,
    pub pass_threshold: f64,
    pub passed: bool,
    /// Clauses behind the items answered wrongly, with how many items each; the items
    /// themselves and their gold answers are not shown.
    pub missed_clauses: Vec<MissedClause>,
    /// When a retake is allowed (failed or timed-out attempts).
    pub retake_from: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentView {
    pub id: AssessmentId,
    pub slice_id: SliceId,
    #[schema(example = "medicine/radiology:de")]
    pub slice_key: String,
    pub status: AssessmentStatus,
    pub item_count: i32,
    pub answered: i64,
    pub started_at: DateTime<Utc>,
    /// Answers saved after this are refused; the assessment is then graded as it stands.
    pub due_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Time from start to submission (at most the time limit), for payment.
    pub active_seconds: Option<i64>,
    /// What the platform pays per hour of the assessment, in the expert's currency; null:
    /// assessments are unpaid on this platform (`payments.assessment_pay_per_hour`).
    pub pay_per_hour: Option<crate::money::Money>,
    /// Only for the expert, and only while the assessment is in progress.
    pub items: Option<Vec<AssessmentItemView>>,
    pub result: Option<AssessmentResult>,
}

/// Renders an assessment; `with_items` only for its expert (items are hidden once closed).
pub fn view(
    conn: &mut DbConn,
    a: AssessmentRow,
    with_items: bool,
    settings: &Settings,
) -> AppResult<AssessmentView> {
    let cooldown_days = settings.experts.assessment_retake_cooldown_days;
    let currency = crate::experts::find_expert(conn, &a.expert_id)?
        .map(|e| e.desired_currency)
        .unwrap_or_default();
    let pay_per_hour = settings
        .payments
        .assessment_rate(&currency)
        .map(|amount_minor| crate::money::Money {
            amount_minor,
            currency,
        });
    let slice_key = crate::taxonomy::find_slice(conn, &a.slice_id)?
        .map(|s| s.key)
        .unwrap_or_default();
    let rows = super::queries::items_of(conn, &a.id)?;
    let answered = rows.iter().filter(|(r, _)| r.label.is_some()).count() as i64;
    let status = status_of(&a.status);
    let items = if with_items && status == AssessmentStatus::InProgress {
        Some(
            rows.into_iter()
                .map(|(r, g)| -> AppResult<AssessmentItemView> {
                    Ok(AssessmentItemView {
                        assignment_id: AssignmentId::from_db(r.id),
                        position: r.position,
                        payload: crate::db::stored_json("gold_items.payload", &g.payload)?,
                        answer: r
                            .label
                            .as_deref()
                            .map(|l| crate::db::stored_json::<Value>("assignments.label", l))
                            .transpose()?,
                    })
                })
                .collect::<AppResult<Vec<_>>>()?,
        )
    } else {
        None
    };
    let result = a.correct_count.map(|c| -> AppResult<AssessmentResult> {
        let total = i64::from(a.item_count);
        let passed = status == AssessmentStatus::Passed;
        Ok(AssessmentResult {
            correct: i64::from(c),
            total,
            score: if total > 0 {
                f64::from(c) / total as f64
            } else {
                0.0
            },
            pass_threshold: f64::from(a.threshold_bp) / 10_000.0,
            passed,
            missed_clauses: a
                .missed_clauses
                .as_deref()
                .map(|m| crate::db::stored_json("assessments.missed_clauses", m))
                .transpose()?
                .unwrap_or_default(),
            retake_from: (!passed)
                .then(|| {
                    a.finished_at
                        .map(|f| crate::clock::utc(f) + Duration::days(cooldown_days))
                })
                .flatten(),
        })
    });
    let result = result.transpose()?;
    Ok(AssessmentView {
        id: AssessmentId::from_db(a.id),
        slice_id: SliceId::from_db(a.slice_id),
        slice_key,
        status,
        item_count: a.item_count,
        answered,
        started_at: crate::clock::utc(a.started_at),
        due_at: crate::clock::utc(a.due_at),
        finished_at: a.finished_at.map(crate::clock::utc),
        active_seconds: a.active_seconds,
        pay_per_hour,
        items,
        result,
    })
}
