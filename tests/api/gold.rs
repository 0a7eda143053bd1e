//! Gold items: bulk upload with per-row errors (JSON and JSONL), idempotency by
//! external id, ownership (lab project gold, vendor calibration, platform pool), and
//! answers never reaching experts or other tenants.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};

/// A lab with an active-ready project on a shared pairwise slice and a pinned
/// constitution with clauses C1 and C2. Returns (lab, project id, slice id).
async fn setup(app: &TestApp) -> (Account, String, String) {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "code", "name": "Code"}),
        )
        .await;
    let domain = d.json["id"].as_str().unwrap().to_owned();
    let s = app
        .post("/v1/slices", &admin.token, json!({"key": "code/rust-review", "domain_id": domain, "name": "Rust review",
            "label_schema": {"kind": "pairwise", "max_strength": 3}, "measurement_level": "ordinal"}))
        .await;
    let slice = s.json["id"].as_str().unwrap().to_owned();
    let lab = app.lab("Gold Labs").await;
    let p = app
        .post(
            "/v1/projects",
            &lab.token,
            json!({"org_id": lab.org(), "name": "Reviews", "domain_id": domain,
            "slices": [{"slice_id": slice}], "bill_rate_minor": 15000, "currency": "USD"}),
        )
        .await;
    let project = p.json["id"].as_str().unwrap().to_owned();
    let base = format!("/v1/projects/{project}/constitutions");
    app.post(&base, &lab.token, json!({"title": "Policy", "clauses": [{"id": "C1", "text": "Correctness first."}, {"id": "C2", "text": "Then clarity."}]}))
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
    (lab, project, slice)
}

fn item(external_id: &str, answer: Value) -> Value {
    json!({"external_id": external_id, "payload": {"prompt": "Review this diff", "a": "fn a() {}", "b": "fn b() {}"},
        "answer": answer, "explanation": "A handles the error path."})
}

fn statuses(r: &Value) -> Vec<String> {
    r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap().to_owned())
        .collect()
}

