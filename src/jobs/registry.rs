//! Job definitions and the registry the runners dispatch through.
//!
//! A feature defines its jobs next to its code as [`Job`] values (kind, queue, optional
//! period, handler); the top-level `worker::registry` registers them at start-up. This
//! module knows no feature: handlers receive a [`JobContext`] generic over the
//! application's context type `C` (the mailer, HTTP clients, …), which the top level
//! defines.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use super::Queue;
use super::store;
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::{Db, DbConn, DbUnavailable};

/// What a handler returns: a boxed future, so handlers of different types share a registry.
pub type JobFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

type Handler<C> = Arc<dyn Fn(JobContext<C>, String) -> JobFuture + Send + Sync>;

/// The interval of a recurring job, read from the settings.
pub type Period = fn(&Settings) -> Duration;

/// One kind of job: what it is called, which queue runs it, how often (recurring jobs
/// only) and what runs it. The handler gets the context and the raw JSON payload.
pub struct Job<C> {
    kind: &'static str,
    queue: Queue,
    period: Option<Period>,
    handler: Handler<C>,
}

impl<C> Clone for Job<C> {
    fn clone(&self) -> Self {
        Self {
            kind: self.kind,
            queue: self.queue,
            period: self.period,
            handler: self.handler.clone(),
        }
    }
}

impl<C: Send + Sync + 'static> Job<C> {
    /// A job run when enqueued (`jobs::enqueue(conn, now, queue, kind, &payload)`).
    pub fn new<F, Fut>(kind: &'static str, queue: Queue, handler: F) -> Self
    where
        F: Fn(JobContext<C>, String) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        Self {
            kind,
            queue,
            period: None,
            handler: Arc::new(move |ctx, payload| Box::pin(handler(ctx, payload))),
        }
    }

    /// Makes the job recurring: the runners of its queue enqueue it every `period`
    /// (its `job_schedules` row is created at start-up).
    pub fn every(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }
}

impl<C> Job<C> {
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    pub fn queue(&self) -> Queue {
        self.queue
    }

    pub fn period(&self) -> Option<Period> {
        self.period
    }
}

/// Every job kind this process can run, by kind.
pub struct JobRegistry<C> {
    jobs: BTreeMap<&'static str, Job<C>>,
    duplicates: Vec<&'static str>,
}

impl<C> Default for JobRegistry<C> {
    fn default() -> Self {
        Self {
            jobs: BTreeMap::new(),
            duplicates: Vec::new(),
        }
    }
}

impl<C> JobRegistry<C> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a job definition. A kind registered twice is reported by [`Self::check`].
    pub fn register(&mut self, job: Job<C>) -> &mut Self {
        if self.jobs.contains_key(job.kind) {
            self.duplicates.push(job.kind);
        }
        self.jobs.insert(job.kind, job);
        self
    }

    /// Fails when a kind was registered twice (two features claiming one name).
    pub fn check(&self) -> anyhow::Result<()> {
        match self.duplicates.first() {
            Some(kind) => anyhow::bail!("job kind `{kind}` is registered twice"),
            None => Ok(()),
        }
    }

    pub fn get(&self, kind: &str) -> Option<&Job<C>> {
        self.jobs.get(kind)
    }

    pub fn jobs(&self) -> impl Iterator<Item = &Job<C>> {
        self.jobs.values()
    }

    /// The recurring jobs (those with a period).
    pub fn recurring(&self) -> impl Iterator<Item = &Job<C>> {
        self.jobs().filter(|j| j.period.is_some())
    }
}

/// The claim a running job holds: `jobs.locked_by = worker` until `locked_until`.
#[derive(Clone)]
pub(crate) struct Lease {
    pub(crate) job_id: String,
    pub(crate) worker: String,
    pub(crate) duration: Duration,
}

impl Lease {
    /// Moves `locked_until` to `now + duration` while the job is still this worker's and
    /// running. Returns false when the lease was lost (another worker claimed the job).
    pub(crate) async fn renew(&self, db: &Db, now: DateTime<Utc>) -> Result<bool, DbUnavailable> {
        let id = self.job_id.clone();
        let worker = self.worker.clone();
        let until: NaiveDateTime = (now + self.duration).naive_utc();
        let t = now.naive_utc();
        let renewed = db
            .read(move |conn: &mut DbConn| {
                store::renew_lease(conn, &id, &worker, until, t)
                    .map_err(|e| DbUnavailable::from_query(&e))
            })
            .await?;
        if !renewed {
            tracing::warn!(job = %self.job_id, worker = %self.worker, "job lease lost: another worker may run this job");
        }
        Ok(renewed)
    }
}

/// What a handler gets: the database, the clock, the settings, the application's
/// context `C`, and the lease of the job it runs.
pub struct JobContext<C> {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    env: Arc<C>,
    lease: Lease,
    attempt: i32,
}

impl<C> Clone for JobContext<C> {
    fn clone(&self) -> Self {
        Self {
            db: self.db.clone(),
            clock: self.clock.clone(),
            settings: self.settings.clone(),
            env: self.env.clone(),
            lease: self.lease.clone(),
            attempt: self.attempt,
        }
    }
}

impl<C> JobContext<C> {
    pub(crate) fn new(
        db: Db,
        clock: SharedClock,
        settings: Arc<Settings>,
        env: Arc<C>,
        lease: Lease,
        attempt: i32,
    ) -> Self {
        Self {
            db,
            clock,
            settings,
            env,
            lease,
            attempt,
        }
    }

    /// The application's context (mailer, clients, …).
    pub fn env(&self) -> &C {
        &self.env
    }

    pub fn job_id(&self) -> &str {
        &self.lease.job_id
    }

    /// This attempt's number, 1-based.
    pub fn attempt(&self) -> i32 {
        self.attempt
    }

    /// Renews the job's lease to `clock.now() + jobs.lease_secs`. The runner also renews
    /// it every third of the lease while the handler runs; long handlers call this between
    /// units of work so the lease never depends on timing. Returns false (and logs) when
    /// the lease was lost: another worker may be running the job, so stop early.
    pub async fn renew(&self) -> Result<bool, DbUnavailable> {
        self.lease.renew(&self.db, self.clock.now()).await
    }

    /// Runs `f` in one write transaction at the clock's current time (a sweep).
    pub async fn in_transaction<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConn, DateTime<Utc>, &Settings) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let now = self.clock.now();
        let settings = self.settings.clone();
        self.db
            .read(move |conn| crate::db::write_tx(conn, |conn| f(conn, now, &settings)))
            .await
    }

    pub(crate) fn run(&self, job: &Job<C>, payload: String) -> JobFuture {
        (job.handler)(self.clone(), payload)
    }
}
