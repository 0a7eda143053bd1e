//! Appeals: an expert appeals a suspension or a gold answer their answer was marked
//! wrong against; a decider (platform admins; also the expert's vendor admins for
//! sanctions) upholds or overturns it. Appeals against a gold answer are decided by the
//! platform only: the gold's owner reads them but is refused the decision (403). Overturning
//! lifts the sanction through standings, or corrects the gold answer through gold and
//! regrades every answer on it through scoring.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::store::{self, AppealRow, NewAppeal};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{AppealId, AssignmentId, OrgId, StandingEventId};
use crate::standings::rules::SliceStatus;

/// A decider's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The sanction or gold answer stands.
    Uphold,
    /// The sanction is lifted, or the gold answer is replaced and its answers regraded.
    Overturn,
}

/// May the caller decide this appeal?
pub fn decides(conn: &mut DbConn, principal: &Principal, a: &AppealRow) -> AppResult<bool> {
    let Principal::User(u) = principal else {
        return Ok(false);
    };
    if u.is_platform_admin {
        return Ok(true);
    }
    // Appeals against a gold answer are the platform's to decide, never the gold's owner's
    // (README, "Whose gold counts where"); the owner still reads them ([`visible`]).
    if a.kind != "sanction" {
        return Ok(false);
    }
    let admin_of = |org: &str| {
        u.membership(&OrgId::from_db(org.to_owned()))
            .is_some_and(|m| m.role.is_admin())
    };
    if a.decider_org_id.as_deref().is_some_and(admin_of) {
        return Ok(true);
    }
    let vendor = crate::experts::find_expert(conn, &a.expert_id)?.and_then(|e| e.vendor_id);
    Ok(vendor.as_deref().is_some_and(|v| {
        u.membership(&OrgId::from_db(v.to_owned()))
            .is_some_and(|m| m.role.is_admin() && m.org_kind == OrgKind::Vendor)
    }))
}

/// Is the caller an admin of the organisation whose gold answer the appeal contests?
fn gold_owner(principal: &Principal, a: &AppealRow) -> bool {
    a.kind != "sanction"
        && principal.user().is_ok_and(|u| {
            a.decider_org_id.as_deref().is_some_and(|org| {
                u.membership(&OrgId::from_db(org.to_owned()))
                    .is_some_and(|m| m.role.is_admin())
            })
        })
}

/// The rule a gold owner meets when deciding an appeal against its own gold answer.
pub const GOLD_APPEALS_RULE: &str = "appeals against a gold answer are decided by a platform admin, not by the organisation that wrote the gold";

/// The appeal if the caller may see it: its expert, its deciders (404 otherwise).
pub fn visible(
    conn: &mut DbConn,
    principal: &Principal,
    id: &AppealId,
) -> AppResult<(AppealRow, bool)> {
    let not_found = || AppError::not_found(format!("appeal {id} not found"));
    let a = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
    let decider = decides(conn, principal, &a)?;
    let own =
        crate::experts::service::expert_id_of(conn, principal)?.is_some_and(|e| e == a.expert_id);
    // The gold's owner reads appeals against its gold answers (and cannot decide them).
    let owner = !decider && gold_owner(principal, &a);
    // The list's rule: an admin of the expert's vendor sees the roster's appeals too.
    let roster = !decider
        && !owner
        && !own
        && match (
            principal.user(),
            crate::experts::find_expert(conn, &a.expert_id)?.and_then(|e| e.vendor_id),
        ) {
            (Ok(u), Some(v)) => u
                .membership(&OrgId::from_db(v))
                .is_some_and(|m| m.role.is_admin()),
            _ => false,
        };
    if decider || own || owner || roster {
        Ok((a, decider))
    } else {
        Err(not_found())
    }
}

