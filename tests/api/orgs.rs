//! Organizations: members and roles, invitations by e-mail, API keys, and tenancy.

use chrono::Duration;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{PASSWORD, on_both};

#[tokio::test]
async fn an_invited_newcomer_creates_an_account_and_joins_once() {
    on_both(|app| async move {
        let lab = app.lab("Invite Labs").await;
        let email = app.email("newcomer");
        let org = lab.org();
        let r = app
            .post(
                &format!("/v1/orgs/{org}/invitations"),
                &lab.token,
                json!({"email": email, "role": "lab_member"}),
            )
            .await;
        r.assert_status(201);
        assert_eq!(r.json["status"], "pending");
        assert!(
            r.json.get("token").is_none(),
            "the token only travels by e-mail"
        );

        let mail = app.the_mail_to(&email).await;
        assert_eq!(
            mail.subject(),
            "You are invited to join Invite Labs on Cadre"
        );
        assert!(mail.body().contains("as lab_member"), "{}", mail.body());
        let token = mail.token();

        let joined = app
            .post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": "New Comer", "password": PASSWORD}),
            )
            .await;
        joined.assert_status(200);
        assert_eq!(joined.json["role"], "lab_member");
        assert_eq!(joined.json["organization"]["id"], org);
        assert_eq!(joined.json["user"]["email_verified"], true);

        // Single use.
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": token, "display_name": "Again", "password": PASSWORD}),
        )
        .await
        .assert_problem(409, None);

        let login = app.login(&email, PASSWORD).await;
        let me = app
            .get("/v1/me", login.json["access_token"].as_str().unwrap())
            .await;
        assert_eq!(me.json["user"]["memberships"][0]["org_id"], org);

        let members = app
            .get(&format!("/v1/orgs/{org}/members"), &lab.token)
            .await;
        members.assert_status(200);
        let roles: Vec<&str> = members.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["role"].as_str().unwrap())
            .collect();
        assert_eq!(roles, ["lab_admin", "lab_member"]);

        let invitations = app
            .get(&format!("/v1/orgs/{org}/invitations"), &lab.token)
            .await;
        assert_eq!(invitations.json["data"][0]["status"], "accepted");
    })
    .await;
}

#[tokio::test]
async fn an_existing_user_accepts_only_an_invitation_addressed_to_them() {
    on_both(|app| async move {
        let lab = app.lab("Address Labs").await;
        let invitee = app.unverified_expert().await;
        let stranger = app.expert().await;
        let token = app.invite(&lab, &invitee.email, "lab_member").await;

        app.post(
            "/v1/invitations/accept",
            &stranger.token,
            json!({"token": token}),
        )
        .await
        .assert_problem(403, None);
        // An unverified address cannot accept while logged in...
        let r = app
            .post(
                "/v1/invitations/accept",
                &invitee.token,
                json!({"token": token}),
            )
            .await;
        r.assert_problem(403, None);
        assert!(r.text.contains("verify your e-mail"), "{}", r.text);
        // ...until it is verified.
        let verify = app
            .mail_to(&invitee.email)
            .into_iter()
            .find(|m| m.subject().starts_with("Confirm"))
            .expect("verification e-mail")
            .token();
        app.post_anon("/v1/auth/verify-email", json!({"token": verify}))
            .await
            .assert_status(200);
        // Logged in, a password is not expected.
        app.post(
            "/v1/invitations/accept",
            &invitee.token,
            json!({"token": token, "password": PASSWORD}),
        )
        .await
        .assert_problem(422, Some("password"));
        let ok = app
            .post(
                "/v1/invitations/accept",
                &invitee.token,
                json!({"token": token}),
            )
            .await;
        ok.assert_status(200);
        assert_eq!(ok.json["user"]["id"], invitee.user_id);
        // A new account cannot be made for an address that already has one.
        let token2 = {
            let other_lab = app.lab("Second Labs").await;
            app.invite(&other_lab, &invitee.email, "lab_admin").await
        };
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": token2, "display_name": "Dup", "password": PASSWORD}),
        )
        .await
        .assert_problem(409, None);
    })
    .await;
}

