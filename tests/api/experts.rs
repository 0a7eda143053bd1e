//! Expert applications and the vetting pipeline: the full path with e-mails over SMTP,
//! illegal steps, rejection cooldown, validation, roster views and tenancy.

use chrono::Duration;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};

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

fn application(domain: &str, roster_invitation: Option<&str>) -> Value {
    let mut a = json!({
        "display_name": "Dr. Wei Chen", "headline": "Radiologist", "bio": "Chest CT.",
        "domain_ids": [domain], "languages": ["de", "en"], "time_zone": "Europe/Berlin", "country": "DE",
        "affiliations": [{"name": "Charité Berlin", "current": true}],
        "desired_rate_minor": 9000, "desired_currency": "EUR"
    });
    if let Some(t) = roster_invitation {
        a["roster_invitation"] = json!(t);
    }
    a
}

async fn applied_expert(
    app: &TestApp,
    domain: &str,
    vendor: Option<&Account>,
) -> (Account, String) {
    let expert = app.expert().await;
    let token = match vendor {
        Some(v) => Some(app.roster_invitation(v, &expert.email).await),
        None => None,
    };
    let r = app
        .post(
            "/v1/experts/me",
            &expert.token,
            application(domain, token.as_deref()),
        )
        .await;
    r.assert_status(201);
    (expert, r.json["id"].as_str().unwrap().to_owned())
}

fn step(to: &str, reason: &str) -> Value {
    json!({"to": to, "reason": reason})
}

