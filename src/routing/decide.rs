//! The routing decision: which experts get an item. Pure logic, no I/O — the caller streams
//! the slice's candidate table in descending order of each candidate's routing key and
//! supplies the credential check (the one filter that needs the database).
//!
//! **Score** of an eligible candidate (documented in the README):
//!
//! ```text
//! score = w_perf · θ − w_load · open/cap − w_cost · cost
//! θ    ~ Beta(α, β), truncated at min(1, mean + 4·sd)   (Thompson sample)
//! cost = clamp(rate / bill_rate − 1, 0, 1)   (over the project's budget; 0.5 when the
//!                                             currencies differ)
//! ```
//!
//! **Pre-drawn samples.** Each candidate keeps one Thompson sample θ in the table, drawn
//! when it first appears and redrawn when it is chosen, when its posterior changes, and
//! periodically by the routing sweep. The table is ordered by the routing key
//! `w_perf · θ − w_load · open/cap`, kept current as load changes; since the cost term is
//! never negative, the key bounds the score, and is the score for every candidate within
//! the project's budget. The scan stops as soon as the shortlists are full and the next
//! key cannot beat their weakest member — after a handful of rows, whatever the slice's
//! size. A candidate without a sample yet (key [`UNDRAWN`], read first) is sampled here
//! with the bound `w_perf · (mean + 4·sd)` and its draw returned in [`Decision::drawn`] for
//! the caller to store.
//!
//! **Schedule.** An expert on a confirmed shift for the item's project and slice right now
//! gets `w_shift` added to their score (the default exceeds the range of the other terms,
//! so experts on shift are preferred); the caller reads those experts first, before the
//! table, so the key still bounds every later candidate's score. Experts with a schedule
//! who are not available at any time before the item's deadline are removed by the
//! [`Filter::Schedule`] filter, which the caller's check applies with the credentials.
//!
//! **Choice** from the shortlists, best score first: (1) experts from vendors not yet chosen
//! (independents count as their own vendor), within the probation slots; (2) any expert,
//! within the probation slots; (3) probation experts beyond their slots, only when no other
//! eligible expert is left — a new slice, where everyone starts in probation, still gets
//! its work done, and the explanation says so.

use std::collections::{BTreeMap, HashSet};

use rand::SeedableRng;
use rand::rngs::SmallRng;
use rand_distr::{Beta, Distribution};
use serde::Serialize;
use utoipa::ToSchema;

use crate::standings::rules::{SliceStatus, Tier};

/// One row of the candidate table (an expert's standing in the slice, joined with the
/// expert).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub expert_id: String,
    pub vendor_id: Option<String>,
    pub approved: bool,
    pub status: SliceStatus,
    pub tier: Tier,
    pub languages: Vec<String>,
    pub affiliations: Vec<String>,
    pub open: i64,
    pub rate_minor: i64,
    pub currency: String,
    pub alpha: f64,
    pub beta: f64,
    /// The pre-drawn Thompson sample, if one was drawn.
    pub theta: Option<f64>,
    /// On a confirmed shift for the item's project and slice now (read before the table).
    pub on_shift: bool,
    /// The routing key the table is ordered by: `w_perf·θ − w_load·open/cap` when θ is
    /// drawn, [`UNDRAWN`] otherwise.
    pub key: f64,
}

/// The key of a candidate without a drawn sample: above every real key, so read first.
pub use crate::standings::UNDRAWN;

/// The routing key of a drawn sample at the expert's current load.
pub fn routing_key(w: Weights, theta: f64, open: i64, cap: i64) -> f64 {
    w.perf * theta - w.load * load_share(open, cap)
}

