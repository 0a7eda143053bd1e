//! Vendor rosters: invitations (new and existing experts, expiry, single use, revocation,
//! declining), transfers that need the expert's consent, removal and leaving with the
//! membership history kept, and tenancy between vendors.

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, PASSWORD, TestApp, on_both};

async fn domain(app: &TestApp) -> String {
    let admin = app.platform_admin().await;
    let r = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "medicine", "name": "Medicine"}),
        )
        .await;
    r.assert_status(201);
    r.json["id"].as_str().unwrap().to_owned()
}

fn application(domain: &str) -> Value {
    json!({
        "display_name": "Dr. Amara Osei", "domain_ids": [domain], "languages": ["en"],
        "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 9000, "desired_currency": "GBP"
    })
}

/// An expert account registered with this address (not yet applied).
async fn expert_account(app: &TestApp, email: &str) -> Account {
    let r = app.register("expert", email, None).await;
    r.assert_status(201);
    let login = app.login(email, PASSWORD).await;
    login.assert_status(200);
    Account {
        user_id: r.json["user"]["id"].as_str().unwrap().to_owned(),
        org_id: None,
        email: email.to_owned(),
        token: login.json["access_token"].as_str().unwrap().to_owned(),
        refresh_token: login.json["refresh_token"].as_str().unwrap().to_owned(),
    }
}

/// An expert who applied through the vendor's invitation; returns the account and expert id.
async fn roster_expert(app: &TestApp, domain: &str, vendor: &Account) -> (Account, String) {
    let expert = app.expert().await;
    let token = app.roster_invitation(vendor, &expert.email).await;
    let mut body = application(domain);
    body["roster_invitation"] = json!(token);
    let r = app.post("/v1/experts/me", &expert.token, body).await;
    r.assert_status(201);
    assert_eq!(r.json["vendor_id"], vendor.org());
    (expert, r.json["id"].as_str().unwrap().to_owned())
}

async fn invitations(app: &TestApp, vendor: &Account) -> Vec<Value> {
    let r = app
        .get(
            &format!("/v1/vendors/{}/roster/invitations", vendor.org()),
            &vendor.token,
        )
        .await;
    r.assert_status(200);
    r.json["data"].as_array().unwrap().clone()
}

async fn history(app: &TestApp, who: &Account, expert: &str) -> Vec<Value> {
    let r = app
        .get(&format!("/v1/experts/{expert}/roster-history"), &who.token)
        .await;
    r.assert_status(200);
    r.json["data"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_new_expert_applies_with_the_invitation_and_is_vetted_by_the_vendor() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let vendor = app.vendor("Meridian").await;
        let email = app.email("newcomer");
        let token = app.roster_invitation(&vendor, &email).await;
        let mail = app.mail_to(&email).pop().unwrap();
        assert!(
            mail.body().contains("apply with the token"),
            "{}",
            mail.body()
        );

        // Someone else cannot use it, and a bad token names the field.
        let stranger = app.expert().await;
        let mut body = application(&medicine);
        body["roster_invitation"] = json!(token);
        app.post("/v1/experts/me", &stranger.token, body.clone())
            .await
            .assert_problem(403, None);
        let mut bad = application(&medicine);
        bad["roster_invitation"] = json!("not-a-real-token");
        app.post("/v1/experts/me", &stranger.token, bad)
            .await
            .assert_problem(422, Some("roster_invitation"));
        // Nothing was written for the stranger.
        app.get("/v1/experts/me", &stranger.token)
            .await
            .assert_status(404);

        let newcomer = expert_account(&app, &email).await;
        let r = app.post("/v1/experts/me", &newcomer.token, body).await;
        r.assert_status(201);
        assert_eq!(r.json["vendor_id"], vendor.org());
        assert_eq!(r.json["vetting_status"], "applied");
        let id = r.json["id"].as_str().unwrap().to_owned();

        // The vendor's admins vet the applicant.
        app.post(
            &format!("/v1/experts/{id}/vetting/transitions"),
            &vendor.token,
            json!({"to": "screening", "reason": "CV looks strong"}),
        )
        .await
        .assert_status(200);

        let list = invitations(&app, &vendor).await;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["status"], "accepted");
        assert_eq!(list[0]["accepted_by_expert"], id.as_str());
        assert!(list[0].get("token").is_none() && list[0].get("token_hash").is_none());

        // Single use.
        app.post(
            "/v1/roster-invitations/accept",
            &newcomer.token,
            json!({ "token": token }),
        )
        .await
        .assert_problem(409, None);

        let h = history(&app, &newcomer, &id).await;
        assert_eq!(h.len(), 1);
        assert_eq!(h[0]["vendor_id"], vendor.org());
        assert_eq!(h[0]["joined_via"], "applied");
        assert!(h[0]["left_at"].is_null());
    })
    .await;
}

