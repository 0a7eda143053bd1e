//! Request extractors that turn every kind of bad input into a problem+json 4xx:
//!
//! * [`Json`]: `Content-Type` must be JSON (415), the body must fit the configured limit
//!   (413), be well-formed (400) and match the request type (422 naming the field by
//!   its JSON path, e.g. `organization.name`), then pass the type's [`Validate`] rules (422).
//! * [`Query`]: query strings, 400 naming the parameter.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, http::header};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::error::{ApiError, FieldError};

/// Default request body limit (1 MiB); configurable as `http.max_body_bytes`.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The body limit in force, put in app data at start-up.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// Semantic validation after deserialisation. Return every problem at once.
pub trait Validate {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Ok(())
    }
}

/// Collects field errors; `finish` turns a non-empty list into `Err`.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn check(&mut self, ok: bool, field: &str, message: &str) -> &mut Self {
        if !ok {
            self.0.push(FieldError::new(field, message));
        }
        self
    }

    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) -> &mut Self {
        self.0.push(FieldError::new(field, message));
        self
    }

    /// Length in characters within `min..=max` (after trimming), no control characters.
    pub fn text(&mut self, value: &str, field: &str, min: usize, max: usize) -> &mut Self {
        let n = value.trim().chars().count();
        if value.chars().any(char::is_control) {
            self.0.push(FieldError::new(
                field,
                "must not contain control characters",
            ));
        } else if n < min {
            let msg = if min == 1 {
                "must not be empty".to_owned()
            } else {
                format!("must be at least {min} characters")
            };
            self.0.push(FieldError::new(field, msg));
        } else if n > max {
            self.0.push(FieldError::new(
                field,
                format!("must be at most {max} characters"),
            ));
        }
        self
    }

    pub fn finish(&mut self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(std::mem::take(&mut self.0))
        }
    }
}

/// A JSON request body of type `T`, read and checked as the module docs describe.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BodyLimit>()
            .map(|l| l.0)
            .unwrap_or(DEFAULT_BODY_LIMIT);
        let content_type_ok = is_json_content_type(req);
        let declared_len = content_length(req);
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                if declared_len.is_some_and(|len| len > limit) {
                    return Err(ApiError::payload_too_large(limit));
                }
                return Err(ApiError::unsupported_media_type(
                    "the request body must be JSON (Content-Type: application/json)",
                ));
            }
            let body = read_body(&mut payload, limit, declared_len).await?;
            let value: T = parse_json(&body)?;
            value.validate().map_err(ApiError::validation)?;
            Ok(Json(value))
        })
    }
}

