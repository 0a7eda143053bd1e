//! Work sessions (docs/adr/0002-money-rules-and-double-entry-ledger.md): an accepted
//! assignment's time is the intervals covered by heartbeats, from `accept` to `submit`; a gap
//! between beats longer than the idle limit ends a session and the next beat starts a new one;
//! the total is capped per item. Pure logic, no I/O.

use chrono::{DateTime, Duration, Utc};

/// What a beat at `at` does to the latest session `(started, last_beat)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beat {
    /// Extend the latest session to `at`.
    Extend,
    /// Start a new session at `at` (no session yet, or the gap exceeded the idle limit).
    Start,
    /// Ignore: `at` is not after the latest beat (a replayed or out-of-order beat).
    Ignore,
}

pub fn beat(
    latest: Option<(DateTime<Utc>, DateTime<Utc>)>,
    at: DateTime<Utc>,
    idle: Duration,
) -> Beat {
    match latest {
        None => Beat::Start,
        Some((_, last)) if at <= last => Beat::Ignore,
        Some((_, last)) if at - last > idle => Beat::Start,
        Some(_) => Beat::Extend,
    }
}

/// Measured seconds of an assignment's sessions before any cap: the sessions' durations
/// summed exactly, then truncated to whole seconds once (not once per session).
pub fn measured_seconds(sessions: &[(DateTime<Utc>, DateTime<Utc>)]) -> i64 {
    sessions
        .iter()
        .map(|(start, end)| (*end - *start).max(Duration::zero()))
        .fold(Duration::zero(), |a, b| a + b)
        .num_seconds()
}

/// Measured seconds of an assignment's sessions, capped at `cap_secs`.
pub fn active_seconds(sessions: &[(DateTime<Utc>, DateTime<Utc>)], cap_secs: i64) -> i64 {
    measured_seconds(sessions).min(cap_secs.max(0))
}

/// An interval of active time, `[start, end)`.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// The parts of `own` not covered by any of `paid` (intervals another entry of the same expert
/// already paid), in time order, merged where they touch. An expert working on two assignments
/// at once is paid for that time once (docs/adr/0002-money-rules-and-double-entry-ledger.md).
pub fn unpaid(own: &[Span], paid: &[Span]) -> Vec<Span> {
    let mut paid: Vec<Span> = paid.iter().copied().filter(|(s, e)| e > s).collect();
    paid.sort_unstable();
    let mut own: Vec<Span> = own.iter().copied().filter(|(s, e)| e > s).collect();
    own.sort_unstable();
    let mut pieces: Vec<Span> = Vec::new();
    for (start, end) in own {
        let mut cursor = start;
        for &(ps, pe) in &paid {
            if pe <= cursor {
                continue;
            }
            if ps >= end {
                break;
            }
            if ps > cursor {
                pieces.push((cursor, ps));
            }
            cursor = cursor.max(pe);
            if cursor >= end {
                break;
            }
        }
        if cursor < end {
            pieces.push((cursor, end));
        }
    }
    // Own sessions may overlap each other: sort and merge the pieces.
    pieces.sort_unstable();
    let mut out: Vec<Span> = Vec::new();
    for (start, end) in pieces {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The first `cap_secs` seconds of `spans` (in time order): what a capped entry pays.
pub fn first_seconds(spans: &[Span], cap_secs: i64) -> Vec<Span> {
    let mut left = Duration::seconds(cap_secs.max(0));
    let mut out = Vec::new();
    for &(start, end) in spans {
        if left <= Duration::zero() {
            break;
        }
        let len = (end - start).max(Duration::zero());
        let take = len.min(left);
        if take > Duration::zero() {
            out.push((start, start + take));
        }
        left -= take;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn gaps_beyond_the_idle_limit_start_a_new_session() {
        let idle = Duration::minutes(5);
        assert_eq!(beat(None, t(0), idle), Beat::Start);
        assert_eq!(beat(Some((t(0), t(3))), t(8), idle), Beat::Extend);
        assert_eq!(beat(Some((t(0), t(3))), t(9), idle), Beat::Start);
        assert_eq!(beat(Some((t(0), t(3))), t(3), idle), Beat::Ignore);
    }

    #[test]
    fn time_is_summed_and_capped() {
        let s = [(t(0), t(10)), (t(30), t(35))];
        assert_eq!(active_seconds(&s, 3600), 900);
        assert_eq!(active_seconds(&s, 600), 600);
    }

    #[test]
    fn time_already_paid_elsewhere_is_taken_out() {
        // Two assignments heartbeated over the same 24 s: the second is paid nothing.
        let a = [(t(0), t(0) + Duration::seconds(24))];
        assert_eq!(unpaid(&a, &a), vec![]);
        // Partial overlaps leave the uncovered parts, merged where they touch.
        let own = [(t(0), t(10)), (t(10), t(20)), (t(30), t(40))];
        let paid = [(t(5), t(12)), (t(35), t(50))];
        assert_eq!(
            unpaid(&own, &paid),
            vec![(t(0), t(5)), (t(12), t(20)), (t(30), t(35))]
        );
        assert_eq!(unpaid(&own, &[]), vec![(t(0), t(20)), (t(30), t(40))]);
    }

    #[test]
    fn a_cap_pays_the_first_seconds() {
        let spans = [(t(0), t(10)), (t(20), t(30))];
        assert_eq!(
            first_seconds(&spans, 900),
            vec![(t(0), t(10)), (t(20), t(25))]
        );
        assert_eq!(first_seconds(&spans, 0), vec![]);
        assert_eq!(measured_seconds(&first_seconds(&spans, 5000)), 1200);
    }

    proptest! {
        /// However sessions of several assignments overlap, paying each one its unpaid part
        /// in turn pays exactly the union of all of them: every second once.
        #[test]
        fn paying_in_turn_pays_the_union(raw in proptest::collection::vec(
            proptest::collection::vec((0i64..600, 1i64..120), 0..6), 1..5)) {
            let assignments: Vec<Vec<Span>> = raw
                .iter()
                .map(|v| v.iter().map(|(s, l)| (t(0) + Duration::seconds(*s), t(0) + Duration::seconds(s + l))).collect())
                .collect();
            let mut paid: Vec<Span> = Vec::new();
            let mut total = 0;
            for own in &assignments {
                let mine = unpaid(own, &paid);
                total += measured_seconds(&mine);
                paid.extend(mine);
            }
            let all: Vec<Span> = assignments.concat();
            let union = unpaid(&all, &[]);
            prop_assert_eq!(total, measured_seconds(&union));
        }

        /// Replaying beats never adds time: a session only grows to a later beat.
        #[test]
        fn sessions_never_exceed_the_span_of_the_beats(mut beats in proptest::collection::vec(0i64..240, 1..40)) {
            beats.sort_unstable();
            let idle = Duration::minutes(5);
            let mut sessions: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
            for b in &beats {
                match beat(sessions.last().copied(), t(*b), idle) {
                    Beat::Start => sessions.push((t(*b), t(*b))),
                    Beat::Extend => if let Some(s) = sessions.last_mut() { s.1 = t(*b) },
                    Beat::Ignore => {}
                }
            }
            let span = (t(*beats.last().unwrap()) - t(beats[0])).num_seconds();
            prop_assert!(active_seconds(&sessions, i64::MAX) <= span);
            for w in sessions.windows(2) {
                prop_assert!(w[1].0 - w[0].1 > idle);
            }
        }
    }
}
