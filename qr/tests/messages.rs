//! Every error of `jifen-qr` has a message in every language, and gives
//! every argument its message uses (`jifen_protocol::message::Coded`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use jifen_i18n::{Catalog, Locale, catalog_shape};
use jifen_protocol::message::Coded;
use jifen_qr::{EncodeError, PayloadError, ScanError, UrError, UrType};

fn payload_errors() -> Vec<PayloadError> {
    vec![
        PayloadError::UnsupportedVersion {
            ur_type: UrType::SignRequest,
            got: 2,
            supported: 1,
        },
        PayloadError::Truncated { offset: 3 },
        PayloadError::Malformed {
            offset: 3,
            reason: "r",
        },
        PayloadError::NonCanonical {
            offset: 3,
            reason: "r",
        },
        PayloadError::TrailingBytes { count: 2 },
        PayloadError::DuplicateKey { key: 1, offset: 5 },
        PayloadError::UnknownField {
            ur_type: UrType::Account,
            key: 9,
        },
        PayloadError::MissingField {
            ur_type: UrType::Signature,
            field: "signature",
        },
        PayloadError::WrongFieldType {
            field: "fee",
            offset: 7,
            expected: "an unsigned integer",
        },
        PayloadError::FieldTooLarge {
            field: "memo",
            max: 256,
            got: 300,
        },
        PayloadError::InvalidField {
            field: "path",
            offset: 8,
            reason: "not hardened".into(),
        },
        PayloadError::Transaction(jifen_protocol::DecodeError::UnexpectedEnd {
            field: "fee",
            offset: 4,
            needed: 16,
            remaining: 3,
        }),
    ]
}

fn all() -> Vec<Box<dyn Coded>> {
    let mut all: Vec<Box<dyn Coded>> = Vec::new();
    for error in payload_errors() {
        all.push(Box::new(UrError::Payload(error.clone())));
        all.push(Box::new(EncodeError::InvalidPayload(error.clone())));
        all.push(Box::new(error));
    }
    let ur = [
        UrError::NotUr,
        UrError::Malformed { reason: "r" },
        UrError::UnknownType {
            got: "crypto-psbt".into(),
        },
        UrError::WrongType {
            expected: UrType::Signature,
            got: UrType::Account,
        },
        UrError::Bytewords { reason: "crc" },
        UrError::TooLarge {
            what: "fragments",
            max: 10,
            got: 11,
        },
        UrError::ForeignStream {
            current: "a".into(),
            got: "b".into(),
        },
        UrError::InconsistentPart { reason: "r" },
        UrError::MessageChecksum,
    ];
    all.extend(ur.into_iter().map(|e| Box::new(e) as Box<dyn Coded>));
    let encode = [
        EncodeError::TooLarge { max: 1, got: 2 },
        EncodeError::QrCapacity { len: 5000 },
        EncodeError::Fountain { reason: "r".into() },
        EncodeError::Png { reason: "r".into() },
    ];
    all.extend(encode.into_iter().map(|e| Box::new(e) as Box<dyn Coded>));
    let scan = [
        ScanError::ImageTooLarge {
            width: 9000,
            height: 10,
            max: 4096,
        },
        ScanError::FrameSize {
            width: 2,
            height: 2,
            expected: 4,
            got: 3,
        },
        ScanError::Unreadable { reason: "r".into() },
        ScanError::Io {
            path: "/tmp/qr.png".into(),
            reason: "r".into(),
        },
    ];
    all.extend(scan.into_iter().map(|e| Box::new(e) as Box<dyn Coded>));
    all
}

#[test]
fn codes_match_the_inherent_codes() {
    for error in payload_errors() {
        assert_eq!(Coded::code(&error), error.code());
        let ur = UrError::Payload(error.clone());
        assert_eq!(Coded::code(&ur), ur.code());
        assert_eq!(
            ur.args(),
            error.args(),
            "a wrapped payload error keeps its arguments"
        );
        let encode = EncodeError::InvalidPayload(error);
        assert_eq!(Coded::code(&encode), "qr-invalid-payload");
        assert_eq!(encode.args()[0].0, "cause");
    }
}

#[test]
fn every_error_has_a_message_and_every_argument_it_uses() {
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let shape = catalog_shape(locale).unwrap();
        for error in all() {
            let message = error.message();
            assert!(catalog.has(message.code), "{locale}: {}", message.code);
            let names: BTreeSet<&str> = message.args.iter().map(|(name, _)| *name).collect();
            assert_eq!(
                names.len(),
                message.args.len(),
                "{}: repeated argument",
                message.code
            );
            for variable in &shape[message.code] {
                assert!(
                    names.contains(variable.as_str()),
                    "{locale}: {} uses ${variable}, not among {names:?}",
                    message.code
                );
            }
            let text = catalog.format(message.code, &message.args);
            assert!(!text.contains('⟨') && !text.contains('{'), "{text}");
        }
    }
}
