//! Planning shifts for a capacity request. Pure code: the caller hands in each eligible
//! expert's free time (availability minus every existing booking, across all projects,
//! and minus their minimum notice) and how much of their weekly cap is used.
//!
//! The plan is greedy and deterministic. Experts are taken in order of their per-slice
//! score (best first, ties by id), one shift each per round, so work spreads across the
//! roster while the better experts are asked first. Each shift:
//! - is the earliest free block long enough for the minimum shift, cut to the longest
//!   shift, to what is still needed (never below the minimum shift, so the last shift may
//!   round the plan up by less than one minimum shift), and to what is left of the
//!   expert's weekly cap;
//! - stays within one UTC week (Monday 00:00 to Monday 00:00, the weeks timesheets use);
//! - is removed from the expert's free time at once, so no two shifts of an expert overlap.
//!
//! Rounds repeat until the hours are covered or nobody can take another minimum shift.
//! What is missing is reported as the shortfall.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::availability::{Interval, normalize, subtract};

#[derive(Debug, Clone)]
pub struct Candidate {
    pub expert: String,
    /// Higher is better (e.g. the gold-accuracy lower bound in the slice).
    pub score: f64,
    /// Free time: availability minus bookings and notice, normalised.
    pub free: Vec<Interval>,
    /// Most minutes bookable per UTC week.
    pub weekly_cap_minutes: i64,
    /// Minutes already booked per week (keyed by the week's Monday).
    pub booked: BTreeMap<DateTime<Utc>, i64>,
}

#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub window: Interval,
    pub minutes_needed: i64,
    pub min_shift_minutes: i64,
    pub max_shift_minutes: i64,
    /// At least this many distinct experts (0: no minimum).
    pub min_experts: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub expert: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub shifts: Vec<Shift>,
    pub minutes_planned: i64,
    /// Minutes the plan could not cover.
    pub shortfall_minutes: i64,
    /// Distinct experts the plan is short of `min_experts`.
    pub shortfall_experts: usize,
}

pub use crate::clock::week_of;

struct State {
    c: Candidate,
    free: Vec<Interval>,
}

impl State {
    fn cap_left(&self, week: DateTime<Utc>) -> i64 {
        self.c.weekly_cap_minutes - self.c.booked.get(&week).copied().unwrap_or(0)
    }

    /// The next shift this expert can take, if any.
    fn next_shift(&self, r: &Request, still: i64) -> Option<Interval> {
        for block in &self.free {
            // Walk the block week by week: a shift never crosses a week boundary.
            let mut s = block.start;
            while s < block.end {
                let week = week_of(s);
                let week_end = (week + Duration::days(7)).min(block.end);
                let room = (week_end - s).num_minutes();
                let len = room
                    .min(r.max_shift_minutes)
                    .min(self.cap_left(week))
                    .min(still.max(r.min_shift_minutes));
                if len >= r.min_shift_minutes {
                    return Interval::new(s, s + Duration::minutes(len));
                }
                s = week + Duration::days(7);
            }
        }
        None
    }

    fn take(&mut self, shift: Interval) {
        self.free = subtract(&self.free, &[shift]);
        *self.c.booked.entry(week_of(shift.start)).or_default() += shift.seconds() / 60;
    }
}

