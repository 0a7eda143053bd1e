//! The one source of time. Every "now" in Cadre comes from an injected [`Clock`]:
//! the system clock in production, a [`ManualClock`] in tests, so deadlines, expiry,
//! token lifetimes and backoff are tested by moving time, never by sleeping.
//!
//! All instants are UTC and truncated to whole microseconds, the precision both
//! PostgreSQL and SQLite store, so a value read back equals the value written.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, DurationRound, NaiveDateTime, TimeDelta, Utc};

pub trait Clock: Send + Sync + 'static {
    /// Current instant, UTC, truncated to microseconds.
    fn now(&self) -> DateTime<Utc>;

    /// Current instant as the naive UTC value stored in `TIMESTAMP` columns.
    fn now_naive(&self) -> NaiveDateTime {
        self.now().naive_utc()
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// Truncates to microsecond precision (what both databases store).
pub fn truncate_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::microseconds(1)).unwrap_or(t)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        truncate_micros(Utc::now())
    }
}

/// A clock that only moves when told to. Used by the test harness.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(truncate_micros(start)),
        }
    }

    pub fn set(&self, t: DateTime<Utc>) {
        *self.lock() = truncate_micros(t);
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.lock();
        *now = truncate_micros(*now + by);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A poisoned lock only means another thread panicked mid-test; the value is still valid.
        self.now.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

/// Monday 00:00 UTC of the week holding `t`: the weeks that shift caps and timesheets use
/// (Monday 00:00 to the next Monday 00:00, UTC).
pub fn week_of(t: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{Datelike, NaiveTime};
    let d = t.date_naive() - Duration::days(i64::from(t.weekday().num_days_from_monday()));
    d.and_time(NaiveTime::MIN).and_utc()
}

/// Converts a stored naive UTC timestamp to an aware one.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::minutes(90));
        assert_eq!(clock.now(), start + Duration::minutes(90));
    }

    #[test]
    fn times_are_truncated_to_microseconds() {
        let t = Utc.timestamp_opt(1_700_000_000, 123_456_789).unwrap();
        let clock = ManualClock::new(t);
        assert_eq!(clock.now().timestamp_subsec_nanos(), 123_456_000);
        assert!(
            SystemClock
                .now()
                .timestamp_subsec_nanos()
                .is_multiple_of(1_000)
        );
    }
}
