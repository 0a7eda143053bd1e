//! The outbox worker: e-mails are jobs enqueued with the change, retried with backoff
//! when delivery fails, parked as dead after the limit, and never run twice by two
//! workers.

use cadre::jobs::runner::JobOutcome;
use cadre::jobs::store;
use chrono::Duration;
use serde_json::json;

use crate::helpers::{TestApp, engines, on_both};

async fn jobs_of_kind(app: &TestApp, kind: &'static str) -> Vec<store::JobRow> {
    app.state
        .db
        .read(move |conn| {
            store::list_by_kind(conn, kind)
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
        let second = cadre::jobs::runner::JobRunner::new(
            app.state.db.clone(),
            app.state.clock.clone(),
            std::sync::Arc::new(app.settings.clone()),
            std::sync::Arc::new(cadre::worker::registry()),
            std::sync::Arc::new(
                cadre::worker::JobEnv::from_settings(
                    &app.settings,
                    std::sync::Arc::new(
                        cadre::webhooks::deliver::Deliverer::new(&app.settings.webhooks).unwrap(),
                    ),
                    None,
                )
                .unwrap(),
            ),
            &[cadre::jobs::Queue::Mail],
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
