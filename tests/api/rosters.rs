//! Vendor rosters: invitations (new and existing experts, expiry, single use, revocation,
//! declining), transfers that need the expert's consent, removal and leaving with the
//! membership history kept, and tenancy between vendors.

use chrono::Duration;
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