#[tokio::test]
async fn invitations_expire_can_be_revoked_or_declined_and_are_checked() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let vendor = app.vendor("Meridian").await;
        let expert = app.expert().await;
        app.post("/v1/experts/me", &expert.token, application(&medicine))
            .await
            .assert_status(201);
        let path = format!("/v1/vendors/{}/roster/invitations", vendor.org());

        // Bad input names the field; one open invitation per address.
        for (body, field) in [
            (json!({"email": "not-an-address"}), "email"),
            (json!({"email": expert.email, "message": 5}), "message"),
            (json!({"email": expert.email, "role": "x"}), "role"),
        ] {
            app.post(&path, &vendor.token, body)
                .await
                .assert_problem(422, Some(field));
        }
        let token = app.roster_invitation(&vendor, &expert.email).await;
        let mail = app.mail_to(&expert.email).pop().unwrap();
        assert!(mail.body().contains("Accept it from your Cadre account"));
        app.post(&path, &vendor.token, json!({"email": expert.email}))
            .await
            .assert_problem(409, Some("email"));
        // A lab's address is not an expert's.
        let lab = app.lab("Helix").await;
        app.post(&path, &vendor.token, json!({"email": lab.email}))
            .await
            .assert_problem(409, Some("email"));

        // Expired after auth.invitation_ttl_secs (7 days).
        app.advance(Duration::days(7) + Duration::seconds(1));
        let mut expert = expert;
        let mut vendor = vendor;
        app.relogin(&mut expert).await;
        app.relogin(&mut vendor).await;
        app.post(
            "/v1/roster-invitations/accept",
            &expert.token,
            json!({ "token": token }),
        )
        .await
        .assert_problem(410, None);
        assert_eq!(invitations(&app, &vendor).await[0]["status"], "expired");
        let me = app.get("/v1/experts/me", &expert.token).await;
        assert!(me.json["vendor_id"].is_null());

        // A new one can be sent now; revoked, it cannot be used.
        let second = app.roster_invitation(&vendor, &expert.email).await;
        let id = invitations(&app, &vendor).await[1]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.call(
            reqwest::Method::DELETE,
            &format!("{path}/{id}"),
            Some(&vendor.token),
            None,
        )
        .await
        .assert_status(204);
        app.call(
            reqwest::Method::DELETE,
            &format!("{path}/{id}"),
            Some(&vendor.token),
            None,
        )
        .await
        .assert_problem(409, None);
        app.post(
            "/v1/roster-invitations/accept",
            &expert.token,
            json!({ "token": second }),
        )
        .await
        .assert_problem(410, None);

        // Declined: the vendor sees it, and it cannot be accepted afterwards.
        let third = app.roster_invitation(&vendor, &expert.email).await;
        app.post(
            "/v1/roster-invitations/decline",
            &expert.token,
            json!({ "token": third }),
        )
        .await
        .assert_status(204);
        let statuses: Vec<Value> = invitations(&app, &vendor)
            .await
            .iter()
            .map(|i| i["status"].clone())
            .collect();
        assert_eq!(
            statuses,
            vec![json!("expired"), json!("revoked"), json!("declined")]
        );
        app.post(
            "/v1/roster-invitations/accept",
            &expert.token,
            json!({ "token": third }),
        )
        .await
        .assert_problem(410, None);
        app.post(
            "/v1/roster-invitations/accept",
            &expert.token,
            json!({ "token": "unknown" }),
        )
        .await
        .assert_problem(422, Some("token"));
        let me = app.get("/v1/experts/me", &expert.token).await;
        assert!(me.json["vendor_id"].is_null());
    })
    .await;
}

#[tokio::test]
async fn moving_to_another_vendor_needs_the_experts_consent() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let meridian = app.vendor("Meridian").await;
        let northwind = app.vendor("Northwind").await;
        let (expert, id) = roster_expert(&app, &medicine, &meridian).await;

        // Inviting an expert already on the roster is refused.
        app.post(
            &format!("/v1/vendors/{}/roster/invitations", meridian.org()),
            &meridian.token,
            json!({"email": expert.email}),
        )
        .await
        .assert_problem(409, Some("email"));

        let token = app.roster_invitation(&northwind, &expert.email).await;
        let refused = app
            .post(
                "/v1/roster-invitations/accept",
                &expert.token,
                json!({ "token": token }),
            )
            .await;
        refused.assert_problem(409, Some("leave_current_roster"));
        assert!(refused.text.contains("Meridian"), "{}", refused.text);
        let me = app.get("/v1/experts/me", &expert.token).await;
        assert_eq!(me.json["vendor_id"], meridian.org());
        assert_eq!(invitations(&app, &northwind).await[0]["status"], "pending");
        // Northwind cannot act on Meridian's expert meanwhile.
        app.get(&format!("/v1/experts/{id}"), &northwind.token)
            .await
            .assert_status(404);

        let moved = app
            .post(
                "/v1/roster-invitations/accept",
                &expert.token,
                json!({ "token": token, "leave_current_roster": true }),
            )
            .await;
        moved.assert_status(200);
        assert_eq!(moved.json["vendor_id"], northwind.org());
        assert_eq!(moved.json["previous_vendor_id"], meridian.org());
        app.drain_jobs().await;
        assert!(
            app.mail_to(&expert.email)
                .iter()
                .any(|m| m.subject() == "You moved from Meridian's roster to Northwind's")
        );

        // Meridian lost sight of the expert; Northwind administers them now.
        app.get(&format!("/v1/experts/{id}"), &meridian.token)
            .await
            .assert_status(404);
        app.get(&format!("/v1/experts/{id}"), &northwind.token)
            .await
            .assert_status(200);

        let full = history(&app, &expert, &id).await;
        assert_eq!(full.len(), 2);
        assert_eq!(full[0]["vendor_id"], meridian.org());
        assert_eq!(full[0]["left_reason"], "transferred");
        assert!(full[0]["left_at"].is_string());
        assert_eq!(full[1]["vendor_id"], northwind.org());
        assert_eq!(full[1]["joined_via"], "transfer");
        // Northwind's admins see only their own stay.
        let theirs = history(&app, &northwind, &id).await;
        assert_eq!(theirs.len(), 1);
        assert_eq!(theirs[0]["vendor_id"], northwind.org());
        app.get(&format!("/v1/experts/{id}/roster-history"), &meridian.token)
            .await
            .assert_status(404);
    })
    .await;
}

