//! Organisations (labs and vendors), their members and roles, invitations by e-mail,
//! and the API keys labs' pipelines use. Every read and write here is scoped to one
//! organisation and checked with the caller's [`crate::auth::Principal`].

pub mod routes;
pub mod service;
pub mod store;
