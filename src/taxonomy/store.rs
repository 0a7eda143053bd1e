//! Queries for domains, their requirements, and slices.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::CredentialKind;
use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{domain_requirements, domains, slices};
use crate::ids::{DomainId, DomainRequirementId, SliceId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = domains)]
pub struct DomainRow {
    pub id: String,
    pub slug: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub description: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = domain_requirements)]
pub struct RequirementRow {
    pub id: String,
    pub domain_id: String,
    pub kind: String,
    pub field: String,
    pub created_at: NaiveDateTime,
}

pub fn insert_domain(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    slug: &str,
    parent: Option<&str>,
    name: &str,
    description: &str,
) -> QueryResult<DomainId> {
    let id = DomainId::new(now);
    diesel::insert_into(domains::table)
        .values((
            domains::id.eq(id.as_str()),
            domains::slug.eq(slug),
            domains::parent_id.eq(parent),
            domains::name.eq(name.trim()),
            domains::description.eq(description.trim()),
            domains::created_at.eq(now.naive_utc()),
            domains::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Takes a domain's row lock for the rest of the transaction. Deleting or moving a domain
/// and creating anything inside it (a child, a slice, a project) take it first, so the
/// "in use" check cannot race with a new use. Returns false if the domain does not exist.
pub fn lock_domain(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(domains::table.find(id))
        .set(domains::updated_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn find_domain(conn: &mut DbConn, id: &str) -> QueryResult<Option<DomainRow>> {
    domains::table
        .find(id)
        .select(DomainRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_domain_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<DomainRow>> {
    domains::table
        .filter(domains::slug.eq(slug))
        .select(DomainRow::as_select())
        .first(conn)
        .optional()
}

/// Every domain (the taxonomy is small: hundreds of nodes), in slug order.
pub fn all_domains(conn: &mut DbConn) -> QueryResult<Vec<DomainRow>> {
    domains::table
        .order_by(domains::slug.asc())
        .select(DomainRow::as_select())
        .load(conn)
}

pub fn list_domains(
    conn: &mut DbConn,
    parent: Option<Option<&str>>,
    page: &PageRequest,
) -> QueryResult<Vec<DomainRow>> {
    let mut q = domains::table
        .order_by(domains::id.asc())
        .limit(page.limit + 1)
        .select(DomainRow::as_select())
        .into_boxed();
    match parent {
        Some(Some(p)) => q = q.filter(domains::parent_id.eq(p.to_owned())),
        Some(None) => q = q.filter(domains::parent_id.is_null()),
        None => {}
    }
    if let Some(after) = &page.after {
        q = q.filter(domains::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn update_domain(
    conn: &mut DbConn,
    id: &str,
    name: &str,
    description: &str,
    slug: &str,
    parent: Option<&str>,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(domains::table.find(id))
        .set((
            domains::name.eq(name.trim()),
            domains::description.eq(description.trim()),
            domains::slug.eq(slug),
            domains::parent_id.eq(parent),
            domains::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)
}

pub fn delete_domain(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(domain_requirements::table.filter(domain_requirements::domain_id.eq(id)))
        .execute(conn)?;
    diesel::delete(domains::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn count_children(conn: &mut DbConn, id: &str) -> QueryResult<i64> {
    domains::table
        .filter(domains::parent_id.eq(id))
        .count()
        .get_result(conn)
}

pub fn count_slices_in_domain(conn: &mut DbConn, id: &str) -> QueryResult<i64> {
    slices::table
        .filter(slices::domain_id.eq(id))
        .count()
        .get_result(conn)
}

pub fn requirements_of(
    conn: &mut DbConn,
    domain_ids: &[String],
) -> QueryResult<Vec<RequirementRow>> {
    domain_requirements::table
        .filter(domain_requirements::domain_id.eq_any(domain_ids))
        .order_by(domain_requirements::id.asc())
        .select(RequirementRow::as_select())
        .load(conn)
}

pub fn replace_requirements(
    conn: &mut DbConn,
    domain: &str,
    requirements: &[(CredentialKind, String)],
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::delete(domain_requirements::table.filter(domain_requirements::domain_id.eq(domain)))
        .execute(conn)?;
    for (kind, field) in requirements {
        diesel::insert_into(domain_requirements::table)
            .values((
                domain_requirements::id.eq(DomainRequirementId::new(now).into_string()),
                domain_requirements::domain_id.eq(domain),
                domain_requirements::kind.eq(kind.as_str()),
                domain_requirements::field.eq(field),
                domain_requirements::created_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The domain and its ancestors, nearest first (the tree is at most 6 levels deep).
pub fn lineage(conn: &mut DbConn, domain: DomainRow) -> QueryResult<Vec<DomainRow>> {
    let mut chain = vec![domain];
    while let Some(parent) = chain.last().and_then(|d| d.parent_id.clone()) {
        if chain.len() > 16 || chain.iter().any(|d| d.id == parent) {
            break;
        }
        match find_domain(conn, &parent)? {
            Some(p) => chain.push(p),
            None => break,
        }
    }
    Ok(chain)
}

// ---- slices ----

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = slices)]
pub struct SliceRow {
    pub id: String,
    pub key: String,
    pub org_id: Option<String>,
    pub scope: String,
    pub domain_id: String,
    pub name: String,
    pub description: String,
    pub label_kind: String,
    pub label_schema: String,
    pub measurement_level: String,
    pub language: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub struct NewSlice<'a> {
    pub key: &'a str,
    pub org: Option<&'a str>,
    pub domain: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub label_kind: &'a str,
    pub label_schema: &'a str,
    pub measurement_level: &'a str,
    pub language: Option<&'a str>,
    pub created_by: &'a str,
}

pub fn insert_slice(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    new: &NewSlice<'_>,
) -> QueryResult<SliceId> {
    let id = SliceId::new(now);
    diesel::insert_into(slices::table)
        .values((
            slices::id.eq(id.as_str()),
            slices::key.eq(new.key),
            slices::org_id.eq(new.org),
            slices::scope.eq(new.org.unwrap_or("")),
            slices::domain_id.eq(new.domain),
            slices::name.eq(new.name.trim()),
            slices::description.eq(new.description.trim()),
            slices::label_kind.eq(new.label_kind),
            slices::label_schema.eq(new.label_schema),
            slices::measurement_level.eq(new.measurement_level),
            slices::language.eq(new.language),
            slices::created_by.eq(new.created_by),
            slices::created_at.eq(now.naive_utc()),
            slices::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Takes a slice's row lock (serialises uploads to its platform assessment pool).
pub fn lock_slice(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(slices::table.find(id))
        .set(slices::updated_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn find_slice(conn: &mut DbConn, id: &str) -> QueryResult<Option<SliceRow>> {
    slices::table
        .find(id)
        .select(SliceRow::as_select())
        .first(conn)
        .optional()
}

/// The slice with `key` in `scope` (`""`: the shared slices).
pub fn find_slice_by_key(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
) -> QueryResult<Option<SliceRow>> {
    slices::table
        .filter(slices::scope.eq(scope))
        .filter(slices::key.eq(key))
        .select(SliceRow::as_select())
        .first(conn)
        .optional()
}

pub fn slice_key_taken(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<bool> {
    let n: i64 = slices::table
        .filter(slices::scope.eq(scope))
        .filter(slices::key.eq(key))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Slices visible to a caller: shared ones plus the private slices of `orgs`
/// (`None` = every slice, for platform admins).
pub fn list_slices(
    conn: &mut DbConn,
    orgs: Option<&[String]>,
    domain: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<SliceRow>> {
    let mut q = slices::table
        .order_by(slices::id.asc())
        .limit(page.limit + 1)
        .select(SliceRow::as_select())
        .into_boxed();
    if let Some(orgs) = orgs {
        q = q.filter(
            slices::org_id
                .is_null()
                .or(slices::org_id.eq_any(orgs.to_vec())),
        );
    }
    if let Some(d) = domain {
        q = q.filter(slices::domain_id.eq(d.to_owned()));
    }
    if let Some(after) = &page.after {
        q = q.filter(slices::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn update_slice(
    conn: &mut DbConn,
    id: &str,
    name: &str,
    description: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(slices::table.find(id))
        .set((
            slices::name.eq(name.trim()),
            slices::description.eq(description.trim()),
            slices::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)
}
