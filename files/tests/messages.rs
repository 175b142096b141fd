//! Every `files-*` message exists in every locale, names the path, and has
//! its own wording for each step and each kind of file (none falls back to
//! the catch-all variant).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::io;
use std::path::PathBuf;

use jifen_files::{FileError, FileKind, Op};
use jifen_i18n::{Catalog, Locale};
use jifen_protocol::message::{Arg, Coded};

const PATH: &str = "/home/shop/.local/share/jifen/wallets/店铺.jks";

fn errors() -> Vec<FileError> {
    let path = PathBuf::from(PATH);
    let mut all = vec![
        FileError::NotFound { path: path.clone() },
        FileError::AlreadyExists { path: path.clone() },
        FileError::TooLarge {
            path: path.clone(),
            max: 262_144,
        },
        FileError::Locked { path: path.clone() },
    ];
    for found in FileKind::ALL {
        for expected in [FileKind::File, FileKind::Directory] {
            all.push(FileError::WrongKind {
                path: path.clone(),
                expected,
                found,
            });
        }
    }
    for op in Op::ALL {
        all.push(FileError::Io {
            op,
            path: path.clone(),
            source: io::Error::other("no space left on device"),
        });
    }
    all
}

#[test]
fn every_error_has_a_message_with_its_path_in_every_locale() {
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        for error in errors() {
            let message = error.message();
            assert!(catalog.has(message.code), "{locale}: {}", message.code);
            let args: Vec<(&str, Arg)> = message.args.clone();
            let text = catalog.format(message.code, &args);
            assert!(text.contains(PATH), "{locale}: {text}");
            assert!(
                !text.contains('{') && !text.contains('⟨'),
                "{locale}: {text}"
            );
            if let FileError::TooLarge { .. } = error {
                assert!(
                    text.contains("262144") || text.contains("262,144"),
                    "{text}"
                );
            }
        }
    }
}

#[test]
fn each_step_and_each_kind_has_its_own_wording() {
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let fallback = |code: &str, args: &[(&str, Arg)]| catalog.format(code, args);
        let path = ("path", Arg::from(PATH));
        let reason = ("reason", Arg::from("r"));
        let other_op = fallback(
            "files-io",
            &[path.clone(), ("op", "unknown".into()), reason.clone()],
        );
        let mut seen = BTreeSet::new();
        for op in Op::ALL {
            let text = fallback(
                "files-io",
                &[path.clone(), ("op", op.as_str().into()), reason.clone()],
            );
            assert_ne!(text, other_op, "{locale}: {op:?} falls back");
            assert!(seen.insert(text), "{locale}: {op:?} repeats another step");
        }
        let kind = |found: &str| {
            fallback(
                "files-wrong-kind",
                &[
                    path.clone(),
                    ("found", found.into()),
                    ("expected", "file".into()),
                ],
            )
        };
        for found in FileKind::ALL {
            if found != FileKind::Other {
                assert_ne!(kind(found.as_str()), kind("unknown"), "{locale}: {found:?}");
            }
        }
    }
}