pub fn plan(r: &Request, candidates: Vec<Candidate>) -> Plan {
    let window = [r.window];
    let mut states: Vec<State> = candidates
        .into_iter()
        .map(|c| {
            // Whole minutes only: free time is cut to the window and to minute bounds.
            let free = super::availability::intersect(&normalize(c.free.clone()), &window)
                .into_iter()
                .filter_map(|i| {
                    let s = ceil_minute(i.start);
                    let e = floor_minute(i.end);
                    Interval::new(s, e)
                })
                .collect();
            State { c, free }
        })
        .collect();
    states.sort_by(|a, b| {
        b.c.score
            .total_cmp(&a.c.score)
            .then_with(|| a.c.expert.cmp(&b.c.expert))
    });
    let mut shifts = Vec::new();
    let mut still = r.minutes_needed.max(0);
    loop {
        let mut progressed = false;
        for st in &mut states {
            if still <= 0 {
                break;
            }
            if let Some(s) = st.next_shift(r, still) {
                st.take(s);
                still -= s.seconds() / 60;
                shifts.push(Shift {
                    expert: st.c.expert.clone(),
                    start: s.start,
                    end: s.end,
                });
                progressed = true;
            }
        }
        if still <= 0 || !progressed {
            break;
        }
    }
    shifts.sort_by(|a, b| a.start.cmp(&b.start).then(a.expert.cmp(&b.expert)));
    let planned: i64 = shifts.iter().map(|s| (s.end - s.start).num_minutes()).sum();
    let mut experts: Vec<&str> = shifts.iter().map(|s| s.expert.as_str()).collect();
    experts.sort_unstable();
    experts.dedup();
    Plan {
        minutes_planned: planned,
        shortfall_minutes: (r.minutes_needed - planned).max(0),
        shortfall_experts: r.min_experts.saturating_sub(experts.len()),
        shifts,
    }
}

fn ceil_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    let f = floor_minute(t);
    if f == t { t } else { f + Duration::minutes(1) }
}

