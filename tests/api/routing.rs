//! Routing of escalated items: each hard filter, vendor-diverse dual pass, agreement,
//! adjudication by a distinct adjudicator, deadline expiry and re-routing, gold insertion
//! at the project's rate, the cap under concurrent routing, and what experts never see.

use std::collections::{HashMap, HashSet};

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both, on_both_with};

pub(crate) struct World {
    pub(crate) admin: Account,
    pub(crate) lab: Account,
    pub(crate) domain: String,
    pub(crate) slice: String,
    pub(crate) project: String,
}

#[derive(Clone)]
pub(crate) struct Expert {
    pub(crate) account: Account,
    pub(crate) id: String,
}

/// Project options for [`world`].
pub(crate) struct Opts {
    pub(crate) overlap: i64,
    pub(crate) adjudication: bool,
    pub(crate) gold_rate: f64,
    pub(crate) min_qualification: &'static str,
    pub(crate) exclusions: Value,
    pub(crate) requirements: Value,
    pub(crate) show_judge_confidence: bool,
    /// The slice's label schema (pairwise, strength up to 3, by default).
    pub(crate) label_schema: Value,
}

impl Default for Opts {
    fn default() -> Self {
        Self {
            overlap: 2,
            adjudication: true,
            gold_rate: 0.0,
            min_qualification: "probation",
            exclusions: json!({}),
            requirements: json!([]),
            show_judge_confidence: false,
            label_schema: json!({"kind": "pairwise", "max_strength": 3}),
        }
    }
}

/// A shared English pairwise slice and an active lab project using it, with constitution
/// v1 (clauses C1, C2) pinned.
pub(crate) async fn world(app: &TestApp, o: Opts) -> World {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "code", "name": "Code", "requirements": o.requirements}),
        )
        .await;
    d.assert_status(201);
    let domain = d.json["id"].as_str().unwrap().to_owned();
    let s = app
        .post(
            "/v1/slices",
            &admin.token,
            json!({"key": "code/rust-review", "domain_id": domain, "name": "Rust review",
            "label_schema": o.label_schema, "measurement_level": "ordinal", "language": "en"}),
        )
        .await;
    s.assert_status(201);
    let slice = s.json["id"].as_str().unwrap().to_owned();
    let lab = app.lab("Helix").await;
    let p = app
        .post("/v1/projects", &lab.token, json!({"org_id": lab.org(), "name": "Reviews", "domain_id": domain,
            "slices": [{"slice_id": slice, "min_qualification": o.min_qualification}], "bill_rate_minor": 15000,
            "currency": "USD", "overlap": o.overlap, "adjudication": o.adjudication, "gold_rate": o.gold_rate,
            "exclusions": o.exclusions, "show_judge_confidence": o.show_judge_confidence}))
        .await;
    p.assert_status(201);
    let project = p.json["id"].as_str().unwrap().to_owned();
    let base = format!("/v1/projects/{project}/constitutions");
    app.post(&base, &lab.token, json!({"title": "Policy", "clauses": [
        {"id": "C1", "text": "Correctness first."}, {"id": "C2", "text": "Prefer the safer change."}]}))
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
    World {
        admin,
        lab,
        domain,
        slice,
        project,
    }
}

