//! Scoring: gold answers move an expert through the slice-status table and routing follows
//! in the same transaction; the incremental profile equals a recompute from outcomes;
//! slice reliability and project quality against hand-computed numbers; who sees what.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both_with};
use crate::routing::{
    Expert, Opts, World, accept_and_submit, applicant, item, prefer, push, qualified, set_standing,
    vet_to, work, world,
};

async fn scores(app: &TestApp, token: &str, expert: &str) -> Value {
    let r = app
        .get(&format!("/v1/experts/{expert}/scores"), token)
        .await;
    r.assert_status(200);
    r.json
}

fn slice_scores<'a>(s: &'a Value, slice: &str) -> &'a Value {
    s["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["slice_id"] == slice)
        .unwrap_or_else(|| panic!("no scores in {slice}: {s}"))
}

fn metric<'a>(s: &'a Value, name: &str) -> &'a Value {
    s["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == name)
        .unwrap_or_else(|| panic!("no {name}: {s}"))
}

pub(crate) async fn upload_gold(app: &TestApp, w: &World, n: usize) {
    let gold: Vec<Value> = (0..n)
        .map(|i| json!({"external_id": format!("gold-{i}"), "payload": {"prompt": "Which diff is safer?", "gold": i},
            "answer": {"preference": "a", "strength": 2, "rationale": "A is safer", "cited_clauses": ["C1"]},
            "explanation": "A checks the bounds"}))
        .collect();
    let up = app
        .post(
            &format!("/v1/projects/{}/gold-items", w.project),
            &w.lab.token,
            json!(gold),
        )
        .await;
    up.assert_status(200);
    assert_eq!(
        up.json["created"],
        n,
        "{}",
        &up.text[..up.text.len().min(400)]
    );
    // The slice is shared (platform-owned): the lab's gold moves standings there only once
    // a platform admin has certified it (gold_counts.rs tests the uncertified case).
    for r in up.json["results"].as_array().unwrap() {
        app.call(
            Method::PUT,
            &format!("/v1/gold-items/{}/certification", r["id"].as_str().unwrap()),
            Some(&w.admin.token),
            Some(json!({"certified": true, "reason": "reviewed for the test"})),
        )
        .await
        .assert_status(200);
    }
}

/// A project with overlap 1 and gold at half the offers, `gold` gold items, an approved
/// expert on probation in its slice, and `items` pushed items offered to them.
async fn on_probation_with_gold(app: &TestApp, gold: usize, items: usize) -> (World, Expert) {
    let w = world(
        app,
        Opts {
            overlap: 1,
            gold_rate: 0.5,
            ..Opts::default()
        },
    )
    .await;
    upload_gold(app, &w, gold).await;
    let e = applicant(app, &w, None, json!({})).await;
    vet_to(app, &w, &e, "approved").await;
    set_standing(app, &w, &e, "probation").await;
    push(app, &w, (0..items).map(item).collect()).await;
    (w, e)
}

/// Answers the next offered gold item (correctly or not); false if none is offered.
pub(crate) async fn answer_gold(app: &TestApp, e: &Expert, correct: bool) -> bool {
    let offered = work(app, e, "offered").await;
    let Some(a) = offered.iter().find(|a| a["payload"].get("gold").is_some()) else {
        return false;
    };
    let label = if correct {
        prefer("a", 2)
    } else {
        prefer("b", 3)
    };
    accept_and_submit(app, e, a["id"].as_str().unwrap(), label).await;
    true
}