#[tokio::test]
async fn an_expert_goes_from_application_to_approval_with_an_email_at_every_step() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let vendor = app.vendor("Meridian").await;
        let (expert, id) = applied_expert(&app, &medicine, Some(&vendor)).await;
        let me = app.get("/v1/experts/me", &expert.token).await;
        assert_eq!(me.json["vetting_status"], "applied");
        assert!(me.json["handle"].as_str().unwrap().starts_with("expert-"));
        assert_eq!(me.json["vendor_id"], vendor.org());

        let path = format!("/v1/experts/{id}/vetting/transitions");
        for (to, reason) in [
            ("screening", "CV looks strong"),
            ("credential_review", "Screening call done"),
            ("assessment", "Licence verified"),
            ("approved", "Passed the radiology assessment"),
        ] {
            if to == "approved" {
                let admin = app.platform_admin().await;
                app.credential_for_domain(&admin, &expert, &id, &medicine)
                    .await;
            }
            let r = app.post(&path, &vendor.token, step(to, reason)).await;
            r.assert_status(200);
            assert_eq!(r.json["vetting_status"], to);
        }
        app.drain_jobs().await;
        let subjects: Vec<String> = app
            .mail_to(&expert.email)
            .iter()
            .map(|m| m.subject())
            .filter(|s| s.starts_with("Your Cadre application"))
            .collect();
        assert_eq!(
            subjects,
            [
                "Your Cadre application: applied",
                "Your Cadre application: screening",
                "Your Cadre application: credential review",
                "Your Cadre application: assessment",
                "Your Cadre application: approved"
            ]
        );
        let last = app.mail_to(&expert.email).pop().unwrap();
        assert!(
            last.body()
                .contains("Reason: Passed the radiology assessment"),
            "{}",
            last.body()
        );

        let history = app.get(&path, &expert.token).await;
        let steps: Vec<(Value, Value)> = history.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["from"].clone(), t["to"].clone()))
            .collect();
        assert_eq!(steps.len(), 5);
        assert_eq!(steps[0], (Value::Null, json!("applied")));
        assert_eq!(steps[4], (json!("assessment"), json!("approved")));
        let admin = app.platform_admin().await;
        let audit = app
            .get(
                &format!("/v1/audit-events?subject_id={id}&action=expert.vetting_changed"),
                &admin.token,
            )
            .await;
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn illegal_steps_answer_409_naming_the_current_status_and_only_admins_vet() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let vendor = app.vendor("Meridian").await;
        let rival = app.vendor("Rival").await;
        let lab = app.lab("Lab").await;
        let (expert, id) = applied_expert(&app, &medicine, Some(&vendor)).await;
        let path = format!("/v1/experts/{id}/vetting/transitions");

        let r = app
            .post(&path, &vendor.token, step("approved", "skip ahead"))
            .await;
        r.assert_problem(409, None);
        assert!(
            r.text.contains("`applied`") && r.text.contains("screening"),
            "{}",
            r.text
        );
        app.post(&path, &vendor.token, step("withdrawn", "not theirs"))
            .await
            .assert_problem(409, None);
        app.post(&path, &expert.token, step("screening", "self-promotion"))
            .await
            .assert_problem(403, None);
        app.post(&path, &rival.token, step("screening", "poaching"))
            .await
            .assert_problem(404, None);
        app.post(&path, &lab.token, step("screening", "x"))
            .await
            .assert_problem(404, None);
        app.post(
            &path,
            &vendor.token,
            json!({"to": "screening", "reason": ""}),
        )
        .await
        .assert_problem(422, Some("reason"));
        // Platform admins vet anyone; an offboarded expert is final.
        let admin = app.platform_admin().await;
        app.post(&path, &admin.token, step("screening", "ok"))
            .await
            .assert_status(200);
        app.post(
            &path,
            &admin.token,
            step("offboarded", "fraudulent documents"),
        )
        .await
        .assert_status(200);
        let r = app
            .post(&path, &admin.token, step("screening", "again"))
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("none"), "{}", r.text);
        app.post(
            "/v1/experts/me/reapply",
            &expert.token,
            json!({"reason": "please"}),
        )
        .await
        .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn a_rejected_expert_reapplies_only_after_the_cooldown() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let admin = app.platform_admin().await;
        let (expert, id) = applied_expert(&app, &medicine, None).await;
        let path = format!("/v1/experts/{id}/vetting/transitions");
        app.post(
            &path,
            &admin.token,
            step("rejected", "Licence not in good standing"),
        )
        .await
        .assert_status(200);
        let r = app
            .post(
                "/v1/experts/me/reapply",
                &expert.token,
                json!({"reason": "Licence renewed"}),
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("90-day cooldown"), "{}", r.text);
        app.advance(Duration::days(89));
        // (the expert's access token expired long ago; log in again)
        let token = app
            .login(&expert.email, crate::helpers::PASSWORD)
            .await
            .json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        app.post(
            "/v1/experts/me/reapply",
            &token,
            json!({"reason": "Licence renewed"}),
        )
        .await
        .assert_problem(409, None);
        app.advance(Duration::days(1));
        let token = app
            .login(&expert.email, crate::helpers::PASSWORD)
            .await
            .json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let r = app
            .post(
                "/v1/experts/me/reapply",
                &token,
                json!({"reason": "Licence renewed"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["vetting_status"], "applied");
        // Withdrawing and reapplying needs no cooldown.
        app.post(
            "/v1/experts/me/withdraw",
            &token,
            json!({"reason": "Busy this quarter"}),
        )
        .await
        .assert_status(200);
        app.post("/v1/experts/me/reapply", &token, json!({"reason": "Back"}))
            .await
            .assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn applications_are_validated() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let lab = app.lab("Lab").await;
        let expert = app.expert().await;
        let with = |k: &str, v: Value| {
            let mut a = application(&medicine, None);
            a[k] = v;
            a
        };
        for (body, field) in [
            (with("time_zone", json!("Mars/Olympus_Mons")), "time_zone"),
            (with("languages", json!(["german"])), "languages[0]"),
            (with("country", json!("Germany")), "country"),
            (with("domain_ids", json!([])), "domain_ids"),
            (
                with("domain_ids", json!(["dom_01jd3v7q8y2k5m9n4p6r8s0t2w"])),
                "domain_ids[0]",
            ),
            (
                with("roster_invitation", json!("not-a-token")),
                "roster_invitation",
            ),
            (with("desired_currency", json!("euro")), "desired_currency"),
            (
                with("affiliations", json!([{"name": "X", "current": true}])),
                "affiliations[0].name",
            ),
        ] {
            app.post("/v1/experts/me", &expert.token, body)
                .await
                .assert_problem(422, Some(field));
        }
        // Only expert accounts apply, once.
        app.post("/v1/experts/me", &lab.token, application(&medicine, None))
            .await
            .assert_problem(403, None);
        app.post(
            "/v1/experts/me",
            &expert.token,
            application(&medicine, None),
        )
        .await
        .assert_status(201);
        app.post(
            "/v1/experts/me",
            &expert.token,
            application(&medicine, None),
        )
        .await
        .assert_problem(409, None);
        // Editing keeps the vendor fixed.
        let mut edit = application(&medicine, None);
        edit["headline"] = json!("Neuroradiologist");
        let r = app
            .call(
                reqwest::Method::PATCH,
                "/v1/experts/me",
                Some(&expert.token),
                Some(edit.clone()),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["headline"], "Neuroradiologist");
        edit["roster_invitation"] = json!("a-token");
        app.call(
            reqwest::Method::PATCH,
            "/v1/experts/me",
            Some(&expert.token),
            Some(edit),
        )
        .await
        .assert_problem(422, Some("roster_invitation"));
    })
    .await;
}

