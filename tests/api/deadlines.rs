//! Deadlines that mean something (issue 25, part 1): an item past its deadline becomes
//! `overdue` (the deadline job marks it and sends `item.deadline_missed` once, on a real
//! listener, signed) and is still worked and resolved; a project's
//! `expire_overdue_after_hours` ends it as `expired` (open assignments end, measured time
//! is paid, `item.expired` once, never routed again); the priority curve lets a
//! near-deadline item of lower priority be taken first; the project quality endpoint
//! reports on-time rate and p50/p90 time to resolution; the new setting is checked.

use chrono::{DateTime, Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both_with};
use crate::routing::{Expert, Opts, World, item, lab_item, prefer, push, qualified, work, world};
use crate::webhooks::{Receiver, assert_signed, open_webhooks, register};

/// The clock moves hours here: tokens outlive it (as in gold_blind.rs).
fn long_tokens(s: &mut cadre::config::Settings) {
    s.auth.access_token_ttl_secs = 90 * 24 * 3600;
}

fn hooks_and_long_tokens(s: &mut cadre::config::Settings) {
    open_webhooks(s);
    long_tokens(s);
}

/// Item `n` of priority `priority`, due `in_` from now.
fn due(app: &TestApp, n: usize, priority: i64, in_: Duration) -> Value {
    let mut v = item(n);
    v["priority"] = json!(priority);
    v["deadline"] = json!((app.clock_now() + in_).to_rfc3339());
    v
}

fn at(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// The expert (index into `experts`) holding an offered assignment of item `n`, with the
/// assignment's id.
async fn holder(app: &TestApp, experts: &[&Expert], n: i64) -> (usize, String) {
    for (i, e) in experts.iter().enumerate() {
        for a in work(app, e, "offered").await {
            if a["payload"]["n"] == n {
                return (i, a["id"].as_str().unwrap().to_owned());
            }
        }
    }
    panic!("nobody holds an offer of item {n}");
}

async fn accept(app: &TestApp, e: &Expert, a: &str) {
    app.post(
        &format!("/v1/assignments/{a}/accept"),
        &e.account.token,
        json!({}),
    )
    .await
    .assert_status(200);
}

async fn submit(app: &TestApp, e: &Expert, a: &str) {
    app.post(
        &format!("/v1/assignments/{a}/submit"),
        &e.account.token,
        json!({"label": prefer("a", 2)}),
    )
    .await
    .assert_status(200);
}

async fn listed(app: &TestApp, w: &World, status: &str) -> Vec<String> {
    let r = app
        .get(
            &format!("/v1/projects/{}/items?status={status}", w.project),
            &w.lab.token,
        )
        .await;
    r.assert_status(200);
    r.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn set_expiry(app: &TestApp, w: &World, hours: Value) -> crate::helpers::Resp {
    app.call(
        Method::PATCH,
        &format!("/v1/projects/{}", w.project),
        Some(&w.lab.token),
        Some(json!({ "expire_overdue_after_hours": hours })),
    )
    .await
}

fn events_of(rx: &Receiver, kind: &str) -> Vec<(Value, crate::webhooks::Received)> {
    rx.received()
        .into_iter()
        .filter(|r| r.headers["cadre-event-type"] == kind)
        .map(|r| (serde_json::from_slice(&r.body).unwrap(), r))
        .collect()
}

#[tokio::test]
async fn a_passed_deadline_makes_the_item_overdue_once_and_it_is_still_worked() {
    on_both_with(hooks_and_long_tokens, |app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let rx = Receiver::start(&[]).await;
        let (_, secret) = register(&app, &w, &rx.url, json!(["item.deadline_missed"])).await;
        let a = qualified(&app, &w, None, json!({})).await;
        let b = qualified(&app, &w, None, json!({})).await;
        let deadline = app.clock_now() + Duration::minutes(30);
        let ids = push(&app, &w, vec![due(&app, 1, 80, Duration::minutes(30))]).await;
        let before = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(before["status"], "assigned", "{before}");
        assert_eq!(before["stage"], "assigned");
        assert_eq!(before["overdue_at"], Value::Null);
        assert_eq!(before["effective_priority"], 80 + 50, "within an hour: +50");
        let experts = [&a, &b];
        let (first, _) = holder(&app, &experts, 1).await;

        // Nothing happens before the deadline.
        app.advance(Duration::minutes(29));
        app.drain_jobs().await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "assigned");
        assert!(events_of(&rx, "item.deadline_missed").is_empty());

        // Past it: overdue, once, though the job runs again and again.
        app.advance(Duration::minutes(2));
        app.drain_jobs().await;
        for _ in 0..2 {
            app.advance(Duration::seconds(61));
            app.drain_jobs().await;
        }
        let overdue = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(overdue["status"], "overdue", "{overdue}");
        assert_eq!(overdue["effective_priority"], 80 + 75, "{overdue}");
        let marked = at(&overdue["overdue_at"]);
        assert!(marked > deadline && marked <= app.clock_now(), "{overdue}");
        let got = events_of(&rx, "item.deadline_missed");
        assert_eq!(got.len(), 1, "exactly one event");
        let (event, raw) = &got[0];
        assert_signed(raw, &secret);
        assert_eq!(event["type"], "item.deadline_missed");
        assert_eq!(at(&event["data"]["deadline_at"]), deadline, "{event}");
        assert_eq!(event["data"]["item"]["id"], ids[0].as_str());
        assert_eq!(event["data"]["item"]["status"], "overdue");
        assert_eq!(event["data"]["item"]["external_id"], "esc-1");
        assert_eq!(listed(&app, &w, "overdue").await, ids);
        assert!(listed(&app, &w, "assigned").await.is_empty());
        assert!(listed(&app, &w, "queued").await.is_empty());

        // It keeps being worked: the first expert's offer lapsed at the deadline, so it was
        // offered to the other, who resolves it.
        let (second, offer) = holder(&app, &experts, 1).await;
        assert_ne!(first, second, "re-offered to the other expert");
        let other = experts[second];
        accept(&app, other, &offer).await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["stage"], "assigned");
        app.advance(Duration::minutes(3));
        submit(&app, other, &offer).await;
        let resolved = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(resolved["status"], "resolved", "{resolved}");
        assert_eq!(resolved["stage"], "resolved");
        assert_eq!(at(&resolved["overdue_at"]), marked, "it was overdue");
        assert!(listed(&app, &w, "overdue").await.is_empty());
        app.advance(Duration::seconds(61));
        app.drain_jobs().await;
        assert_eq!(events_of(&rx, "item.deadline_missed").len(), 1);

        // Unknown statuses are refused, naming the parameter.
        app.get(
            &format!("/v1/projects/{}/items?status=late", w.project),
            &w.lab.token,
        )
        .await
        .assert_problem(400, Some("status"));
    })
    .await;
}

