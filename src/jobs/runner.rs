//! The job worker: claims due jobs of its queues and runs their handlers.
//!
//! The runner is generic over the application's context `C` and dispatches through a
//! [`JobRegistry`]; it knows no job. `serve` runs one [`JobRunner`] per queue in the
//! background ([`JobRunner::run`]); the test harness calls [`JobRunner::drain`] instead,
//! which runs every job due at the injected clock's current time and returns, so retries
//! are tested by advancing time.
//!
//! While a handler runs its lease is renewed every third of `jobs.lease_secs` (real time),
//! and handlers can renew it explicitly ([`super::JobContext::renew`]), so a job is never
//! claimed by a second runner while its first one is alive. On shutdown a runner stops
//! claiming at once and gives a running job `jobs.shutdown_grace_secs` to finish; after
//! that it gives up on it (its lease expires and another node runs it again).

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tokio::sync::watch;

use super::Queue;
use super::registry::{JobContext, JobRegistry, Lease};
use super::store::{self, JobRow};
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::{Db, DbUnavailable};

/// How one claimed job ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    Succeeded,
    Retrying {
        at: DateTime<Utc>,
    },
    Dead,
    /// The lease was lost to another worker before the result was recorded.
    LeaseLost,
}

pub struct JobRunner<C> {
    db: Db,
    clock: SharedClock,
    settings: Arc<Settings>,
    registry: Arc<JobRegistry<C>>,
    env: Arc<C>,
    queues: Vec<&'static str>,
    worker_id: String,
}

impl<C> Clone for JobRunner<C> {
    fn clone(&self) -> Self {
        Self {
            db: self.db.clone(),
            clock: self.clock.clone(),
            settings: self.settings.clone(),
            registry: self.registry.clone(),
            env: self.env.clone(),
            queues: self.queues.clone(),
            worker_id: self.worker_id.clone(),
        }
    }
}

/// Wait before retry number `attempt` (1-based): base × 2^(attempt−1), capped.
pub fn backoff(attempt: i32, base_secs: i64, max_secs: i64) -> Duration {
    let exp = attempt.saturating_sub(1).clamp(0, 30) as u32;
    let secs = base_secs.saturating_mul(1i64 << exp).min(max_secs);
    Duration::seconds(secs)
}

/// Resolves when `stop` says true or its sender is gone.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

