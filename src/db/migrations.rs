//! Embedded migrations, one tree per engine with identical directory names
//! (`migrations/postgres`, `migrations/sqlite`; a test checks the names match).

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

pub const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
pub const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// Applies pending migrations; returns the versions applied.
pub fn run(conn: &mut DbConn) -> anyhow::Result<Vec<String>> {
    let source = match conn {
        DbConn::Pg(_) => POSTGRES,
        DbConn::Sqlite(_) => SQLITE,
    };
    let applied = conn
        .run_pending_migrations(source)
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.into_iter().map(|v| v.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    fn names(dir: &str) -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        std::fs::read_dir(&root)
            .unwrap_or_else(|e| panic!("reading {}: {e}", root.display()))
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn both_migration_trees_have_the_same_directory_names() {
        let pg = names("migrations/postgres");
        let sqlite = names("migrations/sqlite");
        assert!(!pg.is_empty());
        assert_eq!(
            pg, sqlite,
            "migrations/postgres and migrations/sqlite must list the same migrations"
        );
    }
}
