//! An item as its lab reads it, independent of HTTP: the item with how many of its
//! assignments are in each state and, once resolved, its result (the judgments under the
//! experts' pseudonymous handles). The items routes and the results feed render it as
//! `ItemView`; the item webhooks (`item.resolved`, `item.needs_attention`) send its
//! serialisation as `data.item`, which is therefore the view's JSON field for field.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::ingest::Stakes;
use super::store::ItemRow;
use crate::assignments::AssignmentRow;
use crate::db::{CorruptData, DbConn};
use crate::error::{AppError, AppResult};
use crate::ids::{ItemId, ProjectId, SliceId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Waiting for experts (see `status_reason`).
    Queued,
    Assigned,
    Adjudicating,
    /// Past its deadline, unresolved; still worked and routed (its work stage is `stage`).
    Overdue,
    Resolved,
    Cancelled,
    /// Ended unresolved `expire_overdue_after_hours` after its deadline.
    Expired,
}

/// The stage of an item's work (its status apart from being overdue).
pub fn item_status(s: &str) -> ItemStatus {
    match s {
        "assigned" => ItemStatus::Assigned,
        "adjudicating" => ItemStatus::Adjudicating,
        "resolved" => ItemStatus::Resolved,
        "cancelled" => ItemStatus::Cancelled,
        "expired" => ItemStatus::Expired,
        _ => ItemStatus::Queued,
    }
}

/// What the lab sees as the item's status: `overdue` for an open item the deadline job
/// found past its deadline, else its stage.
pub fn shown_status(r: &ItemRow) -> ItemStatus {
    let stage = item_status(&r.status);
    let open = matches!(
        stage,
        ItemStatus::Queued | ItemStatus::Assigned | ItemStatus::Adjudicating
    );
    if open && r.overdue_at.is_some() {
        ItemStatus::Overdue
    } else {
        stage
    }
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ItemResolution)]
pub enum Resolution {
    /// The annotators agreed.
    Agreement,
    /// An adjudicator decided.
    Adjudication,
    /// The annotators disagreed and the project does not adjudicate.
    Disagreement,
}

/// An item with its progress and, once resolved, its result.
#[derive(Debug, Clone, Serialize)]
pub struct ItemDetail {
    pub id: ItemId,
    pub project_id: ProjectId,
    pub slice_id: SliceId,
    pub external_id: String,
    pub payload: Value,
    pub judge_confidence: Option<f64>,
    pub stakes: Stakes,
    pub priority: i32,
    pub effective_priority: i32,
    pub deadline: DateTime<Utc>,
    pub status: ItemStatus,
    pub stage: ItemStatus,
    pub overdue_at: Option<DateTime<Utc>>,
    pub status_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub constitution_version: Option<i32>,
    pub progress: ProgressDetail,
    pub result: Option<ResultDetail>,
}

/// How many of an item's assignments are in each state.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProgressDetail {
    pub offered: i64,
    pub accepted: i64,
    pub submitted: i64,
    pub declined: i64,
    pub expired: i64,
    pub cancelled: i64,
}

/// A resolved item's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct ResultDetail {
    pub resolution: Resolution,
    pub final_label: Option<Value>,
    pub adjudicated: bool,
    pub judgments: Vec<JudgmentDetail>,
}

/// One expert's judgment, under their pseudonymous handle.
#[derive(Debug, Clone, Serialize)]
pub struct JudgmentDetail {
    pub expert: String,
    pub role: String,
    pub label: Value,
    pub agrees: Option<bool>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Server-measured active seconds of the work on it.
    pub active_seconds: Option<i64>,
    /// The constitution version pinned on the assignment the judgment answered.
    pub constitution_version: Option<i32>,
    /// The expert's standing in the slice when they submitted it (None for judgments
    /// recorded before standings were kept with them).
    pub standing_at_submit: Option<StandingDetail>,
}

/// The expert's standing in the slice at the time of a judgment.
#[derive(Debug, Clone, Serialize)]
pub struct StandingDetail {
    pub status: String,
    pub tier: String,
    pub gold_lower_bound: Option<f64>,
    pub gold_answers: f64,
}

