//! The job worker: claims due jobs of its queues and runs their handlers.
//!
//! `serve` runs one [`JobRunner`] per queue in the background ([`JobRunner::run`]); the
//! test harness calls [`JobRunner::drain`] instead, which runs every job due at the
//! injected clock's current time and returns, so retries are tested by advancing time.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use lettre::message::Mailbox;

use super::Queue;
use super::store::{self, JobRow};
use crate::clock::SharedClock;
use crate::config::{JobSettings, Settings};
use crate::db::{Db, DbUnavailable};
use crate::mail::{Mailer, OutgoingEmail, SEND_EMAIL};

/// What job handlers may use.
pub struct JobEnv {
    pub mailer: Mailer,
    pub mail_from: Mailbox,
    pub settings: Arc<Settings>,
    pub webhooks: Arc<crate::webhooks::deliver::Deliverer>,
    /// The Stripe client when `payments.stripe.secret_key` is set.
    pub stripe: Option<crate::payments::stripe::StripeApi>,
}

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

#[derive(Clone)]
pub struct JobRunner {
    db: Db,
    clock: SharedClock,
    settings: JobSettings,
    env: Arc<JobEnv>,
    queues: Vec<&'static str>,
    worker_id: String,
}

/// Wait before retry number `attempt` (1-based): base × 2^(attempt−1), capped.
pub fn backoff(attempt: i32, base_secs: i64, max_secs: i64) -> Duration {
    let exp = attempt.saturating_sub(1).clamp(0, 30) as u32;
    let secs = base_secs.saturating_mul(1i64 << exp).min(max_secs);
    Duration::seconds(secs)
}

impl JobRunner {
    pub fn new(
        db: Db,
        clock: SharedClock,
        settings: JobSettings,
        env: Arc<JobEnv>,
        queues: &[Queue],
    ) -> Self {
        let worker_id = format!(
            "{}-{}",
            std::process::id(),
            crate::auth::tokens::random_secret()
                .get(..8)
                .unwrap_or("worker")
        );
        Self {
            db,
            clock,
            settings,
            env,
            queues: queues.iter().map(|q| q.as_str()).collect(),
            worker_id,
        }
    }

    pub fn worker_id(&self) -> &str {
        &self.worker_id
    }