#[tokio::test]
async fn invitations_expire_and_can_be_revoked() {
    on_both(|app| async move {
        let lab = app.lab("Expiry Labs").await;
        let org = lab.org();
        let late = app.email("late");
        let token = app.invite(&lab, &late, "lab_member").await;
        app.advance(Duration::days(7) + Duration::seconds(1));
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": token, "display_name": "Late", "password": PASSWORD}),
        )
        .await
        .assert_problem(410, None);
        // (The admin's access token expired too; log in again.)
        let lab = crate::helpers::Account {
            token: app.login(&lab.email, PASSWORD).await.json["access_token"]
                .as_str()
                .unwrap()
                .to_owned(),
            ..lab.clone()
        };
        let list = app
            .get(&format!("/v1/orgs/{org}/invitations"), &lab.token)
            .await;
        assert_eq!(list.json["data"][0]["status"], "expired");

        // An expired invitation no longer blocks a new one; a revoked one cannot be used.
        let r = app
            .post(
                &format!("/v1/orgs/{org}/invitations"),
                &lab.token,
                json!({"email": late, "role": "lab_member"}),
            )
            .await;
        r.assert_status(201);
        let id = r.json["id"].as_str().unwrap();
        let mails = {
            app.drain_jobs().await;
            app.mail_to(&late)
        };
        let token = mails.last().unwrap().token();
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &lab.token,
            json!({"email": late, "role": "lab_member"}),
        )
        .await
        .assert_problem(409, Some("email"));
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org}/invitations/{id}"),
            Some(&lab.token),
            None,
        )
        .await
        .assert_status(204);
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": token, "display_name": "Late", "password": PASSWORD}),
        )
        .await
        .assert_problem(410, None);
    })
    .await;
}

#[tokio::test]
async fn roles_must_fit_the_kind_of_organization() {
    on_both(|app| async move {
        let vendor = app.vendor("Meridian").await;
        let org = vendor.org();
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &vendor.token,
            json!({"email": app.email("v"), "role": "lab_member"}),
        )
        .await
        .assert_problem(422, Some("role"));
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &vendor.token,
            json!({"email": app.email("v"), "role": "vendor_admin"}),
        )
        .await
        .assert_status(201);
    })
    .await;
}

#[tokio::test]
async fn members_cannot_administer_and_the_last_admin_is_protected() {
    on_both(|app| async move {
        let lab = app.lab("Roles Labs").await;
        let org = lab.org().to_owned();
        let email = app.email("member");
        let token = app.invite(&lab, &email, "lab_member").await;
        let joined = app
            .post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": "M", "password": PASSWORD}),
            )
            .await;
        let member_id = joined.json["user"]["id"].as_str().unwrap().to_owned();
        let member = app.login(&email, PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();

        // A lab member reads but does not administer.
        app.get(&format!("/v1/orgs/{org}/members"), &member)
            .await
            .assert_status(200);
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &member,
            json!({"email": app.email("x"), "role": "lab_member"}),
        )
        .await
        .assert_problem(403, None);
        app.post(
            &format!("/v1/orgs/{org}/api-keys"),
            &member,
            json!({"name": "k", "scopes": ["org:read"]}),
        )
        .await
        .assert_problem(403, None);
        app.call(
            Method::PATCH,
            &format!("/v1/orgs/{org}/members/{}", lab.user_id),
            Some(&member),
            Some(json!({"role": "lab_member"})),
        )
        .await
        .assert_problem(403, None);

        // The only admin cannot step down or be removed.
        app.call(
            Method::PATCH,
            &format!("/v1/orgs/{org}/members/{}", lab.user_id),
            Some(&lab.token),
            Some(json!({"role": "lab_member"})),
        )
        .await
        .assert_problem(409, None);
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org}/members/{}", lab.user_id),
            Some(&lab.token),
            None,
        )
        .await
        .assert_problem(409, None);

        // Promote the member; now the founder may step down, and the change applies at once.
        let promoted = app
            .call(
                Method::PATCH,
                &format!("/v1/orgs/{org}/members/{member_id}"),
                Some(&lab.token),
                Some(json!({"role": "lab_admin"})),
            )
            .await;
        promoted.assert_status(200);
        assert_eq!(promoted.json["role"], "lab_admin");
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &member,
            json!({"email": app.email("y"), "role": "lab_member"}),
        )
        .await
        .assert_status(201);
        app.call(
            Method::PATCH,
            &format!("/v1/orgs/{org}/members/{}", lab.user_id),
            Some(&lab.token),
            Some(json!({"role": "lab_member"})),
        )
        .await
        .assert_status(200);

        // A member may leave; afterwards the organization is invisible to them.
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org}/members/{}", lab.user_id),
            Some(&lab.token),
            None,
        )
        .await
        .assert_status(204);
        app.get(&format!("/v1/orgs/{org}"), &lab.token)
            .await
            .assert_problem(404, None);

        let admin = app.platform_admin().await;
        let audit = app
            .get(
                &format!("/v1/audit-events?org_id={org}&action=org.member_role_changed"),
                &admin.token,
            )
            .await;
        assert_eq!(
            audit.json["data"].as_array().unwrap().len(),
            2,
            "{}",
            audit.text
        );
        assert_eq!(
            audit.json["data"][0]["details"],
            json!({"from": "lab_member", "to": "lab_admin", "invitations_revoked": 0, "api_keys_revoked": []})
        );
    })
    .await;
}

