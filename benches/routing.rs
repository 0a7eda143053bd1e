//! The routing decision at 1k, 10k and 100k experts in a slice.
//!
//! `cargo bench --bench routing` runs criterion over the pure decision
//! (`cadre::routing::decide::decide`) on a realistic candidate table — most experts with a
//! track record (tight posteriors), 10 % new or in probation (wide posteriors), a few
//! filtered out, 10 % with a rate over the project's budget, every candidate's Thompson
//! sample pre-drawn except 20 (chosen or observed since the last decision) — in the
//! table's order (undrawn first, then descending routing key), as the index serves it. It
//! then prints the p50/p99 of 2,000 single decisions per size with fresh seeds, the number
//! the target (p99 ≤ 2 ms at 100k) is about.

// Test and benchmark code may unwrap: a failed assumption is the run failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

use cadre::routing::decide::{self, Candidate, Request, Weights};
use cadre::standings::rules::{SliceStatus, Tier};
use criterion::{BenchmarkId, Criterion, criterion_group};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

fn table(n: usize) -> Vec<Candidate> {
    let mut rng = SmallRng::seed_from_u64(n as u64);
    let mut v: Vec<Candidate> = (0..n)
        .map(|i| {
            let new = rng.random::<f64>() < 0.1;
            let (alpha, beta) = if new {
                (
                    1.0 + rng.random_range(0.0..4.0),
                    1.0 + rng.random_range(0.0..2.0),
                )
            } else {
                let answers = rng.random_range(20.0..400.0);
                let accuracy = rng.random_range(0.70..0.97);
                (1.0 + answers * accuracy, 1.0 + answers * (1.0 - accuracy))
            };
            Candidate {
                expert_id: format!("exp_{i:08}"),
                vendor_id: Some(format!("org_vendor{}", i % 12)),
                approved: rng.random::<f64>() > 0.02,
                status: if new {
                    SliceStatus::Probation
                } else {
                    SliceStatus::Qualified
                },
                tier: Tier::Annotator,
                languages: vec!["en".into()],
                affiliations: vec![],
                open: rng.random_range(0..5),
                rate_minor: if rng.random::<f64>() < 0.1 {
                    rng.random_range(15_000..20_000)
                } else {
                    rng.random_range(4_000..12_000)
                },
                currency: "USD".into(),
                alpha,
                beta,
                theta: None,
                on_shift: false,
                key: decide::UNDRAWN,
            }
        })
        .collect();
    for c in v.iter_mut().skip(20) {
        let t = decide::draw_theta(c.alpha, c.beta, &mut rng);
        c.theta = Some(t);
        c.key = decide::routing_key(WEIGHTS, t, c.open, 5);
    }
    v.sort_by(|a, b| b.key.total_cmp(&a.key).then(a.expert_id.cmp(&b.expert_id)));
    v
}

const WEIGHTS: Weights = Weights {
    perf: 1.0,
    load: 0.25,
    cost: 0.15,
    shift: 1.5,
};

fn run(candidates: &[Candidate], seed: u64) -> decide::Decision {
    let empty = HashSet::new();
    let allowed = [SliceStatus::Probation, SliceStatus::Qualified];
    let req = Request {
        wanted: 2,
        allowed: &allowed,
        tier: None,
        language: Some("en"),
        excluded_vendors: &empty,
        excluded_experts: &empty,
        affiliation_keywords: &[],
        on_item: &empty,
        cap: 5,
        bill_rate_minor: 15000,
        currency: "USD",
        probation_slots: 1,
    };
    decide::decide(&req, WEIGHTS, seed, candidates.iter().cloned(), |_| None)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("routing_decision");
    for n in [1_000usize, 10_000, 100_000] {
        let t = table(n);
        let mut seed = 0u64;
        g.bench_with_input(BenchmarkId::from_parameter(n), &t, |b, t| {
            b.iter(|| {
                seed = seed.wrapping_add(1);
                black_box(run(t, seed))
            })
        });
    }
    g.finish();
}

fn percentiles() {
    println!("\nsingle decisions (2,000 per size, fresh seed each):");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10}",
        "experts", "p50 µs", "p99 µs", "max µs", "scanned"
    );
    for n in [1_000usize, 10_000, 100_000] {
        let t = table(n);
        let mut times = Vec::with_capacity(2000);
        let mut scanned = 0;
        for seed in 0..2000u64 {
            let start = Instant::now();
            let d = black_box(run(&t, seed * 7919));
            times.push(start.elapsed().as_secs_f64() * 1e6);
            scanned += d.scanned;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:>8} {:>10.1} {:>10.1} {:>10.1} {:>10}",
            n,
            times[times.len() / 2],
            times[times.len() * 99 / 100],
            times[times.len() - 1],
            scanned / 2000
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    percentiles();
}
