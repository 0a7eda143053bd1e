//! Expanding an expert's availability — weekly rules in their IANA time zone plus dated
//! exceptions — into UTC intervals. Pure code.
//!
//! **Semantics: wall-clock time.** A rule "Monday 18:00–22:00" means every instant at which
//! the expert's wall clock shows a Monday time in [18:00, 22:00). So the rule stays
//! 18:00–22:00 local on both sides of a daylight-saving change (its UTC times move by the
//! offset change), and the two awkward cases follow from the definition, without special
//! cases:
//!
//! * **Nonexistent local times** (the clock jumps forward, e.g. 02:00 → 03:00 in New York
//!   on the second Sunday of March): the skipped times never show on the clock, so they are
//!   never available. A rule 02:30–04:00 that night covers 03:00–04:00 (one hour); a rule
//!   entirely inside the gap covers nothing that night.
//! * **Repeated local times** (the clock falls back, e.g. 02:00 → 01:00 in November): the
//!   repeated times show twice, so both occurrences are available. A rule 01:00–03:00 that
//!   night covers three real hours; a rule 01:15–01:45 covers two separate half hours.
//!
//! Offsets come from chrono-tz's IANA database. The expansion finds each offset change in
//! the window exactly (to the second) and maps the wall-clock range through every constant
//! offset piece, which handles any zone (half-hour offsets, Lord Howe's 30-minute DST)
//! the same way.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// A half-open UTC interval [start, end).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Option<Interval> {
        (start < end).then_some(Interval { start, end })
    }

    pub fn seconds(&self) -> i64 {
        (self.end - self.start).num_seconds()
    }
}

/// A weekly rule: on `weekday`, from `start` to `end` local time. An `end` at or before
/// `start` runs past midnight into the next day (22:00–02:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyRule {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// A dated exception in local time: time off, or extra hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    pub available: bool,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct Availability {
    pub tz: Tz,
    pub rules: Vec<WeeklyRule>,
    pub exceptions: Vec<Exception>,
}

fn offset_secs(tz: Tz, t: DateTime<Utc>) -> i64 {
    i64::from(
        tz.offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc(),
    )
}

/// Pieces of [from, to) with a constant UTC offset: (start, end, offset seconds).
/// Samples every 30 minutes and bisects each change to the second (no zone changes its
/// offset twice within 30 minutes).
pub fn offset_pieces(
    tz: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>, i64)> {
    let step = Duration::minutes(30);
    let mut out = Vec::new();
    let mut piece_start = from;
    let mut off = offset_secs(tz, from);
    let mut t = from;
    while t < to {
        let next = (t + step).min(to);
        let next_off = offset_secs(tz, next);
        if next_off != off && next < to {
            // The change lies in (t, next]: bisect to the first second with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_secs(tz, mid) == off {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push((piece_start, hi, off));
            piece_start = hi;
            off = offset_secs(tz, hi);
        }
        t = next;
    }
    if piece_start < to {
        out.push((piece_start, to, off));
    }
    out
}

