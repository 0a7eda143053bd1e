//! The routing simulation (`cadre::scoring::simulate`): hidden per-expert accuracies,
//! routed at random, by Cadre's scores, and by an oracle that knows the accuracies.
//! Prints one line per seed and the mean, for the README:
//!
//!     cargo bench --bench scoring_sim

use cadre::scoring::simulate::{Params, simulate};

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
        println!(
            "{seed:>10} | {:>8.4} {:>8.4} {:>8.4} | {:>11.3} {:>11.3} {:>11.3} | {:>10.2} | {:>5} ({} strong)",
            r.random.accuracy,
            r.scored.accuracy,
            r.oracle.accuracy,
            r.random.judgments_per_item,
            r.scored.judgments_per_item,
            r.oracle.judgments_per_item,
            r.gap_closed,
            r.scored.suspended,
            r.scored.suspended_strong
        );
        for (s, v) in sums.iter_mut().zip([
            r.random.accuracy,
            r.scored.accuracy,
            r.oracle.accuracy,
            r.random.judgments_per_item,
            r.scored.judgments_per_item,
            r.oracle.judgments_per_item,
            r.gap_closed,
        ]) {
            *s += v;
        }
    }
    let n = seeds.len() as f64;
    println!(
        "{:>10} | {:>8.4} {:>8.4} {:>8.4} | {:>11.3} {:>11.3} {:>11.3} | {:>10.2} |",
        "mean",
        sums[0] / n,
        sums[1] / n,
        sums[2] / n,
        sums[3] / n,
        sums[4] / n,
        sums[5] / n,
        sums[6] / n
    );
}
