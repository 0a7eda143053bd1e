//! Routing keys: each drawn standing carries `score_bound = w_perf·θ − w_load·open/cap`,
//! the order in which the candidate read finds experts. This module computes keys from the
//! routing settings and the expert's load; the standings store keeps them and the experts
//! store keeps the open-assignment counts (the lock order: experts before standings).

use chrono::{DateTime, Utc};
use diesel::QueryResult;

use super::decide::{self, Weights};
use crate::config::RoutingSettings;
use crate::db::DbConn;

/// The routing weights as the candidate table's keys use them.
pub fn weights(r: &RoutingSettings) -> Weights {
    Weights {
        perf: r.weight_performance,
        load: r.weight_load,
        cost: r.weight_cost,
        shift: r.weight_on_shift,
    }
}

/// Counts one more open assignment for the expert if they are below the cap (the
/// conditional update that keeps concurrent routing within the cap). The caller moves
/// their candidate keys to the new load ([`refresh_keys`]) once it has reserved every
/// expert it needs (experts before standings: the lock order).
pub fn reserve(conn: &mut DbConn, expert: &str, r: &RoutingSettings) -> QueryResult<bool> {
    crate::experts::take_slot(conn, expert, r.max_open_assignments)
}

/// Counts one open assignment fewer (submitted, declined or expired) and moves the
/// expert's keys to the new load.
pub fn release(conn: &mut DbConn, expert: &str, r: &RoutingSettings) -> QueryResult<()> {
    if crate::experts::free_slot(conn, expert)? {
        refresh_keys(conn, expert, r)?;
    }
    Ok(())
}

/// [`release`] for several experts at once, in the lock order: every expert's count first
/// (in expert id order), then their keys. Returns the experts whose slot was freed, in id
/// order (an expert named twice frees two slots).
pub fn release_all(
    conn: &mut DbConn,
    experts: &[&str],
    r: &RoutingSettings,
) -> QueryResult<Vec<String>> {
    let mut sorted = experts.to_vec();
    sorted.sort_unstable();
    let mut freed: Vec<String> = Vec::new();
    for expert in sorted {
        if crate::experts::free_slot(conn, expert)? && freed.last().is_none_or(|l| l != expert) {
            freed.push(expert.to_owned());
        }
    }
    for expert in &freed {
        refresh_keys(conn, expert, r)?;
    }
    Ok(freed)
}

/// Recomputes the routing keys of the expert's drawn standings at their current load.
pub fn refresh_keys(conn: &mut DbConn, expert: &str, r: &RoutingSettings) -> QueryResult<()> {
    let open = crate::experts::open_count(conn, expert)?;
    refresh_keys_at(conn, expert, open, r)
}

/// Moves the routing keys of the expert's drawn standings to `open` (their current load,
/// read by the caller).
pub fn refresh_keys_at(
    conn: &mut DbConn,
    expert: &str,
    open: i32,
    r: &RoutingSettings,
) -> QueryResult<()> {
    let w = weights(r);
    let penalty = decide::routing_key(w, 0.0, i64::from(open), r.max_open_assignments);
    crate::standings::rekey(conn, &[expert], w.perf, penalty)
}

/// Recomputes every routing key from the stored samples (at start-up: the weights or the
/// cap may have changed since the keys were written).
pub fn rebuild_keys(conn: &mut DbConn, r: &RoutingSettings) -> QueryResult<()> {
    let mut by_open: std::collections::BTreeMap<i32, Vec<String>> = Default::default();
    for (id, open) in crate::experts::all_open_counts(conn)? {
        by_open.entry(open).or_default().push(id);
    }
    let w = weights(r);
    for (open, ids) in by_open {
        let penalty = decide::routing_key(w, 0.0, i64::from(open), r.max_open_assignments);
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        crate::standings::rekey(conn, &ids, w.perf, penalty)?;
    }
    Ok(())
}

/// The open-assignment counts of these experts (one read for a decision's standings pass).
pub fn opens_of(
    conn: &mut DbConn,
    ids: &[&str],
) -> QueryResult<std::collections::HashMap<String, i32>> {
    crate::experts::open_counts(conn, ids)
}

/// Stores a drawn sample and its key at the expert's load `open` (read by the caller).
pub fn set_theta_at(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
    theta: f64,
    open: i32,
    now: DateTime<Utc>,
    r: &RoutingSettings,
) -> QueryResult<()> {
    let key = decide::routing_key(weights(r), theta, i64::from(open), r.max_open_assignments);
    crate::standings::set_sample(conn, expert, slice, theta, key, now)
}

/// Drops up to `limit` samples drawn before `before`, oldest first; returns how many.
pub fn expire_draws(conn: &mut DbConn, before: DateTime<Utc>, limit: i64) -> QueryResult<usize> {
    crate::standings::expire_samples(conn, before, limit)
}
