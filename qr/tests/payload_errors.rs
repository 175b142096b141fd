//! Every way a payload is refused, each with its own code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use jifen_qr::{EncodeError, EncoderSettings, Payload, PayloadError, UrEncoder, UrType};

/// An independent, minimal CBOR writer for building bad inputs.
fn head(major: u8, value: u64) -> Vec<u8> {
    let m = major << 5;
    match value {
        0..=23 => vec![m | value as u8],
        24..=0xff => vec![m | 24, value as u8],
        0x100..=0xffff => [vec![m | 25], (value as u16).to_be_bytes().to_vec()].concat(),
        _ => [vec![m | 26], (value as u32).to_be_bytes().to_vec()].concat(),
    }
}
fn uint(v: u64) -> Vec<u8> {
    head(0, v)
}
fn bytes(b: &[u8]) -> Vec<u8> {
    [head(2, b.len() as u64), b.to_vec()].concat()
}
fn text(t: &str) -> Vec<u8> {
    [head(3, t.len() as u64), t.as_bytes().to_vec()].concat()
}
fn path(components: &[u32]) -> Vec<u8> {
    let mut out = head(4, components.len() as u64);
    for c in components {
        out.extend(uint(u64::from(*c)));
    }
    out
}
fn map(entries: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut out = head(5, entries.len() as u64);
    for (k, v) in entries {
        out.extend(uint(*k));
        out.extend(v);
    }
    out
}

fn signature_entries() -> Vec<(u64, Vec<u8>)> {
    vec![
        (1, uint(1)),
        (2, bytes(&common::REQUEST_ID)),
        (3, bytes(&[5; 64])),
    ]
}

fn request_entries() -> Vec<(u64, Vec<u8>)> {
    use jifen_protocol::Encode;
    let tx = common::transaction();
    vec![
        (1, uint(1)),
        (2, bytes(&common::REQUEST_ID)),
        (3, bytes(&tx.encode())),
        (4, text("jifen-devnet")),
        (5, path(&[0x8000_002c, 0x8000_4a46, 0x8000_0000, 0, 0])),
        (6, bytes(tx.sender.as_bytes())),
        (7, text("jifen-cli 0.1.0")),
    ]
}

fn account_entries() -> Vec<(u64, Vec<u8>)> {
    vec![
        (1, uint(1)),
        (2, text("mainnet")),
        (3, bytes(&[0x34, 0x42, 0x19, 0x3e])),
        (4, path(&[0x8000_0000])),
        (5, text(common::XPUB)),
        (6, text("0.1.0")),
        (7, uint(200)),
    ]
}

fn with(mut entries: Vec<(u64, Vec<u8>)>, key: u64, value: Vec<u8>) -> Vec<(u64, Vec<u8>)> {
    match entries.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = value,
        None => {
            entries.push((key, value));
            entries.sort_by_key(|(k, _)| *k);
        }
    }
    entries
}

fn without(mut entries: Vec<(u64, Vec<u8>)>, key: u64) -> Vec<(u64, Vec<u8>)> {
    entries.retain(|(k, _)| *k != key);
    entries
}

fn code(ur_type: UrType, cbor: &[u8]) -> &'static str {
    Payload::from_cbor(ur_type, cbor).unwrap_err().code()
}

#[test]
fn the_builders_match_the_encoder() {
    let [account, request, signature] = common::payloads();
    assert_eq!(map(&account_entries()), account.to_cbor());
    assert_eq!(map(&request_entries()), request.to_cbor());
    let mut sig = signature_entries();
    sig[2].1 = bytes(&common::signature().signature.to_bytes());
    assert_eq!(map(&sig), signature.to_cbor());
}

