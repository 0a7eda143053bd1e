//! Coverage of a capacity request per UTC day: requested versus booked minutes. Pure code.
//!
//! The request's minutes are spread over its window in proportion to each day's share of
//! the window (a request for 40 hours over five whole days asks for 8 hours a day);
//! shifts count on the days they cover (a shift across midnight counts on both).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::availability::Interval;

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = CoverageDay)]
pub struct Day {
    /// The UTC date.
    pub date: NaiveDate,
    /// This day's share of the requested minutes (rounded to whole minutes).
    pub requested_minutes: i64,
    /// Minutes of confirmed shifts.
    pub confirmed_minutes: i64,
    /// Minutes of shifts offered and not yet confirmed.
    pub offered_minutes: i64,
}

fn overlap_secs(a: Interval, b: Interval) -> i64 {
    (a.end.min(b.end) - a.start.max(b.start))
        .num_seconds()
        .max(0)
}

/// Per-day coverage of `window` needing `minutes`, given (interval, confirmed?) shifts.
pub fn per_day(window: Interval, minutes: i64, shifts: &[(Interval, bool)]) -> Vec<Day> {
    let total = window.seconds().max(1) as f64;
    let mut out = Vec::new();
    let mut date = window.start.date_naive();
    loop {
        let start: DateTime<Utc> = date.and_time(NaiveTime::MIN).and_utc();
        if start >= window.end {
            break;
        }
        let day = Interval {
            start,
            end: start + Duration::days(1),
        };
        let share = overlap_secs(day, window) as f64 / total;
        let mut confirmed = 0;
        let mut offered = 0;
        for (s, is_confirmed) in shifts {
            let secs = overlap_secs(day, *s);
            if *is_confirmed {
                confirmed += secs;
            } else {
                offered += secs;
            }
        }
        out.push(Day {
            date,
            requested_minutes: (minutes as f64 * share).round() as i64,
            confirmed_minutes: confirmed / 60,
            offered_minutes: offered / 60,
        });
        date += Duration::days(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
    }

    #[test]
    fn requested_minutes_spread_by_each_days_share_and_shifts_split_at_midnight() {
        let window = Interval::new(at(9, 12), at(11, 12)).unwrap();
        let shifts = [
            (Interval::new(at(9, 22), at(10, 2)).unwrap(), true),
            (Interval::new(at(10, 9), at(10, 10)).unwrap(), false),
        ];
        let days = per_day(window, 960, &shifts);
        assert_eq!(days.len(), 3);
        assert_eq!(
            days.iter().map(|d| d.requested_minutes).collect::<Vec<_>>(),
            [240, 480, 240]
        );
        assert_eq!(days[0].confirmed_minutes, 120);
        assert_eq!(days[1].confirmed_minutes, 120);
        assert_eq!(days[1].offered_minutes, 60);
        assert_eq!(days[2].confirmed_minutes + days[2].offered_minutes, 0);
    }
}