#[tokio::test]
async fn moving_an_overdue_items_deadline_makes_it_current_again() {
    on_both_with(long_tokens, |app| async move {
        let w = world(&app, Opts::default()).await;
        let ids = push(&app, &w, vec![due(&app, 1, 30, Duration::minutes(10))]).await;
        app.advance(Duration::minutes(11));
        app.drain_jobs().await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "overdue");
        let r = app
            .call(
                Method::PATCH,
                &format!("/v1/items/{}", ids[0]),
                Some(&w.lab.token),
                Some(json!({"deadline": (app.clock_now() + Duration::days(2)).to_rfc3339()})),
            )
            .await;
        r.assert_status(200);
        let v = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(v["status"], "queued", "{v}");
        assert_eq!(v["overdue_at"], Value::Null);
        assert_eq!(v["effective_priority"], 30, "two days ahead: no boost");
    })
    .await;
}

#[tokio::test]
async fn expiry_ends_open_work_pays_the_time_worked_and_stops_routing() {
    on_both_with(hooks_and_long_tokens, |app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let r = set_expiry(&app, &w, json!(1)).await;
        r.assert_status(200);
        assert_eq!(r.json["expire_overdue_after_hours"], 1);
        let rx = Receiver::start(&[]).await;
        let (_, secret) = register(
            &app,
            &w,
            &rx.url,
            json!(["item.expired", "item.deadline_missed"]),
        )
        .await;
        let a = qualified(&app, &w, None, json!({})).await;
        let b = qualified(&app, &w, None, json!({})).await;
        let experts = [&a, &b];
        let deadline = app.clock_now() + Duration::minutes(30);
        let ids = push(&app, &w, vec![due(&app, 1, 50, Duration::minutes(30))]).await;

        // Overdue; the lapsed offer went to the other expert, who accepts and works six
        // measured minutes (a heartbeat every two).
        app.advance(Duration::minutes(31));
        app.drain_jobs().await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "overdue");
        let (i, offer) = holder(&app, &experts, 1).await;
        let worker = experts[i].clone();
        accept(&app, &worker, &offer).await;
        for _ in 0..3 {
            app.advance(Duration::minutes(2));
            app.post(
                &format!("/v1/assignments/{offer}/heartbeat"),
                &worker.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
        }

        // Not yet an hour past the deadline: still open.
        app.advance(Duration::minutes(20));
        app.drain_jobs().await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "overdue");
        assert!(events_of(&rx, "item.expired").is_empty());

        // An hour past it: expired, the open assignment ended, the six minutes paid.
        app.advance(Duration::minutes(34));
        app.drain_jobs().await;
        app.advance(Duration::seconds(61));
        app.drain_jobs().await;
        let v = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(v["status"], "expired", "{v}");
        assert_eq!(v["stage"], "expired");
        assert_eq!(v["progress"]["accepted"], 0, "{v}");
        assert_eq!(v["progress"]["cancelled"], 1, "{v}");
        assert_eq!(listed(&app, &w, "expired").await, ids);
        assert!(listed(&app, &w, "overdue").await.is_empty());
        assert_eq!(work(&app, &worker, "cancelled").await.len(), 1);
        app.post(
            &format!("/v1/assignments/{offer}/submit"),
            &worker.account.token,
            json!({"label": prefer("a", 2)}),
        )
        .await
        .assert_problem(409, None);
        let entries = app.get("/v1/time-entries", &worker.account.token).await;
        entries.assert_status(200);
        let data = entries.json["data"].as_array().unwrap();
        assert_eq!(data.len(), 1, "{}", entries.json);
        assert_eq!(data[0]["source_id"], offer.as_str());
        assert_eq!(data[0]["seconds"], 360, "{}", data[0]);
        assert_eq!(data[0]["payer_type"], "lab");

        let got = events_of(&rx, "item.expired");
        assert_eq!(got.len(), 1, "exactly one item.expired");
        let (event, raw) = &got[0];
        assert_signed(raw, &secret);
        assert_eq!(event["data"]["item"]["id"], ids[0].as_str());
        assert_eq!(event["data"]["item"]["status"], "expired");
        assert_eq!(at(&event["data"]["deadline_at"]), deadline);
        assert_eq!(event["data"]["expire_overdue_after_hours"], 1);
        assert_eq!(events_of(&rx, "item.deadline_missed").len(), 1);

        // Never routed again: a new expert with free capacity gets nothing; an expired
        // item cannot be cancelled or updated.
        let c = qualified(&app, &w, None, json!({})).await;
        app.drain_jobs().await;
        assert!(work(&app, &c, "offered").await.is_empty());
        let next = app
            .post("/v1/assignments/next", &c.account.token, json!({}))
            .await;
        next.assert_status(204);
        app.post(
            &format!("/v1/items/{}/cancel", ids[0]),
            &w.lab.token,
            json!({"reason": "too late"}),
        )
        .await
        .assert_problem(409, None);
        app.call(
            Method::PATCH,
            &format!("/v1/items/{}", ids[0]),
            Some(&w.lab.token),
            Some(json!({"priority": 90})),
        )
        .await
        .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn the_priority_curve_lets_a_near_deadline_item_go_first() {
    on_both_with(long_tokens, |app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        // Nobody can take them yet: both wait.
        let ids = push(
            &app,
            &w,
            vec![
                due(&app, 1, 60, Duration::hours(72)),
                due(&app, 2, 40, Duration::hours(30)),
            ],
        )
        .await;
        let (far, near) = (&ids[0], &ids[1]);
        assert_eq!(lab_item(&app, &w, near).await["effective_priority"], 40);
        assert_eq!(lab_item(&app, &w, far).await["effective_priority"], 60);

        // 7 hours on, the near one is within 24 hours (+10: 50, still below 60); 27 hours
        // on, within 4 hours (+25: 65), while the far one is 45 hours away (60).
        app.advance(Duration::hours(7));
        app.drain_jobs().await;
        assert_eq!(lab_item(&app, &w, near).await["effective_priority"], 50);
        assert_eq!(lab_item(&app, &w, far).await["effective_priority"], 60);
        app.advance(Duration::hours(20));
        app.drain_jobs().await;
        let n = lab_item(&app, &w, near).await;
        assert_eq!(n["effective_priority"], 65, "{n}");
        assert_eq!(n["priority"], 40, "the lab's priority is unchanged");
        assert_eq!(n["status"], "queued");
        assert_eq!(lab_item(&app, &w, far).await["effective_priority"], 60);

        // An expert arriving takes the near-deadline item first.
        let e = qualified(&app, &w, None, json!({})).await;
        let next = app
            .post("/v1/assignments/next", &e.account.token, json!({}))
            .await;
        next.assert_status(200);
        assert_eq!(next.json["payload"]["n"], 2, "{}", next.json);
        assert_eq!(next.json["priority"], 65, "{}", next.json);
    })
    .await;
}