fn load_share(open: i64, cap: i64) -> f64 {
    if cap > 0 {
        (open as f64 / cap as f64).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// A Thompson sample from Beta(α, β), truncated at [`score_bound`].
pub fn draw_theta(alpha: f64, beta: f64, rng: &mut impl rand::Rng) -> f64 {
    let mean = alpha / (alpha + beta);
    Beta::new(alpha.max(1e-6), beta.max(1e-6))
        .map(|b| b.sample(rng))
        .unwrap_or(mean)
        .min(score_bound(alpha, beta))
}

/// The hard filters, in the order they are applied; the explanation counts what each
/// removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    /// Not an approved expert (vetting status).
    NotApproved,
    /// Slice status not allowed by the project (none, suspended, or probation when the
    /// project takes qualified experts only).
    SliceStatus,
    /// Adjudication needs the `adjudicator` tier.
    Tier,
    /// Does not speak the slice's language.
    Language,
    /// The project excludes the expert's vendor.
    ExcludedVendor,
    /// The project excludes the expert.
    ExcludedExpert,
    /// An affiliation matches one of the project's conflict keywords.
    Affiliation,
    /// Already on this item (in any role, including an expired or declined offer).
    AlreadyOnItem,
    /// Open assignments at the cap.
    AtCapacity,
    /// Lacks the domain's required credentials (verified, unexpired) at routing time.
    Credentials,
    /// Has a schedule and is not available at any time before the item's deadline.
    Schedule,
}

#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// How many experts to choose.
    pub wanted: usize,
    /// Slice statuses the project accepts.
    pub allowed: &'a [SliceStatus],
    /// Only experts of this tier (adjudication).
    pub tier: Option<Tier>,
    pub language: Option<&'a str>,
    pub excluded_vendors: &'a HashSet<String>,
    pub excluded_experts: &'a HashSet<String>,
    /// Lower-case keywords; an affiliation containing one is a conflict.
    pub affiliation_keywords: &'a [String],
    pub on_item: &'a HashSet<String>,
    /// Maximum open assignments per expert.
    pub cap: i64,
    pub bill_rate_minor: i64,
    pub currency: &'a str,
    /// How many of the chosen may be in probation (see the module docs).
    pub probation_slots: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub perf: f64,
    pub load: f64,
    pub cost: f64,
    /// Added for an expert on shift now.
    pub shift: f64,
}

/// A candidate's score and its terms.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Terms {
    /// The Thompson sample θ.
    pub sample: f64,
    /// Posterior mean α / (α + β).
    pub mean: f64,
    pub alpha: f64,
    pub beta: f64,
    /// Upper bound of θ (mean + 4 sd, at most 1).
    pub bound: f64,
    /// open / cap.
    pub load: f64,
    /// Cost against the project's bill rate, 0–1.
    pub cost: f64,
    /// The on-shift bonus added (`w_shift` for an expert on shift now, else 0).
    pub shift: f64,
    pub score: f64,
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub candidate: Candidate,
    pub terms: Terms,
}

#[derive(Debug, Clone, Default)]
pub struct Decision {
    pub chosen: Vec<Scored>,
    pub removed: BTreeMap<Filter, usize>,
    /// Candidates read from the table.
    pub scanned: usize,
    /// Candidates that passed every filter and were sampled.
    pub sampled: usize,
    /// Probation experts chosen beyond the probation slots (no one else was eligible).
    pub probation_over_share: usize,
    /// Samples for the caller to store, (expert id, θ): a first draw for each candidate
    /// read without one, and a fresh draw for each candidate whose sample this decision
    /// compared (chosen or not), so no sample decides twice.
    pub drawn: Vec<(String, f64)>,
}

/// Upper bound of a truncated Thompson sample from Beta(α, β): min(1, mean + 4 sd).
pub fn score_bound(alpha: f64, beta: f64) -> f64 {
    let n = alpha + beta;
    let mean = alpha / n;
    let sd = (alpha * beta / (n * n * (n + 1.0))).sqrt();
    (mean + 4.0 * sd).min(1.0)
}