#[tokio::test]
async fn removal_and_leaving_keep_the_history_and_other_vendors_cannot_act() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let meridian = app.vendor("Meridian").await;
        let northwind = app.vendor("Northwind").await;
        let lab = app.lab("Helix").await;
        let (expert, id) = roster_expert(&app, &medicine, &meridian).await;
        let remove = format!("/v1/vendors/{}/roster/{id}/remove", meridian.org());

        // Other vendors, labs and the expert themself cannot remove; bad input is named.
        app.post(
            &format!("/v1/vendors/{}/roster/{id}/remove", northwind.org()),
            &northwind.token,
            json!({"reason": "poaching"}),
        )
        .await
        .assert_problem(404, None);
        app.post(&remove, &northwind.token, json!({"reason": "x"}))
            .await
            .assert_problem(404, None);
        app.post(&remove, &lab.token, json!({"reason": "x"}))
            .await
            .assert_problem(404, None);
        app.post(&remove, &expert.token, json!({"reason": "x"}))
            .await
            .assert_problem(404, None);
        app.post(&remove, &meridian.token, json!({"reason": ""}))
            .await
            .assert_problem(422, Some("reason"));
        app.post(
            &format!("/v1/vendors/{}/roster/invitations", lab.org()),
            &lab.token,
            json!({"email": expert.email}),
        )
        .await
        .assert_problem(404, None);
        app.get(
            &format!("/v1/vendors/{}/roster/invitations", meridian.org()),
            &northwind.token,
        )
        .await
        .assert_problem(404, None);

        let r = app
            .post(
                &remove,
                &meridian.token,
                json!({"reason": "Contract ended"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["left_reason"], "removed");
        assert_eq!(r.json["left_note"], "Contract ended");
        app.drain_jobs().await;
        let mail = app.mail_to(&expert.email).pop().unwrap();
        assert_eq!(mail.subject(), "You are no longer on Meridian's roster");
        assert!(mail.body().contains("Contract ended"));
        let me = app.get("/v1/experts/me", &expert.token).await;
        assert!(me.json["vendor_id"].is_null());
        assert_eq!(me.json["vetting_status"], "applied", "vetting is untouched");
        app.post(&remove, &meridian.token, json!({"reason": "again"}))
            .await
            .assert_problem(404, None);
        app.get(&format!("/v1/experts/{id}"), &meridian.token)
            .await
            .assert_status(404);

        // Back by invitation, then the expert leaves by themself.
        let token = app.roster_invitation(&meridian, &expert.email).await;
        let back = app
            .post(
                "/v1/roster-invitations/accept",
                &expert.token,
                json!({ "token": token }),
            )
            .await;
        back.assert_status(200);
        assert!(back.json["previous_vendor_id"].is_null());
        let left = app
            .post(
                "/v1/experts/me/roster/leave",
                &expert.token,
                json!({"reason": "Going independent"}),
            )
            .await;
        left.assert_status(200);
        assert_eq!(left.json["left_reason"], "left");
        app.post(
            "/v1/experts/me/roster/leave",
            &expert.token,
            json!({"reason": "again"}),
        )
        .await
        .assert_problem(409, None);

        let h = history(&app, &expert, &id).await;
        let summary: Vec<(Value, Value)> = h
            .iter()
            .map(|m| (m["joined_via"].clone(), m["left_reason"].clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (json!("applied"), json!("removed")),
                (json!("invitation"), json!("left")),
            ]
        );
    })
    .await;
}

/// The `<polyline>`s of an SVG document (parsed: it must be well-formed XML) as
/// (stroke colour, number of points), and every text node.
fn svg_lines(svg: &str) -> (Vec<(String, usize)>, Vec<String>) {
    let doc = roxmltree::Document::parse(svg).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let lines = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .map(|n| {
            let points = n
                .attribute("points")
                .unwrap_or("")
                .split_whitespace()
                .count();
            (n.attribute("stroke").unwrap_or("").to_owned(), points)
        })
        .collect();
    let texts = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text().map(|t| t.trim().to_owned()))
        .filter(|t| !t.is_empty())
        .collect();
    (lines, texts)
}

fn strokes(lines: &[(String, usize)], colour: &str) -> Vec<usize> {
    lines
        .iter()
        .filter(|(c, _)| c == colour)
        .map(|(_, n)| *n)
        .collect()
}

/// Series colours of the charts, in order, and the thresholds' (healthy, corrective).
const SERIES: [&str; 2] = ["#1F77B4", "#FF7F0E"];
const HEALTHY: &str = "#2CA02C";
const CORRECTIVE: &str = "#D62728";

/// Standing of the expert in the slice, as the vendor admin sees it.
async fn tier_of(app: &TestApp, vendor: &Account, expert: &str, slice: &str) -> String {
    let r = app
        .get(&format!("/v1/experts/{expert}/slices"), &vendor.token)
        .await;
    r.assert_status(200);
    r.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["slice_id"] == slice)
        .map(|s| s["tier"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| "annotator".into())
}

