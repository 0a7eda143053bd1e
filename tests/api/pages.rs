//! The pages for people (`/app/` and the e-mailed paths), black-box over HTTP like a
//! browser with plain forms: each page answers 200 with its form fields and the security
//! headers, a POST without the CSRF token is refused with a 403 page, the session cookie
//! has the right attributes, user text is escaped, and — the story — every link in every
//! e-mail of the front door lands on a working page whose form does the action.

use std::collections::BTreeMap;

use chrono::Duration;
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, on_both};

/// A browser with plain forms: a cookie jar, no JavaScript, no automatic redirects.
pub(crate) struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    jar: BTreeMap<String, String>,
}

#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) status: u16,
    pub(crate) headers: reqwest::header::HeaderMap,
    set_cookies: Vec<String>,
    pub(crate) html: String,
}

impl Page {
    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub(crate) fn location(&self) -> &str {
        self.header("location")
    }

    #[track_caller]
    pub(crate) fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(
            self.status, status,
            "unexpected status; page: {}",
            self.html
        );
        self
    }

    /// The form posting to `action`, with its fields' names and (unescaped) values.
    #[track_caller]
    pub(crate) fn form(&self, action: &str) -> Vec<(String, String)> {
        forms(&self.html)
            .into_iter()
            .find(|(a, _)| a == action)
            .map(|(_, f)| f)
            .unwrap_or_else(|| panic!("no form posting to {action} in {}", self.html))
    }

    fn set_cookie(&self, name: &str) -> Option<&String> {
        self.set_cookies
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&lt;", "<")
        .replace("&#62;", ">")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// Every `<form method="post">` on a page: its action and the fields it would send
/// (inputs with a name; checkboxes and radios only when checked).
fn forms(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<form") {
        rest = &rest[i..];
        let end = rest.find("</form>").unwrap_or(rest.len());
        let form = &rest[..end];
        let tag_end = form.find('>').unwrap_or(form.len());
        let action = attr(&form[..tag_end], "action").unwrap_or_default();
        let mut fields = Vec::new();
        let mut inputs = form;
        while let Some(j) = inputs.find("<input") {
            inputs = &inputs[j..];
            let close = inputs.find('>').unwrap_or(inputs.len());
            let tag = &inputs[..close];
            let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
            if let Some(name) = attr(tag, "name")
                && (!matches!(kind.as_str(), "checkbox" | "radio") || tag.contains(" checked"))
            {
                fields.push((name, attr(tag, "value").unwrap_or_default()));
            }
            inputs = &inputs[close..];
        }
        out.push((action, fields));
        rest = &rest[end..];
    }
    out
}

impl<'a> Browser<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Self {
        Browser {
            app,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            jar: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.jar
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn absorb(&mut self, r: reqwest::Response) -> Page {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let set_cookies: Vec<String> = headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        for c in &set_cookies {
            let pair = c.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if c.to_ascii_lowercase().contains("max-age=0") {
                self.jar.remove(name);
            } else {
                self.jar.insert(name.to_owned(), value.to_owned());
            }
        }
        let html = r.text().await.unwrap();
        Page {
            status,
            headers,
            set_cookies,
            html,
        }
    }

    /// GET a path, or an absolute link from an e-mail (its `http.public_url` replaced
    /// by the test server's address).
    pub(crate) async fn get(&mut self, path_or_link: &str) -> Page {
        let url = match path_or_link.strip_prefix(&self.app.settings.http.public_url) {
            Some(path) => format!("{}{path}", self.app.base),
            None => format!("{}{path_or_link}", self.app.base),
        };
        let r = self
            .client
            .get(url)
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        self.absorb(r).await
    }

    pub(crate) async fn post(&mut self, path: &str, fields: &[(String, String)]) -> Page {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let r = self
            .client
            .post(format!("{}{path}", self.app.base))
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        self.absorb(r).await
    }

    /// A script's POST (no form): `headers` as given, the cookies of the jar.
    pub(crate) async fn post_from_script(&mut self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut r = self
            .client
            .post(format!("{}{path}", self.app.base))
            .header("cookie", self.cookie_header());
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let r = r.send().await.unwrap();
        self.absorb(r).await
    }

    /// The CSRF token the browser holds (what the pages put in every form).
    pub(crate) fn csrf(&self) -> String {
        self.jar
            .iter()
            .find(|(k, _)| k.ends_with("cadre_csrf"))
            .map(|(_, v)| v.clone())
            .expect("a CSRF cookie")
    }

    /// Fills in the form posting to `action` on `page` (its hidden fields as they are,
    /// `values` set or added) and sends it.
    pub(crate) async fn submit(
        &mut self,
        page: &Page,
        action: &str,
        values: &[(&str, &str)],
    ) -> Page {
        let mut fields = page.form(action);
        for (k, v) in values {
            match fields.iter_mut().find(|(name, _)| name == k) {
                Some(f) => f.1 = (*v).to_owned(),
                None => fields.push(((*k).to_owned(), (*v).to_owned())),
            }
        }
        self.post(action, &fields).await
    }

    /// Signs in through the sign-in page.
    pub(crate) async fn sign_in(&mut self, email: &str) {
        let page = self.get("/app/sign-in").await;
        page.assert_status(200);
        let r = self
            .submit(
                &page,
                "/app/sign-in",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/app/");
    }
}

/// The links in an e-mail body (absolute URLs).
fn links(body: &str) -> Vec<String> {
    body.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_owned)
        .collect()
}

