//! The two migration trees and `src/db/schema.rs` describe one schema: after the app has
//! migrated a fresh database of each engine, both have the same tables, and each table the
//! same columns, with the same type (mapped to a common class: each engine spells its
//! types its own way) and the same nullability; and `schema.rs` declares exactly those
//! tables and columns, with a compatible diesel type and `Nullable<…>` where (and only
//! where) the column is nullable.
//!
//! Nullability is what the engine enforces, not what `NOT NULL` spells: PostgreSQL makes
//! primary-key columns NOT NULL implicitly (`information_schema` reports them so); SQLite
//! does not (a `TEXT PRIMARY KEY` without `NOT NULL` accepts NULL), except for an
//! `INTEGER PRIMARY KEY` (the rowid) and the key of a `WITHOUT ROWID` table.

use std::collections::{BTreeMap, BTreeSet};

use cadre::db::{DbConn, DbUnavailable};
use diesel::{PgConnection, RunQueryDsl, SqliteConnection};

use crate::helpers::{Engine, TestApp};

const SCHEMA_RS: &str = include_str!("../../src/db/schema.rs");

/// The type classes both engines and diesel agree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Text,
    Integer,
    BigInt,
    Boolean,
    Timestamp,
    Date,
    Double,
    Bytes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    /// The type as this side spells it (SQLite's declared type, PostgreSQL's `data_type`,
    /// the diesel SQL type of `schema.rs`).
    declared: String,
    /// `None`: a type this test does not know (reported as a difference).
    class: Option<Class>,
    nullable: bool,
}

/// Table → column → column. Column order is not compared (diesel names every column).
type Schema = BTreeMap<String, BTreeMap<String, Column>>;

/// SQLite's declared type (type affinity would be too lax: `BIGINT` and `INTEGER` both
/// have INTEGER affinity, `BOOLEAN` and `TIMESTAMP` NUMERIC).
fn sqlite_class(declared: &str) -> Option<Class> {
    let base = declared.split('(').next().unwrap_or("").trim();
    let words: Vec<String> = base
        .split_whitespace()
        .map(str::to_ascii_uppercase)
        .collect();
    Some(match words.join(" ").as_str() {
        "TEXT" | "VARCHAR" | "CHARACTER VARYING" => Class::Text,
        "INTEGER" | "INT" | "INT4" => Class::Integer,
        "BIGINT" | "INT8" => Class::BigInt,
        "BOOLEAN" | "BOOL" => Class::Boolean,
        "TIMESTAMP" | "DATETIME" => Class::Timestamp,
        "DATE" => Class::Date,
        "DOUBLE" | "DOUBLE PRECISION" | "REAL" | "FLOAT" | "FLOAT8" => Class::Double,
        "BLOB" | "BYTEA" => Class::Bytes,
        _ => return None,
    })
}

/// PostgreSQL's `information_schema.columns.data_type`.
fn pg_class(data_type: &str) -> Option<Class> {
    Some(match data_type {
        "text" | "character varying" => Class::Text,
        "integer" => Class::Integer,
        "bigint" => Class::BigInt,
        "boolean" => Class::Boolean,
        // Diesel's `Timestamp`; `timestamp with time zone` would be `Timestamptz`.
        "timestamp without time zone" => Class::Timestamp,
        "date" => Class::Date,
        "double precision" => Class::Double,
        "bytea" => Class::Bytes,
        _ => return None,
    })
}

/// A diesel SQL type of `schema.rs`: its class and whether it is `Nullable<…>`.
fn diesel_class(ty: &str) -> (Option<Class>, bool) {
    let ty = ty.trim();
    let (inner, nullable) = match ty
        .strip_prefix("Nullable<")
        .and_then(|t| t.strip_suffix('>'))
    {
        Some(inner) => (inner.trim(), true),
        None => (ty, false),
    };
    let class = match inner {
        "Text" | "VarChar" | "Varchar" => Some(Class::Text),
        "Integer" | "Int4" => Some(Class::Integer),
        "BigInt" | "Bigint" | "Int8" => Some(Class::BigInt),
        "Bool" => Some(Class::Boolean),
        "Timestamp" => Some(Class::Timestamp),
        "Date" => Some(Class::Date),
        "Double" | "Float8" => Some(Class::Double),
        "Binary" | "Bytea" => Some(Class::Bytes),
        _ => None,
    };
    (class, nullable)
}

