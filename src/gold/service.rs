//! Bulk gold upload: each row is checked on its own (shape, slice, label schema, cited
//! clauses, idempotency by `external_id`); valid rows are written in one transaction,
//! invalid ones are reported with the fields at fault and write nothing.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::store;
use crate::audit::{self, Actor, Entry};
use crate::bulk::{self, BulkReport, BulkResult};
use crate::db::DbConn;
use crate::error::{AppResult, FieldError};
use crate::ids::SliceId;
use crate::taxonomy::SliceRow;
use crate::taxonomy::label_schema::LabelSchema;

/// Who owns uploaded gold, which decides where it may be used.
#[derive(Debug, Clone)]
pub enum GoldOwner {
    /// A lab's gold for one of its projects.
    Lab { org: String, project: String },
    /// A vendor's calibration material.
    Vendor { org: String },
    /// The platform's qualification-assessment pool of one slice.
    Platform { slice: String },
}

impl GoldOwner {
    pub fn kind(&self) -> &'static str {
        match self {
            GoldOwner::Lab { .. } => "lab",
            GoldOwner::Vendor { .. } => "vendor",
            GoldOwner::Platform { .. } => "platform",
        }
    }

    /// External ids are unique per scope: the project, the vendor, or the slice's platform pool.
    pub fn scope(&self) -> String {
        match self {
            GoldOwner::Lab { project, .. } => project.clone(),
            GoldOwner::Vendor { org } => org.clone(),
            GoldOwner::Platform { slice } => format!("platform:{slice}"),
        }
    }

    fn org(&self) -> Option<&str> {
        match self {
            GoldOwner::Lab { org, .. } | GoldOwner::Vendor { org } => Some(org),
            GoldOwner::Platform { .. } => None,
        }
    }

    fn project(&self) -> Option<&str> {
        match self {
            GoldOwner::Lab { project, .. } => Some(project),
            _ => None,
        }
    }
}

/// One uploaded row.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoldItemInput {
    /// The slice; optional when the upload targets one slice (or a project with one slice).
    pub slice_id: Option<SliceId>,
    /// Your id for the item; re-sending it reports the existing item instead of a duplicate.
    pub external_id: Option<String>,
    /// The item as experts will see it (e.g. prompt and responses A/B).
    #[schema(value_type = Object)]
    pub payload: Value,
    /// The known answer, in the slice's label format (its `cited_clauses` cite the constitution).
    #[schema(value_type = Object)]
    pub answer: Value,
    /// Why this is the answer.
    pub explanation: String,
}

pub struct UploadContext {
    pub owner: GoldOwner,
    /// Slices rows may use, with their schemas.
    pub slices: Vec<(SliceRow, LabelSchema)>,
    /// Clause ids of the pinned constitution, when cited clauses must exist in it.
    pub clauses: Option<HashSet<String>>,
    pub created_by: String,
}

fn check_row(
    ctx: &UploadContext,
    value: Result<Value, String>,
) -> Result<
    (
        GoldItemInput,
        usize,
        crate::taxonomy::label_schema::TypedLabel,
    ),
    Vec<FieldError>,
> {
    let input: GoldItemInput = bulk::parse_row(value)?;
    let mut errors = Vec::new();
    let slice_index = match &input.slice_id {
        Some(id) => ctx.slices.iter().position(|(s, _)| s.id == id.as_str()),
        None if ctx.slices.len() == 1 => Some(0),
        None => None,
    };
    if slice_index.is_none() {
        errors.push(FieldError::new(
            "slice_id",
            if input.slice_id.is_some() {
                "is not a slice of this upload's target"
            } else {
                "is required (the target has several slices)"
            },
        ));
    }
    if !input.payload.is_object() {
        errors.push(FieldError::new("payload", "must be an object"));
    } else if input.payload.to_string().len() > 64 * 1024 {
        errors.push(FieldError::new("payload", "must be at most 64 KiB"));
    }
    let n = input.explanation.trim().chars().count();
    if n == 0
        || n > 10_000
        || input
            .explanation
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        errors.push(FieldError::new(
            "explanation",
            "must be 1 to 10000 characters",
        ));
    }
    if let Some(x) = &input.external_id {
        bulk::check_external_id(x, &mut errors);
    }
    let Some(index) = slice_index else {
        return Err(errors);
    };
    let label = ctx.slices[index].1.validate(&input.answer, "answer");
    if let Err(e) = &label {
        errors.extend(e.iter().cloned());
    }
    // Cited clauses must exist in the pinned constitution (checked even when other parts of
    // the answer are wrong, so every problem is reported at once).
    if let (Some(known), Some(cited)) = (
        &ctx.clauses,
        input.answer.get("cited_clauses").and_then(Value::as_array),
    ) {
        for (i, c) in cited.iter().enumerate() {
            if let Some(id) = c.as_str()
                && crate::taxonomy::label_schema::is_clause_id(id)
                && !known.contains(id)
            {
                errors.push(FieldError::new(
                    format!("answer.cited_clauses[{i}]"),
                    "is not a clause of the pinned constitution",
                ));
            }
        }
    }
    match label {
        Ok(label) if errors.is_empty() => Ok((input, index, label)),
        _ => Err(errors),
    }
}