fn error_fields(r: &Value, row: usize) -> Vec<String> {
    r["results"][row]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_lab_uploads_gold_with_errors_reported_per_row() {
    on_both(|app| async move {
        let (lab, project, slice) = setup(&app).await;
        let path = format!("/v1/projects/{project}/gold-items");
        let good = json!({"preference": "a", "strength": 2, "rationale": "A is correct", "cited_clauses": ["C1"]});
        let mut no_explanation = item("g4", good.clone());
        no_explanation["explanation"] = json!("");
        let mut wrong_slice = item("g5", good.clone());
        wrong_slice["slice_id"] = json!("slc_01jd3v7q8y2k5m9n4p6r8s0t2w");
        let body = json!([
            item("g1", good.clone()),
            item("g2", json!({"preference": "a", "strength": 7, "rationale": "r", "cited_clauses": ["C2", "C8"]})),
            item("g3", json!({"preference": "b", "strength": 1, "rationale": "r", "cited_clauses": ["C9"]})),
            no_explanation,
            wrong_slice,
            item("g1", good.clone()),
            {"payload": "not an object", "answer": good, "explanation": "x"},
        ]);
        let r = app.post(&path, &lab.token, body).await;
        r.assert_status(200);
        assert_eq!(statuses(&r.json), ["created", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid"]);
        assert_eq!((r.json["created"].clone(), r.json["invalid"].clone()), (json!(1), json!(6)));
        assert_eq!(error_fields(&r.json, 1), ["answer.strength", "answer.cited_clauses[1]"]);
        assert_eq!(error_fields(&r.json, 2), ["answer.cited_clauses[0]"]);
        assert_eq!(error_fields(&r.json, 3), ["explanation"]);
        assert_eq!(error_fields(&r.json, 4), ["slice_id"]);
        assert_eq!(error_fields(&r.json, 5), ["external_id"]);
        assert_eq!(error_fields(&r.json, 6), ["payload"]);

        // Only the valid row was written; its answer is stored as sent.
        let listed = app.get(&path, &lab.token).await;
        let data = listed.json["data"].as_array().unwrap();
        assert_eq!(data.len(), 1);
        assert_eq!(data[0]["external_id"], "g1");
        assert_eq!(data[0]["slice_id"], slice);
        assert_eq!(data[0]["answer"]["strength"], 2);

        // Re-sending an external id reports the existing item; JSONL works, bad lines are rows too.
        let jsonl = format!(
            "{}\n{}\n{{not json\n",
            item("g1", json!({"preference": "tie", "rationale": "same"})),
            item("g6", json!({"preference": "tie", "both_bad": true, "rationale": "both leak memory"}))
        );
        let r = app.raw(Method::POST, &path, Some(&lab.token), Some("application/x-ndjson"), jsonl.into_bytes()).await;
        r.assert_status(200);
        let r = r.json;
        assert_eq!(statuses(&r), ["exists", "created", "invalid"]);
        assert_eq!(r["results"][0]["id"], data[0]["id"]);
        assert_eq!(error_fields(&r, 2), ["row"]);
        assert_eq!(app.get(&path, &lab.token).await.json["data"].as_array().unwrap().len(), 2);

        // Whole-request problems are problems, not rows.
        app.post(&path, &lab.token, json!([])).await.assert_problem(422, Some("body"));
        app.post(&path, &lab.token, json!("x")).await.assert_problem(422, Some("body"));
        let too_many: Vec<Value> = (0..1001).map(|i| item(&format!("n{i}"), json!({"preference": "tie", "rationale": "r"}))).collect();
        app.post(&path, &lab.token, json!(too_many)).await.assert_problem(422, Some("body"));
    })
    .await;
}

#[tokio::test]
async fn gold_answers_never_reach_experts_or_other_labs() {
    on_both(|app| async move {
        let (lab, project, slice) = setup(&app).await;
        let path = format!("/v1/projects/{project}/gold-items");
        app.post(
            &path,
            &lab.token,
            json!([item(
                "g1",
                json!({"preference": "a", "strength": 1, "rationale": "r"})
            )]),
        )
        .await
        .assert_status(200);
        let other = app.lab("Other Labs").await;
        app.get(&path, &other.token).await.assert_problem(404, None);
        app.post(
            &path,
            &other.token,
            json!([item("x", json!({"preference": "tie", "rationale": "r"}))]),
        )
        .await
        .assert_problem(404, None);
        let expert = app.expert().await;
        app.get(&path, &expert.token)
            .await
            .assert_problem(404, None);
        app.get(&format!("/v1/slices/{slice}/gold-items"), &expert.token)
            .await
            .assert_problem(403, None);
        let vendor = app.vendor("Some Vendor").await;
        app.get(&path, &vendor.token)
            .await
            .assert_problem(404, None);
        // An expert who also joined the lab is still refused.
        let token = app.invite(&lab, &expert.email, "lab_member").await;
        app.post(
            "/v1/invitations/accept",
            &expert.token,
            json!({"token": token}),
        )
        .await
        .assert_status(200);
        let r = app.get(&path, &expert.token).await;
        r.assert_problem(403, None);
        assert!(r.text.contains("experts never see gold"), "{}", r.text);
        // API keys need `gold:read`; `projects:read` is not enough.
        let keys = format!("/v1/orgs/{}/api-keys", lab.org());
        let narrow = app
            .post(
                &keys,
                &lab.token,
                json!({"name": "p", "scopes": ["projects:read"]}),
            )
            .await;
        let gold = app
            .post(
                &keys,
                &lab.token,
                json!({"name": "g", "scopes": ["gold:read"]}),
            )
            .await;
        app.get(&path, narrow.json["secret"].as_str().unwrap())
            .await
            .assert_problem(403, None);
        app.get(&path, gold.json["secret"].as_str().unwrap())
            .await
            .assert_status(200);
        // The lab's gold is not part of the platform pool or any vendor's material.
        let admin = app.platform_admin().await;
        let pool = app
            .get(&format!("/v1/slices/{slice}/gold-items"), &admin.token)
            .await;
        assert_eq!(pool.json["data"], json!([]));
    })
    .await;
}

#[tokio::test]
async fn vendors_keep_calibration_gold_and_the_platform_keeps_the_assessment_pool() {
    on_both(|app| async move {
        let (lab, _, slice) = setup(&app).await;
        let vendor = app.vendor("Meridian").await;
        let rival = app.vendor("Rival").await;
        let admin = app.platform_admin().await;
        let mine = format!("/v1/slices/{slice}/gold-items?org_id={}", vendor.org());
        let answer = json!({"preference": "b", "strength": 3, "rationale": "B is safe"});
        let r = app
            .post(
                &mine,
                &vendor.token,
                json!([item("cal-1", answer.clone()), item("cal-2", answer.clone())]),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["created"], 2);
        assert_eq!(
            app.get(&mine, &vendor.token).await.json["data"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        // Another vendor cannot read or write it; the same external id is free in another scope.
        app.get(&mine, &rival.token).await.assert_problem(404, None);
        app.post(&mine, &rival.token, json!([item("cal-1", answer.clone())]))
            .await
            .assert_problem(404, None);
        let theirs = format!("/v1/slices/{slice}/gold-items?org_id={}", rival.org());
        assert_eq!(
            app.post(
                &theirs,
                &rival.token,
                json!([item("cal-1", answer.clone())])
            )
            .await
            .json["created"],
            1
        );
        // A lab's id is not a vendor; only platform admins feed the assessment pool.
        app.post(
            &format!("/v1/slices/{slice}/gold-items?org_id={}", lab.org()),
            &lab.token,
            json!([item("x", answer.clone())]),
        )
        .await
        .assert_problem(400, Some("org_id"));
        let pool = format!("/v1/slices/{slice}/gold-items");
        app.post(&pool, &lab.token, json!([item("p1", answer.clone())]))
            .await
            .assert_problem(403, None);
        assert_eq!(
            app.post(&pool, &admin.token, json!([item("p1", answer.clone())]))
                .await
                .json["created"],
            1
        );
        let listed = app.get(&pool, &admin.token).await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 1);
        assert_eq!(listed.json["data"][0]["owner_kind"], "platform");
        // Slice gold is validated against the slice's schema too.
        let bad = app
            .post(
                &pool,
                &admin.token,
                json!([item("p2", json!({"preference": "a", "rationale": "r"}))]),
            )
            .await;
        assert_eq!(error_fields(&bad.json, 0), ["answer.strength"]);
        let audit = app
            .get("/v1/audit-events?action=gold.uploaded", &admin.token)
            .await;
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn concurrent_uploads_of_one_external_id_create_it_once() {
    on_both(|app| async move {
        let (lab, project, _) = setup(&app).await;
        let path = format!("/v1/projects/{project}/gold-items");
        let body = json!([item(
            "same",
            json!({"preference": "a", "strength": 1, "rationale": "r"})
        )]);
        let (a, b) = tokio::join!(
            app.post(&path, &lab.token, body.clone()),
            app.post(&path, &lab.token, body.clone())
        );
        a.assert_status(200);
        b.assert_status(200);
        let mut both = vec![statuses(&a.json)[0].clone(), statuses(&b.json)[0].clone()];
        both.sort();
        assert_eq!(both, ["created", "exists"]);
        assert_eq!(
            app.get(&path, &lab.token).await.json["data"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    })
    .await;
}

#[tokio::test]
async fn project_gold_needs_a_pinned_constitution() {
    on_both(|app| async move {
        let (lab, project, slice) = setup(&app).await;
        let p = app
            .get(&format!("/v1/projects/{project}"), &lab.token)
            .await;
        let other = app
            .post(
                "/v1/projects",
                &lab.token,
                json!({"org_id": lab.org(), "name": "Unpinned", "domain_id": p.json["domain_id"],
                "slices": [{"slice_id": slice}], "bill_rate_minor": 100, "currency": "USD"}),
            )
            .await;
        let id = other.json["id"].as_str().unwrap();
        let r = app
            .post(
                &format!("/v1/projects/{id}/gold-items"),
                &lab.token,
                json!([item("x", json!({"preference": "tie", "rationale": "r"}))]),
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("constitution"), "{}", r.text);
    })
    .await;
}