impl ItemDetail {
    fn from_row(
        r: ItemRow,
        progress: ProgressDetail,
        result: Option<ResultDetail>,
    ) -> Result<Self, CorruptData> {
        let (status, stage) = (shown_status(&r), item_status(&r.status));
        Ok(Self {
            id: ItemId::from_db(r.id),
            project_id: ProjectId::from_db(r.project_id),
            slice_id: SliceId::from_db(r.slice_id),
            external_id: r.external_id,
            payload: crate::db::stored_json("items.payload", &r.payload)?,
            judge_confidence: r.judge_confidence,
            stakes: Stakes::parse(&r.stakes).unwrap_or_default(),
            priority: r.priority,
            effective_priority: r.effective_priority,
            deadline: crate::clock::utc(r.deadline_at),
            status,
            stage,
            overdue_at: r.overdue_at.map(crate::clock::utc),
            status_reason: r.status_reason,
            created_at: crate::clock::utc(r.created_at),
            updated_at: crate::clock::utc(r.updated_at),
            resolved_at: r.resolved_at.map(crate::clock::utc),
            constitution_version: r.constitution_version,
            progress,
            result,
        })
    }
}

/// The item with its progress and, once resolved, its result.
pub fn item_detail(conn: &mut DbConn, r: ItemRow) -> AppResult<ItemDetail> {
    item_details(conn, vec![r])?
        .pop()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("item detail vanished")))
}

/// Several items with one query each for their assignments, the resolved outcomes and
/// the experts' handles (not one per item).
pub fn item_details(conn: &mut DbConn, rows: Vec<ItemRow>) -> AppResult<Vec<ItemDetail>> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut by_item: HashMap<String, Vec<AssignmentRow>> = HashMap::new();
    for a in crate::assignments::of_items(conn, &ids)? {
        if let Some(item) = a.item_id.clone() {
            by_item.entry(item).or_default().push(a);
        }
    }
    let resolved: Vec<String> = rows
        .iter()
        .filter(|r| r.status == "resolved")
        .map(|r| r.id.clone())
        .collect();
    let agreed = super::queries::resolved_outcomes_of(conn, &resolved)?;
    let experts: Vec<String> = resolved
        .iter()
        .flat_map(|i| by_item.get(i).into_iter().flatten())
        .filter(|a| a.status == "submitted")
        .map(|a| a.expert_id.clone())
        .collect();
    let handles = crate::experts::handles_of(conn, &experts)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let assignments = by_item.remove(&r.id).unwrap_or_default();
        let mut progress = ProgressDetail::default();
        for a in &assignments {
            match a.status.as_str() {
                "offered" => progress.offered += 1,
                "accepted" => progress.accepted += 1,
                "submitted" => progress.submitted += 1,
                "declined" => progress.declined += 1,
                "cancelled" => progress.cancelled += 1,
                _ => progress.expired += 1,
            }
        }
        let result = match (r.status.as_str(), r.resolution.as_deref()) {
            ("resolved", Some(res)) => {
                let final_label: Option<Value> = r
                    .final_label
                    .as_deref()
                    .map(|l| crate::db::stored_json("items.final_label", l))
                    .transpose()?;
                let judgments = assignments
                    .iter()
                    .filter(|a| a.status == "submitted")
                    .map(|a| -> Result<JudgmentDetail, CorruptData> {
                        Ok(JudgmentDetail {
                            expert: handles.get(&a.expert_id).cloned().unwrap_or_default(),
                            role: a.role.clone(),
                            label: match a.label.as_deref() {
                                Some(l) => crate::db::stored_json("assignments.label", l)?,
                                None => Value::Null,
                            },
                            agrees: agreed.get(&a.id).copied().flatten(),
                            submitted_at: a.submitted_at.map(crate::clock::utc),
                            active_seconds: a.active_seconds,
                            constitution_version: a.constitution_version,
                            standing_at_submit: a.standing_at_submit()?.map(|s| StandingDetail {
                                status: s.status,
                                tier: s.tier,
                                gold_lower_bound: s.gold_lower_bound,
                                gold_answers: s.gold_answers,
                            }),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Some(ResultDetail {
                    resolution: match res {
                        "agreement" => Resolution::Agreement,
                        "adjudication" => Resolution::Adjudication,
                        _ => Resolution::Disagreement,
                    },
                    adjudicated: res == "adjudication",
                    final_label,
                    judgments,
                })
            }
            _ => None,
        };
        out.push(ItemDetail::from_row(r, progress, result)?);
    }
    Ok(out)
}