#[tokio::test]
async fn a_lab_never_sees_another_labs_organization() {
    on_both(|app| async move {
        let a = app.lab("Lab A").await;
        let b = app.lab("Lab B").await;
        let org_a = a.org();
        for path in [
            format!("/v1/orgs/{org_a}"),
            format!("/v1/orgs/{org_a}/members"),
            format!("/v1/orgs/{org_a}/invitations"),
            format!("/v1/orgs/{org_a}/api-keys"),
        ] {
            app.get(&path, &b.token).await.assert_problem(404, None);
        }
        app.post(
            &format!("/v1/orgs/{org_a}/invitations"),
            &b.token,
            json!({"email": app.email("z"), "role": "lab_member"}),
        )
        .await
        .assert_problem(404, None);
        app.post(
            &format!("/v1/orgs/{org_a}/api-keys"),
            &b.token,
            json!({"name": "steal", "scopes": ["org:read"]}),
        )
        .await
        .assert_problem(404, None);
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org_a}/members/{}", a.user_id),
            Some(&b.token),
            None,
        )
        .await
        .assert_problem(404, None);
        let key = app
            .post(
                &format!("/v1/orgs/{org_a}/api-keys"),
                &a.token,
                json!({"name": "k", "scopes": ["org:read"]}),
            )
            .await;
        let key_id = key.json["id"].as_str().unwrap();
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org_a}/api-keys/{key_id}"),
            Some(&b.token),
            None,
        )
        .await
        .assert_problem(404, None);
        // B's own key id space: A's key is not found under B's organization either.
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{}/api-keys/{key_id}", b.org()),
            Some(&b.token),
            None,
        )
        .await
        .assert_problem(404, None);

        let listed = app.get("/v1/orgs", &b.token).await;
        let ids: Vec<&str> = listed.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [b.org()]);
        // An expert belongs to no organization and sees none.
        let expert = app.expert().await;
        app.get(&format!("/v1/orgs/{org_a}"), &expert.token)
            .await
            .assert_problem(404, None);
        assert_eq!(
            app.get("/v1/orgs", &expert.token).await.json["data"],
            json!([])
        );
    })
    .await;
}