#[track_caller]
pub(crate) fn assert_secure_html(page: &Page) {
    assert!(
        page.header("content-type").starts_with("text/html"),
        "{:?}",
        page.headers
    );
    let csp = page.header("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "CSP {csp:?} lacks {part}");
    }
    assert_eq!(page.header("x-frame-options"), "DENY");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert!(!page.html.contains("<script>"), "no inline script");
    assert!(!page.html.contains("style="), "no inline style");
}

#[track_caller]
fn assert_fields(page: &Page, action: &str, names: &[&str]) {
    let form = page.form(action);
    for name in names.iter().chain(&["csrf_token"]) {
        assert!(
            form.iter().any(|(n, _)| n == name),
            "the form to {action} lacks `{name}`: {form:?}"
        );
    }
    let html = &page.html;
    for name in names {
        if !["token", "next", "account_type"].contains(name) {
            assert!(
                html.contains(&format!("<label for=\"{name}\"")),
                "no label for {name}"
            );
        }
    }
}

#[tokio::test]
async fn each_page_answers_with_its_form_and_the_security_headers() {
    on_both(|app| async move {
        let mut b = Browser::new(&app);
        let sign_in = b.get("/app/sign-in").await;
        sign_in.assert_status(200);
        assert_secure_html(&sign_in);
        assert_fields(&sign_in, "/app/sign-in", &["email", "password", "next"]);

        let register = b.get("/app/register").await;
        register.assert_status(200);
        assert_secure_html(&register);
        assert_fields(
            &register,
            "/app/register",
            &[
                "display_name",
                "email",
                "password",
                "organization_name",
                "account_type",
            ],
        );
        for kind in ["expert", "lab", "vendor"] {
            assert!(
                register.html.contains(&format!("value=\"{kind}\"")),
                "{kind}"
            );
        }

        for (path, action) in [
            ("/verify-email?token=abc", "/verify-email"),
            ("/invitations/accept?token=abc", "/invitations/accept"),
            (
                "/credentials/crd_01jaaaaaaaaaaaaaaaaaaaaaaa/confirm-email?token=abc",
                "/credentials/crd_01jaaaaaaaaaaaaaaaaaaaaaaa/confirm-email",
            ),
        ] {
            let page = b.get(path).await;
            page.assert_status(200);
            assert_secure_html(&page);
            let form = page.form(action);
            assert!(
                form.contains(&("token".into(), "abc".into())),
                "{path}: {form:?}"
            );
            assert!(form.iter().any(|(n, _)| n == "csrf_token"), "{path}");
        }

        // Pages for signed-in people send everyone else to sign in, and back.
        for path in [
            "/app/",
            "/roster-invitations/accept?token=abc",
            "/payout-account?done=1",
        ] {
            let page = b.get(path).await;
            page.assert_status(303);
            assert!(
                page.location().starts_with("/app/sign-in?next="),
                "{path}: {}",
                page.location()
            );
        }

        // A link without its token, and a page that does not exist: HTML error pages.
        let broken = b.get("/verify-email").await;
        broken.assert_status(400);
        assert_secure_html(&broken);
        let missing = b.get("/app/no-such-page").await;
        missing.assert_status(404);
        assert_secure_html(&missing);

        // The stylesheet and script are compiled in and cached for long.
        let css_url = attr(&sign_in.html[sign_in.html.find("<link").unwrap()..], "href").unwrap();
        let css = b.get(&css_url).await;
        css.assert_status(200);
        assert!(css.header("content-type").starts_with("text/css"));
        assert!(css.header("cache-control").contains("max-age=31536000"));
        let js = b.get("/app/static/cadre.js").await;
        js.assert_status(200);
        assert!(js.header("content-type").starts_with("text/javascript"));
    })
    .await;
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_with_a_403_page() {
    on_both(|app| async move {
        let expert = app.expert().await;
        let mut b = Browser::new(&app);
        let page = b.get("/app/sign-in").await;
        let mut fields = page.form("/app/sign-in");
        fields.retain(|(n, _)| n != "csrf_token");
        fields.push(("email".into(), expert.email.clone()));
        fields.push(("password".into(), PASSWORD.into()));
        let refused = b.post("/app/sign-in", &fields).await;
        refused.assert_status(403);
        assert_secure_html(&refused);
        assert!(refused.set_cookie("__Host-cadre_session").is_none());

        // A token that is not the browser's own is refused too.
        let mut forged = fields.clone();
        forged.push(("csrf_token".into(), "forged".into()));
        b.post("/app/sign-in", &forged).await.assert_status(403);

        // And the landing pages' buttons: nothing happens without the token.
        let token_only = vec![("token".to_owned(), "abc".to_owned())];
        b.post("/verify-email", &token_only)
            .await
            .assert_status(403);
        b.post("/invitations/accept", &token_only)
            .await
            .assert_status(403);

        // Signed in, sign-out without the token leaves the session alone.
        b.sign_in(&expert.email).await;
        b.post("/app/sign-out", &[]).await.assert_status(403);
        b.get("/app/").await.assert_status(200);

        // A form from another site (its Origin) is refused even with the right token.
        let home = b.get("/app/").await;
        let fields = home.form("/app/sign-out");
        let r = b
            .client
            .post(format!("{}/app/sign-out", app.base))
            .header("cookie", b.cookie_header())
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(&fields).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 403);
        b.get("/app/").await.assert_status(200);
    })
    .await;
}

