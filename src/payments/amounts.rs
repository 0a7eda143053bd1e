//! Money arithmetic for hourly pay (docs/adr/0002-money-rules-and-double-entry-ledger.md). Pure
//! code, integers only.
//!
//! * `pay = round_half_even(seconds × rate_per_hour / 3600)` in minor units, per timesheet
//!   line (expert, project, week); the lab is billed the same seconds at the bill rate.
//! * The platform fee and the vendor margin are basis points of the bill, each rounded half
//!   to even; whatever is left of the bill after the expert's pay, the fee and the margin
//!   is the platform's too (it may be negative when a project pays experts more than it
//!   bills — the platform carries that), so the split always adds up to the bill exactly.
//! * A pay floor tops pay up to a minimum effective hourly rate, as its own amount.

#![deny(clippy::indexing_slicing)]

use serde::Serialize;
use utoipa::ToSchema;

use crate::money::clamp_i64;
pub use crate::money::{div_round_half_even, for_seconds};

/// `bps` basis points of `amount`, rounded half to even.
pub fn basis_points(amount: i64, bps: i64) -> i64 {
    clamp_i64(div_round_half_even(
        i128::from(amount) * i128::from(bps),
        10_000,
    ))
}

/// One timesheet line's money: what the lab is billed and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Split {
    pub seconds: i64,
    /// Billed to the lab: seconds at the project's bill rate.
    pub bill: i64,
    /// Paid to the expert: seconds at their pay rate.
    pub expert_pay: i64,
    /// The vendor's margin (0 for independent experts).
    pub vendor_margin: i64,
    /// The platform's fee.
    pub platform_fee: i64,
    /// What is left of the bill; the platform's (negative when pay exceeds the bill net of
    /// fee and margin).
    pub platform_remainder: i64,
}

impl Split {
    /// The platform's whole share: fee plus remainder.
    pub fn platform_total(&self) -> i64 {
        self.platform_fee + self.platform_remainder
    }
}

pub struct Rates {
    pub bill_per_hour: i64,
    pub pay_per_hour: i64,
    pub platform_fee_bps: i64,
    /// `None` for experts without a vendor.
    pub vendor_margin_bps: Option<i64>,
}

pub fn split(seconds: i64, r: &Rates) -> Split {
    let bill = for_seconds(seconds, r.bill_per_hour);
    let expert_pay = for_seconds(seconds, r.pay_per_hour);
    let platform_fee = basis_points(bill, r.platform_fee_bps);
    let vendor_margin = r.vendor_margin_bps.map_or(0, |bps| basis_points(bill, bps));
    Split {
        seconds: seconds.max(0),
        bill,
        expert_pay,
        vendor_margin,
        platform_fee,
        platform_remainder: bill - expert_pay - vendor_margin - platform_fee,
    }
}

/// The top-up that brings `paid` for `seconds` up to `floor_per_hour` (0 when already
/// there). Recorded as its own ledger line, paid by the platform.
pub fn floor_top_up(paid: i64, seconds: i64, floor_per_hour: i64) -> i64 {
    (for_seconds(seconds, floor_per_hour) - paid).max(0)
}

/// Effective hourly pay in minor units (`None` without worked time).
pub fn effective_hourly(paid: i64, seconds: i64) -> Option<i64> {
    (seconds > 0).then(|| {
        clamp_i64(div_round_half_even(
            i128::from(paid) * 3600,
            i128::from(seconds),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn halves_round_to_the_even_neighbour() {
        assert_eq!(div_round_half_even(5, 2), 2);
        assert_eq!(div_round_half_even(7, 2), 4);
        assert_eq!(div_round_half_even(-5, 2), -2);
        assert_eq!(div_round_half_even(-7, 2), -4);
        assert_eq!(div_round_half_even(10, 4), 2);
        assert_eq!(div_round_half_even(11, 4), 3);
        assert_eq!(div_round_half_even(9, 4), 2);
    }

    #[test]
    fn pay_for_seconds_matches_the_money_rule() {
        // 1 h 30 min at 80.00/h = 120.00.
        assert_eq!(for_seconds(5400, 8000), 12000);
        // 1 s at 18.00/h = 0.5 cent → 0 (even); 3 s = 1.5 cents → 2.
        assert_eq!(for_seconds(1, 1800), 0);
        assert_eq!(for_seconds(3, 1800), 2);
        assert_eq!(for_seconds(-10, 8000), 0);
    }

    #[test]
    fn a_split_names_every_share() {
        let s = split(
            3600,
            &Rates {
                bill_per_hour: 15000,
                pay_per_hour: 9000,
                platform_fee_bps: 1500,
                vendor_margin_bps: Some(1000),
            },
        );
        assert_eq!(
            (
                s.bill,
                s.expert_pay,
                s.platform_fee,
                s.vendor_margin,
                s.platform_remainder
            ),
            (15000, 9000, 2250, 1500, 2250)
        );
        assert_eq!(floor_top_up(9000, 3600, 10000), 1000);
        assert_eq!(floor_top_up(9000, 3600, 8000), 0);
        assert_eq!(effective_hourly(9000, 1800), Some(18000));
        assert_eq!(effective_hourly(9000, 0), None);
    }

    proptest! {
        #[test]
        fn the_split_always_adds_up_to_the_bill(
            seconds in 0i64..10_000_000,
            bill in 0i64..1_000_000,
            pay in 0i64..1_000_000,
            fee in 0i64..5000,
            margin in proptest::option::of(0i64..5000),
        ) {
            let s = split(seconds, &Rates {
                bill_per_hour: bill,
                pay_per_hour: pay,
                platform_fee_bps: fee,
                vendor_margin_bps: margin,
            });
            prop_assert_eq!(
                s.expert_pay + s.vendor_margin + s.platform_fee + s.platform_remainder,
                s.bill
            );
            prop_assert!(margin.is_some() || s.vendor_margin == 0);
            // Each share is its exact value rounded: within half a minor unit.
            let exact = |rate: i64| i128::from(seconds) * i128::from(rate);
            prop_assert!((i128::from(s.bill) * 3600 - exact(bill)).abs() * 2 <= 3600);
            prop_assert!((i128::from(s.expert_pay) * 3600 - exact(pay)).abs() * 2 <= 3600);
            prop_assert!(
                (i128::from(s.platform_fee) * 10_000 - i128::from(s.bill) * i128::from(fee)).abs() * 2
                    <= 10_000
            );
            // Paying at most half the bill rate, with fee and margin at most 40 % of the
            // bill, leaves the platform a remainder (up to rounding).
            if pay * 2 <= bill && fee + margin.unwrap_or(0) <= 4000 {
                prop_assert!(s.platform_remainder >= -2, "{s:?}");
            }
        }

        #[test]
        fn rounding_is_within_half_a_unit(num in -1_000_000_000i128..1_000_000_000, den in 1i128..100_000) {
            let q = div_round_half_even(num, den);
            // |q·den − num| ≤ den/2
            prop_assert!((q * den - num).abs() * 2 <= den);
        }

        #[test]
        fn a_top_up_reaches_the_floor(seconds in 1i64..1_000_000, rate in 0i64..50_000, floor in 0i64..50_000) {
            let paid = for_seconds(seconds, rate);
            let total = paid + floor_top_up(paid, seconds, floor);
            prop_assert!(total >= for_seconds(seconds, floor));
            prop_assert!(total == paid || total == for_seconds(seconds, floor));
        }
    }
}
