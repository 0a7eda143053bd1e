//! Qualification assessments (pass, fail, cooldown, time limit), slice status and tiers
//! guarded by status, and the pseudonymous card labs see.

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};

struct World {
    admin: Account,
    vendor: Account,
    expert: Account,
    expert_id: String,
    domain: String,
    slice: String,
}

/// A shared pairwise slice with a platform assessment pool of 25 items (item `n` prefers
/// `a` when `n` is even, citing C1; `b` when odd, citing C2), and an expert on a vendor's
/// roster who has applied (vetting status `applied`).
async fn world(app: &TestApp) -> World {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "code", "name": "Code"}),
        )
        .await;
    let s = app
        .post("/v1/slices", &admin.token, json!({"key": "code/rust-review", "domain_id": d.json["id"], "name": "Rust review",
            "label_schema": {"kind": "pairwise", "max_strength": 3}, "measurement_level": "ordinal"}))
        .await;
    s.assert_status(201);
    let slice = s.json["id"].as_str().unwrap().to_owned();
    let pool: Vec<Value> = (0..25)
        .map(|n| {
            let (side, clause) = if n % 2 == 0 { ("a", "C1") } else { ("b", "C2") };
            json!({"external_id": format!("pool-{n}"), "payload": {"n": n, "prompt": "Which diff is safer?"},
                "answer": {"preference": side, "strength": 2, "rationale": "SECRET-GOLD-RATIONALE", "cited_clauses": [clause]},
                "explanation": "SECRET-GOLD-EXPLANATION"})
        })
        .collect();
    let up = app
        .post(
            &format!("/v1/slices/{slice}/gold-items"),
            &admin.token,
            json!(pool),
        )
        .await;
    up.assert_status(200);
    assert_eq!(up.json["created"], 25, "{}", up.text);
    let vendor = app.vendor("Meridian").await;
    let expert = app.expert().await;
    let invitation = app.roster_invitation(&vendor, &expert.email).await;
    let e = app
        .post("/v1/experts/me", &expert.token, json!({"display_name": "Ada Rustacean", "domain_ids": [d.json["id"]],
            "languages": ["en"], "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 8000,
            "desired_currency": "GBP", "roster_invitation": invitation}))
        .await;
    e.assert_status(201);
    World {
        admin,
        vendor,
        expert,
        expert_id: e.json["id"].as_str().unwrap().to_owned(),
        domain: d.json["id"].as_str().unwrap().to_owned(),
        slice,
    }
}

async fn vet(app: &TestApp, w: &World, steps: &[&str]) {
    for to in steps {
        if *to == "approved" {
            app.credential_for_domain(&w.admin, &w.expert, &w.expert_id, &w.domain)
                .await;
        }
        app.post(
            &format!("/v1/experts/{}/vetting/transitions", w.expert_id),
            &w.vendor.token,
            json!({"to": to, "reason": "next step"}),
        )
        .await
        .assert_status(200);
    }
}

fn right_answer(item: &Value) -> Value {
    let n = item["payload"]["n"].as_i64().unwrap();
    let side = if n % 2 == 0 { "a" } else { "b" };
    json!({"preference": side, "strength": 1, "rationale": "because"})
}

fn wrong_answer(item: &Value) -> Value {
    let n = item["payload"]["n"].as_i64().unwrap();
    let side = if n % 2 == 0 { "b" } else { "a" };
    json!({"preference": side, "strength": 1, "rationale": "because"})
}

async fn answer(app: &TestApp, token: &str, assessment: &str, item: &Value, label: Value) {
    app.call(
        Method::PUT,
        &format!(
            "/v1/assessments/{assessment}/items/{}",
            item["assignment_id"].as_str().unwrap()
        ),
        Some(token),
        Some(json!({ "label": label })),
    )
    .await
    .assert_status(200);
}

