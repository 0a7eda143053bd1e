//! The outbox worker: e-mails are jobs enqueued with the change, retried with backoff
//! when delivery fails, parked as dead after the limit, and never run twice by two
//! workers; a running job keeps its lease; recurring jobs need only their registration;
//! shutdown waits for a running job at most the grace period.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use cadre::clock::ManualClock;
use cadre::jobs::runner::{JobOutcome, JobRunner};
use cadre::jobs::{Job, JobContext, JobRegistry, JobRow, Queue};
use cadre::webhooks::deliver::Deliverer;
use cadre::worker::{JobCtx, JobEnv};
use chrono::Duration;
use serde_json::json;
use tokio::sync::{Notify, watch};

use crate::helpers::{TestApp, engines, on_both};

async fn jobs_of_kind(app: &TestApp, kind: &'static str) -> Vec<JobRow> {
    app.state
        .db
        .read(move |conn| {
            cadre::jobs::list_by_kind(conn, kind)
                .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_refused_delivery_is_retried_after_backoff_then_succeeds() {
    on_both(|app| async move {
        let email = app.email("flaky");
        app.refuse_mail_to(&email, 1);
        app.register("expert", &email, None)
            .await
            .assert_status(201);

        let ran = app.drain_mail_jobs().await;
        assert_eq!(ran.len(), 1);
        let JobOutcome::Retrying { at } = ran[0].1 else {
            panic!("expected a retry, got {:?}", ran[0].1)
        };
        assert_eq!(
            at,
            app.clock_now() + Duration::seconds(30),
            "first retry waits the base backoff"
        );
        assert!(app.mail_to(&email).is_empty());
        let job = &jobs_of_kind(&app, "send_email").await[0];
        assert_eq!(job.status, "queued");
        assert!(
            job.last_error.as_deref().unwrap_or("").contains("451"),
            "{:?}",
            job.last_error
        );

        // Not due yet: nothing runs.
        app.advance(Duration::seconds(29));
        assert!(app.drain_mail_jobs().await.is_empty());
        app.advance(Duration::seconds(1));
        let ran = app.drain_mail_jobs().await;
        assert_eq!(ran[0].1, JobOutcome::Succeeded);
        assert_eq!(app.mail_to(&email).len(), 1);
        let job = &jobs_of_kind(&app, "send_email").await[0];
        assert_eq!((job.status.as_str(), job.attempts), ("succeeded", 2));
    })
    .await;
}

#[tokio::test]
async fn a_job_that_keeps_failing_is_parked_as_dead() {
    for engine in engines() {
        let app = TestApp::spawn_with(engine, |s| s.jobs.max_attempts = 3).await;
        let email = app.email("bounce");
        app.refuse_mail_to(&email, 100);
        app.register("expert", &email, None)
            .await
            .assert_status(201);
        let mut outcomes = Vec::new();
        for _ in 0..3 {
            outcomes.extend(app.drain_mail_jobs().await.into_iter().map(|(_, o)| o));
            app.advance(Duration::hours(2));
        }
        assert!(matches!(outcomes[0], JobOutcome::Retrying { .. }));
        assert!(matches!(outcomes[1], JobOutcome::Retrying { .. }));
        assert_eq!(outcomes[2], JobOutcome::Dead);
        app.advance(Duration::days(1));
        assert!(
            app.drain_mail_jobs().await.is_empty(),
            "dead jobs are not retried"
        );
        let job = &jobs_of_kind(&app, "send_email").await[0];
        assert_eq!((job.status.as_str(), job.attempts), ("dead", 3));
        assert!(job.finished_at.is_some());
    }
}

#[tokio::test]
async fn two_workers_draining_at_once_never_run_a_job_twice() {
    on_both(|app| async move {
        let lab = app.lab("Busy Labs").await;
        app.drain_jobs().await;
        let org = lab.org();
        let mut recipients = Vec::new();
        for i in 0..12 {
            let email = app.email(&format!("batch{i}"));
            app.post(
                &format!("/v1/orgs/{org}/invitations"),
                &lab.token,
                json!({"email": email, "role": "lab_member"}),
            )
            .await
            .assert_status(201);
            recipients.push(email);
        }
        // Two independent runners (as two server processes would have) on the mail queue.
        let mail_runner = app.runners()[0].clone();
        let second = JobRunner::new(
            app.state.db.clone(),
            app.state.clock.clone(),
            Arc::new(app.settings.clone()),
            Arc::new(cadre::worker::registry()),
            Arc::new(
                JobEnv::from_settings(
                    &app.settings,
                    Arc::new(Deliverer::new(&app.settings.webhooks).unwrap()),
                    None,
                )
                .unwrap(),
            ),
            &[Queue::Mail],
        );
        assert_ne!(mail_runner.worker_id(), second.worker_id());
        let (a, b) = tokio::join!(mail_runner.drain(), second.drain());
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(
            a.len() + b.len(),
            12,
            "every job ran exactly once between the two workers"
        );
        let mut ids: Vec<_> = a
            .iter()
            .chain(b.iter())
            .map(|(j, _)| j.id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 12);
        for email in &recipients {
            assert_eq!(
                app.mail_to(email).len(),
                1,
                "{email} got exactly one invitation"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_double_submitted_invitation_is_created_and_mailed_once() {
    on_both(|app| async move {
        let lab = app.lab("Atomic Labs").await;
        app.drain_jobs().await;
        let member = app.email("dupe");
        let path = format!("/v1/orgs/{}/invitations", lab.org());
        let body = json!({"email": member, "role": "lab_member"});
        let (a, b) = tokio::join!(
            app.post(&path, &lab.token, body.clone()),
            app.post(&path, &lab.token, body.clone())
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "a: {} b: {}", a.text, b.text);
        app.drain_jobs().await;
        assert_eq!(
            app.mail_to(&member).len(),
            1,
            "the refused request enqueued no e-mail"
        );
        let list = app.get(&path, &lab.token).await;
        assert_eq!(list.json["data"].as_array().unwrap().len(), 1);
    })
    .await;
}

// ------------------------------------------------ runners built by the test, with test jobs

/// What the test jobs share with the test: how often they ran, and two gates.
#[derive(Default)]
struct Probe {
    runs: AtomicUsize,
    /// Notified by the handler once it is running (and, for the long job, has renewed).
    started: Notify,
    /// The handler waits for this before finishing.
    release: Notify,
    /// The long job moves this clock past the lease.
    clock: Option<Arc<ManualClock>>,
}

const HELD: &str = "test.held";

/// Runs until the test releases it; with a clock, first lets more than a lease pass and
/// renews, as a long job does between units of work.
async fn held(ctx: JobContext<Probe>, _payload: String) -> anyhow::Result<()> {
    let probe = ctx.env();
    probe.runs.fetch_add(1, Ordering::SeqCst);
    if let Some(clock) = &probe.clock {
        clock.advance(Duration::seconds(ctx.settings.jobs.lease_secs + 60));
        anyhow::ensure!(ctx.renew().await?, "the lease was lost");
    }
    probe.started.notify_one();
    probe.release.notified().await;
    Ok(())
}

fn test_runner(app: &TestApp, probe: &Arc<Probe>) -> JobRunner<Probe> {
    let mut jobs = JobRegistry::new();
    jobs.register(Job::new(HELD, Queue::Default, held));
    JobRunner::new(
        app.state.db.clone(),
        app.state.clock.clone(),
        Arc::new(app.settings.clone()),
        Arc::new(jobs),
        probe.clone(),
        &[Queue::Default],
    )
}

async fn enqueue(app: &TestApp, kind: &'static str) -> String {
    let now = app.clock_now();
    app.state
        .db
        .write(move |conn| {
            cadre::jobs::enqueue(conn, now, Queue::Default, kind, &json!({}))
                .map(|id| id.as_str().to_owned())
        })
        .await
        .unwrap()
}

async fn job(app: &TestApp, id: &str) -> JobRow {
    let id = id.to_owned();
    app.state
        .db
        .read(move |conn| cadre::jobs::find_job(conn, &id).map_err(anyhow::Error::from))
        .await
        .unwrap()
        .expect("the job exists")
}

#[tokio::test]
async fn a_second_runner_cannot_claim_a_job_that_is_running() {
    on_both(|app| async move {
        let probe = Arc::new(Probe::default());
        let (first, second) = (test_runner(&app, &probe), test_runner(&app, &probe));
        let id = enqueue(&app, HELD).await;
        let running = tokio::spawn(async move { first.run_once().await });
        probe.started.notified().await;

        assert!(
            second.run_once().await.unwrap().is_none(),
            "the job is held by the first runner"
        );
        probe.release.notify_one();
        let (row, outcome) = running.await.unwrap().unwrap().expect("the first ran it");
        assert_eq!(
            (row.id.as_str(), outcome),
            (id.as_str(), JobOutcome::Succeeded)
        );
        assert!(second.run_once().await.unwrap().is_none());
        assert_eq!(probe.runs.load(Ordering::SeqCst), 1);
        let row = job(&app, &id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("succeeded", 1));
    })
    .await;
}

#[tokio::test]
async fn a_job_running_longer_than_its_lease_keeps_it_by_renewing() {
    on_both(|app| async move {
        let probe = Arc::new(Probe {
            clock: Some(app.clock.clone()),
            ..Probe::default()
        });
        let (first, second) = (test_runner(&app, &probe), test_runner(&app, &probe));
        let id = enqueue(&app, HELD).await;
        let claimed_at = app.clock_now();
        let lease = Duration::seconds(app.settings.jobs.lease_secs);
        let running = tokio::spawn(async move { first.run_once().await });
        probe.started.notified().await;

        // The lease it was claimed with has expired by the clock; the renewal moved it on.
        assert!(app.clock_now() > claimed_at + lease);
        let row = job(&app, &id).await;
        assert_eq!(row.status, "running");
        assert_eq!(
            row.locked_until,
            Some((app.clock_now() + lease).naive_utc())
        );
        assert!(
            second.run_once().await.unwrap().is_none(),
            "a renewed lease is not claimable"
        );

        probe.release.notify_one();
        let (_, outcome) = running.await.unwrap().unwrap().expect("the first ran it");
        assert_eq!(outcome, JobOutcome::Succeeded);
        assert!(second.run_once().await.unwrap().is_none());
        assert_eq!(
            probe.runs.load(Ordering::SeqCst),
            1,
            "the job ran exactly once"
        );
        let row = job(&app, &id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("succeeded", 1));
    })
    .await;
}

#[tokio::test]
async fn shutdown_gives_up_on_a_running_job_after_the_grace_period_and_another_node_reruns_it() {
    for engine in engines() {
        let app = TestApp::spawn_with(engine, |s| s.jobs.shutdown_grace_secs = 0).await;
        let probe = Arc::new(Probe::default());
        let id = enqueue(&app, HELD).await;
        let (stop, stopped) = watch::channel(false);
        let worker = tokio::spawn(test_runner(&app, &probe).run(stopped));
        probe.started.notified().await;

        stop.send(true).unwrap();
        // The handler is never released, yet the loop returns (the bound is a safety net
        // against a hang, not the assertion: the grace period here is zero).
        tokio::time::timeout(std::time::Duration::from_secs(60), worker)
            .await
            .expect("the runner stops while its job is still running")
            .unwrap();
        let row = job(&app, &id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("running", 1));

        // Its lease expires and another node runs it again.
        let other = test_runner(&app, &probe);
        assert!(
            other.run_once().await.unwrap().is_none(),
            "lease still current"
        );
        app.advance(Duration::seconds(app.settings.jobs.lease_secs));
        probe.release.notify_one();
        let (_, outcome) = other.run_once().await.unwrap().expect("taken over");
        assert_eq!(outcome, JobOutcome::Succeeded);
        let row = job(&app, &id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("succeeded", 2));
        assert_eq!(probe.runs.load(Ordering::SeqCst), 2);
    }
}

#[tokio::test]
async fn shutdown_lets_a_running_job_finish_within_the_grace_period() {
    for engine in engines() {
        let app = TestApp::spawn_with(engine, |s| s.jobs.shutdown_grace_secs = 3600).await;
        let probe = Arc::new(Probe::default());
        let ids = [enqueue(&app, HELD).await, enqueue(&app, HELD).await];
        let (stop, stopped) = watch::channel(false);
        let worker = tokio::spawn(test_runner(&app, &probe).run(stopped));
        probe.started.notified().await;

        stop.send(true).unwrap();
        probe.release.notify_one();
        tokio::time::timeout(std::time::Duration::from_secs(60), worker)
            .await
            .expect("the runner stops once its job finished")
            .unwrap();
        // The running job finished; the other one, due all along, was not claimed.
        let mut statuses = Vec::new();
        for id in &ids {
            let row = job(&app, id).await;
            statuses.push((row.status, row.attempts));
        }
        statuses.sort();
        assert_eq!(
            statuses,
            [("queued".to_owned(), 0), ("succeeded".to_owned(), 1)]
        );
        assert_eq!(probe.runs.load(Ordering::SeqCst), 1);
    }
}

#[tokio::test]
async fn a_job_of_an_unregistered_kind_fails_with_no_handler() {
    on_both(|app| async move {
        let id = enqueue(&app, "test.nobody_handles_this").await;
        let ran = app.drain_jobs().await;
        let (_, outcome) = ran.iter().find(|(j, _)| j.id == id).expect("it ran");
        assert!(
            matches!(outcome, JobOutcome::Retrying { .. }),
            "{outcome:?}"
        );
        let row = job(&app, &id).await;
        assert_eq!(
            row.last_error.as_deref(),
            Some("no handler for job kind `test.nobody_handles_this`")
        );
    })
    .await;
}

// ------------------------------------------------ a recurring job needs only its registration

const TICK: &str = "test.tick";

fn with_tick(runs: &Arc<AtomicUsize>) -> JobRegistry<JobEnv> {
    let mut jobs = cadre::worker::registry();
    let runs = runs.clone();
    jobs.register(
        Job::new(TICK, Queue::Default, move |_: JobCtx, _: String| {
            let runs = runs.clone();
            async move {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        })
        .every(|_| Duration::hours(6)),
    );
    jobs
}

async fn schedule_of(app: &TestApp, kind: &'static str) -> Option<(String, chrono::NaiveDateTime)> {
    use cadre::db::schema::job_schedules;
    use diesel::prelude::*;
    app.state
        .db
        .read(move |conn| {
            job_schedules::table
                .find(kind)
                .select((job_schedules::queue, job_schedules::next_run_at))
                .first(conn)
                .optional()
                .map_err(anyhow::Error::from)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_registered_recurring_job_gets_its_schedule_at_start_up_and_runs_every_period() {
    for engine in engines() {
        let runs = Arc::new(AtomicUsize::new(0));
        let app = TestApp::spawn_with_jobs(engine, |_| {}, with_tick(&runs)).await;
        let started = app.clock_now();
        assert_eq!(
            schedule_of(&app, TICK).await,
            Some(("default".to_owned(), started.naive_utc())),
            "created at start-up, due at once like the migration-seeded sweeps"
        );
        // Start-up again (another node): the row is left as it is.
        app.advance(Duration::minutes(1));
        let created = cadre::jobs::schedule::ensure_schedules(
            &app.state.db,
            app.clock_now(),
            &with_tick(&runs),
        )
        .await
        .unwrap();
        assert_eq!(created, 0);
        assert_eq!(
            schedule_of(&app, TICK).await.unwrap().1,
            started.naive_utc()
        );

        app.drain_jobs().await;
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        app.advance(Duration::hours(6) - Duration::seconds(1));
        app.drain_jobs().await;
        assert_eq!(runs.load(Ordering::SeqCst), 1, "not before its period");
        app.advance(Duration::seconds(1));
        app.drain_jobs().await;
        assert_eq!(
            runs.load(Ordering::SeqCst),
            2,
            "once the clock passed its period"
        );
    }
}
