//! Money as the API shows it: an amount in minor units with its ISO 4217 currency. (Amounts are
//! BIGINT minor units in the database; see docs/adr/0001-two-engines-one-code-path.md.)

#![deny(clippy::indexing_slicing)]

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Money {
    /// Amount in minor units (cents).
    pub amount_minor: i64,
    /// ISO 4217 code.
    #[schema(example = "USD")]
    pub currency: String,
}

/// True for a syntactically valid ISO 4217 code (three uppercase letters).
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}
