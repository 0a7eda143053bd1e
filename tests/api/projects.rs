//! Lab projects: lifecycle and its guards, versioned constitutions (publish,
//! immutability, diff), validation, and tenancy.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, PASSWORD, TestApp, on_both};

/// A platform-made domain `medicine` with shared slice `medicine/triage`, and one
/// outside it (`law` with `law/contracts`). Returns (medicine id, triage id, law slice id).
async fn taxonomy(app: &TestApp) -> (String, String, String) {
    let admin = app.platform_admin().await;
    let med = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "medicine", "name": "Medicine"}),
        )
        .await;
    let law = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "law", "name": "Law"}),
        )
        .await;
    let med_id = med.json["id"].as_str().unwrap().to_owned();
    let law_id = law.json["id"].as_str().unwrap().to_owned();
    let triage = app
        .post("/v1/slices", &admin.token, json!({"key": "medicine/triage", "domain_id": med_id, "name": "Triage",
            "label_schema": {"kind": "categorical", "labels": ["urgent", "routine"]}, "measurement_level": "nominal"}))
        .await;
    let contracts = app
        .post(
            "/v1/slices",
            &admin.token,
            json!({"key": "law/contracts", "domain_id": law_id, "name": "Contracts",
            "label_schema": {"kind": "pairwise"}, "measurement_level": "ordinal"}),
        )
        .await;
    (
        med_id,
        triage.json["id"].as_str().unwrap().to_owned(),
        contracts.json["id"].as_str().unwrap().to_owned(),
    )
}

async fn project(app: &TestApp, lab: &Account, domain: &str, slice: &str) -> Value {
    let r = app
        .post(
            "/v1/projects",
            &lab.token,
            json!({
                "org_id": lab.org(), "name": "Triage preferences", "domain_id": domain,
                "slices": [{"slice_id": slice, "min_qualification": "qualified"}],
                "bill_rate_minor": 12000, "currency": "USD",
                "exclusions": {"affiliation_keywords": ["Competitor Corp"]}
            }),
        )
        .await;
    r.assert_status(201);
    r.json
}

fn clauses(texts: &[(&str, &str)]) -> Value {
    json!(
        texts
            .iter()
            .map(|(id, text)| json!({"id": id, "text": text}))
            .collect::<Vec<_>>()
    )
}

#[tokio::test]
async fn a_project_activates_only_with_a_published_pinned_constitution_and_a_slice() {
    on_both(|app| async move {
        let (med, triage, _) = taxonomy(&app).await;
        let lab = app.lab("Helix").await;
        let p = project(&app, &lab, &med, &triage).await;
        assert_eq!(p["status"], "draft");
        assert_eq!(
            (
                p["overlap"].clone(),
                p["gold_rate"].clone(),
                p["adjudication"].clone()
            ),
            (json!(2), json!(0.07), json!(true))
        );
        assert_eq!(
            p["bill_rate"],
            json!({"amount_minor": 12000, "currency": "USD"})
        );
        assert_eq!(
            p["slices"],
            json!([{"slice_id": triage, "min_qualification": "qualified"}])
        );
        let id = p["id"].as_str().unwrap();
        let status = |s: &str| json!({"status": s});
        let path = format!("/v1/projects/{id}/status");

        let r = app.post(&path, &lab.token, status("active")).await;
        r.assert_problem(409, None);
        assert!(r.text.contains("constitution"), "{}", r.text);

        let base = format!("/v1/projects/{id}/constitutions");
        let v1 = app
            .post(
                &base,
                &lab.token,
                json!({"title": "Policy", "clauses": clauses(&[("C1", "Be careful.")])}),
            )
            .await;
        v1.assert_status(201);
        assert_eq!(
            (v1.json["version"].clone(), v1.json["status"].clone()),
            (json!(1), json!("draft"))
        );
        // A draft cannot be pinned.
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"constitution_version": 1})),
        )
        .await
        .assert_problem(422, Some("constitution_version"));
        app.post(&format!("{base}/1/publish"), &lab.token, json!({}))
            .await
            .assert_status(200);
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"constitution_version": 1})),
        )
        .await
        .assert_status(200);

        // Without slices it still cannot activate.
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"slices": []})),
        )
        .await
        .assert_status(200);
        let r = app.post(&path, &lab.token, status("active")).await;
        r.assert_problem(409, None);
        assert!(r.text.contains("slice"), "{}", r.text);
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"slices": [{"slice_id": triage}]})),
        )
        .await
        .assert_status(200);

        assert_eq!(
            app.post(&path, &lab.token, status("active")).await.json["status"],
            "active"
        );
        // While active, the currency is fixed and the slices cannot be emptied.
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"currency": "EUR"})),
        )
        .await
        .assert_problem(409, Some("currency"));
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"slices": []})),
        )
        .await
        .assert_problem(409, None);
        assert_eq!(
            app.post(&path, &lab.token, status("paused")).await.json["status"],
            "paused"
        );
        assert_eq!(
            app.post(&path, &lab.token, status("active")).await.json["status"],
            "active"
        );
        assert_eq!(
            app.post(&path, &lab.token, status("archived")).await.json["status"],
            "archived"
        );
        app.post(&path, &lab.token, status("active"))
            .await
            .assert_problem(409, None);
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{id}"),
            Some(&lab.token),
            Some(json!({"name": "again"})),
        )
        .await
        .assert_problem(409, None);

        let admin = app.platform_admin().await;
        let audit = app
            .get(
                &format!("/v1/audit-events?subject_id={id}&action=project.status_changed"),
                &admin.token,
            )
            .await;
        let changes: Vec<String> = audit.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["details"]["to"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(changes, ["active", "paused", "active", "archived"]);
    })
    .await;
}

