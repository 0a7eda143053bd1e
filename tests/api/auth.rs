//! Registration, login and its throttling, refresh-token rotation and reuse detection,
//! logout, access-token expiry, and e-mail verification through real SMTP.

use chrono::Duration;
use serde_json::json;

use crate::helpers::{PASSWORD, on_both};

#[tokio::test]
async fn a_lab_registers_with_its_organization_and_becomes_its_admin() {
    on_both(|app| async move {
        let email = app.email("founder");
        let r = app.register("lab", &email, Some("Helix Labs")).await;
        r.assert_status(201);
        assert_eq!(r.json["user"]["email"], email.as_str());
        assert_eq!(r.json["user"]["email_verified"], false);
        assert_eq!(r.json["organization"]["kind"], "lab");
        assert_eq!(r.json["organization"]["name"], "Helix Labs");
        assert!(r.json["user"].get("password_hash").is_none());

        let login = app.login(&email, PASSWORD).await;
        login.assert_status(200);
        assert_eq!(login.json["token_type"], "Bearer");
        assert_eq!(login.json["expires_in"], 900);
        let me = app
            .get("/v1/me", login.json["access_token"].as_str().unwrap())
            .await;
        me.assert_status(200);
        assert_eq!(me.json["kind"], "user");
        let m = &me.json["user"]["memberships"][0];
        assert_eq!(m["role"], "lab_admin");
        assert_eq!(m["org_id"], r.json["organization"]["id"]);
    })
    .await;
}

#[tokio::test]
async fn an_expert_registers_alone() {
    on_both(|app| async move {
        let expert = app.expert().await;
        let me = app.get("/v1/me", &expert.token).await;
        assert_eq!(me.json["user"]["is_expert"], true);
        assert_eq!(me.json["user"]["memberships"], json!([]));
        let r = app
            .post_anon(
                "/v1/auth/register",
                json!({"account_type": "expert", "email": app.email("e"), "password": PASSWORD, "display_name": "E", "organization_name": "Nope"}),
            )
            .await;
        r.assert_problem(422, Some("organization_name"));
    })
    .await;
}