/// An applicant expert (vetting status `applied`).
pub(crate) async fn applicant(
    app: &TestApp,
    w: &World,
    vendor: Option<&Account>,
    profile: Value,
) -> Expert {
    let account = app.expert().await;
    let mut body = json!({"display_name": "An Expert", "domain_ids": [w.domain], "languages": ["en"],
        "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 8000, "desired_currency": "USD"});
    if let Some(v) = vendor {
        body["roster_invitation"] = json!(app.roster_invitation(v, &account.email).await);
    }
    for (k, v) in profile.as_object().unwrap() {
        body[k] = v.clone();
    }
    let e = app.post("/v1/experts/me", &account.token, body).await;
    e.assert_status(201);
    Expert {
        account,
        id: e.json["id"].as_str().unwrap().to_owned(),
    }
}

pub(crate) async fn vet_to(app: &TestApp, w: &World, e: &Expert, last: &str) {
    for to in ["screening", "credential_review", "assessment", "approved"] {
        if to == "approved" {
            // Vetting `approved` needs a verified credential meeting the applied domain:
            // one is added unless the expert already holds one.
            let r = app
                .post(
                    &format!("/v1/experts/{}/vetting/transitions", e.id),
                    &w.admin.token,
                    json!({"to": to, "reason": "next step"}),
                )
                .await;
            if r.status.as_u16() == 200 {
                break;
            }
            r.assert_problem(409, None);
            app.credential_for_domain(&w.admin, &e.account, &e.id, &w.domain)
                .await;
        }
        app.post(
            &format!("/v1/experts/{}/vetting/transitions", e.id),
            &w.admin.token,
            json!({"to": to, "reason": "next step"}),
        )
        .await
        .assert_status(200);
        if to == last {
            break;
        }
    }
}

/// Revokes the expert's verified credentials (platform admin): an approved expert who no
/// longer holds the credential vetting needed.
pub(crate) async fn revoke_credentials(app: &TestApp, w: &World, e: &Expert) {
    let mine = app
        .get("/v1/experts/me/credentials", &e.account.token)
        .await;
    mine.assert_status(200);
    for c in mine.json["data"].as_array().unwrap() {
        if c["status"] == "verified" {
            app.post(
                &format!("/v1/credentials/{}/revoke", c["id"].as_str().unwrap()),
                &w.admin.token,
                json!({"reason": "the test needs an expert without it"}),
            )
            .await
            .assert_status(200);
        }
    }
}

pub(crate) async fn set_standing(app: &TestApp, w: &World, e: &Expert, status: &str) {
    app.call(
        Method::PUT,
        &format!("/v1/experts/{}/slices/{}/status", e.id, w.slice),
        Some(&w.admin.token),
        Some(json!({"status": status, "reason": "set by the test"})),
    )
    .await
    .assert_status(200);
}

async fn make_adjudicator(app: &TestApp, w: &World, e: &Expert) {
    app.call(
        Method::PUT,
        &format!("/v1/experts/{}/slices/{}/tier", e.id, w.slice),
        Some(&w.admin.token),
        Some(json!({"tier": "adjudicator", "reason": "experienced"})),
    )
    .await
    .assert_status(200);
}

/// An approved expert, qualified in the slice.
pub(crate) async fn qualified(
    app: &TestApp,
    w: &World,
    vendor: Option<&Account>,
    profile: Value,
) -> Expert {
    let e = applicant(app, w, vendor, profile).await;
    vet_to(app, w, &e, "approved").await;
    set_standing(app, w, &e, "qualified").await;
    e
}

pub(crate) fn item(n: usize) -> Value {
    json!({"external_id": format!("esc-{n}"), "payload": {"prompt": "Which diff is safer?", "n": n},
        "judge_confidence": 0.41, "stakes": "high", "priority": 80})
}

/// Pushes items; returns their ids.
pub(crate) async fn push(app: &TestApp, w: &World, items: Vec<Value>) -> Vec<String> {
    let r = app
        .post(
            &format!("/v1/projects/{}/items", w.project),
            &w.lab.token,
            json!(items),
        )
        .await;
    r.assert_status(200);
    r.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn explain(app: &TestApp, w: &World, item: &str) -> Value {
    let r = app
        .get(&format!("/v1/items/{item}/routing"), &w.lab.token)
        .await;
    r.assert_status(200);
    r.json
}

pub(crate) async fn lab_item(app: &TestApp, w: &World, item: &str) -> Value {
    let r = app.get(&format!("/v1/items/{item}"), &w.lab.token).await;
    r.assert_status(200);
    r.json
}

/// The expert's assignments with `status`.
pub(crate) async fn work(app: &TestApp, e: &Expert, status: &str) -> Vec<Value> {
    let r = app
        .get(
            &format!("/v1/assignments?status={status}&limit=200"),
            &e.account.token,
        )
        .await;
    r.assert_status(200);
    r.json["data"].as_array().unwrap().clone()
}

pub(crate) async fn handle(app: &TestApp, w: &World, e: &Expert) -> String {
    let r = app
        .get(&format!("/v1/experts/{}", e.id), &w.admin.token)
        .await;
    r.assert_status(200);
    r.json["handle"].as_str().unwrap().to_owned()
}

fn chosen_handles(decision: &Value) -> Vec<String> {
    decision["chosen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["expert"].as_str().unwrap().to_owned())
        .collect()
}

pub(crate) async fn accept_and_submit(
    app: &TestApp,
    e: &Expert,
    assignment: &str,
    label: Value,
) -> Value {
    app.post(
        &format!("/v1/assignments/{assignment}/accept"),
        &e.account.token,
        json!({}),
    )
    .await
    .assert_status(200);
    let r = app
        .post(
            &format!("/v1/assignments/{assignment}/submit"),
            &e.account.token,
            json!({ "label": label }),
        )
        .await;
    r.assert_status(200);
    r.json
}

pub(crate) fn prefer(side: &str, strength: i64) -> Value {
    json!({"preference": side, "strength": strength, "rationale": "A unwraps user input", "cited_clauses": ["C1"]})
}

// ---------------------------------------------------------------------------------------
// One test per hard filter: a good expert and one the filter must remove; overlap 2, so
// the item takes the good expert, waits for a second, and the explanation counts exactly
// one removal by that filter.

async fn only_the_filter_removes(app: &TestApp, w: &World, good: &Expert, filter: &str) -> String {
    let ids = push(app, w, vec![item(1)]).await;
    let e = explain(app, w, &ids[0]).await;
    let d = &e["decisions"][0];
    assert_eq!(chosen_handles(d), [handle(app, w, good).await], "{e}");
    assert_eq!(d["removed"], json!({ filter: 1 }), "{e}");
    assert_eq!(e["status"], "queued", "{e}");
    let reason = e["status_reason"].as_str().unwrap();
    assert!(reason.contains("waiting for 1 more"), "{reason}");
    ids[0].clone()
}

#[tokio::test]
async fn filter_vetting_status_removes_experts_not_yet_approved() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let good = qualified(&app, &w, None, json!({})).await;
        let e = applicant(&app, &w, None, json!({})).await;
        vet_to(&app, &w, &e, "assessment").await;
        set_standing(&app, &w, &e, "qualified").await;
        only_the_filter_removes(&app, &w, &good, "not_approved").await;
    })
    .await;
}

#[tokio::test]
async fn filter_slice_status_removes_suspended_and_below_the_projects_minimum() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let good = qualified(&app, &w, None, json!({})).await;
        let e = qualified(&app, &w, None, json!({})).await;
        set_standing(&app, &w, &e, "suspended").await;
        only_the_filter_removes(&app, &w, &good, "slice_status").await;
    })
    .await;
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                min_qualification: "qualified",
                ..Opts::default()
            },
        )
        .await;
        let good = qualified(&app, &w, None, json!({})).await;
        let e = applicant(&app, &w, None, json!({})).await;
        vet_to(&app, &w, &e, "approved").await;
        set_standing(&app, &w, &e, "probation").await;
        only_the_filter_removes(&app, &w, &good, "slice_status").await;
    })
    .await;
}

