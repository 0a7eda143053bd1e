//! Marketplace integrity (issue 21): each attack that once worked against a running server,
//! replayed against this one and refused.

use cadre::auth::admin::{Existing, create_platform_admin};
use serde_json::json;

use crate::helpers::{METRICS_TOKEN, PASSWORD, on_both, on_both_with};

const OPERATOR_PASSWORD: &str = "the operator's own long passphrase";

/// Attack 1: someone registers `ops@<company>` before the operator bootstraps the instance.
/// The CLI must neither hand the squatter the platform nor keep the squatter's password.
#[tokio::test]
async fn a_squatted_admin_address_is_never_promoted_behind_the_operators_back() {
    on_both(|app| async move {
        let email = app.email("ops");
        app.register("expert", &email, None)
            .await
            .assert_status(201);
        let squatter = app.login(&email, PASSWORD).await;
        squatter.assert_status(200);
        let squatter_token = squatter.json["access_token"].as_str().unwrap().to_owned();

        // Without the explicit flag: refused, nothing changed.
        let refused = create_platform_admin(
            &app.state.db,
            app.clock_now(),
            &email,
            "Ops",
            OPERATOR_PASSWORD,
            Existing::Refuse,
        )
        .await
        .expect_err("an existing account is not promoted without --promote-existing");
        assert!(
            format!("{refused:#}").contains("--promote-existing"),
            "{refused:#}"
        );
        let me = app.get("/v1/me", &squatter_token).await;
        me.assert_status(200);
        assert_eq!(me.json["user"]["is_platform_admin"], false);
        app.login(&email, OPERATOR_PASSWORD)
            .await
            .assert_status(401);

        // With the flag, an unverified address is still refused.
        let unverified = create_platform_admin(
            &app.state.db,
            app.clock_now(),
            &email,
            "Ops",
            OPERATOR_PASSWORD,
            Existing::Promote,
        )
        .await
        .expect_err("an unverified account is never promoted");
        assert!(
            format!("{unverified:#}").contains("verified"),
            "{unverified:#}"
        );
        let me = app.get("/v1/me", &squatter_token).await;
        assert_eq!(me.json["user"]["is_platform_admin"], false);

        // The operator owns the mailbox: the address gets verified, then the operator
        // promotes it. The operator's password is the one that works now, and every
        // session the account held before is signed out.
        let token = app.the_mail_to(&email).await.token();
        app.post_anon("/v1/auth/verify-email", json!({"token": token}))
            .await
            .assert_status(200);
        let out = create_platform_admin(
            &app.state.db,
            app.clock_now(),
            &email,
            "Ops",
            OPERATOR_PASSWORD,
            Existing::Promote,
        )
        .await
        .expect("a verified account is promoted with the flag");
        assert!(out.contains("promoted"), "{out}");
        assert!(out.contains("1 session(s) signed out"), "{out}");
        app.get("/v1/me", &squatter_token).await.assert_status(401);
        app.login(&email, PASSWORD).await.assert_status(401);
        let operator = app.login(&email, OPERATOR_PASSWORD).await;
        operator.assert_status(200);
        let me = app
            .get("/v1/me", operator.json["access_token"].as_str().unwrap())
            .await;
        assert_eq!(me.json["user"]["is_platform_admin"], true);
    })
    .await;
}

/// A fresh address is created verified, with the password given.
#[tokio::test]
async fn the_bootstrap_creates_a_verified_admin_with_the_password_given() {
    on_both(|app| async move {
        let email = app.email("root-fresh");
        let out = create_platform_admin(
            &app.state.db,
            app.clock_now(),
            &email,
            "Root",
            OPERATOR_PASSWORD,
            Existing::Refuse,
        )
        .await
        .expect("created");
        assert!(
            out.starts_with("created platform administrator usr_"),
            "{out}"
        );
        let login = app.login(&email, OPERATOR_PASSWORD).await;
        login.assert_status(200);
        let me = app
            .get("/v1/me", login.json["access_token"].as_str().unwrap())
            .await;
        assert_eq!(me.json["user"]["is_platform_admin"], true);
        assert_eq!(me.json["user"]["email_verified"], true);
        // Running it again for the same address is refused without the flag.
        create_platform_admin(
            &app.state.db,
            app.clock_now(),
            &email,
            "Root",
            OPERATOR_PASSWORD,
            Existing::Refuse,
        )
        .await
        .expect_err("refused");
    })
    .await;
}

