//! Whose gold counts where (issue 21, attack 4): a lab's uncertified gold in a shared slice
//! moves only the expert's standing with that lab (its own projects), never the shared
//! standing other labs route on; a platform admin certifies gold to make it count there;
//! appeals against gold are the platform's to decide; vendor calibration never uses the
//! platform's pool, and drift shows only the owner's own sessions.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both, on_both_with};
use crate::routing::{
    Expert, Opts, World, accept_and_submit, item, prefer, push, qualified, work, world,
};

/// `n` gold items in the world's project whose answer is B (the lab says B; the truth, and
/// what the expert answers, is A): deliberately wrong gold. Returns their ids.
async fn wrong_gold(app: &TestApp, w: &World, n: usize) -> Vec<String> {
    let gold: Vec<Value> = (0..n)
        .map(|i| json!({"external_id": format!("bad-{i}"), "payload": {"prompt": "Which diff is safer?", "gold": i},
            "answer": {"preference": "b", "strength": 2, "rationale": "B (wrong on purpose)", "cited_clauses": ["C1"]},
            "explanation": "wrong on purpose"}))
        .collect();
    let up = app
        .post(
            &format!("/v1/projects/{}/gold-items", w.project),
            &w.lab.token,
            json!(gold),
        )
        .await;
    up.assert_status(200);
    assert_eq!(up.json["created"], n);
    up.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Answers the next offered gold item with A (the truth); false if none is offered.
async fn answer_truthfully(app: &TestApp, e: &Expert) -> Option<String> {
    let offered = work(app, e, "offered").await;
    let a = offered
        .iter()
        .find(|a| a["payload"].get("gold").is_some())?;
    let id = a["id"].as_str().unwrap().to_owned();
    accept_and_submit(app, e, &id, prefer("a", 2)).await;
    Some(id)
}

/// The expert's shared standing in the slice and their shared gold-accuracy answers.
async fn shared(app: &TestApp, w: &World, e: &Expert) -> (String, i64) {
    let r = app
        .get(&format!("/v1/experts/{}/scores", e.id), &w.admin.token)
        .await;
    r.assert_status(200);
    let mine = r.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["slice_id"] == w.slice.as_str())
        .cloned()
        .unwrap_or_else(|| panic!("no scores in the slice: {}", r.json));
    let n = mine["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["metric"] == "gold_accuracy")
        .and_then(|m| m["n"].as_i64())
        .unwrap_or(0);
    (mine["status"].as_str().unwrap().to_owned(), n)
}

/// Another lab's active project in the same shared slice; returns (lab, project).
async fn other_lab_project(app: &TestApp, w: &World) -> (Account, String) {
    let lab = app.lab("Second Lab").await;
    let p = app
        .post("/v1/projects", &lab.token, json!({"org_id": lab.org(), "name": "Other reviews", "domain_id": w.domain,
            "slices": [{"slice_id": w.slice, "min_qualification": "probation"}], "bill_rate_minor": 15000,
            "currency": "USD", "overlap": 1, "adjudication": false, "gold_rate": 0.0}))
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
    app.post(
        &format!("/v1/projects/{project}/status"),
        &lab.token,
        json!({"status": "active"}),
    )
    .await
    .assert_status(200);
    (lab, project)
}

async fn removed(app: &TestApp, token: &str, item: &str) -> Value {
    let ex = app.get(&format!("/v1/items/{item}/routing"), token).await;
    ex.assert_status(200);
    ex.json["decisions"][0]["removed"].clone()
}

fn lab_gold_world() -> Opts {
    Opts {
        overlap: 1,
        adjudication: false,
        gold_rate: 0.5,
        ..Opts::default()
    }
}

#[tokio::test]
async fn a_labs_wrong_gold_bars_the_expert_from_its_own_projects_only() {
    on_both_with(
        |s| {
            s.routing.seed = Some(62);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let w = world(&app, lab_gold_world()).await;
            wrong_gold(&app, &w, 60).await;
            let e = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, (0..60).map(item).collect()).await;
            // 20 truthful answers, every one marked wrong by the lab's gold.
            for k in 0..20 {
                assert!(
                    answer_truthfully(&app, &e).await.is_some(),
                    "ran out of gold offers after {k}"
                );
            }
            // The shared (platform-owned) slice's standing did not move: still qualified,
            // no gold answer counted there.
            assert_eq!(shared(&app, &w, &e).await, ("qualified".to_owned(), 0));
            let h = app
                .get(
                    &format!("/v1/experts/{}/slices/{}/history", e.id, w.slice),
                    &w.admin.token,
                )
                .await;
            h.assert_status(200);
            assert!(
                h.json["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|x| x["to"] != "suspended"),
                "{}",
                h.json
            );

            // The lab that wrote the gold gets no more of the expert's work…
            let before = work(&app, &e, "offered").await.len();
            let ids = push(&app, &w, vec![item(900)]).await;
            assert_eq!(
                removed(&app, &w.lab.token, &ids[0]).await,
                json!({"slice_status": 1})
            );
            assert_eq!(work(&app, &e, "offered").await.len(), before);

            // …while another lab in the same shared slice still does.
            let (other, project) = other_lab_project(&app, &w).await;
            let r = app
                .post(
                    &format!("/v1/projects/{project}/items"),
                    &other.token,
                    json!([item(901)]),
                )
                .await;
            r.assert_status(200);
            let theirs = r.json["results"][0]["id"].as_str().unwrap().to_owned();
            assert_eq!(removed(&app, &other.token, &theirs).await, json!({}));
            assert!(
                work(&app, &e, "offered")
                    .await
                    .iter()
                    .any(|a| a["payload"]["n"] == 901),
                "the other lab's item reaches the expert"
            );
        },
    )
    .await;
}

#[tokio::test]
async fn certified_gold_counts_in_the_shared_standing_and_only_platform_admins_certify() {
    on_both_with(
        |s| {
            s.routing.seed = Some(61);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let w = world(&app, lab_gold_world()).await;
            let gold = wrong_gold(&app, &w, 40).await;
            let vendor = app.vendor("Vendor").await;
            let e = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, (0..40).map(item).collect()).await;
            // Two answers before certification count only with the lab.
            for _ in 0..2 {
                assert!(answer_truthfully(&app, &e).await.is_some());
            }
            assert_eq!(shared(&app, &w, &e).await.1, 0);

            let body = json!({"certified": true, "reason": "reviewed the reference answers"});
            let path = |g: &str| format!("/v1/gold-items/{g}/certification");
            // Not the lab that wrote it, not a vendor, not the expert.
            for token in [&w.lab.token, &vendor.token, &e.account.token] {
                let r = app
                    .call(Method::PUT, &path(&gold[0]), Some(token), Some(body.clone()))
                    .await;
                r.assert_problem(403, None);
                assert!(
                    r.json["detail"].as_str().unwrap().contains("platform admin"),
                    "{}",
                    r.json
                );
            }
            app.call(
                Method::PUT,
                &path(&gold[0]),
                Some(&w.admin.token),
                Some(json!({"certified": true, "reason": ""})),
            )
            .await
            .assert_problem(422, Some("reason"));
            for g in &gold {
                let r = app
                    .call(Method::PUT, &path(g), Some(&w.admin.token), Some(body.clone()))
                    .await;
                r.assert_status(200);
                assert!(r.json["certified_at"].is_string(), "{}", r.json);
            }
            // Twice is a conflict naming the state.
            app.call(Method::PUT, &path(&gold[0]), Some(&w.admin.token), Some(body.clone()))
                .await
                .assert_problem(409, None);
            // The owner sees the certification on its gold.
            let list = app
                .get(
                    &format!("/v1/projects/{}/gold-items?limit=200", w.project),
                    &w.lab.token,
                )
                .await;
            list.assert_status(200);
            assert!(
                list.json["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|g| g["certified_at"].is_string())
            );
            // Audited, under the lab.
            let audit = app
                .get(
                    &format!("/v1/audit-events?action=gold.certified&subject_id={}", gold[0]),
                    &w.admin.token,
                )
                .await;
            audit.assert_status(200);
            let ev = &audit.json["data"][0];
            assert_eq!(ev["org_id"], w.lab.org());
            assert_eq!(ev["details"]["reason"], "reviewed the reference answers");

            // Answers from now on count in the shared standing.
            for _ in 0..3 {
                assert!(answer_truthfully(&app, &e).await.is_some());
            }
            assert_eq!(shared(&app, &w, &e).await, ("qualified".to_owned(), 3));

            // Withdrawn: later answers count with the lab again; audited too.
            let un = json!({"certified": false, "reason": "the reference answers look wrong"});
            for g in &gold {
                app.call(Method::PUT, &path(g), Some(&w.admin.token), Some(un.clone()))
                    .await
                    .assert_status(200);
            }
            app.call(Method::PUT, &path(&gold[0]), Some(&w.admin.token), Some(un))
                .await
                .assert_problem(409, None);
            assert!(answer_truthfully(&app, &e).await.is_some());
            assert_eq!(shared(&app, &w, &e).await.1, 3);
            let audit = app
                .get(
                    &format!("/v1/audit-events?action=gold.uncertified&subject_id={}", gold[0]),
                    &w.admin.token,
                )
                .await;
            assert_eq!(audit.json["data"].as_array().unwrap().len(), 1);

            // Only a lab's gold is certified: the platform's pool already counts.
            let pool = app
                .post(&format!("/v1/slices/{}/gold-items", w.slice), &w.admin.token,
                    json!([{"external_id": "p-1", "payload": {"p": 1},
                        "answer": {"preference": "a", "strength": 1, "rationale": "ref", "cited_clauses": ["C1"]},
                        "explanation": "reference"}]))
                .await;
            pool.assert_status(200);
            let p = pool.json["results"][0]["id"].as_str().unwrap().to_owned();
            app.call(Method::PUT, &path(&p), Some(&w.admin.token), Some(body))
                .await
                .assert_problem(409, None);
        },
    )
    .await;
}

#[tokio::test]
async fn appeals_against_a_labs_gold_are_decided_by_the_platform_and_correct_the_labs_standing() {
    on_both_with(
        |s| {
            s.routing.seed = Some(63);
            s.routing.max_open_assignments = 10_000;
            // Two wrong answers bar the expert (Beta(1, 3): 10 % bound 0.03 < 0.15); one
            // overturned lifts it again (Beta(2, 2): 0.20).
            s.scoring.min_gold_answers = 2.0;
            s.scoring.suspend_lower_bound = 0.15;
        },
        |app| async move {
            let w = world(&app, lab_gold_world()).await;
            wrong_gold(&app, &w, 30).await;
            let e = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, (0..30).map(item).collect()).await;
            let first = answer_truthfully(&app, &e).await.expect("a gold offer");
            assert!(answer_truthfully(&app, &e).await.is_some());
            let ids = push(&app, &w, vec![item(700)]).await;
            assert_eq!(
                removed(&app, &w.lab.token, &ids[0]).await,
                json!({"slice_status": 1})
            );
            assert_eq!(shared(&app, &w, &e).await.0, "qualified");

            let a = app
                .post(
                    "/v1/appeals",
                    &e.account.token,
                    json!({"assignment_id": first, "explanation": "A is the safer diff: B unwraps input."}),
                )
                .await;
            a.assert_status(201);
            let appeal = a.json["id"].as_str().unwrap().to_owned();
            // The lab reads the appeal against its gold but may not decide it.
            app.get(&format!("/v1/appeals/{appeal}"), &w.lab.token)
                .await
                .assert_status(200);
            let decide = json!({"decision": "overturn", "reason": "A is right",
                "corrected_answer": prefer("a", 2)});
            let r = app
                .post(&format!("/v1/appeals/{appeal}/decision"), &w.lab.token, decide.clone())
                .await;
            r.assert_problem(403, None);
            assert!(
                r.json["detail"].as_str().unwrap().contains("decided by a platform admin"),
                "{}",
                r.json
            );
            let d = app
                .post(&format!("/v1/appeals/{appeal}/decision"), &w.admin.token, decide)
                .await;
            d.assert_status(200);
            assert_eq!(d.json["appeal"]["status"], "overturned");
            assert_eq!(d.json["regraded"], 1);
            // The correction lands in the standing the answer counted in (the lab's): the
            // lab's projects route to the expert again; the shared standing never moved.
            // (A gold item may take the slot instead of the real one — gold looks like
            // work — so the check is that the expert is offered one more assignment and
            // no status filter removed them.)
            let before = work(&app, &e, "offered").await.len();
            let ids = push(&app, &w, vec![item(701)]).await;
            let r = removed(&app, &w.lab.token, &ids[0]).await;
            assert!(
                r.as_object().unwrap().keys().all(|k| k == "already_on_item"),
                "{r}"
            );
            assert_eq!(work(&app, &e, "offered").await.len(), before + 1);
            assert_eq!(shared(&app, &w, &e).await, ("qualified".to_owned(), 0));
        },
    )
    .await;
}