impl<C: Send + Sync + 'static> JobRunner<C> {
    /// A runner of `queues` with its own worker id; `env` is what handlers get as
    /// [`JobContext::env`].
    pub fn new(
        db: Db,
        clock: SharedClock,
        settings: Arc<Settings>,
        registry: Arc<JobRegistry<C>>,
        env: Arc<C>,
        queues: &[Queue],
    ) -> Self {
        let worker_id = format!("{}-{:08x}", std::process::id(), rand::random::<u32>());
        Self {
            db,
            clock,
            settings,
            registry,
            env,
            queues: queues.iter().map(|q| q.as_str()).collect(),
            worker_id,
        }
    }

    pub fn worker_id(&self) -> &str {
        &self.worker_id
    }

    fn lease_duration(&self) -> Duration {
        Duration::seconds(self.settings.jobs.lease_secs)
    }

    /// Claims and runs at most one due job. `Ok(None)` when nothing is due.
    pub async fn run_once(&self) -> Result<Option<(JobRow, JobOutcome)>, DbUnavailable> {
        let Some(job) = self.claim().await? else {
            return Ok(None);
        };
        let outcome = self.run_claimed(&job).await?;
        Ok(Some((job, outcome)))
    }

    /// Fires the due schedules of this runner's recurring jobs, then claims one due job.
    async fn claim(&self) -> Result<Option<JobRow>, DbUnavailable> {
        let now = self.clock.now();
        let lease = self.lease_duration();
        let queues = self.queues.clone();
        let worker = self.worker_id.clone();
        let max_attempts = self.settings.jobs.max_attempts;
        let recurring: Vec<super::schedule::Recurring> = self
            .registry
            .recurring()
            .filter(|j| queues.contains(&j.queue().as_str()))
            .filter_map(|j| {
                let period = j.period()?;
                Some(super::schedule::Recurring {
                    kind: j.kind(),
                    queue: j.queue(),
                    every: period(&self.settings),
                })
            })
            .collect();
        // Schedules fire in their own transaction: a failure there is logged and never
        // stops this runner from claiming the jobs already queued.
        if !recurring.is_empty() {
            let fired = self
                .db
                .read(move |conn| {
                    Ok::<_, DbUnavailable>(crate::db::write_tx(conn, |conn| {
                        super::schedule::fire_due(conn, now, &recurring)
                    }))
                })
                .await?;
            if let Err(e) = fired {
                tracing::error!(error = %format!("{e:#}"), "firing recurring job schedules failed");
            }
        }
        self.db
            .read(move |conn| {
                crate::db::write_tx(conn, |conn| {
                    store::claim(conn, &queues, &worker, now, lease, max_attempts)
                })
                .map_err(|e| DbUnavailable::from_query(&e))
            })
            .await
    }

    /// Runs a claimed job's handler (renewing its lease meanwhile) and records the result.
    async fn run_claimed(&self, job: &JobRow) -> Result<JobOutcome, DbUnavailable> {
        let lease = Lease {
            job_id: job.id.clone(),
            worker: self.worker_id.clone(),
            duration: self.lease_duration(),
        };
        let result = match self.registry.get(&job.kind) {
            None => Err(anyhow::anyhow!("no handler for job kind `{}`", job.kind)),
            Some(def) => {
                let ctx = JobContext::new(
                    self.db.clone(),
                    self.clock.clone(),
                    self.settings.clone(),
                    self.env.clone(),
                    lease.clone(),
                    job.attempts,
                );
                let work = ctx.run(def, job.payload.clone());
                self.keeping_lease(&lease, work).await
            }
        };
        let done_at = self.clock.now();
        let worker = self.worker_id.clone();
        let id = job.id.clone();
        let outcome = match result {
            Ok(()) => {
                let ok = self
                    .db
                    .read(move |conn| {
                        store::succeed(conn, &id, &worker, done_at)
                            .map_err(|e| DbUnavailable::from_query(&e))
                    })
                    .await?;
                tracing::info!(job = %job.id, kind = %job.kind, attempt = job.attempts, "job succeeded");
                if ok {
                    JobOutcome::Succeeded
                } else {
                    JobOutcome::LeaseLost
                }
            }
            Err(error) => {
                let message = format!("{error:#}");
                let s = &self.settings.jobs;
                let retry_at = (job.attempts < s.max_attempts).then(|| {
                    done_at + backoff(job.attempts, s.backoff_base_secs, s.backoff_max_secs)
                });
                tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, retry_at = ?retry_at, error = %message, "job failed");
                let ok = self
                    .db
                    .read(move |conn| {
                        store::fail(conn, &id, &worker, done_at, &message, retry_at)
                            .map_err(|e| DbUnavailable::from_query(&e))
                    })
                    .await?;
                match (ok, retry_at) {
                    (false, _) => JobOutcome::LeaseLost,
                    (true, Some(at)) => JobOutcome::Retrying { at },
                    (true, None) => JobOutcome::Dead,
                }
            }
        };
        Ok(outcome)
    }

    /// Polls the handler, renewing the lease every third of its length (real time): the
    /// handler may block on I/O, so renewal cannot wait for it.
    async fn keeping_lease(
        &self,
        lease: &Lease,
        work: super::registry::JobFuture,
    ) -> anyhow::Result<()> {
        let every = (self.lease_duration() / 3)
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(1))
            .max(std::time::Duration::from_millis(100));
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::pin!(work);
        loop {
            tokio::select! {
                result = &mut work => return result,
                _ = tick.tick() => {
                    if let Err(e) = lease.renew(&self.db, self.clock.now()).await {
                        tracing::error!(job = %lease.job_id, error = %e, "renewing a job lease failed");
                    }
                }
            }
        }
    }

    /// Runs every job that is due now (including ones made due by this run); returns them.
    pub async fn drain(&self) -> Result<Vec<(JobRow, JobOutcome)>, DbUnavailable> {
        let mut done = Vec::new();
        while let Some(one) = self.run_once().await? {
            done.push(one);
        }
        Ok(done)
    }

    /// The background loop used by `serve`: run jobs while any are due, else poll, until
    /// `stop` says true (or its sender is dropped). Stopping never waits for a claim or
    /// for the idle poll; a running job gets `jobs.shutdown_grace_secs` to finish, then it
    /// is abandoned (its lease expires and another worker runs it again). A claim cut short
    /// by the stop may still commit in the database; that job likewise waits for its lease.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let idle = std::time::Duration::from_millis(self.settings.jobs.poll_interval_ms);
        let grace = std::time::Duration::from_secs(self.settings.jobs.shutdown_grace_secs);
        loop {
            if *stop.borrow() {
                return;
            }
            let claimed = tokio::select! {
                biased;
                _ = stopped(&mut stop) => return,
                claimed = self.claim() => claimed,
            };
            let wait = match claimed {
                Ok(Some(job)) => {
                    let work = self.run_claimed(&job);
                    tokio::pin!(work);
                    let finished = tokio::select! {
                        r = &mut work => Some(r),
                        _ = stopped(&mut stop) => None,
                    };
                    let finished = match finished {
                        Some(r) => r,
                        None => match tokio::time::timeout(grace, &mut work).await {
                            Ok(r) => r,
                            Err(_) => {
                                tracing::warn!(
                                    job = %job.id,
                                    kind = %job.kind,
                                    grace_secs = grace.as_secs(),
                                    "shutting down with a job still running; its lease will expire and another worker will run it again"
                                );
                                return;
                            }
                        },
                    };
                    match finished {
                        Ok(_) => continue,
                        Err(e) => {
                            tracing::error!(error = %e, "job worker cannot reach the database");
                            idle * 5
                        }
                    }
                }
                Ok(None) => idle,
                Err(e) => {
                    tracing::error!(error = %e, "job worker cannot reach the database");
                    idle * 5
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = stopped(&mut stop) => return,
            }
        }
    }
}

impl DbUnavailable {
    pub fn from_query(e: &diesel::result::Error) -> Self {
        DbUnavailable::new(format!("query failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1, 30, 3600), Duration::seconds(30));
        assert_eq!(backoff(2, 30, 3600), Duration::seconds(60));
        assert_eq!(backoff(4, 30, 3600), Duration::seconds(240));
        assert_eq!(backoff(20, 30, 3600), Duration::seconds(3600));
        assert_eq!(backoff(i32::MAX, 30, 3600), Duration::seconds(3600));
    }
}
