//! An item's life after ingestion at its lab's request (issue 25): cancel (open
//! assignments end, worked time is paid and billed, idempotent, never routed again, resolved
//! items refuse), priority and deadline updates, the bulk forms by ids and external ids with
//! per-row results, the `item.cancelled` webhook on a real listener, tenancy and API-key
//! scopes; and re-sent external ids whose content differs reported as conflicts by field.

use chrono::{DateTime, Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both, on_both_with};
use crate::routing::{
    Opts, World, accept_and_submit, item, lab_item, prefer, push, qualified, work, world,
};
use crate::webhooks::{Receiver, assert_signed, open_webhooks, register};

async fn cancel(app: &TestApp, token: &str, item: &str, reason: &str) -> crate::helpers::Resp {
    app.post(
        &format!("/v1/items/{item}/cancel"),
        token,
        json!({ "reason": reason }),
    )
    .await
}

async fn patch(app: &TestApp, token: &str, item: &str, body: Value) -> crate::helpers::Resp {
    app.call(
        Method::PATCH,
        &format!("/v1/items/{item}"),
        Some(token),
        Some(body),
    )
    .await
}

async fn api_key(app: &TestApp, w: &World, scopes: Value) -> String {
    let k = app
        .post(
            &format!("/v1/orgs/{}/api-keys", w.lab.org()),
            &w.lab.token,
            json!({"name": "pipeline", "scopes": scopes}),
        )
        .await;
    k.assert_status(201);
    k.json["secret"].as_str().unwrap().to_owned()
}

fn statuses(r: &Value) -> Vec<String> {
    r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap().to_owned())
        .collect()
}