#[tokio::test]
async fn bulk_tier_changes_are_all_or_nothing_and_adjudicators_need_the_gold_floor() {
    use crate::routing::{Opts, applicant, item, push, qualified, set_standing, vet_to, world};
    use crate::scoring::{answer_gold, upload_gold};
    crate::helpers::on_both_with(
        |s| {
            s.routing.seed = Some(7);
            s.routing.max_open_assignments = 10_000;
            // A floor a few correct gold answers reach: Beta(1 + 4, 1) has its 10th
            // percentile at 0.1^(1/5) = 0.631; without answers it is 0.1.
            s.scoring.adjudicator_min_lower_bound = 0.6;
            s.scoring.adjudicator_demote_lower_bound = 0.55;
            s.scoring.min_gold_answers = 3.0;
            s.scoring.suspend_lower_bound = 0.2;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    gold_rate: 0.5,
                    ..Opts::default()
                },
            )
            .await;
            upload_gold(&app, &w, 40).await;
            let vendor = app.vendor("Meridian").await;
            let rival = app.vendor("Northwind").await;
            // A is alone in the slice while items arrive, so every gold offer is theirs.
            let a = qualified(&app, &w, Some(&vendor), json!({})).await;
            push(&app, &w, (0..30).map(item).collect()).await;
            for _ in 0..4 {
                assert!(answer_gold(&app, &a, true).await, "ran out of gold offers");
            }
            let b = qualified(&app, &w, Some(&vendor), json!({})).await;
            let c = applicant(&app, &w, Some(&vendor), json!({})).await;
            vet_to(&app, &w, &c, "approved").await;
            set_standing(&app, &w, &c, "probation").await;
            let d = qualified(&app, &w, Some(&rival), json!({})).await;

            let path = format!("/v1/vendors/{}/roster/tiers", vendor.org());
            let change = |e: &str, tier: &str| json!({"expert_id": e, "slice_id": w.slice, "tier": tier});

            // References: another roster's expert, an unknown slice, a repeat.
            let r = app
                .post(&path, &vendor.token, json!({"reason": "Q3 review", "changes": [
                    change(&d.id, "senior"),
                    {"expert_id": a.id, "slice_id": "slc_01jd3v7q8y2k5m9n4p6r8s0t2w", "tier": "senior"},
                ]}))
                .await;
            r.assert_problem(422, Some("changes[0].expert_id"));
            r.assert_problem(422, Some("changes[1].slice_id"));
            app.post(&path, &vendor.token, json!({"reason": "Q3 review", "changes": [
                    change(&b.id, "senior"), change(&a.id, "senior"), change(&b.id, "adjudicator")]}))
                .await
                .assert_problem(422, Some("changes[2]"));
            for (body, field) in [
                (json!({"reason": "", "changes": [change(&a.id, "senior")]}), "reason"),
                (json!({"reason": "x", "changes": []}), "changes"),
                (json!({"reason": "x", "changes": [change(&a.id, "chief")]}), "changes[0].tier"),
            ] {
                app.post(&path, &vendor.token, body)
                    .await
                    .assert_problem(422, Some(field));
            }

            // Rules: B has no gold history (below the floor), C is only on probation.
            // Nothing is written, not even A's valid change.
            let r = app
                .post(&path, &vendor.token, json!({"reason": "Q3 review", "changes": [
                    change(&a.id, "adjudicator"), change(&b.id, "adjudicator"), change(&c.id, "senior")]}))
                .await;
            r.assert_problem(409, Some("changes[1].tier"));
            r.assert_problem(409, Some("changes[2].tier"));
            assert!(r.text.contains("below the adjudicator floor 0.60"), "{}", r.text);
            assert!(r.text.contains("`probation`"), "{}", r.text);
            assert_eq!(tier_of(&app, &vendor, &a.id, &w.slice).await, "annotator");
            // The single-expert endpoint applies the same floor.
            app.call(
                reqwest::Method::PUT,
                &format!("/v1/experts/{}/slices/{}/tier", b.id, w.slice),
                Some(&vendor.token),
                Some(json!({"tier": "adjudicator", "reason": "try"})),
            )
            .await
            .assert_problem(409, Some("tier"));
            // Another vendor cannot touch this roster.
            app.post(&path, &rival.token, json!({"reason": "x", "changes": [change(&a.id, "senior")]}))
                .await
                .assert_problem(404, None);

            let ok = app
                .post(&path, &vendor.token, json!({"reason": "Q3 review", "changes": [
                    change(&a.id, "adjudicator"), change(&b.id, "senior")]}))
                .await;
            ok.assert_status(200);
            assert_eq!(ok.json["changed"], 2);
            assert_eq!(ok.json["unchanged"], 0);
            assert_eq!(ok.json["data"][0]["tier"], "adjudicator");
            assert_eq!(ok.json["data"][1]["tier"], "senior");
            let again = app
                .post(&path, &vendor.token, json!({"reason": "Q3 review", "changes": [
                    change(&a.id, "adjudicator"), change(&b.id, "senior")]}))
                .await;
            again.assert_status(200);
            assert_eq!((again.json["changed"].clone(), again.json["unchanged"].clone()), (json!(0), json!(2)));
            let h = app
                .get(&format!("/v1/experts/{}/slices/{}/history", a.id, w.slice), &a.account.token)
                .await;
            let last = h.json["data"].as_array().unwrap().last().unwrap().clone();
            assert_eq!((last["aspect"].as_str(), last["to"].as_str(), last["reason"].as_str()),
                (Some("tier"), Some("adjudicator"), Some("Q3 review")));

            // Coverage: two qualified and one on probation; one adjudicator above the floor.
            let cov_path = format!("/v1/vendors/{}/roster/coverage", vendor.org());
            let cov = app.get(&cov_path, &vendor.token).await;
            cov.assert_status(200);
            assert_eq!(cov.json["adjudicator_floor"], 0.6);
            let s = &cov.json["data"][0];
            assert_eq!(s["slice_key"], "code/rust-review");
            assert_eq!(s["experts"], json!({"none": 0, "probation": 1, "qualified": 2, "suspended": 0}));
            assert_eq!(s["tiers"], json!({"annotator": 1, "senior": 1, "adjudicator": 1}));
            assert_eq!(s["adjudicators_below_floor"], 0);
            assert_eq!(s["bottlenecks"], json!([]));
            assert_eq!(cov.json["data"].as_array().unwrap().len(), 1);
            app.get(&cov_path, &rival.token).await.assert_problem(404, None);
            app.get(&cov_path, &w.lab.token).await.assert_problem(404, None);

            // A wrong gold answer: Beta(5, 2) has its 10th percentile at 0.490 < 0.55, so A
            // goes back to senior by themself, and the slice has no adjudicator left.
            assert!(answer_gold(&app, &a, false).await);
            assert_eq!(tier_of(&app, &vendor, &a.id, &w.slice).await, "senior");
            let h = app
                .get(&format!("/v1/experts/{}/slices/{}/history", a.id, w.slice), &vendor.token)
                .await;
            let last = h.json["data"].as_array().unwrap().last().unwrap().clone();
            assert_eq!(last["actor_type"], "system");
            assert!(last["reason"].as_str().unwrap().contains("fell below 0.55, where adjudicators go back to senior"), "{last}");
            let lb = last["details"]["lower_bound"].as_f64().unwrap();
            assert!((lb - 0.4897).abs() < 1e-3, "{lb}");
            // The accuracy chart: one line, A's (the only one with gold answers), at A's
            // bound after the week; the thresholds across; A's handle in the legend.
            let chart = app
                .get(&format!("/v1/vendors/{}/charts/accuracy.svg?slice={}&from=2026-02-23&to=2026-03-08",
                    vendor.org(), w.slice), &vendor.token)
                .await;
            chart.assert_status(200);
            assert_eq!(chart.header("content-type"), Some("image/svg+xml"));
            let (lines, texts) = svg_lines(&chart.text);
            // Week of Feb 23 has no answers yet (no point); Mar 02 has one: the line has one
            // point, plus the legend's sample.
            assert_eq!(strokes(&lines, SERIES[0]), vec![1, 2], "{lines:?}");
            assert!(strokes(&lines, SERIES[1]).is_empty(), "{lines:?}");
            assert_eq!(strokes(&lines, HEALTHY), vec![2, 2]);
            assert_eq!(strokes(&lines, CORRECTIVE), vec![2, 2]);
            let handle_of = |e: &crate::routing::Expert| {
                let (app, vendor, id) = (&app, &vendor, e.id.clone());
                async move { app.get(&format!("/v1/experts/{id}"), &vendor.token).await.json["handle"].as_str().unwrap().to_owned() }
            };
            assert!(texts.contains(&handle_of(&a).await), "{texts:?}");
            assert!(!texts.contains(&handle_of(&b).await), "{texts:?}");
            assert!(texts.iter().any(|t| t == "0.80 healthy") && texts.iter().any(|t| t == "0.75 corrective"), "{texts:?}");
            for (q, field) in [("from=2026-03-02", "slice"), ("slice=x", "slice"), (&format!("slice={}&metric=speed", w.slice) as &str, "metric")] {
                app.get(&format!("/v1/vendors/{}/charts/accuracy.svg?{q}", vendor.org()), &vendor.token)
                    .await
                    .assert_problem(400, Some(field));
            }
            app.get(&format!("/v1/vendors/{}/charts/accuracy.svg?slice={}", vendor.org(), w.slice), &rival.token)
                .await
                .assert_problem(404, None);

            let cov = app.get(&cov_path, &vendor.token).await;
            assert_eq!(cov.json["data"][0]["tiers"]["adjudicator"], 0);
            assert_eq!(cov.json["data"][0]["bottlenecks"], json!(["no_adjudicator"]));
        },
    )
    .await;
}