#[tokio::test]
async fn filter_language_removes_experts_who_do_not_speak_it() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let good = qualified(&app, &w, None, json!({"languages": ["de", "en-GB"]})).await;
        qualified(&app, &w, None, json!({"languages": ["fr"]})).await;
        only_the_filter_removes(&app, &w, &good, "language").await;
    })
    .await;
}

#[tokio::test]
async fn filter_exclusions_remove_the_vendor_the_expert_and_conflicting_affiliations() {
    on_both(|app| async move {
        let rival = app.vendor("Rival").await;
        let w = world(
            &app,
            Opts {
                exclusions: json!({"vendor_ids": [rival.org()]}),
                ..Opts::default()
            },
        )
        .await;
        let good = qualified(&app, &w, None, json!({})).await;
        qualified(&app, &w, Some(&rival), json!({})).await;
        only_the_filter_removes(&app, &w, &good, "excluded_vendor").await;
    })
    .await;
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let good = qualified(&app, &w, None, json!({})).await;
        let excluded = qualified(&app, &w, None, json!({})).await;
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{}", w.project),
            Some(&w.lab.token),
            Some(json!({"exclusions": {"expert_ids": [excluded.id]}})),
        )
        .await
        .assert_status(200);
        only_the_filter_removes(&app, &w, &good, "excluded_expert").await;
    })
    .await;
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                exclusions: json!({"affiliation_keywords": ["rivalcorp"]}),
                ..Opts::default()
            },
        )
        .await;
        let good = qualified(
            &app,
            &w,
            None,
            json!({"affiliations": [{"name": "Univ. of Leeds", "current": true}]}),
        )
        .await;
        qualified(
            &app,
            &w,
            None,
            json!({"affiliations": [{"name": "RivalCorp Labs", "current": false}]}),
        )
        .await;
        only_the_filter_removes(&app, &w, &good, "affiliation").await;
    })
    .await;
}

