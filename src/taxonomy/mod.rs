//! The taxonomy every lab program is built on: rubric domains (a tree whose nodes may
//! require credentials, inherited down the tree) and capability slices (the unit of
//! measurement and routing, each with a label schema). Platform admins own domains and
//! shared slices; a lab may add private slices used only in its own projects.
//!
//! Owns: `domains`, `domain_requirements`, `slices`.

pub mod label_schema;
pub mod names;
mod queries;
pub mod routes;
pub mod service;
mod store;
pub mod views;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Kinds of credential a domain can require (checked by the credentials feature).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// A licence to practise (medical licence, bar admission, engineering licence).
    Licence,
    /// An academic degree.
    Degree,
    /// A professional certification.
    Certification,
    /// Verified employment in the field.
    Employment,
    /// Peer-reviewed publications in the field.
    Publication,
}

impl CredentialKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::Licence => "licence",
            CredentialKind::Degree => "degree",
            CredentialKind::Certification => "certification",
            CredentialKind::Employment => "employment",
            CredentialKind::Publication => "publication",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "licence" => Some(Self::Licence),
            "degree" => Some(Self::Degree),
            "certification" => Some(Self::Certification),
            "employment" => Some(Self::Employment),
            "publication" => Some(Self::Publication),
            _ => None,
        }
    }
}

/// What other features may use of this feature's store.
pub use store::{
    DomainRow, SliceRow, all_domains, find_domain, find_domain_by_slug, find_slice,
    find_slice_by_key, lineage, lock_domain, lock_slice, requirements_of,
};
