//! The domain error every service, store facade and job returns.
//!
//! It says what went wrong in the product's terms — a rule refused the action, the thing
//! does not exist, it conflicts with the current state, a field is invalid — and carries
//! nothing of HTTP: no status codes, no headers. The HTTP edge maps each [`Kind`] to a
//! problem+json response in one place (`http::error`, `impl From<AppError> for ApiError`);
//! a page or the CLI can map it differently. Internal errors keep their cause chain for
//! the log only.

use serde::Serialize;
use utoipa::ToSchema;

/// One field-level problem: which input (a JSON path like `organization.name`,
/// a query or path parameter name) and what is wrong with it.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the offending field (`organization.name`, `scopes[1]`) or parameter name.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// What kind of failure an [`AppError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A parameter (cursor, filter, id in a path) cannot be read at all.
    BadParameter,
    /// The input was read but a field is missing or invalid (the field errors say which).
    Invalid,
    /// No valid credentials were presented.
    Unauthenticated,
    /// The caller is known but a rule forbids the action (the detail names the rule).
    Forbidden,
    /// The thing does not exist, or the caller may not know that it does.
    NotFound,
    /// The action conflicts with the current state (a status, a unique value).
    Conflict,
    /// The thing existed and is gone for good (an expired token, a used link).
    Gone,
    /// The input is larger than allowed.
    TooLarge,
    /// Too many attempts; retry after the given number of seconds.
    RateLimited { retry_after_secs: u64 },
    /// A dependency (mail, payments provider) is temporarily unavailable.
    Unavailable,
    /// A bug or an infrastructure failure; the cause is logged, never shown.
    Internal,
}

#[derive(Debug)]
pub struct AppError {
    kind: Kind,
    detail: String,
    errors: Vec<FieldError>,
    source: Option<anyhow::Error>,
}

pub type AppResult<T> = Result<T, AppError>;

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.detail)?;
        if let Some(source) = &self.source {
            write!(f, ": {source:#}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}

impl AppError {
    pub fn new(kind: Kind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
            errors: Vec::new(),
            source: None,
        }
    }

    /// A parameter cannot be read (`cursor`, `limit`, an id).
    pub fn bad_parameter(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        let message = message.into();
        Self::new(
            Kind::BadParameter,
            format!("invalid parameter `{field}`: {message}"),
        )
        .with_errors(vec![FieldError::new(field, message)])
    }

    /// An input that cannot be read, without a single parameter to name.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(Kind::BadParameter, detail)
    }

    /// One or more fields are invalid.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("`{}` {}", one.field, one.message),
            many => format!("{} fields are invalid", many.len()),
        };
        Self::new(Kind::Invalid, detail).with_errors(errors)
    }

    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(field, message)])
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(Kind::Unauthenticated, detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(Kind::Forbidden, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, detail)
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(Kind::Conflict, detail)
    }

    pub fn gone(detail: impl Into<String>) -> Self {
        Self::new(Kind::Gone, detail)
    }

    pub fn too_large(detail: impl Into<String>) -> Self {
        Self::new(Kind::TooLarge, detail)
    }

    pub fn too_many_requests(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        Self::new(
            Kind::RateLimited {
                retry_after_secs: retry_after_secs.max(1),
            },
            detail,
        )
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(Kind::Unavailable, detail)
    }

    /// A failure the caller cannot act on. The cause is kept for the log.
    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        let mut e = Self::new(
            Kind::Internal,
            "an unexpected error occurred; it has been logged",
        );
        e.source = Some(source.into());
        e
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// True when the caller's input or the current state refused the action (every kind
    /// but `Internal` and `Unavailable`): running it again unchanged would fail the same way.
    pub fn is_refusal(&self) -> bool {
        !matches!(self.kind, Kind::Internal | Kind::Unavailable)
    }

    pub fn is_not_found(&self) -> bool {
        self.kind == Kind::NotFound
    }

    pub fn detail(&self) -> &str {
        &self.detail
    }

    pub fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// Splits the error into its parts (for the edge that renders it).
    pub fn into_parts(self) -> (Kind, String, Vec<FieldError>, Option<anyhow::Error>) {
        (self.kind, self.detail, self.errors, self.source)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::not_found("the requested resource does not exist"),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                AppError::conflict("a resource with these unique values already exists")
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => AppError::conflict(
                "a referenced resource was changed or removed concurrently; retry",
            ),
            other => AppError::internal(other),
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::internal(e)
    }
}

impl From<r2d2::Error> for AppError {
    fn from(e: r2d2::Error) -> Self {
        AppError::internal(anyhow::Error::new(e).context("no database connection available"))
    }
}

impl From<crate::db::DbUnavailable> for AppError {
    fn from(e: crate::db::DbUnavailable) -> Self {
        AppError::internal(e)
    }
}

/// An internal error caused by a deadlock or serialization failure may succeed if its
/// transaction runs again ([`crate::db::Db::write`] does that).
impl crate::db::Transient for AppError {
    fn is_transient(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(crate::db::Transient::is_transient)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_invalid_field_is_named_in_the_detail() {
        let e = AppError::invalid_field("organization.name", "must not be empty");
        assert_eq!(e.detail(), "`organization.name` must not be empty");
        assert_eq!(e.kind(), Kind::Invalid);
        assert_eq!(e.field_errors().len(), 1);
    }

    #[test]
    fn diesel_not_found_is_not_found_and_unique_is_conflict() {
        assert!(AppError::from(diesel::result::Error::NotFound).is_not_found());
        let e = AppError::internal(anyhow::anyhow!("SELECT secret"));
        assert_eq!(e.kind(), Kind::Internal);
        assert!(!e.detail().contains("SELECT"));
    }

    #[test]
    fn retry_after_is_at_least_one_second() {
        let e = AppError::too_many_requests("slow down", 0);
        assert_eq!(
            e.kind(),
            Kind::RateLimited {
                retry_after_secs: 1
            }
        );
    }
}
