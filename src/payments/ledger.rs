//! The double-entry ledger's rules (docs/adr/0002-money-rules-and-double-entry-ledger.md). Pure
//! code.
//!
//! Every money movement is one [`Transaction`] of [`Posting`]s whose amounts sum to zero in
//! each currency: a positive amount is a debit, a negative one a credit. Transactions are
//! immutable once written; a correction is a new transaction that reverses the old one
//! ([`reverse`]). The accounts:
//!
//! | account | owner | holds |
//! |---|---|---|
//! | `lab_receivable` | the lab | what the lab owes (debit balance) |
//! | `platform_revenue` | — | the platform's fees and remainders (credit balance) |
//! | `vendor_payable` | the vendor | margins owed to a vendor (credit balance) |
//! | `expert_payable` | the expert | pay owed to an expert (credit balance) |
//! | `cash_stripe` | — | money held at Stripe (debit balance) |
//!
//! The movements, each one transaction:
//! - an approved timesheet line: lab receivable ↑ by the bill; expert payable, vendor
//!   payable and platform revenue ↑ by their shares ([`timesheet_line`]);
//! - a pay-floor top-up: platform revenue ↓, expert payable ↑ ([`pay_floor`]);
//! - an invoice paid: cash ↑, lab receivable ↓ ([`invoice_paid`]);
//! - a payout sent: expert payable ↓, cash ↓ ([`payout_sent`]); a failed payout is its
//!   reversal, which returns the amount to the expert's payable.

