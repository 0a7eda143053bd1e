//! Bad input of every kind gets a problem+json 4xx that names what is wrong, and never
//! a 500 or a half-written change.

use reqwest::Method;
use serde_json::{Value, json};

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

// ---------------------------------------------------------------- the OpenAPI contract

/// `GET /v1/payouts/run` is the concrete path `/v1/payouts/run` (POST only), never the
/// template `/v1/payouts/{payout}` with the id `run`: 405 with `Allow`, as for any method
/// a documented path does not have.
#[tokio::test]
async fn concrete_paths_answer_405_with_allow_for_other_methods() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        for (path, allow) in [
            ("/v1/payouts/run", "POST"),
            ("/v1/invoices/run", "POST"),
            ("/v1/assignments/next", "POST"),
        ] {
            let r = app.get(path, &admin.token).await;
            r.assert_problem(405, None);
            assert_eq!(r.header("allow"), Some(allow), "GET {path}: {}", r.text);
        }
        // The template still serves its own ids (a well-formed unknown one is a 404).
        app.get("/v1/payouts/pyo_01jd3v7q8y2k5m9n4p6r8s0t2w", &admin.token)
            .await
            .assert_problem(404, None);

        // Every documented path refuses a method it does not document, naming the ones it has.
        let doc: Value = serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
        let mut wrong = Vec::new();
        for (template, item) in doc["paths"].as_object().unwrap() {
            let documented: Vec<String> = ["DELETE", "GET", "PATCH", "POST", "PUT"]
                .iter()
                .filter(|m| item.get(m.to_ascii_lowercase()).is_some())
                .map(|m| (*m).to_owned())
                .collect();
            let Some(missing) = ["PATCH", "PUT", "DELETE", "POST", "GET"]
                .iter()
                .find(|m| !documented.iter().any(|d| d == *m))
            else {
                continue;
            };
            let path = concrete(template, &doc, item, false);
            let r = app
                .call(
                    Method::from_bytes(missing.as_bytes()).unwrap(),
                    &path,
                    Some(&admin.token),
                    None,
                )
                .await;
            let allow = r.header("allow").unwrap_or_default().to_owned();
            if r.status.as_u16() != 405 || allow != documented.join(", ") {
                wrong.push(format!("{missing} {path}: {} Allow `{allow}`", r.status));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} path(s):\n  {}",
            wrong.len(),
            wrong.join("\n  ")
        );
    })
    .await;
}

/// A query value outside its documented schema (here `0–3650`) is refused by the server,
/// naming the parameter; values inside it are taken.
#[tokio::test]
async fn query_values_outside_the_documented_range_are_refused() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        for bad in ["-1", "3651", "soon"] {
            app.get(
                &format!("/v1/experts?min_days_in_status={bad}"),
                &admin.token,
            )
            .await
            .assert_problem(400, Some("min_days_in_status"));
        }
        app.get("/v1/experts?min_days_in_status=0", &admin.token)
            .await
            .assert_status(200);
        app.get("/v1/shifts?status=sleeping", &admin.token)
            .await
            .assert_problem(400, Some("status"));
        // Naming an expert the caller cannot see is a documented 404 (D4).
        let doc: Value = serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
        for list in ["/v1/time-entries", "/v1/timesheets"] {
            let lab = app.lab(&format!("Lab {list}")).await;
            app.get(
                &format!("{list}?expert=exp_01jd3v7q8y2k5m9n4p6r8s0t2w"),
                &lab.token,
            )
            .await
            .assert_problem(404, None);
            assert!(
                doc["paths"][list]["get"]["responses"].get("404").is_some(),
                "{list}"
            );
            assert!(
                doc["paths"][list]["get"]["parameters"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["name"] == "expert"),
                "{list} documents `expert`"
            );
        }
        app.get("/v1/shifts?status=offered", &admin.token)
            .await
            .assert_status(200);
        let lab = app.lab("Range Lab").await;
        app.get(
            "/v1/slices/slc_01jd3v7q8y2k5m9n4p6r8s0t2w/reliability?window_days=366",
            &lab.token,
        )
        .await
        .assert_problem(400, Some("window_days"));
    })
    .await;
}

