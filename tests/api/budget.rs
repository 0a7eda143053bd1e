//! A project's budget (issue 25 part 4, README "Budget"): projected spend is the bill rate
//! × (measured time + expected time of open work); at the cap routing (push, the sweep
//! and an expert's `next`) offers no new work for the project and its items wait with the
//! reason; `project.budget_warning` (80 %) and `project.budget_reached` reach the lab's
//! listener once per crossing, signed; raising the cap resumes routing at once; the spend
//! counted against the cap is what the project's invoice bills.

use chrono::{Duration, TimeZone, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both_with};
use crate::routing::{Expert, Opts, World, item, lab_item, prefer, push, qualified, work, world};
use crate::webhooks::{Receiver, assert_signed, open_webhooks, register};

async fn project(app: &TestApp, w: &mut World) -> Value {
    app.relogin(&mut w.lab).await;
    let r = app
        .get(&format!("/v1/projects/{}", w.project), &w.lab.token)
        .await;
    r.assert_status(200);
    r.json
}

async fn patch_project(app: &TestApp, w: &mut World, body: Value) -> crate::helpers::Resp {
    app.relogin(&mut w.lab).await;
    app.call(
        Method::PATCH,
        &format!("/v1/projects/{}", w.project),
        Some(&w.lab.token),
        Some(body),
    )
    .await
}

/// Accepts the assignment and works it for `minutes` (a heartbeat every two minutes),
/// then submits it.
async fn work_on(app: &TestApp, e: &mut Expert, a: &str, minutes: i64) {
    app.relogin(&mut e.account).await;
    app.post(
        &format!("/v1/assignments/{a}/accept"),
        &e.account.token,
        json!({}),
    )
    .await
    .assert_status(200);
    for _ in 0..minutes / 2 {
        app.advance(Duration::minutes(2));
        app.relogin(&mut e.account).await;
        app.post(
            &format!("/v1/assignments/{a}/heartbeat"),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
    }
    app.post(
        &format!("/v1/assignments/{a}/submit"),
        &e.account.token,
        json!({ "label": prefer("a", 2) }),
    )
    .await
    .assert_status(200);
}

fn offered_ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Which of `ids` the lab sees `assigned` (offered to their expert: overlap 1).
async fn assigned(app: &TestApp, w: &World, ids: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        if lab_item(app, w, id).await["status"] == "assigned" {
            out.push(id.clone());
        }
    }
    out
}

