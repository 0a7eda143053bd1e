//! Money as the API shows it: an amount in minor units with its ISO 4217 currency. (Amounts are
//! BIGINT minor units in the database; see docs/adr/0001-two-engines-one-code-path.md.) Also
//! the one rule that turns time into money (`for_seconds`), shared by billing (payments) and
//! the projects' budgets, so a budget counts exactly what an invoice bills.

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

/// `num / den` rounded half to even (banker's rounding); `den` must be positive.
pub fn div_round_half_even(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num.div_euclid(den);
    let r = num.rem_euclid(den);
    // Compare 2r with den: below rounds down, above up, equal to the even neighbour.
    match (2 * r).cmp(&den) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if q % 2 == 0 {
                q
            } else {
                q + 1
            }
        }
    }
}

/// Saturates an i128 amount into i64.
pub fn clamp_i64(v: i128) -> i64 {
    v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// Pay (or bill) for `seconds` at `rate_per_hour_minor`, in minor units.
pub fn for_seconds(seconds: i64, rate_per_hour_minor: i64) -> i64 {
    clamp_i64(div_round_half_even(
        i128::from(seconds.max(0)) * i128::from(rate_per_hour_minor),
        3600,
    ))
}
