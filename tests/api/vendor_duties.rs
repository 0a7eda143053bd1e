//! Approved vendors and separation of duties (issue 21, attack 2): a self-registered vendor
//! cannot vet, review credentials, or qualify anyone, and its experts get no lab work until
//! a platform admin approves it; vendor admins only protect slice standings; credential
//! verification by a vendor counts only for a trusted reviewer; vetting `approved` needs a
//! verified credential meeting an applied domain.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both};
use crate::routing::{Expert, Opts, World, applicant, push, work, world};

async fn put_status(app: &TestApp, who: &Account, e: &Expert, w: &World, status: &str) -> Value {
    let r = app
        .call(
            Method::PUT,
            &format!("/v1/experts/{}/slices/{}/status", e.id, w.slice),
            Some(&who.token),
            Some(json!({"status": status, "reason": "set in the test"})),
        )
        .await;
    json!({"status": r.status.as_u16(), "body": r.json})
}

async fn transition(app: &TestApp, who: &Account, e: &Expert, to: &str) -> (u16, Value) {
    let r = app
        .post(
            &format!("/v1/experts/{}/vetting/transitions", e.id),
            &who.token,
            json!({"to": to, "reason": "next step"}),
        )
        .await;
    (r.status.as_u16(), r.json)
}

/// A pending credential with PDF evidence; returns its id.
async fn pending_credential(app: &TestApp, e: &Expert, field: &str) -> String {
    let c = app
        .post(
            "/v1/experts/me/credentials",
            &e.account.token,
            json!({"kind": "degree", "issuer": "Uni", "identifier": "D-1", "field": field, "issued_on": "2015-04-01"}),
        )
        .await;
    c.assert_status(201);
    let id = c.json["id"].as_str().unwrap().to_owned();
    crate::credentials::upload(
        app,
        &e.account.token,
        &id,
        "degree.pdf",
        "application/pdf",
        crate::credentials::PDF,
    )
    .await
    .assert_status(201);
    id
}