// ---------------------------------------------------------------- introspection

/// The diesel bookkeeping table: not part of the application's schema.
const DIESEL_MIGRATIONS: &str = "__diesel_schema_migrations";

fn sqlite_schema(conn: &mut SqliteConnection) -> diesel::QueryResult<Schema> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_sql: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        declared_type: String,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        not_null: i32,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pk: i32,
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT m.name AS table_name, COALESCE(m.sql, '') AS table_sql, p.name AS column_name, \
                p.type AS declared_type, p.\"notnull\" AS not_null, p.pk AS pk \
         FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
           AND m.name <> '{DIESEL_MIGRATIONS}' \
         ORDER BY m.name, p.cid"
    ))
    .load(conn)?;
    // Primary-key columns per table: a rowid alias is a single-column INTEGER key.
    let mut pk_columns: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.pk > 0) {
        *pk_columns.entry(r.table_name.as_str()).or_default() += 1;
    }
    let mut schema = Schema::new();
    for r in &rows {
        let without_rowid = r
            .table_sql
            .to_ascii_uppercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("WITHOUT ROWID");
        let rowid_alias = r.pk > 0
            && pk_columns.get(r.table_name.as_str()) == Some(&1)
            && r.declared_type.eq_ignore_ascii_case("INTEGER")
            && !without_rowid;
        let enforced_not_null = r.not_null != 0 || rowid_alias || (without_rowid && r.pk > 0);
        schema.entry(r.table_name.clone()).or_default().insert(
            r.column_name.clone(),
            Column {
                declared: r.declared_type.clone(),
                class: sqlite_class(&r.declared_type),
                nullable: !enforced_not_null,
            },
        );
    }
    Ok(schema)
}

fn pg_schema(conn: &mut PgConnection) -> diesel::QueryResult<Schema> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        data_type: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        is_nullable: String,
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT c.table_name::text AS table_name, c.column_name::text AS column_name, \
                c.data_type::text AS data_type, c.is_nullable::text AS is_nullable \
         FROM information_schema.columns AS c \
         JOIN information_schema.tables AS t \
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' \
           AND c.table_name <> '{DIESEL_MIGRATIONS}' \
         ORDER BY c.table_name, c.ordinal_position"
    ))
    .load(conn)?;
    let mut schema = Schema::new();
    for r in rows {
        schema.entry(r.table_name).or_default().insert(
            r.column_name,
            Column {
                class: pg_class(&r.data_type),
                declared: r.data_type,
                nullable: r.is_nullable == "YES",
            },
        );
    }
    Ok(schema)
}

/// The schema of the database the app migrated at start-up.
async fn migrated_schema(app: &TestApp) -> Schema {
    app.state
        .db
        .read(|conn| {
            match conn {
                DbConn::Sqlite(c) => sqlite_schema(c),
                DbConn::Pg(c) => pg_schema(c),
            }
            .map_err(|e| DbUnavailable::new(e.to_string()))
        })
        .await
        .expect("introspecting the migrated database")
}

// ---------------------------------------------------------------- schema.rs