#[tokio::test]
async fn signing_in_sets_a_strict_session_cookie_that_rotates_and_signing_out_ends_it() {
    on_both(|app| async move {
        let expert = app.unverified_expert().await;
        let mut b = Browser::new(&app);
        // A wrong password re-renders the form with the reason and no session.
        let page = b.get("/app/sign-in").await;
        let wrong = b
            .submit(
                &page,
                "/app/sign-in",
                &[("email", &expert.email), ("password", "wrong password!")],
            )
            .await;
        wrong.assert_status(401);
        assert!(
            wrong.html.contains("invalid e-mail or password"),
            "{}",
            wrong.html
        );
        assert!(wrong.set_cookie("__Host-cadre_session").is_none());

        let page = b.get("/app/sign-in?next=/app/%3Fx%3D1").await;
        let r = b
            .submit(
                &page,
                "/app/sign-in",
                &[("email", &expert.email), ("password", PASSWORD)],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/app/?x=1");
        // The public URL is https, so the cookies are Secure and __Host- prefixed.
        for name in [
            "__Host-cadre_session",
            "__Host-cadre_refresh",
            "__Host-cadre_csrf",
        ] {
            let c = r
                .set_cookie(name)
                .unwrap_or_else(|| panic!("{name} set: {:?}", r.set_cookies));
            for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
                assert!(c.contains(attribute), "{name} lacks {attribute}: {c}");
            }
            assert!(!c.contains("Domain="), "{c}");
        }
        // An open redirect is not possible through `next`.
        let mut other = Browser::new(&app);
        let page = other.get("/app/sign-in?next=//evil.example/").await;
        let r = other
            .submit(
                &page,
                "/app/sign-in",
                &[("email", &expert.email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.location(), "/app/");

        let home = b.get("/app/").await;
        home.assert_status(200);
        assert_secure_html(&home);
        assert!(home.html.contains(&expert.email), "{}", home.html);
        assert!(home.html.contains("not confirmed yet"));
        assert_eq!(home.header("cache-control"), "no-store");

        // Past the access token's lifetime the page renews it with the refresh token.
        app.advance(Duration::seconds(
            app.settings.auth.access_token_ttl_secs + 1,
        ));
        let renewed = b.get("/app/").await;
        renewed.assert_status(200);
        assert!(renewed.set_cookie("__Host-cadre_session").is_some());
        assert!(renewed.set_cookie("__Host-cadre_refresh").is_some());
        b.get("/app/").await.assert_status(200);

        // Signing out revokes the session: the old cookies no longer work anywhere.
        let stolen = b.jar.clone();
        let home = b.get("/app/").await;
        let out = b.submit(&home, "/app/sign-out", &[]).await;
        out.assert_status(303);
        assert_eq!(out.location(), "/app/sign-in");
        assert!(!b.jar.contains_key("__Host-cadre_session"));
        b.get("/app/").await.assert_status(303);
        let mut thief = Browser::new(&app);
        thief.jar = stolen;
        thief.get("/app/").await.assert_status(303);
    })
    .await;
}

#[tokio::test]
async fn user_text_is_escaped_on_the_page() {
    on_both(|app| async move {
        let mut b = Browser::new(&app);
        let page = b.get("/app/register").await;
        let email = app.email("escape");
        let r = b
            .submit(
                &page,
                "/app/register",
                &[
                    ("account_type", "expert"),
                    ("display_name", "<script>alert('x')</script>"),
                    ("email", &email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        r.assert_status(303);
        let home = b.get("/app/").await;
        home.assert_status(200);
        assert!(!home.html.contains("<script>alert"), "{}", home.html);
        assert!(
            home.html
                .contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;")
                || home.html.contains("&lt;script&gt;"),
            "{}",
            home.html
        );
    })
    .await;
}

#[tokio::test]
async fn registration_errors_are_shown_on_the_form() {
    on_both(|app| async move {
        let mut b = Browser::new(&app);
        let page = b.get("/app/register?account_type=lab").await;
        let r = b
            .submit(
                &page,
                "/app/register",
                &[
                    ("display_name", "Ada"),
                    ("email", "not-an-address"),
                    ("password", "short"),
                ],
            )
            .await;
        r.assert_status(422);
        for field in ["email", "password", "organization_name"] {
            assert!(
                r.html.contains(&format!("<strong>{field}</strong>")),
                "{field}: {}",
                r.html
            );
        }
        assert!(
            r.html.contains("value=\"Ada\""),
            "the form keeps what was typed"
        );
        assert!(r.set_cookie("__Host-cadre_session").is_none());
    })
    .await;
}

/// Follows every link of `mail`: each lands on a 200 page, opened by a browser that is
/// not signed in (a mail scanner's prefetch) or by `b`. Returns the pages.
async fn follow_every_link(b: &mut Browser<'_>, body: &str) -> Vec<(String, Page)> {
    let found = links(body);
    assert!(!found.is_empty(), "the e-mail has a link: {body}");
    let mut pages = Vec::new();
    for link in found {
        assert!(
            link.starts_with(&b.app.settings.http.public_url),
            "{link} is under http.public_url"
        );
        // A scanner that prefetches the link changes nothing and gets a page too.
        let mut scanner = Browser::new(b.app);
        let prefetched = scanner.get(&link).await;
        assert!(
            [200, 303].contains(&prefetched.status),
            "{link}: {}",
            prefetched.status
        );
        let page = b.get(&link).await;
        page.assert_status(200);
        assert_secure_html(&page);
        pages.push((link, page));
    }
    pages
}

#[tokio::test]
async fn every_link_in_every_front_door_email_lands_on_a_page_whose_form_does_the_action() {
    on_both(|app| async move {
        // 1. An expert registers on the page and is signed in at once.
        let mut expert = Browser::new(&app);
        let email = app.email("page-expert");
        let page = expert.get("/app/register").await;
        let r = expert
            .submit(
                &page,
                "/app/register",
                &[("account_type", "expert"), ("display_name", "Dr. Amara Osei"), ("email", &email), ("password", PASSWORD)],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/app/");
        assert!(expert.get("/app/").await.html.contains("not confirmed yet"));

        // 2. The verification e-mail: its link opens a page; its button verifies.
        let mail = app.the_mail_to(&email).await;
        let pages = follow_every_link(&mut expert, &mail.body()).await;
        let login = app.login(&email, PASSWORD).await;
        let token = login.json["access_token"].as_str().unwrap().to_owned();
        let me = app.get("/v1/me", &token).await;
        assert_eq!(me.json["user"]["email_verified"], false, "opening the link changed nothing");
        for (_, page) in &pages {
            let done = expert.submit(page, "/verify-email", &[]).await;
            done.assert_status(200);
            assert!(done.html.contains("E-mail address confirmed"), "{}", done.html);
        }
        let me = app.get("/v1/me", &token).await;
        assert_eq!(me.json["user"]["email_verified"], true);
        let home = expert.get("/app/").await;
        assert!(home.html.contains("confirmed") && !home.html.contains("not confirmed"), "{}", home.html);
        // The link is single-use: a second press says so on an HTML page.
        let again = expert.submit(&pages[0].1, "/verify-email", &[]).await;
        again.assert_status(409);
        assert_secure_html(&again);

        // 3. An organisation invitation to a new address: the page creates the account.
        let lab = app.lab("Helix Labs").await;
        let invitee = app.email("page-invitee");
        app.post(&format!("/v1/orgs/{}/invitations", lab.org()), &lab.token, json!({"email": invitee, "role": "lab_member"}))
            .await
            .assert_status(201);
        let mail = app.the_mail_to(&invitee).await;
        let mut newcomer = Browser::new(&app);
        let pages = follow_every_link(&mut newcomer, &mail.body()).await;
        for (_, page) in &pages {
            assert_fields(page, "/invitations/accept", &["token", "display_name", "password"]);
            let done = newcomer
                .submit(page, "/invitations/accept", &[("display_name", "Grace"), ("password", PASSWORD)])
                .await;
            done.assert_status(200);
            assert!(done.html.contains("You joined Helix Labs as lab member"), "{}", done.html);
        }
        let home = newcomer.get("/app/").await;
        home.assert_status(200);
        assert!(home.html.contains("Helix Labs") && home.html.contains("lab_member"), "{}", home.html);

        // 4. Roster invitations to the (verified) expert: one accepted, one declined.
        let admin = app.platform_admin().await;
        let domain = app
            .post("/v1/domains", &admin.token, json!({"slug": "medicine", "name": "Medicine"}))
            .await;
        domain.assert_status(201);
        app.post("/v1/experts/me", &token, json!({
            "display_name": "Dr. Amara Osei", "domain_ids": [domain.json["id"]], "languages": ["en"],
            "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 9000, "desired_currency": "GBP"
        }))
        .await
        .assert_status(201);
        let vendor = app.vendor("Meridian").await;
        app.drain_jobs().await;
        let before = app.mail_to(&email).len();
        app.roster_invitation(&vendor, &email).await;
        let mails = app.mail_to(&email);
        assert_eq!(mails.len(), before + 1);
        let pages = follow_every_link(&mut expert, &mails[before].body()).await;
        for (_, page) in &pages {
            assert_fields(page, "/roster-invitations/accept", &["token"]);
            assert_fields(page, "/roster-invitations/decline", &["token"]);
            let done = expert.submit(page, "/roster-invitations/accept", &[]).await;
            done.assert_status(200);
            assert!(done.html.contains("You joined the roster"), "{}", done.html);
        }
        let profile = app.get("/v1/experts/me", &token).await;
        assert_eq!(profile.json["vendor_id"], vendor.org());

        let other = app.vendor("Northwind").await;
        app.drain_jobs().await;
        let before = app.mail_to(&email).len();
        app.roster_invitation(&other, &email).await;
        let mails = app.mail_to(&email);
        let pages = follow_every_link(&mut expert, &mails[before].body()).await;
        for (_, page) in &pages {
            let done = expert.submit(page, "/roster-invitations/decline", &[]).await;
            done.assert_status(200);
            assert!(done.html.contains("declined"), "{}", done.html);
        }
        let listed = app
            .get(&format!("/v1/vendors/{}/roster/invitations", other.org()), &other.token)
            .await;
        assert_eq!(listed.json["data"][0]["status"], "declined", "{}", listed.text);

        // A signed-out expert who opens a roster link signs in and comes back to it.
        let mut fresh = Browser::new(&app);
        let link = &pages[0].0;
        let bounce = fresh.get(link).await;
        bounce.assert_status(303);
        let sign_in = fresh.get(bounce.location()).await;
        let back = fresh
            .submit(&sign_in, "/app/sign-in", &[("email", &email), ("password", PASSWORD)])
            .await;
        back.assert_status(303);
        assert!(back.location().starts_with("/roster-invitations/accept?token="), "{}", back.location());

        // 5. An institutional e-mail check: whoever holds that mailbox confirms on the page.
        let credential = app
            .post("/v1/experts/me/credentials", &token, json!({"kind": "licence", "issuer": "Ärztekammer Berlin",
                "issuer_domain": "aekb.de", "identifier": "BE-777", "field": "medicine", "jurisdiction": "DE-BE",
                "expires_on": "2031-01-01"}))
            .await;
        credential.assert_status(201);
        let credential = credential.json["id"].as_str().unwrap().to_owned();
        let institutional = app.email("osei").replace("@example.com", "@aekb.de");
        app.post(&format!("/v1/credentials/{credential}/email-verification"), &token, json!({"email": institutional}))
            .await
            .assert_status(202);
        let mail = app.the_mail_to(&institutional).await;
        let mut registrar = Browser::new(&app);
        let pages = follow_every_link(&mut registrar, &mail.body()).await;
        let action = format!("/credentials/{credential}/confirm-email");
        for (_, page) in &pages {
            let done = registrar.submit(page, &action, &[]).await;
            done.assert_status(200);
            assert!(done.html.contains("is confirmed as the credential"), "{}", done.html);
        }
        // Done: the API sees the link as used.
        app.post_anon(
            &format!("/v1/credentials/{credential}/email-verification/confirm"),
            json!({"token": mail.token()}),
        )
        .await
        .assert_problem(409, None);

        // Every message this story sent was followed above.
        for address in [&email, &invitee, &institutional] {
            for m in app.mail_to(address) {
                for link in links(&m.body()) {
                    let mut b = Browser::new(&app);
                    let landed = b.get(&link).await;
                    assert!([200, 303].contains(&landed.status), "{link}: {}", landed.status);
                }
            }
        }
    })
    .await;
}

#[tokio::test]
async fn a_mangled_link_gets_an_html_error_page() {
    on_both(|app| async move {
        let mut b = Browser::new(&app);
        for path in [
            "/verify-email?token=%ZZ&token=a&token",
            "/app/sign-in?next=%",
        ] {
            let page = b.get(path).await;
            assert!([200, 400].contains(&page.status), "{path}: {}", page.status);
            assert_secure_html(&page);
        }
    })
    .await;
}

const NEW_PASSWORD: &str = "a brand new passphrase 42";

#[tokio::test]
async fn the_password_reset_pages_work_from_the_emailed_link_and_tell_nobody_who_is_registered() {
    on_both(|app| async move {
        let a = app.expert().await;
        let mut b = Browser::new(&app);
        let sign_in = b.get("/app/sign-in").await;
        assert!(
            sign_in.html.contains("href=\"/app/password-reset\""),
            "{}",
            sign_in.html
        );
        let page = b.get("/app/password-reset").await;
        page.assert_status(200);
        assert_secure_html(&page);
        assert_fields(&page, "/app/password-reset", &["email"]);
        // CSRF on the form.
        b.post("/app/password-reset", &[("email".into(), a.email.clone())])
            .await
            .assert_status(403);
        let known = b
            .submit(&page, "/app/password-reset", &[("email", &a.email)])
            .await;
        known.assert_status(200);
        assert!(known.html.contains("Check your inbox"), "{}", known.html);
        let nobody = app.email("nobody-page");
        let unknown = b
            .submit(&page, "/app/password-reset", &[("email", &nobody)])
            .await;
        unknown.assert_status(200);
        assert_eq!(known.html, unknown.html, "the same page either way");
        app.drain_jobs().await;
        assert!(app.mail_to(&nobody).is_empty());

        let mail = app
            .mail_to(&a.email)
            .into_iter()
            .rfind(|m| m.subject() == "Reset your Cadre password")
            .expect("the reset e-mail");
        let pages = follow_every_link(&mut b, &mail.body()).await;
        app.login(&a.email, PASSWORD).await.assert_status(200);
        for (link, page) in &pages {
            assert_fields(page, "/password-reset", &["token", "new_password"]);
            let weak = b
                .submit(page, "/password-reset", &[("new_password", "password123")])
                .await;
            weak.assert_status(422);
            assert_fields(&weak, "/password-reset", &["token", "new_password"]);
            let done = b
                .submit(page, "/password-reset", &[("new_password", NEW_PASSWORD)])
                .await;
            done.assert_status(200);
            assert!(done.html.contains("Password changed"), "{}", done.html);
            // The link works once (the page signed this browser out: open the link again).
            let reopened = b.get(link).await;
            let again = b
                .submit(
                    &reopened,
                    "/password-reset",
                    &[("new_password", NEW_PASSWORD)],
                )
                .await;
            again.assert_status(409);
            assert_secure_html(&again);
        }
        app.login(&a.email, PASSWORD).await.assert_status(401);
        app.login(&a.email, NEW_PASSWORD).await.assert_status(200);
        app.get("/v1/me", &a.token).await.assert_status(401);
    })
    .await;
}

#[tokio::test]
async fn the_account_page_changes_the_password_and_the_address_through_the_emailed_link() {
    on_both(|app| async move {
        let c = app.expert().await;
        let mut b = Browser::new(&app);
        b.sign_in(&c.email).await;
        let home = b.get("/app/").await;
        assert!(home.html.contains("href=\"/app/account\""), "{}", home.html);
        let page = b.get("/app/account").await;
        page.assert_status(200);
        assert_secure_html(&page);
        assert_fields(
            &page,
            "/app/account/password",
            &["current_password", "new_password"],
        );
        assert_fields(&page, "/app/account/email", &["new_email", "password"]);

        // Password change: a wrong current password is said on the page; then the change
        // keeps this browser signed in and ends the other session.
        let wrong = b
            .submit(
                &page,
                "/app/account/password",
                &[
                    ("current_password", "not my password"),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        wrong.assert_status(403);
        assert!(wrong.html.contains("does not match"), "{}", wrong.html);
        let changed = b
            .submit(
                &page,
                "/app/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        changed.assert_status(303);
        assert_eq!(changed.location(), "/app/account?done=password");
        let after = b.get("/app/account?done=password").await;
        after.assert_status(200);
        assert!(
            after.html.contains("Your password was changed"),
            "{}",
            after.html
        );
        app.get("/v1/me", &c.token).await.assert_status(401);

        // E-mail change: the link goes to the new address and lands on a page whose
        // button makes the change.
        let new = app.email("page-moved");
        let asked = b
            .submit(
                &after,
                "/app/account/email",
                &[("new_email", &new), ("password", NEW_PASSWORD)],
            )
            .await;
        asked.assert_status(303);
        assert_eq!(asked.location(), "/app/account?done=email");
        let mail = app.the_mail_to(&new).await;
        let pages = follow_every_link(&mut b, &mail.body()).await;
        app.login(&c.email, NEW_PASSWORD).await.assert_status(200);
        for (_, page) in &pages {
            assert_fields(page, "/email-change", &["token"]);
            let done = b.submit(page, "/email-change", &[]).await;
            done.assert_status(200);
            assert!(
                done.html.contains("E-mail address changed") && done.html.contains(&new),
                "{}",
                done.html
            );
        }
        app.login(&new, NEW_PASSWORD).await.assert_status(200);
        let account = b.get("/app/account").await;
        assert!(
            account.html.contains(&new),
            "still signed in, with the new address: {}",
            account.html
        );
        app.drain_jobs().await;
        let notice = app
            .mail_to(&c.email)
            .pop()
            .expect("a notice to the old address");
        assert_eq!(notice.subject(), "Your Cadre e-mail address was changed");
        assert!(links(&notice.body()).is_empty());
    })
    .await;
}
