//! Rebuilds the crate when a migration is added, changed or removed. `embed_migrations!`
//! (src/db/migrations.rs) embeds the `migrations` directories, but cargo tracks only the
//! files the compiler read, so a new migration directory would otherwise leave a stale
//! build without it (the remedy diesel_migrations documents).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