#[tokio::test]
async fn filter_capacity_removes_experts_at_their_cap() {
    on_both_with(
        |s| s.routing.max_open_assignments = 1,
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    ..Opts::default()
                },
            )
            .await;
            let busy = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, vec![item(0)]).await;
            assert_eq!(work(&app, &busy, "offered").await.len(), 1);
            // Now with overlap 2: the busy expert is at the cap of 1.
            app.call(
                Method::PATCH,
                &format!("/v1/projects/{}", w.project),
                Some(&w.lab.token),
                Some(json!({"overlap": 2})),
            )
            .await
            .assert_status(200);
            let good = qualified(&app, &w, None, json!({})).await;
            only_the_filter_removes(&app, &w, &good, "at_capacity").await;
        },
    )
    .await;
}

#[tokio::test]
async fn filter_on_item_keeps_a_declining_expert_off_the_item() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let only = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let offered = work(&app, &only, "offered").await;
        assert_eq!(offered.len(), 1);
        let a = offered[0]["id"].as_str().unwrap();
        let path = format!("/v1/assignments/{a}/decline");
        app.post(&path, &only.account.token, json!({"reason": ""}))
            .await
            .assert_problem(422, Some("reason"));
        let d = app
            .post(
                &path,
                &only.account.token,
                json!({"reason": "conflict of interest"}),
            )
            .await;
        d.assert_status(200);
        assert_eq!(d.json["status"], "declined");
        app.post(&path, &only.account.token, json!({"reason": "again"}))
            .await
            .assert_problem(409, None);
        let e = explain(&app, &w, &ids[0]).await;
        let re = &e["decisions"][1];
        assert_eq!(re["removed"], json!({"already_on_item": 1}), "{e}");
        assert!(chosen_handles(re).is_empty());
        assert_eq!(e["status"], "queued");
        let item = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(item["progress"]["declined"], 1);
    })
    .await;
}

#[tokio::test]
async fn filter_credentials_apply_at_routing_time_so_an_expiring_licence_stops_routing() {
    on_both(|app| async move {
        let mut w = world(
            &app,
            Opts {
                overlap: 1,
                requirements: json!([{"kind": "licence", "field": "software"}]),
                ..Opts::default()
            },
        )
        .await;
        let e = applicant(&app, &w, None, json!({})).await;
        // A licence that counts through 2026-03-03 (the clock starts on 2026-03-02).
        let c = app
            .post(
                "/v1/experts/me/credentials",
                &e.account.token,
                json!({"kind": "licence", "issuer": "Engineering Board",
                "identifier": "EB-1", "field": "software", "expires_on": "2026-03-04"}),
            )
            .await;
        c.assert_status(201);
        let credential = c.json["id"].as_str().unwrap().to_owned();
        crate::credentials::upload(
            &app,
            &e.account.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            crate::credentials::PDF,
        )
        .await
        .assert_status(201);
        app.post(
            &format!("/v1/credentials/{credential}/review"),
            &w.admin.token,
            json!({"decision": "verify", "reason": "register checked"}),
        )
        .await
        .assert_status(200);
        vet_to(&app, &w, &e, "approved").await;
        set_standing(&app, &w, &e, "qualified").await;
        // A second qualified expert without the licence (vetting needed one: revoked).
        let second = qualified(&app, &w, None, json!({})).await;
        revoke_credentials(&app, &w, &second).await;

        let first = push(&app, &w, vec![item(1)]).await;
        let d = explain(&app, &w, &first[0]).await;
        assert_eq!(d["status"], "assigned", "{d}");
        assert_eq!(d["decisions"][0]["removed"], json!({"credentials": 1}));

        // Two days later the licence no longer counts: the next item waits.
        app.advance(Duration::days(2));
        app.relogin(&mut w.lab).await;
        let second = push(&app, &w, vec![item(2)]).await;
        let d = explain(&app, &w, &second[0]).await;
        assert_eq!(d["status"], "queued", "{d}");
        assert_eq!(d["decisions"][0]["removed"], json!({"credentials": 2}));
        assert!(
            d["status_reason"]
                .as_str()
                .unwrap()
                .contains("missing required credentials")
        );
    })
    .await;
}

// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn dual_pass_prefers_two_vendors_agreement_resolves_and_the_lab_sees_provenance() {
    on_both(|app| async move {
        let meridian = app.vendor("Meridian").await;
        let orbit = app.vendor("Orbit").await;
        let mut w = world(&app, Opts::default()).await;
        let m1 = qualified(&app, &w, Some(&meridian), json!({})).await;
        let m2 = qualified(&app, &w, Some(&meridian), json!({})).await;
        let o1 = qualified(&app, &w, Some(&orbit), json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let e = explain(&app, &w, &ids[0]).await;
        let d = &e["decisions"][0];
        let vendors: HashSet<&str> = d["chosen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["vendor_id"].as_str().unwrap())
            .collect();
        assert_eq!(vendors.len(), 2, "two vendors: {e}");
        for c in d["chosen"].as_array().unwrap() {
            let t = &c["terms"];
            let score = t["sample"].as_f64().unwrap()
                - 0.25 * t["load"].as_f64().unwrap()
                - 0.15 * t["cost"].as_f64().unwrap();
            assert!((score - t["score"].as_f64().unwrap()).abs() < 1e-9, "{c}");
        }
        assert!(chosen_handles(d).contains(&handle(&app, &w, &o1).await));
        assert_eq!(e["status"], "assigned");

        // The two chosen experts work and agree.
        let mut chosen = Vec::new();
        for x in [&m1, &m2, &o1] {
            if !work(&app, x, "offered").await.is_empty() {
                chosen.push(x.clone());
            }
        }
        assert_eq!(chosen.len(), 2);
        for (n, x) in chosen.iter().enumerate() {
            let next = app
                .post("/v1/assignments/next", &x.account.token, json!({}))
                .await;
            next.assert_status(200);
            assert_eq!(next.json["status"], "accepted");
            let a = next.json["id"].as_str().unwrap().to_owned();
            // A clause that is not in the pinned constitution is named.
            let bad = app
                .post(&format!("/v1/assignments/{a}/submit"), &x.account.token,
                    json!({"label": {"preference": "b", "strength": 2, "rationale": "x", "cited_clauses": ["C9"]}}))
                .await;
            bad.assert_problem(422, Some("label.cited_clauses[0]"));
            app.advance(Duration::minutes(3));
            let hb = app
                .post(&format!("/v1/assignments/{a}/heartbeat"), &x.account.token, json!({}))
                .await;
            hb.assert_status(200);
            assert_eq!(hb.json["active_seconds"], 180);
            app.advance(Duration::minutes(2));
            let strength = if n == 0 { 2 } else { 3 };
            let s = app
                .post(&format!("/v1/assignments/{a}/submit"), &x.account.token,
                    json!({"label": {"preference": "b", "strength": strength, "rationale": "A unwraps user input", "cited_clauses": ["C2"]}}))
                .await;
            s.assert_status(200);
            assert_eq!(s.json["status"], "submitted");
            assert_eq!(s.json["active_seconds"], 300);
            app.post(&format!("/v1/assignments/{a}/submit"), &x.account.token, json!({"label": prefer("b", 2)}))
                .await
                .assert_problem(409, None);
        }
        app.relogin(&mut w.lab).await;
        let i = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(i["status"], "resolved", "{i}");
        let r = &i["result"];
        assert_eq!(r["resolution"], "agreement");
        assert_eq!(r["adjudicated"], false);
        assert_eq!(r["final_label"], json!({"preference": "b", "strength": 2, "cited_clauses": ["C2"]}));
        assert_eq!(i["constitution_version"], 1);
        let judgments = r["judgments"].as_array().unwrap();
        assert_eq!(judgments.len(), 2);
        for j in judgments {
            assert!(j["expert"].as_str().unwrap().starts_with("expert-"), "{j}");
            assert_eq!(j["agrees"], true);
            assert_eq!(j["label"]["cited_clauses"], json!(["C2"]));
        }
    })
    .await;
}

#[tokio::test]
async fn disagreement_goes_to_a_distinct_adjudicator_who_sees_anonymised_judgments() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let x = qualified(&app, &w, None, json!({})).await;
        let y = qualified(&app, &w, None, json!({})).await;
        // X is an adjudicator too, but is on the item as an annotator.
        make_adjudicator(&app, &w, &x).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let z = qualified(&app, &w, None, json!({})).await;
        make_adjudicator(&app, &w, &z).await;
        for (e, side) in [(&x, "a"), (&y, "b")] {
            let a = work(&app, e, "offered").await;
            assert_eq!(a.len(), 1);
            accept_and_submit(&app, e, a[0]["id"].as_str().unwrap(), prefer(side, 2)).await;
        }
        let i = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(i["status"], "adjudicating", "{i}");
        assert!(work(&app, &x, "offered").await.is_empty());
        let offered = work(&app, &z, "offered").await;
        assert_eq!(offered.len(), 1, "the adjudicator is Z");
        let adj = &offered[0];
        assert_eq!(adj["role"], "adjudicator");
        let judgments = adj["judgments"].as_array().unwrap();
        assert_eq!(judgments.len(), 2);
        let text = adj.to_string();
        for e in [&x, &y] {
            assert!(!text.contains(&e.id));
            assert!(!text.contains(&handle(&app, &w, e).await));
        }
        let done = accept_and_submit(&app, &z, adj["id"].as_str().unwrap(), prefer("b", 3)).await;
        assert_eq!(done["status"], "submitted");
        let i = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(i["status"], "resolved");
        let r = &i["result"];
        assert_eq!(r["resolution"], "adjudication");
        assert_eq!(r["adjudicated"], true);
        assert_eq!(r["final_label"]["preference"], "b");
        let agrees: HashMap<String, Value> = r["judgments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| {
                (
                    j["expert"].as_str().unwrap().to_owned(),
                    j["agrees"].clone(),
                )
            })
            .collect();
        assert_eq!(agrees[&handle(&app, &w, &x).await], false);
        assert_eq!(agrees[&handle(&app, &w, &y).await], true);
        assert_eq!(agrees[&handle(&app, &w, &z).await], Value::Null);
        let e = explain(&app, &w, &ids[0]).await;
        assert_eq!(e["decisions"][1]["role"], "adjudicator");
        // Y is no adjudicator; X is one but already on the item.
        assert_eq!(
            e["decisions"][1]["removed"],
            json!({"tier": 1, "already_on_item": 1}),
            "{e}"
        );
    })
    .await;
}

