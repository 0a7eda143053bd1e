//! The feature walls (docs/architecture.md), checked on the source tree so a change that
//! breaches one fails here with the file and the rule it broke:
//!
//! - every table in `src/db/schema.rs` has exactly one owner, declared on an `Owns:` line
//!   of the owning feature's `mod.rs`;
//! - a feature's `store` module is private, and no other module names it;
//! - a store names only its own feature's tables; `insert_into`, `diesel::update` and
//!   `diesel::delete` appear only in store files; `queries.rs` files only read;
//! - route files (those with `#[utoipa::path]` handlers), `views.rs` files and the pages
//!   (`src/web/`) do not use diesel;
//! - no service or other non-route module imports a routes module;
//! - API view types (`…View`) live at the edge (route files and `views.rs`): no service,
//!   store, query, job or pure-logic file declares one or imports a `views` module;
//! - features are layered ([`LAYERS`], lowest first) and a feature imports only features
//!   below it, so the import graph between features has no cycle — except the upward
//!   imports listed in [`KNOWN_UPWARD`], each with the reason it is still there; that list
//!   may only shrink.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules every feature may use; they import no feature (`auth` and `audit` are the
/// shared edges of identity and the audit log, `jobs` the outbox, `mail` the mailer).
const SHARED: &[&str] = &[
    "http",
    "error",
    "bulk",
    "db",
    "ids",
    "clock",
    "config",
    "country",
    "money",
    "state",
    "telemetry",
    "jobs",
    "mail",
    "audit",
    "auth",
];

/// Composition roots: they wire every feature together and nothing imports them.
const ROOTS: &[&str] = &["lib", "main", "startup", "worker", "demo"];

/// Every feature, lowest layer first. A feature may import the features listed before it.
const LAYERS: &[&str] = &[
    "orgs",
    "webhooks",
    "taxonomy",
    "projects",
    "gold",
    "assignments",
    "experts",
    "credentials",
    "payments",
    "standings",
    "scheduling",
    "assessments",
    "scoring",
    "calibration",
    "routing",
    "rosters",
    "appeals",
    "privacy",
    // The pages (server-rendered HTML): an edge over every feature, imported by none.
    "web",
];

/// Imports that still point up the layers (and so close a cycle), with why. The test fails
/// if one disappears (remove it here) or a new one appears (break it instead: read in
/// `queries.rs`, call the owner, move the code up, or invert the call).
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[
    (
        "experts",
        "credentials",
        "the lab-facing expert card shows credential eligibility",
    ),
    (
        "experts",
        "standings",
        "the lab-facing expert card shows slice standings",
    ),
    (
        "experts",
        "payments",
        "a changed desired rate re-prices open pay rates",
    ),
    (
        "experts",
        "rosters",
        "applying with a roster invitation joins the roster",
    ),
    (
        "experts",
        "scheduling",
        "offboarding releases the expert's future shifts",
    ),
    (
        "credentials",
        "routing",
        "a verified credential offers waiting work at once",
    ),
    (
        "standings",
        "routing",
        "a new status or tier offers waiting work at once",
    ),
    (
        "standings",
        "scheduling",
        "a suspension releases the expert's future shifts",
    ),
    (
        "standings",
        "scoring",
        "a standing's view shows its gold-accuracy profile",
    ),
    (
        "scheduling",
        "routing",
        "planning applies routing's hard filters to candidates",
    ),
    (
        "scoring",
        "calibration",
        "low slice health opens corrective calibration; regrading moves calibration counts",
    ),
];

struct Source {
    /// `routing`, `startup`, …: the top-level module the file belongs to.
    module: String,
    path: PathBuf,
    /// The file with comments removed.
    code: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string literal ("http://…") is kept: only whole-line and
            // trailing comments after code are dropped, and URLs in code are in strings.
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn sources() -> Vec<Source> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = src_dir();
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).expect("under src");
            let first = rel
                .components()
                .next()
                .expect("a file under src")
                .as_os_str()
                .to_string_lossy()
                .to_string();
            let module = first.trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            Source {
                module,
                path,
                code: strip_comments(&text),
            }
        })
        .collect()
}