fn fields(errors: &Value) -> Vec<String> {
    errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

fn at(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

#[tokio::test]
async fn cancelling_ends_open_assignments_pays_the_time_worked_and_is_idempotent() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let mut worker = qualified(&app, &w, None, json!({})).await;
        let idle = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let offered = work(&app, &worker, "offered").await;
        assert_eq!(offered.len(), 1);
        assert_eq!(
            work(&app, &idle, "offered").await.len(),
            1,
            "overlap 2: both are offered"
        );
        let a = offered[0]["id"].as_str().unwrap().to_owned();

        // The worker accepts and works six minutes (a heartbeat every two); the other
        // expert never accepts.
        app.post(
            &format!("/v1/assignments/{a}/accept"),
            &worker.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        for _ in 0..3 {
            app.advance(Duration::minutes(2));
            app.post(
                &format!("/v1/assignments/{a}/heartbeat"),
                &worker.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
        }
        app.advance(Duration::minutes(1));

        let r = cancel(
            &app,
            &w.lab.token,
            &ids[0],
            "the upstream conversation was deleted",
        )
        .await;
        r.assert_status(200);
        assert_eq!(r.json["status"], "cancelled", "{}", r.json);
        assert!(
            r.json["status_reason"]
                .as_str()
                .unwrap()
                .contains("the upstream conversation was deleted"),
            "{}",
            r.json
        );
        let p = &r.json["progress"];
        assert_eq!(
            (
                p["offered"].as_i64(),
                p["accepted"].as_i64(),
                p["cancelled"].as_i64()
            ),
            (Some(0), Some(0), Some(2)),
            "{p}"
        );

        // Both assignments ended as cancelled; the worker can no longer beat or submit.
        assert_eq!(work(&app, &worker, "cancelled").await.len(), 1);
        assert_eq!(work(&app, &idle, "cancelled").await.len(), 1);
        assert!(work(&app, &idle, "offered").await.is_empty());
        app.post(
            &format!("/v1/assignments/{a}/heartbeat"),
            &worker.account.token,
            json!({}),
        )
        .await
        .assert_problem(409, None);
        app.post(
            &format!("/v1/assignments/{a}/submit"),
            &worker.account.token,
            json!({"label": prefer("a", 2)}),
        )
        .await
        .assert_problem(409, None);

        // The six measured minutes are one time entry on the worker's timesheet, billed to
        // the lab; the expert who never accepted has nothing.
        app.relogin(&mut worker.account).await;
        let entries = app.get("/v1/time-entries", &worker.account.token).await;
        entries.assert_status(200);
        let data = entries.json["data"].as_array().unwrap();
        assert_eq!(data.len(), 1, "{}", entries.json);
        assert_eq!(data[0]["source_id"], a.as_str());
        assert_eq!(data[0]["seconds"], 360, "{}", data[0]);
        assert_eq!(data[0]["payer_type"], "lab");
        let idle_entries = app.get("/v1/time-entries", &idle.account.token).await;
        assert!(
            idle_entries.json["data"].as_array().unwrap().is_empty(),
            "{}",
            idle_entries.json
        );
        let sheets = app.get("/v1/timesheets", &w.lab.token).await;
        sheets.assert_status(200);
        let sheets = sheets.json["data"].as_array().unwrap().clone();
        assert_eq!(sheets.len(), 1, "{sheets:?}");
        assert_eq!(sheets[0]["seconds"], 360);
        let own = app.get("/v1/timesheets", &worker.account.token).await;
        assert_eq!(
            own.json["data"][0]["id"], sheets[0]["id"],
            "the worker's own sheet"
        );

        // Idempotent: a second cancel answers the same item and changes nothing.
        app.advance(Duration::minutes(5));
        let again = cancel(&app, &w.lab.token, &ids[0], "a retry of the pipeline").await;
        again.assert_status(200);
        assert_eq!(again.json, r.json, "the same item, unchanged");
        let entries = app.get("/v1/time-entries", &worker.account.token).await;
        assert_eq!(entries.json["data"].as_array().unwrap().len(), 1);
        let audit = app
            .get("/v1/audit-events?action=item.cancelled", &w.admin.token)
            .await;
        audit.assert_status(200);
        assert_eq!(
            audit.json["data"].as_array().unwrap().len(),
            1,
            "{}",
            audit.json
        );

        // Their freed slots take other waiting work; the cancelled item is not offered again.
        let later = push(&app, &w, vec![item(2)]).await;
        let next = app
            .post("/v1/assignments/next", &worker.account.token, json!({}))
            .await;
        next.assert_status(200);
        assert_eq!(next.json["payload"]["n"], 2, "{}", next.json);
        assert_eq!(
            lab_item(&app, &w, &later[0]).await["progress"]["accepted"],
            1
        );
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "cancelled");
    })
    .await;
}

#[tokio::test]
async fn a_cancelled_item_is_never_offered_and_is_listed_as_cancelled() {
    on_both(|app| async move {
        let mut w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        // Nobody can take work yet: both items wait in the queue.
        let ids = push(&app, &w, vec![item(1), item(2)]).await;
        cancel(&app, &w.lab.token, &ids[0], "duplicate of another item")
            .await
            .assert_status(200);
        let e = qualified(&app, &w, None, json!({})).await;
        // The expert's pull takes the waiting item, never the cancelled one.
        let taken = app
            .post("/v1/assignments/next", &e.account.token, json!({}))
            .await;
        taken.assert_status(200);
        assert_eq!(taken.json["payload"]["n"], 2, "{}", taken.json);
        let again = app
            .post("/v1/assignments/next", &e.account.token, json!({}))
            .await;
        again.assert_status(200);
        assert_eq!(
            again.json["id"], taken.json["id"],
            "their accepted work, nothing else"
        );
        let mine: Vec<Value> = [
            work(&app, &e, "offered").await,
            work(&app, &e, "accepted").await,
        ]
        .concat();
        assert_eq!(mine.len(), 1, "{mine:?}");
        // The routing sweep does not revive it either.
        app.advance(Duration::minutes(30));
        app.drain_jobs().await;
        app.relogin(&mut w.admin).await;
        app.relogin(&mut w.lab).await;
        let e2 = qualified(&app, &w, None, json!({})).await;
        app.post("/v1/assignments/next", &e2.account.token, json!({}))
            .await
            .assert_status(204);
        let lab = &w.lab;
        let path = format!("/v1/projects/{}/items", w.project);
        let cancelled = app
            .get(&format!("{path}?status=cancelled"), &lab.token)
            .await;
        cancelled.assert_status(200);
        let listed: Vec<&str> = cancelled.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(listed, [ids[0].as_str()]);
        let queued = app.get(&format!("{path}?status=queued"), &lab.token).await;
        assert!(
            queued.json["data"].as_array().unwrap().is_empty(),
            "{}",
            queued.json
        );
    })
    .await;
}

