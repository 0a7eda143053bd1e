//! Marketplace integrity (issue 21): each attack that once worked against a running server,
//! replayed against this one and refused.

use cadre::auth::admin::{Existing, create_platform_admin};
use serde_json::json;

use crate::helpers::{PASSWORD, on_both};

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