#[tokio::test]
async fn published_constitutions_are_immutable_and_versions_diff_by_clause() {
    on_both(|app| async move {
        let (med, triage, _) = taxonomy(&app).await;
        let lab = app.lab("Helix").await;
        let p = project(&app, &lab, &med, &triage).await;
        let base = format!("/v1/projects/{}/constitutions", p["id"].as_str().unwrap());
        let v1 = clauses(&[
            ("C1", "Be honest."),
            ("C2", "Cite sources."),
            ("C3", "Be brief."),
        ]);
        app.post(&base, &lab.token, json!({"title": "v1", "clauses": v1}))
            .await
            .assert_status(201);
        // Drafts are editable.
        let edited = app
            .call(
                Method::PUT,
                &format!("{base}/1"),
                Some(&lab.token),
                Some(json!({"title": "Policy v1", "clauses": v1})),
            )
            .await;
        edited.assert_status(200);
        assert_eq!(edited.json["title"], "Policy v1");
        app.post(&format!("{base}/1/publish"), &lab.token, json!({}))
            .await
            .assert_status(200);
        app.post(&format!("{base}/1/publish"), &lab.token, json!({}))
            .await
            .assert_problem(409, None);
        app.call(
            Method::PUT,
            &format!("{base}/1"),
            Some(&lab.token),
            Some(json!({"title": "changed", "clauses": clauses(&[("C1", "Lie.")])})),
        )
        .await
        .assert_problem(409, None);

        let v2 = clauses(&[
            ("C1", "Be honest."),
            ("C2", "Cite primary sources."),
            ("C4", "Flag risks."),
        ]);
        let created = app
            .post(
                &base,
                &lab.token,
                json!({"title": "Policy v2", "clauses": v2}),
            )
            .await;
        assert_eq!(created.json["version"], 2);
        let d = app.get(&format!("{base}/2/diff?from=1"), &lab.token).await;
        d.assert_status(200);
        assert_eq!(
            d.json["added"],
            json!([{"id": "C4", "text": "Flag risks.", "examples": [], "counter_examples": []}])
        );
        assert_eq!(d.json["removed"][0]["id"], "C3");
        assert_eq!(d.json["changed"][0]["id"], "C2");
        assert_eq!(d.json["changed"][0]["before"]["text"], "Cite sources.");

        // Publishing v2 never changes what v1 says.
        app.post(&format!("{base}/2/publish"), &lab.token, json!({}))
            .await
            .assert_status(200);
        let one = app.get(&format!("{base}/1"), &lab.token).await;
        assert_eq!(one.json["clauses"][1]["text"], "Cite sources.");
        assert_eq!(one.json["status"], "published");
        let list = app.get(&base, &lab.token).await;
        let versions: Vec<i64> = list.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["version"].as_i64().unwrap())
            .collect();
        assert_eq!(versions, [1, 2]);

        // Clause problems are named.
        app.post(
            &base,
            &lab.token,
            json!({"title": "bad", "clauses": clauses(&[("C1", "a"), ("C1", "b")])}),
        )
        .await
        .assert_problem(422, Some("clauses[1].id"));
        app.post(&base, &lab.token, json!({"title": "bad", "clauses": []}))
            .await
            .assert_problem(422, Some("clauses"));
        app.get(&format!("{base}/abc"), &lab.token)
            .await
            .assert_problem(400, Some("version"));
        app.get(&format!("{base}/9"), &lab.token)
            .await
            .assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn project_settings_are_validated() {
    on_both(|app| async move {
        let (med, triage, contracts) = taxonomy(&app).await;
        let lab = app.lab("Helix").await;
        let other = app.lab("Other").await;
        let vendor = app.vendor("Meridian").await;
        let valid = json!({"org_id": lab.org(), "name": "P", "domain_id": med, "slices": [{"slice_id": triage}],
            "bill_rate_minor": 9000, "currency": "EUR"});
        let with = |k: &str, v: Value| {
            let mut b = valid.clone();
            b[k] = v;
            b
        };
        for (body, field) in [
            (with("overlap", json!(0)), "overlap"),
            (with("gold_rate", json!(0.9)), "gold_rate"),
            (with("currency", json!("eur")), "currency"),
            (with("bill_rate_minor", json!(0)), "bill_rate_minor"),
            (with("default_deadline_secs", json!(10)), "default_deadline_secs"),
            (with("slices", json!([{"slice_id": contracts}])), "slices[0].slice_id"),
            (with("slices", json!([{"slice_id": triage}, {"slice_id": triage}])), "slices[1].slice_id"),
            (with("exclusions", json!({"vendor_ids": [other.org()]})), "exclusions.vendor_ids[0]"),
            (with("exclusions", json!({"expert_ids": ["usr_01jd3v7q8y2k5m9n4p6r8s0t2w"]})), "exclusions.expert_ids[0]"),
            (with("domain_id", json!("dom_01jd3v7q8y2k5m9n4p6r8s0t2w")), "domain_id"),
        ] {
            app.post("/v1/projects", &lab.token, body).await.assert_problem(422, Some(field));
        }
        // Another lab's private slice is not usable.
        let private = app
            .post("/v1/slices", &other.token, json!({"key": "medicine/private", "domain_id": med, "name": "Private",
                "label_schema": {"kind": "ordinal", "min": 1, "max": 3}, "measurement_level": "ordinal", "org_id": other.org()}))
            .await;
        app.post("/v1/projects", &lab.token, with("slices", json!([{"slice_id": private.json["id"]}])))
            .await
            .assert_problem(422, Some("slices[0].slice_id"));
        // Vendors have no projects; a vendor exclusion names a vendor.
        let mut vendor_project = valid.clone();
        vendor_project["org_id"] = json!(vendor.org());
        app.post("/v1/projects", &vendor.token, vendor_project).await.assert_problem(422, Some("org_id"));
        let ok = app.post("/v1/projects", &lab.token, with("exclusions", json!({"vendor_ids": [vendor.org()]}))).await;
        ok.assert_status(201);
        assert_eq!(ok.json["exclusions"]["vendor_ids"], json!([vendor.org()]));
    })
    .await;
}

#[tokio::test]
async fn other_labs_never_see_or_change_a_labs_projects_and_members_only_read() {
    on_both(|app| async move {
        let (med, triage, _) = taxonomy(&app).await;
        let a = app.lab("Lab A").await;
        let b = app.lab("Lab B").await;
        let p = project(&app, &a, &med, &triage).await;
        let id = p["id"].as_str().unwrap();
        app.post(&format!("/v1/projects/{id}/constitutions"), &a.token, json!({"title": "t", "clauses": clauses(&[("C1", "x")])}))
            .await
            .assert_status(201);

        for path in [
            format!("/v1/projects/{id}"),
            format!("/v1/projects/{id}/constitutions"),
            format!("/v1/projects/{id}/constitutions/1"),
            format!("/v1/projects/{id}/constitutions/1/diff?from=1"),
        ] {
            app.get(&path, &b.token).await.assert_problem(404, None);
        }
        app.call(Method::PATCH, &format!("/v1/projects/{id}"), Some(&b.token), Some(json!({"name": "mine"})))
            .await
            .assert_problem(404, None);
        app.post(&format!("/v1/projects/{id}/status"), &b.token, json!({"status": "archived"})).await.assert_problem(404, None);
        app.post(&format!("/v1/projects/{id}/constitutions/1/publish"), &b.token, json!({})).await.assert_problem(404, None);
        app.post(&format!("/v1/projects/{id}/constitutions"), &b.token, json!({"title": "t", "clauses": clauses(&[("C1", "x")])}))
            .await
            .assert_problem(404, None);
        let mut stolen = json!({"org_id": a.org(), "name": "P", "domain_id": med, "bill_rate_minor": 1, "currency": "USD"});
        app.post("/v1/projects", &b.token, stolen.clone()).await.assert_problem(404, None);
        stolen["org_id"] = json!(b.org());
        app.post("/v1/projects", &b.token, stolen).await.assert_status(201);
        let listed = app.get("/v1/projects", &b.token).await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 1);
        assert_ne!(listed.json["data"][0]["id"], id);

        // A lab member reads but does not write; an expert sees nothing.
        let email = app.email("member");
        let token = app.invite(&a, &email, "lab_member").await;
        app.post_anon("/v1/invitations/accept", json!({"token": token, "display_name": "M", "password": PASSWORD}))
            .await
            .assert_status(200);
        let member = app.login(&email, PASSWORD).await.json["access_token"].as_str().unwrap().to_owned();
        app.get(&format!("/v1/projects/{id}"), &member).await.assert_status(200);
        app.get(&format!("/v1/projects/{id}/constitutions/1"), &member).await.assert_status(200);
        app.call(Method::PATCH, &format!("/v1/projects/{id}"), Some(&member), Some(json!({"name": "x"})))
            .await
            .assert_problem(403, None);
        let expert = app.expert().await;
        app.get(&format!("/v1/projects/{id}"), &expert.token).await.assert_problem(404, None);
        assert_eq!(app.get("/v1/projects", &expert.token).await.json["data"], json!([]));

        // API keys need `projects:read`.
        let narrow = app.post(&format!("/v1/orgs/{}/api-keys", a.org()), &a.token, json!({"name": "n", "scopes": ["org:read"]})).await;
        let wide = app.post(&format!("/v1/orgs/{}/api-keys", a.org()), &a.token, json!({"name": "w", "scopes": ["projects:read"]})).await;
        app.get(&format!("/v1/projects/{id}"), narrow.json["secret"].as_str().unwrap()).await.assert_problem(403, None);
        app.get(&format!("/v1/projects/{id}"), wide.json["secret"].as_str().unwrap()).await.assert_status(200);
        app.get("/v1/projects", wide.json["secret"].as_str().unwrap()).await.assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn a_domain_used_by_a_project_cannot_be_deleted() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let d = app.post("/v1/domains", &admin.token, json!({"slug": "finance", "name": "Finance"})).await;
        let id = d.json["id"].as_str().unwrap();
        let lab = app.lab("Fin Lab").await;
        app.post("/v1/projects", &lab.token, json!({"org_id": lab.org(), "name": "P", "domain_id": id, "bill_rate_minor": 100, "currency": "GBP"}))
            .await
            .assert_status(201);
        let r = app.call(Method::DELETE, &format!("/v1/domains/{id}"), Some(&admin.token), None).await;
        r.assert_problem(409, None);
        assert!(r.text.contains("project"), "{}", r.text);
    })
    .await;
}
