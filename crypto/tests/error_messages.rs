//! Every error of this crate has a message in the three catalogs, and passes exactly
//! the arguments that message uses (through `jifen_protocol::message::Coded`).
//!
//! The list below names every variant; it is checked against the codes written in the
//! `fn code` bodies of `src/`, so a new variant that is not listed here fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jifen_crypto::hd::HdError;
use jifen_crypto::keystore::KeystoreError;
use jifen_crypto::mnemonic::MnemonicError;
use jifen_crypto::seal::SealError;
use jifen_crypto::signer::{MessageSignatureError, SignError};
use jifen_files::{FileError, FileKind, Op};
use jifen_i18n::{Arg, Catalog, Locale, catalog_shape};
use jifen_protocol::message::Coded;

fn every_error() -> Vec<Box<dyn Coded>> {
    let path = PathBuf::from("/tmp/wallet.jks");
    let mut errors: Vec<Box<dyn Coded>> = vec![
        Box::new(SealError::BadPublicKey),
        Box::new(SealError::BadEphemeral),
        Box::new(SealError::TooLong),
        Box::new(SealError::Random),
        Box::new(SealError::NotForThisKey),
        Box::new(MnemonicError::WordCount { got: 11 }),
        Box::new(MnemonicError::UnknownWord { position: 3 }),
        Box::new(MnemonicError::BadChecksum),
        Box::new(MnemonicError::AmbiguousLanguage),
        Box::new(MnemonicError::UnknownLanguage),
        Box::new(MnemonicError::EntropyLength { got: 7 }),
        Box::new(MnemonicError::Randomness),
        Box::new(HdError::IndexOutOfRange { index: 1 << 31 }),
        Box::new(HdError::InvalidChild),
        Box::new(HdError::BadExtendedKey),
        Box::new(HdError::ExtendedKeyChecksum),
        Box::new(HdError::UnknownKeyVersion),
        Box::new(HdError::ZeroDepthWithParent),
        Box::new(HdError::ZeroDepthWithIndex),
        Box::new(HdError::KeyKindMismatch),
        Box::new(HdError::InvalidPublicKey),
        Box::new(HdError::InvalidPrivateKey),
        Box::new(HdError::PrivateKeyGiven),
        Box::new(HdError::WrongNetwork),
        Box::new(HdError::WrongDepth { got: 0 }),
        Box::new(SignError::InvalidSecretKey),
        Box::new(SignError::Signing),
        Box::new(MessageSignatureError::Malformed),
        Box::new(MessageSignatureError::UnsupportedVersion { got: 9 }),
        Box::new(MessageSignatureError::WrongSigner {
            got: "jfd1qqqq".into(),
        }),
        Box::new(MessageSignatureError::BadSignature),
        Box::new(KeystoreError::NotFound { path: path.clone() }),
        Box::new(KeystoreError::AlreadyExists { path: path.clone() }),
        Box::new(KeystoreError::Io {
            op: "read",
            path,
            source: std::io::Error::other("disk on fire"),
        }),
        Box::new(KeystoreError::NotAKeystore),
        Box::new(KeystoreError::Truncated {
            expected: 100,
            got: 50,
        }),
        Box::new(KeystoreError::Corrupted { detail: "checksum" }),
        Box::new(KeystoreError::UnsupportedVersion {
            found: 2,
            supported: 1,
        }),
        Box::new(KeystoreError::KdfOutOfBounds {
            param: "t_cost",
            got: 0,
            min: 1,
            max: 100,
        }),
        Box::new(KeystoreError::WrongPassword),
        Box::new(KeystoreError::EmptyPassword),
        Box::new(KeystoreError::TooLarge {
            what: "secret",
            len: 70000,
            max: 65536,
        }),
        Box::new(KeystoreError::KeyringUnavailable {
            reason: "no d-bus".into(),
        }),
        Box::new(KeystoreError::NoKeyringSlot),
        Box::new(KeystoreError::KeyringEntryMissing {
            service: "jifen".into(),
            user: "00".into(),
        }),
        Box::new(KeystoreError::KeyringMismatch),
        Box::new(KeystoreError::VerifyFailed { detail: "d" }),
        Box::new(KeystoreError::ForeignUnlocked),
        Box::new(KeystoreError::Random),
        Box::new(KeystoreError::InvalidPolicy { detail: "d" }),
        Box::new(KeystoreError::Crypto { detail: "d" }),
    ];
    for error in file_errors() {
        errors.push(Box::new(KeystoreError::File(error)));
    }
    errors
}