#[tokio::test]
async fn an_assignment_past_its_due_time_expires_and_the_item_goes_to_someone_else() {
    on_both(|app| async move {
        let mut w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let p = qualified(&app, &w, None, json!({})).await;
        let q = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        let (mut first, mut second) = if work(&app, &p, "offered").await.len() == 1 {
            (p, q)
        } else {
            (q, p)
        };
        let a = work(&app, &first, "offered").await;
        let due = a[0]["due_at"].as_str().unwrap().to_owned();
        assert!(work(&app, &second, "offered").await.is_empty());
        // Due after `routing.assignment_minutes` (120).
        app.advance(Duration::minutes(119));
        app.drain_jobs().await;
        app.relogin(&mut first.account).await;
        assert_eq!(
            work(&app, &first, "offered").await.len(),
            1,
            "not yet due ({due})"
        );
        app.advance(Duration::minutes(2));
        app.drain_jobs().await;
        assert_eq!(work(&app, &first, "expired").await.len(), 1);
        app.relogin(&mut second.account).await;
        assert_eq!(work(&app, &second, "offered").await.len(), 1);
        app.relogin(&mut w.lab).await;
        let i = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(i["progress"]["expired"], 1);
        assert_eq!(i["progress"]["offered"], 1);
        assert_eq!(i["status"], "assigned");
    })
    .await;
}