#[tokio::test]
async fn the_quality_endpoint_reports_on_time_rate_and_time_to_resolution() {
    on_both_with(long_tokens, |app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let a = qualified(&app, &w, None, json!({})).await;
        let b = qualified(&app, &w, None, json!({})).await;
        let experts = [&a, &b];

        // Item 1: resolved 10 minutes after it came in, on time.
        push(&app, &w, vec![due(&app, 1, 50, Duration::hours(1))]).await;
        let (i, offer) = holder(&app, &experts, 1).await;
        accept(&app, experts[i], &offer).await;
        app.advance(Duration::minutes(10));
        submit(&app, experts[i], &offer).await;

        // Item 2: 30 minutes, on time.
        push(&app, &w, vec![due(&app, 2, 50, Duration::hours(1))]).await;
        let (i, offer) = holder(&app, &experts, 2).await;
        accept(&app, experts[i], &offer).await;
        app.advance(Duration::minutes(30));
        submit(&app, experts[i], &offer).await;

        // Item 3: due in 10 minutes; the offer lapses with the deadline, the other expert
        // takes it overdue and resolves it an hour after it came in: late.
        let ids = push(&app, &w, vec![due(&app, 3, 50, Duration::minutes(10))]).await;
        app.advance(Duration::minutes(11));
        app.drain_jobs().await;
        let (i, offer) = holder(&app, &experts, 3).await;
        accept(&app, experts[i], &offer).await;
        app.advance(Duration::minutes(49));
        submit(&app, experts[i], &offer).await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "resolved");
        // A fourth, still open, counts for nothing.
        push(&app, &w, vec![due(&app, 4, 50, Duration::hours(1))]).await;

        let q = app
            .get(&format!("/v1/projects/{}/quality", w.project), &w.lab.token)
            .await;
        q.assert_status(200);
        let t = &q.json["timeliness"];
        assert_eq!(t.as_array().unwrap().len(), 1, "{}", q.json);
        assert_eq!(t[0]["slice_id"], w.slice.as_str());
        assert_eq!(t[0]["resolved"], 3, "{t}");
        assert_eq!(t[0]["resolved_on_time"], 2, "{t}");
        let rate = t[0]["on_time_rate"].as_f64().unwrap();
        assert!((rate - 2.0 / 3.0).abs() < 1e-9, "{t}");
        // Times to resolution 600, 1800 and 3600 seconds: nearest-rank p50 and p90.
        assert_eq!(t[0]["p50_seconds_to_resolution"], 1800, "{t}");
        assert_eq!(t[0]["p90_seconds_to_resolution"], 3600, "{t}");

        // 40 days on, they are out of a 30-day window.
        app.advance(Duration::days(40));
        let q = app
            .get(
                &format!("/v1/projects/{}/quality?window_days=30", w.project),
                &w.lab.token,
            )
            .await;
        q.assert_status(200);
        let t = &q.json["timeliness"][0];
        assert_eq!(t["resolved"], 0, "{t}");
        assert_eq!(t["on_time_rate"], Value::Null);
        assert_eq!(t["p50_seconds_to_resolution"], Value::Null);
    })
    .await;
}

