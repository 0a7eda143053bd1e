//! Escalated items: idempotent batch ingestion (JSON and JSONL) with per-row errors, API
//! key scopes, the active-project rule, concurrency, and tenancy of item reads.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};

struct Lab {
    lab: Account,
    project: String,
    slices: [String; 2],
}

/// An active project with two shared slices and a pinned constitution.
async fn active_project(app: &TestApp) -> Lab {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "code", "name": "Code"}),
        )
        .await;
    let mut slices = Vec::new();
    for key in ["code/rust-review", "code/python-review"] {
        let s = app
            .post(
                "/v1/slices",
                &admin.token,
                json!({"key": key, "domain_id": d.json["id"], "name": key,
                "label_schema": {"kind": "pairwise"}, "measurement_level": "ordinal"}),
            )
            .await;
        s.assert_status(201);
        slices.push(s.json["id"].as_str().unwrap().to_owned());
    }
    let lab = app.lab("Helix").await;
    let p = app
        .post("/v1/projects", &lab.token, json!({"org_id": lab.org(), "name": "Reviews", "domain_id": d.json["id"],
            "slices": [{"slice_id": slices[0]}, {"slice_id": slices[1]}], "bill_rate_minor": 15000, "currency": "USD",
            "default_deadline_secs": 7200}))
        .await;
    p.assert_status(201);
    let project = p.json["id"].as_str().unwrap().to_owned();
    let base = format!("/v1/projects/{project}/constitutions");
    app.post(
        &base,
        &lab.token,
        json!({"title": "Policy", "clauses": [{"id": "C1", "text": "Correctness first."}]}),
    )
    .await
    .assert_status(201);
    app.post(&format!("{base}/1/publish"), &lab.token, json!({}))
        .await
        .assert_status(200);
    app.call(
        Method::PATCH,
        &format!("/v1/projects/{project}"),
        Some(&lab.token),
        Some(json!({"constitution_version": 1})),
    )
    .await
    .assert_status(200);
    Lab {
        lab,
        project,
        slices: [slices[0].clone(), slices[1].clone()],
    }
}

async fn activate(app: &TestApp, l: &Lab) {
    app.post(
        &format!("/v1/projects/{}/status", l.project),
        &l.lab.token,
        json!({"status": "active"}),
    )
    .await
    .assert_status(200);
}

async fn key(app: &TestApp, lab: &Account, scopes: Value) -> String {
    let k = app
        .post(
            &format!("/v1/orgs/{}/api-keys", lab.org()),
            &lab.token,
            json!({"name": "pipeline", "scopes": scopes}),
        )
        .await;
    k.assert_status(201);
    k.json["secret"].as_str().unwrap().to_owned()
}

fn item(external_id: &str, slice: &str) -> Value {
    json!({"external_id": external_id, "slice_id": slice, "payload": {"prompt": "Review", "a": "x?", "b": "x.unwrap()"},
        "judge_confidence": 0.41, "stakes": "high", "priority": 80})
}

