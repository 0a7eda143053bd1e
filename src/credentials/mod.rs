//! Experts' credentials (degree, licence, certification, employment, publication), their
//! evidence files and their review. A credential and its files are visible to the expert,
//! their vendor's admins and platform admins only; files are served as attachments with
//! `nosniff`, never inline. Institutional e-mail checks add `email_domain_verified`
//! evidence; a recurring sweep expires credentials and reminds experts before expiry;
//! eligibility for domains is computed from verified, unexpired credentials on demand.
//!
//! Owns: `credentials`, `evidence_files`, `credential_email_checks`.

pub mod eligibility;
pub mod email_confirm;
pub mod expiry;
pub mod institution;
pub mod jobs;
pub mod routes;
pub mod service;
pub mod sniff;
mod store;

/// What other features may use of this feature's store.
pub use store::{
    NewCredential, NewEmailCheck, NewEvidence, confirm_email_check, decide as decide_credential,
    erase_for_expert, insert as insert_credential, insert_email_check, insert_evidence,
    list_for_expert as credentials_of_expert,
};
