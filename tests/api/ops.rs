//! Health, readiness, metrics, request ids, the OpenAPI contract and the docs page.

use crate::helpers::{Engine, on_both};

#[tokio::test]
async fn health_and_readiness_report_the_engine() {
    on_both(|app| async move {
        app.get_anon("/healthz").await.assert_status(200);
        let ready = app.get_anon("/readyz").await;
        ready.assert_status(200);
        let expected = match app.engine {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        };
        assert_eq!(ready.json["database"], expected);
    })
    .await;
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_status() {
    on_both(|app| async move {
        let lab = app.lab("Metrics Lab").await;
        app.get(&format!("/v1/orgs/{}", lab.org()), &lab.token)
            .await
            .assert_status(200);
        app.get_anon("/v1/nope").await.assert_status(404);
        let m = app.get("/metrics", crate::helpers::METRICS_TOKEN).await;
        m.assert_status(200);
        assert!(
            m.header("content-type")
                .unwrap_or("")
                .starts_with("text/plain")
        );
        assert!(
            m.text.contains(
                r#"cadre_http_requests_total{method="GET",route="/v1/orgs/{org}",status="200"} 1"#
            ),
            "{}",
            m.text
        );
        assert!(
            m.text.contains(r#"route="unmatched",status="404""#),
            "{}",
            m.text
        );
        assert!(
            m.text
                .contains("cadre_http_request_duration_seconds_bucket"),
            "{}",
            m.text
        );
        // Raw ids never become label values.
        assert!(!m.text.contains(lab.org()));
    })
    .await;
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    on_both(|app| async move {
        let a = app.get_anon("/healthz").await;
        let b = app.get_anon("/v1/me").await;
        let (a, b) = (
            a.header("x-request-id").unwrap().to_owned(),
            b.header("x-request-id").unwrap().to_owned(),
        );
        assert!(!a.is_empty());
        assert_ne!(a, b);
    })
    .await;
}

#[tokio::test]
async fn committed_openapi_document_matches_the_code() {
    let generated = cadre::http::openapi::spec_json();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `cargo run -- openapi --output openapi/openapi.json` and commit it"
    );
}

#[tokio::test]
async fn served_openapi_is_the_generated_document_and_documents_errors() {
    on_both(|app| async move {
        let served = app.get_anon("/openapi.json").await;
        served.assert_status(200);
        let generated: serde_json::Value =
            serde_json::from_str(&cadre::http::openapi::spec_json()).unwrap();
        assert_eq!(served.json, generated);
        assert_eq!(served.json["openapi"], "3.1.0");
        // Every operation declares at least one 4xx/5xx problem response, except pure probes.
        for (path, item) in served.json["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                if path == "/healthz" || path == "/metrics" {
                    continue;
                }
                let codes: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
                assert!(
                    codes
                        .iter()
                        .any(|c| c.starts_with('4') || c.starts_with('5')),
                    "{method} {path} documents no error response"
                );
            }
        }
        let docs = app.get_anon("/docs/").await;
        docs.assert_status(200);
        assert!(
            docs.text.contains("swagger"),
            "the docs page is the embedded Swagger UI"
        );
    })
    .await;
}