#[tokio::test]
async fn resolved_items_refuse_and_only_the_labs_writers_may_cancel_or_update() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let e = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let a = work(&app, &e, "offered").await;
        accept_and_submit(&app, &e, a[0]["id"].as_str().unwrap(), prefer("a", 2)).await;
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "resolved");
        let r = cancel(&app, &w.lab.token, &ids[0], "too late").await;
        r.assert_problem(409, None);
        assert!(r.text.contains("resolved"), "{}", r.text);
        patch(&app, &w.lab.token, &ids[0], json!({"priority": 90}))
            .await
            .assert_problem(409, None);
        assert_eq!(
            lab_item(&app, &w, &ids[0]).await["status"],
            "resolved",
            "nothing changed"
        );

        // Another lab (member or key), an expert: 404, as if the item did not exist.
        let waiting = push(&app, &w, vec![item(2)]).await;
        let rival = app.lab("Rival").await;
        let rival_key = {
            let k = app
                .post(
                    &format!("/v1/orgs/{}/api-keys", rival.org()),
                    &rival.token,
                    json!({"name": "pipeline", "scopes": ["items:write", "items:read"]}),
                )
                .await;
            k.assert_status(201);
            k.json["secret"].as_str().unwrap().to_owned()
        };
        for token in [&rival.token, &rival_key, &e.account.token] {
            cancel(&app, token, &waiting[0], "not mine")
                .await
                .assert_problem(404, None);
            patch(&app, token, &waiting[0], json!({"priority": 1}))
                .await
                .assert_problem(404, None);
            app.post(
                &format!("/v1/projects/{}/items/cancel", w.project),
                token,
                json!({"ids": [waiting[0]], "reason": "not mine"}),
            )
            .await
            .assert_problem(404, None);
        }
        // A key of the lab without `items:write`: 403; with it, the change goes through.
        let reader = api_key(&app, &w, json!(["items:read"])).await;
        cancel(&app, &reader, &waiting[0], "no scope")
            .await
            .assert_problem(403, None);
        patch(&app, &reader, &waiting[0], json!({"priority": 1}))
            .await
            .assert_problem(403, None);
        app.post(
            &format!("/v1/projects/{}/items/update", w.project),
            &reader,
            json!({"ids": [waiting[0]], "priority": 1}),
        )
        .await
        .assert_problem(403, None);
        assert_eq!(lab_item(&app, &w, &waiting[0]).await["status"], "assigned");
        let writer = api_key(&app, &w, json!(["items:write"])).await;
        patch(&app, &writer, &waiting[0], json!({"priority": 7}))
            .await
            .assert_status(200);
        let c = cancel(&app, &writer, &waiting[0], "the pipeline withdrew it").await;
        c.assert_status(200);
        assert_eq!(c.json["status"], "cancelled");

        // Bad input names the field; a malformed id names the path parameter.
        cancel(&app, &w.lab.token, &waiting[0], " ")
            .await
            .assert_problem(422, Some("reason"));
        app.post(
            &format!("/v1/items/{}/cancel", waiting[0]),
            &w.lab.token,
            json!({}),
        )
        .await
        .assert_problem(422, Some("reason"));
        cancel(&app, &w.lab.token, "itm_nonsense", "x")
            .await
            .assert_problem(400, Some("item"));
    })
    .await;
}

