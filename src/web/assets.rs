//! The stylesheet and two small scripts (`cadre.js` on every page, `workbench.js` on the
//! item page: the heartbeat), compiled into the binary (no CDN, no build step). Their URLs carry a content hash, so they are cached for a year and a new
//! release is fetched at once.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};

use super::session::security_headers;

const CSS: &str = include_str!("static/cadre.css");
const JS: &str = include_str!("static/cadre.js");
const WORKBENCH_JS: &str = include_str!("static/workbench.js");

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut h = Sha256::new();
    h.update(CSS.as_bytes());
    h.update(JS.as_bytes());
    h.update(WORKBENCH_JS.as_bytes());
    hex::encode(h.finalize()).chars().take(12).collect()
});

pub fn css_url() -> String {
    format!("/app/static/cadre.css?v={}", *VERSION)
}

pub fn js_url() -> String {
    format!("/app/static/cadre.js?v={}", *VERSION)
}

pub fn workbench_js_url() -> String {
    format!("/app/static/workbench.js?v={}", *VERSION)
}

pub async fn serve(name: web::Path<String>) -> HttpResponse {
    let (body, content_type) = match name.as_str() {
        "cadre.css" => (CSS, "text/css; charset=utf-8"),
        "cadre.js" => (JS, "text/javascript; charset=utf-8"),
        "workbench.js" => (WORKBENCH_JS, "text/javascript; charset=utf-8"),
        _ => {
            return super::errors::not_found_page();
        }
    };
    let mut res = HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(body);
    security_headers(res.headers_mut(), false);
    res
}
