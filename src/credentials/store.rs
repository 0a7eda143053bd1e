//! Queries for credentials and evidence files.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{credential_email_checks, credentials, evidence_files};
use crate::ids::{CredentialId, EmailCheckId, EvidenceFileId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = credentials)]
pub struct CredentialRow {
    pub id: String,
    pub expert_id: String,
    pub vendor_id: Option<String>,
    pub kind: String,
    pub issuer: String,
    pub identifier: Option<String>,
    pub field: String,
    pub jurisdiction: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub status: String,
    pub review_reason: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub issuer_domain: Option<String>,
    pub expiry_reminded_at: Option<NaiveDateTime>,
}

impl CredentialRow {
    /// How the credential is named in e-mails: `licence (Ärztekammer Berlin)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.kind, self.issuer)
    }
}

pub struct NewCredential<'a> {
    pub expert: &'a str,
    pub vendor: Option<&'a str>,
    pub kind: &'a str,
    pub issuer: &'a str,
    pub issuer_domain: Option<&'a str>,
    pub identifier: Option<&'a str>,
    pub field: &'a str,
    pub jurisdiction: Option<&'a str>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    c: &NewCredential<'_>,
) -> QueryResult<CredentialId> {
    let id = CredentialId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(credentials::table)
        .values((
            credentials::id.eq(id.as_str()),
            credentials::expert_id.eq(c.expert),
            credentials::vendor_id.eq(c.vendor),
            credentials::kind.eq(c.kind),
            credentials::issuer.eq(c.issuer.trim()),
            credentials::issuer_domain.eq(c.issuer_domain.map(|d| d.trim().to_ascii_lowercase())),
            credentials::identifier.eq(c.identifier.map(str::trim)),
            credentials::field.eq(c.field),
            credentials::jurisdiction.eq(c.jurisdiction.map(str::trim)),
            credentials::issued_on.eq(c.issued_on),
            credentials::expires_on.eq(c.expires_on),
            credentials::status.eq("pending"),
            credentials::created_at.eq(t),
            credentials::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<CredentialRow>> {
    credentials::table
        .find(id)
        .select(CredentialRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_for_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<CredentialRow>> {
    credentials::table
        .filter(credentials::expert_id.eq(expert))
        .order_by(credentials::id.asc())
        .select(CredentialRow::as_select())
        .load(conn)
}

/// Moves the credential from `from` to `to` (a review decision from `pending`, a
/// revocation from `verified`) with the reviewer's reason, once: false if it is no longer
/// `from`.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    id: &str,
    from: &str,
    to: &str,
    reason: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        credentials::table
            .find(id)
            .filter(credentials::status.eq(from)),
    )
    .set((
        credentials::status.eq(to),
        credentials::review_reason.eq(Some(reason.trim())),
        credentials::reviewed_by.eq(Some(by)),
        credentials::reviewed_at.eq(Some(t)),
        credentials::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Evidence metadata (no content).
#[derive(Debug, Clone, Queryable)]
pub struct EvidenceMeta {
    pub id: String,
    pub credential_id: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: NaiveDateTime,
}

type MetaColumns = (
    evidence_files::id,
    evidence_files::credential_id,
    evidence_files::filename,
    evidence_files::content_type,
    evidence_files::size_bytes,
    evidence_files::sha256,
    evidence_files::created_at,
);

const META: MetaColumns = (
    evidence_files::id,
    evidence_files::credential_id,
    evidence_files::filename,
    evidence_files::content_type,
    evidence_files::size_bytes,
    evidence_files::sha256,
    evidence_files::created_at,
);

pub struct NewEvidence<'a> {
    pub credential: &'a str,
    pub expert: &'a str,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

pub fn insert_evidence(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    e: &NewEvidence<'_>,
) -> QueryResult<EvidenceFileId> {
    let id = EvidenceFileId::new(now);
    diesel::insert_into(evidence_files::table)
        .values((
            evidence_files::id.eq(id.as_str()),
            evidence_files::credential_id.eq(e.credential),
            evidence_files::expert_id.eq(e.expert),
            evidence_files::filename.eq(e.filename),
            evidence_files::content_type.eq(e.content_type),
            evidence_files::size_bytes.eq(e.content.len() as i64),
            evidence_files::sha256.eq(e.sha256),
            evidence_files::content.eq(e.content),
            evidence_files::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn evidence_of(conn: &mut DbConn, credential: &str) -> QueryResult<Vec<EvidenceMeta>> {
    evidence_files::table
        .filter(evidence_files::credential_id.eq(credential))
        .order_by(evidence_files::id.asc())
        .select(META)
        .load(conn)
}

pub fn count_evidence(conn: &mut DbConn, credential: &str) -> QueryResult<i64> {
    evidence_files::table
        .filter(evidence_files::credential_id.eq(credential))
        .count()
        .get_result(conn)
}

/// Evidence bytes the expert stores across all their credentials.
pub fn evidence_bytes_of_expert(conn: &mut DbConn, expert: &str) -> QueryResult<i64> {
    // At most (credentials per expert × 10) rows: summed here rather than with SUM(),
    // whose result type differs between the engines (NUMERIC on PostgreSQL).
    let sizes: Vec<i64> = evidence_files::table
        .filter(evidence_files::expert_id.eq(expert))
        .select(evidence_files::size_bytes)
        .load(conn)?;
    Ok(sizes.iter().sum())
}

/// The expert's credentials, of any status.
pub fn count_of_expert(conn: &mut DbConn, expert: &str) -> QueryResult<i64> {
    credentials::table
        .filter(credentials::expert_id.eq(expert))
        .count()
        .get_result(conn)
}

/// A file's metadata and content, scoped to its credential.
pub fn evidence_content(
    conn: &mut DbConn,
    credential: &str,
    file: &str,
) -> QueryResult<Option<(EvidenceMeta, Vec<u8>)>> {
    let meta: Option<EvidenceMeta> = evidence_files::table
        .find(file)
        .filter(evidence_files::credential_id.eq(credential))
        .select(META)
        .first(conn)
        .optional()?;
    let Some(meta) = meta else { return Ok(None) };
    let content: Vec<u8> = evidence_files::table
        .find(file)
        .select(evidence_files::content)
        .first(conn)?;
    Ok(Some((meta, content)))
}

/// Pending or verified credentials whose expiry date is `today` or earlier.
pub fn due_to_expire(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<CredentialRow>> {
    credentials::table
        .filter(credentials::status.eq_any(["pending", "verified"]))
        .filter(credentials::expires_on.le(today))
        .order_by(credentials::id.asc())
        .select(CredentialRow::as_select())
        .load(conn)
}

/// Marks one credential expired if it is still `from`.
pub fn mark_expired(
    conn: &mut DbConn,
    id: &str,
    from: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        credentials::table
            .find(id)
            .filter(credentials::status.eq(from)),
    )
    .set((
        credentials::status.eq("expired"),
        credentials::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Verified credentials expiring after `today` and by `until`, not yet reminded.
pub fn due_for_reminder(
    conn: &mut DbConn,
    today: NaiveDate,
    until: NaiveDate,
) -> QueryResult<Vec<CredentialRow>> {
    credentials::table
        .filter(credentials::status.eq("verified"))
        .filter(credentials::expires_on.gt(today))
        .filter(credentials::expires_on.le(until))
        .filter(credentials::expiry_reminded_at.is_null())
        .order_by(credentials::id.asc())
        .select(CredentialRow::as_select())
        .load(conn)
}

/// Records the reminder once: false if another sweep already did.
pub fn mark_reminded(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        credentials::table
            .find(id)
            .filter(credentials::expiry_reminded_at.is_null()),
    )
    .set(credentials::expiry_reminded_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = credential_email_checks)]
pub struct EmailCheckRow {
    pub id: String,
    pub credential_id: String,
    pub expert_id: String,
    pub email: String,
    pub domain: String,
    pub token_hash: String,
    pub status: String,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
}

pub struct NewEmailCheck<'a> {
    pub credential: &'a str,
    pub expert: &'a str,
    pub email: &'a str,
    pub domain: &'a str,
    pub token_hash: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// Supersedes the credential's unconfirmed checks and records a new one.
pub fn insert_email_check(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    c: &NewEmailCheck<'_>,
) -> QueryResult<EmailCheckId> {
    diesel::update(
        credential_email_checks::table
            .filter(credential_email_checks::credential_id.eq(c.credential))
            .filter(credential_email_checks::status.eq("sent")),
    )
    .set(credential_email_checks::status.eq("superseded"))
    .execute(conn)?;
    let id = EmailCheckId::new(now);
    diesel::insert_into(credential_email_checks::table)
        .values((
            credential_email_checks::id.eq(id.as_str()),
            credential_email_checks::credential_id.eq(c.credential),
            credential_email_checks::expert_id.eq(c.expert),
            credential_email_checks::email.eq(c.email),
            credential_email_checks::domain.eq(c.domain),
            credential_email_checks::token_hash.eq(c.token_hash),
            credential_email_checks::status.eq("sent"),
            credential_email_checks::expires_at.eq(c.expires_at.naive_utc()),
            credential_email_checks::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn email_checks_of(conn: &mut DbConn, credential: &str) -> QueryResult<Vec<EmailCheckRow>> {
    credential_email_checks::table
        .filter(credential_email_checks::credential_id.eq(credential))
        .order_by(credential_email_checks::id.asc())
        .select(EmailCheckRow::as_select())
        .load(conn)
}

/// Checks sent for a credential since `since` (the resend throttle).
pub fn email_checks_since(
    conn: &mut DbConn,
    credential: &str,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    credential_email_checks::table
        .filter(credential_email_checks::credential_id.eq(credential))
        .filter(credential_email_checks::created_at.gt(since.naive_utc()))
        .count()
        .get_result(conn)
}

pub fn find_email_check_by_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<EmailCheckRow>> {
    credential_email_checks::table
        .filter(credential_email_checks::token_hash.eq(token_hash))
        .select(EmailCheckRow::as_select())
        .first(conn)
        .optional()
}

/// Confirms a sent check once: false if it was confirmed or superseded meanwhile.
pub fn confirm_email_check(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        credential_email_checks::table
            .find(id)
            .filter(credential_email_checks::status.eq("sent")),
    )
    .set((
        credential_email_checks::status.eq("confirmed"),
        credential_email_checks::confirmed_at.eq(Some(now.naive_utc())),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Evidence of any kind: files plus confirmed institutional e-mail checks.
pub fn count_all_evidence(conn: &mut DbConn, credential: &str) -> QueryResult<i64> {
    let confirmed: i64 = credential_email_checks::table
        .filter(credential_email_checks::credential_id.eq(credential))
        .filter(credential_email_checks::status.eq("confirmed"))
        .count()
        .get_result(conn)?;
    Ok(count_evidence(conn, credential)? + confirmed)
}

/// Takes the pending credential's row lock (a no-op update), so evidence is only added to,
/// and checks only started for, a credential that stays pending; false if it is not.
pub fn lock_pending(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        credentials::table
            .find(id)
            .filter(credentials::status.eq("pending")),
    )
    .set(credentials::updated_at.eq(now.naive_utc()))
    .execute(conn)?;
    Ok(n == 1)
}

/// Checks an expert asked for since `since`, over all their credentials.
pub fn expert_email_checks_since(
    conn: &mut DbConn,
    expert: &str,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    credential_email_checks::table
        .filter(credential_email_checks::expert_id.eq(expert))
        .filter(credential_email_checks::created_at.gt(since.naive_utc()))
        .count()
        .get_result(conn)
}

/// Erases the personal parts of the expert's credentials: institutional addresses of
/// e-mail checks, evidence files, issuer and identifiers (kind, field and status stay for
/// scoring and history). Returns the institutional addresses that were erased, so queued
/// mail to them can be dropped too.
pub fn erase_for_expert(
    conn: &mut DbConn,
    expert: &str,
    erased: &str,
    now: DateTime<Utc>,
) -> QueryResult<Vec<String>> {
    let institutional: Vec<String> = credential_email_checks::table
        .filter(credential_email_checks::expert_id.eq(expert))
        .select(credential_email_checks::email)
        .load(conn)?;
    diesel::update(
        credential_email_checks::table.filter(credential_email_checks::expert_id.eq(expert)),
    )
    .set((
        credential_email_checks::email.eq(erased),
        credential_email_checks::domain.eq(erased),
        credential_email_checks::token_hash.eq(diesel::dsl::sql::<diesel::sql_types::Text>(
            "'erased-' || id",
        )),
    ))
    .execute(conn)?;
    diesel::delete(evidence_files::table.filter(evidence_files::expert_id.eq(expert)))
        .execute(conn)?;
    diesel::update(credentials::table.filter(credentials::expert_id.eq(expert)))
        .set((
            credentials::issuer.eq(erased),
            credentials::issuer_domain.eq(None::<String>),
            credentials::identifier.eq(None::<String>),
            credentials::jurisdiction.eq(None::<String>),
            credentials::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(institutional)
}
