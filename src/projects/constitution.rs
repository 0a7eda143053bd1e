//! Constitutions as data: numbered clauses with stable ids, the checks a version must
//! pass, and the diff between two versions. Pure logic, no I/O.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::FieldError;
use crate::taxonomy::label_schema::is_clause_id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable id, `C` followed by dot-separated numbers (`C1.2`); judgments cite it.
    #[schema(example = "C1.2")]
    pub id: String,
    #[schema(example = "Prefer the response that states its uncertainty over one that guesses.")]
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub counter_examples: Vec<String>,
}

/// Checks a version's clauses (`field` is their JSON path, e.g. `clauses`).
pub fn check_clauses(clauses: &[Clause], field: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if clauses.is_empty() || clauses.len() > 500 {
        errors.push(FieldError::new(field, "must list 1 to 500 clauses"));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, c) in clauses.iter().enumerate() {
        let at = |f: &str| format!("{field}[{i}].{f}");
        if !is_clause_id(&c.id) {
            errors.push(FieldError::new(at("id"), "must be a clause id like C1.2"));
        } else if !seen.insert(c.id.as_str()) {
            errors.push(FieldError::new(at("id"), "is used by another clause"));
        }
        let n = c.text.trim().chars().count();
        if n == 0 || n > 20_000 {
            errors.push(FieldError::new(at("text"), "must be 1 to 20000 characters"));
        }
        for (name, list) in [
            ("examples", &c.examples),
            ("counter_examples", &c.counter_examples),
        ] {
            if list.len() > 50
                || list
                    .iter()
                    .any(|e| e.trim().is_empty() || e.chars().count() > 20_000)
            {
                errors.push(FieldError::new(
                    at(name),
                    "must hold at most 50 non-empty entries of at most 20000 characters",
                ));
            }
        }
    }
    errors
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ChangedClause {
    pub id: String,
    pub before: Clause,
    pub after: Clause,
}

/// What changed from one version to another, by clause id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ConstitutionDiff {
    pub from_version: i32,
    pub to_version: i32,
    pub added: Vec<Clause>,
    pub removed: Vec<Clause>,
    pub changed: Vec<ChangedClause>,
}

pub fn diff(
    from_version: i32,
    from: &[Clause],
    to_version: i32,
    to: &[Clause],
) -> ConstitutionDiff {
    let find = |list: &[Clause], id: &str| list.iter().find(|c| c.id == id).cloned();
    ConstitutionDiff {
        from_version,
        to_version,
        added: to
            .iter()
            .filter(|c| find(from, &c.id).is_none())
            .cloned()
            .collect(),
        removed: from
            .iter()
            .filter(|c| find(to, &c.id).is_none())
            .cloned()
            .collect(),
        changed: to
            .iter()
            .filter_map(|after| {
                let before = find(from, &after.id)?;
                (before != *after).then(|| ChangedClause {
                    id: after.id.clone(),
                    before,
                    after: after.clone(),
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clause(id: &str, text: &str) -> Clause {
        Clause {
            id: id.into(),
            text: text.into(),
            examples: vec![],
            counter_examples: vec![],
        }
    }

    #[test]
    fn diff_reports_added_removed_and_changed_clauses() {
        let v1 = vec![
            clause("C1", "Be honest."),
            clause("C2", "Cite sources."),
            clause("C3", "Be brief."),
        ];
        let v2 = vec![
            clause("C1", "Be honest."),
            clause("C2", "Cite primary sources."),
            clause("C4", "Flag risk."),
        ];
        let d = diff(1, &v1, 2, &v2);
        assert_eq!(d.added, vec![clause("C4", "Flag risk.")]);
        assert_eq!(d.removed, vec![clause("C3", "Be brief.")]);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].id, "C2");
        assert_eq!(d.changed[0].after.text, "Cite primary sources.");
    }

    #[test]
    fn clause_checks_name_the_offending_entry() {
        let e = check_clauses(
            &[
                clause("C1", "x"),
                clause("C1", "y"),
                clause("1.2", "z"),
                clause("C3", " "),
            ],
            "clauses",
        );
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["clauses[1].id", "clauses[2].id", "clauses[3].text"]
        );
        assert_eq!(check_clauses(&[], "clauses")[0].field, "clauses");
    }

    proptest! {
        #[test]
        fn a_version_diffed_with_itself_is_empty(texts in proptest::collection::vec("[a-z ]{1,20}", 1..20)) {
            let clauses: Vec<Clause> = texts.iter().enumerate().map(|(i, t)| clause(&format!("C{}", i + 1), t)).collect();
            let d = diff(1, &clauses, 1, &clauses);
            prop_assert!(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty());
        }
    }
}