#[tokio::test]
async fn the_cap_stops_routing_the_lab_hears_once_and_raising_it_resumes_routing() {
    on_both_with(open_webhooks, |app| async move {
        let mut w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let rx = Receiver::start(&[]).await;
        let (_, secret) = register(
            &app,
            &w,
            &rx.url,
            json!(["project.budget_warning", "project.budget_reached"]),
        )
        .await;

        // Bad caps are named.
        for bad in [json!(-5), json!(0), json!("lots"), json!(1.5)] {
            patch_project(&app, &mut w, json!({"budget_cap_minor": bad}))
                .await
                .assert_problem(422, Some("budget_cap_minor"));
        }
        // 150.00 an hour; without history an open assignment is expected to take 900 s
        // (`budget.default_item_seconds`): 37.50 each. A cap of 90.00 warns at 72.00.
        let p = patch_project(&app, &mut w, json!({"budget_cap_minor": 9000})).await;
        p.assert_status(200);
        assert_eq!(
            p.json["budget"],
            json!({"cap_minor": 9000, "committed_minor": 0,
            "projected_minor": 0, "currency": "USD", "state": "ok", "open_assignments": 0,
            "expected_seconds_per_assignment": 900, "estimate": "default"})
        );

        let mut first = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, (1..=5).map(item).collect()).await;
        // Offers while the projection is below the cap: 0, 37.50, 75.00 (the third
        // crosses it, to 112.50); the other two items wait with the reason.
        let offered = assigned(&app, &w, &ids).await;
        assert_eq!(offered.len(), 3, "{offered:?}");
        assert_eq!(work(&app, &first, "offered").await.len(), 3);
        let b = project(&app, &mut w).await["budget"].clone();
        assert_eq!(b["state"], "reached", "{b}");
        assert_eq!(b["open_assignments"], 3);
        assert_eq!(b["projected_minor"], 11250);
        assert_eq!(b["committed_minor"], 0);
        for id in ids.iter().filter(|i| !offered.contains(i)) {
            let it = lab_item(&app, &w, id).await;
            assert_eq!(it["status"], "queued");
            assert!(
                it["status_reason"]
                    .as_str()
                    .unwrap()
                    .starts_with("budget_reached"),
                "{it}"
            );
        }

        // An expert with free capacity asks for work: nothing for this project.
        let second = qualified(&app, &w, None, json!({})).await;
        let r = app
            .post("/v1/assignments/next", &second.account.token, json!({}))
            .await;
        assert_eq!(r.status.as_u16(), 204, "{}", r.text);
        assert!(work(&app, &second, "offered").await.is_empty());
        // Neither does the sweep offer it.
        app.advance(Duration::minutes(1));
        app.drain_jobs().await;
        assert!(work(&app, &second, "offered").await.is_empty());
        assert!(work(&app, &second, "accepted").await.is_empty());

        // The lab heard each crossing once, signed, with the numbers.
        let got = rx.received();
        assert_eq!(got.len(), 2, "one event per crossing");
        let events: Vec<Value> = got
            .iter()
            .map(|r| {
                assert_signed(r, &secret);
                serde_json::from_slice(&r.body).unwrap()
            })
            .collect();
        let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["project.budget_warning", "project.budget_reached"]);
        assert_eq!(
            events[0]["data"],
            json!({"project_id": w.project, "cap_minor": 9000,
            "projected_minor": 7500, "committed_minor": 0, "currency": "USD"})
        );
        assert_eq!(
            events[1]["data"],
            json!({"project_id": w.project, "cap_minor": 9000,
            "projected_minor": 11250, "committed_minor": 0, "currency": "USD"})
        );

        // Work already offered continues and is paid: 20 measured minutes, 50.00.
        let a = offered_ids(&work(&app, &first, "offered").await)[0].clone();
        work_on(&app, &mut first, &a, 20).await;
        app.drain_jobs().await;
        let b = project(&app, &mut w).await["budget"].clone();
        assert_eq!(b["committed_minor"], 5000, "{b}");
        assert_eq!(b["projected_minor"], 5000 + 2 * 3750);
        assert_eq!(b["state"], "reached");
        // The freed slot takes no new work of the project.
        assert_eq!(work(&app, &first, "offered").await.len(), 2);
        assert_eq!(rx.received().len(), 2, "no event without a new crossing");

        // The lab raises the cap: routing resumes at once, and the waiting items are
        // offered.
        let p = patch_project(&app, &mut w, json!({"budget_cap_minor": 30000})).await;
        p.assert_status(200);
        assert_eq!(p.json["budget"]["state"], "ok", "{}", p.json);
        app.drain_jobs().await;
        for id in ids.iter().filter(|i| !offered.contains(i)) {
            let it = lab_item(&app, &w, id).await;
            assert_eq!(it["status"], "assigned", "{it}");
            assert!(
                !it["status_reason"].as_str().unwrap().contains("budget"),
                "{it}"
            );
        }
        let b = project(&app, &mut w).await["budget"].clone();
        assert_eq!(b["open_assignments"], 4, "{b}");
        assert_eq!(b["projected_minor"], 5000 + 4 * 3750);
        // 200.00 is below the re-armed warning (240.00): no event.
        assert_eq!(rx.received().len(), 2);

        // A lower cap crosses both thresholds again: each event once more.
        let p = patch_project(&app, &mut w, json!({"budget_cap_minor": 20000})).await;
        assert_eq!(p.json["budget"]["state"], "reached", "{}", p.json);
        app.drain_jobs().await;
        let kinds: Vec<String> = rx
            .received()
            .iter()
            .map(|r| {
                serde_json::from_slice::<Value>(&r.body).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "project.budget_warning",
                "project.budget_reached",
                "project.budget_warning",
                "project.budget_reached"
            ]
        );
        // Removing the cap: no limit.
        let p = patch_project(&app, &mut w, json!({"budget_cap_minor": null})).await;
        p.assert_status(200);
        assert_eq!(p.json["budget_cap_minor"], Value::Null);
        assert_eq!(p.json["budget"]["cap_minor"], Value::Null);
        assert_eq!(p.json["budget"]["state"], "ok");
        let more = push(&app, &w, vec![item(6)]).await;
        assert_eq!(lab_item(&app, &w, &more[0]).await["status"], "assigned");
    })
    .await;
}

