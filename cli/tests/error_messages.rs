//! Every error code our crates define has a message in every locale.
//!
//! Codes are the string literals returned by `fn code(&self) -> &'static str` in the
//! library crates' sources; the test reads those functions so a new variant without
//! translations fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_i18n::{Catalog, Locale};

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// String literals inside `fn code(&self) -> &'static str { ... }` bodies
/// (at any indentation: some impls live in nested modules).
fn codes_in(source: &str) -> Vec<String> {
    const SIGNATURE: &str = "fn code(&self) -> &'static str {";
    let mut codes = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find(SIGNATURE) {
        let line_start = rest[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = &rest[line_start..start];
        let indent = &line[..line.len() - line.trim_start().len()];
        let body = &rest[start..];
        // The body ends at the first line that closes the function at its indentation.
        let end = body.find(&format!("\n{indent}}}\n")).unwrap_or(body.len());
        let mut text = &body[..end];
        while let Some(open) = text.find('"') {
            let after = &text[open + 1..];
            let Some(close) = after.find('"') else { break };
            codes.push(after[..close].to_owned());
            text = &after[close + 1..];
        }
        rest = &body[end..];
    }
    codes
}

/// Every crate whose errors can reach a person (the node's reasons reach a
/// person as an argument of `chain-tx-rejected`).
const CRATES: [&str; 10] = [
    "protocol",
    "crypto",
    "files",
    "qr",
    "rpc-types",
    "light-client-verifier",
    "light-client",
    "wallet",
    "cli",
    "src-tauri",
];

#[test]
fn every_error_code_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in CRATES {
        let dir = root.join(krate).join("src");
        assert!(dir.is_dir(), "no crate at {}", dir.display());
        rust_files(&dir, &mut files);
    }
    let mut codes: Vec<String> = files
        .iter()
        .flat_map(|f| codes_in(&std::fs::read_to_string(f).unwrap()))
        .collect();
    codes.sort();
    codes.dedup();
    assert!(
        codes.len() >= 30,
        "found only {} codes: {codes:?}",
        codes.len()
    );
    for code in &codes {
        assert!(
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "code {code:?} is not kebab-case"
        );
    }
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let missing: Vec<&String> = codes.iter().filter(|c| !catalog.has(c)).collect();
        assert!(missing.is_empty(), "{locale}: no message for {missing:?}");
    }
}

/// The first string literal after each `needle` in `source`.
fn literals_after(source: &str, needle: &str) -> Vec<String> {
    source
        .split(needle)
        .skip(1)
        .filter_map(|piece| piece.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// The CLI's own messages: its refusals and everything it says, asks or
/// formats by id.
#[test]
fn every_message_the_cli_uses_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut ids: Vec<String> = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for needle in [
            "UserError::new(\"",
            ".say(\"",
            ".text(\"",
            ".ask(\"",
            ".note(\"",
            "prompt: \"",
            "confirm: Some(\"",
        ] {
            ids.extend(literals_after(&text, needle));
        }
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 60, "found only {} ids", ids.len());
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let missing: Vec<&String> = ids.iter().filter(|c| !catalog.has(c)).collect();
        assert!(missing.is_empty(), "{locale}: no message for {missing:?}");
    }
}