#[tokio::test]
async fn api_keys_are_shown_once_scoped_and_revocable() {
    on_both(|app| async move {
        let lab = app.lab("Pipeline Labs").await;
        let org = lab.org();
        let created = app
            .post(
                &format!("/v1/orgs/{org}/api-keys"),
                &lab.token,
                json!({"name": "escalations", "scopes": ["org:read"]}),
            )
            .await;
        created.assert_status(201);
        let secret = created.json["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("cadre_sk_"));
        assert!(secret.starts_with(created.json["prefix"].as_str().unwrap()));

        let listed = app
            .get(&format!("/v1/orgs/{org}/api-keys"), &lab.token)
            .await;
        assert_eq!(listed.json["data"].as_array().unwrap().len(), 1);
        assert!(!listed.text.contains(&secret), "the secret is never listed");
        assert!(listed.json["data"][0].get("secret").is_none());

        let me = app.get("/v1/me", &secret).await;
        me.assert_status(200);
        assert_eq!(me.json["kind"], "api_key");
        assert_eq!(me.json["api_key"]["org_id"], org);
        assert_eq!(me.json["api_key"]["scopes"], json!(["org:read"]));

        // Scope enforcement.
        app.get(&format!("/v1/orgs/{org}"), &secret)
            .await
            .assert_status(200);
        let r = app.get(&format!("/v1/orgs/{org}/members"), &secret).await;
        r.assert_problem(403, None);
        assert!(r.text.contains("members:read"));
        // Keys never administer, and never act outside their organization.
        app.post(
            &format!("/v1/orgs/{org}/api-keys"),
            &secret,
            json!({"name": "child", "scopes": ["org:read"]}),
        )
        .await
        .assert_problem(403, None);
        let other = app.lab("Other Labs").await;
        app.get(&format!("/v1/orgs/{}", other.org()), &secret)
            .await
            .assert_problem(404, None);
        app.call(Method::POST, "/v1/auth/logout", Some(&secret), None)
            .await
            .assert_problem(403, None);

        // last_used_at is recorded.
        let listed = app
            .get(&format!("/v1/orgs/{org}/api-keys"), &lab.token)
            .await;
        assert!(listed.json["data"][0]["last_used_at"].is_string());

        // Revoked keys stop working at once.
        let id = created.json["id"].as_str().unwrap();
        app.call(
            Method::DELETE,
            &format!("/v1/orgs/{org}/api-keys/{id}"),
            Some(&lab.token),
            None,
        )
        .await
        .assert_status(204);
        app.get("/v1/me", &secret).await.assert_problem(401, None);
        let listed = app
            .get(&format!("/v1/orgs/{org}/api-keys"), &lab.token)
            .await;
        assert!(listed.json["data"][0]["revoked_at"].is_string());
    })
    .await;
}

#[tokio::test]
async fn api_key_requests_are_validated() {
    on_both(|app| async move {
        let lab = app.lab("Validate Labs").await;
        let path = format!("/v1/orgs/{}/api-keys", lab.org());
        app.post(&path, &lab.token, json!({"name": "k", "scopes": []}))
            .await
            .assert_problem(422, Some("scopes"));
        app.post(
            &path,
            &lab.token,
            json!({"name": "k", "scopes": ["org:read", "root"]}),
        )
        .await
        .assert_problem(422, Some("scopes[1]"));
        app.post(
            &path,
            &lab.token,
            json!({"name": "", "scopes": ["org:read"]}),
        )
        .await
        .assert_problem(422, Some("name"));
        assert_eq!(app.get(&path, &lab.token).await.json["data"], json!([]));
    })
    .await;
}

#[tokio::test]
async fn member_lists_paginate_by_cursor() {
    on_both(|app| async move {
        let lab = app.lab("Big Labs").await;
        let org = lab.org();
        for i in 0..4 {
            let email = app.email(&format!("m{i}"));
            let token = app.invite(&lab, &email, "lab_member").await;
            app.post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": format!("M{i}"), "password": PASSWORD}),
            )
            .await
            .assert_status(200);
        }
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        for round in 0.. {
            assert!(round < 10, "pagination does not terminate");
            let q = match &cursor {
                Some(c) => format!("?limit=2&cursor={c}"),
                None => "?limit=2".to_owned(),
            };
            let page = app
                .get(&format!("/v1/orgs/{org}/members{q}"), &lab.token)
                .await;
            page.assert_status(200);
            for m in page.json["data"].as_array().unwrap() {
                seen.push(m["user_id"].as_str().unwrap().to_owned());
            }
            match page.json["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen.len(), 5);
        let mut dedup = seen.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), seen.len(), "no member appears twice");
    })
    .await;
}

