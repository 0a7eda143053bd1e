//! Work sessions (DESIGN "Money rules"): an accepted assignment's time is the intervals
//! covered by heartbeats, from `accept` to `submit`; a gap between beats longer than the
//! idle limit ends a session and the next beat starts a new one; the total is capped per
//! item. Pure logic, no I/O.

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

    proptest! {
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