/// Attack 6: an expert accepts two items and heartbeats both over the same 24 seconds.
/// Those seconds are paid once (to the entry submitted first), on the time entries, the
/// timesheet and so the invoice and the ledger that are built from it.
#[tokio::test]
async fn concurrent_work_on_two_assignments_is_paid_once() {
    use crate::routing::{Opts, item, prefer, push, qualified, work, world};
    use chrono::Duration;
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let acme = app.vendor("Acme").await;
        let mut e = qualified(&app, &w, Some(&acme), json!({})).await;
        push(&app, &w, vec![item(1), item(2)]).await;
        let offered = work(&app, &e, "offered").await;
        assert_eq!(offered.len(), 2, "both items are offered to the one expert");
        let ids: Vec<String> = offered
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect();
        for a in &ids {
            app.post(
                &format!("/v1/assignments/{a}/accept"),
                &e.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
        }
        for _ in 0..2 {
            app.advance(Duration::seconds(12));
            for a in &ids {
                let beat = app
                    .post(
                        &format!("/v1/assignments/{a}/heartbeat"),
                        &e.account.token,
                        json!({}),
                    )
                    .await;
                beat.assert_status(200);
            }
        }
        app.relogin(&mut e.account).await;
        for a in &ids {
            app.post(
                &format!("/v1/assignments/{a}/submit"),
                &e.account.token,
                json!({ "label": prefer("a", 2) }),
            )
            .await
            .assert_status(200);
        }
        let mine = app.get("/v1/time-entries", &e.account.token).await;
        mine.assert_status(200);
        let entries = mine.json["data"].as_array().unwrap();
        assert_eq!(entries.len(), 2, "{}", mine.json);
        let paid: i64 = entries.iter().map(|t| t["seconds"].as_i64().unwrap()).sum();
        assert_eq!(
            paid, 24,
            "24 s of work are paid once, not twice: {}",
            mine.json
        );
        let measured: i64 = entries
            .iter()
            .map(|t| t["measured_seconds"].as_i64().unwrap())
            .sum();
        assert_eq!(measured, 48, "each assignment still shows its own sessions");
        let concurrent: i64 = entries
            .iter()
            .map(|t| t["concurrent_seconds"].as_i64().unwrap())
            .sum();
        assert_eq!(concurrent, 24);
        let first = entries
            .iter()
            .find(|t| t["source_id"] == json!(ids[0]))
            .unwrap();
        assert_eq!(
            first["seconds"], 24,
            "the entry submitted first pays: {first}"
        );
        assert_eq!(first["paid_sessions"].as_array().unwrap().len(), 1);

        // The week's timesheet carries the paid seconds, not the measured ones.
        let sheets = app.get("/v1/timesheets", &e.account.token).await;
        sheets.assert_status(200);
        let total: i64 = sheets.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["seconds"].as_i64().unwrap())
            .sum();
        assert_eq!(total, 24, "{}", sheets.json);
    })
    .await;
}