fn statuses(r: &Value) -> Vec<&str> {
    r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_pipeline_pushes_a_batch_idempotently_with_errors_per_row() {
    on_both(|app| async move {
        let l = active_project(&app).await;
        let path = format!("/v1/projects/{}/items", l.project);
        let writer = key(&app, &l.lab, json!(["items:write"])).await;
        // Draft projects take no items.
        app.post(&path, &writer, json!([item("i-1", &l.slices[0])]))
            .await
            .assert_problem(409, None);
        activate(&app, &l).await;

        let batch = json!([
            item("i-1", &l.slices[0]),
            {"external_id": "i-2", "payload": {"prompt": "p"}},
            item("i-1", &l.slices[1]),
            {"external_id": "i-3", "slice_id": l.slices[1], "payload": "text", "judge_confidence": 2.0},
            {"external_id": "i-4", "slice_id": "slc_01kjpwd6m0ktpsc20zkd86yv9y", "payload": {}},
            item("i-5", &l.slices[1]),
        ]);
        let r = app.post(&path, &writer, batch.clone()).await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["created", "invalid", "invalid", "invalid", "invalid", "created"]);
        assert_eq!((r.json["created"].as_u64(), r.json["invalid"].as_u64()), (Some(2), Some(4)));
        let field = |row: usize| -> Vec<String> {
            r.json["results"][row]["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
        };
        assert_eq!(field(1), ["slice_id"], "two slices: the row must name one");
        assert_eq!(field(2), ["external_id"], "twice in one batch");
        assert_eq!(field(3), ["payload", "judge_confidence"]);
        assert_eq!(field(4), ["slice_id"]);
        let first = r.json["results"][0]["id"].clone();

        // Re-sending returns the existing items; nothing is duplicated.
        let again = app.post(&path, &writer, json!([item("i-1", &l.slices[0]), item("i-6", &l.slices[0])])).await;
        assert_eq!(statuses(&again.json), ["exists", "created"]);
        assert_eq!(again.json["results"][0]["id"], first);

        // JSON lines, with a broken line reported by its number; a single object works too.
        let jsonl = format!(
            "{}\n{{not json\n\n{}\n",
            item("i-7", &l.slices[0]),
            item("i-5", &l.slices[1])
        );
        let r = app
            .raw(Method::POST, &path, Some(&writer), Some("application/x-ndjson"), jsonl.into_bytes())
            .await;
        r.assert_status(200);
        let rows: Vec<(u64, &str)> = r.json["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["row"].as_u64().unwrap(), x["status"].as_str().unwrap()))
            .collect();
        assert_eq!(rows, [(0, "created"), (1, "invalid"), (3, "exists")]);
        app.post(&path, &writer, item("i-8", &l.slices[0])).await.assert_status(200);

        let reader = key(&app, &l.lab, json!(["items:read"])).await;
        let listed = app.get(&format!("{path}?limit=100"), &reader).await;
        listed.assert_status(200);
        let ids: Vec<&str> = listed.json["data"].as_array().unwrap().iter().map(|i| i["external_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["i-1", "i-5", "i-6", "i-7", "i-8"]);
        let one = &listed.json["data"][0];
        assert_eq!(one["status"], "queued");
        assert_eq!(one["stakes"], "high");
        assert_eq!(one["priority"], 80);
        assert_eq!(one["judge_confidence"], 0.41);
        let deadline = chrono::DateTime::parse_from_rfc3339(one["deadline"].as_str().unwrap()).unwrap();
        assert_eq!(deadline, app.clock_now() + chrono::Duration::seconds(7200), "the project's default deadline");
        let by_external = app.get(&format!("{path}?external_id=i-7"), &reader).await;
        assert_eq!(by_external.json["data"].as_array().unwrap().len(), 1);
        app.get(&format!("{path}?status=lost"), &reader).await.assert_problem(400, Some("status"));

        // Scopes: a reader cannot write, a writer cannot read.
        app.post(&path, &reader, json!([item("i-9", &l.slices[0])])).await.assert_problem(403, None);
        app.get(&path, &writer).await.assert_problem(403, None);
        let audit = app.get("/v1/audit-events?action=items.ingested", &app.platform_admin().await.token).await;
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn items_stay_inside_their_lab() {
    on_both(|app| async move {
        let l = active_project(&app).await;
        activate(&app, &l).await;
        let path = format!("/v1/projects/{}/items", l.project);
        let r = app
            .post(&path, &l.lab.token, json!([item("i-1", &l.slices[0])]))
            .await;
        r.assert_status(200);
        let id = r.json["results"][0]["id"].as_str().unwrap().to_owned();
        app.get(&format!("/v1/items/{id}"), &l.lab.token)
            .await
            .assert_status(200);

        let rival = app.lab("Rival").await;
        let rival_key = key(&app, &rival, json!(["items:read", "items:write"])).await;
        let vendor = app.vendor("Meridian").await;
        let expert = app.expert().await;
        for token in [&rival.token, &rival_key, &vendor.token, &expert.token] {
            app.get(&format!("/v1/items/{id}"), token)
                .await
                .assert_problem(404, None);
            app.get(&path, token).await.assert_problem(404, None);
            app.post(&path, token, json!([item("x", &l.slices[0])]))
                .await
                .assert_problem(404, None);
        }
        app.get("/v1/items/itm_nonsense", &l.lab.token)
            .await
            .assert_problem(400, Some("item"));
    })
    .await;
}

#[tokio::test]
async fn concurrent_batches_with_the_same_ids_create_each_item_once() {
    on_both(|app| async move {
        let l = active_project(&app).await;
        activate(&app, &l).await;
        let path = format!("/v1/projects/{}/items", l.project);
        let batch = json!(
            (0..20)
                .map(|n| item(&format!("c-{n}"), &l.slices[0]))
                .collect::<Vec<_>>()
        );
        let (a, b, c) = tokio::join!(
            app.post(&path, &l.lab.token, batch.clone()),
            app.post(&path, &l.lab.token, batch.clone()),
            app.post(&path, &l.lab.token, batch.clone()),
        );
        let created: u64 = [&a, &b, &c]
            .iter()
            .map(|r| r.json["created"].as_u64().unwrap())
            .sum();
        let existing: u64 = [&a, &b, &c]
            .iter()
            .map(|r| r.json["existing"].as_u64().unwrap())
            .sum();
        assert_eq!((created, existing), (20, 40));
        let listed = app.get(&format!("{path}?limit=100"), &l.lab.token).await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 20);
    })
    .await;
}