#[test]
fn payload_errors_by_case() {
    let sig = UrType::Signature;
    let good = map(&signature_entries());
    let cases: Vec<(&str, UrType, Vec<u8>, &str)> = vec![
        (
            "newer version",
            sig,
            map(&with(signature_entries(), 1, uint(2))),
            "qr-unsupported-version",
        ),
        (
            "version zero",
            sig,
            map(&with(signature_entries(), 1, uint(0))),
            "qr-unsupported-version",
        ),
        // a newer version with a new field reports the version, not the field
        (
            "newer version with new field",
            sig,
            map(&with(with(signature_entries(), 1, uint(2)), 9, uint(0))),
            "qr-unsupported-version",
        ),
        (
            "no version",
            sig,
            map(&without(signature_entries(), 1)),
            "qr-missing-field",
        ),
        (
            "no signature",
            sig,
            map(&without(signature_entries(), 3)),
            "qr-missing-field",
        ),
        (
            "unknown field",
            sig,
            map(&with(signature_entries(), 4, uint(0))),
            "qr-unknown-field",
        ),
        (
            "duplicate key",
            sig,
            [
                vec![0xa4],
                uint(1),
                uint(1),
                uint(2),
                bytes(&[1; 16]),
                uint(2),
                bytes(&[1; 16]),
                uint(3),
                bytes(&[5; 64]),
            ]
            .concat(),
            "qr-cbor-duplicate-key",
        ),
        (
            "unsorted keys",
            sig,
            [
                vec![0xa3],
                uint(1),
                uint(1),
                uint(3),
                bytes(&[5; 64]),
                uint(2),
                bytes(&[1; 16]),
            ]
            .concat(),
            "qr-cbor-non-canonical",
        ),
        (
            "long-form version",
            sig,
            [vec![0xa3, 0x01, 0x18, 0x01], good[3..].to_vec()].concat(),
            "qr-cbor-non-canonical",
        ),
        (
            "indefinite map",
            sig,
            [vec![0xbf], good[1..].to_vec(), vec![0xff]].concat(),
            "qr-cbor-non-canonical",
        ),
        (
            "trailing byte",
            sig,
            [good.clone(), vec![0]].concat(),
            "qr-cbor-trailing-bytes",
        ),
        (
            "truncated",
            sig,
            good[..good.len() - 1].to_vec(),
            "qr-cbor-truncated",
        ),
        ("empty", sig, Vec::new(), "qr-cbor-truncated"),
        (
            "reserved head",
            sig,
            vec![0xa3, 0x01, 0x1c],
            "qr-cbor-malformed",
        ),
        ("not a map", sig, uint(1), "qr-wrong-field-type"),
        (
            "tagged value",
            sig,
            [vec![0xa3, 0x01, 0xc1], good[2..].to_vec()].concat(),
            "qr-wrong-field-type",
        ),
        (
            "text request id",
            sig,
            map(&with(signature_entries(), 2, text("0011"))),
            "qr-wrong-field-type",
        ),
        (
            "short signature",
            sig,
            map(&with(signature_entries(), 3, bytes(&[5; 63]))),
            "qr-invalid-field",
        ),
        (
            "huge byte string",
            UrType::SignRequest,
            map(&with(
                request_entries(),
                3,
                [vec![0x5a, 0x7f, 0xff, 0xff, 0xff], vec![0; 8]].concat(),
            )),
            "qr-field-too-large",
        ),
        (
            "long origin",
            UrType::SignRequest,
            map(&with(request_entries(), 7, text(&"o".repeat(129)))),
            "qr-field-too-large",
        ),
        (
            "deep path",
            UrType::SignRequest,
            map(&with(request_entries(), 5, path(&[0; 11]))),
            "qr-field-too-large",
        ),
        (
            "path component over 32 bits",
            UrType::SignRequest,
            map(&with(
                request_entries(),
                5,
                [head(4, 1), vec![0x1b, 0, 0, 0, 1, 0, 0, 0, 0]].concat(),
            )),
            "qr-invalid-field",
        ),
        (
            "bad UTF-8 origin",
            UrType::SignRequest,
            map(&with(request_entries(), 7, vec![0x62, 0xff, 0xfe])),
            "qr-cbor-malformed",
        ),
        (
            "empty origin",
            UrType::SignRequest,
            map(&with(request_entries(), 7, text(""))),
            "qr-invalid-field",
        ),
        (
            "control character in origin",
            UrType::SignRequest,
            map(&with(request_entries(), 7, text("evil\u{1b}[2J"))),
            "qr-invalid-field",
        ),
        (
            "chain id differs",
            UrType::SignRequest,
            map(&with(request_entries(), 4, text("jifen-mainnet"))),
            "qr-invalid-field",
        ),
        (
            "signer differs",
            UrType::SignRequest,
            map(&with(request_entries(), 6, bytes(&[0x33; 20]))),
            "qr-invalid-field",
        ),
        (
            "transaction not canonical",
            UrType::SignRequest,
            map(&with(request_entries(), 3, bytes(&[0, 1, 2]))),
            "qr-invalid-transaction",
        ),
        (
            "unknown network",
            UrType::Account,
            map(&with(account_entries(), 2, text("regtest"))),
            "qr-invalid-field",
        ),
        (
            "xpub of another network",
            UrType::Account,
            map(&with(account_entries(), 2, text("devnet"))),
            "qr-invalid-field",
        ),
        (
            "xpub not base58",
            UrType::Account,
            map(&with(account_entries(), 5, text("xpub0OIl"))),
            "qr-invalid-field",
        ),
        (
            "tiny fragment length",
            UrType::Account,
            map(&with(account_entries(), 7, uint(5))),
            "qr-invalid-field",
        ),
        (
            "no app version",
            UrType::Account,
            map(&without(account_entries(), 6)),
            "qr-missing-field",
        ),
    ];
    for (name, ur_type, cbor, expected) in cases {
        assert_eq!(code(ur_type, &cbor), expected, "{name}");
    }
}