/// Reads a request body, refusing (413) anything over `limit` bytes.
pub async fn read_body(
    payload: &mut Payload,
    limit: usize,
    declared_len: Option<usize>,
) -> Result<Vec<u8>, ApiError> {
    if declared_len.is_some_and(|len| len > limit) {
        return Err(ApiError::payload_too_large(limit));
    }
    let mut body = Vec::with_capacity(declared_len.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| match e {
            actix_web::error::PayloadError::Overflow => ApiError::payload_too_large(limit),
            other => ApiError::bad_request(format!("could not read the request body: {other}")),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::payload_too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn content_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// The body limit for bulk uploads, put in app data at start-up.
#[derive(Debug, Clone, Copy)]
pub struct BulkLimit(pub usize);

/// A bulk upload: a JSON array of objects (or one object), or JSONL (`application/x-ndjson`
/// or `application/jsonl`, one object per line). Each row is kept as a JSON value, or as
/// the reason it could not be read, with its row number (the array index, or the line
/// number from 0 for JSONL, blank lines included) so callers can report errors per row.
#[derive(Debug)]
pub struct BulkRows(
    pub Vec<(usize, Result<serde_json::Value, String>)>,
    /// The body was one JSON object (a single-item request), not an array or JSON lines.
    pub bool,
);

/// Most rows one bulk request may carry.
pub const MAX_BULK_ROWS: usize = 1000;

impl FromRequest for BulkRows {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BulkLimit>()
            .map(|l| l.0)
            .unwrap_or(16 * DEFAULT_BODY_LIMIT);
        let essence = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|ct| {
                ct.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let jsonl = matches!(
            essence.as_str(),
            "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines"
        );
        let json = essence == "application/json";
        let declared_len = content_length(req);
        let mut payload = payload.take();
        Box::pin(async move {
            if !json && !jsonl {
                return Err(ApiError::unsupported_media_type(
                    "send a JSON array (application/json) or JSON lines (application/x-ndjson)",
                ));
            }
            let body = read_body(&mut payload, limit, declared_len).await?;
            let mut single = false;
            let rows: Vec<(usize, Result<serde_json::Value, String>)> = if jsonl {
                let text = std::str::from_utf8(&body)
                    .map_err(|_| ApiError::bad_request("the body is not UTF-8 text"))?;
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(n, l)| {
                        (
                            n,
                            serde_json::from_str(l).map_err(|e| format!("not valid JSON: {e}")),
                        )
                    })
                    .collect()
            } else {
                match parse_json::<serde_json::Value>(&body)? {
                    serde_json::Value::Array(items) => {
                        items.into_iter().map(Ok).enumerate().collect()
                    }
                    one @ serde_json::Value::Object(_) => {
                        single = true;
                        vec![(0, Ok(one))]
                    }
                    _ => {
                        return Err(ApiError::invalid_field(
                            "body",
                            "must be an array of objects",
                        ));
                    }
                }
            };
            if rows.is_empty() {
                return Err(ApiError::invalid_field(
                    "body",
                    "must contain at least one row",
                ));
            }
            if rows.len() > MAX_BULK_ROWS {
                return Err(ApiError::invalid_field(
                    "body",
                    format!("may contain at most {MAX_BULK_ROWS} rows"),
                ));
            }
            Ok(BulkRows(rows, single))
        })
    }
}

fn is_json_content_type(req: &HttpRequest) -> bool {
    let Some(ct) = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Parses JSON, mapping syntax errors to 400 and shape errors to 422 naming the field.
/// Strings containing NUL are refused (422) because PostgreSQL text cannot hold them.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.is_empty() {
        return Err(ApiError::bad_request(
            "the request body is empty; a JSON document is required",
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| json_error(".", &e))?;
    if let Some(path) = find_nul(&value, String::new()) {
        return Err(ApiError::invalid_field(
            path,
            "must not contain NUL characters",
        ));
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        json_error(&path, &inner)
    })
}

/// The JSON path of the first string (or key) containing a NUL character.
fn find_nul(value: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value;
    let label = |p: &str| {
        if p.is_empty() {
            "body".to_owned()
        } else {
            p.to_owned()
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(label(&path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_nul(v, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let child = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            if k.contains('\0') {
                Some(label(&path))
            } else {
                find_nul(v, child)
            }
        }),
        _ => None,
    }
}

fn json_error(path: &str, e: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ApiError::bad_request(format!(
            "the request body is not valid JSON: {} (line {}, column {})",
            strip_position(&e.to_string()),
            e.line(),
            e.column()
        )),
        Category::Data => {
            let message = strip_position(&e.to_string());
            let mut field = if path == "." {
                String::new()
            } else {
                path.to_owned()
            };
            // serde reports a missing/unknown field at its parent; name the field itself.
            for marker in ["missing field `", "unknown field `"] {
                if let Some(rest) = message.strip_prefix(marker)
                    && let Some(name) = rest.split('`').next()
                    && !field.ends_with(name)
                {
                    field = if field.is_empty() {
                        name.to_owned()
                    } else {
                        format!("{field}.{name}")
                    };
                }
            }
            if field.is_empty() {
                field = "body".to_owned();
            }
            ApiError::validation(vec![FieldError::new(field, message)])
        }
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Query-string parameters of type `T`; bad values answer 400 naming the parameter.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

pub fn parse_query<T: DeserializeOwned>(qs: &str) -> Result<T, ApiError> {
    if let Some((key, _)) =
        form_urlencoded::parse(qs.as_bytes()).find(|(k, v)| k.contains('\0') || v.contains('\0'))
    {
        return Err(ApiError::bad_parameter(
            key.replace('\0', ""),
            "must not contain NUL characters",
        ));
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(qs.as_bytes()));
    serde_path_to_error::deserialize::<_, T>(de).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let mut field = if path == "." { String::new() } else { path };
        for marker in ["missing field `", "unknown field `"] {
            if let Some(rest) = message.strip_prefix(marker)
                && let Some(name) = rest.split('`').next()
            {
                field = name.to_owned();
            }
        }
        if field.is_empty() {
            field = "query".to_owned();
        }
        ApiError::bad_parameter(field, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Org {
        #[allow(dead_code)]
        name: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Register {
        #[allow(dead_code)]
        email: String,
        #[allow(dead_code)]
        organization: Option<Org>,
        #[allow(dead_code)]
        age: Option<u32>,
    }

    fn field_of(body: &str) -> (u16, String) {
        let e = parse_json::<Register>(body.as_bytes()).unwrap_err();
        let field = e
            .field_errors()
            .first()
            .map(|f| f.field.clone())
            .unwrap_or_default();
        (e.status().as_u16(), field)
    }

    #[test]
    fn malformed_json_is_400() {
        assert_eq!(field_of("{\"email\": ").0, 400);
        assert_eq!(field_of("not json").0, 400);
        assert_eq!(field_of("{\"email\":\"a\"} trailing").0, 400);
    }

    #[test]
    fn shape_errors_are_422_naming_the_field() {
        assert_eq!(field_of(r#"{"email": 5}"#), (422, "email".into()));
        assert_eq!(
            field_of(r#"{"email":"a","organization":{"name":1}}"#),
            (422, "organization.name".into())
        );
        assert_eq!(
            field_of(r#"{"email":"a","organization":{}}"#),
            (422, "organization.name".into())
        );
        assert_eq!(field_of(r#"{}"#), (422, "email".into()));
        assert_eq!(
            field_of(r#"{"email":"a","colour":"red"}"#),
            (422, "colour".into())
        );
        assert_eq!(field_of(r#"{"email":"a","age":-1}"#), (422, "age".into()));
        assert_eq!(field_of(r#""just a string""#), (422, "body".into()));
    }

    #[test]
    fn nul_characters_are_refused_naming_the_field() {
        assert_eq!(field_of(r#"{"email":"a\u0000b"}"#), (422, "email".into()));
        assert_eq!(
            field_of(r#"{"email":"a","organization":{"name":"x\u0000"}}"#),
            (422, "organization.name".into())
        );
        let e = parse_query::<Page>("limit=%00").unwrap_err();
        assert_eq!(
            (e.status().as_u16(), e.field_errors()[0].field.as_str()),
            (400, "limit")
        );
    }

    #[test]
    fn text_checks_refuse_control_characters() {
        assert!(
            Checks::new()
                .text("Ada\u{7}", "name", 1, 10)
                .finish()
                .is_err()
        );
        assert!(Checks::new().text("Ada", "name", 1, 10).finish().is_ok());
    }

    #[derive(Debug, Deserialize)]
    struct Page {
        #[allow(dead_code)]
        limit: Option<u32>,
    }

    #[test]
    fn bad_query_values_name_the_parameter() {
        let e = parse_query::<Page>("limit=abc").unwrap_err();
        assert_eq!(e.status().as_u16(), 400);
        assert_eq!(e.field_errors()[0].field, "limit");
        assert!(parse_query::<Page>("limit=5").is_ok());
    }
}
