//! The UI's TypeScript bindings (`ui/src/lib/bindings.ts`) are generated from
//! the Rust types of every command (`src/api.rs`); this test fails when the
//! checked-in file is stale. Regenerate with
//! `JIFEN_UPDATE_BINDINGS=1 cargo test -p jifen-app --test bindings`.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

#[test]
fn typescript_bindings_are_current() {
    let generated = jifen_app::api::typescript_bindings();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    if std::env::var_os("JIFEN_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != generated {
        let line = current
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| current.lines().count().min(generated.lines().count()));
        panic!(
            "ui/src/lib/bindings.ts is stale (first difference at line {}): a Rust view type \
             changed without regenerating. Run: JIFEN_UPDATE_BINDINGS=1 cargo test -p jifen-app \
             --test bindings",
            line + 1
        );
    }
}

#[test]
fn bindings_cover_every_command() {
    let generated = jifen_app::api::typescript_bindings();
    for name in jifen_app::api::NAMES {
        assert!(generated.contains(&format!("(\"{name}\"")), "{name}");
    }
}