    /// Claims and runs at most one due job. `Ok(None)` when nothing is due.
    pub async fn run_once(&self) -> Result<Option<(JobRow, JobOutcome)>, DbUnavailable> {
        let now = self.clock.now();
        let lease = Duration::seconds(self.settings.lease_secs);
        let queues = self.queues.clone();
        let worker = self.worker_id.clone();
        let max_attempts = self.settings.max_attempts;
        let sweeps = Duration::seconds(self.settings.sweep_interval_secs);
        let routing = Duration::seconds(self.env.settings.routing.sweep_interval_secs);
        let payouts = Duration::days(self.env.settings.payments.payout_interval_days);
        let every = move |kind: &str| match kind {
            super::schedule::ROUTING_SWEEP => routing,
            super::schedule::PAYOUT_RUN => payouts,
            _ => sweeps,
        };
        // Schedules fire in their own transaction: a failure there is logged and never
        // stops this runner from claiming the jobs already queued.
        let schedule_queues = queues.clone();
        let fired = self
            .db
            .read(move |conn| {
                Ok::<_, DbUnavailable>(crate::db::write_tx(conn, |conn| {
                    super::schedule::fire_due(conn, now, &schedule_queues, every)
                }))
            })
            .await?;
        if let Err(e) = fired {
            tracing::error!(error = %format!("{e:#}"), "firing recurring job schedules failed");
        }
        let claimed = self
            .db
            .read(move |conn| {
                crate::db::write_tx(conn, |conn| {
                    store::claim(conn, &queues, &worker, now, lease, max_attempts)
                })
                .map_err(|e| DbUnavailable::from_query(&e))
            })
            .await?;
        let Some(job) = claimed else { return Ok(None) };

        let result = self.execute(&job).await;
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
                let retry_at = (job.attempts < self.settings.max_attempts).then(|| {
                    done_at
                        + backoff(
                            job.attempts,
                            self.settings.backoff_base_secs,
                            self.settings.backoff_max_secs,
                        )
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
        Ok(Some((job, outcome)))
    }

    /// Runs every job that is due now (including ones made due by this run); returns them.
    pub async fn drain(&self) -> Result<Vec<(JobRow, JobOutcome)>, DbUnavailable> {
        let mut done = Vec::new();
        while let Some(one) = self.run_once().await? {
            done.push(one);
        }
        Ok(done)
    }

    /// The background loop used by `serve`: run jobs while any are due, else poll.
    pub async fn run(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        let idle = std::time::Duration::from_millis(self.settings.poll_interval_ms);
        loop {
            if *shutdown.borrow() {
                return;
            }
            let wait = match self.run_once().await {
                Ok(Some(_)) => continue,
                Ok(None) => idle,
                Err(e) => {
                    tracing::error!(error = %e, "job worker cannot reach the database");
                    idle * 5
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => {}
            }
        }
    }

    async fn execute(&self, job: &JobRow) -> anyhow::Result<()> {
        match job.kind.as_str() {
            SEND_EMAIL => {
                let email: OutgoingEmail = serde_json::from_str(&job.payload)?;
                self.env.mailer.send(&self.env.mail_from, &email).await
            }
            super::schedule::CREDENTIAL_EXPIRY_SWEEP => {
                self.in_transaction(crate::credentials::expiry::sweep).await
            }
            super::schedule::CLOSE_OVERDUE_ASSESSMENTS => {
                self.in_transaction(crate::assessments::service::close_overdue)
                    .await
            }
            super::schedule::ROUTING_SWEEP => {
                self.in_transaction(crate::routing::service::sweep).await
            }
            super::schedule::SCORING_SWEEP => {
                self.in_transaction(crate::scoring::health::sweep).await
            }
            super::schedule::PAYMENTS_SWEEP => {
                self.in_transaction(crate::payments::sweep::sweep).await
            }
            super::schedule::PAYOUT_RUN => {
                let r =
                    crate::payments::payouts::run(&self.db, &self.clock, self.env.stripe.as_ref())
                        .await
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                tracing::info!(
                    created = r.created.len(),
                    submitted = r.submitted.len(),
                    failed = r.failed.len(),
                    retrying = r.retrying.len(),
                    "payout run finished"
                );
                Ok(())
            }
            crate::payments::invoices::COLLECT_INVOICE => {
                let j: crate::payments::invoices::CollectJob = serde_json::from_str(&job.payload)?;
                crate::payments::invoices::collect(
                    &self.db,
                    self.clock.now(),
                    self.env.stripe.as_ref(),
                    &j,
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))
            }
            crate::scheduling::service::SHIFT_REMINDER => {
                let j: crate::scheduling::service::ReminderJob =
                    serde_json::from_str(&job.payload)?;
                self.scheduling(move |conn, now, _| {
                    crate::scheduling::service::remind(conn, now, &j)
                })
                .await
            }
            crate::scheduling::service::OFFER_EXPIRY => {
                let j: crate::scheduling::service::ShiftJob = serde_json::from_str(&job.payload)?;
                self.scheduling(move |conn, now, settings| {
                    crate::scheduling::service::expire_offer(conn, now, settings, &j)
                })
                .await
            }
            crate::scheduling::service::REPLAN => {
                let j: crate::scheduling::service::RequestJob = serde_json::from_str(&job.payload)?;
                self.scheduling(move |conn, now, settings| {
                    crate::scheduling::service::replan(conn, now, settings, &j)
                })
                .await
            }
            crate::webhooks::deliver::DELIVER => {
                let j: crate::webhooks::deliver::DeliverJob = serde_json::from_str(&job.payload)?;
                crate::webhooks::deliver::attempt(&self.db, &self.clock, &self.env, j).await
            }
            other => anyhow::bail!("no handler for job kind `{other}`"),
        }
    }
}

impl JobRunner {
    /// Runs a scheduling job in one write transaction at the clock's current time.
    async fn scheduling(
        &self,
        f: impl FnOnce(
            &mut crate::db::DbConn,
            DateTime<Utc>,
            &Settings,
        ) -> crate::http::ApiResult<usize>
        + Send
        + 'static,
    ) -> anyhow::Result<()> {
        let now = self.clock.now();
        let settings = self.env.settings.clone();
        let n = self
            .db
            .read(move |conn| {
                crate::db::write_tx(conn, |conn| {
                    f(conn, now, &settings).map_err(|e| anyhow::anyhow!("{e}"))
                })
            })
            .await?;
        tracing::info!(changed = n, "scheduling job finished");
        Ok(())
    }

    /// Runs a sweep in one write transaction at the clock's current time.
    async fn in_transaction(
        &self,
        f: fn(&mut crate::db::DbConn, DateTime<Utc>, &Settings) -> anyhow::Result<usize>,
    ) -> anyhow::Result<()> {
        let now = self.clock.now();
        let settings = self.env.settings.clone();
        let n = self
            .db
            .read(move |conn| crate::db::write_tx(conn, |conn| f(conn, now, &settings)))
            .await?;
        tracing::info!(changed = n, "sweep finished");
        Ok(())
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