#[test]
fn a_request_without_origin_is_valid() {
    let mut request = common::sign_request();
    request.origin = None;
    let payload = Payload::SignRequest(request);
    let cbor = payload.to_cbor();
    assert_eq!(cbor, map(&without(request_entries(), 7)));
    assert_eq!(
        Payload::from_cbor(UrType::SignRequest, &cbor).unwrap(),
        payload
    );
}

#[test]
fn a_payload_of_one_type_is_not_another() {
    let account = Payload::Account(common::account()).to_cbor();
    // The account's key 2 is text; a signature's key 2 is bytes.
    assert_eq!(code(UrType::Signature, &account), "qr-wrong-field-type");
    assert_eq!(
        Payload::Account(common::account())
            .into_signature()
            .unwrap_err()
            .code(),
        "qr-wrong-type"
    );
}

#[test]
fn the_encoder_refuses_what_the_receiver_would() {
    let mut request = common::sign_request();
    request.origin = Some("o".repeat(200));
    let err =
        UrEncoder::new(&Payload::SignRequest(request), EncoderSettings::default()).unwrap_err();
    assert_eq!(err.code(), "qr-invalid-payload");
    assert!(matches!(
        err,
        EncodeError::InvalidPayload(PayloadError::FieldTooLarge { .. })
    ));
}

#[test]
fn derivation_paths_parse_and_print() {
    let path: jifen_qr::DerivationPath = "m/44'/19014'/0h/1/2".parse().unwrap();
    assert_eq!(
        path.components(),
        &[0x8000_002c, 0x8000_4a46, 0x8000_0000, 1, 2]
    );
    assert_eq!(path.to_string(), "m/44'/19014'/0'/1/2");
    for bad in [
        "",
        "44'/0",
        "m/x",
        "m/2147483648",
        "m//1",
        "m/0/0/0/0/0/0/0/0/0/0/0",
    ] {
        assert!(bad.parse::<jifen_qr::DerivationPath>().is_err(), "{bad}");
    }
}

#[test]
fn request_ids_are_uuid_v4() {
    let a = jifen_qr::RequestId::random().unwrap();
    let b = jifen_qr::RequestId::random().unwrap();
    assert_ne!(a, b);
    assert_eq!(a.0[6] >> 4, 4);
    assert_eq!(a.0[8] >> 6, 0b10);
    assert_eq!(
        jifen_qr::RequestId(common::REQUEST_ID).to_string(),
        "00112233-4455-4677-8899-aabbccddeeff"
    );
}

#[test]
fn a_new_request_gets_a_fresh_id_and_its_answer_echoes_it() {
    let path: jifen_qr::DerivationPath = "m/44'/19014'/0'/0/0".parse().unwrap();
    let a = jifen_qr::SignRequest::new(common::transaction(), path.clone(), None).unwrap();
    let b = jifen_qr::SignRequest::new(common::transaction(), path, None).unwrap();
    assert_ne!(a.request_id, b.request_id);
    let answer = a.answer(common::signature().signature);
    assert_eq!(answer.request_id, a.request_id);
    assert_eq!(a.signer(), &common::transaction().sender);
    assert_eq!(a.chain_id().as_str(), "jifen-devnet");
}