/// Every kind of `jifen_files::FileError` a keystore operation can meet
/// (missing and existing files keep their `keystore-*` codes).
fn file_errors() -> Vec<FileError> {
    let path = PathBuf::from("/tmp/wallet.jks");
    vec![
        FileError::WrongKind {
            path: path.clone(),
            expected: FileKind::File,
            found: FileKind::Fifo,
        },
        FileError::TooLarge {
            path: path.clone(),
            max: 262_144,
        },
        FileError::Locked {
            path: PathBuf::from("/tmp/wallet.lock"),
        },
        FileError::Io {
            op: Op::Rename,
            path,
            source: std::io::Error::other("disk full"),
        },
    ]
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// String literals in the `pub fn code(&self) -> &'static str` bodies of `src/`.
fn codes_in_sources() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut codes = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let mut rest = source.as_str();
        while let Some(start) = [
            "pub fn code(&self) -> &'static str {",
            "pub const fn code(&self) -> &'static str {",
        ]
        .iter()
        .filter_map(|pattern| rest.find(pattern))
        .min()
        {
            let body = &rest[start..];
            let end = body.find("\n    }\n").unwrap();
            for (i, piece) in body[..end].split('"').enumerate() {
                if i % 2 == 1 {
                    codes.insert(piece.to_owned());
                }
            }
            rest = &body[end..];
        }
    }
    codes
}

#[test]
fn the_list_names_every_variant() {
    let errors = every_error();
    let listed: BTreeSet<String> = errors.iter().map(|e| e.code().to_owned()).collect();
    assert_eq!(listed.len(), errors.len(), "two variants share a code");
    // `KeystoreError::File` reports the code of the file error it carries.
    let (files, own): (BTreeSet<String>, BTreeSet<String>) =
        listed.into_iter().partition(|c| c.starts_with("files-"));
    assert_eq!(own, codes_in_sources());
    assert_eq!(files.len(), file_errors().len());
}

/// A file error reaches keystore callers with its own code and arguments.
#[test]
fn file_errors_keep_their_files_code_and_arguments() {
    for error in file_errors() {
        let code = error.code();
        let args = Coded::args(&error);
        let wrapped = KeystoreError::File(error);
        assert_eq!(wrapped.code(), code);
        assert_eq!(Coded::args(&wrapped), args);
    }
    let locked = KeystoreError::from(FileError::Locked {
        path: PathBuf::from("/w/shop.lock"),
    });
    assert_eq!(locked.code(), "files-locked");
    assert_eq!(Coded::args(&locked), [("path", Arg::from("/w/shop.lock"))]);
}

#[test]
fn every_error_has_a_message_with_exactly_its_arguments() {
    for locale in Locale::ALL {
        let shape = catalog_shape(locale).unwrap();
        let catalog = Catalog::new(locale);
        for error in every_error() {
            let message = error.message();
            let variables = shape
                .get(message.code)
                .unwrap_or_else(|| panic!("{locale}: no message {}", message.code));
            let names: BTreeSet<String> =
                message.args.iter().map(|(n, _)| (*n).to_owned()).collect();
            assert_eq!(names.len(), message.args.len(), "{}", message.code);
            assert_eq!(&names, variables, "{locale}: {}", message.code);
            let text = catalog.format(message.code, &message.args);
            assert!(!text.contains('{') && !text.is_empty(), "{locale}: {text}");
        }
    }
}

/// The values keep the formats the front ends showed before `Coded` (numbers as
/// numbers, a position counted from 1, paths as displayed).
#[test]
fn argument_values() {
    let args = |e: &dyn Coded| e.args();
    assert_eq!(
        args(&MnemonicError::UnknownWord { position: 3 }),
        [("position", Arg::Int(3))]
    );
    assert_eq!(
        args(&KeystoreError::UnsupportedVersion {
            found: 2,
            supported: 1
        }),
        [("found", Arg::Int(2)), ("supported", Arg::Int(1))]
    );
    assert_eq!(
        args(&KeystoreError::Io {
            op: "rename",
            path: PathBuf::from("/a/b.jks"),
            source: std::io::Error::other("busy"),
        }),
        [
            ("op", Arg::from("rename")),
            ("path", Arg::from("/a/b.jks")),
            ("reason", Arg::from("busy")),
        ]
    );
    assert_eq!(
        args(&MessageSignatureError::WrongSigner { got: "jf1x".into() }),
        [("got", Arg::from("jf1x"))]
    );
    assert_eq!(
        args(&MessageSignatureError::UnsupportedVersion { got: 7 }),
        [("got", Arg::Int(7))]
    );
}