pub fn upload(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    ctx: &UploadContext,
    rows: Vec<(usize, Result<Value, String>)>,
) -> AppResult<BulkResult> {
    let scope = ctx.owner.scope();
    let mut report = BulkReport::new();
    for (row, value) in rows {
        let (input, index, label) = match check_row(ctx, value) {
            Ok(ok) => ok,
            Err(errors) => {
                report.invalid(row, errors);
                continue;
            }
        };
        if let Some(x) = &input.external_id {
            if !report.first_time(row, x) {
                continue;
            }
            if let Some(existing) = store::find_by_external_id(conn, &scope, x)? {
                report.exists(row, existing);
                continue;
            }
        }
        let id = store::insert(
            conn,
            now,
            &store::NewGold {
                owner_kind: ctx.owner.kind(),
                org: ctx.owner.org(),
                project: ctx.owner.project(),
                scope: &scope,
                slice: &ctx.slices[index].0.id,
                external_id: input.external_id.as_deref(),
                payload: &input.payload.to_string(),
                answer: &input.answer.to_string(),
                label: &label,
                explanation: &input.explanation,
                created_by: &ctx.created_by,
            },
        )?;
        report.created(row, id.into_string());
    }
    let result = report.finish();
    if result.created > 0 {
        audit::record(
            conn,
            now,
            actor,
            Entry {
                action: "gold.uploaded",
                org_id: ctx.owner.org(),
                subject_type: ctx.owner.project().map_or("slice", |_| "project"),
                subject_id: Some(ctx.owner.project().unwrap_or(&ctx.slices[0].0.id)),
                details: json!({ "owner": ctx.owner.kind(), "created": result.created, "existing": result.existing, "invalid": result.invalid }),
            },
        )?;
    }
    Ok(result)
}

/// Where a graded answer on a gold item counts (README, "Whose gold counts where").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counts {
    /// In the expert's standing in the slice, everywhere: the platform's gold, a vendor's
    /// calibration material, a lab's gold in the lab's own private slice, and a lab's gold
    /// a platform admin had certified when the answer was graded.
    Slice,
    /// Only in the expert's standing with this lab (`lab_standings`), which routing applies
    /// to the lab's own projects: a lab's uncertified gold in a slice the lab does not own.
    Lab(String),
}

/// Where an answer on `gold` (in a slice owned by `slice_org`, None: a shared slice) graded
/// at `at` counts. Certification counts the answers graded from its moment on.
pub fn counts_in(gold: &store::GoldRow, slice_org: Option<&str>, at: DateTime<Utc>) -> Counts {
    let Some(org) = gold.org_id.as_deref().filter(|_| gold.owner_kind == "lab") else {
        return Counts::Slice;
    };
    let own_slice = slice_org == Some(org);
    let certified = gold
        .certified_at
        .is_some_and(|c| crate::clock::utc(c) <= at);
    if own_slice || certified {
        Counts::Slice
    } else {
        Counts::Lab(org.to_owned())
    }
}

/// Certifies a lab's gold item so that its answers count in shared slices (or, with
/// `certified = false`, withdraws that), audited with the reason under the lab's
/// organisation so the lab sees it. The caller has checked the actor is a platform admin.
pub fn certify(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    id: &str,
    certified: bool,
    reason: &str,
) -> AppResult<store::GoldRow> {
    let gold = store::find(conn, id)?
        .ok_or_else(|| crate::error::AppError::not_found(format!("gold item {id} not found")))?;
    if gold.owner_kind != "lab" {
        return Err(crate::error::AppError::conflict(
            "only a lab's gold is certified: the platform's pool counts everywhere and a vendor's calibration material only in calibration",
        ));
    }
    let by = actor.id.clone().unwrap_or_default();
    if !store::set_certified(conn, id, certified.then_some((now, by.as_str())))? {
        return Err(crate::error::AppError::conflict(if certified {
            "the gold item is already certified"
        } else {
            "the gold item is not certified"
        }));
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: if certified {
                "gold.certified"
            } else {
                "gold.uncertified"
            },
            org_id: gold.org_id.as_deref(),
            subject_type: "gold_item",
            subject_id: Some(id),
            details: json!({ "slice_id": gold.slice_id, "project_id": gold.project_id, "reason": reason.trim() }),
        },
    )?;
    store::find(conn, id)?
        .ok_or_else(|| crate::error::AppError::internal(anyhow::anyhow!("gold item vanished")))
}