/// How many probation experts one decision may add so that probation experts get at most
/// `share` of a project slice's recent offers.
pub fn probation_slots(
    share: f64,
    recent_total: i64,
    recent_probation: i64,
    wanted: usize,
) -> usize {
    let allowed = (share * (recent_total + wanted as i64) as f64).floor() as i64;
    (allowed - recent_probation).clamp(0, wanted as i64) as usize
}

/// How far the expert's rate is over the project's budget (its bill rate), as a share of it:
/// 0 within the budget, 1 at twice it or more; 0.5 when the currencies differ.
pub fn cost_term(c: &Candidate, req: &Request<'_>) -> f64 {
    if !c.currency.eq_ignore_ascii_case(req.currency) || req.bill_rate_minor <= 0 {
        return 0.5;
    }
    (c.rate_minor.max(0) as f64 / req.bill_rate_minor as f64 - 1.0).clamp(0.0, 1.0)
}

/// The first filter (without the database-backed ones) that removes `c`, if any.
pub fn failing_filter(c: &Candidate, req: &Request<'_>) -> Option<Filter> {
    if !c.approved {
        return Some(Filter::NotApproved);
    }
    if !req.allowed.contains(&c.status) {
        return Some(Filter::SliceStatus);
    }
    if req.tier.is_some_and(|t| c.tier != t) {
        return Some(Filter::Tier);
    }
    if let Some(lang) = req.language
        && !c.languages.iter().any(|l| language_matches(l, lang))
    {
        return Some(Filter::Language);
    }
    if c.vendor_id
        .as_ref()
        .is_some_and(|v| req.excluded_vendors.contains(v))
    {
        return Some(Filter::ExcludedVendor);
    }
    if req.excluded_experts.contains(&c.expert_id) {
        return Some(Filter::ExcludedExpert);
    }
    if c.affiliations.iter().any(|a| {
        let a = a.to_lowercase();
        req.affiliation_keywords.iter().any(|k| a.contains(k))
    }) {
        return Some(Filter::Affiliation);
    }
    if req.on_item.contains(&c.expert_id) {
        return Some(Filter::AlreadyOnItem);
    }
    if c.open >= req.cap {
        return Some(Filter::AtCapacity);
    }
    None
}