#[tokio::test]
async fn e_mail_addresses_are_unique_regardless_of_case() {
    on_both(|app| async move {
        let email = app.email("dup");
        app.register("expert", &email, None)
            .await
            .assert_status(201);
        app.register("expert", &email.to_uppercase(), None)
            .await
            .assert_problem(409, Some("email"));
        // Login is case-insensitive too.
        app.login(&email.to_uppercase(), PASSWORD)
            .await
            .assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn weak_passwords_are_refused_with_the_reason() {
    on_both(|app| async move {
        for (pw, why) in [("short", "at least 10"), ("password123", "commonly used"), ("abcdefghijkl", "sequence")] {
            let r = app
                .post_anon("/v1/auth/register", json!({"account_type": "expert", "email": app.email("w"), "password": pw, "display_name": "W"}))
                .await;
            r.assert_problem(422, Some("password"));
            assert!(r.text.contains(why), "{pw}: {}", r.text);
        }
    })
    .await;
}

#[tokio::test]
async fn failed_logins_do_not_reveal_whether_the_account_exists() {
    on_both(|app| async move {
        let expert = app.expert().await;
        let wrong_password = app.login(&expert.email, "not the password at all").await;
        let unknown = app
            .login(&app.email("ghost"), "not the password at all")
            .await;
        wrong_password.assert_problem(401, None);
        unknown.assert_problem(401, None);
        assert_eq!(wrong_password.json["detail"], unknown.json["detail"]);
        assert_eq!(wrong_password.json["title"], unknown.json["title"]);
    })
    .await;
}

#[tokio::test]
async fn repeated_failed_logins_for_an_account_are_throttled_until_the_window_passes() {
    on_both(|app| async move {
        let expert = app.expert().await;
        for _ in 0..5 {
            app.login(&expert.email, "wrong password here")
                .await
                .assert_status(401);
        }
        // Even the right password is refused while throttled, with a Retry-After.
        let blocked = app.login(&expert.email, PASSWORD).await;
        blocked.assert_problem(429, None);
        let retry: i64 = blocked.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry), "retry-after {retry}");
        // The same IP can still log in to another account (per-IP limit is higher).
        let other = app.expert().await;
        app.login(&other.email, PASSWORD).await.assert_status(200);
        // Once the window has passed, the account can log in again.
        app.advance(Duration::seconds(retry));
        app.login(&expert.email, PASSWORD).await.assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn failed_logins_from_one_ip_are_throttled_across_accounts() {
    on_both(|app| async move {
        let expert = app.expert().await;
        for i in 0..50 {
            app.login(&app.email(&format!("spray{i}")), "wrong password here")
                .await
                .assert_status(401);
        }
        // A correct password for an untouched account is refused from this IP too.
        app.login(&expert.email, PASSWORD)
            .await
            .assert_problem(429, None);
    })
    .await;
}

#[tokio::test]
async fn refresh_rotates_and_reuse_of_a_spent_token_revokes_the_whole_session() {
    on_both(|app| async move {
        let expert = app.expert().await;
        // A second, independent session of the same user (another device).
        let other_device = app.login(&expert.email, PASSWORD).await;
        let other_access = other_device.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let other_refresh = other_device.json["refresh_token"]
            .as_str()
            .unwrap()
            .to_owned();

        let first = app
            .post_anon(
                "/v1/auth/refresh",
                json!({"refresh_token": expert.refresh_token}),
            )
            .await;
        first.assert_status(200);
        let second_refresh = first.json["refresh_token"].as_str().unwrap().to_owned();
        let new_access = first.json["access_token"].as_str().unwrap().to_owned();
        assert_ne!(second_refresh, expert.refresh_token);
        app.get("/v1/me", &new_access).await.assert_status(200);

        // The spent token is presented again (a thief, or a replay): 401 and the family dies.
        app.post_anon(
            "/v1/auth/refresh",
            json!({"refresh_token": expert.refresh_token}),
        )
        .await
        .assert_problem(401, None);
        app.post_anon("/v1/auth/refresh", json!({"refresh_token": second_refresh}))
            .await
            .assert_problem(401, None);
        app.get("/v1/me", &new_access)
            .await
            .assert_problem(401, None);
        app.get("/v1/me", &expert.token)
            .await
            .assert_problem(401, None);

        // The other device's session, opened before the replay, is unaffected.
        app.get("/v1/me", &other_access).await.assert_status(200);
        app.post_anon("/v1/auth/refresh", json!({"refresh_token": other_refresh}))
            .await
            .assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn concurrent_refreshes_with_one_token_issue_at_most_one_pair() {
    on_both(|app| async move {
        let expert = app.expert().await;
        let body = json!({"refresh_token": expert.refresh_token});
        let (a, b) = tokio::join!(
            app.post_anon("/v1/auth/refresh", body.clone()),
            app.post_anon("/v1/auth/refresh", body.clone())
        );
        let ok = [&a, &b].iter().filter(|r| r.status.as_u16() == 200).count();
        assert!(ok <= 1, "a: {} b: {}", a.text, b.text);
        assert!(
            [&a, &b]
                .iter()
                .all(|r| matches!(r.status.as_u16(), 200 | 401))
        );
    })
    .await;
}

#[tokio::test]
async fn nul_and_control_characters_are_refused_not_stored() {
    on_both(|app| async move {
        // A password may contain a tab (only NUL is refused everywhere); it must work for login.
        let email = app.email("tab");
        let tabbed = "correct\thorse battery staple";
        app.post_anon(
            "/v1/auth/register",
            json!({"account_type": "expert", "email": email, "password": tabbed, "display_name": "Tab"}),
        )
        .await
        .assert_status(201);
        app.login(&email, tabbed).await.assert_status(200);
        app.post_anon("/v1/auth/login", json!({"email": "a\u{0}b@example.com", "password": "x"}))
            .await
            .assert_problem(422, Some("email"));
        let r = app
            .post_anon(
                "/v1/auth/register",
                json!({"account_type": "expert", "email": app.email("c"), "password": PASSWORD, "display_name": "Bell\u{7}"}),
            )
            .await;
        r.assert_problem(422, Some("display_name"));
        let admin = app.platform_admin().await;
        app.get("/v1/audit-events?action=%00", &admin.token).await.assert_problem(400, Some("action"));
    })
    .await;
}

#[tokio::test]
async fn refresh_tokens_expire() {
    on_both(|app| async move {
        let expert = app.expert().await;
        app.advance(Duration::days(31));
        app.post_anon(
            "/v1/auth/refresh",
            json!({"refresh_token": expert.refresh_token}),
        )
        .await
        .assert_problem(401, None);
        app.post_anon("/v1/auth/refresh", json!({"refresh_token": "made-up"}))
            .await
            .assert_problem(401, None);
    })
    .await;
}

#[tokio::test]
async fn access_tokens_expire_by_the_clock() {
    on_both(|app| async move {
        let expert = app.expert().await;
        app.advance(Duration::seconds(899));
        app.get("/v1/me", &expert.token).await.assert_status(200);
        app.advance(Duration::seconds(1));
        let r = app.get("/v1/me", &expert.token).await;
        r.assert_problem(401, None);
        assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    })
    .await;
}

#[tokio::test]
async fn logout_ends_the_session_for_access_and_refresh_tokens() {
    on_both(|app| async move {
        let expert = app.expert().await;
        app.call(
            reqwest::Method::POST,
            "/v1/auth/logout",
            Some(&expert.token),
            None,
        )
        .await
        .assert_status(204);
        app.get("/v1/me", &expert.token)
            .await
            .assert_problem(401, None);
        app.post_anon(
            "/v1/auth/refresh",
            json!({"refresh_token": expert.refresh_token}),
        )
        .await
        .assert_problem(401, None);
    })
    .await;
}

#[tokio::test]
async fn garbage_credentials_are_401() {
    on_both(|app| async move {
        app.get_anon("/v1/me").await.assert_problem(401, None);
        app.get("/v1/me", "not-a-jwt")
            .await
            .assert_problem(401, None);
        app.get("/v1/me", "cadre_sk_unknown")
            .await
            .assert_problem(401, None);
        let r = app.call(reqwest::Method::GET, "/v1/me", None, None).await;
        r.assert_problem(401, None);
    })
    .await;
}

#[tokio::test]
async fn the_verification_e_mail_arrives_by_smtp_and_verifies_the_address_once() {
    on_both(|app| async move {
        let expert = app.unverified_expert().await;
        let mail = app.the_mail_to(&expert.email).await;
        assert_eq!(mail.subject(), "Confirm your e-mail address for Cadre");
        assert_eq!(mail.from, "no-reply@cadre.test");
        assert!(
            mail.header("Content-Type")
                .unwrap()
                .starts_with("text/plain")
        );
        assert!(
            mail.body()
                .contains("https://cadre.test/verify-email?token="),
            "{}",
            mail.body()
        );
        let token = mail.token();
        assert_eq!(token.len(), 43);

        let r = app
            .post_anon("/v1/auth/verify-email", json!({"token": token}))
            .await;
        r.assert_status(200);
        assert_eq!(r.json["email_verified"], true);
        let me = app.get("/v1/me", &expert.token).await;
        assert_eq!(me.json["user"]["email_verified"], true);

        app.post_anon("/v1/auth/verify-email", json!({"token": token}))
            .await
            .assert_problem(409, None);
        app.post_anon("/v1/auth/verify-email", json!({"token": "forged"}))
            .await
            .assert_problem(400, Some("token"));
        app.post("/v1/auth/verify-email/resend", &expert.token, json!({}))
            .await
            .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn verification_links_expire_and_can_be_resent() {
    on_both(|app| async move {
        let expert = app.unverified_expert().await;
        let old = app.the_mail_to(&expert.email).await.token();
        app.advance(Duration::hours(49));
        app.post_anon("/v1/auth/verify-email", json!({"token": old}))
            .await
            .assert_problem(410, None);

        let me = app.login(&expert.email, PASSWORD).await;
        let token = me.json["access_token"].as_str().unwrap();
        app.call(
            reqwest::Method::POST,
            "/v1/auth/verify-email/resend",
            Some(token),
            None,
        )
        .await
        .assert_status(202);
        app.drain_jobs().await;
        let mails = app.mail_to(&expert.email);
        assert_eq!(mails.len(), 2);
        let fresh = mails[1].token();
        assert_ne!(fresh, old);
        app.post_anon("/v1/auth/verify-email", json!({"token": fresh}))
            .await
            .assert_status(200);
    })
    .await;
}