/// Attack 5: one client registering accounts and re-sending verification e-mails without
/// end; a stranger locking the owner out with failed logins.
#[tokio::test]
async fn registration_and_verification_resends_are_limited() {
    on_both(|app| async move {
        let max = cadre::config::Settings::default()
            .auth
            .registrations_per_ip_per_hour;
        for i in 0..max {
            app.register("expert", &app.email(&format!("flood{i}")), None)
                .await
                .assert_status(201);
        }
        let refused = app.register("expert", &app.email("flood-last"), None).await;
        refused.assert_problem(429, None);
        let wait: i64 = refused.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=3600).contains(&wait), "{wait}");
        // The window slides: an hour later the client may register again.
        app.advance(chrono::Duration::seconds(3601));
        app.register("expert", &app.email("flood-later"), None)
            .await
            .assert_status(201);

        // Resends: three per hour per account, then 429; the victim gets no more mail.
        let victim = app.email("victim");
        app.register("expert", &victim, None)
            .await
            .assert_status(201);
        let login = app.login(&victim, PASSWORD).await;
        let token = login.json["access_token"].as_str().unwrap().to_owned();
        app.drain_mail_jobs().await;
        let before = app.mail_to(&victim).len();
        assert_eq!(before, 1, "the registration's verification e-mail");
        for _ in 0..3 {
            app.post("/v1/auth/verify-email/resend", &token, json!({}))
                .await
                .assert_status(202);
        }
        let mut refused = 0;
        for _ in 0..47 {
            let r = app
                .post("/v1/auth/verify-email/resend", &token, json!({}))
                .await;
            if r.status == 429 {
                assert!(r.header("retry-after").is_some());
                refused += 1;
            }
        }
        assert_eq!(refused, 47);
        app.drain_mail_jobs().await;
        assert_eq!(
            app.mail_to(&victim).len(),
            before + 3,
            "three more e-mails reach the victim, no more"
        );
    })
    .await;
}

#[tokio::test]
async fn failed_logins_from_a_stranger_never_lock_the_owner_out() {
    crate::helpers::on_both_with(
        |s| s.http.trust_forwarded_for = true,
        |app| async move {
            let owner = app.expert().await;
            let login_from = |ip: &'static str, password: &'static str| {
                let body = serde_json::to_vec(&json!({"email": owner.email, "password": password}))
                    .unwrap();
                let app = &app;
                async move {
                    app.post_with_headers(
                        "/v1/auth/login",
                        &[
                            ("content-type", "application/json"),
                            ("x-forwarded-for", ip),
                        ],
                        body,
                    )
                    .await
                }
            };
            let max = cadre::config::Settings::default()
                .auth
                .login_max_failures_per_account;
            for _ in 0..max {
                login_from("203.0.113.7", "wrong password guess")
                    .await
                    .assert_status(401);
            }
            // The stranger is throttled …
            login_from("203.0.113.7", "wrong password guess")
                .await
                .assert_problem(429, None);
            // … while the owner, elsewhere, signs in.
            login_from("198.51.100.20", PASSWORD)
                .await
                .assert_status(200);
        },
    )
    .await;
}

/// Review: `/metrics` answered anyone. It is served only with `http.metrics_token`
/// configured, to a scraper presenting that token; a user's own access token is no key.
#[tokio::test]
async fn metrics_need_the_configured_token() {
    on_both(|app| async move {
        let lab = app.lab("Metrics Lab").await;
        app.get_anon("/metrics").await.assert_problem(401, None);
        app.get("/metrics", "not-the-metrics-token")
            .await
            .assert_problem(401, None);
        app.get("/metrics", &lab.token)
            .await
            .assert_problem(401, None);
        let m = app.get("/metrics", METRICS_TOKEN).await;
        m.assert_status(200);
        assert!(m.text.contains("cadre_http_requests_total"), "{}", m.text);
    })
    .await;
    on_both_with(
        |s| s.http.metrics_token = None,
        |app| async move {
            app.get_anon("/metrics").await.assert_problem(404, None);
            app.get("/metrics", METRICS_TOKEN)
                .await
                .assert_problem(404, None);
        },
    )
    .await;
}

