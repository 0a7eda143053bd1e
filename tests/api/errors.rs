//! Bad input of every kind gets a problem+json 4xx that names what is wrong, and never
//! a 500 or a half-written change.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{PASSWORD, on_both};

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    on_both(|app| async move {
        let r = app
            .raw(
                Method::POST,
                "/v1/auth/register",
                None,
                Some("application/json"),
                b"{\"email\": ".to_vec(),
            )
            .await;
        r.assert_problem(400, None);
        assert!(
            r.json["detail"]
                .as_str()
                .unwrap()
                .contains("not valid JSON"),
            "{}",
            r.text
        );
    })
    .await;
}

#[tokio::test]
async fn wrong_types_unknown_and_missing_fields_name_the_field() {
    on_both(|app| async move {
        let base = json!({"account_type": "lab", "email": app.email("x"), "password": PASSWORD, "display_name": "X", "organization_name": "X Labs"});

        let mut wrong_type = base.clone();
        wrong_type["display_name"] = json!(42);
        app.post_anon("/v1/auth/register", wrong_type).await.assert_problem(422, Some("display_name"));

        let mut unknown = base.clone();
        unknown["is_platform_admin"] = json!(true);
        app.post_anon("/v1/auth/register", unknown).await.assert_problem(422, Some("is_platform_admin"));

        let mut missing = base.clone();
        missing.as_object_mut().unwrap().remove("email");
        app.post_anon("/v1/auth/register", missing).await.assert_problem(422, Some("email"));

        let mut bad_enum = base.clone();
        bad_enum["account_type"] = json!("admin");
        app.post_anon("/v1/auth/register", bad_enum).await.assert_problem(422, Some("account_type"));

        // Semantic validation reports every field at once.
        let r = app
            .post_anon("/v1/auth/register", json!({"account_type": "lab", "email": "nope", "password": "short", "display_name": " "}))
            .await;
        r.assert_problem(422, Some("email"));
        r.assert_problem(422, Some("password"));
        r.assert_problem(422, Some("display_name"));
        r.assert_problem(422, Some("organization_name"));

        // Nothing was written by any of these.
        let admin = app.platform_admin().await;
        let events = app.get("/v1/audit-events?action=auth.registered", &admin.token).await;
        assert_eq!(events.json["data"].as_array().unwrap().len(), 0, "{}", events.text);
    })
    .await;
}

#[tokio::test]
async fn non_json_bodies_are_415_and_huge_bodies_413() {
    on_both(|app| async move {
        app.raw(
            Method::POST,
            "/v1/auth/login",
            None,
            Some("text/plain"),
            b"email=a".to_vec(),
        )
        .await
        .assert_problem(415, None);
        app.raw(Method::POST, "/v1/auth/login", None, None, b"{}".to_vec())
            .await
            .assert_problem(415, None);
        let huge = format!(
            "{{\"email\": \"{}\", \"password\": \"x\"}}",
            "a".repeat(2 * 1024 * 1024)
        );
        app.raw(
            Method::POST,
            "/v1/auth/login",
            None,
            Some("application/json"),
            huge.into_bytes(),
        )
        .await
        .assert_problem(413, None);
    })
    .await;
}

#[tokio::test]
async fn unknown_routes_are_404_and_wrong_methods_405_with_allow() {
    on_both(|app| async move {
        app.get_anon("/v1/does-not-exist")
            .await
            .assert_problem(404, None);
        let r = app.call(Method::DELETE, "/v1/auth/login", None, None).await;
        r.assert_problem(405, None);
        assert_eq!(r.header("allow"), Some("POST"));
        let r = app
            .call(
                Method::PUT,
                "/v1/orgs/org_01jd3v7q8y2k5m9n4p6r8s0t2w/members",
                None,
                None,
            )
            .await;
        r.assert_problem(405, None);
        assert_eq!(r.header("allow"), Some("GET"));
        let r = app
            .call(
                Method::POST,
                "/v1/orgs/org_01jd3v7q8y2k5m9n4p6r8s0t2w/members/usr_01jd3v7q8y2k5m9n4p6r8s0t2w",
                None,
                None,
            )
            .await;
        assert_eq!(r.header("allow"), Some("DELETE, PATCH"));
    })
    .await;
}

#[tokio::test]
async fn bad_path_and_query_parameters_name_the_parameter() {
    on_both(|app| async move {
        let lab = app.lab("Params Lab").await;
        app.get("/v1/orgs/not-an-id", &lab.token)
            .await
            .assert_problem(400, Some("org"));
        app.get(&format!("/v1/orgs/{}", lab.user_id), &lab.token)
            .await
            .assert_problem(400, Some("org"));
        let members = format!("/v1/orgs/{}/members", lab.org());
        app.get(&format!("{members}?limit=abc"), &lab.token)
            .await
            .assert_problem(400, Some("limit"));
        app.get(&format!("{members}?limit=0"), &lab.token)
            .await
            .assert_problem(400, Some("limit"));
        app.get(&format!("{members}?cursor=garbage"), &lab.token)
            .await
            .assert_problem(400, Some("cursor"));
        // A well-formed id that does not exist is a 404.
        app.get("/v1/orgs/org_01jd3v7q8y2k5m9n4p6r8s0t2w", &lab.token)
            .await
            .assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn concurrent_double_registration_creates_one_account() {
    on_both(|app| async move {
        let email = app.email("twice");
        let (a, b) = tokio::join!(
            app.register("lab", &email, Some("Twin Labs")),
            app.register("lab", &email, Some("Twin Labs"))
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "a: {} b: {}", a.text, b.text);
        let loser = if a.status.as_u16() == 409 { a } else { b };
        loser.assert_problem(409, Some("email"));
        let login = app.login(&email, PASSWORD).await;
        login.assert_status(200);
        let me = app
            .get("/v1/me", login.json["access_token"].as_str().unwrap())
            .await;
        assert_eq!(
            me.json["user"]["memberships"].as_array().unwrap().len(),
            1,
            "exactly one organization was created"
        );
    })
    .await;
}
