//! Two things before the crate compiles.
//!
//! 1. Rebuilds the crate when a migration is added, changed or removed.
//!    `embed_migrations!` (src/db/migrations.rs) embeds the `migrations` directories, but
//!    cargo tracks only the files the compiler read, so a new migration directory would
//!    otherwise leave a stale build without it (the remedy diesel_migrations documents).
//! 2. Checks that libpq, PostgreSQL's client library, can be linked, and otherwise stops
//!    the build with one line saying how to install it — instead of a linker error pages
//!    long at the very end of the build (docs/adr/0012-libpq-prerequisite.md). It looks
//!    where pq-sys looks (`PQ_LIB_DIR`, pkg-config, `pg_config`, the linker's default
//!    paths) by linking a one-line C program with the C compiler that links the crate.
//!    `CADRE_SKIP_LIBPQ_PROBE=1` skips it; so does a cross build, a non-Unix target, a
//!    static libpq (`PQ_LIB_STATIC`) or a missing C compiler (SQLite, compiled in, then
//!    fails with its own message).

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn main() {
    println!("cargo::rerun-if-changed=migrations");
    for var in [
        "CADRE_SKIP_LIBPQ_PROBE",
        "PQ_LIB_DIR",
        "PQ_LIB_STATIC",
        "PKG_CONFIG_PATH",
        "CC",
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    if let Some(hint) = libpq_missing() {
        println!("cargo::error={hint}");
    }
}

const HINT: &str = "libpq (PostgreSQL's client library) is needed to link Cadre, even on SQLite, \
and was not found: install it (Debian/Ubuntu: `sudo apt-get install libpq-dev`; Fedora: \
`sudo dnf install libpq-devel`; macOS: `brew install libpq` and put its bin/ on PATH), or \
point PQ_LIB_DIR at the directory holding libpq — see README, Prerequisites";

/// `Some(hint)` when libpq certainly cannot be linked; `None` when it can, or when the
/// probe cannot tell.
fn libpq_missing() -> Option<&'static str> {
    let var = |k: &str| env::var(k).ok().filter(|v| !v.is_empty());
    let target = var("TARGET")?;
    if var("CADRE_SKIP_LIBPQ_PROBE").is_some()
        || var("PQ_LIB_STATIC").is_some()
        || var("HOST").as_deref() != Some(target.as_str())
        || var("CARGO_CFG_TARGET_FAMILY").as_deref() != Some("unix")
    {
        return None;
    }
    let out = PathBuf::from(var("OUT_DIR")?);
    let source = out.join("libpq_probe.c");
    std::fs::write(
        &source,
        "extern int PQlibVersion(void);\nint main(void) { return PQlibVersion() > 0 ? 0 : 1; }\n",
    )
    .ok()?;
    let per_target = format!(
        "PQ_LIB_DIR_{}",
        target.to_ascii_uppercase().replace('-', "_")
    );
    println!("cargo::rerun-if-env-changed={per_target}");
    let mut dirs: Vec<String> = Vec::new();
    dirs.extend(var(&per_target).or_else(|| var("PQ_LIB_DIR")));
    dirs.extend(output("pkg-config", &["--libs-only-L", "libpq"]).map(|s| {
        s.split_whitespace()
            .filter_map(|f| f.strip_prefix("-L").map(str::to_owned))
            .collect::<Vec<_>>()
            .join(" ")
    }));
    dirs.extend(output("pg_config", &["--libdir"]));
    let cc = var("CC").unwrap_or_else(|| "cc".to_owned());
    let mut link = Command::new(&cc);
    link.arg(&source).arg("-o").arg(out.join("libpq_probe"));
    for d in dirs.iter().flat_map(|d| d.split_whitespace()) {
        link.arg(format!("-L{d}"));
    }
    link.arg("-lpq").stdout(Stdio::null()).stderr(Stdio::null());
    match link.status() {
        Ok(s) if s.success() => None,
        Ok(_) if compiles(&cc, &out) => Some(HINT),
        // No working C compiler: not this probe's business.
        _ => None,
    }
}

/// Can `cc` build a program at all (so a failed link is libpq's fault)?
fn compiles(cc: &str, out: &Path) -> bool {
    let plain = out.join("c_probe.c");
    std::fs::write(&plain, "int main(void) { return 0; }\n").is_ok()
        && Command::new(cc)
            .arg(&plain)
            .arg("-o")
            .arg(out.join("c_probe"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// A tool's trimmed standard output, if it ran and succeeded.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let o = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let s = String::from_utf8(o.stdout).ok()?.trim().to_owned();
    (o.status.success() && !s.is_empty()).then_some(s)
}
