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

/// String literals inside `fn code(&self) -> &'static str { ... }` bodies.
fn codes_in(source: &str) -> Vec<String> {
    let mut codes = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find("fn code(&self) -> &'static str {") {
        let body = &rest[start..];
        // The body ends at the first line that closes the function at its indentation.
        let end = body.find("\n    }\n").unwrap_or(body.len());
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

#[test]
fn every_error_code_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["protocol", "crypto", "wallet", "qr", "light-client"] {
        rust_files(&root.join(krate).join("src"), &mut files);
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
