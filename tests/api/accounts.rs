//! Accounts (issue 21): password reset through the e-mailed link (single-use, expiring,
//! no enumeration, rate-limited, every session revoked), password change (other sessions
//! revoked), e-mail change confirmed from the new address with a notice to the old one,
//! and the rule that an unverified account receives no work and cannot be paid.

use chrono::Duration;
use serde_json::{Value, json};

use crate::helpers::{Account, PASSWORD, TestApp, on_both, on_both_with};
use crate::routing::{Expert, Opts, item, push, set_standing, vet_to, work, world};

const NEW_PASSWORD: &str = "a brand new passphrase 42";

/// Asks for a reset of `email`; returns the 202's body.
async fn ask_reset(app: &TestApp, email: &str) -> Value {
    let r = app
        .post_anon("/v1/auth/password-reset", json!({ "email": email }))
        .await;
    r.assert_status(202);
    r.json
}

async fn me_status(app: &TestApp, token: &str) -> u16 {
    app.get("/v1/me", token).await.status.as_u16()
}

async fn refresh_status(app: &TestApp, refresh: &str) -> u16 {
    app.post_anon("/v1/auth/refresh", json!({ "refresh_token": refresh }))
        .await
        .status
        .as_u16()
}

/// A second session of the same account.
async fn second_session(app: &TestApp, a: &Account, password: &str) -> (String, String) {
    let l = app.login(&a.email, password).await;
    l.assert_status(200);
    (
        l.json["access_token"].as_str().unwrap().to_owned(),
        l.json["refresh_token"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn a_password_reset_through_the_emailed_link_signs_out_everywhere_and_lifts_the_back_off() {
    on_both(|app| async move {
        let a = app.expert().await;
        let (other, other_refresh) = second_session(&app, &a, PASSWORD).await;
        app.drain_jobs().await;
        let before = app.mail_to(&a.email).len();
        // The owner forgot the password: five wrong guesses, then the back-off.
        for _ in 0..5 {
            app.login(&a.email, "not the password at all")
                .await
                .assert_status(401);
        }
        app.login(&a.email, PASSWORD)
            .await
            .assert_problem(429, None);

        assert_eq!(ask_reset(&app, &a.email).await["status"], "accepted");
        app.drain_jobs().await;
        let mails = app.mail_to(&a.email);
        assert_eq!(mails.len(), before + 1, "one reset e-mail");
        let mail = mails.last().unwrap();
        assert_eq!(mail.subject(), "Reset your Cadre password");
        let token = mail.token();
        assert!(
            mail.body()
                .contains(&format!("https://cadre.test/password-reset?token={token}")),
            "{}",
            mail.body()
        );
        // Opening the link (a mail scanner would) shows a form and changes nothing.
        let page = app
            .get_anon(&format!("/password-reset?token={token}"))
            .await;
        page.assert_status(200);
        assert!(page.text.contains("name=\"new_password\""), "{}", page.text);
        assert_eq!(me_status(&app, &a.token).await, 200);

        let confirm = "/v1/auth/password-reset/confirm";
        // The password policy of registration applies.
        app.post_anon(confirm, json!({"token": token, "new_password": "short"}))
            .await
            .assert_problem(422, Some("new_password"));
        app.post_anon(
            confirm,
            json!({"token": "forged", "new_password": NEW_PASSWORD}),
        )
        .await
        .assert_problem(400, Some("token"));
        app.post_anon(
            confirm,
            json!({"token": token, "new_password": NEW_PASSWORD}),
        )
        .await
        .assert_status(204);

        // Every session and refresh token is gone.
        assert_eq!(me_status(&app, &a.token).await, 401);
        assert_eq!(me_status(&app, &other).await, 401);
        assert_eq!(refresh_status(&app, &a.refresh_token).await, 401);
        assert_eq!(refresh_status(&app, &other_refresh).await, 401);
        // The old password no longer works; the new one does, with the back-off cleared.
        app.login(&a.email, NEW_PASSWORD).await.assert_status(200);
        app.login(&a.email, PASSWORD).await.assert_status(401);
        // Single use.
        let again = app
            .post_anon(
                confirm,
                json!({"token": token, "new_password": "yet another passphrase 7"}),
            )
            .await;
        again.assert_problem(409, None);
        assert!(again.text.contains("already used"), "{}", again.text);
        // A notice went to the address.
        app.drain_jobs().await;
        let notice = app.mail_to(&a.email).pop().unwrap();
        assert_eq!(notice.subject(), "Your Cadre password was changed");
        assert!(notice.body().contains("signed out"), "{}", notice.body());
    })
    .await;
}

#[tokio::test]
async fn a_reset_link_expires_and_only_the_account_address_gets_one() {
    on_both(|app| async move {
        let a = app.expert().await;
        ask_reset(&app, &a.email).await;
        let token = app.queued_token(&a.email, "Reset token: ").await;
        // Valid for an hour (auth.password_reset_ttl_secs): the injected clock moves past it.
        app.advance(Duration::seconds(3601));
        let r = app
            .post_anon(
                "/v1/auth/password-reset/confirm",
                json!({"token": token, "new_password": NEW_PASSWORD}),
            )
            .await;
        r.assert_problem(410, None);
        assert!(r.text.contains("expired"), "{}", r.text);
        app.login(&a.email, PASSWORD).await.assert_status(200);
        // A verification token is not a reset token (and vice versa).
        let fresh = app.unverified_expert().await;
        let verify = app.queued_token(&fresh.email, "Verification token: ").await;
        app.post_anon(
            "/v1/auth/password-reset/confirm",
            json!({"token": verify, "new_password": NEW_PASSWORD}),
        )
        .await
        .assert_problem(400, Some("token"));
    })
    .await;
}

#[tokio::test]
async fn a_reset_request_answers_the_same_for_an_unknown_address_and_mails_nobody() {
    on_both(|app| async move {
        let a = app.expert().await;
        let nobody = app.email("nobody");
        let known = app
            .post_anon("/v1/auth/password-reset", json!({ "email": a.email }))
            .await;
        let unknown = app
            .post_anon("/v1/auth/password-reset", json!({ "email": nobody }))
            .await;
        known.assert_status(202);
        unknown.assert_status(202);
        assert_eq!(known.text, unknown.text, "the same body either way");
        assert_eq!(known.header("content-type"), unknown.header("content-type"));
        app.drain_jobs().await;
        assert!(app.mail_to(&nobody).is_empty(), "no mail to nobody");
        assert!(
            app.mail_to(&a.email)
                .iter()
                .any(|m| m.subject() == "Reset your Cadre password")
        );
        // A malformed address is a 422 for anyone.
        app.post_anon(
            "/v1/auth/password-reset",
            json!({ "email": "not-an-address" }),
        )
        .await
        .assert_problem(422, Some("email"));
    })
    .await;
}

#[tokio::test]
async fn reset_requests_are_limited_per_address_and_per_client() {
    on_both_with(
        |s| s.auth.password_resets_per_ip_per_hour = 5,
        |app| async move {
            // Per address (3 an hour by default), whether or not an account has it.
            let a = app.expert().await;
            for _ in 0..3 {
                ask_reset(&app, &a.email).await;
            }
            let r = app
                .post_anon("/v1/auth/password-reset", json!({ "email": a.email }))
                .await;
            r.assert_problem(429, None);
            assert!(r.header("retry-after").is_some());
            app.drain_jobs().await;
            let resets = app
                .mail_to(&a.email)
                .iter()
                .filter(|m| m.subject() == "Reset your Cadre password")
                .count();
            assert_eq!(resets, 3, "the victim gets no more than the limit");
            // Per client IP, across addresses: 3 counted above, 2 more, then 429.
            for n in 0..2 {
                ask_reset(&app, &app.email(&format!("spray{n}"))).await;
            }
            let r = app
                .post_anon(
                    "/v1/auth/password-reset",
                    json!({ "email": app.email("spray") }),
                )
                .await;
            r.assert_problem(429, None);
            assert!(r.header("retry-after").is_some());
            // The window slides: an hour later, requests pass again.
            app.advance(Duration::seconds(3601));
            ask_reset(&app, &a.email).await;
        },
    )
    .await;
}

#[tokio::test]
async fn a_password_change_keeps_this_session_and_revokes_the_others() {
    on_both(|app| async move {
        let a = app.expert().await;
        let (other, other_refresh) = second_session(&app, &a, PASSWORD).await;
        let path = "/v1/auth/password";
        let wrong = app
            .post(
                path,
                &a.token,
                json!({"current_password": "wrong password here", "new_password": NEW_PASSWORD}),
            )
            .await;
        wrong.assert_problem(403, None);
        assert!(wrong.text.contains("current password"), "{}", wrong.text);
        app.post(
            path,
            &a.token,
            json!({"current_password": PASSWORD, "new_password": "1234567890"}),
        )
        .await
        .assert_problem(422, Some("new_password"));
        assert_eq!(
            me_status(&app, &other).await,
            200,
            "refusals change nothing"
        );
        app.post(
            path,
            &a.token,
            json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
        )
        .await
        .assert_status(204);
        assert_eq!(me_status(&app, &a.token).await, 200, "this session stays");
        assert_eq!(refresh_status(&app, &a.refresh_token).await, 200);
        assert_eq!(
            me_status(&app, &other).await,
            401,
            "the other session ended"
        );
        assert_eq!(refresh_status(&app, &other_refresh).await, 401);
        app.login(&a.email, PASSWORD).await.assert_status(401);
        app.login(&a.email, NEW_PASSWORD).await.assert_status(200);
        app.drain_jobs().await;
        let notice = app.mail_to(&a.email).pop().unwrap();
        assert_eq!(notice.subject(), "Your Cadre password was changed");
        // An API key is not a person: no password to change.
        app.post_anon(
            path,
            json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
        )
        .await
        .assert_problem(401, None);
    })
    .await;
}

#[tokio::test]
async fn password_checks_are_limited_per_account() {
    on_both(|app| async move {
        let a = app.expert().await;
        for _ in 0..10 {
            app.post(
                "/v1/auth/password",
                &a.token,
                json!({"current_password": "guess guess guess", "new_password": NEW_PASSWORD}),
            )
            .await
            .assert_problem(403, None);
        }
        let r = app
            .post(
                "/v1/auth/password",
                &a.token,
                json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
            )
            .await;
        r.assert_problem(429, None);
        assert!(r.header("retry-after").is_some());
    })
    .await;
}

#[tokio::test]
async fn an_email_change_takes_effect_when_the_new_address_confirms_and_the_old_one_is_told() {
    on_both(|app| async move {
        let a = app.expert().await;
        let (other, _) = second_session(&app, &a, PASSWORD).await;
        app.drain_jobs().await;
        let old_before = app.mail_to(&a.email).len();
        let new = app.email("moved");
        let path = "/v1/auth/email-change";
        app.post(
            path,
            &a.token,
            json!({"new_email": new, "password": "wrong password here"}),
        )
        .await
        .assert_problem(403, None);
        app.post(
            path,
            &a.token,
            json!({"new_email": a.email.to_uppercase(), "password": PASSWORD}),
        )
        .await
        .assert_problem(422, Some("new_email"));
        let r = app
            .post(
                path,
                &a.token,
                json!({"new_email": new, "password": PASSWORD}),
            )
            .await;
        r.assert_status(202);
        // Nothing changes before the new address confirms.
        let me = app.get("/v1/me", &a.token).await;
        assert_eq!(me.json["user"]["email"], a.email.as_str());
        let mail = app.the_mail_to(&new).await;
        assert_eq!(mail.subject(), "Confirm your new e-mail address for Cadre");
        let token = mail.token();
        assert!(
            mail.body()
                .contains(&format!("https://cadre.test/email-change?token={token}")),
            "{}",
            mail.body()
        );
        let page = app.get_anon(&format!("/email-change?token={token}")).await;
        page.assert_status(200);
        assert_eq!(
            app.get("/v1/me", &a.token).await.json["user"]["email"],
            a.email.as_str(),
            "opening the link changed nothing"
        );
        let done = app
            .post_anon("/v1/auth/email-change/confirm", json!({ "token": token }))
            .await;
        done.assert_status(200);
        assert_eq!(done.json["email"], new.as_str());
        assert_eq!(done.json["email_verified"], true);
        // Sessions stay.
        for t in [&a.token, &other] {
            let me = app.get("/v1/me", t).await;
            me.assert_status(200);
            assert_eq!(me.json["user"]["email"], new.as_str());
        }
        app.login(&new, PASSWORD).await.assert_status(200);
        app.login(&a.email, PASSWORD).await.assert_status(401);
        // Single use.
        app.post_anon("/v1/auth/email-change/confirm", json!({ "token": token }))
            .await
            .assert_problem(409, None);
        // The old address is told, once.
        app.drain_jobs().await;
        let old = app.mail_to(&a.email);
        assert_eq!(old.len(), old_before + 1);
        let notice = old.last().unwrap();
        assert_eq!(notice.subject(), "Your Cadre e-mail address was changed");
        assert!(notice.body().contains(&new), "{}", notice.body());
    })
    .await;
}

#[tokio::test]
async fn an_email_change_to_a_taken_address_answers_the_same_and_changes_nothing() {
    on_both(|app| async move {
        let a = app.expert().await;
        let b = app.expert().await;
        let free = app.email("free");
        app.drain_jobs().await;
        let b_before = app.mail_to(&b.email).len();
        let path = "/v1/auth/email-change";
        let to_free = app
            .post(
                path,
                &a.token,
                json!({"new_email": free, "password": PASSWORD}),
            )
            .await;
        let to_taken = app
            .post(
                path,
                &a.token,
                json!({"new_email": b.email, "password": PASSWORD}),
            )
            .await;
        to_free.assert_status(202);
        to_taken.assert_status(202);
        assert_eq!(to_free.text, to_taken.text, "the caller cannot tell");
        app.drain_jobs().await;
        // The taken address's owner is told someone tried; no link is made for it.
        let b_mail = app.mail_to(&b.email);
        assert_eq!(b_mail.len(), b_before + 1);
        let told = b_mail.last().unwrap();
        assert!(told.body().contains("already"), "{}", told.body());
        assert!(!told.body().contains("token="), "{}", told.body());
        // The earlier link (to the free address) was replaced by the newer request.
        let stale = app.mail_to(&free).pop().unwrap().token();
        app.post_anon("/v1/auth/email-change/confirm", json!({ "token": stale }))
            .await
            .assert_problem(409, None);
        assert_eq!(
            app.get("/v1/me", &a.token).await.json["user"]["email"],
            a.email.as_str()
        );
    })
    .await;
}

/// An approved expert, qualified in the world's slice, whose e-mail is not confirmed.
async fn unverified_qualified(app: &TestApp, w: &crate::routing::World) -> Expert {
    let account = app.unverified_expert().await;
    let e = app
        .post("/v1/experts/me", &account.token, json!({"display_name": "Unconfirmed", "domain_ids": [w.domain],
            "languages": ["en"], "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 8000,
            "desired_currency": "USD"}))
        .await;
    e.assert_status(201);
    let e = Expert {
        account,
        id: e.json["id"].as_str().unwrap().to_owned(),
    };
    vet_to(app, w, &e, "approved").await;
    set_standing(app, w, &e, "qualified").await;
    e
}

#[tokio::test]
async fn an_unverified_expert_receives_no_offer_and_cannot_be_paid() {
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                adjudication: false,
                ..Opts::default()
            },
        )
        .await;
        let e = unverified_qualified(&app, &w).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        assert!(work(&app, &e, "offered").await.is_empty(), "no offer");
        let routing = app
            .get(&format!("/v1/items/{}/routing", ids[0]), &w.lab.token)
            .await;
        assert_eq!(routing.json["status"], "queued", "{}", routing.json);
        let r = app
            .post("/v1/assignments/next", &e.account.token, json!({}))
            .await;
        r.assert_problem(403, None);
        assert!(
            r.json["detail"]
                .as_str()
                .unwrap()
                .contains("confirm your e-mail"),
            "{}",
            r.text
        );
        // Payout onboarding names the rule.
        let r = app
            .post("/v1/experts/me/payout-account", &e.account.token, json!({}))
            .await;
        r.assert_problem(403, None);
        assert!(
            r.text.contains("unverified account cannot be paid"),
            "{}",
            r.text
        );

        // Confirmed, the same expert takes the waiting item.
        let token = app
            .queued_token(&e.account.email, "Verification token: ")
            .await;
        app.post_anon("/v1/auth/verify-email", json!({ "token": token }))
            .await
            .assert_status(200);
        let taken = app
            .post("/v1/assignments/next", &e.account.token, json!({}))
            .await;
        taken.assert_status(200);
        assert_eq!(taken.json["status"], "accepted", "{}", taken.json);
        // And payout onboarding is past the rule (no Stripe here: manual payouts, 409).
        app.post("/v1/experts/me/payout-account", &e.account.token, json!({}))
            .await
            .assert_problem(409, None);
    })
    .await;
}