#[tokio::test]
async fn gold_answers_move_an_expert_from_probation_to_qualified_to_suspended_and_routing_follows()
{
    on_both_with(
        |s| {
            s.routing.seed = Some(61);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let (w, e) = on_probation_with_gold(&app, 120, 110).await;

            // 19 correct gold answers: not yet the 20 the status table needs.
            for _ in 0..19 {
                assert!(answer_gold(&app, &e, true).await, "ran out of gold offers");
            }
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            assert_eq!(mine["status"], "probation");
            let gold = metric(mine, "gold_accuracy");
            assert_eq!(gold["n"], 19);
            // Beta(1 + 19, 1): mean 20/21, 10th percentile 0.1^(1/20).
            assert!((gold["mean"].as_f64().unwrap() - 20.0 / 21.0).abs() < 1e-9);
            assert!((gold["lower_bound"].as_f64().unwrap() - 0.1f64.powf(1.0 / 20.0)).abs() < 1e-9);
            assert!(mine["outlook"].as_str().unwrap().contains("19.0 of the 20"), "{mine}");

            // The 20th: lower bound 0.1^(1/21) = 0.896 ≥ 0.85 → qualified.
            assert!(answer_gold(&app, &e, true).await);
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            assert_eq!(mine["status"], "qualified", "{mine}");
            let reason = mine["status_reason"].as_str().unwrap();
            assert!(
                reason.starts_with("qualified in `code/rust-review` because the 90 % lower bound of gold accuracy is 0.90 after 20 answers"),
                "{reason}"
            );
            app.drain_jobs().await;
            let mail = app.mail_to(&e.account.email).pop().expect("a status e-mail");
            assert!(mail.body().contains("0.90 after 20 answers"), "{}", mail.body());

            // Wrong answers until the lower bound falls below 0.75. Beta(21, 1 + k): the
            // bound (scipy) is 0.7848 after 2 wrong and 0.7425 after 3, so the 3rd suspends.
            for k in 1..=3 {
                assert!(answer_gold(&app, &e, false).await);
                let s = scores(&app, &e.account.token, &e.id).await;
                let mine = slice_scores(&s, &w.slice);
                let want = if k < 3 { "qualified" } else { "suspended" };
                assert_eq!(mine["status"], want, "after {k} wrong: {mine}");
            }
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            let reason = mine["status_reason"].as_str().unwrap();
            assert!(
                reason.starts_with("suspended in `code/rust-review` because the 90 % lower bound of gold accuracy is 0.74 after 23 answers"),
                "{reason}"
            );
            // The numbers behind the change are in the standing's history.
            let h = app
                .get(
                    &format!("/v1/experts/{}/slices/{}/history", e.id, w.slice),
                    &w.admin.token,
                )
                .await;
            h.assert_status(200);
            let last = h.json["data"].as_array().unwrap().iter().rev()
                .find(|x| x["aspect"] == "status").unwrap().clone();
            assert_eq!(last["to"], "suspended");
            assert_eq!(last["actor_type"], "system");
            assert_eq!(last["details"]["answers"], 23);
            let lb = last["details"]["lower_bound"].as_f64().unwrap();
            assert!((lb - 0.742_461_823_161_492_6).abs() < 1e-9, "{last}");

            // Routing: a new item is not offered to the suspended expert.
            let before = work(&app, &e, "offered").await.len();
            let ids = push(&app, &w, vec![item(500)]).await;
            let ex = app
                .get(&format!("/v1/items/{}/routing", ids[0]), &w.lab.token)
                .await;
            ex.assert_status(200);
            assert_eq!(ex.json["decisions"][0]["removed"], json!({"slice_status": 1}), "{}", ex.json);
            assert_eq!(work(&app, &e, "offered").await.len(), before);

            // The incremental profile equals a recompute from the outcomes table.
            let incremental = scores(&app, &w.admin.token, &e.id).await;
            let settings = app.state.settings.clone();
            let now = app.clock_now();
            app.state
                .db
                .write(move |conn| {
                    cadre::scoring::service::recompute(conn, now, &settings, None, None)
                })
                .await
                .unwrap();
            let recomputed = scores(&app, &w.admin.token, &e.id).await;
            let (a, b) = (slice_scores(&incremental, &w.slice), slice_scores(&recomputed, &w.slice));
            for m in a["metrics"].as_array().unwrap() {
                let name = m["metric"].as_str().unwrap();
                let r = metric(b, name);
                assert_eq!(m["n"], r["n"], "{name}");
                for k in ["effective_n", "mean", "lower_bound", "upper_bound"] {
                    match (m[k].as_f64(), r[k].as_f64()) {
                        (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{name}.{k}: {x} vs {y}"),
                        (x, y) => assert_eq!(x, y, "{name}.{k}"),
                    }
                }
            }
            // Decline rate counted every submitted offer as a non-decline.
            let d = metric(a, "decline_rate");
            assert_eq!(d["n"], 23);

            // Back through a calibration session on the platform's pool of the slice.
            let pool: Vec<Value> = (0..5)
                .map(|i| json!({"external_id": format!("cal-{i}"), "payload": {"prompt": "Calibrate", "c": i},
                    "answer": {"preference": if i % 2 == 0 { "a" } else { "b" }, "strength": 2, "rationale": "ref", "cited_clauses": ["C1"]},
                    "explanation": "reference"}))
                .collect();
            let up = app
                .post(&format!("/v1/slices/{}/gold-items", w.slice), &w.admin.token, json!(pool))
                .await;
            up.assert_status(200);
            let gold_ids: Vec<String> = up.json["results"].as_array().unwrap().iter()
                .map(|r| r["id"].as_str().unwrap().to_owned()).collect();
            let closes = (app.clock_now() + chrono::Duration::days(7)).to_rfc3339();
            let c = app
                .post("/v1/calibration-sessions", &w.admin.token, json!({"slice_id": w.slice,
                    "title": "Reinstatement", "gold_item_ids": gold_ids, "participant_ids": [e.id],
                    "closes_at": closes}))
                .await;
            c.assert_status(201);
            let session = c.json["id"].as_str().unwrap().to_owned();
            assert_eq!(c.json["items"], 5);
            // The expert sees the payloads, never the reference answers.
            let items = app
                .get(&format!("/v1/calibration-sessions/{session}/items"), &e.account.token)
                .await;
            items.assert_status(200);
            assert!(!items.text.contains("reference"), "{}", items.text);
            let list = items.json["data"].as_array().unwrap().clone();
            assert_eq!(list.len(), 5);
            // 4 of 5 like the reference (0.8 passes); the last answer completes it.
            for (i, it) in list.iter().enumerate() {
                let c = it["payload"]["c"].as_u64().unwrap();
                let right = if c % 2 == 0 { "a" } else { "b" };
                let side = if i == 0 { if right == "a" { "b" } else { "a" } } else { right };
                let r = app
                    .post(
                        &format!("/v1/calibration-sessions/{session}/items/{}/answer", it["assignment_id"].as_str().unwrap()),
                        &e.account.token,
                        json!({"label": prefer(side, 2)}),
                    )
                    .await;
                r.assert_status(200);
                assert_eq!(r.json["answered"], i as i64 + 1);
                let want = if i == 4 { json!(true) } else { Value::Null };
                assert_eq!(r.json["passed"], want);
            }
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            assert_eq!(mine["status"], "probation", "{mine}");
            assert!(mine["status_reason"].as_str().unwrap().contains("passed the calibration session \"Reinstatement\" with 4 of 5 correct"), "{mine}");
            let cal = metric(mine, "calibration");
            assert_eq!(cal["n"], 5);
            // The session was paid training time: 5 answers × the 300 s allowance at the
            // expert's own 80.00/h, paid by the platform (it ran the session).
            let te = app.get("/v1/time-entries", &e.account.token).await;
            let entry = te.json["data"].as_array().unwrap().iter()
                .find(|t| t["source_type"] == "calibration").cloned().expect("a calibration entry");
            assert_eq!(entry["payer_type"], "platform");
            assert_eq!(entry["seconds"], 1500);
            assert_eq!(entry["pay"], json!({"amount_minor": 3333, "currency": "USD"}));
            assert!((cal["mean"].as_f64().unwrap() - 5.0 / 7.0).abs() < 1e-9);
            // Routing offers the expert new work again (the real item, or a gold item in
            // its slot: gold looks like work), and no status filter removes them.
            let before = work(&app, &e, "offered").await.len();
            let ids = push(&app, &w, vec![item(501)]).await;
            let ex = app.get(&format!("/v1/items/{}/routing", ids[0]), &w.lab.token).await;
            let removed = ex.json["decisions"][0]["removed"].as_object().unwrap();
            assert!(removed.keys().all(|k| k == "already_on_item"), "{}", ex.json);
            assert_eq!(work(&app, &e, "offered").await.len(), before + 1);
            // A second try of an answered item is refused; the results name the split item.
            let again = app
                .post(
                    &format!("/v1/calibration-sessions/{session}/items/{}/answer", list[0]["assignment_id"].as_str().unwrap()),
                    &e.account.token,
                    json!({"label": prefer("a", 2)}),
                )
                .await;
            again.assert_problem(409, None);
            app.get(&format!("/v1/calibration-sessions/{session}/results"), &e.account.token)
                .await
                .assert_problem(403, None);
            let r = app
                .get(&format!("/v1/calibration-sessions/{session}/results"), &w.admin.token)
                .await;
            r.assert_status(200);
            assert_eq!(r.json["participants"][0]["correct"], 4);
            assert_eq!(r.json["participants"][0]["passed"], true);
            assert_eq!(r.json["items"][0]["agreement_with_reference"], 0.0);
            assert_eq!(r.json["drift"].as_array().unwrap().len(), 1);
            // Repeating it on the same items: a new session with the same set, and the drift
            // list of either holds both.
            let again = app
                .post(&format!("/v1/calibration-sessions/{session}/repeat"), &w.admin.token,
                    json!({"closes_at": closes}))
                .await;
            again.assert_status(201);
            assert_eq!(again.json["origin"], "repeat");
            assert_eq!(again.json["set_key"], c.json["set_key"]);
            assert_eq!(again.json["participants"], 1);
            let r = app
                .get(&format!("/v1/calibration-sessions/{session}/results"), &w.admin.token)
                .await;
            let drift = r.json["drift"].as_array().unwrap();
            assert_eq!(drift.len(), 2);
            assert_eq!(drift[0]["mean_accuracy"], 0.8);
            assert_eq!(drift[1]["participants_answered"], 0);
        },
    )
    .await;
}

/// Two annotators label 25 items: both `a` on 10, both `b` on 10, `x` says `a` and `y`
/// says `b` on 5 (which an adjudicator resolves as `a`).
async fn two_raters(app: &TestApp) -> (World, Expert, Expert, Expert) {
    let w = world(app, Opts::default()).await;
    let x = qualified(app, &w, None, json!({})).await;
    let y = qualified(app, &w, None, json!({})).await;
    push(app, &w, (0..25).map(item).collect()).await;
    let adj = qualified(app, &w, None, json!({})).await;
    app.call(
        Method::PUT,
        &format!("/v1/experts/{}/slices/{}/tier", adj.id, w.slice),
        Some(&w.admin.token),
        Some(json!({"tier": "adjudicator", "reason": "experienced"})),
    )
    .await
    .assert_status(200);
    for (e, disagree_side) in [(&x, "a"), (&y, "b")] {
        let offered = work(app, e, "offered").await;
        assert_eq!(offered.len(), 25);
        for a in offered {
            let n = a["payload"]["n"].as_u64().unwrap();
            let side = match n {
                0..10 => "a",
                10..20 => "b",
                _ => disagree_side,
            };
            accept_and_submit(app, e, a["id"].as_str().unwrap(), prefer(side, 2)).await;
        }
    }
    let to_adjudicate = work(app, &adj, "offered").await;
    assert_eq!(to_adjudicate.len(), 5);
    for a in to_adjudicate {
        accept_and_submit(app, &adj, a["id"].as_str().unwrap(), prefer("a", 2)).await;
    }
    (w, x, y, adj)
}

#[tokio::test]
async fn slice_reliability_and_project_quality_match_hand_computed_numbers() {
    on_both_with(
        |s| s.routing.max_open_assignments = 100,
        |app| async move {
            let (w, x, y, _) = two_raters(&app).await;
            let r = app
                .get(
                    &format!("/v1/slices/{}/reliability", w.slice),
                    &w.admin.token,
                )
                .await;
            r.assert_status(200);
            let a = &r.json["agreement"];
            assert_eq!(a["items"], 25);
            assert_eq!(a["judgments"], 50);
            // Coincidences: aa 20, bb 20, ab = ba 5 → D_o = 10/50, D_e = 2·25·25/(50·49).
            let alpha = 1.0 - (10.0 / 50.0) / (1250.0 / 2450.0);
            assert!(
                (a["krippendorff_alpha"].as_f64().unwrap() - alpha).abs() < 1e-9,
                "{a}"
            );
            // Fleiss with 2 raters: P̄ = 20/25, P_e = 0.5² + 0.5².
            assert!((a["fleiss_kappa"].as_f64().unwrap() - 0.6).abs() < 1e-9);
            assert_eq!(r.json["health"], "corrective");
            assert_eq!(r.json["adjudication_rate"], json!({"n": 25, "rate": 0.2}));
            assert_eq!(r.json["informativeness"], json!({"n": 50, "rate": 1.0}));
            assert_eq!(r.json["gold_accuracy"]["answers"], 0);
            assert_eq!(r.json["gold_accuracy"]["mean"], Value::Null);
            assert_eq!(r.json["dawid_skene"]["items"], 25);

            // x against y: (a,a)×10, (b,b)×10, (a,b)×5 → p_o 0.8, p_e (15·10 + 10·15)/25².
            let s = scores(&app, &x.account.token, &x.id).await;
            let mine = slice_scores(&s, &w.slice);
            let co = metric(mine, "co_annotator_agreement");
            assert_eq!(co["n"], 25);
            let kappa = (0.8 - 0.48) / (1.0 - 0.48);
            assert!((co["kappa"].as_f64().unwrap() - kappa).abs() < 1e-9, "{co}");
            // x agreed with the adjudicator on all 5, y on none.
            let adj = metric(mine, "adjudicated_agreement");
            assert_eq!(adj["n"], 5);
            assert!((adj["mean"].as_f64().unwrap() - 6.0 / 7.0).abs() < 1e-9);
            let s = scores(&app, &y.account.token, &y.id).await;
            let adj = metric(slice_scores(&s, &w.slice), "adjudicated_agreement");
            assert!((adj["mean"].as_f64().unwrap() - 1.0 / 7.0).abs() < 1e-9);

            // The lab sees the same numbers for its project, and nobody's identity.
            let q = app
                .get(&format!("/v1/projects/{}/quality", w.project), &w.lab.token)
                .await;
            q.assert_status(200);
            let p = &q.json["slices"][0];
            assert_eq!(p["agreement"], *a);
            assert_eq!(p["gold_accuracy"].get("expert_lower_bounds"), None);
            for id in [&x.id, &y.id] {
                assert!(!q.text.contains(id.as_str()));
            }
            let lab_r = app
                .get(
                    &format!("/v1/slices/{}/reliability?project={}", w.slice, w.project),
                    &w.lab.token,
                )
                .await;
            lab_r.assert_status(200);
            assert_eq!(lab_r.json["agreement"], *a);

            // The scoring sweep: alpha 0.61 < 0.75 → platform admins warned, and a corrective
            // session opens for the two active annotators on the slice's platform pool.
            let pool: Vec<Value> = (0..3)
                .map(|i| json!({"external_id": format!("pool-{i}"), "payload": {"prompt": "P", "p": i},
                    "answer": {"preference": "a", "strength": 1, "rationale": "ref", "cited_clauses": ["C1"]},
                    "explanation": "reference"}))
                .collect();
            app.post(&format!("/v1/slices/{}/gold-items", w.slice), &w.admin.token, json!(pool))
                .await
                .assert_status(200);
            app.drain_jobs().await;
            let mail = app
                .mail_to(&w.admin.email)
                .into_iter()
                .find(|m| m.subject().contains("reliability"))
                .expect("the owners are warned");
            assert_eq!(mail.subject(), "Slice code/rust-review reliability: corrective");
            assert!(mail.body().contains("alpha is 0.608 over 25"), "{}", mail.body());
            let sessions = app.get("/v1/calibration-sessions", &w.admin.token).await;
            sessions.assert_status(200);
            let list = sessions.json["data"].as_array().unwrap();
            assert_eq!(list.len(), 1, "{}", sessions.json);
            assert_eq!(list[0]["origin"], "corrective");
            assert_eq!(list[0]["participants"], 2);
            assert_eq!(list[0]["items"], 3);
            // x sees it with their own part; the adjudicator (not an annotator) is not in it.
            let mine = app.get("/v1/calibration-sessions", &x.account.token).await;
            assert_eq!(mine.json["data"][0]["me"]["total"], 3, "{}", mine.json);
            assert_eq!(mine.json["data"][0].get("participants"), None);
            // A second sweep with the same health neither warns again nor opens another.
            app.advance(chrono::Duration::hours(2));
            app.drain_jobs().await;
            let n = app.mail_to(&w.admin.email).iter().filter(|m| m.subject().contains("reliability")).count();
            assert_eq!(n, 1);
            // When its 14-day window ends, the sweep closes it: nobody answered, so both
            // participants end incomplete and their items expire.
            app.advance(chrono::Duration::days(15));
            app.drain_jobs().await;
            let mut x = x;
            app.relogin(&mut x.account).await;
            let mine = app.get("/v1/calibration-sessions", &x.account.token).await;
            assert_eq!(mine.json["data"][0]["status"], "closed", "{}", mine.json);
            assert_eq!(mine.json["data"][0]["me"]["status"], "incomplete");
            assert_eq!(mine.json["data"][0]["me"]["passed"], false);
            let session = mine.json["data"][0]["id"].as_str().unwrap().to_owned();
            let items = app
                .get(&format!("/v1/calibration-sessions/{session}/items"), &x.account.token)
                .await;
            assert!(items.json["data"].as_array().unwrap().iter().all(|i| i["status"] == "expired"));
        },
    )
    .await;
}

#[tokio::test]
async fn every_score_endpoint_keeps_to_its_tenancy() {
    on_both_with(
        |s| s.routing.max_open_assignments = 100,
        |app| async move {
            let (w, x, y, _) = two_raters(&app).await;
            let other_lab = app.lab("Other Lab").await;
            let vendor = app.vendor("Roster Co").await;
            // Expert scores: own yes; another expert, a lab, another vendor's admin: 404.
            scores(&app, &x.account.token, &x.id).await;
            for token in [&y.account.token, &w.lab.token, &vendor.token] {
                app.get(&format!("/v1/experts/{}/scores", x.id), token)
                    .await
                    .assert_problem(404, None);
            }
            // Project quality: another lab 404; an expert 404.
            for token in [&other_lab.token, &x.account.token] {
                app.get(&format!("/v1/projects/{}/quality", w.project), token)
                    .await
                    .assert_problem(404, None);
            }
            // Slice reliability: slice-wide only for platform admins.
            let path = format!("/v1/slices/{}/reliability", w.slice);
            for token in [&w.lab.token, &vendor.token, &x.account.token] {
                app.get(&path, token).await.assert_problem(403, None);
            }
            // A vendor admin with their own vendor: yes (an empty roster here); another org: no.
            let mine = app
                .get(&format!("{path}?vendor={}", vendor.org()), &vendor.token)
                .await;
            mine.assert_status(200);
            assert_eq!(mine.json["agreement"]["items"], 0);
            assert_eq!(mine.json["health"], "insufficient_data");
            assert_eq!(mine.json["agreement"]["krippendorff_alpha"], Value::Null);
            app.get(&format!("{path}?vendor={}", w.lab.org()), &vendor.token)
                .await
                .assert_problem(404, None);
            // A lab with another lab's project: 404; with a bad window: 400 naming it.
            app.get(&format!("{path}?project={}", w.project), &other_lab.token)
                .await
                .assert_problem(404, None);
            app.get(
                &format!("{path}?project={}&window_days=0", w.project),
                &w.lab.token,
            )
            .await
            .assert_problem(400, Some("window_days"));

            // Calibration sessions: a vendor admin runs them only for their own roster.
            let pool = json!([{"external_id": "t-1", "payload": {"p": 1},
                "answer": {"preference": "a", "strength": 1, "rationale": "ref", "cited_clauses": ["C1"]},
                "explanation": "reference"}]);
            let up = app
                .post(&format!("/v1/slices/{}/gold-items", w.slice), &w.admin.token, pool)
                .await;
            up.assert_status(200);
            let gold = up.json["results"][0]["id"].as_str().unwrap().to_owned();
            let closes = (app.clock_now() + chrono::Duration::days(3)).to_rfc3339();
            let body = |org: Value| json!({"org_id": org, "slice_id": w.slice, "title": "T",
                "gold_item_ids": [gold], "participant_ids": [x.id], "closes_at": closes});
            // (The platform's pool is never a vendor's: refused before anything else.)
            app.post("/v1/calibration-sessions", &vendor.token, body(json!(vendor.org())))
                .await
                .assert_problem(403, None);
            let own = app
                .post(&format!("/v1/slices/{}/gold-items?org_id={}", w.slice, vendor.org()), &vendor.token,
                    json!([{"external_id": "v-1", "payload": {"p": 1},
                        "answer": {"preference": "a", "strength": 1, "rationale": "ref", "cited_clauses": ["C1"]},
                        "explanation": "reference"}]))
                .await;
            own.assert_status(200);
            let own = own.json["results"][0]["id"].as_str().unwrap().to_owned();
            app.post("/v1/calibration-sessions", &vendor.token, json!({"org_id": vendor.org(), "slice_id": w.slice,
                "title": "T", "gold_item_ids": [own], "participant_ids": [x.id], "closes_at": closes}))
                .await
                .assert_problem(422, Some("participant_ids[0]"));
            app.post("/v1/calibration-sessions", &vendor.token, body(Value::Null))
                .await
                .assert_problem(403, None);
            app.post("/v1/calibration-sessions", &w.lab.token, body(json!(w.lab.org())))
                .await
                .assert_problem(403, None);
            let c = app.post("/v1/calibration-sessions", &w.admin.token, body(Value::Null)).await;
            c.assert_status(201);
            let session = c.json["id"].as_str().unwrap().to_owned();
            for token in [&vendor.token, &y.account.token, &w.lab.token] {
                app.get(&format!("/v1/calibration-sessions/{session}"), token)
                    .await
                    .assert_problem(404, None);
            }
            let none = app.get("/v1/calibration-sessions", &vendor.token).await;
            assert_eq!(none.json["data"], json!([]));
            // The participant answers only their own item, and with a valid label.
            let items = app
                .get(&format!("/v1/calibration-sessions/{session}/items"), &x.account.token)
                .await;
            let asg = items.json["data"][0]["assignment_id"].as_str().unwrap().to_owned();
            let answer = format!("/v1/calibration-sessions/{session}/items/{asg}/answer");
            app.post(&answer, &y.account.token, json!({"label": prefer("a", 1)}))
                .await
                .assert_problem(404, None);
            app.post(&answer, &x.account.token, json!({"label": {"preference": "c"}}))
                .await
                .assert_problem(422, Some("label.preference"));
            // Closing early: only managers; then answers are refused and a second close is 409.
            let close = format!("/v1/calibration-sessions/{session}/close");
            app.post(&close, &x.account.token, json!({})).await.assert_problem(403, None);
            let c = app.post(&close, &w.admin.token, json!({})).await;
            c.assert_status(200);
            assert_eq!(c.json["status"], "closed");
            app.post(&close, &w.admin.token, json!({})).await.assert_problem(409, None);
            app.post(&answer, &x.account.token, json!({"label": prefer("a", 1)}))
                .await
                .assert_problem(409, None);
        },
    )
    .await;
}

#[tokio::test]
async fn appeals_overturn_a_gold_answer_and_a_sanction_and_scores_follow() {
    on_both_with(
        |s| {
            s.routing.seed = Some(62);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let (w, e) = on_probation_with_gold(&app, 60, 60).await;
            // 20 wrong gold answers: the lower bound is far below 0.75 → suspended.
            for _ in 0..20 {
                assert!(answer_gold(&app, &e, false).await);
            }
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            assert_eq!(mine["status"], "suspended");
            let failed = mine["failed_gold_checks"].as_array().unwrap();
            assert_eq!(failed.len(), 20);
            let wrong = failed[0]["assignment_id"].as_str().unwrap().to_owned();

            // The expert appeals one gold answer; a second appeal on it is refused.
            let why = "Response B is the safer diff: A unwraps untrusted input.";
            let a = app
                .post("/v1/appeals", &e.account.token, json!({"assignment_id": wrong, "explanation": why}))
                .await;
            a.assert_status(201);
            let gold_appeal = a.json["id"].as_str().unwrap().to_owned();
            app.post("/v1/appeals", &e.account.token, json!({"assignment_id": wrong, "explanation": why}))
                .await
                .assert_problem(409, None);
            app.post("/v1/appeals", &e.account.token, json!({"explanation": why}))
                .await
                .assert_problem(422, Some("sanction_id"));
            // Who decides: not the expert, not another lab, not the lab that wrote the gold
            // (it reads the appeal); a platform admin does.
            let other_lab = app.lab("Other").await;
            let decide = |verdict: &str| json!({"decision": verdict, "reason": "B is right: A unwraps input"});
            app.post(&format!("/v1/appeals/{gold_appeal}/decision"), &e.account.token, decide("overturn"))
                .await
                .assert_problem(403, None);
            app.post(&format!("/v1/appeals/{gold_appeal}/decision"), &other_lab.token, decide("overturn"))
                .await
                .assert_problem(404, None);
            app.post(&format!("/v1/appeals/{gold_appeal}/decision"), &w.lab.token, decide("overturn"))
                .await
                .assert_problem(403, None);
            let d = app
                .post(&format!("/v1/appeals/{gold_appeal}/decision"), &w.admin.token, decide("overturn"))
                .await;
            d.assert_status(200);
            assert_eq!(d.json["regraded"], 1);
            assert_eq!(d.json["appeal"]["status"], "overturned");
            app.post(&format!("/v1/appeals/{gold_appeal}/decision"), &w.admin.token, decide("uphold"))
                .await
                .assert_problem(409, None);
            // The score moved: 1 of 20 correct now, Beta(2, 20); the recompute agrees.
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            let gold = metric(mine, "gold_accuracy");
            assert_eq!(gold["n"], 20);
            assert!((gold["mean"].as_f64().unwrap() - 2.0 / 22.0).abs() < 1e-9, "{gold}");
            assert_eq!(mine["failed_gold_checks"].as_array().unwrap().len(), 19);
            let settings = app.state.settings.clone();
            let now = app.clock_now();
            app.state
                .db
                .write(move |conn| cadre::scoring::service::recompute(conn, now, &settings, None, None))
                .await
                .unwrap();
            let s = scores(&app, &e.account.token, &e.id).await;
            let again = metric(slice_scores(&s, &w.slice), "gold_accuracy");
            assert!((again["mean"].as_f64().unwrap() - 2.0 / 22.0).abs() < 1e-9, "{again}");

            // The sanction: appealed with its id from the history, lifted by a platform admin.
            let h = app
                .get(&format!("/v1/experts/{}/slices/{}/history", e.id, w.slice), &e.account.token)
                .await;
            h.assert_status(200);
            let sanction = h.json["data"].as_array().unwrap().iter()
                .find(|x| x["to"] == "suspended").unwrap()["id"].as_str().unwrap().to_owned();
            let a = app
                .post("/v1/appeals", &e.account.token, json!({"sanction_id": sanction, "explanation": why}))
                .await;
            a.assert_status(201);
            let sanction_appeal = a.json["id"].as_str().unwrap().to_owned();
            // The lab does not decide sanctions (it cannot even see the appeal).
            app.get(&format!("/v1/appeals/{sanction_appeal}"), &w.lab.token)
                .await
                .assert_problem(404, None);
            let d = app
                .post(&format!("/v1/appeals/{sanction_appeal}/decision"), &w.admin.token, decide("overturn"))
                .await;
            d.assert_status(200);
            let s = scores(&app, &e.account.token, &e.id).await;
            let mine = slice_scores(&s, &w.slice);
            assert_eq!(mine["status"], "probation");
            assert!(mine["status_reason"].as_str().unwrap().starts_with("appeal upheld in your favour"), "{mine}");
            // The expert sees both decisions.
            let list = app.get("/v1/appeals", &e.account.token).await;
            list.assert_status(200);
            let statuses: Vec<&str> = list.json["data"].as_array().unwrap().iter()
                .map(|a| a["status"].as_str().unwrap()).collect();
            assert_eq!(statuses, ["overturned", "overturned"]);
            app.drain_jobs().await;
            let n = app.mail_to(&e.account.email).iter()
                .filter(|m| m.subject() == "Appeal decided: overturned").count();
            assert_eq!(n, 2);
        },
    )
    .await;
}

#[tokio::test]
async fn a_labs_pipeline_hears_once_that_its_slice_reliability_fell() {
    on_both_with(
        |s| {
            s.routing.max_open_assignments = 100;
            crate::webhooks::open_webhooks(s);
        },
        |app| async move {
            let receiver = crate::webhooks::Receiver::start(&[]).await;
            let (w, _, _, _) = two_raters(&app).await;
            let (_, secret) = crate::webhooks::register(
                &app,
                &w,
                &receiver.url,
                json!(["slice.reliability_low"]),
            )
            .await;
            // The project's own reliability, as the lab reads it.
            let lab_r = app
                .get(
                    &format!("/v1/slices/{}/reliability?project={}", w.slice, w.project),
                    &w.lab.token,
                )
                .await;
            lab_r.assert_status(200);
            let alpha = lab_r.json["agreement"]["krippendorff_alpha"]
                .as_f64()
                .unwrap();
            assert!(alpha < 0.75, "{alpha}");

            app.drain_jobs().await;
            let got: Vec<Value> = receiver
                .received()
                .iter()
                .map(|r| {
                    crate::webhooks::assert_signed(r, &secret);
                    serde_json::from_slice(&r.body).unwrap()
                })
                .collect();
            assert_eq!(got.len(), 1, "{got:?}");
            let d = &got[0]["data"];
            assert_eq!(got[0]["type"], "slice.reliability_low");
            assert_eq!(d["project_id"], w.project.as_str());
            assert_eq!(d["slice_id"], w.slice.as_str());
            assert_eq!(d["health"], "corrective");
            assert_eq!(d["items"], 25);
            assert_eq!(d["threshold"], 0.8);
            assert!((d["krippendorff_alpha"].as_f64().unwrap() - alpha).abs() < 1e-12);

            // Later sweeps with the health unchanged send nothing more.
            app.advance(chrono::Duration::hours(2));
            app.drain_jobs().await;
            app.advance(chrono::Duration::hours(2));
            app.drain_jobs().await;
            assert_eq!(receiver.received().len(), 1);
        },
    )
    .await;
}
