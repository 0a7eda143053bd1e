//! Rubric domains with inherited credential requirements, capability slices (shared and
//! lab-private), and label-schema validation.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};

async fn domain(app: &TestApp, admin: &Account, slug: &str, requirements: Value) -> Value {
    let r = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": slug, "name": slug, "requirements": requirements}),
        )
        .await;
    r.assert_status(201);
    r.json
}

async fn slice(app: &TestApp, token: &str, body: Value) -> Value {
    let r = app.post("/v1/slices", token, body).await;
    r.assert_status(201);
    r.json
}

#[tokio::test]
async fn credential_requirements_are_inherited_down_the_tree() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        domain(&app, &admin, "medicine", json!([{"kind": "licence", "field": "medicine"}])).await;
        let radiology = domain(&app, &admin, "medicine/radiology", json!([{"kind": "certification", "field": "radiology"}])).await;
        domain(&app, &admin, "math", json!([])).await;
        let olympiad = domain(&app, &admin, "math/olympiad", json!([])).await;

        assert_eq!(radiology["requirements"], json!([{"kind": "certification", "field": "radiology"}]));
        assert_eq!(
            radiology["effective_requirements"],
            json!([
                {"kind": "certification", "field": "radiology", "declared_by": "medicine/radiology"},
                {"kind": "licence", "field": "medicine", "declared_by": "medicine"}
            ])
        );
        assert_eq!(olympiad["effective_requirements"], json!([]));

        // Everyone reads; a requirement added to the parent reaches the child at once.
        let lab = app.lab("Reader Labs").await;
        let medicine_id = app.get("/v1/domains?parent=root", &lab.token).await.json["data"][0]["id"].as_str().unwrap().to_owned();
        app.call(
            Method::PATCH,
            &format!("/v1/domains/{medicine_id}"),
            Some(&admin.token),
            Some(json!({"requirements": [{"kind": "licence", "field": "medicine"}, {"kind": "degree", "field": "medicine"}]})),
        )
        .await
        .assert_status(200);
        let id = radiology["id"].as_str().unwrap();
        let again = app.get(&format!("/v1/domains/{id}"), &lab.token).await;
        assert_eq!(again.json["effective_requirements"].as_array().unwrap().len(), 3);

        let children = app.get(&format!("/v1/domains?parent={medicine_id}"), &lab.token).await;
        assert_eq!(children.json["data"].as_array().unwrap().len(), 1);
        assert_eq!(children.json["data"][0]["slug"], "medicine/radiology");
    })
    .await;
}

#[tokio::test]
async fn only_platform_admins_manage_domains_and_slugs_are_checked() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let lab = app.lab("No Admin Labs").await;
        app.post("/v1/domains", &lab.token, json!({"slug": "law", "name": "Law"})).await.assert_problem(403, None);
        app.post("/v1/domains", &admin.token, json!({"slug": "law/contracts", "name": "Contracts"}))
            .await
            .assert_problem(422, Some("slug"));
        app.post("/v1/domains", &admin.token, json!({"slug": "Law", "name": "Law"})).await.assert_problem(422, Some("slug"));
        app.post("/v1/domains", &admin.token, json!({"slug": "law", "name": "Law", "requirements": [{"kind": "diploma", "field": "law"}]}))
            .await
            .assert_problem(422, Some("requirements[0].kind"));
        domain(&app, &admin, "law", json!([])).await;
        app.post("/v1/domains", &admin.token, json!({"slug": "law", "name": "Law again"})).await.assert_problem(409, Some("slug"));
    })
    .await;
}