#[tokio::test]
async fn gold_items_are_inserted_at_the_projects_rate_and_look_like_any_other_item() {
    on_both_with(
        |s| {
            s.routing.seed = Some(20_261_122);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    gold_rate: 0.2,
                    show_judge_confidence: true,
                    ..Opts::default()
                },
            )
            .await;
            let gold: Vec<Value> = (0..60)
                .map(|n| json!({"external_id": format!("gold-{n}"), "payload": {"prompt": "Which diff is safer?", "gold": n},
                    "answer": {"preference": "a", "strength": 2, "rationale": "SECRET", "cited_clauses": ["C1"]},
                    "explanation": "SECRET"}))
                .collect();
            let up = app
                .post(&format!("/v1/projects/{}/gold-items", w.project), &w.lab.token, json!(gold))
                .await;
            up.assert_status(200);
            assert_eq!(up.json["created"], 60, "{}", up.text);
            let experts = [
                qualified(&app, &w, None, json!({})).await,
                qualified(&app, &w, None, json!({})).await,
            ];
            push(&app, &w, (0..200).map(item).collect()).await;
            let (mut gold_n, mut real_n) = (0, 0);
            for e in &experts {
                for a in work(&app, e, "offered").await {
                    let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
                    assert!(!a.to_string().contains("SECRET"));
                    // Gold shows a confidence drawn from the real offers (all 0.41 here).
                    assert_eq!(a["judge_confidence"], 0.41);
                    if a["payload"].get("gold").is_some() {
                        gold_n += 1;
                    } else {
                        real_n += 1;
                    }
                    assert_eq!(
                        keys,
                        ["accepted_at", "active_seconds", "constitution", "due_at", "id", "judge_confidence",
                         "judgments", "offered_at", "payload", "priority", "project", "role", "slice", "status",
                         "submitted_at", "your_label"]
                    );
                }
            }
            // A gold offer takes an expert's slot instead of an item, which then goes to the
            // other expert or waits (both slots gold: 4 % of the items).
            // Item ids are random, so are the draws: about 48 gold offers (sd about 6) in
            // about 240, a share of 0.20 with sd about 0.022. The bounds are 4.5 sd wide
            // (the old 2.7 sd failed about one run in 70); a rate of 0.05 or 0.4, or gold
            // paired with real offers, still falls outside.
            assert!((165..=200).contains(&real_n), "{real_n} real offers");
            let share = gold_n as f64 / (gold_n + real_n) as f64;
            assert!((0.10..=0.30).contains(&share), "gold share {share} ({gold_n} gold)");
        },
    )
    .await;
}

#[tokio::test]
async fn concurrent_routing_never_exceeds_a_cap_or_puts_an_expert_twice_on_an_item() {
    on_both_with(
        |s| s.routing.max_open_assignments = 2,
        |app| async move {
            let mut w = world(&app, Opts::default()).await;
            let mut experts = Vec::new();
            for _ in 0..4 {
                experts.push(qualified(&app, &w, None, json!({})).await);
            }
            // 10 items × 2 experts wanted, 4 experts × 2 slots: 8 offers at most.
            let pushes = (0..10).map(|n| {
                let app = &app;
                let w = &w;
                async move { push(app, w, vec![item(n)]).await }
            });
            let ids: Vec<String> = futures_util::future::join_all(pushes)
                .await
                .into_iter()
                .flatten()
                .collect();
            app.advance(Duration::seconds(61));
            app.drain_jobs().await;
            let mut total = 0;
            for e in &mut experts {
                app.relogin(&mut e.account).await;
                let offered = work(&app, e, "offered").await;
                assert!(offered.len() <= 2, "{} offers", offered.len());
                total += offered.len();
            }
            assert_eq!(total, 8);
            app.relogin(&mut w.lab).await;
            for id in &ids {
                let e = explain(&app, &w, id).await;
                let mut seen = HashSet::new();
                for d in e["decisions"].as_array().unwrap() {
                    for h in chosen_handles(d) {
                        assert!(seen.insert(h), "an expert twice on {id}: {e}");
                    }
                }
            }
        },
    )
    .await;
}