/// Does a spoken language (`de`, `de-AT`) cover the slice's language (`de`, `de-DE`)?
/// Primary subtags must match; a regional slice language also accepts the bare language.
pub fn language_matches(spoken: &str, wanted: &str) -> bool {
    let primary = |s: &str| {
        s.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(spoken) == primary(wanted)
}

/// The smallest score in a shortlist kept sorted by descending score.
fn floor_of(list: &[Scored], size: usize) -> Option<f64> {
    (list.len() >= size).then(|| list.last().map(|s| s.terms.score).unwrap_or(f64::MIN))
}

fn insert_sorted(list: &mut Vec<Scored>, s: Scored, size: usize) {
    let at = list
        .iter()
        .position(|x| x.terms.score < s.terms.score)
        .unwrap_or(list.len());
    if at < size {
        list.insert(at, s);
        list.truncate(size);
    }
}

/// 64-bit FNV-1a, to give each candidate its own random stream.
pub fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Decides, scanning `candidates`: those on shift first (any order), then the table in
/// descending key order. `check` applies the filters that need the database (credentials,
/// schedule) to a candidate that passed the others. Each candidate's draw comes from its
/// own stream seeded by `seed` and its id, so a decision is reproducible from its seed and
/// does not depend on how far the scan went.
pub fn decide(
    req: &Request<'_>,
    w: Weights,
    seed: u64,
    candidates: impl IntoIterator<Item = Candidate>,
    check: impl FnMut(&Candidate) -> Option<Filter>,
) -> Decision {
    scan(req, w, seed, candidates, check, true)
}

fn scan(
    req: &Request<'_>,
    w: Weights,
    seed: u64,
    candidates: impl IntoIterator<Item = Candidate>,
    mut check: impl FnMut(&Candidate) -> Option<Filter>,
    lazy: bool,
) -> Decision {
    let mut d = Decision::default();
    if req.wanted == 0 {
        return d;
    }
    // Enough alternatives to honour vendor diversity among the best.
    let size = (req.wanted * 4).max(8);
    let mut regular: Vec<Scored> = Vec::with_capacity(size + 1);
    let mut probation: Vec<Scored> = Vec::with_capacity(size + 1);
    let mut compared: Vec<(String, f64, f64)> = Vec::new();
    for c in candidates {
        // A fresh draw for a candidate without one; the stored sample otherwise.
        let (theta, reach) = match c.theta {
            Some(t) => (t, c.key),
            None => {
                let mut rng = SmallRng::seed_from_u64(seed ^ fnv1a(&c.expert_id));
                let t = draw_theta(c.alpha, c.beta, &mut rng);
                d.drawn.push((c.expert_id.clone(), t));
                (t, w.perf * score_bound(c.alpha, c.beta))
            }
        };
        let shift = if c.on_shift { w.shift } else { 0.0 };
        let reach = reach + shift;
        let done = |list: &[Scored]| lazy && floor_of(list, size).is_some_and(|f| reach <= f);
        if done(&regular) && (req.probation_slots == 0 || done(&probation)) {
            // Drawn candidates come in key order, so no later one can win either; undrawn
            // ones and those on shift (read first) are not ordered among themselves.
            if c.theta.is_some() && !c.on_shift {
                break;
            }
            d.scanned += 1;
            continue;
        }
        d.scanned += 1;
        let filter = failing_filter(&c, req).or_else(|| check(&c));
        if let Some(f) = filter {
            *d.removed.entry(f).or_default() += 1;
            continue;
        }
        let is_probation = c.status == SliceStatus::Probation;
        if done(if is_probation { &probation } else { &regular }) {
            continue;
        }
        d.sampled += 1;
        compared.push((c.expert_id.clone(), c.alpha, c.beta));
        let mean = c.alpha / (c.alpha + c.beta);
        let load = load_share(c.open, req.cap);
        let cost = cost_term(&c, req);
        let score = w.perf * theta - w.load * load - w.cost * cost + shift;
        let scored = Scored {
            terms: Terms {
                sample: theta,
                mean,
                alpha: c.alpha,
                beta: c.beta,
                bound: score_bound(c.alpha, c.beta),
                load,
                cost,
                shift,
                score,
            },
            candidate: c,
        };
        if is_probation {
            insert_sorted(&mut probation, scored, size);
        } else {
            insert_sorted(&mut regular, scored, size);
        }
    }
    choose(&mut d, req, regular, probation);
    // The compared samples are spent: draw the next ones now.
    let spent: HashSet<&str> = compared.iter().map(|(id, _, _)| id.as_str()).collect();
    d.drawn.retain(|(id, _)| !spent.contains(id.as_str()));
    for (id, alpha, beta) in &compared {
        let mut rng = SmallRng::seed_from_u64(seed.rotate_left(29) ^ fnv1a(id) ^ 0x7f4a_7c15);
        d.drawn
            .push((id.clone(), draw_theta(*alpha, *beta, &mut rng)));
    }
    d
}

fn choose(d: &mut Decision, req: &Request<'_>, regular: Vec<Scored>, probation: Vec<Scored>) {
    let mut pool: Vec<(Scored, bool)> = regular
        .into_iter()
        .map(|s| (s, false))
        .chain(probation.into_iter().map(|s| (s, true)))
        .collect();
    pool.sort_by(|a, b| b.0.terms.score.total_cmp(&a.0.terms.score));
    let mut taken = vec![false; pool.len()];
    let mut vendors: HashSet<String> = HashSet::new();
    let mut probation_used = 0;
    let vendor_key = |c: &Candidate| {
        c.vendor_id
            .clone()
            .unwrap_or_else(|| format!("independent:{}", c.expert_id))
    };
    for pass in 0..3 {
        for (i, (s, is_probation)) in pool.iter().enumerate() {
            if d.chosen.len() == req.wanted {
                return;
            }
            if taken[i] {
                continue;
            }
            if *is_probation && pass < 2 && probation_used >= req.probation_slots {
                continue;
            }
            let vendor = vendor_key(&s.candidate);
            if pass == 0 && vendors.contains(&vendor) {
                continue;
            }
            taken[i] = true;
            vendors.insert(vendor);
            if *is_probation {
                probation_used += 1;
                if pass == 2 {
                    d.probation_over_share += 1;
                }
            }
            d.chosen.push(s.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cand(
        id: &str,
        vendor: Option<&str>,
        status: SliceStatus,
        alpha: f64,
        beta: f64,
    ) -> Candidate {
        Candidate {
            expert_id: id.into(),
            vendor_id: vendor.map(Into::into),
            approved: true,
            status,
            tier: Tier::Annotator,
            languages: vec!["en".into()],
            affiliations: vec![],
            open: 0,
            rate_minor: 5000,
            currency: "USD".into(),
            alpha,
            beta,
            theta: None,
            on_shift: false,
            key: UNDRAWN,
        }
    }

    /// The candidate with a pre-drawn sample and its key, as the table stores them.
    fn drawn(mut c: Candidate, rng: &mut SmallRng) -> Candidate {
        let t = draw_theta(c.alpha, c.beta, rng);
        c.theta = Some(t);
        c.key = routing_key(W, t, c.open, 5);
        c
    }

    struct Fixture {
        allowed: Vec<SliceStatus>,
        empty: HashSet<String>,
        keywords: Vec<String>,
    }

    fn fixture() -> Fixture {
        Fixture {
            allowed: vec![SliceStatus::Probation, SliceStatus::Qualified],
            empty: HashSet::new(),
            keywords: vec![],
        }
    }

    fn req(f: &Fixture, wanted: usize, probation_slots: usize) -> Request<'_> {
        Request {
            wanted,
            allowed: &f.allowed,
            tier: None,
            language: Some("en"),
            excluded_vendors: &f.empty,
            excluded_experts: &f.empty,
            affiliation_keywords: &f.keywords,
            on_item: &f.empty,
            cap: 5,
            bill_rate_minor: 10000,
            currency: "USD",
            probation_slots,
        }
    }

    const W: Weights = Weights {
        perf: 1.0,
        load: 0.25,
        cost: 0.15,
        shift: 1.5,
    };

    fn sorted(mut v: Vec<Candidate>) -> Vec<Candidate> {
        v.sort_by(|a, b| b.key.total_cmp(&a.key).then(a.expert_id.cmp(&b.expert_id)));
        v
    }

    fn ids(d: &Decision) -> Vec<&str> {
        d.chosen
            .iter()
            .map(|s| s.candidate.expert_id.as_str())
            .collect()
    }

    #[test]
    fn the_bound_caps_the_sample_and_tightens_with_evidence() {
        assert_eq!(score_bound(1.0, 1.0), 1.0);
        let wide = score_bound(3.0, 2.0);
        let narrow = score_bound(300.0, 200.0);
        assert!(narrow < wide && narrow > 0.6, "{narrow} {wide}");
    }

    #[test]
    fn probation_slots_keep_the_share() {
        // 20 % of 10 recent + 2 new = 2 allowed, 1 used -> 1 slot.
        assert_eq!(probation_slots(0.2, 10, 1, 2), 1);
        assert_eq!(probation_slots(0.2, 10, 5, 2), 0);
        assert_eq!(probation_slots(1.0, 0, 0, 3), 3);
        assert_eq!(probation_slots(0.0, 100, 0, 3), 0);
    }

    #[test]
    fn each_filter_is_counted() {
        let f = fixture();
        let mut excluded_v = HashSet::new();
        excluded_v.insert("v-x".to_owned());
        let mut excluded_e = HashSet::new();
        excluded_e.insert("e-excl".to_owned());
        let mut on_item = HashSet::new();
        on_item.insert("e-on".to_owned());
        let keywords = vec!["acme".to_owned()];
        let mut r = req(&f, 2, 2);
        r.excluded_vendors = &excluded_v;
        r.excluded_experts = &excluded_e;
        r.on_item = &on_item;
        r.affiliation_keywords = &keywords;
        let q = SliceStatus::Qualified;
        let mut c = vec![cand("ok", None, q, 5.0, 1.0)];
        let mut x = cand("unapproved", None, q, 5.0, 1.0);
        x.approved = false;
        c.push(x);
        c.push(cand("suspended", None, SliceStatus::Suspended, 5.0, 1.0));
        let mut x = cand("french", None, q, 5.0, 1.0);
        x.languages = vec!["fr".into()];
        c.push(x);
        c.push(cand("vendor-x", Some("v-x"), q, 5.0, 1.0));
        c.push(cand("e-excl", None, q, 5.0, 1.0));
        let mut x = cand("acme", None, q, 5.0, 1.0);
        x.affiliations = vec!["ACME Robotics".into()];
        c.push(x);
        c.push(cand("e-on", None, q, 5.0, 1.0));
        let mut x = cand("busy", None, q, 5.0, 1.0);
        x.open = 5;
        c.push(x);
        c.push(cand("no-licence", None, q, 5.0, 1.0));
        let d = decide(&r, W, 1, c, |c| {
            (c.expert_id == "no-licence").then_some(Filter::Credentials)
        });
        assert_eq!(ids(&d), ["ok"]);
        let want: BTreeMap<Filter, usize> = [
            Filter::NotApproved,
            Filter::SliceStatus,
            Filter::Language,
            Filter::ExcludedVendor,
            Filter::ExcludedExpert,
            Filter::Affiliation,
            Filter::AlreadyOnItem,
            Filter::AtCapacity,
            Filter::Credentials,
        ]
        .into_iter()
        .map(|f| (f, 1))
        .collect();
        assert_eq!(d.removed, want);
        assert_eq!(d.scanned, 10);
    }

    #[test]
    fn dual_pass_prefers_a_second_vendor_over_a_better_colleague() {
        let f = fixture();
        let q = SliceStatus::Qualified;
        let c = sorted(vec![
            cand("m1", Some("meridian"), q, 900.0, 10.0),
            cand("m2", Some("meridian"), q, 890.0, 10.0),
            cand("o1", Some("orbit"), q, 600.0, 400.0),
        ]);
        let d = decide(&req(&f, 2, 0), W, 7, c, |_| None);
        assert_eq!(ids(&d), ["m1", "o1"]);
        // With one vendor only, the colleague is taken.
        let c = sorted(vec![
            cand("m1", Some("meridian"), q, 900.0, 10.0),
            cand("m2", Some("meridian"), q, 890.0, 10.0),
        ]);
        let d = decide(&req(&f, 2, 0), W, 7, c, |_| None);
        assert_eq!(ids(&d), ["m1", "m2"]);
    }

    #[test]
    fn probation_experts_fill_only_their_slots_unless_no_one_else_is_left() {
        let f = fixture();
        let p = SliceStatus::Probation;
        let q = SliceStatus::Qualified;
        // Probation experts look better, but only one slot is open.
        let c = sorted(vec![
            cand("p1", None, p, 50.0, 1.0),
            cand("p2", None, p, 50.0, 1.0),
            cand("q1", None, q, 30.0, 10.0),
        ]);
        let d = decide(&req(&f, 2, 1), W, 3, c.clone(), |_| None);
        let chosen = ids(&d);
        assert!(chosen.contains(&"q1") && chosen.len() == 2, "{chosen:?}");
        assert_eq!(d.probation_over_share, 0);
        // No slot but no qualified expert either: probation fills in, and it is reported.
        let only_p: Vec<Candidate> = c.into_iter().filter(|c| c.status == p).collect();
        let d = decide(&req(&f, 2, 0), W, 3, only_p, |_| None);
        assert_eq!(d.chosen.len(), 2);
        assert_eq!(d.probation_over_share, 2);
    }

    #[test]
    fn the_scan_stops_once_no_one_left_can_win() {
        let f = fixture();
        let q = SliceStatus::Qualified;
        // 10 strong experts, then 1000 weak ones with tight posteriors.
        let mut c: Vec<Candidate> = (0..10)
            .map(|i| cand(&format!("s{i}"), None, q, 950.0, 50.0))
            .collect();
        c.extend((0..1000).map(|i| cand(&format!("w{i}"), None, q, 300.0, 700.0)));
        let mut rng = SmallRng::seed_from_u64(7);
        let c = sorted(c.into_iter().map(|c| drawn(c, &mut rng)).collect());
        let d = decide(&req(&f, 2, 0), W, 9, c, |_| None);
        assert_eq!(d.chosen.len(), 2);
        assert!(
            d.chosen
                .iter()
                .all(|s| s.candidate.expert_id.starts_with('s'))
        );
        assert!(d.scanned <= 11, "scanned {}", d.scanned);
    }

    #[test]
    fn with_drawn_samples_a_large_slice_is_decided_from_a_few_rows() {
        let f = fixture();
        let mut rng = SmallRng::seed_from_u64(11);
        let c: Vec<Candidate> = (0..20_000)
            .map(|i| {
                let answers = 20.0 + (i % 380) as f64;
                let acc = 0.70 + 0.27 * ((i * 7919) % 1000) as f64 / 1000.0;
                let mut x = cand(
                    &format!("e{i:05}"),
                    Some(&format!("v{}", i % 12)),
                    SliceStatus::Qualified,
                    1.0 + answers * acc,
                    1.0 + answers * (1.0 - acc),
                );
                x.open = i64::from(i % 5);
                drawn(x, &mut rng)
            })
            .collect();
        let c = sorted(c);
        let lazy = decide(&req(&f, 2, 0), W, 5, c.clone(), |_| None);
        let full = scan(&req(&f, 2, 0), W, 5, c, |_| None, false);
        assert_eq!(ids(&lazy), ids(&full));
        assert!(lazy.scanned <= 12, "scanned {}", lazy.scanned);
        // Only the compared samples are redrawn.
        assert_eq!(lazy.drawn.len(), lazy.sampled);
    }

    #[test]
    fn an_expert_on_shift_read_first_wins_over_better_experts_and_the_scan_stays_lazy() {
        let f = fixture();
        let mut rng = SmallRng::seed_from_u64(11);
        let q = SliceStatus::Qualified;
        // A weak expert on shift, then a table of strong experts in key order.
        let mut weak = drawn(cand("weak", Some("v0"), q, 3.0, 30.0), &mut rng);
        weak.on_shift = true;
        let table = sorted(
            (0..500)
                .map(|i| {
                    drawn(
                        cand(&format!("s{i:03}"), Some("v1"), q, 300.0, 10.0),
                        &mut rng,
                    )
                })
                .collect(),
        );
        let all: Vec<Candidate> = std::iter::once(weak.clone()).chain(table.clone()).collect();
        let d = decide(&req(&f, 1, 0), W, 4, all.clone(), |_| None);
        assert_eq!(ids(&d), ["weak"]);
        assert_eq!(d.chosen[0].terms.shift, W.shift);
        assert!(d.scanned <= 12, "scanned {}", d.scanned);
        assert_eq!(
            ids(&d),
            ids(&scan(&req(&f, 1, 0), W, 4, all, |_| None, false))
        );
        // Removed by the schedule check: the best of the table instead.
        let d = decide(
            &req(&f, 1, 0),
            W,
            4,
            std::iter::once(weak).chain(table),
            |c| (c.expert_id == "weak").then_some(Filter::Schedule),
        );
        assert_ne!(ids(&d), ["weak"]);
        assert_eq!(d.removed.get(&Filter::Schedule), Some(&1));
        assert_eq!(d.chosen[0].terms.shift, 0.0);
    }

    #[test]
    fn undrawn_candidates_are_sampled_and_reported() {
        let f = fixture();
        let q = SliceStatus::Qualified;
        let c = vec![
            cand("new1", None, q, 1.0, 1.0),
            cand("new2", None, q, 2.0, 1.0),
        ];
        let d = decide(&req(&f, 1, 0), W, 3, c, |_| None);
        let drawn: Vec<&str> = d.drawn.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(drawn, ["new1", "new2"]);
        assert!(d.drawn.iter().all(|(_, t)| (0.0..=1.0).contains(t)));
        // The chosen expert's stored sample is a new draw, not the one that won.
        let next = d
            .drawn
            .iter()
            .find(|(id, _)| *id == d.chosen[0].candidate.expert_id)
            .unwrap()
            .1;
        assert_ne!(d.chosen[0].terms.sample, next);
    }

    #[test]
    fn cost_counts_only_what_is_over_the_budget() {
        let f = fixture();
        let r = req(&f, 1, 0); // bill rate 10000 USD
        let mut c = cand("x", None, SliceStatus::Qualified, 1.0, 1.0);
        c.rate_minor = 9000;
        assert_eq!(cost_term(&c, &r), 0.0);
        c.rate_minor = 12500;
        assert!((cost_term(&c, &r) - 0.25).abs() < 1e-12);
        c.rate_minor = 50000;
        assert_eq!(cost_term(&c, &r), 1.0);
        c.currency = "EUR".into();
        assert_eq!(cost_term(&c, &r), 0.5);
    }

    #[test]
    fn languages_match_on_the_primary_subtag() {
        assert!(language_matches("de", "de-DE"));
        assert!(language_matches("DE-at", "de"));
        assert!(!language_matches("en", "de"));
    }

    proptest! {
        /// Lazy scanning chooses exactly what a full scan would: the candidates it never
        /// sampled could not have won.
        #[test]
        fn lazy_scan_equals_full_scan(
            posts in proptest::collection::vec(
                (1.0f64..300.0, 1.0f64..300.0, 0i64..6, any::<bool>(), proptest::bool::weighted(0.1), 2000i64..20000),
                1..80,
            ),
            wanted in 1usize..4,
            slots in 0usize..3,
            seed in any::<u64>(),
        ) {
            let f = fixture();
            let mut rng = SmallRng::seed_from_u64(seed);
            let c: Vec<Candidate> = posts.iter().enumerate().map(|(i, (a, b, open, prob, undrawn, rate))| {
                let mut x = cand(&format!("e{i:03}"), Some(&format!("v{}", i % 3)),
                    if *prob { SliceStatus::Probation } else { SliceStatus::Qualified }, *a, *b);
                x.open = *open;
                x.rate_minor = *rate;
                if *undrawn { x } else { drawn(x, &mut rng) }
            }).collect();
            let c = sorted(c);
            let r = req(&f, wanted, slots);
            let lazy = scan(&r, W, seed, c.clone(), |_| None, true);
            let full = scan(&r, W, seed, c.clone(), |_| None, false);
            prop_assert_eq!(ids(&lazy), ids(&full));
            prop_assert_eq!(full.scanned, c.len());
            let eligible = c.iter().filter(|x| x.open < 5).count();
            prop_assert_eq!(lazy.chosen.len(), wanted.min(eligible));
            let distinct: HashSet<&str> = ids(&lazy).into_iter().collect();
            prop_assert_eq!(distinct.len(), lazy.chosen.len());
            prop_assert!(lazy.drawn.len() >= lazy.sampled);
            for s in &lazy.chosen {
                prop_assert!(s.terms.sample <= s.terms.bound);
                prop_assert!(s.candidate.open < 5);
            }
        }
    }
}