/// Parses the `table!` blocks of a diesel schema file: every table, every column (by its
/// SQL name: `#[sql_name = "…"]` wins over the Rust name) with its diesel type. Anything
/// inside a block this parser does not understand fails the test rather than being
/// skipped.
fn parse_diesel_schema(src: &str) -> Schema {
    enum State {
        Outside,
        InMacro,
        InTable(String),
    }
    let mut state = State::Outside;
    let mut sql_name: Option<String> = None;
    let mut schema = Schema::new();
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("schema.rs line {}: `{line}`", n + 1);
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        state = match state {
            State::Outside if line.starts_with("diesel::table!") || line.starts_with("table!") => {
                assert!(line.ends_with('{'), "{}: expected `table! {{`", at());
                State::InMacro
            }
            State::Outside => State::Outside,
            State::InMacro if line == "}" => State::Outside,
            State::InMacro => {
                let name: String = line
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(
                    !name.is_empty() && line.ends_with('{'),
                    "{}: expected `table_name (key) {{`",
                    at()
                );
                assert!(
                    schema.insert(name.clone(), BTreeMap::new()).is_none(),
                    "{}: table `{name}` declared twice",
                    at()
                );
                State::InTable(name)
            }
            State::InTable(_) if line == "}" => {
                assert!(sql_name.is_none(), "{}: dangling #[sql_name]", at());
                State::InMacro
            }
            State::InTable(table) => {
                if let Some(rest) = line.strip_prefix("#[sql_name") {
                    let name = rest
                        .split('"')
                        .nth(1)
                        .unwrap_or_else(|| panic!("{}: unreadable sql_name", at()));
                    sql_name = Some(name.to_owned());
                } else {
                    let (rust_name, ty) = line
                        .trim_end_matches(',')
                        .split_once("->")
                        .unwrap_or_else(|| panic!("{}: expected `column -> Type,`", at()));
                    let name = sql_name
                        .take()
                        .unwrap_or_else(|| rust_name.trim().to_owned());
                    let (class, nullable) = diesel_class(ty);
                    let previous = schema.entry(table.clone()).or_default().insert(
                        name.clone(),
                        Column {
                            declared: ty.trim().to_owned(),
                            class,
                            nullable,
                        },
                    );
                    assert!(
                        previous.is_none(),
                        "{}: column `{table}.{name}` declared twice",
                        at()
                    );
                }
                State::InTable(table)
            }
        };
    }
    assert!(
        matches!(state, State::Outside),
        "schema.rs ends inside a table! block"
    );
    schema
}

// ---------------------------------------------------------------- comparison

fn describe(c: &Column) -> String {
    format!(
        "`{}` ({}, {})",
        c.declared,
        c.class
            .map(|k| format!("{k:?}").to_lowercase())
            .unwrap_or_else(|| "unknown type".to_owned()),
        if c.nullable { "NULL" } else { "NOT NULL" }
    )
}

/// Every difference between two schemas, one message each, naming the table, the column
/// and what each side has.
fn differences(a_name: &str, a: &Schema, b_name: &str, b: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let tables: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for table in tables {
        let (ta, tb) = match (a.get(table), b.get(table)) {
            (Some(ta), Some(tb)) => (ta, tb),
            (Some(_), None) => {
                out.push(format!(
                    "table `{table}`: in {a_name}, missing from {b_name}"
                ));
                continue;
            }
            (None, Some(_)) => {
                out.push(format!(
                    "table `{table}`: in {b_name}, missing from {a_name}"
                ));
                continue;
            }
            (None, None) => continue,
        };
        let columns: BTreeSet<&String> = ta.keys().chain(tb.keys()).collect();
        for column in columns {
            let at = format!("column `{table}.{column}`");
            match (ta.get(column), tb.get(column)) {
                (Some(ca), None) => out.push(format!(
                    "{at}: {a_name} has {}, missing from {b_name}",
                    describe(ca)
                )),
                (None, Some(cb)) => out.push(format!(
                    "{at}: {b_name} has {}, missing from {a_name}",
                    describe(cb)
                )),
                (Some(ca), Some(cb)) => {
                    if ca.class.is_none() || cb.class.is_none() {
                        out.push(format!(
                            "{at}: a type without a class: {a_name} {} vs {b_name} {}",
                            describe(ca),
                            describe(cb)
                        ));
                    } else if ca.class != cb.class {
                        out.push(format!(
                            "{at}: types differ: {a_name} {} vs {b_name} {}",
                            describe(ca),
                            describe(cb)
                        ));
                    }
                    if ca.nullable != cb.nullable {
                        out.push(format!(
                            "{at}: nullability differs: {a_name} {} vs {b_name} {}",
                            describe(ca),
                            describe(cb)
                        ));
                    }
                }
                (None, None) => {}
            }
        }
    }
    out
}