#[tokio::test]
async fn experts_only_see_their_own_work_and_only_what_they_may() {
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
        let view = &a[0];
        let id = view["id"].as_str().unwrap();
        let text = view.to_string();
        assert!(!text.contains(&ids[0]), "no item id");
        assert!(!text.contains("0.41"), "no judge confidence");
        assert_eq!(view["payload"]["n"], 1);
        assert_eq!(view["constitution"]["version"], 1);
        assert_eq!(view["constitution"]["clauses"][1]["id"], "C2");
        // Submitting before accepting is refused; others' work is not found.
        app.post(
            &format!("/v1/assignments/{id}/submit"),
            &e.account.token,
            json!({"label": prefer("a", 1)}),
        )
        .await
        .assert_problem(409, None);
        let other = qualified(&app, &w, None, json!({})).await;
        app.get(&format!("/v1/assignments/{id}"), &other.account.token)
            .await
            .assert_problem(404, None);
        app.post(
            &format!("/v1/assignments/{id}/accept"),
            &other.account.token,
            json!({}),
        )
        .await
        .assert_problem(404, None);
        app.post("/v1/assignments/next", &other.account.token, json!({}))
            .await
            .assert_status(204);
        // Labs and other labs: no expert work; other labs do not see the item or its routing.
        app.get("/v1/assignments", &w.lab.token)
            .await
            .assert_problem(404, None);
        let rival = app.lab("Rival Lab").await;
        app.get(&format!("/v1/items/{}/routing", ids[0]), &rival.token)
            .await
            .assert_problem(404, None);
        app.get(&format!("/v1/items/{}/routing", ids[0]), &e.account.token)
            .await
            .assert_problem(404, None);
        // A malformed label names its field.
        app.post(
            &format!("/v1/assignments/{id}/accept"),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        app.post(
            &format!("/v1/assignments/{id}/submit"),
            &e.account.token,
            json!({"label": {"preference": "c"}}),
        )
        .await
        .assert_problem(422, Some("label.preference"));
        app.post(
            &format!("/v1/assignments/{id}/submit"),
            &e.account.token,
            json!({"labels": {}}),
        )
        .await
        .assert_problem(422, None);
    })
    .await;
}

/// (expert id, stored sample, routing key, open assignments) of each standing in the slice.
async fn samples(app: &TestApp, slice: &str) -> Vec<(String, Option<f64>, f64, i32)> {
    use cadre::db::schema::{experts, slice_standings as ss};
    use diesel::prelude::*;
    let slice = slice.to_owned();
    app.state
        .db
        .read(move |conn| {
            ss::table
                .inner_join(experts::table.on(experts::id.eq(ss::expert_id)))
                .filter(ss::slice_id.eq(slice))
                .order_by(ss::expert_id.asc())
                .select((
                    ss::expert_id,
                    ss::theta,
                    ss::score_bound,
                    experts::open_assignments,
                ))
                .load::<(String, Option<f64>, f64, i32)>(conn)
                .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn the_candidate_table_keeps_a_sample_and_key_per_expert_and_the_sweep_renews_old_samples() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        for _ in 0..3 {
            qualified(&app, &w, None, json!({})).await;
        }
        push(&app, &w, vec![item(1)]).await;
        let rows = samples(&app, &w.slice).await;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.iter().map(|r| r.3).sum::<i32>(), 1, "one offer made");
        // Every candidate was compared, so each holds a fresh sample, keyed at its load
        // (defaults: w_perf 1, w_load 0.25, cap 5).
        for (expert, theta, key, open) in &rows {
            let theta = theta.unwrap_or_else(|| panic!("{expert} has a sample"));
            assert!((0.0..=1.0).contains(&theta));
            let expected = theta - 0.25 * f64::from(*open) / 5.0;
            assert!(
                (key - expected).abs() < 1e-9,
                "{expert}: key {key}, expected {expected}"
            );
        }
        // Samples older than routing.redraw_after_minutes are dropped by the sweep and
        // drawn again by the next decision.
        app.advance(Duration::minutes(61));
        app.drain_jobs().await;
        let rows = samples(&app, &w.slice).await;
        assert!(rows.iter().all(|r| r.1.is_none() && r.2 == 1e9), "{rows:?}");
    })
    .await;
}