/// Review: Stripe's raw error text reached experts. An expert whose payout account cannot
/// be created is told the provider is unavailable; the provider's words stay in the log.
#[tokio::test]
async fn stripe_error_text_never_reaches_an_expert() {
    on_both_with(
        |s| {
            s.payments.stripe.secret_key = Some("sk_test_cadre_unreachable".to_owned().into());
            // Nothing listens here: the call fails with the HTTP client's own error text.
            s.payments.stripe.api_base = "http://127.0.0.1:9".into();
            s.payments.stripe.webhook_secrets = vec!["whsec_cadre_unreachable".to_owned().into()];
        },
        |app| async move {
            let admin = app.platform_admin().await;
            let domain = app
                .post(
                    "/v1/domains",
                    &admin.token,
                    json!({"slug": "medicine", "name": "Medicine"}),
                )
                .await;
            domain.assert_status(201);
            let expert = app.expert().await;
            app.post(
                "/v1/experts/me",
                &expert.token,
                json!({
                    "display_name": "Dr. Wei Chen", "headline": "Radiologist", "bio": "Chest CT.",
                    "domain_ids": [domain.json["id"]], "languages": ["en"],
                    "time_zone": "Europe/Berlin", "country": "DE", "affiliations": [],
                    "desired_rate_minor": 9000, "desired_currency": "EUR"
                }),
            )
            .await
            .assert_status(201);
            let r = app
                .post("/v1/experts/me/payout-account", &expert.token, json!({}))
                .await;
            r.assert_problem(503, None);
            assert_eq!(
                r.json["detail"],
                "the payments provider is unavailable; try again later"
            );
            assert!(!r.text.contains("127.0.0.1"), "{}", r.text);
            assert!(!r.text.contains("Stripe"), "{}", r.text);
        },
    )
    .await;
}

/// Review: a vendor admin saw a roster expert's appeal in `GET /v1/appeals` but got 404 on
/// `GET /v1/appeals/{id}`. The single read follows the list's rule.
#[tokio::test]
async fn a_vendor_admin_reads_each_appeal_the_list_shows() {
    use crate::routing::{Opts, applicant, item, push, set_standing, vet_to, world};
    use crate::scoring::{answer_gold, upload_gold};
    on_both_with(
        |s| {
            s.routing.seed = Some(62);
            s.routing.max_open_assignments = 10_000;
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
            upload_gold(&app, &w, 20).await;
            let vendor = app.vendor("Roster Co").await;
            let e = applicant(&app, &w, Some(&vendor), json!({})).await;
            vet_to(&app, &w, &e, "approved").await;
            set_standing(&app, &w, &e, "probation").await;
            push(&app, &w, (0..20).map(item).collect()).await;
            assert!(answer_gold(&app, &e, false).await);
            let s = app
                .get(&format!("/v1/experts/{}/scores", e.id), &e.account.token)
                .await;
            let wrong = s.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|x| {
                    x["failed_gold_checks"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                })
                .next()
                .expect("a failed gold check")["assignment_id"]
                .as_str()
                .unwrap()
                .to_owned();
            let a = app
                .post(
                    "/v1/appeals",
                    &e.account.token,
                    json!({"assignment_id": wrong, "explanation": "B is right"}),
                )
                .await;
            a.assert_status(201);
            let id = a.json["id"].as_str().unwrap().to_owned();
            let list = app.get("/v1/appeals", &vendor.token).await;
            list.assert_status(200);
            let listed: Vec<&str> = list.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|x| x["id"].as_str())
                .collect();
            assert_eq!(listed, vec![id.as_str()], "{}", list.json);
            let one = app.get(&format!("/v1/appeals/{id}"), &vendor.token).await;
            one.assert_status(200);
            assert_eq!(one.json["id"], json!(id));
            // A stranger still gets 404.
            let other = app.vendor("Other Co").await;
            app.get(&format!("/v1/appeals/{id}"), &other.token)
                .await
                .assert_problem(404, None);
        },
    )
    .await;
}

/// Review: an expert made a lab admin could mint a `gold:read` key. Refused, naming the rule;
/// other scopes still work.
#[tokio::test]
async fn an_expert_who_is_a_lab_admin_cannot_mint_a_gold_read_key() {
    on_both(|app| async move {
        let lab = app.lab("Gold Lab").await;
        let mut x = app.expert().await;
        let token = app.invite(&lab, &x.email, "lab_admin").await;
        app.post("/v1/invitations/accept", &x.token, json!({"token": token}))
            .await
            .assert_status(200);
        app.relogin(&mut x).await;
        let path = format!("/v1/orgs/{}/api-keys", lab.org());
        let r = app
            .post(
                &path,
                &x.token,
                json!({"name": "mine", "scopes": ["gold:read"]}),
            )
            .await;
        r.assert_problem(403, None);
        assert!(r.text.contains("gold:read"), "{}", r.text);
        app.post(
            &path,
            &x.token,
            json!({"name": "ok", "scopes": ["org:read"]}),
        )
        .await
        .assert_status(201);
        app.post(
            &path,
            &lab.token,
            json!({"name": "lab", "scopes": ["gold:read"]}),
        )
        .await
        .assert_status(201);
    })
    .await;
}