#[tokio::test]
async fn domains_in_use_cannot_be_moved_or_deleted() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let code = domain(&app, &admin, "code", json!([])).await;
        let rust = domain(&app, &admin, "code/rust", json!([])).await;
        domain(&app, &admin, "systems", json!([])).await;
        let code_id = code["id"].as_str().unwrap();
        let rust_id = rust["id"].as_str().unwrap();

        let r = app
            .call(
                Method::DELETE,
                &format!("/v1/domains/{code_id}"),
                Some(&admin.token),
                None,
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("sub-domain"), "{}", r.text);

        slice(
            &app,
            &admin.token,
            json!({
                "key": "code/rust-review", "domain_id": rust_id, "name": "Rust review",
                "label_schema": {"kind": "pairwise"}, "measurement_level": "ordinal"
            }),
        )
        .await;
        let r = app
            .call(
                Method::PATCH,
                &format!("/v1/domains/{rust_id}"),
                Some(&admin.token),
                Some(json!({"parent_slug": "systems"})),
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("slice"), "{}", r.text);
        app.call(
            Method::DELETE,
            &format!("/v1/domains/{rust_id}"),
            Some(&admin.token),
            None,
        )
        .await
        .assert_problem(409, None);

        // A domain never moves under itself or its descendants.
        app.call(
            Method::PATCH,
            &format!("/v1/domains/{code_id}"),
            Some(&admin.token),
            Some(json!({"parent_slug": "code"})),
        )
        .await
        .assert_problem(422, Some("parent_slug"));
        app.call(
            Method::PATCH,
            &format!("/v1/domains/{code_id}"),
            Some(&admin.token),
            Some(json!({"parent_slug": "code/rust"})),
        )
        .await
        .assert_problem(422, Some("parent_slug"));
        // An unused leaf moves (its slug follows) and is deleted.
        let go = domain(&app, &admin, "code/go", json!([])).await;
        let go_id = go["id"].as_str().unwrap();
        let moved = app
            .call(
                Method::PATCH,
                &format!("/v1/domains/{go_id}"),
                Some(&admin.token),
                Some(json!({"parent_slug": "systems"})),
            )
            .await;
        moved.assert_status(200);
        assert_eq!(moved.json["slug"], "systems/go");
        app.call(
            Method::DELETE,
            &format!("/v1/domains/{go_id}"),
            Some(&admin.token),
            None,
        )
        .await
        .assert_status(204);
        app.get(&format!("/v1/domains/{go_id}"), &admin.token)
            .await
            .assert_problem(404, None);

        let audit = app
            .get(
                "/v1/audit-events?action=taxonomy.domain_deleted",
                &admin.token,
            )
            .await;
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn private_slices_belong_to_their_lab_and_shared_slices_to_everyone() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let med = domain(&app, &admin, "medicine", json!([])).await;
        let med_id = med["id"].as_str().unwrap();
        let a = app.lab("Lab A").await;
        let b = app.lab("Lab B").await;

        let shared = slice(&app, &admin.token, json!({
            "key": "medicine/triage", "domain_id": med_id, "name": "Triage",
            "label_schema": {"kind": "categorical", "labels": ["urgent", "routine", "self-care"]}, "measurement_level": "ordinal"
        }))
        .await;
        assert_eq!(shared["visibility"], "shared");

        // A lab admin cannot create a shared slice, but can create a private one for their lab.
        let body = json!({"key": "medicine/radiology:de", "domain_id": med_id, "name": "Radiology (de)",
            "label_schema": {"kind": "ordinal", "min": 1, "max": 5}, "measurement_level": "interval"});
        app.post("/v1/slices", &a.token, body.clone()).await.assert_problem(403, None);
        let mut private_body = body.clone();
        private_body["org_id"] = json!(a.org());
        let private = slice(&app, &a.token, private_body.clone()).await;
        assert_eq!(private["visibility"], "private");
        assert_eq!(private["language"], "de");
        let private_id = private["id"].as_str().unwrap();

        // Lab B neither sees nor changes it, and cannot create slices for lab A.
        app.get(&format!("/v1/slices/{private_id}"), &b.token).await.assert_problem(404, None);
        app.call(Method::PATCH, &format!("/v1/slices/{private_id}"), Some(&b.token), Some(json!({"name": "mine"})))
            .await
            .assert_problem(404, None);
        app.post("/v1/slices", &b.token, private_body.clone()).await.assert_problem(404, None);
        let listed_b = app.get("/v1/slices", &b.token).await;
        let keys_b: Vec<&str> = listed_b.json["data"].as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap()).collect();
        assert_eq!(keys_b, ["medicine/triage"]);

        // Lab B may have its own slice with the same key: keys are unique per owner.
        let mut b_body = body.clone();
        b_body["org_id"] = json!(b.org());
        slice(&app, &b.token, b_body).await;
        app.post("/v1/slices", &a.token, private_body).await.assert_problem(409, Some("key"));

        let listed_a = app.get("/v1/slices", &a.token).await;
        assert_eq!(listed_a.json["data"].as_array().unwrap().len(), 2);
        let renamed = app
            .call(Method::PATCH, &format!("/v1/slices/{private_id}"), Some(&a.token), Some(json!({"name": "Radiology, German reports"})))
            .await;
        renamed.assert_status(200);
        assert_eq!(renamed.json["name"], "Radiology, German reports");
        // Vendors have no private slices.
        let v = app.vendor("Vendor V").await;
        let mut v_body = body.clone();
        v_body["org_id"] = json!(v.org());
        v_body["key"] = json!("medicine/vendor-slice");
        app.post("/v1/slices", &v.token, v_body.clone()).await.assert_problem(403, None);
        // Even a platform admin cannot give a vendor (or a missing org) a private slice.
        app.post("/v1/slices", &admin.token, v_body.clone()).await.assert_problem(422, Some("org_id"));
        v_body["org_id"] = json!("org_01jd3v7q8y2k5m9n4p6r8s0t2w");
        app.post("/v1/slices", &admin.token, v_body).await.assert_problem(422, Some("org_id"));
    })
    .await;
}

