//! Beta posteriors over decayed counts. Every score in a profile is a rate (gold answers
//! correct, agreements with the adjudicated label, material preferences…) whose evidence
//! fades with age: an observation `t` seconds old weighs `2^(−t / half_life)`, so accuracy
//! measured last year does not vouch for an expert today. The posterior is
//! `Beta(prior + decayed successes, prior + decayed failures)`; decisions use its lower
//! credible bound, not the mean, so a short lucky streak does not qualify anyone.
//!
//! Pure code: the evidence is updated one observation at a time ([`Evidence::add`]), in any
//! order, and gives the same counts as a replay of all observations, which is what lets
//! the scoring store update incrementally and recompute from outcomes alike.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The weight an observation keeps after `age_secs` (never more than 1: decay never adds).
pub fn decay_factor(age_secs: f64, half_life_secs: f64) -> f64 {
    if half_life_secs.is_nan() || half_life_secs <= 0.0 || !age_secs.is_finite() || age_secs <= 0.0
    {
        return 1.0;
    }
    (-(age_secs / half_life_secs) * std::f64::consts::LN_2).exp()
}

fn seconds_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_microseconds().unwrap_or(i64::MAX) as f64 / 1e6
}

/// Decayed success/failure counts as of `as_of`, plus the raw number of observations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub successes: f64,
    pub failures: f64,
    pub n: i64,
    pub as_of: Option<DateTime<Utc>>,
}

impl Evidence {
    pub const EMPTY: Evidence = Evidence {
        successes: 0.0,
        failures: 0.0,
        n: 0,
        as_of: None,
    };

    /// Adds one observation made at `at` with weight `weight` (1 for a whole observation,
    /// −1 to withdraw one). An observation older than the evidence is decayed to its time
    /// instead of the other way round, so the order of arrival does not matter.
    pub fn add(&mut self, at: DateTime<Utc>, success: bool, weight: f64, half_life_secs: f64) {
        let w = match self.as_of {
            Some(t) if at < t => weight * decay_factor(seconds_between(at, t), half_life_secs),
            Some(t) => {
                let f = decay_factor(seconds_between(t, at), half_life_secs);
                self.successes *= f;
                self.failures *= f;
                self.as_of = Some(at);
                weight
            }
            None => {
                self.as_of = Some(at);
                weight
            }
        };
        if success {
            self.successes = (self.successes + w).max(0.0);
        } else {
            self.failures = (self.failures + w).max(0.0);
        }
        self.n += if weight < 0.0 { -1 } else { 1 };
    }

    /// The counts decayed to `now` (unchanged when `now` is not later than `as_of`).
    pub fn at(&self, now: DateTime<Utc>, half_life_secs: f64) -> Evidence {
        let Some(t) = self.as_of else {
            return *self;
        };
        if now <= t {
            return *self;
        }
        let f = decay_factor(seconds_between(t, now), half_life_secs);
        Evidence {
            successes: self.successes * f,
            failures: self.failures * f,
            n: self.n,
            as_of: Some(now),
        }
    }

    /// The decayed number of observations (what thresholds like "20 gold answers" count).
    pub fn weight(&self) -> f64 {
        self.successes + self.failures
    }

    pub fn posterior(&self, prior: f64) -> Posterior {
        Posterior {
            alpha: prior + self.successes,
            beta: prior + self.failures,
        }
    }
}

/// A Beta distribution over a rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posterior {
    pub alpha: f64,
    pub beta: f64,
}

impl Posterior {
    pub fn mean(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }

    /// The lower credible bound at `level` (0.9 → the 10th percentile).
    pub fn lower_bound(&self, level: f64) -> f64 {
        beta_quantile(1.0 - level, self.alpha, self.beta)
    }

    /// The upper credible bound at `level` (0.9 → the 90th percentile).
    pub fn upper_bound(&self, level: f64) -> f64 {
        beta_quantile(level, self.alpha, self.beta)
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error below 1e-15).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let nonzero = |v: f64| if v.abs() < TINY { TINY } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / nonzero(1.0 - qab * x / qap);
    let mut h = d;
    // One Lentz step with coefficient `aa`: updates c and d, returns the factor for h.
    let mut step = |aa: f64| {
        d = 1.0 / nonzero(1.0 + aa * d);
        c = nonzero(1.0 + aa / c);
        d * c
    };
    for m in 1..=10_000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        h *= step(m * (b - m) * x / ((qam + m2) * (a + m2)));
        let del = step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        h *= del;
        if (del - 1.0).abs() < 1e-16 {
            break;
        }
    }
    h
}

/// The Beta(a, b) distribution function at `x` (the regularised incomplete beta function).
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln();
    let front = ln_front.exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_fraction(1.0 - x, b, a) / b
    }
}

