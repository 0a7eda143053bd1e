//! Experts' credentials (degree, licence, certification, employment, publication), their
//! evidence files and their review. A credential and its files are visible to the expert,
//! their vendor's admins and platform admins only; files are served as attachments with
//! `nosniff`, never inline. Institutional e-mail checks add `email_domain_verified`
//! evidence; a recurring sweep expires credentials and reminds experts before expiry;
//! eligibility for domains is computed from verified, unexpired credentials on demand.

pub mod eligibility;
pub mod expiry;
pub mod institution;
pub mod jobs;
pub mod routes;
pub mod sniff;
pub mod store;