/// A concrete request path for a documented template: ids of the right kind (well-formed,
/// unknown), or malformed ones.
fn concrete(template: &str, doc: &Value, item: &Value, malformed: bool) -> String {
    let params: Vec<&Value> = item
        .as_object()
        .unwrap()
        .values()
        .flat_map(|op| op["parameters"].as_array().into_iter().flatten())
        .collect();
    let mut out = template.to_owned();
    while let Some(start) = out.find('{') {
        let end = start + out[start..].find('}').unwrap();
        let name = &out[start + 1..end];
        let schema = params
            .iter()
            .find(|p| p["name"] == name && p["in"] == "path")
            .map(|p| resolve(doc, &p["schema"]))
            .unwrap_or(Value::Null);
        let value = if malformed {
            "not-an-id".to_owned()
        } else if schema["type"] == "integer" {
            "1".to_owned()
        } else if let Some(prefix) = schema["pattern"]
            .as_str()
            .and_then(|p| p.strip_prefix('^'))
            .and_then(|p| p.split('_').next())
        {
            format!("{prefix}_01jd3v7q8y2k5m9n4p6r8s0t2w")
        } else {
            "x".to_owned()
        };
        out.replace_range(start..=end, &value);
    }
    out
}

/// A schema with one `$ref` followed.
fn resolve(doc: &Value, schema: &Value) -> Value {
    match schema["$ref"].as_str() {
        Some(r) => pointer(doc, r).cloned().unwrap_or(Value::Null),
        None => schema.clone(),
    }
}

fn pointer<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    reference.strip_prefix('#').and_then(|p| doc.pointer(p))
}