#[tokio::test]
async fn priority_and_deadline_change_validated_and_reach_open_assignments() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let e = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        assert_eq!(work(&app, &e, "offered").await[0]["priority"], 80);

        let deadline = app.clock_now() + Duration::days(5);
        let r = patch(
            &app,
            &w.lab.token,
            &ids[0],
            json!({"priority": 95, "deadline": deadline}),
        )
        .await;
        r.assert_status(200);
        assert_eq!(r.json["priority"], 95);
        assert_eq!(at(&r.json["deadline"]), deadline);
        let seen = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(
            (seen["priority"].clone(), at(&seen["deadline"])),
            (json!(95), deadline)
        );
        assert_eq!(
            work(&app, &e, "offered").await[0]["priority"],
            95,
            "the expert's queue follows"
        );
        // One field alone keeps the other.
        let r = patch(&app, &w.lab.token, &ids[0], json!({"priority": 10})).await;
        r.assert_status(200);
        assert_eq!(
            (r.json["priority"].clone(), at(&r.json["deadline"])),
            (json!(10), deadline)
        );

        // Checked as on ingestion, naming each field; nothing half-written.
        let now = app.clock_now();
        for (body, field) in [
            (json!({"priority": 101}), "priority"),
            (json!({"priority": -1}), "priority"),
            (json!({"deadline": now + Duration::minutes(2)}), "deadline"),
            (json!({"deadline": now + Duration::days(91)}), "deadline"),
            (
                json!({"priority": 50, "deadline": now - Duration::hours(1)}),
                "deadline",
            ),
            (json!({}), "priority"),
            (json!({"priority": "high"}), "priority"),
            (json!({"stakes": "low"}), "stakes"),
        ] {
            patch(&app, &w.lab.token, &ids[0], body.clone())
                .await
                .assert_problem(422, Some(field));
        }
        let seen = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(
            (seen["priority"].clone(), at(&seen["deadline"])),
            (json!(10), deadline)
        );

        // A cancelled item cannot be updated.
        cancel(&app, &w.lab.token, &ids[0], "withdrawn")
            .await
            .assert_status(200);
        patch(&app, &w.lab.token, &ids[0], json!({"priority": 60}))
            .await
            .assert_problem(409, None);
        let audit = app
            .get("/v1/audit-events?action=item.updated", &w.admin.token)
            .await;
        assert_eq!(
            audit.json["data"].as_array().unwrap().len(),
            2,
            "{}",
            audit.json
        );
    })
    .await;
}