fn pool_numbers(a: &Value) -> Vec<i64> {
    a["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["payload"]["n"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn an_expert_fails_waits_out_the_cooldown_and_passes_with_different_items() {
    on_both(|app| async move {
        let mut w = world(&app).await;
        let start = format!("/v1/slices/{}/assessments", w.slice);
        // Assessments open in the `assessment` vetting stage.
        app.post(&start, &w.expert.token, json!({}))
            .await
            .assert_problem(409, None);
        vet(&app, &w, &["screening", "credential_review", "assessment"]).await;

        let first = app.post(&start, &w.expert.token, json!({})).await;
        first.assert_status(201);
        assert_eq!(first.json["status"], "in_progress");
        // Unpaid on this platform (no `payments.assessment_pay_per_hour`), and it says so.
        assert_eq!(first.json["pay_per_hour"], Value::Null);
        assert_eq!(first.json["item_count"], 10);
        let items = first.json["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 10);
        assert!(
            !first.text.contains("SECRET-GOLD"),
            "no gold answer reaches the expert"
        );
        let id = first.json["id"].as_str().unwrap().to_owned();
        // One attempt at a time.
        app.post(&start, &w.expert.token, json!({}))
            .await
            .assert_problem(409, None);

        // Answers are validated against the slice's schema.
        app.call(
            Method::PUT,
            &format!(
                "/v1/assessments/{id}/items/{}",
                items[0]["assignment_id"].as_str().unwrap()
            ),
            Some(&w.expert.token),
            Some(json!({"label": {"preference": "a", "rationale": "r"}})),
        )
        .await
        .assert_problem(422, Some("label.strength"));
        // 7 right, 3 wrong; submitting with an item unanswered is refused.
        for (i, item) in items.iter().enumerate().take(9) {
            let label = if i < 7 {
                right_answer(item)
            } else {
                wrong_answer(item)
            };
            answer(&app, &w.expert.token, &id, item, label).await;
        }
        let submit = format!("/v1/assessments/{id}/submit");
        app.post(&submit, &w.expert.token, json!({}))
            .await
            .assert_problem(409, None);
        answer(
            &app,
            &w.expert.token,
            &id,
            &items[9],
            wrong_answer(&items[9]),
        )
        .await;
        // Someone else's assessment does not exist for them.
        let other = app.expert().await;
        app.post(&submit, &other.token, json!({}))
            .await
            .assert_problem(404, None);
        app.get(&format!("/v1/assessments/{id}"), &other.token)
            .await
            .assert_problem(404, None);

        app.advance(Duration::minutes(25));
        app.relogin(&mut w.expert).await;
        let graded = app.post(&submit, &w.expert.token, json!({})).await;
        graded.assert_status(200);
        assert_eq!(graded.json["status"], "failed");
        assert_eq!(graded.json["result"]["correct"], 7);
        assert_eq!(graded.json["result"]["total"], 10);
        assert_eq!(graded.json["result"]["passed"], false);
        assert_eq!(graded.json["active_seconds"], 25 * 60);
        assert!(
            graded.json["items"].is_null(),
            "items are hidden once graded"
        );
        // The missed clauses are those of the three wrongly answered items.
        // The missed clauses are those the gold answers of the three wrong items cite
        // (C1 for even-numbered pool items, C2 for odd), counted per clause.
        let mut expected: std::collections::BTreeMap<String, i64> = Default::default();
        for item in &items[7..] {
            let clause = if item["payload"]["n"].as_i64().unwrap() % 2 == 0 {
                "C1"
            } else {
                "C2"
            };
            *expected.entry(clause.to_owned()).or_default() += 1;
        }
        let missed: std::collections::BTreeMap<String, i64> =
            graded.json["result"]["missed_clauses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["clause"].as_str().unwrap().to_owned(),
                        m["items"].as_i64().unwrap(),
                    )
                })
                .collect();
        assert_eq!(missed, expected);
        assert!(!graded.text.contains("SECRET-GOLD"));
        let retake_from = graded.json["result"]["retake_from"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            retake_from,
            (app.clock_now() + Duration::days(14))
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        );
        app.drain_jobs().await;
        let mail = app
            .mail_to(&w.expert.email)
            .into_iter()
            .find(|m| m.subject().contains("assessment: not passed"))
            .expect("the result is e-mailed");
        assert!(mail.body().contains("7 of 10 correct"), "{}", mail.body());
        // Answers after grading are refused.
        app.call(
            Method::PUT,
            &format!(
                "/v1/assessments/{id}/items/{}",
                items[0]["assignment_id"].as_str().unwrap()
            ),
            Some(&w.expert.token),
            Some(json!({"label": right_answer(&items[0])})),
        )
        .await
        .assert_problem(409, None);

        // The cooldown holds until its last second.
        app.advance(Duration::days(14) - Duration::seconds(1));
        app.relogin(&mut w.expert).await;
        app.relogin(&mut w.vendor).await;
        app.post(&start, &w.expert.token, json!({}))
            .await
            .assert_problem(409, None);
        app.advance(Duration::seconds(1));
        let second = app.post(&start, &w.expert.token, json!({})).await;
        second.assert_status(201);
        let seen = pool_numbers(&first.json);
        let now_drawn = pool_numbers(&second.json);
        assert!(
            now_drawn.iter().all(|n| !seen.contains(n)),
            "{seen:?} vs {now_drawn:?}"
        );
        let id2 = second.json["id"].as_str().unwrap().to_owned();
        let items2 = second.json["items"].as_array().unwrap().clone();
        for (i, item) in items2.iter().enumerate() {
            // 8 of 10 is exactly the 0.8 pass mark.
            let label = if i < 8 {
                right_answer(item)
            } else {
                wrong_answer(item)
            };
            answer(&app, &w.expert.token, &id2, item, label).await;
        }
        let passed = app
            .post(
                &format!("/v1/assessments/{id2}/submit"),
                &w.expert.token,
                json!({}),
            )
            .await;
        passed.assert_status(200);
        assert_eq!(passed.json["status"], "passed");
        assert!(passed.json["result"]["retake_from"].is_null());

        let standings = app
            .get(
                &format!("/v1/experts/{}/slices", w.expert_id),
                &w.vendor.token,
            )
            .await;
        assert_eq!(standings.json["data"][0]["status"], "probation");
        assert_eq!(standings.json["data"][0]["tier"], "annotator");
        assert_eq!(standings.json["data"][0]["slice_key"], "code/rust-review");
        let history = app
            .get(
                &format!("/v1/experts/{}/slices/{}/history", w.expert_id, w.slice),
                &w.expert.token,
            )
            .await;
        assert_eq!(history.json["data"][0]["to"], "probation");
        assert_eq!(history.json["data"][0]["actor_type"], "system");
        assert_eq!(history.json["data"][0]["details"]["correct"], 8);
        // Already admitted: no further attempts; the third attempt would lack unseen items anyway.
        app.post(&start, &w.expert.token, json!({}))
            .await
            .assert_problem(409, None);
        let listed = app
            .get(
                &format!("/v1/experts/{}/assessments", w.expert_id),
                &w.vendor.token,
            )
            .await;
        let statuses: Vec<&str> = listed.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["passed", "failed"]);
        app.get(
            &format!("/v1/experts/{}/assessments", w.expert_id),
            &app.vendor("Rival").await.token,
        )
        .await
        .assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn an_assessment_left_open_is_closed_by_the_sweep_at_its_time_limit() {
    on_both(|app| async move {
        let mut w = world(&app).await;
        vet(&app, &w, &["screening", "credential_review", "assessment"]).await;
        let a = app
            .post(
                &format!("/v1/slices/{}/assessments", w.slice),
                &w.expert.token,
                json!({}),
            )
            .await;
        a.assert_status(201);
        let id = a.json["id"].as_str().unwrap().to_owned();
        let items = a.json["items"].as_array().unwrap().clone();
        // Five right answers saved, then the expert walks away.
        for item in items.iter().take(5) {
            answer(&app, &w.expert.token, &id, item, right_answer(item)).await;
        }
        app.drain_jobs().await;
        app.advance(Duration::minutes(121));
        app.drain_jobs().await;
        app.relogin(&mut w.expert).await;
        app.relogin(&mut w.vendor).await;
        let closed = app
            .get(&format!("/v1/assessments/{id}"), &w.vendor.token)
            .await;
        assert_eq!(closed.json["status"], "expired", "{}", closed.text);
        assert_eq!(closed.json["result"]["correct"], 5);
        assert_eq!(closed.json["answered"], 5);
        assert_eq!(
            closed.json["active_seconds"],
            120 * 60,
            "time is capped at the limit"
        );
        app.call(
            Method::PUT,
            &format!(
                "/v1/assessments/{id}/items/{}",
                items[9]["assignment_id"].as_str().unwrap()
            ),
            Some(&w.expert.token),
            Some(json!({"label": right_answer(&items[9])})),
        )
        .await
        .assert_problem(409, None);
        let mail = app
            .mail_to(&w.expert.email)
            .into_iter()
            .find(|m| m.subject() == "Your code/rust-review assessment: not passed")
            .expect("the result is e-mailed");
        assert!(
            mail.body().contains("time limit ran out"),
            "{}",
            mail.body()
        );
    })
    .await;
}

#[tokio::test]
async fn tiers_above_annotator_need_qualified_status_and_fall_back_when_it_ends() {
    on_both(|app| async move {
        let w = world(&app).await;
        let base = format!("/v1/experts/{}/slices/{}", w.expert_id, w.slice);
        let tier = format!("{base}/tier");
        let status = format!("{base}/status");
        let put = |path: String, token: String, body: Value| {
            let app = &app;
            async move { app.call(Method::PUT, &path, Some(&token), Some(body)).await }
        };
        put(
            tier.clone(),
            w.vendor.token.clone(),
            json!({"tier": "adjudicator", "reason": "experienced"}),
        )
        .await
        .assert_problem(409, None);
        put(
            status.clone(),
            w.admin.token.clone(),
            json!({"status": "probation", "reason": "trial"}),
        )
        .await
        .assert_status(200);
        let refused = put(
            tier.clone(),
            w.vendor.token.clone(),
            json!({"tier": "senior", "reason": "x"}),
        )
        .await;
        refused.assert_problem(409, None);
        assert!(
            refused.json["detail"]
                .as_str()
                .unwrap()
                .contains("probation")
        );
        // Experts do not set their own standing; rival vendors do not see them.
        put(
            status.clone(),
            w.expert.token.clone(),
            json!({"status": "qualified", "reason": "me"}),
        )
        .await
        .assert_problem(403, None);
        let rival = app.vendor("Rival").await;
        put(
            status.clone(),
            rival.token.clone(),
            json!({"status": "qualified", "reason": "x"}),
        )
        .await
        .assert_problem(404, None);
        put(
            status.clone(),
            w.vendor.token.clone(),
            json!({"status": "none", "reason": "x"}),
        )
        .await
        .assert_problem(409, None);
        put(
            status.clone(),
            w.vendor.token.clone(),
            json!({"status": "qualified", "reason": ""}),
        )
        .await
        .assert_problem(422, Some("reason"));

        put(
            status.clone(),
            w.admin.token.clone(),
            json!({"status": "qualified", "reason": "40 gold answers, lower bound 0.91"}),
        )
        .await
        .assert_status(200);
        let granted = put(
            tier.clone(),
            w.admin.token.clone(),
            json!({"tier": "adjudicator", "reason": "resolves disagreements well"}),
        )
        .await;
        granted.assert_status(200);
        assert_eq!(granted.json["tier"], "adjudicator");
        put(
            tier.clone(),
            w.admin.token.clone(),
            json!({"tier": "adjudicator", "reason": "again"}),
        )
        .await
        .assert_problem(409, None);

        let suspended = put(
            status.clone(),
            w.vendor.token.clone(),
            json!({"status": "suspended", "reason": "gold accuracy fell"}),
        )
        .await;
        suspended.assert_status(200);
        assert_eq!(suspended.json["status"], "suspended");
        assert_eq!(
            suspended.json["tier"], "annotator",
            "the tier falls back with the status"
        );

        let history = app.get(&format!("{base}/history"), &w.expert.token).await;
        let steps: Vec<(String, String)> = history.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["aspect"].as_str().unwrap().to_owned(),
                    e["to"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = [
            ("status", "probation"),
            ("status", "qualified"),
            ("tier", "adjudicator"),
            ("status", "suspended"),
            ("tier", "annotator"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(steps, expected);
        app.drain_jobs().await;
        let subjects: Vec<String> = app
            .mail_to(&w.expert.email)
            .iter()
            .map(|m| m.subject())
            .collect();
        assert!(
            subjects
                .iter()
                .any(|s| s == "Your tier in code/rust-review is now adjudicator"),
            "{subjects:?}"
        );
        assert!(
            subjects
                .iter()
                .any(|s| s == "Your status in code/rust-review is now suspended"),
            "{subjects:?}"
        );
        let audit = app
            .get("/v1/audit-events?action=slice.tier_changed", &w.admin.token)
            .await;
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 2);
        // A suspended expert cannot take the assessment to get back in.
        vet(&app, &w, &["screening", "credential_review", "assessment"]).await;
        app.post(
            &format!("/v1/slices/{}/assessments", w.slice),
            &w.expert.token,
            json!({}),
        )
        .await
        .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn labs_see_only_the_pseudonymous_card_of_approved_experts() {
    on_both(|app| async move {
        let w = world(&app).await;
        let lab = app.lab("Frontier Lab").await;
        let card = format!("/v1/experts/{}/card", w.expert_id);
        app.get(&card, &lab.token).await.assert_problem(404, None);
        vet(
            &app,
            &w,
            &["screening", "credential_review", "assessment", "approved"],
        )
        .await;
        let c = app.get(&card, &lab.token).await;
        c.assert_status(200);
        assert!(c.json["handle"].as_str().unwrap().starts_with("expert-"));
        assert!(c.json["contact"].is_null());
        assert!(
            !c.text.contains("Ada Rustacean") && !c.text.contains(&w.expert.email),
            "{}",
            c.text
        );
        // The full profile, its history and credentials stay hidden from labs.
        for path in [
            format!("/v1/experts/{}", w.expert_id),
            format!("/v1/experts/{}/vetting/transitions", w.expert_id),
            format!("/v1/experts/{}/slices", w.expert_id),
            format!("/v1/experts/{}/eligibility", w.expert_id),
            format!("/v1/experts/{}/assessments", w.expert_id),
        ] {
            app.get(&path, &lab.token).await.assert_problem(404, None);
        }
        // Other experts are not labs.
        let other = app.expert().await;
        app.get(&card, &other.token).await.assert_problem(404, None);
        // With consent, the card carries the name and address.
        app.call(
            Method::PATCH,
            "/v1/experts/me",
            Some(&w.expert.token),
            Some(
                json!({"display_name": "Ada Rustacean", "domain_ids": [w.domain], "languages": ["en"],
                "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 8000,
                "desired_currency": "GBP", "contact_consent": true}),
            ),
        )
        .await
        .assert_status(200);
        let c = app.get(&card, &lab.token).await;
        assert_eq!(c.json["contact"]["display_name"], "Ada Rustacean");
        assert_eq!(c.json["contact"]["email"], w.expert.email.as_str());
        // The expert previews their own card.
        app.get(&card, &w.expert.token).await.assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn concurrent_starts_open_exactly_one_assessment() {
    on_both(|app| async move {
        let w = world(&app).await;
        vet(&app, &w, &["screening", "credential_review", "assessment"]).await;
        let start = format!("/v1/slices/{}/assessments", w.slice);
        let (a, b, c) = tokio::join!(
            app.post(&start, &w.expert.token, json!({})),
            app.post(&start, &w.expert.token, json!({})),
            app.post(&start, &w.expert.token, json!({})),
        );
        let mut codes: Vec<u16> = [&a, &b, &c].iter().map(|r| r.status.as_u16()).collect();
        codes.sort();
        assert_eq!(codes, [201, 409, 409]);
        let listed = app
            .get(
                &format!("/v1/experts/{}/assessments", w.expert_id),
                &w.expert.token,
            )
            .await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_paid_assessment_records_its_time_and_the_platform_pays_it() {
    crate::helpers::on_both_with(
        |s| {
            s.payments.assessment_pay_per_hour.insert("GBP".into(), 3000);
        },
        |app| async move {
            let w = world(&app).await;
            vet(&app, &w, &["screening", "credential_review", "assessment"]).await;
            let start = format!("/v1/slices/{}/assessments", w.slice);
            let a = app.post(&start, &w.expert.token, json!({})).await;
            a.assert_status(201);
            // Said up front: paid, at what rate.
            assert_eq!(a.json["pay_per_hour"], json!({"amount_minor": 3000, "currency": "GBP"}));
            let id = a.json["id"].as_str().unwrap().to_owned();
            app.advance(chrono::Duration::minutes(12));
            for item in a.json["items"].as_array().unwrap() {
                answer(&app, &w.expert.token, &id, item, right_answer(item)).await;
            }
            app.post(&format!("/v1/assessments/{id}/submit"), &w.expert.token, json!({}))
                .await
                .assert_status(200);
            let te = app.get("/v1/time-entries", &w.expert.token).await;
            let entries = te.json["data"].as_array().unwrap();
            assert_eq!(entries.len(), 1, "{}", te.json);
            let t = &entries[0];
            assert_eq!(t["source_type"], "assessment");
            assert_eq!(t["source_id"], json!(id));
            assert_eq!(t["payer_type"], "platform");
            assert_eq!(t["seconds"], 720);
            // 12 minutes at 30.00/h.
            assert_eq!(t["pay"], json!({"amount_minor": 600, "currency": "GBP"}));
            assert_eq!(t["sessions"].as_array().unwrap().len(), 1);
            // The vendor sees its roster's entry; the expert is owed it.
            assert_eq!(app.get("/v1/time-entries", &w.vendor.token).await.json["data"][0]["source_id"], json!(id));
            let earned = app.get("/v1/experts/me/earnings", &w.expert.token).await;
            assert_eq!(earned.json["balances"], json!([{"currency": "GBP", "payable_minor": 600, "in_payouts_minor": 0, "paid_minor": 0}]));
        },
    )
    .await;
}
