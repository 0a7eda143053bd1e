//! Domain and slice changes (each one transaction, audited); they return the stored rows
//! and the routes build the views (`views.rs`).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::label_schema::{LabelSchema, MeasurementLevel};
use super::store::{self, DomainRow, SliceRow};
use super::{CredentialKind, names};
use crate::audit::{self, Actor, Entry};
use crate::auth::{OrgKind, Principal};
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::ids::{DomainId, OrgId, SliceId};

pub fn load_domain(conn: &mut DbConn, id: &DomainId) -> AppResult<DomainRow> {
    store::find_domain(conn, id.as_str())?
        .ok_or_else(|| AppError::not_found(format!("domain {id} not found")))
}

fn parent_of(conn: &mut DbConn, slug: &str) -> AppResult<Option<DomainRow>> {
    match names::parent_slug(slug) {
        None => Ok(None),
        Some(parent) => store::find_domain_by_slug(conn, parent)?
            .map(Some)
            .ok_or_else(|| {
                AppError::invalid_field(
                    "slug",
                    format!("the parent domain `{parent}` does not exist; create it first"),
                )
            }),
    }
}

fn dedup_requirements(reqs: &[(CredentialKind, String)]) -> Vec<(CredentialKind, String)> {
    let mut out: Vec<(CredentialKind, String)> = Vec::new();
    for r in reqs {
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}

pub fn create_domain(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    slug: &str,
    name: &str,
    description: &str,
    requirements: &[(CredentialKind, String)],
) -> AppResult<DomainRow> {
    if store::find_domain_by_slug(conn, slug)?.is_some() {
        return Err(
            AppError::conflict(format!("the domain `{slug}` already exists"))
                .with_errors(vec![FieldError::new("slug", "is already taken")]),
        );
    }
    let parent = parent_of(conn, slug)?;
    if let Some(p) = &parent {
        store::lock_domain(conn, &p.id, now)?;
    }
    let id = store::insert_domain(
        conn,
        now,
        slug,
        parent.as_ref().map(|p| p.id.as_str()),
        name,
        description,
    )?;
    store::replace_requirements(conn, id.as_str(), &dedup_requirements(requirements), now)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "taxonomy.domain_created",
            org_id: None,
            subject_type: "domain",
            subject_id: Some(id.as_str()),
            details: json!({ "slug": slug, "requirements": requirements.iter().map(|(k, f)| json!({"kind": k.as_str(), "field": f})).collect::<Vec<_>>() }),
        },
    )?;
    load_domain(conn, &id)
}

/// Why a domain cannot be moved or deleted, if it is in use.
fn in_use(conn: &mut DbConn, id: &str) -> AppResult<Option<String>> {
    let children = store::count_children(conn, id)?;
    let slices = store::count_slices_in_domain(conn, id)?;
    let mut uses = Vec::new();
    if children > 0 {
        uses.push(format!("{children} sub-domain(s)"));
    }
    if slices > 0 {
        uses.push(format!("{slices} slice(s)"));
    }
    let projects = super::queries::count_projects_in_domain(conn, id)?;
    if projects > 0 {
        uses.push(format!("{projects} project(s)"));
    }
    Ok((!uses.is_empty()).then(|| uses.join(" and ")))
}

pub struct DomainPatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub requirements: Option<Vec<(CredentialKind, String)>>,
    /// Move under another parent (`Some(None)` = to the root).
    pub parent_slug: Option<Option<String>>,
}

pub fn update_domain(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    id: &DomainId,
    patch: DomainPatch,
) -> AppResult<DomainRow> {
    store::lock_domain(conn, id.as_str(), now)?;
    let d = load_domain(conn, id)?;
    let (mut slug, mut parent_id) = (d.slug.clone(), d.parent_id.clone());
    if let Some(Some(p)) = &patch.parent_slug
        && (p == &d.slug || p.starts_with(&format!("{}/", d.slug)))
    {
        return Err(AppError::invalid_field(
            "parent_slug",
            "a domain cannot be moved under itself or its descendants",
        ));
    }
    if let Some(new_parent) = &patch.parent_slug {
        let segment = d.slug.rsplit('/').next().unwrap_or(&d.slug).to_owned();
        let new_slug = match new_parent {
            Some(p) => format!("{p}/{segment}"),
            None => segment,
        };
        if new_slug != d.slug {
            if let Some(uses) = in_use(conn, &d.id)? {
                return Err(AppError::conflict(format!(
                    "domain `{}` is in use by {uses}; it cannot be moved",
                    d.slug
                )));
            }
            if !names::is_domain_slug(&new_slug) {
                return Err(AppError::invalid_field(
                    "parent_slug",
                    "the moved slug would be invalid (too deep or too long)",
                ));
            }
            if store::find_domain_by_slug(conn, &new_slug)?.is_some() {
                return Err(AppError::conflict(format!(
                    "a domain `{new_slug}` already exists"
                )));
            }
            let parent = match new_parent {
                Some(p) => Some(store::find_domain_by_slug(conn, p)?.ok_or_else(|| {
                    AppError::invalid_field("parent_slug", format!("no domain `{p}` exists"))
                })?),
                None => None,
            };
            slug = new_slug;
            parent_id = parent.map(|p| p.id);
        }
    }
    let name = patch.name.clone().unwrap_or(d.name.clone());
    let description = patch.description.clone().unwrap_or(d.description.clone());
    store::update_domain(
        conn,
        &d.id,
        &name,
        &description,
        &slug,
        parent_id.as_deref(),
        now,
    )?;
    if let Some(reqs) = &patch.requirements {
        store::replace_requirements(conn, &d.id, &dedup_requirements(reqs), now)?;
    }
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "taxonomy.domain_updated",
            org_id: None,
            subject_type: "domain",
            subject_id: Some(&d.id),
            details: json!({
                "slug": { "from": d.slug, "to": slug },
                "requirements": patch.requirements.as_ref().map(|r| r.iter().map(|(k, f)| json!({"kind": k.as_str(), "field": f})).collect::<Vec<_>>()),
            }),
        },
    )?;
    load_domain(conn, id)
}