/// Review finding: API keys outlived the admin who created them. A key never keeps more
/// authority than its creator: demoting or removing an admin revokes the keys they created
/// (audited, visible in the key list), and nobody else's keys.
#[tokio::test]
async fn an_admins_api_keys_end_when_the_admin_is_demoted_or_removed() {
    on_both(|app| async move {
        let lab = app.lab("Key Labs").await;
        let org = lab.org().to_owned();
        let admin_of = |who: &'static str| {
            let app = &app;
            let lab = &lab;
            async move {
                let email = app.email(who);
                let token = app.invite(lab, &email, "lab_admin").await;
                let joined = app
                    .post_anon(
                        "/v1/invitations/accept",
                        json!({"token": token, "display_name": who, "password": PASSWORD}),
                    )
                    .await;
                joined.assert_status(200);
                let id = joined.json["user"]["id"].as_str().unwrap().to_owned();
                let login = app.login(&email, PASSWORD).await;
                (id, login.json["access_token"].as_str().unwrap().to_owned())
            }
        };
        let (demoted, demoted_token) = admin_of("demoted").await;
        let (removed, removed_token) = admin_of("removed").await;
        let keys = format!("/v1/orgs/{org}/api-keys");
        let key = |token: String, name: &'static str| {
            let app = &app;
            let keys = keys.clone();
            async move {
                let r = app
                    .post(&keys, &token, json!({"name": name, "scopes": ["org:read"]}))
                    .await;
                r.assert_status(201);
                (
                    r.json["id"].as_str().unwrap().to_owned(),
                    r.json["secret"].as_str().unwrap().to_owned(),
                )
            }
        };
        let (demoted_key, demoted_secret) = key(demoted_token, "pipeline-d").await;
        let (removed_key, removed_secret) = key(removed_token, "pipeline-r").await;
        let (_, founder_secret) = key(lab.token.clone(), "pipeline-f").await;
        let org_path = format!("/v1/orgs/{org}");
        for s in [&demoted_secret, &removed_secret, &founder_secret] {
            app.get(&org_path, s).await.assert_status(200);
        }

        app.call(
            reqwest::Method::PATCH,
            &format!("/v1/orgs/{org}/members/{demoted}"),
            Some(&lab.token),
            Some(json!({"role": "lab_member"})),
        )
        .await
        .assert_status(200);
        app.get(&org_path, &demoted_secret).await.assert_status(401);
        app.get(&org_path, &removed_secret).await.assert_status(200);

        app.call(
            reqwest::Method::DELETE,
            &format!("/v1/orgs/{org}/members/{removed}"),
            Some(&lab.token),
            None,
        )
        .await
        .assert_status(204);
        app.get(&org_path, &removed_secret).await.assert_status(401);
        // The founder's own key is untouched.
        app.get(&org_path, &founder_secret).await.assert_status(200);

        let list = app.get(&keys, &lab.token).await;
        list.assert_status(200);
        let revoked: Vec<&str> = list.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|k| !k["revoked_at"].is_null())
            .map(|k| k["id"].as_str().unwrap())
            .collect();
        let mut expected = vec![demoted_key.as_str(), removed_key.as_str()];
        expected.sort();
        let mut revoked = revoked;
        revoked.sort();
        assert_eq!(revoked, expected, "{}", list.json);
        let root = app.platform_admin().await;
        let audit = app
            .get(
                &format!("/v1/audit-events?org_id={org}&action=api_key.revoked"),
                &root.token,
            )
            .await;
        audit.assert_status(200);
        let reasons: Vec<&str> = audit.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["details"]["reason"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(reasons.len(), 2, "{}", audit.json);
        assert!(
            reasons.contains(&"its creator left the organization"),
            "{reasons:?}"
        );
        assert!(
            reasons.contains(&"its creator is no longer an administrator"),
            "{reasons:?}"
        );
    })
    .await;
}

