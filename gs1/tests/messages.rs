//! Every tag and EPCIS error has a message in every language, with every
//! argument its message uses (`jifen_protocol::message::Coded`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use jifen_gs1::{EpcisError, TagError};
use jifen_i18n::{Catalog, Locale, catalog_shape};
use jifen_protocol::message::Coded;

fn tag_errors() -> Vec<TagError> {
    let ai = || "21".to_owned();
    vec![
        TagError::TooLong {
            max: 2048,
            got: 3000,
        },
        TagError::NotHttpUri {
            scheme: "ftp".to_owned(),
        },
        TagError::BadHost,
        TagError::NoGtin,
        TagError::GtinLength { got: 11 },
        TagError::BadCheckDigit {
            expected: 2,
            got: 3,
        },
        TagError::MissingSerial,
        TagError::InvalidCharacter {
            ai: ai(),
            character: ' ',
        },
        TagError::ValueTooLong { ai: ai(), max: 20 },
        TagError::ValueTooShort {
            ai: "3103".to_owned(),
            min: 6,
        },
        TagError::EmptyValue { ai: ai() },
        TagError::BadExpiry {
            value: "261301".to_owned(),
        },
        TagError::UnknownNetwork {
            name: "moon".to_owned(),
        },
        TagError::UnknownAi {
            ai: "99".to_owned(),
        },
        TagError::MisplacedAi {
            ai: "17".to_owned(),
        },
        TagError::DuplicateAi {
            ai: "17".to_owned(),
        },
        TagError::BadPercentEncoding,
    ]
}

fn epcis_errors() -> Vec<EpcisError> {
    let got = || "x".to_owned();
    vec![
        EpcisError::TooLarge { max: 1, got: 2 },
        EpcisError::NotJson {
            reason: "EOF at line 1 column 1".to_owned(),
        },
        EpcisError::TooDeep { max: 64 },
        EpcisError::NoEventList,
        EpcisError::NotAnObject { index: 0 },
        EpcisError::UnknownEventType {
            index: 0,
            got: got(),
        },
        EpcisError::MissingField {
            index: 0,
            field: "eventTime",
        },
        EpcisError::BadField {
            index: 0,
            field: "epcList",
        },
        EpcisError::BadEventTime {
            index: 0,
            got: got(),
        },
        EpcisError::BadTimeZoneOffset {
            index: 0,
            got: got(),
        },
        EpcisError::BadAction {
            index: 0,
            got: got(),
        },
        EpcisError::TooManyEvents { max: 100_000 },
        EpcisError::BadEventHash,
    ]
}

fn check(locale: Locale, error: &dyn Coded) {
    let catalog = Catalog::new(locale);
    let shape = catalog_shape(locale).unwrap();
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

#[test]
fn every_tag_and_epcis_error_has_a_message_with_its_arguments() {
    let tag_codes: BTreeSet<&str> = tag_errors().iter().map(TagError::code).collect();
    assert_eq!(tag_codes, TagError::CODES.into_iter().collect());
    let epcis_codes: BTreeSet<&str> = epcis_errors().iter().map(EpcisError::code).collect();
    assert_eq!(epcis_codes, EpcisError::CODES.into_iter().collect());
    for locale in Locale::ALL {
        for error in tag_errors() {
            check(locale, &error);
        }
        for error in epcis_errors() {
            check(locale, &error);
        }
    }
}