#[tokio::test]
async fn slice_schemas_are_checked_when_created() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let d = domain(&app, &admin, "safety", json!([])).await;
        let id = d["id"].as_str().unwrap();
        let base = json!({"key": "safety/harm", "domain_id": id, "name": "Harm", "measurement_level": "nominal"});
        let with = |schema: Value, level: &str| {
            let mut b = base.clone();
            b["label_schema"] = schema;
            b["measurement_level"] = json!(level);
            b
        };
        for (schema, level, field) in [
            (json!({"kind": "categorical", "labels": ["safe", "safe"]}), "nominal", "label_schema.labels[1]"),
            (json!({"kind": "categorical", "labels": ["only"]}), "nominal", "label_schema.labels"),
            (json!({"kind": "categorical", "labels": ["a", "b"]}), "interval", "measurement_level"),
            (json!({"kind": "ordinal", "min": 3, "max": 1}), "ordinal", "label_schema.max"),
            (json!({"kind": "ordinal", "min": 1, "max": 5}), "nominal", "measurement_level"),
            (json!({"kind": "pairwise", "max_strength": 9}), "ordinal", "label_schema.max_strength"),
            (json!({"kind": "pairwise", "alow_tie": false}), "ordinal", "label_schema"),
            (json!({"kind": "likert"}), "ordinal", "label_schema"),
        ] {
            let r = app.post("/v1/slices", &admin.token, with(schema.clone(), level)).await;
            r.assert_problem(422, None);
            let fields: Vec<&str> = r.json["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
            assert!(fields.iter().any(|f| f.starts_with(field)), "{schema}: expected {field}, got {fields:?}");
            if field == "label_schema" {
                // Unknown kinds and misspelt options are named in the message.
                let culprit = if schema["kind"] == "likert" { "likert" } else { "alow_tie" };
                assert!(r.text.contains(culprit), "{}", r.text);
            }
        }
        app.post("/v1/slices", &admin.token, with(json!({"kind": "pairwise"}), "ordinal")).await.assert_status(201);
        let mut bad_key = with(json!({"kind": "pairwise"}), "ordinal");
        bad_key["key"] = json!("Safety Harm");
        app.post("/v1/slices", &admin.token, bad_key).await.assert_problem(422, Some("key"));
        let mut bad_domain = with(json!({"kind": "pairwise"}), "ordinal");
        bad_domain["key"] = json!("safety/other");
        bad_domain["domain_id"] = json!("dom_01jd3v7q8y2k5m9n4p6r8s0t2w");
        app.post("/v1/slices", &admin.token, bad_domain).await.assert_problem(422, Some("domain_id"));
    })
    .await;
}

#[tokio::test]
async fn labels_are_validated_against_each_kind_of_schema() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let d = domain(&app, &admin, "eval", json!([])).await;
        let id = d["id"].as_str().unwrap();
        let mk = |key: &str, schema: Value, level: &str| json!({"key": key, "domain_id": id, "name": key, "label_schema": schema, "measurement_level": level});
        let pairwise = slice(&app, &admin.token, mk("eval/pairs", json!({"kind": "pairwise", "max_strength": 3}), "ordinal")).await;
        let categorical = slice(&app, &admin.token, mk("eval/harm", json!({"kind": "categorical", "labels": ["safe", "unsafe"], "citations_required": true}), "nominal")).await;
        let ordinal = slice(&app, &admin.token, mk("eval/quality", json!({"kind": "ordinal", "min": 1, "max": 5, "rationale_required": false}), "ordinal")).await;
        let expert = app.expert().await;
        let check = |slice: &Value, label: Value| {
            let path = format!("/v1/slices/{}/validate-label", slice["id"].as_str().unwrap());
            let token = expert.token.clone();
            let app = &app;
            async move { app.post(&path, &token, json!({"label": label})).await }
        };

        let ok = check(&pairwise, json!({"preference": "b", "strength": 3, "rationale": "B follows C2.1", "cited_clauses": ["C2.1"]})).await;
        ok.assert_status(200);
        assert_eq!((ok.json["choice"].clone(), ok.json["strength"].clone()), (json!("b"), json!(3)));
        check(&pairwise, json!({"preference": "tie", "both_bad": true, "rationale": "neither answers"})).await.assert_status(200);
        check(&pairwise, json!({"preference": "b", "strength": 4, "rationale": "x"})).await.assert_problem(422, Some("label.strength"));
        check(&pairwise, json!({"preference": "b", "strength": 1})).await.assert_problem(422, Some("label.rationale"));
        check(&pairwise, json!({"label": "safe", "rationale": "x"})).await.assert_problem(422, Some("label.preference"));

        check(&categorical, json!({"label": "unsafe", "rationale": "r", "cited_clauses": ["C1"]})).await.assert_status(200);
        check(&categorical, json!({"label": "harmful", "rationale": "r", "cited_clauses": ["C1"]})).await.assert_problem(422, Some("label.label"));
        check(&categorical, json!({"label": "safe", "rationale": "r"})).await.assert_problem(422, Some("label.cited_clauses"));

        let scored = check(&ordinal, json!({"score": 4})).await;
        scored.assert_status(200);
        assert_eq!(scored.json["score"], 4);
        check(&ordinal, json!({"score": 0})).await.assert_problem(422, Some("label.score"));
        check(&ordinal, json!({"score": "4"})).await.assert_problem(422, Some("label.score"));
        check(&ordinal, json!([4])).await.assert_problem(422, Some("label"));
    })
    .await;
}