/// Files the caller's appeal of a suspension (`sanction`) or of a gold answer their
/// answer was marked wrong against (`assignment`): exactly one of the two.
///
/// A routed answer marked wrong can be appealed only once the expert is told of it
/// (`gold_delay` after the submit, `routing.gold_feedback_delay_hours`); before that it
/// answers exactly as an answer that was not gold, so filing an appeal cannot tell gold
/// from work.
pub fn file(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    gold_delay: chrono::Duration,
    principal: &Principal,
    sanction: Option<&StandingEventId>,
    assignment: Option<&AssignmentId>,
    explanation: &str,
) -> AppResult<AppealRow> {
    let me = crate::experts::service::expert_id_of(conn, principal)?
        .ok_or_else(|| AppError::forbidden("only experts file appeals"))?;
    let new = match (sanction, assignment) {
        (Some(s), _) => {
            let not_found = || AppError::not_found(format!("sanction {s} not found"));
            let e = crate::standings::find_standing_event(conn, s.as_str())?
                .filter(|e| e.expert_id == me && e.aspect == "status" && e.to_value == "suspended")
                .ok_or_else(not_found)?;
            if crate::standings::service::status_in(conn, &me, &e.slice_id)?
                != SliceStatus::Suspended
            {
                return Err(AppError::conflict(
                    "you are no longer suspended in this slice",
                ));
            }
            let vendor = crate::experts::find_expert(conn, &me)?.and_then(|x| x.vendor_id);
            (e.slice_id, "sanction", e.id, None, vendor)
        }
        (None, Some(a)) => {
            let not_found = || AppError::not_found(format!("assignment {a} not found"));
            // Any of the caller's answers, graded or not: an ungraded one answers as a
            // correct one does, so the answer cannot tell gold from work.
            let row = match crate::assignments::find_graded(conn, a.as_str())? {
                Some(graded) => Some(graded),
                None => crate::assignments::find_assignment(conn, a.as_str())?,
            }
            // Routed and calibration work; assessment answers are settled by retaking it.
            .filter(|r| r.expert_id == me && matches!(r.role.as_str(), "annotator" | "calibration"))
            .ok_or_else(not_found)?;
            let told = row.role != "annotator"
                || row
                    .submitted_at
                    .is_some_and(|at| crate::clock::utc(at) + gold_delay <= now);
            if row.correct != Some(false) || row.gold_item_id.is_none() || !told {
                return Err(AppError::conflict(
                    "this answer was not marked wrong against a gold answer",
                ));
            }
            let gold = row.gold_item_id.clone().unwrap_or_default();
            let owner = crate::gold::find_gold(conn, &gold)?.and_then(|g| g.org_id);
            (row.slice_id, "gold_answer", row.id, Some(gold), owner)
        }
        (None, None) => {
            return Err(AppError::validation(vec![FieldError::new(
                "sanction_id",
                "give exactly one of `sanction_id` and `assignment_id`",
            )]));
        }
    };
    let (slice, kind, subject, gold, decider) = new;
    let id = store::insert(
        conn,
        now,
        &NewAppeal {
            expert: &me,
            slice: &slice,
            kind,
            subject: &subject,
            gold_item: gold.as_deref(),
            decider_org: decider.as_deref(),
            explanation,
        },
    )?
    .ok_or_else(|| AppError::conflict("an appeal about this is already open"))?;
    audit::record(
        conn,
        now,
        &Actor::of(principal),
        Entry {
            action: "appeal.filed",
            org_id: decider.as_deref(),
            subject_type: "appeal",
            subject_id: Some(id.as_str()),
            details: json!({"kind": kind, "subject_id": subject}),
        },
    )?;
    store::find(conn, id.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("appeal vanished")))
}

