//! The API's views of domains and slices, built from the stored rows by the routes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::label_schema::{LabelSchema, MeasurementLevel};
use super::service::slice_schema;
use super::{CredentialKind, DomainRow, SliceRow};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::{DomainId, OrgId, SliceId};

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct RequirementView {
    pub kind: CredentialKind,
    /// The field the credential must be in, e.g. `medicine`.
    pub field: String,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct EffectiveRequirement {
    pub kind: CredentialKind,
    pub field: String,
    /// Slug of the domain that declares it (this one or an ancestor).
    pub declared_by: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DomainView {
    pub id: DomainId,
    #[schema(example = "medicine/radiology")]
    pub slug: String,
    pub parent_id: Option<DomainId>,
    pub name: String,
    pub description: String,
    /// Requirements declared on this domain.
    pub requirements: Vec<RequirementView>,
    /// Everything an expert needs for this domain: its own requirements and its ancestors'.
    pub effective_requirements: Vec<EffectiveRequirement>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn domain_view(conn: &mut DbConn, domain: DomainRow) -> AppResult<DomainView> {
    let chain = super::lineage(conn, domain.clone())?;
    let ids: Vec<String> = chain.iter().map(|d| d.id.clone()).collect();
    let reqs = super::requirements_of(conn, &ids)?;
    let mut own = Vec::new();
    let mut effective: Vec<EffectiveRequirement> = Vec::new();
    for d in &chain {
        for r in reqs.iter().filter(|r| r.domain_id == d.id) {
            let Some(kind) = CredentialKind::parse(&r.kind) else {
                continue;
            };
            if d.id == domain.id {
                own.push(RequirementView {
                    kind,
                    field: r.field.clone(),
                });
            }
            if !effective
                .iter()
                .any(|e| e.kind == kind && e.field == r.field)
            {
                effective.push(EffectiveRequirement {
                    kind,
                    field: r.field.clone(),
                    declared_by: d.slug.clone(),
                });
            }
        }
    }
    Ok(DomainView {
        id: DomainId::from_db(domain.id),
        slug: domain.slug,
        parent_id: domain.parent_id.map(DomainId::from_db),
        name: domain.name,
        description: domain.description,
        requirements: own,
        effective_requirements: effective,
        created_at: crate::clock::utc(domain.created_at),
        updated_at: crate::clock::utc(domain.updated_at),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SliceVisibility {
    /// Platform-owned; scores follow experts across labs.
    Shared,
    /// Owned by one lab and used only in its projects.
    Private,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SliceView {
    pub id: SliceId,
    #[schema(example = "medicine/radiology:de")]
    pub key: String,
    pub visibility: SliceVisibility,
    /// The owning lab of a private slice.
    pub org_id: Option<OrgId>,
    pub domain_id: DomainId,
    pub name: String,
    pub description: String,
    pub label_schema: LabelSchema,
    pub measurement_level: MeasurementLevel,
    /// BCP 47 language tag of the slice's items, if any.
    pub language: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn slice_view(row: SliceRow) -> AppResult<SliceView> {
    let schema = slice_schema(&row)?;
    Ok(SliceView {
        id: SliceId::from_db(row.id),
        key: row.key,
        visibility: if row.org_id.is_some() {
            SliceVisibility::Private
        } else {
            SliceVisibility::Shared
        },
        org_id: row.org_id.map(OrgId::from_db),
        domain_id: DomainId::from_db(row.domain_id),
        name: row.name,
        description: row.description,
        label_schema: schema,
        measurement_level: MeasurementLevel::parse(&row.measurement_level)
            .unwrap_or(MeasurementLevel::Nominal),
        language: row.language,
        created_at: crate::clock::utc(row.created_at),
        updated_at: crate::clock::utc(row.updated_at),
    })
}