#[tokio::test]
async fn bulk_cancel_and_update_by_ids_and_external_ids_report_every_row() {
    on_both(|app| async move {
        let w = world(&app, Opts { overlap: 1, ..Opts::default() }).await;
        let ids = push(&app, &w, (1..=5).map(item).collect()).await;
        let cancel_path = format!("/v1/projects/{}/items/cancel", w.project);
        let update_path = format!("/v1/projects/{}/items/update", w.project);
        let unknown = "itm_01kjpwd6m0ktpsc20zkd86yv9y";

        let r = app
            .post(&cancel_path, &w.lab.token,
                json!({"ids": [ids[0], ids[1], unknown, "nonsense", ids[0]], "reason": "the batch was withdrawn"}))
            .await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["cancelled", "cancelled", "not_found", "invalid", "invalid"], "{}", r.json);
        assert_eq!(
            (r.json["changed"].as_u64(), r.json["not_found"].as_u64(), r.json["invalid"].as_u64()),
            (Some(2), Some(1), Some(2))
        );
        assert_eq!(r.json["results"][0]["external_id"], "esc-1");
        assert_eq!(fields(&r.json["results"][3]["errors"]), ["id"]);
        assert_eq!(r.json["results"][2]["id"], unknown);

        // By external ids: a cancelled one is unchanged, a new one cancelled, unknown ones
        // not found.
        let r = app
            .post(&cancel_path, &w.lab.token,
                json!({"external_ids": ["esc-2", "esc-3", "esc-404"], "reason": "withdrawn"}))
            .await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["unchanged", "cancelled", "not_found"], "{}", r.json);
        assert_eq!(r.json["results"][1]["id"], ids[2].as_str());
        for (n, want) in [(0, "cancelled"), (1, "cancelled"), (2, "cancelled"), (3, "queued"), (4, "queued")] {
            assert_eq!(lab_item(&app, &w, &ids[n]).await["status"], want, "item {n}");
        }

        // Bulk update: one new priority and deadline for every named item.
        let deadline = app.clock_now() + Duration::days(2);
        let r = app
            .post(&update_path, &w.lab.token,
                json!({"external_ids": ["esc-4", "esc-1", "esc-404"], "priority": 99, "deadline": deadline}))
            .await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["updated", "conflict", "not_found"], "{}", r.json);
        assert_eq!(fields(&r.json["results"][1]["errors"]), ["status"]);
        assert_eq!(r.json["conflicts"], 1);
        let four = lab_item(&app, &w, &ids[3]).await;
        assert_eq!((four["priority"].clone(), at(&four["deadline"])), (json!(99), deadline));
        let r = app
            .post(&update_path, &w.lab.token, json!({"ids": [ids[3], ids[4]], "priority": 99}))
            .await;
        assert_eq!(statuses(&r.json), ["unchanged", "updated"], "{}", r.json);

        // Whole-request problems: 422 naming the field, nothing done.
        let many: Vec<String> = (0..1001).map(|n| format!("esc-{n}")).collect();
        app.post(&cancel_path, &w.lab.token, json!({"external_ids": many, "reason": "too many"}))
            .await
            .assert_problem(422, Some("external_ids"));
        let many_ids: Vec<&str> = std::iter::repeat_n(unknown, 1001).collect();
        app.post(&update_path, &w.lab.token, json!({"ids": many_ids, "priority": 1}))
            .await
            .assert_problem(422, Some("ids"));
        app.post(&cancel_path, &w.lab.token, json!({"ids": [ids[4]], "external_ids": ["esc-5"], "reason": "x"}))
            .await
            .assert_problem(422, Some("ids"));
        app.post(&cancel_path, &w.lab.token, json!({"ids": [], "reason": "x"}))
            .await
            .assert_problem(422, Some("ids"));
        app.post(&cancel_path, &w.lab.token, json!({"ids": [ids[4]]}))
            .await
            .assert_problem(422, Some("reason"));
        app.post(&update_path, &w.lab.token, json!({"ids": [ids[4]], "priority": 101}))
            .await
            .assert_problem(422, Some("priority"));
        app.post(&update_path, &w.lab.token, json!({"ids": [ids[4]], "deadline": app.clock_now()}))
            .await
            .assert_problem(422, Some("deadline"));
        assert_eq!(lab_item(&app, &w, &ids[4]).await["status"], "queued");
        assert_eq!(lab_item(&app, &w, &ids[4]).await["priority"], 99);
    })
    .await;
}

#[tokio::test]
async fn the_item_cancelled_event_reaches_a_listener_signed_once() {
    on_both_with(open_webhooks, |app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let rx = Receiver::start(&[]).await;
        let (_, secret) = register(&app, &w, &rx.url, json!(["item.cancelled"])).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        cancel(
            &app,
            &w.lab.token,
            &ids[0],
            "the upstream conversation was deleted",
        )
        .await
        .assert_status(200);
        app.drain_jobs().await;
        let got = rx.received();
        assert_eq!(got.len(), 1);
        assert_signed(&got[0], &secret);
        assert_eq!(got[0].headers["cadre-event-type"], "item.cancelled");
        let event: Value = serde_json::from_slice(&got[0].body).unwrap();
        assert_eq!(event["type"], "item.cancelled");
        assert_eq!(
            event["data"]["reason"],
            "the upstream conversation was deleted"
        );
        assert_eq!(event["data"]["item"]["id"], ids[0].as_str());
        assert_eq!(event["data"]["item"]["status"], "cancelled");
        assert_eq!(event["data"]["item"]["external_id"], "esc-1");

        // A repeated cancel sends nothing more; a bulk cancel sends one per item.
        cancel(&app, &w.lab.token, &ids[0], "again")
            .await
            .assert_status(200);
        let more = push(&app, &w, vec![item(2)]).await;
        app.post(
            &format!("/v1/projects/{}/items/cancel", w.project),
            &w.lab.token,
            json!({"ids": [ids[0], more[0]], "reason": "batch"}),
        )
        .await
        .assert_status(200);
        app.drain_jobs().await;
        let got = rx.received();
        assert_eq!(got.len(), 2);
        let event: Value = serde_json::from_slice(&got[1].body).unwrap();
        assert_eq!(event["data"]["item"]["id"], more[0].as_str());
        assert_signed(&got[1], &secret);
    })
    .await;
}