fn rel(path: &Path) -> String {
    path.strip_prefix(src_dir().parent().expect("crate root"))
        .unwrap_or(path)
        .display()
        .to_string()
}

fn is_store_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "store.rs")
        || path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "store")
}

/// An edge file of a feature: one that defines handlers (`#[utoipa::path]`, `routes.rs`,
/// `*_routes.rs`), the API's views (`views.rs`), or any file of the pages (`src/web/`).
fn is_route_file(s: &Source) -> bool {
    let name = s.path.file_name().map(|n| n.to_string_lossy().to_string());
    s.module == "web"
        || s.code.contains("#[utoipa::path")
        || name.is_some_and(|n| n == "routes.rs" || n.ends_with("_routes.rs") || n == "views.rs")
}

/// The names of the `pub struct`s and `pub enum`s a file declares that end in `View`.
fn view_types(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for keyword in ["pub struct ", "pub enum "] {
        for (i, _) in code.match_indices(keyword) {
            let name: String = code[i + keyword.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.ends_with("View") {
                out.push(name);
            }
        }
    }
    out
}

/// Every table `schema.rs` declares.
fn tables() -> BTreeSet<String> {
    let schema = std::fs::read_to_string(src_dir().join("db/schema.rs")).expect("schema.rs");
    let mut out = BTreeSet::new();
    let mut lines = schema.lines();
    while let Some(line) = lines.next() {
        if line.trim().ends_with("table! {") {
            for next in lines.by_ref() {
                let t = next.trim();
                if t.is_empty()
                    || t.starts_with('#')
                    || t.starts_with("//")
                    || t.starts_with("use ")
                {
                    continue;
                }
                let name = t.split([' ', '(']).next().unwrap_or("");
                out.insert(name.to_string());
                break;
            }
        }
    }
    out
}

/// The `Owns:` declarations of each feature's `mod.rs`: table → feature.
fn owners() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(src_dir()).expect("src") {
        let dir = entry.expect("entry").path();
        let module = dir.join("mod.rs");
        if !module.exists() {
            continue;
        }
        let feature = dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&module).expect("mod.rs");
        for line in text.lines() {
            let Some(rest) = line.trim().strip_prefix("//! Owns:") else {
                continue;
            };
            for table in rest.split('`').skip(1).step_by(2) {
                if let Some(previous) = out.insert(table.to_string(), feature.clone()) {
                    panic!("table `{table}` is owned by both `{previous}` and `{feature}`");
                }
            }
        }
    }
    out
}