/// Every instant whose wall-clock time in `tz` lies in [start, end), as UTC intervals.
pub fn wall_clock_range(tz: Tz, start: NaiveDateTime, end: NaiveDateTime) -> Vec<Interval> {
    if start >= end {
        return Vec::new();
    }
    // Offsets lie within ±15 h; look a little wider. Times at the edge of what chrono can
    // represent have no room for that and are treated as never available.
    let margin = Duration::hours(16);
    let (Some(from), Some(to)) = (
        Utc.from_utc_datetime(&start).checked_sub_signed(margin),
        Utc.from_utc_datetime(&end).checked_add_signed(margin),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (a, b, off) in offset_pieces(tz, from, to) {
        let s = Utc.from_utc_datetime(&start) - Duration::seconds(off);
        let e = Utc.from_utc_datetime(&end) - Duration::seconds(off);
        if let Some(i) = Interval::new(s.max(a), e.min(b)) {
            out.push(i);
        }
    }
    normalize(out)
}

/// Sorted, merged (touching intervals join), empty ones dropped.
pub fn normalize(mut v: Vec<Interval>) -> Vec<Interval> {
    v.retain(|i| i.start < i.end);
    v.sort();
    let mut out: Vec<Interval> = Vec::with_capacity(v.len());
    for i in v {
        match out.last_mut() {
            Some(last) if i.start <= last.end => last.end = last.end.max(i.end),
            _ => out.push(i),
        }
    }
    out
}

/// `a` minus `b` (both normalised).
pub fn subtract(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::new();
    for i in a {
        let mut pieces = vec![*i];
        for j in b {
            let mut next = Vec::new();
            for p in pieces {
                if j.end <= p.start || j.start >= p.end {
                    next.push(p);
                    continue;
                }
                if let Some(l) = Interval::new(p.start, j.start) {
                    next.push(l);
                }
                if let Some(r) = Interval::new(j.end, p.end) {
                    next.push(r);
                }
            }
            pieces = next;
        }
        out.extend(pieces);
    }
    normalize(out)
}

/// The intersection of two normalised lists.
pub fn intersect(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::new();
    for i in a {
        for j in b {
            if let Some(x) = Interval::new(i.start.max(j.start), i.end.min(j.end)) {
                out.push(x);
            }
        }
    }
    normalize(out)
}

/// The first instant in [from, to) at which the expert is available and not `busy`
/// (normalised), if any. Expands a week at a time and stops at the first week with free
/// time, so a far deadline costs no more than the weeks up to the expert's next free time.
pub fn first_available(
    av: &Availability,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    busy: &[Interval],
) -> Option<DateTime<Utc>> {
    let mut start = from;
    while start < to {
        let end = (start + Duration::days(7)).min(to);
        if let Some(i) = subtract(&expand(av, start, end), busy).first() {
            return Some(i.start);
        }
        start = end;
    }
    None
}

/// When the expert is available within [from, to), as sorted, merged UTC intervals:
/// the weekly rules, plus `available` exceptions, minus `unavailable` ones (time off wins
/// over extra hours where both cover the same time).
pub fn expand(av: &Availability, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Interval> {
    if from >= to {
        return Vec::new();
    }
    // Local dates that can touch the window (a rule may run past midnight).
    let first = from.with_timezone(&av.tz).date_naive() - Duration::days(1);
    let last = to.with_timezone(&av.tz).date_naive() + Duration::days(1);
    let mut found = Vec::new();
    let mut day: NaiveDate = first;
    while day <= last {
        for r in av.rules.iter().filter(|r| r.weekday == day.weekday()) {
            let start = day.and_time(r.start);
            let end = if r.end > r.start {
                day.and_time(r.end)
            } else {
                (day + Duration::days(1)).and_time(r.end)
            };
            found.extend(wall_clock_range(av.tz, start, end));
        }
        day += Duration::days(1);
    }
    // Only exceptions that can touch the window (local dates first..=last) count.
    let lo = first.and_time(NaiveTime::MIN);
    let hi = (last + Duration::days(1)).and_time(NaiveTime::MIN);
    let relevant = |x: &&Exception| x.end > lo && x.start < hi;
    for x in av
        .exceptions
        .iter()
        .filter(relevant)
        .filter(|x| x.available)
    {
        found.extend(wall_clock_range(av.tz, x.start.max(lo), x.end.min(hi)));
    }
    let mut off = Vec::new();
    for x in av
        .exceptions
        .iter()
        .filter(relevant)
        .filter(|x| !x.available)
    {
        off.extend(wall_clock_range(av.tz, x.start.max(lo), x.end.min(hi)));
    }
    let window = [Interval {
        start: from,
        end: to,
    }];
    intersect(&subtract(&normalize(found), &normalize(off)), &window)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn iv(a: &str, b: &str) -> Interval {
        Interval::new(utc(a), utc(b)).unwrap()
    }

    fn weekly(tz: Tz, rules: &[(Weekday, NaiveTime, NaiveTime)]) -> Availability {
        Availability {
            tz,
            rules: rules
                .iter()
                .map(|&(weekday, start, end)| WeeklyRule {
                    weekday,
                    start,
                    end,
                })
                .collect(),
            exceptions: Vec::new(),
        }
    }

    #[test]
    fn berlin_evenings_stay_local_across_the_spring_change() {
        // Mon–Thu 18:00–22:00 Europe/Berlin; DST starts Sunday 2026-03-29.
        let av = weekly(
            chrono_tz::Europe::Berlin,
            &[
                (Weekday::Mon, hm(18, 0), hm(22, 0)),
                (Weekday::Thu, hm(18, 0), hm(22, 0)),
            ],
        );
        let got = expand(
            &av,
            utc("2026-03-23T00:00:00Z"),
            utc("2026-04-03T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![
                iv("2026-03-23T17:00:00Z", "2026-03-23T21:00:00Z"), // CET, +1
                iv("2026-03-26T17:00:00Z", "2026-03-26T21:00:00Z"),
                iv("2026-03-30T16:00:00Z", "2026-03-30T20:00:00Z"), // CEST, +2
                iv("2026-04-02T16:00:00Z", "2026-04-02T20:00:00Z"),
            ]
        );
    }

    #[test]
    fn new_york_rule_in_the_spring_gap_keeps_only_existing_times() {
        // Sunday 2026-03-08: 02:00 EST → 03:00 EDT. 02:30 does not exist.
        let av = weekly(
            chrono_tz::America::New_York,
            &[(Weekday::Sun, hm(2, 30), hm(4, 0))],
        );
        let got = expand(
            &av,
            utc("2026-03-01T00:00:00Z"),
            utc("2026-03-16T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![
                iv("2026-03-01T07:30:00Z", "2026-03-01T09:00:00Z"), // EST: 1.5 h
                iv("2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"), // 03:00–04:00 EDT: 1 h
                iv("2026-03-15T06:30:00Z", "2026-03-15T08:00:00Z"), // EDT: 1.5 h
            ]
        );
        // Entirely inside the gap: nothing that night, 30 minutes the weeks around it.
        let inside = weekly(
            chrono_tz::America::New_York,
            &[(Weekday::Sun, hm(2, 15), hm(2, 45))],
        );
        let got = expand(
            &inside,
            utc("2026-03-07T00:00:00Z"),
            utc("2026-03-09T00:00:00Z"),
        );
        assert_eq!(got, vec![]);
    }

    #[test]
    fn new_york_repeated_hour_counts_both_occurrences() {
        // Sunday 2026-11-01: 02:00 EDT → 01:00 EST. 01:00–03:00 local is three real hours.
        let av = weekly(
            chrono_tz::America::New_York,
            &[(Weekday::Sun, hm(1, 0), hm(3, 0))],
        );
        let got = expand(
            &av,
            utc("2026-11-01T00:00:00Z"),
            utc("2026-11-02T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![iv("2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z")]
        );
        // A range inside the repeated hour shows twice.
        let twice = weekly(
            chrono_tz::America::New_York,
            &[(Weekday::Sun, hm(1, 15), hm(1, 45))],
        );
        let got = expand(
            &twice,
            utc("2026-11-01T00:00:00Z"),
            utc("2026-11-02T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![
                iv("2026-11-01T05:15:00Z", "2026-11-01T05:45:00Z"),
                iv("2026-11-01T06:15:00Z", "2026-11-01T06:45:00Z"),
            ]
        );
    }

    #[test]
    fn sydney_changes_the_other_way_round() {
        // Australia/Sydney: DST ends Sunday 2026-04-05 (03:00 AEDT → 02:00 AEST) and starts
        // Sunday 2026-10-04 (02:00 AEST → 03:00 AEDT). Sundays 09:00–12:00.
        let av = weekly(
            chrono_tz::Australia::Sydney,
            &[(Weekday::Sun, hm(9, 0), hm(12, 0))],
        );
        let got = expand(
            &av,
            utc("2026-03-28T00:00:00Z"),
            utc("2026-04-06T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![
                iv("2026-03-28T22:00:00Z", "2026-03-29T01:00:00Z"), // AEDT +11
                iv("2026-04-04T23:00:00Z", "2026-04-05T02:00:00Z"), // AEST +10
            ]
        );
        // The October gap: a 02:00–03:30 rule covers only 03:00–03:30 that night.
        let gap = weekly(
            chrono_tz::Australia::Sydney,
            &[(Weekday::Sun, hm(2, 0), hm(3, 30))],
        );
        let got = expand(
            &gap,
            utc("2026-10-03T00:00:00Z"),
            utc("2026-10-05T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![iv("2026-10-03T16:00:00Z", "2026-10-03T16:30:00Z")]
        );
    }

    #[test]
    fn first_available_looks_week_by_week_and_far_exceptions_are_ignored_safely() {
        let mut av = weekly(
            chrono_tz::Europe::Berlin,
            &[(Weekday::Sat, hm(9, 0), hm(13, 0))],
        );
        // Time off the whole first Saturday; an absurd exception far away changes nothing.
        av.exceptions.push(Exception {
            available: false,
            start: local("2026-03-07 00:00"),
            end: local("2026-03-08 00:00"),
        });
        av.exceptions.push(Exception {
            available: true,
            start: NaiveDate::MAX.and_time(NaiveTime::MIN),
            end: NaiveDateTime::MAX,
        });
        let from = utc("2026-03-02T09:00:00Z");
        // The second Saturday, 09:00 Berlin (UTC+1).
        assert_eq!(
            first_available(&av, from, utc("2026-04-01T00:00:00Z"), &[]),
            Some(utc("2026-03-14T08:00:00Z"))
        );
        assert_eq!(
            first_available(&av, from, utc("2026-03-14T08:00:00Z"), &[]),
            None
        );
        // Busy for the first hour of it: free from 09:00 UTC.
        let busy = [iv("2026-03-14T08:00:00Z", "2026-03-14T09:00:00Z")];
        assert_eq!(
            first_available(&av, from, utc("2026-04-01T00:00:00Z"), &busy),
            Some(utc("2026-03-14T09:00:00Z"))
        );
        assert!(wall_clock_range(av.tz, av.exceptions[1].start, av.exceptions[1].end).is_empty());
    }

    #[test]
    fn overnight_rules_exceptions_and_the_window() {
        // Friday 22:00–02:00 in London (UTC+0 in January); time off on one Friday night,
        // extra hours on a Saturday afternoon.
        let mut av = weekly(
            chrono_tz::Europe::London,
            &[(Weekday::Fri, hm(22, 0), hm(2, 0))],
        );
        av.exceptions = vec![
            Exception {
                available: false,
                start: local("2026-01-16 23:00"),
                end: local("2026-01-17 01:00"),
            },
            Exception {
                available: true,
                start: local("2026-01-17 14:00"),
                end: local("2026-01-17 16:00"),
            },
        ];
        let got = expand(
            &av,
            utc("2026-01-09T23:00:00Z"),
            utc("2026-01-18T00:00:00Z"),
        );
        assert_eq!(
            got,
            vec![
                iv("2026-01-09T23:00:00Z", "2026-01-10T02:00:00Z"), // clipped to the window
                iv("2026-01-16T22:00:00Z", "2026-01-16T23:00:00Z"),
                iv("2026-01-17T01:00:00Z", "2026-01-17T02:00:00Z"),
                iv("2026-01-17T14:00:00Z", "2026-01-17T16:00:00Z"),
            ]
        );
    }

    #[test]
    fn offset_pieces_find_the_change_to_the_second() {
        let p = offset_pieces(
            chrono_tz::Europe::Berlin,
            utc("2026-10-24T00:00:00Z"),
            utc("2026-10-26T00:00:00Z"),
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1, utc("2026-10-25T01:00:00Z"));
        assert_eq!((p[0].2, p[1].2), (7200, 3600));
    }

    const ZONES: [Tz; 4] = [
        chrono_tz::America::New_York,
        chrono_tz::Europe::Berlin,
        chrono_tz::Australia::Sydney,
        chrono_tz::Australia::Lord_Howe,
    ];

    proptest! {
        /// Every available instant shows a wall-clock time inside a rule of its weekday, and
        /// (sampled every 5 minutes) every instant that does is available.
        #[test]
        fn expansion_is_exactly_the_wall_clock_rule(
            zone in 0usize..4,
            day in 0i64..730,
            sh in 0u32..24, sm in prop::sample::select(vec![0u32, 15, 30, 45]),
            len in 15i64..600,
        ) {
            let tz = ZONES[zone];
            let start = hm(sh, sm);
            let end = start + Duration::minutes(len);
            let wd = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day)).weekday();
            let av = weekly(tz, &[(wd, start, end)]);
            let from = utc("2026-01-01T00:00:00Z") + Duration::days(day) - Duration::days(1);
            let to = from + Duration::days(3);
            let got = expand(&av, from, to);
            let inside = |t: DateTime<Utc>| {
                let l = t.with_timezone(&tz).naive_local();
                let d = l.date();
                [d, d - Duration::days(1)].iter().any(|d| {
                    d.weekday() == wd && {
                        let s = d.and_time(start);
                        let e = if end > start { d.and_time(end) } else { (*d + Duration::days(1)).and_time(end) };
                        l >= s && l < e
                    }
                })
            };
            let mut t = from;
            while t < to {
                let covered = got.iter().any(|i| i.start <= t && t < i.end);
                prop_assert_eq!(covered, inside(t), "{} at {}", tz, t);
                t += Duration::minutes(5);
            }
            for w in got.windows(2) {
                prop_assert!(w[0].end < w[1].start, "not merged: {:?}", w);
            }
        }
    }
}