#[tokio::test]
async fn a_resend_with_different_content_is_a_conflict_naming_the_fields() {
    on_both(|app| async move {
        let w = world(&app, Opts { overlap: 1, ..Opts::default() }).await;
        let path = format!("/v1/projects/{}/items", w.project);
        let first = push(&app, &w, vec![item(1)]).await;

        // The same content (another key order, another priority) stays `exists`.
        let same = json!({"external_id": "esc-1", "payload": {"n": 1, "prompt": "Which diff is safer?"},
            "judge_confidence": 0.41, "stakes": "high", "priority": 10});
        let r = app.post(&path, &w.lab.token, json!([same])).await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["exists"]);
        assert_eq!(r.json["results"][0]["id"], first[0].as_str());

        // Another payload and stakes: a conflict naming both, nothing written.
        let mut changed = item(1);
        changed["payload"]["n"] = json!(2);
        changed["stakes"] = json!("low");
        let r = app.post(&path, &w.lab.token, json!([changed, item(2)])).await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["conflict", "created"], "{}", r.json);
        assert_eq!(r.json["conflicts"], 1);
        assert_eq!(r.json["results"][0]["id"], first[0].as_str());
        assert_eq!(fields(&r.json["results"][0]["errors"]), ["payload", "stakes"]);
        let stored = lab_item(&app, &w, &first[0]).await;
        assert_eq!((stored["payload"]["n"].clone(), stored["stakes"].clone()), (json!(1), json!("high")));

        // A second slice in the project: re-sending the id in the other slice conflicts on
        // `slice_id`; sent as one object (a single-item request), the conflict is a 422.
        let s = app
            .post("/v1/slices", &w.admin.token, json!({"key": "code/python-review", "domain_id": w.domain,
                "name": "Python review", "label_schema": {"kind": "pairwise", "max_strength": 3},
                "measurement_level": "ordinal", "language": "en"}))
            .await;
        s.assert_status(201);
        let other = s.json["id"].as_str().unwrap().to_owned();
        app.call(Method::PATCH, &format!("/v1/projects/{}", w.project), Some(&w.lab.token),
            Some(json!({"slices": [{"slice_id": w.slice, "min_qualification": "probation"},
                {"slice_id": other, "min_qualification": "probation"}]})))
            .await
            .assert_status(200);
        let mut moved = item(1);
        moved["slice_id"] = json!(other);
        let r = app.post(&path, &w.lab.token, moved.clone()).await;
        r.assert_problem(422, Some("slice_id"));
        assert_eq!(fields(&r.json["errors"]), ["slice_id"], "{}", r.json);
        let r = app.post(&path, &w.lab.token, json!([moved])).await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["conflict"], "{}", r.json);
        assert_eq!(fields(&r.json["results"][0]["errors"]), ["slice_id"]);
        let mut home = item(1);
        home["slice_id"] = json!(w.slice);
        let r = app.post(&path, &w.lab.token, home).await;
        assert_eq!(statuses(&r.json), ["exists"], "{}", r.json);
        let listed = app.get(&format!("{path}?limit=100"), &w.lab.token).await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 2, "esc-1 and esc-2 only");
    })
    .await;
}