/// The tables a file names: `schema::{a, b as c}`, `schema::a` and `schema::a as b`.
fn tables_named(code: &str, all: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("schema::") {
        let preceded = rest[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[i + "schema::".len()..];
        if preceded {
            continue;
        }
        let group = if let Some(inner) = rest.strip_prefix('{') {
            inner.split('}').next().unwrap_or("")
        } else {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
        };
        for part in group.split(',') {
            let name = part.split_whitespace().next().unwrap_or("");
            let name = name.split("::").next().unwrap_or("");
            if all.contains(name) {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// True if `code` contains `needle` not preceded by an identifier character
/// (`schema::` but not `label_schema::`).
fn mentions(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(i, _)| {
        !code[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn writes(code: &str) -> bool {
    code.contains("insert_into(")
        || code.contains("diesel::update(")
        || code.contains("diesel::delete(")
}

#[test]
fn every_table_has_exactly_one_owner() {
    let all = tables();
    let owned = owners();
    let unowned: Vec<_> = all.iter().filter(|t| !owned.contains_key(*t)).collect();
    assert!(
        unowned.is_empty(),
        "tables with no `//! Owns:` line in any feature's mod.rs: {unowned:?}"
    );
    let unknown: Vec<_> = owned.keys().filter(|t| !all.contains(*t)).collect();
    assert!(
        unknown.is_empty(),
        "declared owners of tables schema.rs does not have: {unknown:?}"
    );
}

#[test]
fn stores_are_private_and_named_only_by_their_feature() {
    let mut breaches = Vec::new();
    for s in sources() {
        if s.code.contains("pub mod store") {
            breaches.push(format!(
                "{}: `pub mod store` (make it private)",
                rel(&s.path)
            ));
        }
        let mut rest = s.code.as_str();
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = &rest[module.len()..];
            let names_store = after.strip_prefix("::store").is_some_and(|tail| {
                !tail
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if module != s.module && names_store {
                breaches.push(format!("{}: names `crate::{module}::store`", rel(&s.path)));
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

#[test]
fn tables_are_written_only_by_their_owners_store() {
    let all = tables();
    let owned = owners();
    let mut breaches = Vec::new();
    for s in sources() {
        if s.path.ends_with("db/schema.rs") {
            continue;
        }
        let named = tables_named(&s.code, &all);
        let foreign: Vec<_> = named
            .iter()
            .filter(|t| owned.get(*t) != Some(&s.module))
            .cloned()
            .collect();
        let is_queries = s.path.file_name().is_some_and(|n| n == "queries.rs");
        if is_store_file(&s.path) && !foreign.is_empty() {
            breaches.push(format!(
                "{}: a store names other features' tables {foreign:?} (read them in queries.rs, write them through their owner)",
                rel(&s.path)
            ));
        }
        if writes(&s.code) && !is_store_file(&s.path) {
            breaches.push(format!(
                "{}: writes (insert_into/diesel::update/diesel::delete) outside a store",
                rel(&s.path)
            ));
        }
        if !is_store_file(&s.path) && !is_queries && !named.is_empty() {
            breaches.push(format!(
                "{}: names tables {named:?} outside a store or queries.rs",
                rel(&s.path)
            ));
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

#[test]
fn route_files_do_not_use_diesel_and_services_do_not_import_routes() {
    let mut breaches = Vec::new();
    for s in sources() {
        if ROOTS.contains(&s.module.as_str()) || s.module == "http" {
            continue;
        }
        let name = s
            .path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        if is_route_file(&s) {
            if mentions(&s.code, "diesel") || mentions(&s.code, "schema::") {
                breaches.push(format!("{}: a route file uses diesel", rel(&s.path)));
            }
        } else if name != "mod.rs" && mentions(&s.code, "routes::") {
            breaches.push(format!(
                "{}: a non-route module imports routes",
                rel(&s.path)
            ));
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// Views are the edge's: the response (and request) shapes the API serialises are declared
/// in route files or a feature's `views.rs`, built there from what the service returns. A
/// service, store, query, job or pure-logic file declares no `…View` type and imports no
/// `views` module. (Domain enums stored and shown as they are, and computed reports whose
/// serialisation is the contract, keep `ToSchema` where they are: docs/architecture.md.)
#[test]
fn view_types_live_at_the_edge() {
    let mut breaches = Vec::new();
    for s in sources() {
        if ROOTS.contains(&s.module.as_str()) || s.module == "http" || is_route_file(&s) {
            continue;
        }
        for name in view_types(&s.code) {
            breaches.push(format!(
                "{}: declares the view type `{name}` outside a route file or views.rs",
                rel(&s.path)
            ));
        }
        if mentions(&s.code, "views::") {
            breaches.push(format!(
                "{}: a non-edge module imports a views module",
                rel(&s.path)
            ));
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// Services, stores, jobs and pure logic speak the domain: they return `AppError`, never
/// the HTTP error type, and touch nothing of actix or the HTTP edge. Only files that define
/// handlers (route files) or request extractors (`impl FromRequest`) do, and the edge
/// modules themselves (`http`, `telemetry`, `state`, the roots).
#[test]
fn services_speak_no_http() {
    const EDGE: &[&str] = &["http", "telemetry", "state", "config"];
    let mut breaches = Vec::new();
    for s in sources() {
        if ROOTS.contains(&s.module.as_str())
            || EDGE.contains(&s.module.as_str())
            || is_route_file(&s)
            || s.code.contains("impl FromRequest for")
        {
            continue;
        }
        for needle in [
            "ApiError",
            "ApiResult",
            "actix_web",
            "HttpResponse",
            "crate::http",
        ] {
            if mentions(&s.code, needle) {
                breaches.push(format!(
                    "{}: a non-route module uses `{needle}`",
                    rel(&s.path)
                ));
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// Feature → the features it imports (shared modules and roots left out).
fn feature_graph() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let features: BTreeSet<String> = modules
        .iter()
        .filter(|m| !SHARED.contains(&m.as_str()) && !ROOTS.contains(&m.as_str()))
        .cloned()
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = features
        .iter()
        .map(|f| (f.clone(), BTreeSet::new()))
        .collect();
    for s in &sources {
        let Some(edges) = graph.get_mut(&s.module) else {
            continue;
        };
        let mut rest = s.code.as_str();
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a::x, b::{y, z}}`: the first segment of each top-level path.
                let mut depth = 0;
                let mut start = true;
                let mut word = String::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => start = true,
                        c if start && (c.is_alphanumeric() || c == '_') => word.push(c),
                        _ => {
                            if !word.is_empty() {
                                if features.contains(&word) && word != s.module {
                                    edges.insert(word.clone());
                                }
                                word.clear();
                                start = false;
                            }
                        }
                    }
                }
                continue;
            }
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if features.contains(&module) && module != s.module {
                edges.insert(module);
            }
        }
    }
    graph
}

/// The edges that lie on a cycle: `a → b` where `b` reaches `a`.
fn cycle_edges(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let reaches = |from: &str, to: &str| -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(graph.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for (a, bs) in graph {
        for b in bs {
            if reaches(b, a) {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// The imports that point up the layers.
fn upward_edges(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let layer = |f: &str| LAYERS.iter().position(|l| *l == f);
    let mut out = BTreeSet::new();
    for (a, bs) in graph {
        for b in bs {
            if layer(b) > layer(a) {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

#[test]
fn features_import_only_the_layers_below_them() {
    let graph = feature_graph();
    let unlayered: Vec<_> = graph
        .keys()
        .filter(|f| !LAYERS.contains(&f.as_str()))
        .collect();
    assert!(
        unlayered.is_empty(),
        "features missing from LAYERS (place each new feature in the order): {unlayered:?}"
    );
    let found = upward_edges(&graph);
    let known: BTreeSet<(String, String)> = KNOWN_UPWARD
        .iter()
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "imports up the layers that are not in KNOWN_UPWARD: {new:?}\n\
         KNOWN_UPWARD entries that no longer exist (remove them): {gone:?}"
    );
    // With the upward imports taken out, what is left has no cycle at all.
    let mut downward = graph.clone();
    for (a, b) in &found {
        if let Some(edges) = downward.get_mut(a) {
            edges.remove(b);
        }
    }
    assert!(cycle_edges(&downward).is_empty());
}

#[test]
fn the_checks_themselves_find_what_they_look_for() {
    // The graph check finds a two-feature cycle and nothing in a chain.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), BTreeSet::new());
    assert!(cycle_edges(&g).is_empty());
    g.insert("c".into(), ["a".to_string()].into());
    assert_eq!(cycle_edges(&g).len(), 3);
    // Table names are read from every import form.
    let all: BTreeSet<String> = ["items", "experts", "slice_standings"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let named = tables_named(
        "use crate::db::schema::{items, slice_standings as ss};\nlet q = schema::experts::table;",
        &all,
    );
    assert_eq!(named, all);
    assert!(writes("diesel::update(items::table)"));
    assert!(!writes("items::table.filter(x)"));
    assert!(mentions("use crate::db::schema::items;", "schema::"));
    assert!(!mentions(
        "use super::label_schema::LabelSchema;",
        "schema::"
    ));
    assert_eq!(
        view_types(
            "pub struct ItemView {}\npub enum Kind {}\npub(crate) struct X;\npub enum ReviewView { A }"
        ),
        vec!["ItemView".to_string(), "ReviewView".to_string()]
    );
    assert!(mentions("use super::views::ProjectView;", "views::"));
    assert!(!mentions("let v = item_views::x;", "views::"));
    assert_eq!(
        strip_comments("let a = 1; // crate::x::store"),
        "let a = 1; "
    );
}
