//! Credentials: evidence files sniffed by content, size-limited, stored with their
//! SHA-256 and served as attachments; review with e-mail; tenancy.

use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::{Account, PASSWORD, TestApp, engines, on_both};

pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";
const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.";

pub fn multipart(filename: &str, declared: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "cadre-test-boundary-7f3a";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: {declared}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A vendor and an expert on its roster who applied and added a licence. Returns
/// (vendor, expert, credential id).
pub async fn setup(app: &TestApp) -> (Account, Account, String) {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "medicine", "name": "Medicine"}),
        )
        .await;
    let vendor = app.vendor("Meridian").await;
    // These tests review as the vendor: the platform trusts its reviews.
    app.call(
        Method::PUT,
        &format!("/v1/vendors/{}/trusted-reviewer", vendor.org()),
        Some(&admin.token),
        Some(json!({"trusted": true, "reason": "trusted reviewer for the test"})),
    )
    .await
    .assert_status(200);
    let expert = app.expert().await;
    let invitation = app.roster_invitation(&vendor, &expert.email).await;
    app.post("/v1/experts/me", &expert.token, json!({
        "display_name": "Dr. Chen", "domain_ids": [d.json["id"]], "languages": ["de"], "time_zone": "Europe/Berlin",
        "country": "DE", "desired_rate_minor": 9000, "desired_currency": "EUR", "roster_invitation": invitation
    }))
    .await
    .assert_status(201);
    let c = app
        .post("/v1/experts/me/credentials", &expert.token, json!({"kind": "licence", "issuer": "Ärztekammer Berlin",
            "identifier": "BE-12345", "field": "medicine", "jurisdiction": "DE-BE", "issued_on": "2015-04-01", "expires_on": "2030-03-31"}))
        .await;
    c.assert_status(201);
    assert_eq!(c.json["status"], "pending");
    (vendor, expert, c.json["id"].as_str().unwrap().to_owned())
}

pub async fn upload(
    app: &TestApp,
    token: &str,
    credential: &str,
    filename: &str,
    declared: &str,
    bytes: &[u8],
) -> crate::helpers::Resp {
    let (ct, body) = multipart(filename, declared, bytes);
    app.raw(
        Method::POST,
        &format!("/v1/credentials/{credential}/evidence"),
        Some(token),
        Some(&ct),
        body,
    )
    .await
}

#[tokio::test]
async fn evidence_is_checked_by_content_stored_with_its_hash_and_served_as_an_attachment() {
    on_both(|app| async move {
        let (vendor, expert, credential) = setup(&app).await;
        let r = upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/octet-stream",
            PDF,
        )
        .await;
        r.assert_status(201);
        assert_eq!(r.json["content_type"], "application/pdf");
        assert_eq!(r.json["sha256"], hex::encode(Sha256::digest(PDF)));
        assert_eq!(r.json["size_bytes"], PDF.len());
        let file = r.json["id"].as_str().unwrap().to_owned();
        upload(
            &app,
            &expert.token,
            &credential,
            "scan.png",
            "image/jpeg",
            PNG,
        )
        .await
        .assert_status(201);

        // A renamed executable is refused whatever it claims to be; so is a non-multipart body.
        upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            EXE,
        )
        .await
        .assert_problem(422, Some("file"));
        app.raw(
            Method::POST,
            &format!("/v1/credentials/{credential}/evidence"),
            Some(&expert.token),
            Some("application/pdf"),
            PDF.to_vec(),
        )
        .await
        .assert_problem(415, None);

        let path = format!("/v1/credentials/{credential}/evidence/{file}");
        let d = app.get(&path, &expert.token).await;
        d.assert_status(200);
        assert_eq!(d.bytes, PDF);
        assert_eq!(
            d.header("content-disposition"),
            Some("attachment; filename=\"licence.pdf\"")
        );
        assert_eq!(d.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(d.header("content-type"), Some("application/pdf"));
        // The roster's reviewer reads it; nobody else does.
        app.get(&path, &vendor.token).await.assert_status(200);
        let other = app.expert().await;
        let rival = app.vendor("Rival").await;
        let lab = app.lab("Lab").await;
        for token in [&other.token, &rival.token, &lab.token] {
            app.get(&path, token).await.assert_problem(404, None);
            app.get(&format!("/v1/credentials/{credential}"), token)
                .await
                .assert_problem(404, None);
        }
        upload(
            &app,
            &other.token,
            &credential,
            "x.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_problem(404, None);
        let listed = app.get("/v1/experts/me/credentials", &expert.token).await;
        assert_eq!(
            listed.json["data"][0]["evidence"].as_array().unwrap().len(),
            2
        );
        assert_eq!(
            app.get("/v1/experts/me/credentials", &other.token)
                .await
                .status
                .as_u16(),
            404,
            "no application, no credentials"
        );
    })
    .await;
}

