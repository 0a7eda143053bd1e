//! On-time resolution per slice of a project (the project quality endpoint, README
//! "Deadlines"): of the items resolved in the window, the share resolved at or before
//! their deadline, and the 50th and 90th percentiles of the time from ingestion to
//! resolution (nearest rank: the smallest time at least p % of the items took no longer
//! than). One indexed read of the window's resolved items per request.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::SliceId;

/// One slice's deadline record over the window.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SliceTimeliness {
    pub slice_id: SliceId,
    /// Items of the slice resolved in the window.
    pub resolved: i64,
    /// Of those, resolved at or before their deadline.
    pub resolved_on_time: i64,
    /// `resolved_on_time / resolved`; null when nothing resolved.
    pub on_time_rate: Option<f64>,
    /// Median seconds from ingestion to resolution (nearest rank); null when nothing
    /// resolved.
    pub p50_seconds_to_resolution: Option<i64>,
    /// 90th percentile of the seconds from ingestion to resolution (nearest rank).
    pub p90_seconds_to_resolution: Option<i64>,
}

/// The nearest-rank `p`-th percentile of sorted values.
fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank.min(sorted.len()) - 1).copied()
}

/// One slice's figures from (seconds to resolution, on time) pairs.
fn summarise(slice: String, mut times: Vec<i64>, on_time: i64) -> SliceTimeliness {
    times.sort_unstable();
    let n = times.len() as i64;
    SliceTimeliness {
        slice_id: SliceId::from_db(slice),
        resolved: n,
        resolved_on_time: on_time,
        on_time_rate: (n > 0).then(|| on_time as f64 / n as f64),
        p50_seconds_to_resolution: percentile(&times, 50.0),
        p90_seconds_to_resolution: percentile(&times, 90.0),
    }
}

/// The project's timeliness per slice in `slices` (in that order) over the `days` before
/// `now`.
pub fn project_timeliness(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    org: &str,
    project: &str,
    slices: &[String],
    days: i64,
) -> AppResult<Vec<SliceTimeliness>> {
    let since = (now - Duration::days(days)).naive_utc();
    let mut by_slice: BTreeMap<String, (Vec<i64>, i64)> = BTreeMap::new();
    for (slice, created, resolved, deadline) in
        super::queries::resolved_times(conn, org, project, since)?
    {
        let e = by_slice.entry(slice).or_default();
        e.0.push((resolved - created).num_seconds().max(0));
        if resolved <= deadline {
            e.1 += 1;
        }
    }
    Ok(slices
        .iter()
        .map(|s| {
            let (times, on_time) = by_slice.remove(s).unwrap_or_default();
            summarise(s.clone(), times, on_time)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<i64> = (1..=10).map(|x| x * 60).collect();
        assert_eq!(percentile(&v, 50.0), Some(300));
        assert_eq!(percentile(&v, 90.0), Some(540));
        assert_eq!(percentile(&[7], 90.0), Some(7));
        assert_eq!(percentile(&[], 50.0), None);
        let s = summarise("sl_x".into(), vec![30, 10, 20], 2);
        assert_eq!(s.resolved, 3);
        assert_eq!(s.on_time_rate, Some(2.0 / 3.0));
        assert_eq!(s.p50_seconds_to_resolution, Some(20));
        assert_eq!(s.p90_seconds_to_resolution, Some(30));
        let none = summarise("sl_y".into(), vec![], 0);
        assert_eq!(none.on_time_rate, None);
    }
}
