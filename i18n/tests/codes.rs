//! Every message id the Rust code can produce has a message in every
//! catalog. The ids are found where they are defined: the `=> "some-id"`
//! arms of the `code()` functions of every error (and of the front ends'
//! own mappings), in every crate a person's messages come from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use jifen_i18n::{Catalog, Locale};

/// Crates whose messages reach a person (the node's reasons reach a person
/// through `chain-tx-rejected`, which carries them as an argument).
const CRATES: &[&str] = &[
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

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_message_id(text: &str) -> bool {
    text.contains('-')
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn message_ids() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut ids = Vec::new();
    for krate in CRATES {
        let mut files = Vec::new();
        rust_files(&root.join(krate).join("src"), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for piece in text.split("=> \"").skip(1) {
                let id = piece.split('"').next().unwrap_or_default();
                if is_message_id(id) {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_code_has_a_message_in_every_catalog() {
    let ids = message_ids();
    assert!(ids.len() > 150, "found only {} ids", ids.len());
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let missing: Vec<&String> = ids.iter().filter(|id| !catalog.has(id)).collect();
        assert!(missing.is_empty(), "{locale}: no message for {missing:?}");
    }
}