#[tokio::test]
async fn evidence_over_the_size_limit_is_refused() {
    for engine in engines() {
        let app = TestApp::spawn_with(engine, |s| s.experts.max_evidence_bytes = 1024).await;
        let (_, expert, credential) = setup(&app).await;
        let mut big = PDF.to_vec();
        big.resize(2048, b' ');
        upload(
            &app,
            &expert.token,
            &credential,
            "big.pdf",
            "application/pdf",
            &big,
        )
        .await
        .assert_problem(413, None);
        upload(
            &app,
            &expert.token,
            &credential,
            "ok.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_status(201);
    }
}

#[tokio::test]
async fn reviewers_verify_or_reject_with_a_reason_the_expert_receives() {
    on_both(|app| async move {
        let (vendor, expert, credential) = setup(&app).await;
        let review = format!("/v1/credentials/{credential}/review");
        let verify =
            json!({"decision": "verify", "reason": "Licence number confirmed with the register"});
        let r = app.post(&review, &vendor.token, verify.clone()).await;
        r.assert_problem(409, None);
        assert!(r.text.contains("evidence"), "{}", r.text);
        upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_status(201);
        app.post(&review, &expert.token, verify.clone())
            .await
            .assert_problem(403, None);
        let rival = app.vendor("Rival").await;
        app.post(&review, &rival.token, verify.clone())
            .await
            .assert_problem(404, None);

        let done = app.post(&review, &vendor.token, verify.clone()).await;
        done.assert_status(200);
        assert_eq!(done.json["status"], "verified");
        assert_eq!(
            done.json["review_reason"],
            "Licence number confirmed with the register"
        );
        app.post(
            &review,
            &vendor.token,
            json!({"decision": "reject", "reason": "changed my mind"}),
        )
        .await
        .assert_problem(409, None);
        upload(
            &app,
            &expert.token,
            &credential,
            "late.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_problem(409, None);

        app.drain_jobs().await;
        let mail = app
            .mail_to(&expert.email)
            .into_iter()
            .find(|m| m.subject() == "Your credential was verified")
            .expect("review e-mail");
        assert!(
            mail.body()
                .contains("Licence number confirmed with the register"),
            "{}",
            mail.body()
        );

        // A second credential is rejected by a platform admin, with its reason.
        let token = app.login(&expert.email, PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let second = app
            .post(
                "/v1/experts/me/credentials",
                &token,
                json!({"kind": "degree", "issuer": "Uni X", "field": "medicine"}),
            )
            .await;
        let id = second.json["id"].as_str().unwrap();
        let admin = app.platform_admin().await;
        let r = app
            .post(
                &format!("/v1/credentials/{id}/review"),
                &admin.token,
                json!({"decision": "reject", "reason": "Issuer not accredited"}),
            )
            .await;
        assert_eq!(r.json["status"], "rejected");
        app.drain_jobs().await;
        assert!(
            app.mail_to(&expert.email)
                .iter()
                .any(|m| m.subject() == "Your credential was rejected")
        );
        let audit = app
            .get(
                &format!("/v1/audit-events?action=credential.reviewed&subject_id={credential}"),
                &admin.token,
            )
            .await;
        assert_eq!(audit.json["data"][0]["details"]["decision"], "verified");
    })
    .await;
}

#[tokio::test]
async fn credential_fields_are_validated() {
    on_both(|app| async move {
        let (_, expert, _) = setup(&app).await;
        let base = json!({"kind": "licence", "issuer": "Board", "field": "medicine"});
        let with = |k: &str, v: Value| {
            let mut b = base.clone();
            b[k] = v;
            b
        };
        for (body, field) in [
            (with("kind", json!("diploma")), "kind"),
            (with("field", json!("Medicine & Surgery")), "field"),
            (with("issuer", json!("")), "issuer"),
            (with("issued_on", json!("yesterday")), "issued_on"),
            (json!({"kind": "licence", "issuer": "B", "field": "medicine", "issued_on": "2020-01-01", "expires_on": "2019-01-01"}), "expires_on"),
        ] {
            app.post("/v1/experts/me/credentials", &expert.token, body).await.assert_problem(422, Some(field));
        }
        app.post("/v1/experts/me/credentials", &expert.token, with("kind", json!("publication"))).await.assert_status(201);
    })
    .await;
}

#[tokio::test]
async fn deleting_an_expert_account_erases_personal_data_and_keeps_ids() {
    on_both(|app| async move {
        let (vendor, expert, credential) = setup(&app).await;
        let file = upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .json["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let me = app.get("/v1/experts/me", &expert.token).await;
        let expert_id = me.json["id"].as_str().unwrap().to_owned();
        // What arrived before (the roster invitation, the verification e-mail).
        let delivered = app.mail_to(&expert.email).len();
        app.post_anon("/v1/auth/password-reset", json!({"email": expert.email}))
            .await
            .assert_status(202);
        // A password-reset e-mail is still queued (nothing was drained since), and so is an
        // institutional check sent to another of the expert's addresses.
        let institutional = app.email("chen-work").replace("@example.com", "@aekb.de");
        let second = app
            .post(
                "/v1/experts/me/credentials",
                &expert.token,
                json!({"kind": "employment", "issuer": "AEKB",
                "issuer_domain": "aekb.de", "field": "medicine"}),
            )
            .await;
        app.post(
            &format!(
                "/v1/credentials/{}/email-verification",
                second.json["id"].as_str().unwrap()
            ),
            &expert.token,
            json!({"email": institutional}),
        )
        .await
        .assert_status(202);

        let delete = "/v1/experts/me/delete";
        app.post(
            delete,
            &expert.token,
            json!({"password": "not my password"}),
        )
        .await
        .assert_problem(403, None);
        app.post(delete, &expert.token, json!({"password": PASSWORD}))
            .await
            .assert_status(204);

        app.get("/v1/experts/me", &expert.token)
            .await
            .assert_problem(401, None);
        app.login(&expert.email, PASSWORD)
            .await
            .assert_problem(401, None);

        let admin = app.platform_admin().await;
        let profile = app
            .get(&format!("/v1/experts/{expert_id}"), &admin.token)
            .await;
        profile.assert_status(200);
        assert_eq!(profile.json["display_name"], "[deleted expert]");
        assert_eq!(
            profile.json["vetting_status"], "offboarded",
            "a deleted expert is never routed again"
        );
        assert_eq!(profile.json["affiliations"], json!([]));
        assert!(!profile.text.contains(&expert.email), "{}", profile.text);
        let cred = app
            .get(&format!("/v1/credentials/{credential}"), &admin.token)
            .await;
        assert_eq!(cred.json["issuer"], "[erased]");
        assert_eq!(cred.json["identifier"], Value::Null);
        assert_eq!(cred.json["evidence"], json!([]));
        assert_eq!(
            cred.json["kind"], "licence",
            "what history and scoring need stays"
        );
        app.get(
            &format!("/v1/credentials/{credential}/evidence/{file}"),
            &admin.token,
        )
        .await
        .assert_problem(404, None);
        // The roster still lists the id, anonymised.
        let roster = app.get("/v1/experts", &vendor.token).await;
        assert_eq!(roster.json["data"][0]["id"], expert_id);

        // The audit trail keeps ids and no personal data; queued mail is never sent.
        let audit = app.get("/v1/audit-events?limit=200", &admin.token).await;
        assert!(audit.text.contains(&expert_id));
        assert!(
            !audit.text.contains(&expert.email)
                && !audit.text.contains("Dr. Chen")
                && !audit.text.contains("BE-12345")
        );
        app.drain_jobs().await;
        assert_eq!(
            app.mail_to(&expert.email).len(),
            delivered,
            "no mail reaches a deleted account"
        );
        let jobs = app
            .state
            .db
            .read(|conn| {
                cadre::jobs::list_by_kind(conn, "send_email")
                    .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
            })
            .await
            .unwrap();
        assert!(
            jobs.iter()
                .all(|j| !j.payload.contains(&expert.email) && !j.payload.contains(&institutional)),
            "no stored copy of either address"
        );
        assert!(app.mail_to(&institutional).is_empty());
        let checks = app
            .state
            .db
            .read(|conn| {
                use diesel::prelude::*;
                cadre::db::schema::credential_email_checks::table
                    .select(cadre::db::schema::credential_email_checks::email)
                    .load::<String>(conn)
                    .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
            })
            .await
            .unwrap();
        assert_eq!(checks, ["[erased]"]);
        assert!(jobs.iter().any(|j| j.status == "dead"
            && j.last_error.as_deref() == Some("recipient deleted their account")));
    })
    .await;
}

/// A domain `medicine` requiring a medical licence, its child `medicine/radiology`, and an
/// expert on a vendor's roster. Returns (admin, vendor, expert, expert id).
async fn licensed_setup(app: &TestApp) -> (Account, Account, Account, String) {
    let admin = app.platform_admin().await;
    let d = app
        .post(
            "/v1/domains",
            &admin.token,
            json!({"slug": "medicine", "name": "Medicine", "requirements": [{"kind": "licence", "field": "medicine"}]}),
        )
        .await;
    d.assert_status(201);
    app.post(
        "/v1/domains",
        &admin.token,
        json!({"slug": "medicine/radiology", "name": "Radiology"}),
    )
    .await
    .assert_status(201);
    let vendor = app.vendor("Meridian").await;
    // These tests review as the vendor: the platform trusts its reviews.
    app.call(
        Method::PUT,
        &format!("/v1/vendors/{}/trusted-reviewer", vendor.org()),
        Some(&admin.token),
        Some(json!({"trusted": true, "reason": "trusted reviewer for the test"})),
    )
    .await
    .assert_status(200);
    let expert = app.expert().await;
    let invitation = app.roster_invitation(&vendor, &expert.email).await;
    let e = app.post("/v1/experts/me", &expert.token, json!({
        "display_name": "Dr. Chen", "domain_ids": [d.json["id"]], "languages": ["de"], "time_zone": "Europe/Berlin",
        "country": "DE", "desired_rate_minor": 9000, "desired_currency": "EUR", "roster_invitation": invitation
    }))
    .await;
    e.assert_status(201);
    let id = e.json["id"].as_str().unwrap().to_owned();
    (admin, vendor, expert, id)
}

async fn licence(app: &TestApp, expert: &Account, expires_on: &str) -> String {
    let c = app
        .post(
            "/v1/experts/me/credentials",
            &expert.token,
            json!({"kind": "licence", "issuer": "Ärztekammer Berlin", "issuer_domain": "aekb.de",
                "identifier": "BE-777", "field": "medicine", "jurisdiction": "DE-BE", "expires_on": expires_on}),
        )
        .await;
    c.assert_status(201);
    c.json["id"].as_str().unwrap().to_owned()
}

fn eligible(e: &Value, slug: &str) -> bool {
    e["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == slug)
        .unwrap_or_else(|| panic!("no domain {slug} in {e}"))["eligible"]
        .as_bool()
        .unwrap()
}

#[tokio::test]
async fn an_institutional_address_confirms_a_credential_end_to_end_over_smtp() {
    on_both(|app| async move {
        let (_, vendor, expert, _) = licensed_setup(&app).await;
        let credential = licence(&app, &expert, "2031-01-01").await;
        let start = format!("/v1/credentials/{credential}/email-verification");
        let confirm = format!("{start}/confirm");
        // Unique addresses: the test SMTP server is shared by every test.
        let at_issuer = app.email("chen").replace("@example.com", "@aekb.de");
        let at_sub = app.email("chen").replace("@example.com", "@Mail.AEKB.de");

        // The address must be at the issuer's domain (or below it).
        app.post(&start, &expert.token, json!({"email": "chen@gmail.com"}))
            .await
            .assert_problem(422, Some("email"));
        app.post(&start, &expert.token, json!({"email": "chen@evil-aekb.de"}))
            .await
            .assert_problem(422, Some("email"));
        app.post(&start, &expert.token, json!({"email": "not an address"}))
            .await
            .assert_problem(422, Some("email"));
        // Only the credential's expert asks; others do not even see it.
        let other = app.expert().await;
        app.post(&start, &other.token, json!({"email": "x@aekb.de"}))
            .await
            .assert_problem(404, None);
        // A public mailbox provider is not an issuer's domain.
        app.post(
            "/v1/experts/me/credentials",
            &expert.token,
            json!({"kind": "degree", "issuer": "LMU",
            "issuer_domain": "gmail.com", "field": "medicine"}),
        )
        .await
        .assert_problem(422, Some("issuer_domain"));
        // A credential without an issuer domain cannot be checked this way.
        let plain = app
            .post(
                "/v1/experts/me/credentials",
                &expert.token,
                json!({"kind": "degree", "issuer": "LMU", "field": "medicine"}),
            )
            .await;
        app.post(
            &format!(
                "/v1/credentials/{}/email-verification",
                plain.json["id"].as_str().unwrap()
            ),
            &expert.token,
            json!({"email": "chen@lmu.de"}),
        )
        .await
        .assert_problem(409, None);

        let first = app
            .post(&start, &expert.token, json!({"email": at_sub}))
            .await;
        first.assert_status(202);
        assert_eq!(first.json["status"], "sent");
        assert_eq!(first.json["domain"], "mail.aekb.de");
        assert!(
            !first.text.contains("chen-"),
            "the address is not echoed back"
        );
        app.drain_jobs().await;
        let old_token = app.the_mail_to(&at_sub).await.token();

        // Asking again supersedes the first link.
        app.post(&start, &expert.token, json!({"email": at_issuer}))
            .await
            .assert_status(202);
        app.drain_jobs().await;
        let mail = app.the_mail_to(&at_issuer).await;
        assert!(
            mail.subject().contains("Confirm this address"),
            "{}",
            mail.subject()
        );
        assert!(
            mail.body().contains(&format!(
                "https://cadre.test/credentials/{credential}/confirm-email?token="
            )),
            "{}",
            mail.body()
        );
        let token = mail.token();
        app.post_anon(&confirm, json!({"token": old_token}))
            .await
            .assert_problem(410, None);

        // Without confirmed evidence the reviewer cannot verify.
        let review = format!("/v1/credentials/{credential}/review");
        app.post(
            &review,
            &vendor.token,
            json!({"decision": "verify", "reason": "looks right"}),
        )
        .await
        .assert_problem(409, None);

        app.post_anon(&confirm, json!({"token": "not-the-token"}))
            .await
            .assert_problem(400, Some("token"));
        // The token belongs to this credential only.
        app.post_anon(
            &format!(
                "/v1/credentials/{}/email-verification/confirm",
                plain.json["id"].as_str().unwrap()
            ),
            json!({"token": token}),
        )
        .await
        .assert_problem(400, Some("token"));
        let ok = app.post_anon(&confirm, json!({"token": token})).await;
        ok.assert_status(200);
        assert_eq!(ok.json["status"], "confirmed");
        app.post_anon(&confirm, json!({"token": token}))
            .await
            .assert_problem(409, None);

        let c = app
            .get(&format!("/v1/credentials/{credential}"), &vendor.token)
            .await;
        let evidence = c.json["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 1);
        assert_eq!(evidence[0]["kind"], "email_domain_verified");
        assert_eq!(evidence[0]["email_domain"], "aekb.de");
        let statuses: Vec<&str> = c.json["email_checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["superseded", "confirmed"]);
        app.post(
            &review,
            &vendor.token,
            json!({"decision": "verify", "reason": "institutional address confirmed"}),
        )
        .await
        .assert_status(200);
        // Verified credentials take no more checks.
        app.post(&start, &expert.token, json!({"email": at_issuer}))
            .await
            .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn institutional_links_expire_and_are_throttled() {
    on_both(|app| async move {
        let (_, _, mut expert, _) = licensed_setup(&app).await;
        let credential = licence(&app, &expert, "2031-01-01").await;
        let start = format!("/v1/credentials/{credential}/email-verification");
        let address = app.email("chen").replace("@example.com", "@aekb.de");
        app.post(&start, &expert.token, json!({"email": address}))
            .await
            .assert_status(202);
        app.drain_jobs().await;
        let token = app.the_mail_to(&address).await.token();
        app.advance(chrono::Duration::hours(72));
        app.relogin(&mut expert).await;
        app.post_anon(&format!("{start}/confirm"), json!({"token": token}))
            .await
            .assert_problem(410, None);
        for _ in 0..4 {
            app.post(&start, &expert.token, json!({"email": address}))
                .await
                .assert_status(202);
        }
        // The first request is more than a day old: four more fit, the fifth does not.
        app.post(&start, &expert.token, json!({"email": address}))
            .await
            .assert_status(202);
        app.post(&start, &expert.token, json!({"email": address}))
            .await
            .assert_problem(429, None);
    })
    .await;
}

#[tokio::test]
async fn expiry_is_swept_by_the_job_with_a_reminder_and_ends_eligibility() {
    on_both(|app| async move {
        // The harness clock starts on 2026-03-02.
        let (_, mut vendor, mut expert, id) = licensed_setup(&app).await;
        let eligibility = format!("/v1/experts/{id}/eligibility");
        let e = app.get(&eligibility, &expert.token).await;
        e.assert_status(200);
        assert!(!eligible(&e.json, "medicine/radiology"), "no licence yet");

        let credential = licence(&app, &expert, "2026-04-15").await;
        upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_status(201);
        app.post(
            &format!("/v1/credentials/{credential}/review"),
            &vendor.token,
            json!({"decision": "verify", "reason": "matches the register"}),
        )
        .await
        .assert_status(200);
        let e = app.get(&eligibility, &vendor.token).await;
        assert!(eligible(&e.json, "medicine"));
        let radiology = e.json["domains"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["slug"] == "medicine/radiology")
            .unwrap()
            .clone();
        assert_eq!(radiology["requirements"][0]["declared_by"], "medicine");
        assert_eq!(radiology["requirements"][0]["met_by"], credential.as_str());

        // 44 days before expiry: no reminder yet.
        app.drain_jobs().await;
        let reminders = |app: &TestApp| {
            app.mail_to(&expert.email)
                .into_iter()
                .filter(|m| m.subject().contains("expires on 2026-04-15"))
                .count()
        };
        assert_eq!(reminders(&app), 0);
        // 29 days before: the next sweep reminds once, and only once.
        app.advance(chrono::Duration::days(15));
        app.drain_jobs().await;
        assert_eq!(reminders(&app), 1);
        app.advance(chrono::Duration::hours(2));
        app.drain_jobs().await;
        assert_eq!(reminders(&app), 1);

        // On the expiry date the credential no longer counts, even before the sweep runs…
        app.advance(chrono::Duration::days(29));
        assert_eq!(app.clock_now().date_naive().to_string(), "2026-04-15");
        app.relogin(&mut expert).await;
        app.relogin(&mut vendor).await;
        let e = app.get(&eligibility, &expert.token).await;
        assert!(!eligible(&e.json, "medicine/radiology"));
        assert!(
            e.json["domains"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["slug"] != "medicine" || d["requirements"][0]["met_by"].is_null())
        );
        // …and the sweep marks it expired and tells the expert.
        app.drain_jobs().await;
        let c = app
            .get(&format!("/v1/credentials/{credential}"), &expert.token)
            .await;
        assert_eq!(c.json["status"], "expired");
        let expired: Vec<_> = app
            .mail_to(&expert.email)
            .into_iter()
            .filter(|m| m.subject() == "Your credential has expired")
            .collect();
        assert_eq!(expired.len(), 1);
        assert!(expired[0].body().contains("expired on 2026-04-15"));
        // An expired credential cannot be verified or revoked.
        app.post(
            &format!("/v1/credentials/{credential}/revoke"),
            &vendor.token,
            json!({"reason": "x"}),
        )
        .await
        .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn revoking_a_credential_ends_eligibility_at_once() {
    on_both(|app| async move {
        let (admin, vendor, expert, id) = licensed_setup(&app).await;
        let credential = licence(&app, &expert, "2035-01-01").await;
        upload(
            &app,
            &expert.token,
            &credential,
            "licence.pdf",
            "application/pdf",
            PDF,
        )
        .await
        .assert_status(201);
        let revoke = format!("/v1/credentials/{credential}/revoke");
        // Only verified credentials can be revoked; experts and rival vendors cannot revoke.
        app.post(&revoke, &vendor.token, json!({"reason": "x"}))
            .await
            .assert_problem(409, None);
        app.post(
            &format!("/v1/credentials/{credential}/review"),
            &vendor.token,
            json!({"decision": "verify", "reason": "ok"}),
        )
        .await
        .assert_status(200);
        let eligibility = format!("/v1/experts/{id}/eligibility");
        assert!(eligible(
            &app.get(&eligibility, &expert.token).await.json,
            "medicine"
        ));
        app.post(&revoke, &expert.token, json!({"reason": "mine"}))
            .await
            .assert_problem(403, None);
        let rival = app.vendor("Rival").await;
        app.post(&revoke, &rival.token, json!({"reason": "x"}))
            .await
            .assert_problem(404, None);
        app.get(&eligibility, &rival.token)
            .await
            .assert_problem(404, None);
        app.post(&revoke, &admin.token, json!({"reason": ""}))
            .await
            .assert_problem(422, Some("reason"));
        let r = app
            .post(
                &revoke,
                &admin.token,
                json!({"reason": "Licence withdrawn by the chamber"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["status"], "revoked");
        assert!(!eligible(
            &app.get(&eligibility, &expert.token).await.json,
            "medicine"
        ));
        app.post(&revoke, &admin.token, json!({"reason": "again"}))
            .await
            .assert_problem(409, None);
        app.drain_jobs().await;
        let mail = app
            .mail_to(&expert.email)
            .into_iter()
            .find(|m| m.subject() == "Your credential was revoked")
            .expect("the expert is told");
        assert!(mail.body().contains("Licence withdrawn by the chamber"));
    })
    .await;
}

#[tokio::test]
async fn assessments_in_a_domain_need_its_credentials() {
    on_both(|app| async move {
        let (admin, vendor, expert, id) = licensed_setup(&app).await;
        let rad = app.get("/v1/domains?limit=100", &admin.token).await.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["slug"] == "medicine/radiology")
            .unwrap()["id"]
            .clone();
        let slice = app
            .post("/v1/slices", &admin.token, json!({"key": "medicine/radiology:de", "domain_id": rad, "name": "Radiology (German)",
                "label_schema": {"kind": "ordinal", "min": 1, "max": 5}, "measurement_level": "interval"}))
            .await;
        slice.assert_status(201);
        for to in ["screening", "credential_review", "assessment"] {
            app.post(&format!("/v1/experts/{id}/vetting/transitions"), &vendor.token, json!({"to": to, "reason": "next"}))
                .await
                .assert_status(200);
        }
        let start = format!("/v1/slices/{}/assessments", slice.json["id"].as_str().unwrap());
        let refused = app.post(&start, &expert.token, json!({})).await;
        refused.assert_problem(409, None);
        assert!(refused.json["detail"].as_str().unwrap().contains("requires credentials"), "{}", refused.text);
        // With a verified licence the next obstacle is the (empty) pool, not eligibility.
        let credential = licence(&app, &expert, "2035-01-01").await;
        upload(&app, &expert.token, &credential, "licence.pdf", "application/pdf", PDF)
            .await
            .assert_status(201);
        app.post(&format!("/v1/credentials/{credential}/review"), &vendor.token, json!({"decision": "verify", "reason": "ok"}))
            .await
            .assert_status(200);
        let refused = app.post(&start, &expert.token, json!({})).await;
        refused.assert_problem(409, None);
        assert!(refused.json["detail"].as_str().unwrap().contains("assessment pool"), "{}", refused.text);
    })
    .await;
}