#[tokio::test]
async fn the_expiry_setting_is_checked_and_can_be_cleared() {
    on_both_with(long_tokens, |app| async move {
        let w = world(&app, Opts::default()).await;
        for bad in [json!(0), json!(8761), json!(-3)] {
            set_expiry(&app, &w, bad)
                .await
                .assert_problem(422, Some("expire_overdue_after_hours"));
        }
        let r = set_expiry(&app, &w, json!(48)).await;
        r.assert_status(200);
        assert_eq!(r.json["expire_overdue_after_hours"], 48);
        // Another change leaves it as it is; null clears it.
        let r = app
            .call(
                Method::PATCH,
                &format!("/v1/projects/{}", w.project),
                Some(&w.lab.token),
                Some(json!({"gold_rate": 0.05})),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["expire_overdue_after_hours"], 48);
        let r = set_expiry(&app, &w, Value::Null).await;
        r.assert_status(200);
        assert_eq!(r.json["expire_overdue_after_hours"], Value::Null);
        let got = app
            .get(&format!("/v1/projects/{}", w.project), &w.lab.token)
            .await;
        assert_eq!(got.json["expire_overdue_after_hours"], Value::Null);

        // On creation too.
        let p = app
            .post(
                "/v1/projects",
                &w.lab.token,
                json!({"org_id": w.lab.org(), "name": "Other", "domain_id": w.domain,
                    "bill_rate_minor": 15000, "currency": "USD",
                    "expire_overdue_after_hours": 0}),
            )
            .await;
        p.assert_problem(422, Some("expire_overdue_after_hours"));
        let p = app
            .post(
                "/v1/projects",
                &w.lab.token,
                json!({"org_id": w.lab.org(), "name": "Other", "domain_id": w.domain,
                    "bill_rate_minor": 15000, "currency": "USD",
                    "expire_overdue_after_hours": 72}),
            )
            .await;
        p.assert_status(201);
        assert_eq!(p.json["expire_overdue_after_hours"], 72);
    })
    .await;
}