fn detail(v: &Value) -> String {
    v["detail"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_self_registered_vendor_cannot_mint_a_qualified_expert_nor_route_lab_work_to_one() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        // Anyone registers a vendor and is its admin at once; it may invite a roster.
        let v = app.pending_vendor("Mint Co").await;
        let x = applicant(&app, &w, Some(&v), json!({})).await;

        // It cannot vet X…
        let (status, body) = transition(&app, &v, &x, "screening").await;
        assert_eq!(status, 403, "{body}");
        assert!(detail(&body).contains("pending approval"), "{body}");
        // …nor verify X's credential against evidence X uploaded…
        let cred = pending_credential(&app, &x, "general").await;
        let r = app
            .post(
                &format!("/v1/credentials/{cred}/review"),
                &v.token,
                json!({"decision": "verify", "reason": "looks fine"}),
            )
            .await;
        r.assert_status(403);
        assert!(detail(&r.json).contains("pending approval"), "{}", r.text);
        // …nor set X qualified (or even on probation) in the platform's shared slice.
        for status in ["qualified", "probation"] {
            let r = put_status(&app, &v, &x, &w, status).await;
            assert_eq!(r["status"], 403, "{r}");
        }
        // Nor set a tier or run calibration.
        let r = app
            .call(
                Method::PUT,
                &format!("/v1/experts/{}/slices/{}/tier", x.id, w.slice),
                Some(&v.token),
                Some(json!({"tier": "senior", "reason": "x"})),
            )
            .await;
        r.assert_status(403);
        let r = app
            .post(
                "/v1/calibration-sessions",
                &v.token,
                json!({"org_id": v.org(), "slice_id": w.slice, "title": "t", "gold_item_ids": [],
                    "participant_ids": [x.id], "closes_at": (app.clock_now() + chrono::Duration::days(2)).to_rfc3339()}),
            )
            .await;
        assert!(
            r.status.as_u16() == 403 || r.status.as_u16() == 422,
            "{}",
            r.text
        );
        if r.status.as_u16() == 403 {
            assert!(detail(&r.json).contains("pending approval"), "{}", r.text);
        }

        // Even when the platform vets and qualifies X, a lab's item is not offered to an
        // expert whose only route to work is the unapproved vendor.
        app.post(
            &format!("/v1/credentials/{cred}/review"),
            &w.admin.token,
            json!({"decision": "verify", "reason": "checked"}),
        )
        .await
        .assert_status(200);
        for to in ["screening", "credential_review", "assessment", "approved"] {
            let (status, body) = transition(&app, &w.admin, &x, to).await;
            assert_eq!(status, 200, "{to}: {body}");
        }
        let r = put_status(&app, &w.admin, &x, &w, "qualified").await;
        assert_eq!(r["status"], 200, "{r}");
        let items = push(&app, &w, vec![crate::routing::item(1)]).await;
        app.drain_jobs().await;
        assert!(work(&app, &x, "offered").await.is_empty());
        assert!(work(&app, &x, "accepted").await.is_empty());
        let next = app
            .post("/v1/assignments/next", &x.account.token, json!({}))
            .await;
        next.assert_status(204);

        // Once the platform approves the vendor, X may take the lab's item.
        app.post(
            &format!("/v1/vendors/{}/approve", v.org()),
            &w.admin.token,
            json!({}),
        )
        .await
        .assert_status(200);
        let next = app
            .post("/v1/assignments/next", &x.account.token, json!({}))
            .await;
        next.assert_status(200);
        assert_eq!(next.json["project"]["id"], w.project.as_str(), "{}", next.text);
        assert_eq!(next.json["payload"]["n"], 1, "{}", next.text);
        assert_eq!(items.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn platform_admins_approve_or_reject_vendors_with_audit_and_e_mail() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let lab = app.lab("Helix").await;
        let v = app.pending_vendor("Queue One").await;
        let r = app.get(&format!("/v1/orgs/{}", v.org()), &v.token).await;
        r.assert_status(200);
        assert_eq!(r.json["approval"], "pending");
        assert_eq!(r.json["trusted_reviewer"], false);

        // Only platform admins list pending vendors or decide.
        for who in [&v, &lab] {
            app.get("/v1/vendors", &who.token)
                .await
                .assert_problem(403, None);
            app.post(
                &format!("/v1/vendors/{}/approve", v.org()),
                &who.token,
                json!({}),
            )
            .await
            .assert_problem(403, None);
        }
        let pending = app.get("/v1/vendors?approval=pending", &admin.token).await;
        pending.assert_status(200);
        let ids: Vec<&str> = pending.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, vec![v.org()]);
        // A lab is never a vendor to approve.
        app.post(
            &format!("/v1/vendors/{}/approve", lab.org()),
            &admin.token,
            json!({}),
        )
        .await
        .assert_problem(404, None);

        let r = app
            .post(
                &format!("/v1/vendors/{}/approve", v.org()),
                &admin.token,
                json!({"reason": "references checked"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["approval"], "approved");
        app.post(
            &format!("/v1/vendors/{}/approve", v.org()),
            &admin.token,
            json!({}),
        )
        .await
        .assert_problem(409, None);
        app.drain_jobs().await;
        let mail = app.mail_to(&v.email).pop().expect("the approval e-mail");
        assert!(mail.subject().contains("approved"), "{}", mail.subject());
        let audit = app
            .get(
                &format!("/v1/audit-events?action=org.vendor_approved&org_id={}", v.org()),
                &admin.token,
            )
            .await;
        audit.assert_status(200);
        assert_eq!(audit.json["data"].as_array().unwrap().len(), 1, "{}", audit.text);
        assert!(
            app.get("/v1/vendors", &admin.token).await.json["data"]
                .as_array()
                .unwrap()
                .is_empty()
        );

        // Rejection needs a reason, is e-mailed with it, and is final.
        let bad = app.pending_vendor("Shady Co").await;
        app.post(
            &format!("/v1/vendors/{}/reject", bad.org()),
            &admin.token,
            json!({"reason": ""}),
        )
        .await
        .assert_problem(422, Some("reason"));
        let r = app
            .post(
                &format!("/v1/vendors/{}/reject", bad.org()),
                &admin.token,
                json!({"reason": "no verifiable business address"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["approval"], "rejected");
        assert_eq!(r.json["approval_reason"], "no verifiable business address");
        let again = app
            .post(
                &format!("/v1/vendors/{}/approve", bad.org()),
                &admin.token,
                json!({}),
            )
            .await;
        again.assert_problem(409, None);
        assert!(detail(&again.json).contains("stays refused"), "{}", again.text);
        app.drain_jobs().await;
        let mail = app.mail_to(&bad.email).pop().expect("the rejection e-mail");
        assert!(mail.subject().contains("rejected"), "{}", mail.subject());
        assert!(mail.body().contains("no verifiable business address"));
        let rejected = app.get("/v1/vendors?approval=rejected", &admin.token).await;
        assert_eq!(rejected.json["data"][0]["id"], bad.org());

        // A rejected vendor still prepares nothing that needs approval.
        let d = app
            .post("/v1/domains", &admin.token, json!({"slug": "code", "name": "Code"}))
            .await;
        let x = app.expert().await;
        let token = app.roster_invitation(&bad, &x.email).await;
        let e = app
            .post("/v1/experts/me", &x.token, json!({"display_name": "X", "domain_ids": [d.json["id"]],
                "languages": ["en"], "time_zone": "UTC", "country": "GB", "desired_rate_minor": 1000,
                "desired_currency": "USD", "roster_invitation": token}))
            .await;
        e.assert_status(201);
        let r = app
            .post(
                &format!("/v1/experts/{}/vetting/transitions", e.json["id"].as_str().unwrap()),
                &bad.token,
                json!({"to": "screening", "reason": "go"}),
            )
            .await;
        r.assert_problem(403, None);
        assert!(detail(&r.json).contains("rejected"), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn vendor_admins_only_protect_and_verify_credentials_only_as_trusted_reviewers() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let v = app.vendor("Meridian").await;
        let x = applicant(&app, &w, Some(&v), json!({})).await;
        for to in ["screening", "credential_review", "assessment"] {
            let (status, body) = transition(&app, &v, &x, to).await;
            assert_eq!(status, 200, "{to}: {body}");
        }

        // An approved but untrusted vendor may reject a credential, not verify one.
        let cred = pending_credential(&app, &x, "general").await;
        let r = app
            .post(
                &format!("/v1/credentials/{cred}/review"),
                &v.token,
                json!({"decision": "verify", "reason": "looks fine"}),
            )
            .await;
        r.assert_problem(403, None);
        assert!(detail(&r.json).contains("trusted reviewer"), "{}", r.text);
        // Marking a trusted reviewer is the platform's (audited) decision.
        app.call(
            Method::PUT,
            &format!("/v1/vendors/{}/trusted-reviewer", v.org()),
            Some(&v.token),
            Some(json!({"trusted": true, "reason": "self-service"})),
        )
        .await
        .assert_problem(403, None);
        let r = app
            .call(
                Method::PUT,
                &format!("/v1/vendors/{}/trusted-reviewer", v.org()),
                Some(&w.admin.token),
                Some(json!({"trusted": true, "reason": "audited their review process"})),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["trusted_reviewer"], true);
        let audit = app
            .get(
                &format!(
                    "/v1/audit-events?action=org.vendor_trusted_reviewer_changed&org_id={}",
                    v.org()
                ),
                &w.admin.token,
            )
            .await;
        assert_eq!(
            audit.json["data"].as_array().unwrap().len(),
            1,
            "{}",
            audit.text
        );
        // The vendor admin logs in again (memberships are read fresh per request anyway).
        app.post(
            &format!("/v1/credentials/{cred}/review"),
            &v.token,
            json!({"decision": "verify", "reason": "looks fine"}),
        )
        .await
        .assert_status(200);
        let (status, body) = transition(&app, &v, &x, "approved").await;
        assert_eq!(status, 200, "{body}");

        // Nobody grants by decree: a vendor admin cannot qualify, nor grant probation.
        let r = put_status(&app, &v, &x, &w, "qualified").await;
        assert_eq!(r["status"], 403, "{r}");
        assert!(detail(&r["body"]).contains("qualified"), "{r}");
        let r = put_status(&app, &v, &x, &w, "probation").await;
        assert_eq!(r["status"], 403, "{r}");
        assert!(detail(&r["body"]).contains("assessment"), "{r}");
        // A platform admin qualifies with a reason (audited).
        let r = put_status(&app, &w.admin, &x, &w, "qualified").await;
        assert_eq!(r["status"], 200, "{r}");
        let audit = app
            .get(
                &format!(
                    "/v1/audit-events?action=slice.status_changed&subject_id={}",
                    x.id
                ),
                &w.admin.token,
            )
            .await;
        assert!(
            audit.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["details"]["to"] == "qualified"),
            "{}",
            audit.text
        );

        // The vendor protects: qualified → probation, then suspends, and may lift its own
        // suspension back to probation (not to qualified).
        let r = put_status(&app, &v, &x, &w, "probation").await;
        assert_eq!(r["status"], 200, "{r}");
        let r = put_status(&app, &v, &x, &w, "suspended").await;
        assert_eq!(r["status"], 200, "{r}");
        let r = put_status(&app, &v, &x, &w, "qualified").await;
        assert_eq!(r["status"], 403, "{r}");
        let r = put_status(&app, &v, &x, &w, "probation").await;
        assert_eq!(r["status"], 200, "{r}");

        // A suspension the vendor did not impose (the platform's here; the measurements'
        // likewise carry no vendor marker) is never lifted by the vendor.
        let r = put_status(&app, &w.admin, &x, &w, "suspended").await;
        assert_eq!(r["status"], 200, "{r}");
        let r = put_status(&app, &v, &x, &w, "probation").await;
        assert_eq!(r["status"], 403, "{r}");
        assert!(
            detail(&r["body"]).contains("cannot lift a suspension"),
            "{r}"
        );
        let standing = app
            .get(&format!("/v1/experts/{}/slices", x.id), &w.admin.token)
            .await;
        assert_eq!(standing.json["data"][0]["status"], "suspended");
        // The platform lifts it.
        let r = put_status(&app, &w.admin, &x, &w, "probation").await;
        assert_eq!(r["status"], 200, "{r}");
    })
    .await;
}

#[tokio::test]
async fn vetting_approved_needs_a_verified_credential_meeting_an_applied_domain() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                requirements: json!([{"kind": "degree", "field": "informatics"}]),
                ..Opts::default()
            },
        )
        .await;
        let x = applicant(&app, &w, None, json!({})).await;
        for to in ["screening", "credential_review", "assessment"] {
            let (status, body) = transition(&app, &w.admin, &x, to).await;
            assert_eq!(status, 200, "{to}: {body}");
        }
        // No verified credential at all.
        let (status, body) = transition(&app, &w.admin, &x, "approved").await;
        assert_eq!(status, 409, "{body}");
        assert!(detail(&body).contains("verified credential"), "{body}");
        // A verified credential that meets none of the domain's requirements.
        app.verified_credential(&w.admin, &x.account, "degree", "history")
            .await;
        let (status, body) = transition(&app, &w.admin, &x, "approved").await;
        assert_eq!(status, 409, "{body}");
        assert!(detail(&body).contains("meets a requirement"), "{body}");
        // A pending (unverified) matching credential does not count either.
        pending_credential(&app, &x, "informatics").await;
        let (status, _) = transition(&app, &w.admin, &x, "approved").await;
        assert_eq!(status, 409);
        app.verified_credential(&w.admin, &x.account, "degree", "informatics")
            .await;
        let (status, body) = transition(&app, &w.admin, &x, "approved").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["vetting_status"], "approved");
    })
    .await;
}