#![deny(clippy::indexing_slicing)]

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::amounts::Split;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    LabReceivable,
    PlatformRevenue,
    VendorPayable,
    ExpertPayable,
    CashStripe,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::LabReceivable => "lab_receivable",
            AccountKind::PlatformRevenue => "platform_revenue",
            AccountKind::VendorPayable => "vendor_payable",
            AccountKind::ExpertPayable => "expert_payable",
            AccountKind::CashStripe => "cash_stripe",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            AccountKind::LabReceivable,
            AccountKind::PlatformRevenue,
            AccountKind::VendorPayable,
            AccountKind::ExpertPayable,
            AccountKind::CashStripe,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// Whether accounts of this kind belong to someone (a lab, a vendor, an expert).
    pub fn owned(self) -> bool {
        matches!(
            self,
            AccountKind::LabReceivable | AccountKind::VendorPayable | AccountKind::ExpertPayable
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
pub struct Account {
    pub kind: AccountKind,
    /// The lab, vendor or expert id; none for the platform's and Stripe's accounts.
    pub owner: Option<String>,
}

impl Account {
    pub fn of(kind: AccountKind, owner: &str) -> Self {
        Self {
            kind,
            owner: Some(owner.to_owned()),
        }
    }

    pub fn platform() -> Self {
        Self {
            kind: AccountKind::PlatformRevenue,
            owner: None,
        }
    }

    pub fn cash() -> Self {
        Self {
            kind: AccountKind::CashStripe,
            owner: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Posting {
    pub account: Account,
    pub currency: String,
    /// Minor units; positive debits, negative credits.
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Transaction {
    /// What moved: `timesheet_line`, `pay_floor`, `invoice_paid`, `payout_sent`,
    /// `reversal`.
    pub kind: String,
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("a transaction needs at least two postings")]
    TooFewPostings,
    #[error("a posting of zero")]
    ZeroPosting,
    #[error("`{0}` is not a currency code")]
    BadCurrency(String),
    #[error("{kind} account without its owner, or an owner on a shared account")]
    BadOwner { kind: &'static str },
    #[error("the postings in {currency} sum to {sum}, not zero")]
    Unbalanced { currency: String, sum: i128 },
}

/// Checks a transaction before it is written: at least two postings, none zero, valid
/// currencies and owners, and a zero sum in every currency.
pub fn validate(t: &Transaction) -> Result<(), LedgerError> {
    if t.postings.len() < 2 {
        return Err(LedgerError::TooFewPostings);
    }
    let mut sums: BTreeMap<&str, i128> = BTreeMap::new();
    for p in &t.postings {
        if p.amount == 0 {
            return Err(LedgerError::ZeroPosting);
        }
        if !crate::money::is_currency_code(&p.currency) {
            return Err(LedgerError::BadCurrency(p.currency.clone()));
        }
        if p.account.kind.owned() != p.account.owner.is_some() {
            return Err(LedgerError::BadOwner {
                kind: p.account.kind.as_str(),
            });
        }
        *sums.entry(&p.currency).or_default() += i128::from(p.amount);
    }
    match sums.into_iter().find(|(_, s)| *s != 0) {
        Some((currency, sum)) => Err(LedgerError::Unbalanced {
            currency: currency.to_owned(),
            sum,
        }),
        None => Ok(()),
    }
}

/// The transaction that undoes `t`.
pub fn reverse(t: &Transaction) -> Transaction {
    Transaction {
        kind: "reversal".into(),
        postings: t
            .postings
            .iter()
            .map(|p| Posting {
                amount: -p.amount,
                ..p.clone()
            })
            .collect(),
    }
}

fn postings(currency: &str, entries: &[(Account, i64)]) -> Vec<Posting> {
    entries
        .iter()
        .filter(|(_, a)| *a != 0)
        .map(|(account, amount)| Posting {
            account: account.clone(),
            currency: currency.to_owned(),
            amount: *amount,
        })
        .collect()
}

/// An approved timesheet line: the lab owes the bill; the expert, the vendor (if any) and
/// the platform are owed their shares.
pub fn timesheet_line(
    s: &Split,
    currency: &str,
    lab: &str,
    expert: &str,
    vendor: Option<&str>,
) -> Transaction {
    let mut entries = vec![
        (Account::of(AccountKind::LabReceivable, lab), s.bill),
        (
            Account::of(AccountKind::ExpertPayable, expert),
            -s.expert_pay,
        ),
        (Account::platform(), -s.platform_total()),
    ];
    if let Some(v) = vendor {
        entries.push((Account::of(AccountKind::VendorPayable, v), -s.vendor_margin));
    }
    Transaction {
        kind: "timesheet_line".into(),
        postings: postings(currency, &entries),
    }
}

/// The platform tops an expert's pay up to the floor.
pub fn pay_floor(amount: i64, currency: &str, expert: &str) -> Transaction {
    Transaction {
        kind: "pay_floor".into(),
        postings: postings(
            currency,
            &[
                (Account::platform(), amount),
                (Account::of(AccountKind::ExpertPayable, expert), -amount),
            ],
        ),
    }
}

/// Paid training time (assessments, calibration): the payer — the platform, or the vendor
/// running a calibration session (out of what the platform owes it) — owes the expert.
pub fn training_time(
    amount: i64,
    currency: &str,
    expert: &str,
    vendor: Option<&str>,
) -> Transaction {
    let payer = match vendor {
        Some(v) => Account::of(AccountKind::VendorPayable, v),
        None => Account::platform(),
    };
    Transaction {
        kind: "training_time".into(),
        postings: postings(
            currency,
            &[
                (payer, amount),
                (Account::of(AccountKind::ExpertPayable, expert), -amount),
            ],
        ),
    }
}

/// A lab's invoice is paid into the platform's Stripe balance.
pub fn invoice_paid(amount: i64, currency: &str, lab: &str) -> Transaction {
    Transaction {
        kind: "invoice_paid".into(),
        postings: postings(
            currency,
            &[
                (Account::cash(), amount),
                (Account::of(AccountKind::LabReceivable, lab), -amount),
            ],
        ),
    }
}

/// An expert's payable is paid out of the Stripe balance.
pub fn payout_sent(amount: i64, currency: &str, expert: &str) -> Transaction {
    Transaction {
        kind: "payout_sent".into(),
        postings: postings(
            currency,
            &[
                (Account::of(AccountKind::ExpertPayable, expert), amount),
                (Account::cash(), -amount),
            ],
        ),
    }
}

/// Balances per (account, currency) of a set of postings.
pub fn balances<'a>(
    postings: impl IntoIterator<Item = &'a Posting>,
) -> BTreeMap<(Account, String), i64> {
    let mut out: BTreeMap<(Account, String), i64> = BTreeMap::new();
    for p in postings {
        *out.entry((p.account.clone(), p.currency.clone()))
            .or_default() += p.amount;
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::payments::amounts::{Rates, split};
    use proptest::prelude::*;

    fn sums_per_currency(b: &BTreeMap<(Account, String), i64>) -> BTreeMap<String, i64> {
        let mut out = BTreeMap::new();
        for ((_, c), v) in b {
            *out.entry(c.clone()).or_default() += v;
        }
        out
    }

    #[test]
    fn a_full_week_moves_money_from_the_lab_to_the_expert_and_balances() {
        let s = split(
            3 * 3600,
            &Rates {
                bill_per_hour: 15000,
                pay_per_hour: 9000,
                platform_fee_bps: 1500,
                vendor_margin_bps: Some(1000),
            },
        );
        let txs = [
            timesheet_line(&s, "USD", "org_lab", "exp_1", Some("org_vendor")),
            pay_floor(600, "USD", "exp_1"),
            invoice_paid(s.bill, "USD", "org_lab"),
            payout_sent(s.expert_pay + 600, "USD", "exp_1"),
        ];
        for t in &txs {
            validate(t).unwrap();
        }
        let b = balances(txs.iter().flat_map(|t| &t.postings));
        let get = |k, o: Option<&str>| {
            b.get(&(
                Account {
                    kind: k,
                    owner: o.map(str::to_owned),
                },
                "USD".to_owned(),
            ))
            .copied()
            .unwrap_or(0)
        };
        assert_eq!(get(AccountKind::LabReceivable, Some("org_lab")), 0);
        assert_eq!(get(AccountKind::ExpertPayable, Some("exp_1")), 0);
        assert_eq!(get(AccountKind::VendorPayable, Some("org_vendor")), -4500);
        // Cash: the bill in, the pay out: the vendor's and platform's shares stay.
        assert_eq!(get(AccountKind::CashStripe, None), 45000 - 27600);
        assert_eq!(
            get(AccountKind::PlatformRevenue, None),
            -(6750 + 6750 - 600)
        );
        assert!(sums_per_currency(&b).values().all(|v| *v == 0));
    }

    #[test]
    fn unbalanced_and_malformed_transactions_are_refused() {
        let mut t = invoice_paid(100, "EUR", "org_lab");
        t.postings[0].amount = 101;
        assert_eq!(
            validate(&t),
            Err(LedgerError::Unbalanced {
                currency: "EUR".into(),
                sum: 1
            })
        );
        let mut t = invoice_paid(100, "EUR", "org_lab");
        t.postings[1].currency = "USD".into();
        assert!(matches!(validate(&t), Err(LedgerError::Unbalanced { .. })));
        let mut t = invoice_paid(100, "EUR", "org_lab");
        t.postings[1].account.owner = None;
        assert!(matches!(validate(&t), Err(LedgerError::BadOwner { .. })));
        assert_eq!(
            validate(&invoice_paid(0, "EUR", "org_lab")),
            Err(LedgerError::TooFewPostings)
        );
        assert!(matches!(
            validate(&invoice_paid(5, "eur", "org_lab")),
            Err(LedgerError::BadCurrency(_))
        ));
    }

    proptest! {
        #[test]
        fn any_sequence_of_movements_and_reversals_balances_in_every_currency(
            moves in proptest::collection::vec(
                (0usize..4, 1i64..1_000_000, 0i64..200_000, 0i64..3000, any::<bool>(), 0usize..2),
                1..40,
            )
        ) {
            let mut txs = Vec::new();
            for (what, seconds, amount, bps, vendor, cur) in moves {
                let currency = ["USD", "EUR"][cur];
                let t = match what {
                    0 => timesheet_line(
                        &split(seconds, &Rates {
                            bill_per_hour: amount,
                            pay_per_hour: amount / 2,
                            platform_fee_bps: bps,
                            vendor_margin_bps: vendor.then_some(bps / 2),
                        }),
                        currency, "org_lab", "exp_1", vendor.then_some("org_v"),
                    ),
                    1 => pay_floor(amount, currency, "exp_1"),
                    2 => invoice_paid(amount, currency, "org_lab"),
                    _ => payout_sent(amount, currency, "exp_1"),
                };
                if t.postings.len() < 2 {
                    continue;
                }
                prop_assert!(validate(&t).is_ok(), "{t:?}");
                if seconds % 3 == 0 {
                    let r = reverse(&t);
                    prop_assert!(validate(&r).is_ok());
                    txs.push(r);
                }
                txs.push(t);
            }
            let b = balances(txs.iter().flat_map(|t| &t.postings));
            prop_assert!(sums_per_currency(&b).values().all(|v| *v == 0));
        }
    }
}
