//! Experts' credentials (degree, licence, certification, employment, publication), their
//! evidence files and their review. A credential and its files are visible to the expert,
//! their vendor's admins and platform admins only; files are served as attachments with
//! `nosniff`, never inline.

pub mod routes;
pub mod sniff;
pub mod store;