/// The `p`-quantile of Beta(a, b): bisection on the distribution function, which is
/// monotone, to full double precision (no Newton step that could leave [0, 1]).
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() || a <= 0.0 || b <= 0.0 || p.is_nan() {
        return 0.0;
    }
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if beta_cdf(mid, a, b) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;
    use serde_json::Value;

    const REFERENCE: &str = include_str!("../../tests/fixtures/beta_reference.json");
    const DAY: f64 = 86_400.0;

    fn t(days: f64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap()
            + chrono::Duration::microseconds((days * DAY * 1e6) as i64)
    }

    #[test]
    fn quantiles_and_cdf_match_scipy() {
        let all: Value = serde_json::from_str(REFERENCE).unwrap();
        let cases = all["cases"].as_array().unwrap();
        assert!(cases.len() >= 10);
        for c in cases {
            let (a, b, p) = (
                c["alpha"].as_f64().unwrap(),
                c["beta"].as_f64().unwrap(),
                c["p"].as_f64().unwrap(),
            );
            let q = beta_quantile(p, a, b);
            let want = c["quantile"].as_f64().unwrap();
            assert!(
                (q - want).abs() < 1e-9,
                "ppf({p}; {a}, {b}) = {q}, scipy {want}"
            );
            let cdf = beta_cdf(0.8, a, b);
            let want = c["cdf_at_0.8"].as_f64().unwrap();
            assert!(
                (cdf - want).abs() < 1e-9,
                "cdf(0.8; {a}, {b}) = {cdf}, scipy {want}"
            );
        }
    }

    #[test]
    fn half_life_halves_the_weight() {
        let mut e = Evidence::EMPTY;
        e.add(t(0.0), true, 1.0, 90.0 * DAY);
        let later = e.at(t(90.0), 90.0 * DAY);
        assert!((later.successes - 0.5).abs() < 1e-12);
        assert_eq!(later.n, 1);
        let much_later = e.at(t(180.0), 90.0 * DAY);
        assert!((much_later.successes - 0.25).abs() < 1e-12);
    }

    #[test]
    fn the_bound_is_below_the_mean_and_tightens_with_evidence() {
        let few = Posterior {
            alpha: 1.0 + 9.0,
            beta: 1.0 + 1.0,
        };
        let many = Posterior {
            alpha: 1.0 + 90.0,
            beta: 1.0 + 10.0,
        };
        assert!(few.lower_bound(0.9) < few.mean());
        assert!(few.lower_bound(0.9) < many.lower_bound(0.9));
        assert!(many.upper_bound(0.9) > many.mean());
    }

    #[test]
    fn a_withdrawn_observation_leaves_what_was_there() {
        let h = 90.0 * DAY;
        let mut e = Evidence::EMPTY;
        e.add(t(0.0), true, 1.0, h);
        e.add(t(10.0), false, 1.0, h);
        e.add(t(0.0), true, -1.0, h);
        e.add(t(0.0), false, 1.0, h);
        let mut f = Evidence::EMPTY;
        f.add(t(0.0), false, 1.0, h);
        f.add(t(10.0), false, 1.0, h);
        assert!((e.successes - f.successes).abs() < 1e-12);
        assert!((e.failures - f.failures).abs() < 1e-12);
        assert_eq!(e.n, 2);
    }

    proptest! {
        /// Decay never increases a count, whatever the ages and half-life.
        #[test]
        fn decay_never_increases_a_count(
            s in 0.0f64..1e6, f in 0.0f64..1e6, age in 0.0f64..1e10, h in 1.0f64..1e9,
        ) {
            let e = Evidence { successes: s, failures: f, n: 3, as_of: Some(t(0.0)) };
            let later = e.at(t(0.0) + chrono::Duration::microseconds((age * 1e6) as i64), h);
            prop_assert!(later.successes <= s);
            prop_assert!(later.failures <= f);
            prop_assert!(later.weight() <= e.weight());
            prop_assert!(decay_factor(age, h) <= 1.0);
        }

        /// Observations give the same counts in any order of arrival.
        #[test]
        fn order_of_arrival_does_not_matter(
            obs in proptest::collection::vec((0.0f64..400.0, any::<bool>()), 1..40),
        ) {
            let h = 90.0 * DAY;
            let mut sorted = obs.clone();
            sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (mut x, mut y) = (Evidence::EMPTY, Evidence::EMPTY);
            for (d, ok) in &obs {
                x.add(t(*d), *ok, 1.0, h);
            }
            for (d, ok) in &sorted {
                y.add(t(*d), *ok, 1.0, h);
            }
            let end = t(500.0);
            let (x, y) = (x.at(end, h), y.at(end, h));
            prop_assert!((x.successes - y.successes).abs() < 1e-9);
            prop_assert!((x.failures - y.failures).abs() < 1e-9);
        }

        /// The quantile inverts the distribution function.
        #[test]
        fn quantile_inverts_cdf(a in 0.2f64..300.0, b in 0.2f64..300.0, p in 0.01f64..0.99) {
            let q = beta_quantile(p, a, b);
            prop_assert!((0.0..=1.0).contains(&q));
            prop_assert!((beta_cdf(q, a, b) - p).abs() < 1e-9);
        }
    }
}