fn floor_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    let secs = t.timestamp().div_euclid(60) * 60;
    DateTime::from_timestamp(secs, 0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn iv(a: &str, b: &str) -> Interval {
        Interval::new(utc(a), utc(b)).unwrap()
    }

    fn cand(expert: &str, score: f64, free: Vec<Interval>, cap_hours: i64) -> Candidate {
        Candidate {
            expert: expert.into(),
            score,
            free,
            weekly_cap_minutes: cap_hours * 60,
            booked: BTreeMap::new(),
        }
    }

    fn req(hours: i64) -> Request {
        Request {
            window: iv("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"),
            minutes_needed: hours * 60,
            min_shift_minutes: 60,
            max_shift_minutes: 240,
            min_experts: 0,
        }
    }

    #[test]
    fn better_scores_are_asked_first_and_work_spreads() {
        let free = vec![iv("2026-03-02T08:00:00Z", "2026-03-02T20:00:00Z")];
        let p = plan(
            &req(6),
            vec![
                cand("b", 0.80, free.clone(), 40),
                cand("a", 0.95, free.clone(), 40),
                cand("c", 0.70, free.clone(), 40),
            ],
        );
        // a takes 4 h (the longest shift), then b the remaining 2 h; c is not needed.
        assert_eq!(p.shortfall_minutes, 0);
        assert_eq!(p.shifts.len(), 2);
        let by: BTreeMap<&str, i64> = p
            .shifts
            .iter()
            .map(|s| (s.expert.as_str(), (s.end - s.start).num_minutes()))
            .collect();
        assert_eq!(by, BTreeMap::from([("a", 240), ("b", 120)]));
    }

    #[test]
    fn weekly_caps_and_existing_bookings_limit_the_plan_and_the_rest_is_shortfall() {
        let free = vec![iv("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z")];
        let mut busy = cand("a", 0.9, free.clone(), 10);
        busy.booked.insert(utc("2026-03-02T00:00:00Z"), 8 * 60);
        let p = plan(&req(20), vec![busy, cand("b", 0.8, free, 5)]);
        // a has 2 h of cap left this week, b 5 h: 7 of 20 hours.
        assert_eq!(p.minutes_planned, 7 * 60);
        assert_eq!(p.shortfall_minutes, 13 * 60);
    }

    #[test]
    fn a_shift_never_crosses_a_week_or_goes_below_the_minimum() {
        // Free Sunday 22:00 → Monday 03:00: two weeks; min shift 90 min.
        let free = vec![iv("2026-03-08T22:00:00Z", "2026-03-09T03:00:00Z")];
        let mut r = req(5);
        r.window = iv("2026-03-02T00:00:00Z", "2026-03-16T00:00:00Z");
        r.min_shift_minutes = 90;
        let p = plan(&r, vec![cand("a", 0.9, free, 40)]);
        assert_eq!(
            p.shifts,
            vec![
                Shift {
                    expert: "a".into(),
                    start: utc("2026-03-08T22:00:00Z"),
                    end: utc("2026-03-09T00:00:00Z")
                },
                Shift {
                    expert: "a".into(),
                    start: utc("2026-03-09T00:00:00Z"),
                    end: utc("2026-03-09T03:00:00Z")
                },
            ]
        );
        assert_eq!(p.shortfall_minutes, 0);
    }

    #[test]
    fn too_few_experts_is_reported() {
        let free = vec![iv("2026-03-03T08:00:00Z", "2026-03-03T18:00:00Z")];
        let mut r = req(3);
        r.min_experts = 3;
        let p = plan(&r, vec![cand("a", 0.9, free, 40)]);
        assert_eq!(p.shortfall_minutes, 0);
        assert_eq!(p.shortfall_experts, 2);
    }

    proptest! {
        /// Whatever the free time, caps and needs: shifts lie in free time and the window,
        /// an expert's shifts never overlap, caps hold per week, every shift is between the
        /// minimum and maximum length, and a shortfall means nobody could take another shift.
        #[test]
        fn plans_are_sound(
            blocks in proptest::collection::vec((0usize..5, 0i64..(14 * 24), 1i64..12), 1..25),
            caps in proptest::collection::vec(0i64..30, 5),
            needed in 0i64..120,
            min_shift in 30i64..180,
        ) {
            let base = utc("2026-03-02T00:00:00Z");
            let r = Request {
                window: Interval::new(base, base + Duration::days(14)).unwrap(),
                minutes_needed: needed * 60,
                min_shift_minutes: min_shift,
                max_shift_minutes: 240.max(min_shift),
                min_experts: 0,
            };
            let mut free: Vec<Vec<Interval>> = vec![Vec::new(); 5];
            for (e, h, len) in &blocks {
                let s = base + Duration::hours(*h);
                free[*e].push(Interval::new(s, s + Duration::hours(*len)).unwrap());
            }
            let cands: Vec<Candidate> = (0..5)
                .map(|e| cand(&format!("e{e}"), e as f64 / 10.0, normalize(free[e].clone()), caps[e]))
                .collect();
            let p = plan(&r, cands.clone());
            prop_assert!(p.minutes_planned <= r.minutes_needed.max(0) + r.min_shift_minutes);
            prop_assert_eq!(p.shortfall_minutes, (r.minutes_needed - p.minutes_planned).max(0));
            for c in &cands {
                let mine: Vec<&Shift> = p.shifts.iter().filter(|s| s.expert == c.expert).collect();
                let mut per_week: BTreeMap<DateTime<Utc>, i64> = BTreeMap::new();
                for (i, s) in mine.iter().enumerate() {
                    let len = (s.end - s.start).num_minutes();
                    prop_assert!(len >= r.min_shift_minutes && len <= r.max_shift_minutes);
                    prop_assert!(c.free.iter().any(|f| f.start <= s.start && s.end <= f.end));
                    prop_assert_eq!(week_of(s.start), week_of(s.end - Duration::seconds(1)));
                    *per_week.entry(week_of(s.start)).or_default() += len;
                    for t in &mine[i + 1..] {
                        prop_assert!(s.end <= t.start || t.end <= s.start, "overlap");
                    }
                }
                for used in per_week.values() {
                    prop_assert!(*used <= c.weekly_cap_minutes);
                }
            }
            if p.shortfall_minutes > 0 {
                // Nobody can take another minimum shift.
                for c in &cands {
                    let mut st = State { c: c.clone(), free: normalize(c.free.clone()) };
                    for s in p.shifts.iter().filter(|s| s.expert == c.expert) {
                        st.take(Interval::new(s.start, s.end).unwrap());
                    }
                    st.free = super::super::availability::intersect(&st.free, &[r.window]);
                    prop_assert!(st.next_shift(&r, p.shortfall_minutes).is_none(), "{} could still work", c.expert);
                }
            }
        }
    }
}
