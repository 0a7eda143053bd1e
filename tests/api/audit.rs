//! The audit log records security-relevant changes and only platform admins read it.

use serde_json::json;

use crate::helpers::on_both;

#[tokio::test]
async fn security_relevant_changes_are_audited_for_platform_admins_only() {
    on_both(|app| async move {
        let lab = app.lab("Audited Labs").await;
        let org = lab.org();
        app.login(&lab.email, "a wrong password!")
            .await
            .assert_status(401);
        let key = app
            .post(
                &format!("/v1/orgs/{org}/api-keys"),
                &lab.token,
                json!({"name": "k", "scopes": ["org:read"]}),
            )
            .await;
        let key_id = key.json["id"].as_str().unwrap().to_owned();
        app.call(
            reqwest::Method::DELETE,
            &format!("/v1/orgs/{org}/api-keys/{key_id}"),
            Some(&lab.token),
            None,
        )
        .await
        .assert_status(204);

        app.get("/v1/audit-events", &lab.token)
            .await
            .assert_problem(403, None);

        let admin = app.platform_admin().await;
        let all = app
            .get(
                &format!("/v1/audit-events?org_id={org}&limit=200"),
                &admin.token,
            )
            .await;
        all.assert_status(200);
        let actions: Vec<&str> = all.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            actions,
            [
                "org.created",
                "auth.registered",
                "api_key.created",
                "api_key.revoked"
            ]
        );

        let created = &all.json["data"][2];
        assert_eq!(created["actor_type"], "user");
        assert_eq!(created["actor_id"], lab.user_id);
        assert_eq!(created["subject_id"], key_id);
        let secret = key.json["secret"].as_str().unwrap();
        assert!(!all.text.contains(secret), "no secret in the audit log");
        assert_eq!(
            created["details"]["prefix"], key.json["prefix"],
            "the display prefix identifies the key"
        );
        assert!(created["request_id"].is_string());

        let logins = app
            .get(
                &format!(
                    "/v1/audit-events?action=auth.login&actor_id={}",
                    lab.user_id
                ),
                &admin.token,
            )
            .await;
        assert_eq!(logins.json["data"].as_array().unwrap().len(), 1);
        let failed = app
            .get("/v1/audit-events?action=auth.login_failed", &admin.token)
            .await;
        let failed = failed.json["data"].as_array().unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0]["subject_id"], lab.user_id);
        assert_eq!(failed[0]["details"]["reason"], "wrong_password");
        app.get("/v1/audit-events?colour=red", &admin.token)
            .await
            .assert_problem(400, Some("colour"));
    })
    .await;
}