#[tokio::test]
async fn vendor_admins_see_only_their_roster_and_filter_applicants() {
    on_both(|app| async move {
        let medicine = domain(&app).await;
        let vendor = app.vendor("Meridian").await;
        let rival = app.vendor("Rival").await;
        let lab = app.lab("Lab").await;
        let (a, a_id) = applied_expert(&app, &medicine, Some(&vendor)).await;
        let (_, b_id) = applied_expert(&app, &medicine, Some(&vendor)).await;
        let (_, c_id) = applied_expert(&app, &medicine, Some(&rival)).await;
        let (_, d_id) = applied_expert(&app, &medicine, None).await;
        app.post(
            &format!("/v1/experts/{b_id}/vetting/transitions"),
            &vendor.token,
            step("screening", "ok"),
        )
        .await
        .assert_status(200);

        let ids = |r: &crate::helpers::Resp| -> Vec<String> {
            r.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            ids(&app.get("/v1/experts", &vendor.token).await),
            [a_id.clone(), b_id.clone()]
        );
        assert_eq!(
            ids(&app.get("/v1/experts?status=screening", &vendor.token).await),
            vec![b_id.clone()]
        );
        assert_eq!(
            ids(&app
                .get(&format!("/v1/experts?domain={medicine}"), &vendor.token)
                .await),
            [a_id.clone(), b_id.clone()]
        );
        assert_eq!(
            ids(&app
                .get(
                    &format!("/v1/experts?vendor={}", rival.org()),
                    &vendor.token
                )
                .await),
            Vec::<String>::new()
        );
        // Age in state, by the clock.
        assert_eq!(
            ids(&app
                .get("/v1/experts?min_days_in_status=7", &vendor.token)
                .await),
            Vec::<String>::new()
        );
        app.advance(Duration::days(8));
        let vendor_token = app
            .login(&vendor.email, crate::helpers::PASSWORD)
            .await
            .json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            ids(&app
                .get(
                    "/v1/experts?min_days_in_status=7&status=applied",
                    &vendor_token
                )
                .await),
            vec![a_id.clone()]
        );

        let admin = app.platform_admin().await;
        assert_eq!(
            ids(&app.get("/v1/experts", &admin.token).await),
            [a_id.clone(), b_id.clone(), c_id.clone(), d_id.clone()]
        );
        let lab_token = app.login(&lab.email, crate::helpers::PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        app.get("/v1/experts", &lab_token)
            .await
            .assert_problem(403, None);
        // One expert never sees another; a rival vendor and labs get 404.
        let a_token = app.login(&a.email, crate::helpers::PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        app.get(&format!("/v1/experts/{a_id}"), &a_token)
            .await
            .assert_status(200);
        app.get(&format!("/v1/experts/{b_id}"), &a_token)
            .await
            .assert_problem(404, None);
        let rival_token =
            app.login(&rival.email, crate::helpers::PASSWORD).await.json["access_token"]
                .as_str()
                .unwrap()
                .to_owned();
        app.get(&format!("/v1/experts/{a_id}"), &rival_token)
            .await
            .assert_problem(404, None);
        app.get(
            &format!("/v1/experts/{a_id}/vetting/transitions"),
            &lab_token,
        )
        .await
        .assert_problem(404, None);
        app.get(&format!("/v1/experts/{a_id}"), &vendor_token)
            .await
            .assert_status(200);
    })
    .await;
}