/// Every `$ref` of a document, with where it sits.
fn refs(value: &Value, at: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push((at.clone(), r.clone())),
                    _ => refs(v, format!("{at}/{k}"), out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                refs(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn dangling(doc: &Value) -> Vec<String> {
    let mut all = Vec::new();
    refs(doc, String::new(), &mut all);
    all.into_iter()
        .filter(|(_, r)| pointer(doc, r).is_none())
        .map(|(at, r)| format!("{at}: {r}"))
        .collect()
}

#[test]
fn every_ref_of_the_document_resolves() {
    let doc: Value = serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
    let mut all = Vec::new();
    refs(&doc, String::new(), &mut all);
    assert!(
        all.len() > 500,
        "the walk sees the document's refs ({})",
        all.len()
    );
    let found = dangling(&doc);
    assert!(
        found.is_empty(),
        "{} dangling $ref(s):\n  {}",
        found.len(),
        found.join("\n  ")
    );
    // The check is not blind.
    let broken = json!({"paths": {"/x": {"get": {"parameters": [{"schema": {"$ref": "#/components/schemas/Gone"}}]}}},
                        "components": {"schemas": {"Here": {}}}});
    assert_eq!(
        dangling(&broken),
        ["/paths//x/get/parameters/0/schema: #/components/schemas/Gone"]
    );
}

/// Component names the Rust sources give: `(name, "file: RustType")` for every type that
/// derives `ToSchema` (its ident, or its `#[schema(as = …)]`), every `define_id!` and every
/// hand-written `impl … ToSchema for …`.
fn schema_names(files: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (file, text) in files {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            // A derive list rustfmt broke over several lines is read to its end.
            let derive_end = lines[i..]
                .iter()
                .position(|l| l.ends_with(")]"))
                .map_or(i, |n| i + n);
            let derives = lines[i..=derive_end].join(" ");
            if line.starts_with("#[derive(") && derives.contains("ToSchema") {
                let mut alias = None;
                for next in &lines[derive_end + 1..] {
                    if next.starts_with("//") {
                        continue;
                    }
                    if let Some(rest) = next.strip_prefix("#[schema(")
                        && let Some(a) = rest.split("as = ").nth(1)
                    {
                        alias = Some(
                            a.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                                .next()
                                .unwrap_or("")
                                .replace("::", "."),
                        );
                    }
                    let decl = next
                        .split_whitespace()
                        .skip_while(|w| *w != "struct" && *w != "enum")
                        .nth(1);
                    if let Some(ident) = decl {
                        let ident: String = ident
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        out.push((
                            alias.unwrap_or_else(|| ident.clone()),
                            format!("{file}: {ident}"),
                        ));
                        break;
                    }
                }
            }
            let manual = line
                .strip_prefix("impl utoipa::ToSchema for ")
                .or_else(|| line.strip_prefix("impl ToSchema for "));
            if let Some(rest) = manual {
                let ident: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !ident.is_empty() {
                    out.push((ident.clone(), format!("{file}: {ident}")));
                }
            }
            if let Some(rest) = line.strip_prefix("define_id!(") {
                // rustfmt puts a long invocation's arguments on the next line.
                let rest = if rest.is_empty() {
                    lines.get(i + 1).copied().unwrap_or("")
                } else {
                    rest
                };
                let ident: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !ident.is_empty() {
                    out.push((ident.clone(), format!("{file}: {ident}")));
                }
            }
        }
    }
    out
}

fn rust_sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

fn collisions(names: &[(String, String)]) -> Vec<String> {
    let mut by_name: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (name, origin) in names {
        by_name.entry(name).or_default().push(origin);
    }
    by_name
        .into_iter()
        .filter(|(_, o)| o.len() > 1)
        .map(|(n, o)| format!("`{n}`: {}", o.join(" and ")))
        .collect()
}

/// Two Rust types with one component name leave one definition in the document and the
/// other type documented wrongly (a client would send the wrong shape). Every component
/// of the document is traced to the types the scan found, so a way of making schemas the
/// scan does not know fails here instead of hiding a collision.
#[test]
fn every_component_name_belongs_to_one_rust_type() {
    let names = schema_names(&rust_sources());
    let found = collisions(&names);
    assert!(
        found.is_empty(),
        "{} component name(s) shared by several Rust types (give one `#[schema(as = …)]`):\n  {}",
        found.len(),
        found.join("\n  ")
    );
    let known: std::collections::BTreeSet<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
    let doc: Value = serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
    let untraced: Vec<&String> = doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        // A generic type's instance (`Page_ItemView`) comes from the generic type.
        .filter(|n| {
            !known.contains(n.as_str())
                && !n.split_once('_').is_some_and(|(g, _)| known.contains(g))
        })
        .collect();
    assert!(
        untraced.is_empty(),
        "components the scan cannot trace to a Rust type: {untraced:?}"
    );

    // The checks are not blind: a shared name is reported with both types, an alias counts.
    let sample = |a: &str| {
        vec![
            (
                "a.rs".to_owned(),
                "#[derive(Debug, ToSchema)]\npub enum Decision {\n    A,\n}\n".to_owned(),
            ),
            (
                "b.rs".to_owned(),
                format!(
                    "#[derive(Deserialize, ToSchema)]\n#[serde(rename_all = \"snake_case\")]\n{a}pub(crate) enum Decision {{\n    B,\n}}\n"
                ),
            ),
        ]
    };
    assert_eq!(
        collisions(&schema_names(&sample(""))),
        ["`Decision`: a.rs: Decision and b.rs: Decision"]
    );
    assert!(collisions(&schema_names(&sample("#[schema(as = AppealDecision)]\n"))).is_empty());
}

/// Every status the server answers is one the operation documents. Each operation is
/// called anonymously, as an expert and as a lab admin, with unknown ids of the right
/// kind, with malformed ids, with an empty JSON body and with an out-of-range value for
/// each query parameter; nothing may answer a 5xx or a status its operation does not list.
#[tokio::test]
async fn every_status_the_server_answers_is_documented() {
    on_both(|app| async move {
        let doc: Value = serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
        let lab = app.lab("Probe Lab").await;
        let expert = app.expert().await;
        let mut calls = 0;
        let mut wrong = Vec::new();
        for (template, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let documented: Vec<&String> =
                    op["responses"].as_object().unwrap().keys().collect();
                let has_body = op.get("requestBody").is_some();
                let body = has_body.then(|| json!({}));
                let has_path = template.contains('{');
                let m = Method::from_bytes(method.to_ascii_uppercase().as_bytes()).unwrap();
                let good = concrete(template, &doc, item, false);
                // Logging out would end the probing session; its statuses are the auth tests'.
                let tokens: Vec<Option<&str>> = if template.ends_with("/logout") {
                    vec![None]
                } else {
                    vec![None, Some(expert.token.as_str()), Some(lab.token.as_str())]
                };
                let mut probes: Vec<(String, Option<&str>)> =
                    tokens.iter().map(|t| (good.clone(), *t)).collect();
                if has_path {
                    probes.push((
                        concrete(template, &doc, item, true),
                        Some(lab.token.as_str()),
                    ));
                }
                for p in op["parameters"].as_array().into_iter().flatten() {
                    if p["in"] != "query" {
                        continue;
                    }
                    let schema = resolve(&doc, &p["schema"]);
                    let bad = if schema["type"] == "integer" {
                        "-1000000"
                    } else {
                        "%00"
                    };
                    probes.push((
                        format!("{good}?{}={bad}", p["name"].as_str().unwrap()),
                        Some(lab.token.as_str()),
                    ));
                }
                for (path, token) in probes {
                    let r = app.call(m.clone(), &path, token, body.clone()).await;
                    calls += 1;
                    let status = r.status.as_u16().to_string();
                    if r.status.is_server_error() || !documented.contains(&&status) {
                        wrong.push(format!(
                            "{} {path} ({}): {status} not in {documented:?}: {}",
                            method.to_ascii_uppercase(),
                            if token.is_none() {
                                "anonymous"
                            } else {
                                "signed in"
                            },
                            r.text.chars().take(160).collect::<String>()
                        ));
                    }
                }
            }
        }
        assert!(calls > 500, "the probe made {calls} calls");
        assert!(
            wrong.is_empty(),
            "{} undocumented status(es):\n  {}",
            wrong.len(),
            wrong.join("\n  ")
        );
    })
    .await;
}