pub fn delete_domain(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    id: &DomainId,
) -> AppResult<()> {
    store::lock_domain(conn, id.as_str(), now)?;
    let d = load_domain(conn, id)?;
    if let Some(uses) = in_use(conn, &d.id)? {
        return Err(AppError::conflict(format!(
            "domain `{}` is in use by {uses}; it cannot be deleted",
            d.slug
        )));
    }
    store::delete_domain(conn, &d.id)?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "taxonomy.domain_deleted",
            org_id: None,
            subject_type: "domain",
            subject_id: Some(&d.id),
            details: json!({ "slug": d.slug }),
        },
    )?;
    Ok(())
}

// ---- slices ----

pub fn slice_schema(row: &SliceRow) -> AppResult<LabelSchema> {
    serde_json::from_str(&row.label_schema).map_err(|e| {
        AppError::internal(anyhow::anyhow!(
            "stored label schema of {} is unreadable: {e}",
            row.id
        ))
    })
}

/// The slice, if the caller may see it: shared slices are visible to everyone; a
/// private slice only to its lab (members and API keys) and platform admins. Others get 404.
pub fn visible_slice(
    conn: &mut DbConn,
    principal: &Principal,
    id: &SliceId,
) -> AppResult<SliceRow> {
    let not_found = || AppError::not_found(format!("slice {id} not found"));
    let row = store::find_slice(conn, id.as_str())?.ok_or_else(not_found)?;
    if sees_slice(principal, &row) {
        Ok(row)
    } else {
        Err(not_found())
    }
}

/// Whether `principal` may see `slice`: a shared slice everyone; a private slice its
/// organisation's members and keys, and platform admins. Reports that list slices (a
/// vendor's roster dashboard and coverage) leave out the ones this answers `false` for.
pub fn sees_slice(principal: &Principal, slice: &SliceRow) -> bool {
    match &slice.org_id {
        None => true,
        Some(org) => {
            let org = OrgId::from_db(org.clone());
            match principal {
                Principal::User(u) => u.is_platform_admin || u.membership(&org).is_some(),
                Principal::ApiKey(k) => k.org_id == org,
            }
        }
    }
}

/// Who may change a slice: platform admins for shared slices, the lab's admins for private ones.
pub fn authorize_slice_write(principal: &Principal, org: Option<&OrgId>) -> AppResult<()> {
    match org {
        None => principal.platform_admin().map(|_| ()),
        Some(org) => {
            let user = principal.org_admin(org)?;
            let is_lab = user.is_platform_admin
                || user
                    .membership(org)
                    .is_some_and(|m| m.org_kind == OrgKind::Lab);
            if is_lab {
                Ok(())
            } else {
                Err(AppError::forbidden("only labs have private slices"))
            }
        }
    }
}

pub struct NewSlice {
    pub key: String,
    pub org: Option<OrgId>,
    pub domain: DomainId,
    pub name: String,
    pub description: String,
    pub schema: LabelSchema,
    pub level: MeasurementLevel,
    pub language: Option<String>,
}

pub fn create_slice(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    created_by: &str,
    new: NewSlice,
) -> AppResult<SliceRow> {
    if !store::lock_domain(conn, new.domain.as_str(), now)? {
        return Err(AppError::invalid_field("domain_id", "no such domain"));
    }
    if let Some(org) = &new.org {
        let is_lab = crate::orgs::find_org(conn, org.as_str())?
            .is_some_and(|o| o.kind == OrgKind::Lab.as_str());
        if !is_lab {
            return Err(AppError::invalid_field(
                "org_id",
                "must be a lab (private slices belong to labs)",
            ));
        }
    }
    let scope = new.org.as_ref().map(|o| o.to_string()).unwrap_or_default();
    if store::slice_key_taken(conn, &scope, &new.key)? {
        return Err(
            AppError::conflict(format!("a slice `{}` already exists here", new.key))
                .with_errors(vec![FieldError::new("key", "is already taken")]),
        );
    }
    let schema_json =
        serde_json::to_string(&new.schema).map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    let id = store::insert_slice(
        conn,
        now,
        &store::NewSlice {
            key: &new.key,
            org: new.org.as_ref().map(|o| o.as_str()),
            domain: new.domain.as_str(),
            name: &new.name,
            description: &new.description,
            label_kind: new.schema.kind(),
            label_schema: &schema_json,
            measurement_level: new.level.as_str(),
            language: new.language.as_deref(),
            created_by,
        },
    )?;
    audit::record(
        conn,
        now,
        actor,
        Entry {
            action: "taxonomy.slice_created",
            org_id: new.org.as_ref().map(|o| o.as_str()),
            subject_type: "slice",
            subject_id: Some(id.as_str()),
            details: json!({ "key": new.key, "label_kind": new.schema.kind(), "visibility": if new.org.is_some() { "private" } else { "shared" } }),
        },
    )?;
    store::find_slice(conn, id.as_str())?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("slice vanished")))
}
