//! The routing simulation (`cadre::routing::simulate`): hidden per-expert accuracies,
//! routed at random, by Cadre's scores, and by an oracle that knows the accuracies.
//! Prints one line per seed and the mean, for the README:
//!
//!     cargo bench --bench scoring_sim

// Test and benchmark code may unwrap: a failed assumption is the run failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cadre::routing::simulate::{Params, simulate};

/// accuracy ×3, judgments per item ×3, gap closed.
fn line(label: &str, v: &[f64; 7], tail: &str) {
    println!(
        "{label:>10} | {:>8.4} {:>8.4} {:>8.4} | {:>11.3} {:>11.3} {:>11.3} | {:>10.2} | {tail}",
        v[0], v[1], v[2], v[3], v[4], v[5], v[6]
    );
}

fn main() {
    let seeds = [20_261_123u64, 1, 2, 3, 4];
    println!(
        "{:>10} | {:>8} {:>8} {:>8} | {:>11} {:>11} {:>11} | {:>10} | {:>9}",
        "seed",
        "random",
        "scored",
        "oracle",
        "cost rand",
        "cost score",
        "cost orac",
        "gap closed",
        "suspended"
    );
    let mut sums = [0.0f64; 7];
    for seed in seeds {
        let r = simulate(&Params {
            seed,
            ..Params::default()
        });
        let v = [
            r.random.accuracy,
            r.scored.accuracy,
            r.oracle.accuracy,
            r.random.judgments_per_item,
            r.scored.judgments_per_item,
            r.oracle.judgments_per_item,
            r.gap_closed,
        ];
        let tail = format!(
            "{:>5} ({} strong)",
            r.scored.suspended, r.scored.suspended_strong
        );
        line(&seed.to_string(), &v, &tail);
        for (s, x) in sums.iter_mut().zip(v) {
            *s += x;
        }
    }
    line("mean", &sums.map(|s| s / seeds.len() as f64), "");
}