#[tokio::test]
async fn an_invitation_takes_over_an_unverified_account_squatting_the_address() {
    on_both(|app| async move {
        let lab = app.lab("Squat Labs").await;
        // Someone registers the invitee's address without controlling the mailbox.
        let email = app.email("invitee");
        app.register("expert", &email, None)
            .await
            .assert_status(201);
        let squatter = app.login(&email, PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();

        let token = app.invite(&lab, &email, "lab_member").await;
        let new_password = "the real owner's passphrase";
        let joined = app
            .post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": "Real Owner", "password": new_password}),
            )
            .await;
        joined.assert_status(200);
        assert_eq!(joined.json["user"]["display_name"], "Real Owner");
        assert_eq!(joined.json["user"]["email_verified"], true);
        app.get("/v1/me", &squatter).await.assert_problem(401, None);
        app.login(&email, PASSWORD).await.assert_problem(401, None);
        app.login(&email, new_password).await.assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn invitation_passwords_may_not_contain_the_invited_address() {
    on_both(|app| async move {
        let lab = app.lab("Policy Labs").await;
        let email = app.email("policy");
        let token = app.invite(&lab, &email, "lab_member").await;
        let local = email.split('@').next().unwrap().to_owned();
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": token, "display_name": "P", "password": format!("{local}-secret")}),
        )
        .await
        .assert_problem(422, Some("password"));
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": "no-such-token", "display_name": "P", "password": PASSWORD}),
        )
        .await
        .assert_problem(400, Some("token"));
    })
    .await;
}

#[tokio::test]
async fn a_demoted_or_removed_admins_pending_invitations_are_revoked() {
    on_both(|app| async move {
        let lab = app.lab("Demote Labs").await;
        let org = lab.org().to_owned();
        let email = app.email("second-admin");
        let token = app.invite(&lab, &email, "lab_admin").await;
        let joined = app
            .post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": "B", "password": PASSWORD}),
            )
            .await;
        let b_id = joined.json["user"]["id"].as_str().unwrap().to_owned();
        let b = app.login(&email, PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();

        // B invites a private address as admin, then is demoted.
        let backdoor = app.email("backdoor");
        app.post(
            &format!("/v1/orgs/{org}/invitations"),
            &b,
            json!({"email": backdoor, "role": "lab_admin"}),
        )
        .await
        .assert_status(201);
        app.drain_jobs().await;
        let backdoor_token = app.mail_to(&backdoor).pop().unwrap().token();
        app.call(
            Method::PATCH,
            &format!("/v1/orgs/{org}/members/{b_id}"),
            Some(&lab.token),
            Some(json!({"role": "lab_member"})),
        )
        .await
        .assert_status(200);
        app.post_anon(
            "/v1/invitations/accept",
            json!({"token": backdoor_token, "display_name": "X", "password": PASSWORD}),
        )
        .await
        .assert_problem(410, None);
    })
    .await;
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    on_both(|app| async move {
        let lab = app.lab("Race Labs").await;
        let org = lab.org().to_owned();
        let email = app.email("rival");
        let token = app.invite(&lab, &email, "lab_admin").await;
        let joined = app
            .post_anon(
                "/v1/invitations/accept",
                json!({"token": token, "display_name": "Rival", "password": PASSWORD}),
            )
            .await;
        let rival_id = joined.json["user"]["id"].as_str().unwrap().to_owned();
        let rival = app.login(&email, PASSWORD).await.json["access_token"]
            .as_str()
            .unwrap()
            .to_owned();

        let demote = json!({"role": "lab_member"});
        let rival_path = format!("/v1/orgs/{org}/members/{rival_id}");
        let founder_path = format!("/v1/orgs/{org}/members/{}", lab.user_id);
        let (a, b) = tokio::join!(
            app.call(
                Method::PATCH,
                &rival_path,
                Some(&lab.token),
                Some(demote.clone())
            ),
            app.call(
                Method::PATCH,
                &founder_path,
                Some(&rival),
                Some(demote.clone())
            ),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        // One demotion wins; the other is refused, either as "last admin" (409) or because
        // its caller was demoted first (403).
        assert_eq!(statuses[0], 200, "a: {} b: {}", a.text, b.text);
        assert!(
            matches!(statuses[1], 403 | 409),
            "a: {} b: {}",
            a.text,
            b.text
        );
        let admin = app.platform_admin().await;
        let members = app
            .get(&format!("/v1/orgs/{org}/members"), &admin.token)
            .await;
        let admins = members.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["role"] == "lab_admin")
            .count();
        assert_eq!(admins, 1, "{}", members.text);
    })
    .await;
}