fn assert_no_differences(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} schema difference(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

// ---------------------------------------------------------------- the tests

#[tokio::test]
async fn postgres_sqlite_and_schema_rs_agree_column_by_column() {
    let declared = parse_diesel_schema(SCHEMA_RS);
    // The parser saw every block (a block it skipped would hide its table).
    assert_eq!(
        declared.len(),
        SCHEMA_RS.matches("table! {").count(),
        "every table! block of schema.rs was parsed"
    );
    assert!(declared.contains_key("users") && declared.len() > 50);

    let sqlite_app = TestApp::spawn(Engine::Sqlite).await;
    let sqlite = migrated_schema(&sqlite_app).await;
    assert!(sqlite.contains_key("users"), "SQLite was introspected");
    assert!(
        !sqlite.contains_key(DIESEL_MIGRATIONS),
        "diesel's own table is left out"
    );

    let mut failures = differences("schema.rs", &declared, "SQLite", &sqlite);
    if std::env::var("TEST_POSTGRES_URL").is_ok() {
        let pg_app = TestApp::spawn(Engine::Postgres).await;
        let pg = migrated_schema(&pg_app).await;
        assert!(pg.contains_key("users"), "PostgreSQL was introspected");
        failures.extend(differences("PostgreSQL", &pg, "SQLite", &sqlite));
        failures.extend(differences("schema.rs", &declared, "PostgreSQL", &pg));
    } else {
        let name = std::thread::current().name().unwrap_or("test").to_owned();
        eprintln!("note: TEST_POSTGRES_URL is not set; skipped the PostgreSQL half of {name}");
    }
    assert_no_differences(&failures);
}

fn column(declared: &str, class: Option<Class>, nullable: bool) -> Column {
    Column {
        declared: declared.to_owned(),
        class,
        nullable,
    }
}

fn schema_of(tables: &[(&str, &[(&str, Column)])]) -> Schema {
    tables
        .iter()
        .map(|(t, cols)| {
            (
                (*t).to_owned(),
                cols.iter()
                    .map(|(c, col)| ((*c).to_owned(), col.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// The comparison is not blind: each kind of difference is reported, naming the table,
/// the column and both sides; equal schemas spelled the two engines' ways are not.
#[test]
fn the_comparison_reports_every_kind_of_difference() {
    let pg = schema_of(&[
        (
            "users",
            &[
                ("id", column("text", pg_class("text"), false)),
                ("age", column("integer", pg_class("integer"), true)),
                (
                    "seen_at",
                    column(
                        "timestamp without time zone",
                        pg_class("timestamp without time zone"),
                        false,
                    ),
                ),
                (
                    "score",
                    column("double precision", pg_class("double precision"), true),
                ),
                ("only_pg", column("bigint", pg_class("bigint"), false)),
            ],
        ),
        (
            "pg_only_table",
            &[("id", column("text", pg_class("text"), false))],
        ),
    ]);
    let sqlite = schema_of(&[(
        "users",
        &[
            ("id", column("TEXT", sqlite_class("TEXT"), true)),
            ("age", column("BIGINT", sqlite_class("BIGINT"), true)),
            (
                "seen_at",
                column("TIMESTAMP", sqlite_class("TIMESTAMP"), false),
            ),
            ("score", column("DOUBLE", sqlite_class("DOUBLE"), true)),
            ("only_sqlite", column("WEIRD", sqlite_class("WEIRD"), false)),
        ],
    )]);

    let found = differences("PostgreSQL", &pg, "SQLite", &sqlite);
    let expected = [
        "table `pg_only_table`: in PostgreSQL, missing from SQLite",
        "column `users.age`: types differ: PostgreSQL `integer` (integer, NULL) vs SQLite `BIGINT` (bigint, NULL)",
        "column `users.id`: nullability differs: PostgreSQL `text` (text, NOT NULL) vs SQLite `TEXT` (text, NULL)",
        "column `users.only_pg`: PostgreSQL has `bigint` (bigint, NOT NULL), missing from SQLite",
        "column `users.only_sqlite`: SQLite has `WEIRD` (unknown type, NOT NULL), missing from PostgreSQL",
    ];
    assert_eq!(found, expected, "{found:#?}");

    // Same columns, each engine's spelling: nothing to report.
    let sqlite_same = schema_of(&[
        (
            "users",
            &[
                ("id", column("TEXT", sqlite_class("TEXT"), false)),
                ("age", column("INTEGER", sqlite_class("INTEGER"), true)),
                (
                    "seen_at",
                    column("TIMESTAMP", sqlite_class("TIMESTAMP"), false),
                ),
                (
                    "score",
                    column("DOUBLE PRECISION", sqlite_class("DOUBLE PRECISION"), true),
                ),
                ("only_pg", column("BIGINT", sqlite_class("BIGINT"), false)),
            ],
        ),
        (
            "pg_only_table",
            &[("id", column("TEXT", sqlite_class("TEXT"), false))],
        ),
    ]);
    assert_eq!(
        differences("PostgreSQL", &pg, "SQLite", &sqlite_same),
        Vec::<String>::new()
    );

    // A type neither side knows is never "equal".
    let unknown = schema_of(&[("t", &[("c", column("uuid", pg_class("uuid"), false))])]);
    let found = differences("PostgreSQL", &unknown, "SQLite", &unknown);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("`t.c`") && found[0].contains("unknown type"),
        "{found:?}"
    );
}

/// schema.rs is read as diesel reads it: SQL names, `Nullable<…>`, every block.
#[test]
fn the_schema_rs_parser_reads_names_types_and_nullability() {
    let src = r#"
// a comment
diesel::table! {
    things (id) {
        id -> Text,
        #[sql_name = "type"]
        type_ -> Text,
        count -> Nullable<BigInt>,
        weight -> Double,
    }
}

diesel::table! {
    others (key) {
        key -> Integer,
        seen_at -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(things, others);
"#;
    let parsed = parse_diesel_schema(src);
    let expected = schema_of(&[
        (
            "things",
            &[
                ("id", column("Text", Some(Class::Text), false)),
                ("type", column("Text", Some(Class::Text), false)),
                (
                    "count",
                    column("Nullable<BigInt>", Some(Class::BigInt), true),
                ),
                ("weight", column("Double", Some(Class::Double), false)),
            ],
        ),
        (
            "others",
            &[
                ("key", column("Integer", Some(Class::Integer), false)),
                (
                    "seen_at",
                    column("Nullable<Timestamp>", Some(Class::Timestamp), true),
                ),
            ],
        ),
    ]);
    assert_eq!(parsed, expected);
}

/// SQLite's nullability is read as SQLite enforces it: a `TEXT PRIMARY KEY` without `NOT
/// NULL` really accepts NULL; the rowid key and a `WITHOUT ROWID` key do not.
#[test]
fn sqlite_nullability_is_what_sqlite_enforces() {
    use diesel::Connection;
    use diesel::connection::SimpleConnection;
    let mut conn = SqliteConnection::establish(":memory:").expect("an in-memory SQLite");
    conn.batch_execute(
        "CREATE TABLE loose (id TEXT PRIMARY KEY, note TEXT NULL);
         CREATE TABLE strict_key (id TEXT PRIMARY KEY NOT NULL);
         CREATE TABLE rowid_key (id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
         CREATE TABLE no_rowid (id TEXT PRIMARY KEY, b BOOLEAN) WITHOUT ROWID;",
    )
    .expect("create the tables");
    let schema = sqlite_schema(&mut conn).expect("introspect");
    let nullable = |t: &str, c: &str| schema[t][c].nullable;
    assert!(nullable("loose", "id"));
    assert!(nullable("loose", "note"));
    assert!(!nullable("strict_key", "id"));
    assert!(!nullable("rowid_key", "id"));
    assert!(!nullable("rowid_key", "n"));
    assert!(!nullable("no_rowid", "id"));
    assert!(nullable("no_rowid", "b"));
    // What the introspection claims is what SQLite does.
    conn.batch_execute("INSERT INTO loose (id) VALUES (NULL)")
        .expect("a TEXT PRIMARY KEY without NOT NULL takes NULL");
    conn.batch_execute("INSERT INTO strict_key (id) VALUES (NULL)")
        .expect_err("NOT NULL is enforced");
    conn.batch_execute("INSERT INTO no_rowid (id) VALUES (NULL)")
        .expect_err("a WITHOUT ROWID key is NOT NULL");
    assert_eq!(schema["rowid_key"]["n"].class, Some(Class::BigInt));
    assert_eq!(schema["rowid_key"]["id"].class, Some(Class::Integer));
    assert_eq!(schema["no_rowid"]["b"].class, Some(Class::Boolean));
}

/// Migration 000025 on SQLite (the engine build Cadre links): applied to a database that
/// already holds rows, it keeps them and the references between them, makes the keys
/// refuse NULL, and hands the connection back with foreign keys on and no transaction
/// open (it runs outside diesel's transaction, switching foreign keys off meanwhile).
#[test]
fn the_sqlite_parity_migration_keeps_rows_and_leaves_foreign_keys_on() {
    use cadre::db::migrations::SQLITE;
    use diesel::connection::SimpleConnection;
    use diesel_migrations::MigrationHarness;

    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    fn number(conn: &mut DbConn, sql: &str) -> i64 {
        diesel::sql_query(sql)
            .get_result::<N>(conn)
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .n
    }

    let dir = tempfile::tempdir().expect("a temp dir");
    let target = cadre::config::DatabaseTarget::Sqlite(dir.path().join("parity.db"));
    let mut conn = cadre::db::connect(&target).expect("open SQLite");
    // Every migration before the parity one.
    loop {
        let pending = conn.pending_migrations(SQLITE).expect("pending migrations");
        let next = pending.first().expect("the parity migration is pending");
        if next.name().to_string().ends_with("_schema_parity") {
            break;
        }
        conn.run_next_migration(SQLITE)
            .expect("an earlier migration");
    }
    conn.batch_execute(
        "INSERT INTO users (id, email, email_normalized, password_hash, display_name, created_at, updated_at)
             VALUES ('u1', 'a@example.com', 'a@example.com', 'h', 'A', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
         INSERT INTO orgs (id, kind, name, created_by, created_at, updated_at)
             VALUES ('o1', 'lab', 'Lab', 'u1', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
         INSERT INTO memberships (id, org_id, user_id, role, created_at, updated_at)
             VALUES ('m1', 'o1', 'u1', 'lab_admin', '2026-01-01 00:00:00', '2026-01-01 00:00:00');",
    )
    .expect("rows before the migration");
    let applied = cadre::db::migrations::run(&mut conn).expect("the remaining migrations");
    assert!(
        applied.first().is_some_and(|v| v == "20261203000025"),
        "{applied:?}"
    );

    assert_eq!(
        number(
            &mut conn,
            "SELECT COUNT(*) AS n FROM memberships m JOIN orgs o ON o.id = m.org_id \
             JOIN users u ON u.id = m.user_id AND u.id = o.created_by"
        ),
        1,
        "the rows and their references survive the rebuild"
    );
    assert_eq!(
        number(
            &mut conn,
            "SELECT foreign_keys AS n FROM pragma_foreign_keys"
        ),
        1,
        "foreign keys are on again"
    );
    assert_eq!(
        number(
            &mut conn,
            "SELECT COUNT(*) AS n FROM pragma_foreign_key_check"
        ),
        0
    );
    // No transaction was left open: one can begin.
    conn.batch_execute("BEGIN IMMEDIATE; COMMIT;")
        .expect("no transaction left open");
    conn.batch_execute(
        "INSERT INTO memberships (id, org_id, user_id, role, created_at, updated_at)
             VALUES ('m2', 'missing', 'u1', 'lab_admin', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    )
    .expect_err("a reference to a missing org is refused");
    conn.batch_execute("DELETE FROM users WHERE id = 'u1'")
        .expect_err("a referenced user cannot be deleted");
    conn.batch_execute(
        "INSERT INTO users (id, email, email_normalized, password_hash, display_name, created_at, updated_at)
             VALUES (NULL, 'b@example.com', 'b@example.com', 'h', 'B', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    )
    .expect_err("a NULL key is refused");
}