/// Attack 5 (limits), storage: an expert's credentials and evidence bytes have quotas, a
/// multipart body has a bounded number of parts, and an upload the sender may not make is
/// refused before its body is read (a stranger, or an expert whose quota is used up, cannot
/// make the server receive megabytes).
#[tokio::test]
async fn credentials_and_evidence_have_quotas_and_uploads_are_checked_before_the_body() {
    use crate::credentials::{PDF, multipart, setup, upload};
    for engine in crate::helpers::engines() {
        let app = crate::helpers::TestApp::spawn_with(engine, |s| {
            s.experts.max_credentials_per_expert = 2;
            s.experts.max_evidence_bytes_per_expert = 2 * PDF.len() as i64 + 10;
        })
        .await;
        let (_, expert, credential) = setup(&app).await;
        // One credential exists; the second is accepted, the third is over the quota.
        let licence = json!({"kind": "licence", "issuer": "Ärztekammer Berlin", "identifier": "BE-2",
            "field": "medicine", "jurisdiction": "DE-BE", "issued_on": "2015-04-01", "expires_on": "2030-03-31"});
        app.post("/v1/experts/me/credentials", &expert.token, licence.clone())
            .await
            .assert_status(201);
        let r = app
            .post("/v1/experts/me/credentials", &expert.token, licence)
            .await;
        r.assert_problem(409, None);
        assert!(r.text.contains("max_credentials_per_expert"), "{}", r.text);

        // More parts than a browser form sends are refused.
        let boundary = "cadre-many-parts";
        let mut body = Vec::new();
        for i in 0..5 {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        app.raw(
            reqwest::Method::POST,
            &format!("/v1/credentials/{credential}/evidence"),
            Some(&expert.token),
            Some(&format!("multipart/form-data; boundary={boundary}")),
            body,
        )
        .await
        .assert_problem(422, Some("file"));

        // Two files fit the byte quota; the third does not.
        for name in ["a.pdf", "b.pdf"] {
            upload(
                &app,
                &expert.token,
                &credential,
                name,
                "application/pdf",
                PDF,
            )
            .await
            .assert_status(201);
        }
        let r = upload(
            &app,
            &expert.token,
            &credential,
            "c.pdf",
            "application/pdf",
            PDF,
        )
        .await;
        r.assert_problem(409, None);
        assert!(
            r.text.contains("max_evidence_bytes_per_expert"),
            "{}",
            r.text
        );

        // Headers announcing a 5 MB body, and no body: the answer comes without it.
        let stranger = app.expert().await;
        let (content_type, _) = multipart("x.pdf", "application/pdf", PDF);
        let addr = app.base.trim_start_matches("http://").to_owned();
        for (token, status) in [
            (stranger.token.clone(), "404"),
            (expert.token.clone(), "409"),
        ] {
            let head = format!(
                "POST /v1/credentials/{credential}/evidence HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: {content_type}\r\nContent-Length: 5000000\r\n\r\n"
            );
            let addr = addr.clone();
            // A blocking socket with a read timeout: if the server waited for the body, the
            // read would time out and the test fail (nothing sleeps).
            let answer = tokio::task::spawn_blocking(move || {
                use std::io::{Read, Write};
                let mut tcp = std::net::TcpStream::connect(&addr).unwrap();
                tcp.set_read_timeout(Some(std::time::Duration::from_secs(30)))
                    .unwrap();
                tcp.write_all(head.as_bytes()).unwrap();
                let mut buf = vec![0u8; 512];
                let n = tcp
                    .read(&mut buf)
                    .expect("the server answered without waiting for the body");
                String::from_utf8_lossy(&buf[..n]).to_string()
            })
            .await
            .unwrap();
            assert!(
                answer.starts_with(&format!("HTTP/1.1 {status}")),
                "{answer}"
            );
        }
    }
}