/// Two roster annotators and a roster adjudicator on 25 pairwise items (as scoring's
/// `two_raters`): items 0–9 both say A, 10–19 both B, 20–24 they disagree (x: A, y: B)
/// and the adjudicator picks A. x spends 12 measured minutes on their first item.
async fn roster_raters(
    app: &TestApp,
    vendor: &Account,
) -> (
    crate::routing::World,
    crate::routing::Expert,
    crate::routing::Expert,
    crate::routing::Expert,
) {
    use crate::routing::{Opts, accept_and_submit, item, prefer, push, qualified, work, world};
    let w = world(app, Opts::default()).await;
    let mut x = qualified(app, &w, Some(vendor), json!({})).await;
    let y = qualified(app, &w, Some(vendor), json!({})).await;
    push(app, &w, (0..25).map(item).collect()).await;
    let adj = qualified(app, &w, Some(vendor), json!({})).await;
    app.call(
        reqwest::Method::PUT,
        &format!("/v1/experts/{}/slices/{}/tier", adj.id, w.slice),
        Some(&vendor.token),
        Some(json!({"tier": "adjudicator", "reason": "experienced"})),
    )
    .await
    .assert_status(200);
    let side_of = |n: u64, disagree: &str| -> String {
        match n {
            0..10 => "a".into(),
            10..20 => "b".into(),
            _ => disagree.into(),
        }
    };
    // x's first item with 12 measured minutes (six heartbeats two minutes apart).
    let first = work(app, &x, "offered").await[0].clone();
    let a = first["id"].as_str().unwrap().to_owned();
    app.post(
        &format!("/v1/assignments/{a}/accept"),
        &x.account.token,
        json!({}),
    )
    .await
    .assert_status(200);
    for _ in 0..6 {
        app.advance(Duration::minutes(2));
        app.relogin(&mut x.account).await;
        app.post(
            &format!("/v1/assignments/{a}/heartbeat"),
            &x.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
    }
    let side = side_of(first["payload"]["n"].as_u64().unwrap(), "a");
    app.post(
        &format!("/v1/assignments/{a}/submit"),
        &x.account.token,
        json!({ "label": prefer(&side, 2) }),
    )
    .await
    .assert_status(200);
    let mut y = y;
    let mut adj = adj;
    app.relogin(&mut y.account).await;
    app.relogin(&mut adj.account).await;
    for (e, disagree) in [(&x, "a"), (&y, "b")] {
        for a in work(app, e, "offered").await {
            let side = side_of(a["payload"]["n"].as_u64().unwrap(), disagree);
            accept_and_submit(app, e, a["id"].as_str().unwrap(), prefer(&side, 2)).await;
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
async fn the_roster_dashboard_matches_hand_computed_numbers_in_json_and_csv() {
    crate::helpers::on_both_with(
        |s| s.routing.max_open_assignments = 100,
        |app| async move {
            let mut vendor = app.vendor("Meridian").await;
            let (mut w, mut x, y, adj) = roster_raters(&app, &vendor).await;
            // The week ends; the sweep submits the sheets and the lab approves them.
            app.advance(Duration::days(7));
            app.drain_jobs().await;
            app.relogin(&mut w.lab).await;
            app.relogin(&mut vendor).await;
            let sheets = app.get("/v1/timesheets", &w.lab.token).await;
            for s in sheets.json["data"].as_array().unwrap() {
                let id = s["id"].as_str().unwrap();
                app.post(
                    &format!("/v1/timesheets/{id}/approve"),
                    &w.lab.token,
                    json!({}),
                )
                .await
                .assert_status(200);
            }

            let base = format!("/v1/vendors/{}/dashboard", vendor.org());
            let d = app
                .get(
                    &format!("{base}?from=2026-02-23&to=2026-03-08"),
                    &vendor.token,
                )
                .await;
            d.assert_status(200);
            assert_eq!(d.json["from"], "2026-02-23T00:00:00Z");
            assert_eq!(d.json["until"], "2026-03-09T00:00:00Z");
            assert_eq!(d.json["experts_on_roster"], 3);
            let s = &d.json["slices"][0];
            assert_eq!(s["slice_key"], "code/rust-review");
            assert_eq!(
                s["experts"],
                json!({"none": 0, "probation": 0, "qualified": 3, "suspended": 0})
            );
            assert_eq!(
                s["tiers"],
                json!({"annotator": 2, "senior": 0, "adjudicator": 1})
            );
            assert_eq!(
                (s["open_sanctions"].clone(), s["open_appeals"].clone()),
                (json!(0), json!(0))
            );
            let p = &s["period"];
            // 25 + 25 annotator judgments and 5 adjudications.
            assert_eq!(p["judgments"], 55);
            // Coincidences aa 20, bb 20, ab = ba 5: D_o = 10/50, D_e = 2·25·25/(50·49).
            let alpha = 1.0 - (10.0 / 50.0) / (1250.0 / 2450.0);
            assert_eq!(p["agreement"]["items"], 25);
            assert!(
                (p["agreement"]["krippendorff_alpha"].as_f64().unwrap() - alpha).abs() < 1e-9,
                "{p}"
            );
            assert_eq!(
                p["informativeness"],
                json!({"n": 50, "hits": 50, "rate": 1.0})
            );
            // Adjudicated items 20–24: x's 5 judgments kept, y's 5 overturned.
            assert_eq!(
                p["adjudication_overturn"],
                json!({"n": 10, "hits": 5, "rate": 0.5})
            );
            assert_eq!(p["gold"], json!({"n": 0, "hits": 0, "rate": null}));
            // x's 12 minutes, paid at x's 80.00 USD an hour: 16.00.
            assert!(
                (p["active_hours"].as_f64().unwrap() - 0.2).abs() < 1e-9,
                "{p}"
            );
            assert_eq!(p["pay"], json!([{"currency": "USD", "minor": 1600}]));
            assert_eq!(p["unapproved_sheet_lines"], 0);
            let weeks = s["weeks"].as_array().unwrap();
            assert_eq!(weeks.len(), 2);
            assert_eq!(weeks[0]["week_start"], "2026-02-23T00:00:00Z");
            assert_eq!(weeks[0]["judgments"], 0);
            assert_eq!(weeks[0]["agreement"]["krippendorff_alpha"], Value::Null);
            assert_eq!(weeks[1]["judgments"], 55);
            assert_eq!(weeks[1]["agreement"], p["agreement"]);

            // The slice filter and the period: a week without work has nothing.
            let later = app
                .get(
                    &format!("{base}?from=2026-03-09&to=2026-03-15"),
                    &vendor.token,
                )
                .await;
            assert_eq!(later.json["slices"][0]["period"]["judgments"], 0);
            let other_slice = app
                .get(
                    &format!("{base}?slice=slc_01jd3v7q8y2k5m9n4p6r8s0t2w"),
                    &vendor.token,
                )
                .await;
            other_slice.assert_problem(404, None);

            // Per expert.
            let ex = app
                .get(
                    &format!("{base}/experts?from=2026-03-02&to=2026-03-08"),
                    &vendor.token,
                )
                .await;
            ex.assert_status(200);
            let series = ex.json["data"].as_array().unwrap();
            assert_eq!(series.len(), 3);
            let of = |id: &str| {
                series.iter().find(|e| e["expert_id"] == id).unwrap()["weeks"][0].clone()
            };
            let (xw, yw, aw) = (of(&x.id), of(&y.id), of(&adj.id));
            assert_eq!(
                (
                    xw["judgments"].clone(),
                    yw["judgments"].clone(),
                    aw["judgments"].clone()
                ),
                (json!(25), json!(25), json!(5))
            );
            assert_eq!(
                xw["adjudicated_agreement"],
                json!({"n": 5, "hits": 5, "rate": 1.0})
            );
            assert_eq!(
                yw["adjudicated_agreement"],
                json!({"n": 5, "hits": 0, "rate": 0.0})
            );
            assert!((xw["active_hours"].as_f64().unwrap() - 0.2).abs() < 1e-9);
            assert_eq!(xw["pay"], json!([{"currency": "USD", "minor": 1600}]));
            assert_eq!(xw["gold_lower_bound"], Value::Null);

            // CSV: a header, one row per slice and week, then the period.
            let csv = app
                .get(
                    &format!("{base}.csv?from=2026-02-23&to=2026-03-08"),
                    &vendor.token,
                )
                .await;
            csv.assert_status(200);
            assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
            let lines: Vec<&str> = csv.text.lines().collect();
            assert_eq!(lines.len(), 4, "{}", csv.text);
            let header: Vec<&str> = lines[0].split(',').collect();
            let row: Vec<&str> = lines[3].split(',').collect();
            let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
            assert_eq!(col("week_start"), "period");
            assert_eq!(col("judgments"), "55");
            assert_eq!(col("alpha"), format!("{alpha:.6}"));
            assert_eq!(col("overturn_rate"), "0.500000");
            assert_eq!(col("active_hours"), "0.2000");
            assert_eq!(col("pay_minor"), "USD=1600");
            let ecsv = app
                .get(
                    &format!("{base}/experts.csv?from=2026-03-02&to=2026-03-08"),
                    &vendor.token,
                )
                .await;
            ecsv.assert_status(200);
            assert_eq!(ecsv.text.lines().count(), 4, "{}", ecsv.text);
            assert!(
                ecsv.text.lines().skip(1).any(
                    |l| l.starts_with(&format!("{},", x.id)) && l.ends_with(",0.2000,USD=1600")
                ),
                "{}",
                ecsv.text
            );

            // Parameters are checked; nobody else sees the roster.
            for (q, field) in [
                ("from=yesterday", "from"),
                ("from=2026-03-09&to=2026-03-01", "to"),
                ("from=2025-01-05&to=2026-03-01", "from"),
                ("slice=abc", "slice"),
                ("week=1", "week"),
            ] {
                app.get(&format!("{base}?{q}"), &vendor.token)
                    .await
                    .assert_problem(400, Some(field));
            }
            let rival = app.vendor("Northwind").await;
            app.relogin(&mut x.account).await;
            for token in [&rival.token, &w.lab.token, &x.account.token] {
                for path in [
                    base.clone(),
                    format!("{base}.csv"),
                    format!("{base}/experts"),
                    format!("{base}/experts.csv"),
                ] {
                    app.get(&path, token).await.assert_problem(404, None);
                }
            }
            // The alpha chart: one line for the slice, one point (its only week of work).
            let chart = app
                .get(
                    &format!(
                        "/v1/vendors/{}/charts/alpha.svg?from=2026-03-02&to=2026-03-08",
                        vendor.org()
                    ),
                    &vendor.token,
                )
                .await;
            chart.assert_status(200);
            let (lines, texts) = svg_lines(&chart.text);
            assert_eq!(strokes(&lines, SERIES[0]), vec![1, 2], "{lines:?}");
            assert!(strokes(&lines, SERIES[1]).is_empty());
            assert!(texts.iter().any(|t| t == "code/rust-review"), "{texts:?}");
            app.get(
                &format!("/v1/vendors/{}/charts/alpha.svg", vendor.org()),
                &w.lab.token,
            )
            .await
            .assert_problem(404, None);
            // A platform admin sees the same numbers.
            app.relogin(&mut w.admin).await;
            let admin_view = app
                .get(
                    &format!("{base}?from=2026-02-23&to=2026-03-08"),
                    &w.admin.token,
                )
                .await;
            assert_eq!(admin_view.json["slices"][0]["period"], *p);
            let rival_view = app
                .get(
                    &format!("/v1/vendors/{}/dashboard", rival.org()),
                    &rival.token,
                )
                .await;
            assert_eq!(rival_view.json["slices"], json!([]));
        },
    )
    .await;
}

#[tokio::test]
async fn vendors_are_compared_on_the_gold_items_all_of_them_answered() {
    use crate::routing::{Opts, prefer, qualified, world};
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let meridian = app.vendor("Meridian").await;
        let northwind = app.vendor("Northwind").await;
        // The platform's pool of the slice: g0–g8, the reference is always A.
        let pool: Vec<Value> = (0..9)
            .map(|i| json!({"external_id": format!("g{i}"), "payload": {"prompt": "Calibrate", "g": i},
                "answer": {"preference": "a", "strength": 2, "rationale": "ref", "cited_clauses": ["C1"]},
                "explanation": "reference"}))
            .collect();
        let up = app
            .post(&format!("/v1/slices/{}/gold-items", w.slice), &w.admin.token, json!(pool))
            .await;
        up.assert_status(200);
        let gold: Vec<String> = up.json["results"].as_array().unwrap().iter()
            .map(|r| r["id"].as_str().unwrap().to_owned()).collect();
        let x1 = qualified(&app, &w, Some(&meridian), json!({})).await;
        let x2 = qualified(&app, &w, Some(&meridian), json!({})).await;
        let z = qualified(&app, &w, Some(&northwind), json!({})).await;
        let solo = qualified(&app, &w, None, json!({})).await;
        let closes = (app.clock_now() + Duration::days(7)).to_rfc3339();
        // Meridian's two experts get g0–g5, Northwind's expert and an independent g3–g8:
        // g3–g5 are the only items both vendors answered.
        for (items, who) in [(&gold[0..6], vec![&x1, &x2]), (&gold[3..9], vec![&z, &solo])] {
            app.post("/v1/calibration-sessions", &w.admin.token, json!({"slice_id": w.slice,
                "title": "Shared gold", "gold_item_ids": items,
                "participant_ids": who.iter().map(|e| e.id.clone()).collect::<Vec<_>>(), "closes_at": closes}))
                .await
                .assert_status(201);
        }
        // Which items each expert gets wrong (answers B): x2 g5; z g4–g8; solo everything.
        let wrong = |e: &crate::routing::Expert, g: u64| -> bool {
            (e.id == x2.id && g == 5) || (e.id == z.id && g >= 4) || e.id == solo.id
        };
        for e in [&x1, &x2, &z, &solo] {
            let sessions = app.get("/v1/calibration-sessions", &e.account.token).await;
            let session = sessions.json["data"][0]["id"].as_str().unwrap().to_owned();
            let items = app
                .get(&format!("/v1/calibration-sessions/{session}/items"), &e.account.token)
                .await;
            for it in items.json["data"].as_array().unwrap() {
                let g = it["payload"]["g"].as_u64().unwrap();
                let side = if wrong(e, g) { "b" } else { "a" };
                app.post(
                    &format!("/v1/calibration-sessions/{session}/items/{}/answer", it["assignment_id"].as_str().unwrap()),
                    &e.account.token,
                    json!({"label": prefer(side, 2)}),
                )
                .await
                .assert_status(200);
            }
        }

        let path = format!("/v1/slices/{}/vendor-comparison", w.slice);
        let c = app.get(&path, &w.admin.token).await;
        c.assert_status(200);
        // The independent expert belongs to no vendor and is not compared.
        assert_eq!(c.json["vendors"].as_array().unwrap().len(), 2, "{}", c.json);
        assert_eq!(c.json["common_items"], 3);
        assert_eq!(c.json["excluded_items"], 6);
        let of = |id: &str| c.json["vendors"].as_array().unwrap().iter()
            .find(|v| v["vendor_id"] == id).unwrap().clone();
        let (m, n) = (of(meridian.org()), of(northwind.org()));
        assert_eq!(m["name"], "Meridian");
        // Meridian on g3–g5: x1 3 of 3, x2 2 of 3 → 5 of 6; Wilson (0.4365, 0.9699).
        assert_eq!((m["answers"].clone(), m["correct"].clone(), m["experts"].clone()), (json!(6), json!(5), json!(2)));
        assert!((m["accuracy"].as_f64().unwrap() - 5.0 / 6.0).abs() < 1e-12);
        assert!((m["ci_low"].as_f64().unwrap() - 0.436_497_177_8).abs() < 1e-9, "{m}");
        assert!((m["ci_high"].as_f64().unwrap() - 0.969_946_630_3).abs() < 1e-9, "{m}");
        // Northwind: 1 of 3; Wilson (0.0615, 0.7923). Its wrong g6–g8 do not count.
        assert_eq!((n["answers"].clone(), n["correct"].clone()), (json!(3), json!(1)));
        assert!((n["ci_low"].as_f64().unwrap() - 0.061_491_944_7).abs() < 1e-9, "{n}");
        assert!((n["ci_high"].as_f64().unwrap() - 0.792_340_399_2).abs() < 1e-9, "{n}");
        // Calibration is not billed to a lab: no cost.
        assert_eq!(m["cost"], json!([]));
        // Cross-vendor pairs: g3 2 of 2 alike, g4 0 of 2, g5 1 of 2 (x2 and z both B).
        assert_eq!(c.json["agreement"][0]["pairs"], 6);
        assert_eq!(c.json["agreement"][0]["rate"], 0.5);
        // Nobody's identity.
        for e in [&x1, &x2, &z, &solo] {
            assert!(!c.text.contains(&e.id), "{}", c.text);
        }
        // Naming the vendors gives the same; naming an independent expert's nothing fails.
        let named = app
            .get(&format!("{path}?vendors={},{}", northwind.org(), meridian.org()), &w.admin.token)
            .await;
        assert_eq!(named.json["vendors"][0]["vendor_id"], northwind.org());
        assert_eq!(named.json["common_items"], 3);
        for (q, field) in [("vendors=abc", "vendors"), (&format!("vendors={}", meridian.org()) as &str, "vendors"),
            (&format!("vendors={},{}", meridian.org(), w.lab.org()), "vendors"), ("lab=x", "lab"), ("from=2026-13-01", "from")] {
            app.get(&format!("{path}?{q}"), &w.admin.token).await.assert_problem(400, Some(field));
        }

        // The chart: one whisker per vendor (plus its legend sample), names in the legend.
        let chart = app
            .get(&format!("/v1/slices/{}/charts/vendor-comparison.svg?vendors={},{}", w.slice, meridian.org(), northwind.org()),
                &w.admin.token)
            .await;
        chart.assert_status(200);
        let (lines, texts) = svg_lines(&chart.text);
        assert_eq!(strokes(&lines, SERIES[0]), vec![2, 2], "{lines:?}");
        assert_eq!(strokes(&lines, SERIES[1]), vec![2, 2], "{lines:?}");
        assert!(texts.iter().any(|t| t.starts_with("Meridian (n=6): 0.833 [0.436, 0.970]")), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("Northwind (n=3): 0.333")), "{texts:?}");

        // Labs: only over their own projects (no routed gold here: nothing in common), and
        // only the vendors working on them; vendor admins cannot compare.
        let lab_path = format!("{path}?lab={}", w.lab.org());
        let l = app.get(&lab_path, &w.lab.token).await;
        l.assert_status(200);
        assert_eq!(l.json["vendors"], json!([]));
        assert_eq!(l.json["common_items"], 0);
        app.get(&format!("{lab_path}&vendors={},{}", meridian.org(), northwind.org()), &w.lab.token)
            .await
            .assert_problem(400, Some("vendors"));
        app.get(&path, &w.lab.token).await.assert_problem(403, None);
        app.get(&path, &meridian.token).await.assert_problem(403, None);
        app.get(&lab_path, &meridian.token).await.assert_problem(404, None);
        let other_lab = app.lab("Other").await;
        app.get(&lab_path, &other_lab.token).await.assert_problem(404, None);
        app.get(&format!("/v1/slices/{}/charts/vendor-comparison.svg", w.slice), &meridian.token)
            .await
            .assert_problem(403, None);

        // z moves to Meridian (a note with line breaks is fine). Answers stay with the
        // roster z was on when giving them: the comparison and both dashboards are unchanged.
        app.advance(Duration::minutes(5));
        let mer_dash = format!("/v1/vendors/{}/dashboard", meridian.org());
        let before = app.get(&mer_dash, &meridian.token).await.json["slices"][0]["period"]["calibration"].clone();
        assert_eq!(before["n"], 12, "x1's and x2's six answers each");
        app.post(&format!("/v1/vendors/{}/roster/invitations", meridian.org()), &meridian.token,
            json!({"email": z.account.email, "message": "Hello Dr. Z,\nwe would love to have you.\n— Meridian"}))
            .await
            .assert_status(201);
        app.drain_jobs().await;
        let token = app.mail_to(&z.account.email).pop().unwrap().token();
        app.post("/v1/roster-invitations/accept", &z.account.token,
            json!({"token": token, "leave_current_roster": true}))
            .await
            .assert_status(200);
        let after = app.get(&path, &w.admin.token).await;
        assert_eq!(after.json["common_items"], 3);
        assert_eq!(after.json["vendors"], c.json["vendors"], "{}", after.json);
        assert_eq!(app.get(&mer_dash, &meridian.token).await.json["slices"][0]["period"]["calibration"], before);
        let nw = app.get(&format!("/v1/vendors/{}/dashboard", northwind.org()), &northwind.token).await;
        // Northwind has no expert left, so no slice; its past stays in the comparison.
        assert_eq!(nw.json["slices"], json!([]));
    })
    .await;
}

/// A vendor's roster dashboard and coverage list the slices its experts hold standings in,
/// but never a lab's private slice: that slice's key and numbers are the lab's business.
/// A platform admin looking at the same vendor sees both.
#[tokio::test]
async fn a_vendors_dashboard_and_coverage_leave_out_labs_private_slices() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let med = domain(&app).await;
        let lab = app.lab("Helix").await;
        let vendor = app.vendor("Meridian").await;
        let schema = json!({"kind": "ordinal", "min": 1, "max": 3});
        let shared = app
            .post(
                "/v1/slices",
                &admin.token,
                json!({"key": "medicine/triage", "domain_id": med,
                "name": "Triage", "label_schema": schema, "measurement_level": "ordinal"}),
            )
            .await;
        shared.assert_status(201);
        let private = app
            .post(
                "/v1/slices",
                &lab.token,
                json!({"key": "medicine/helix-oncology", "domain_id": med,
                "name": "Helix oncology", "label_schema": schema, "measurement_level": "ordinal",
                "org_id": lab.org()}),
            )
            .await;
        private.assert_status(201);
        let (_, expert) = roster_expert(&app, &med, &vendor).await;
        for slice in [&shared.json["id"], &private.json["id"]] {
            app.call(
                Method::PUT,
                &format!(
                    "/v1/experts/{expert}/slices/{}/status",
                    slice.as_str().unwrap()
                ),
                Some(&admin.token),
                Some(json!({"status": "probation", "reason": "entry assessment passed"})),
            )
            .await
            .assert_status(200);
        }
        let keys = |v: &Value| -> Vec<String> {
            v["slices"]
                .as_array()
                .or(v["data"].as_array())
                .unwrap()
                .iter()
                .map(|s| s["slice_key"].as_str().unwrap().to_owned())
                .collect()
        };
        let dash = format!("/v1/vendors/{}/dashboard", vendor.org());
        let cov = format!("/v1/vendors/{}/roster/coverage", vendor.org());
        let mine = app.get(&dash, &vendor.token).await;
        mine.assert_status(200);
        assert_eq!(keys(&mine.json), ["medicine/triage"], "{}", mine.json);
        let mine = app.get(&cov, &vendor.token).await;
        mine.assert_status(200);
        assert_eq!(keys(&mine.json), ["medicine/triage"], "{}", mine.json);
        let csv = app.get(&format!("{dash}.csv"), &vendor.token).await;
        csv.assert_status(200);
        assert!(!csv.text.contains("helix-oncology"), "{}", csv.text);
        // The platform sees every slice the roster works in.
        let all = app.get(&dash, &admin.token).await;
        assert_eq!(
            keys(&all.json),
            ["medicine/helix-oncology", "medicine/triage"]
        );
        let all = app.get(&cov, &admin.token).await;
        assert_eq!(
            keys(&all.json),
            ["medicine/helix-oncology", "medicine/triage"]
        );
    })
    .await;
}
