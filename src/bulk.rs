//! Bulk requests answered row by row (gold uploads, item ingestion): each row is parsed
//! and checked on its own, and the response reports every row as `created`, `exists` (its
//! `external_id` is known with the same content: the existing id is returned, nothing is
//! written), `conflict` (its `external_id` is known with different content: the existing
//! id is returned with the differing fields, nothing is written) or `invalid` with the
//! fields at fault. [`crate::http::extract::BulkRows`] reads the body; this builds the
//! report.

use std::collections::HashSet;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Created,
    /// A row with this `external_id` exists already; its id is returned, nothing was written.
    Exists,
    /// A row with this `external_id` exists already with different content; its id is
    /// returned and `errors` names the fields that differ; nothing was written.
    Conflict,
    Invalid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RowResult {
    /// Position in the request, from 0 (JSON lines: the line number from 0).
    pub row: usize,
    pub status: RowStatus,
    /// The created or existing row's id.
    pub id: Option<String>,
    /// What is wrong with an invalid row, or which fields differ from the existing row of a
    /// conflict (field paths are relative to the row).
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResult {
    pub created: usize,
    pub existing: usize,
    /// Rows whose `external_id` exists with different content.
    pub conflicts: usize,
    pub invalid: usize,
    pub results: Vec<RowResult>,
}

/// Collects the per-row outcomes of one bulk request.
#[derive(Default)]
pub struct BulkReport {
    results: Vec<RowResult>,
    external_ids: HashSet<String>,
}

impl BulkReport {
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, row: usize, status: RowStatus, id: Option<String>, errors: Vec<FieldError>) {
        self.results.push(RowResult {
            row,
            status,
            id,
            errors,
        });
    }

    pub fn invalid(&mut self, row: usize, errors: Vec<FieldError>) {
        self.push(row, RowStatus::Invalid, None, errors);
    }

    pub fn exists(&mut self, row: usize, id: impl Into<String>) {
        self.push(row, RowStatus::Exists, Some(id.into()), vec![]);
    }

    pub fn conflict(&mut self, row: usize, id: impl Into<String>, differing: Vec<FieldError>) {
        self.push(row, RowStatus::Conflict, Some(id.into()), differing);
    }

    pub fn created(&mut self, row: usize, id: impl Into<String>) {
        self.push(row, RowStatus::Created, Some(id.into()), vec![]);
    }

    /// True the first time `external_id` appears in this request; a repeat is reported
    /// as an invalid row (and false returned).
    pub fn first_time(&mut self, row: usize, external_id: &str) -> bool {
        if self.external_ids.insert(external_id.to_owned()) {
            return true;
        }
        self.invalid(
            row,
            vec![FieldError::new(
                "external_id",
                "appears twice in this request",
            )],
        );
        false
    }

    pub fn count(&self, status: RowStatus) -> usize {
        self.results.iter().filter(|r| r.status == status).count()
    }

    /// The result, rows in request order (however they were reported).
    pub fn finish(mut self) -> BulkResult {
        self.results.sort_by_key(|r| r.row);
        BulkResult {
            created: self.count(RowStatus::Created),
            existing: self.count(RowStatus::Exists),
            conflicts: self.count(RowStatus::Conflict),
            invalid: self.count(RowStatus::Invalid),
            results: self.results,
        }
    }
}

/// Reads one row into `T`, naming the field at fault (`row` for the row as a whole).
pub fn parse_row<T: DeserializeOwned>(row: Result<Value, String>) -> Result<T, Vec<FieldError>> {
    let value = row.map_err(|reason| vec![FieldError::new("row", reason)])?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        vec![FieldError::new(
            if path == "." { "row".to_owned() } else { path },
            message,
        )]
    })
}

/// A caller's id for a row: 1 to 200 printable characters.
pub fn check_external_id(x: &str, errors: &mut Vec<FieldError>) {
    if x.trim().is_empty() || x.chars().count() > 200 || x.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "external_id",
            "must be 1 to 200 printable characters",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repeats_are_invalid_and_counts_add_up() {
        let mut r = BulkReport::new();
        assert!(r.first_time(0, "a"));
        r.created(0, "x_1");
        assert!(!r.first_time(1, "a"));
        r.exists(2, "x_0");
        r.conflict(3, "x_2", vec![FieldError::new("payload", "differs")]);
        let done = r.finish();
        assert_eq!(
            (done.created, done.existing, done.conflicts, done.invalid),
            (1, 1, 1, 1)
        );
        assert_eq!(done.results[3].errors[0].field, "payload");
        assert_eq!(done.results[1].errors[0].field, "external_id");
    }

    #[test]
    fn unreadable_rows_name_the_row_or_the_field() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Row {
            n: i64,
        }
        let field = |v| parse_row::<Row>(v).unwrap_err()[0].field.clone();
        assert_eq!(field(Err("not valid JSON".into())), "row");
        assert_eq!(field(Ok(json!({"n": "x"}))), "n");
        assert_eq!(field(Ok(json!("text"))), "row");
    }
}