/// Moves the clock to `days` after the test's first Monday (2026-03-02) at `hour`:00 UTC.
fn go_to(app: &TestApp, days: i64, hour: u32) {
    let target = Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap() + Duration::days(days);
    let by = target - app.clock_now();
    assert!(by >= Duration::zero(), "the clock only moves forward");
    app.advance(by);
}

#[tokio::test]
async fn projected_spend_is_the_bill_rate_times_time_and_the_invoice_bills_the_committed_spend() {
    on_both_with(
        |s| s.budget.min_history = 1,
        |app| async move {
            let mut w = world(
                &app,
                Opts {
                    overlap: 1,
                    ..Opts::default()
                },
            )
            .await;
            patch_project(&app, &mut w, json!({"budget_cap_minor": 1_000_000}))
                .await
                .assert_status(200);
            let mut e = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, vec![item(1)]).await;
            let b = project(&app, &mut w).await["budget"].clone();
            // One open assignment, no history: 900 s at 150.00 an hour.
            assert_eq!(b["projected_minor"], 3750, "{b}");
            let a = offered_ids(&work(&app, &e, "offered").await)[0].clone();
            work_on(&app, &mut e, &a, 26).await;
            // 26 measured minutes: 65.00 committed, nothing open.
            let b = project(&app, &mut w).await["budget"].clone();
            assert_eq!(b["committed_minor"], 6500, "{b}");
            assert_eq!(b["projected_minor"], 6500);
            assert_eq!(b["open_assignments"], 0);
            // The next open assignment is expected to take the median measured time (1,560 s).
            push(&app, &w, vec![item(2)]).await;
            let b = project(&app, &mut w).await["budget"].clone();
            assert_eq!(b["estimate"], "median", "{b}");
            assert_eq!(b["expected_seconds_per_assignment"], 1560);
            assert_eq!(b["projected_minor"], 6500 + 6500);
            let a = offered_ids(&work(&app, &e, "offered").await)[0].clone();
            work_on(&app, &mut e, &a, 7).await;
            // 6 heartbeat-covered minutes (the odd one is not beaten): 15.00.
            let b = project(&app, &mut w).await["budget"].clone();
            let committed = b["committed_minor"].as_i64().unwrap();
            assert_eq!(committed, 6500 + 1500, "{b}");

            // The week ends, the sheet is submitted and approved, the invoice is issued:
            // it bills exactly the committed spend, and the committed spend stays put.
            go_to(&app, 7, 1);
            app.drain_jobs().await;
            let mut lab = w.lab.clone();
            app.relogin(&mut lab).await;
            let sheets = app.get("/v1/timesheets", &lab.token).await;
            sheets.assert_status(200);
            let sheet = sheets.json["data"][0]["id"].as_str().unwrap().to_owned();
            let ap = app
                .post(
                    &format!("/v1/timesheets/{sheet}/approve"),
                    &lab.token,
                    json!({}),
                )
                .await;
            ap.assert_status(200);
            assert_eq!(ap.json["bill_minor"], committed);
            let mut admin = w.admin.clone();
            app.relogin(&mut admin).await;
            let run = app.post("/v1/invoices/run", &admin.token, json!({})).await;
            run.assert_status(200);
            assert_eq!(
                run.json["issued"][0]["total_minor"], committed,
                "{}",
                run.json
            );
            let b = project(&app, &mut w).await["budget"].clone();
            assert_eq!(b["committed_minor"], committed, "{b}");
        },
    )
    .await;
}