fn overturn(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    actor: &Actor,
    a: &AppealRow,
    corrected: Option<&Value>,
    reason: &str,
) -> AppResult<usize> {
    let internal = |w: &str| AppError::internal(anyhow::anyhow!("appeal: {w} vanished"));
    let expert =
        crate::experts::find_expert(conn, &a.expert_id)?.ok_or_else(|| internal("expert"))?;
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?.ok_or_else(|| internal("slice"))?;
    if a.kind == "sanction" {
        let event = crate::standings::find_standing_event(conn, &a.subject_id)?
            .ok_or_else(|| internal("sanction"))?;
        let back = SliceStatus::parse(&event.from_value).unwrap_or(SliceStatus::Probation);
        let back = if back == SliceStatus::None || back == SliceStatus::Suspended {
            SliceStatus::Probation
        } else {
            back
        };
        if crate::standings::service::status_in(conn, &a.expert_id, &a.slice_id)?
            != SliceStatus::Suspended
        {
            return Err(AppError::conflict(
                "the expert is no longer suspended in this slice",
            ));
        }
        crate::standings::service::apply(
            conn,
            now,
            actor,
            &expert,
            &slice,
            crate::standings::service::Change {
                status: Some(back),
                tier: None,
                reason: &format!(
                    "appeal upheld in your favour: the suspension is lifted ({reason})"
                ),
                details: json!({"appeal_id": a.id, "sanction_id": a.subject_id}),
                notify: true,
            },
        )?;
        return Ok(0);
    }
    let gold_id = a
        .gold_item_id
        .as_deref()
        .ok_or_else(|| internal("gold item"))?;
    let schema = crate::taxonomy::service::slice_schema(&slice)?;
    let answer = match corrected {
        Some(v) => v.clone(),
        None => {
            let asg = crate::assignments::find_graded(conn, &a.subject_id)?
                .ok_or_else(|| internal("assignment"))?;
            asg.label
                .as_deref()
                .map(|l| crate::db::stored_json::<Value>("assignments.label", l))
                .transpose()?
                .ok_or_else(|| internal("label"))?
        }
    };
    let typed = schema
        .validate(&answer, "corrected_answer")
        .map_err(AppError::validation)?;
    crate::gold::set_answer(conn, gold_id, &answer.to_string(), &typed)?;
    let gold = crate::gold::find_gold(conn, gold_id)?.ok_or_else(|| internal("gold item"))?;
    let n = crate::scoring::service::correct_gold(conn, now, settings, &gold, &slice.label_kind)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "gold.answer_corrected",
            org_id: gold.org_id.as_deref(),
            subject_type: "gold_item",
            subject_id: Some(gold_id),
            details: json!({"appeal_id": a.id, "regraded": n}),
        },
    )?;
    Ok(n)
}

/// Decides an open appeal the caller may decide; returns it and how many graded answers
/// changed verdict.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    principal: &Principal,
    id: &AppealId,
    verdict: Verdict,
    reason: &str,
    corrected: Option<&Value>,
) -> AppResult<(AppealRow, usize)> {
    let user = principal.user()?;
    let (a, decider) = visible(conn, principal, id)?;
    if !decider {
        if gold_owner(principal, &a) {
            return Err(AppError::forbidden(GOLD_APPEALS_RULE));
        }
        return Err(AppError::forbidden("you cannot decide your own appeal"));
    }
    if a.status != "open" {
        return Err(AppError::conflict(format!(
            "the appeal is already {}",
            a.status
        )));
    }
    let actor = Actor::of(principal);
    let (status, regraded) = match verdict {
        Verdict::Uphold => ("upheld", 0),
        Verdict::Overturn => (
            "overturned",
            overturn(conn, now, settings, &actor, &a, corrected, reason)?,
        ),
    };
    if !store::decide(conn, &a.id, status, reason, user.user_id.as_str(), now)? {
        return Err(AppError::conflict("the appeal was decided meanwhile"));
    }
    audit::record(
        conn,
        now,
        &actor,
        Entry {
            action: "appeal.decided",
            org_id: a.decider_org_id.as_deref(),
            subject_type: "appeal",
            subject_id: Some(&a.id),
            details: json!({"decision": status, "reason": reason, "regraded": regraded}),
        },
    )?;
    if let Some((email, name)) = crate::experts::service::contact(conn, &a.expert_id)? {
        crate::mail::enqueue(
            conn,
            now,
            &crate::mail::templates::appeal_decided(&email, &name, &a.kind, status, reason),
        )?;
    }
    let row = store::find(conn, &a.id)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("appeal vanished")))?;
    Ok((row, regraded))
}