#[tokio::test]
async fn vendor_calibration_never_uses_the_platform_pool_and_drift_stays_within_the_owner() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let vendor = app.vendor("Meridian").await;
        let x = qualified(&app, &w, Some(&vendor), json!({})).await;
        let item = |i: usize| json!({"external_id": format!("c-{i}"), "payload": {"prompt": "Calibrate", "c": i},
            "answer": {"preference": "a", "strength": 2, "rationale": "ref", "cited_clauses": ["C1"]},
            "explanation": "reference"});
        let pool = app
            .post(
                &format!("/v1/slices/{}/gold-items", w.slice),
                &w.admin.token,
                json!((0..3).map(item).collect::<Vec<_>>()),
            )
            .await;
        pool.assert_status(200);
        let ids = |r: &crate::helpers::Resp| -> Vec<String> {
            r.json["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let platform_gold = ids(&pool);
        let closes = (app.clock_now() + chrono::Duration::days(7)).to_rfc3339();
        let body = |gold: &[String], org: Value| json!({"org_id": org, "slice_id": w.slice,
            "title": "Weekly", "gold_item_ids": gold, "participant_ids": [x.id], "closes_at": closes});
        // The vendor may not use the platform's assessment pool, even one item of it.
        let r = app
            .post("/v1/calibration-sessions", &vendor.token, body(&platform_gold, json!(vendor.org())))
            .await;
        r.assert_problem(403, None);
        assert!(
            r.json["detail"].as_str().unwrap().contains("platform's assessment pool"),
            "{}",
            r.json
        );
        // Its own material is fine.
        let own = app
            .post(
                &format!("/v1/slices/{}/gold-items?org_id={}", w.slice, vendor.org()),
                &vendor.token,
                json!((0..3).map(item).collect::<Vec<_>>()),
            )
            .await;
        own.assert_status(200);
        let own = ids(&own);
        let mine = app
            .post("/v1/calibration-sessions", &vendor.token, body(&own, json!(vendor.org())))
            .await;
        mine.assert_status(201);
        let mine = mine.json["id"].as_str().unwrap().to_owned();
        let mut mixed = own.clone();
        mixed.push(platform_gold[0].clone());
        app.post("/v1/calibration-sessions", &vendor.token, body(&mixed, json!(vendor.org())))
            .await
            .assert_problem(403, None);
        // The platform runs a session on the same set: another organisation's session.
        let theirs = app
            .post("/v1/calibration-sessions", &w.admin.token, body(&own, Value::Null))
            .await;
        theirs.assert_status(201);
        let theirs = theirs.json["id"].as_str().unwrap().to_owned();
        // The vendor's results compare only the vendor's own sessions…
        let r = app
            .get(&format!("/v1/calibration-sessions/{mine}/results"), &vendor.token)
            .await;
        r.assert_status(200);
        let drift: Vec<&str> = r.json["drift"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["session_id"].as_str().unwrap())
            .collect();
        assert_eq!(drift, [mine.as_str()]);
        // …and the platform's only the platform's.
        let r = app
            .get(&format!("/v1/calibration-sessions/{theirs}/results"), &w.admin.token)
            .await;
        r.assert_status(200);
        let drift: Vec<&str> = r.json["drift"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["session_id"].as_str().unwrap())
            .collect();
        assert_eq!(drift, [theirs.as_str()]);
        // A repeat of the vendor's session joins its drift.
        let again = app
            .post(&format!("/v1/calibration-sessions/{mine}/repeat"), &vendor.token, json!({"closes_at": closes}))
            .await;
        again.assert_status(201);
        let r = app
            .get(&format!("/v1/calibration-sessions/{mine}/results"), &vendor.token)
            .await;
        assert_eq!(r.json["drift"].as_array().unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_suspension_the_measurements_imposed_is_never_lifted_by_the_experts_vendor() {
    on_both_with(
        |s| {
            s.routing.seed = Some(67);
            s.routing.max_open_assignments = 10_000;
            // Two failed gold answers suspend (Beta(1, 3): 10 % bound 0.03 < 0.15).
            s.scoring.min_gold_answers = 2.0;
            s.scoring.suspend_lower_bound = 0.15;
        },
        |app| async move {
            let w = world(&app, lab_gold_world()).await;
            let gold = wrong_gold(&app, &w, 30).await;
            // Certified, the (wrong) gold counts in the shared standing: measurement.
            for g in &gold {
                app.call(
                    Method::PUT,
                    &format!("/v1/gold-items/{g}/certification"),
                    Some(&w.admin.token),
                    Some(json!({"certified": true, "reason": "reviewed"})),
                )
                .await
                .assert_status(200);
            }
            let vendor = app.vendor("Protective Vendor").await;
            let e = qualified(&app, &w, Some(&vendor), json!({})).await;
            push(&app, &w, (0..30).map(item).collect()).await;
            for _ in 0..2 {
                assert!(answer_truthfully(&app, &e).await.is_some());
            }
            assert_eq!(shared(&app, &w, &e).await.0, "suspended");

            // The expert's own (approved) vendor may protect, never lift what the
            // measurements imposed; the refusal names the rule.
            let lift = json!({"status": "probation", "reason": "we trust our expert"});
            let path = format!("/v1/experts/{}/slices/{}/status", e.id, w.slice);
            let r = app
                .call(Method::PUT, &path, Some(&vendor.token), Some(lift.clone()))
                .await;
            r.assert_problem(403, None);
            assert!(
                r.json["detail"]
                    .as_str()
                    .unwrap()
                    .contains("cannot lift a suspension"),
                "{}",
                r.json
            );
            assert_eq!(shared(&app, &w, &e).await.0, "suspended");
            // A platform admin can, with a reason (audited as ever).
            app.call(Method::PUT, &path, Some(&w.admin.token), Some(lift))
                .await
                .assert_status(200);
            assert_eq!(shared(&app, &w, &e).await.0, "probation");
        },
    )
    .await;
}
