//! Every light-client error gives the arguments its messages use: for one
//! value of each variant, every `{ $name }` in the three catalogs'
//! message for its code is among `Coded::args`, and `Coded::code` is the
//! inherent `code()`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use jifen_light_client::Evidence;
use jifen_light_client::client::Misbehaviour;
use jifen_light_client::evidence::Side;
use jifen_light_client::{
    BundleError, Checkpoint, CheckpointParseError, ClientError, EvidenceError, LightBlockError,
    OptionsError, PeerError, PeerReport, PeerRole, PeerState, PowerTally, ProofError,
    ScheduleError, StoreError, SyncError, TlsProblem, TrustedCertificateError, VerificationError,
};
use jifen_light_client_verifier::test_chain::{Chain, static_set};
use jifen_protocol::message::Coded;
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{
    ChainId, CommitError, DecodeError, Hash32, HeaderError, MerkleError, StateProofError,
};

/// `code -> placeholders` of every message in one catalog file.
fn placeholders(locale: &str) -> BTreeMap<String, Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../i18n/locales")
        .join(locale)
        .join("light-client.ftl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut messages: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = String::new();
    for line in text.lines() {
        if let Some((id, _)) = line.split_once(" = ")
            && !id.starts_with(' ')
            && !id.starts_with('#')
        {
            current = id.trim().to_owned();
            messages.entry(current.clone()).or_default();
        }
        let mut rest = line;
        while let Some(start) = rest.find("{ $") {
            let name: String = rest[start + 3..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            messages.entry(current.clone()).or_default().push(name);
            rest = &rest[start + 3..];
        }
    }
    messages
}

fn check(error: &dyn Coded, inherent_code: &str, catalogs: &[BTreeMap<String, Vec<String>>]) {
    let code = error.code();
    assert_eq!(code, inherent_code, "{error}");
    let args = error.args();
    for catalog in catalogs {
        let used = catalog
            .get(code)
            .unwrap_or_else(|| panic!("no message for {code}"));
        for name in used {
            assert!(
                args.iter().any(|(arg, _)| arg == name),
                "{code} uses ${name}, args are {args:?}"
            );
        }
    }
}

fn decode_error() -> DecodeError {
    DecodeError::UnexpectedEnd {
        field: "header",
        offset: 3,
        needed: 8,
        remaining: 2,
    }
}

fn verification_errors() -> Vec<VerificationError> {
    let hash = Hash32([1; 32]);
    let checkpoint = Checkpoint { height: 1, hash };
    let tally = PowerTally {
        signed_power: 1,
        total_power: 3,
    };
    vec![
        VerificationError::Malformed(LightBlockError::InvalidHeader(HeaderError::ZeroHeight)),
        VerificationError::InvalidCommit {
            height: 4,
            source: CommitError::NoSignatures,
        },
        VerificationError::InsufficientQuorum { height: 4, tally },
        VerificationError::TrustExpired {
            trusted_time_ms: 1,
            expired_at_ms: 2,
            now_ms: 3,
        },
        VerificationError::HeaderFromFuture {
            header_time_ms: 5,
            limit_ms: 4,
        },
        VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
        VerificationError::NonIncreasingTime {
            trusted_ms: 5,
            got_ms: 4,
        },
        VerificationError::SequentialValidatorsMismatch {
            expected: hash,
            got: Hash32([2; 32]),
        },
        VerificationError::ParentHashMismatch {
            expected: hash,
            got: None,
        },
        VerificationError::NotParent {
            height: 3,
            expected: Some(hash),
            got: Hash32([2; 32]),
        },
        VerificationError::CheckpointMismatch {
            expected: checkpoint,
            got: checkpoint,
        },
    ]
}

fn peer_errors() -> Vec<PeerError> {
    vec![
        PeerError::Unreachable {
            peer: "http://a".into(),
            message: "refused".into(),
        },
        PeerError::Tls {
            peer: "https://a".into(),
            problem: TlsProblem::UnknownIssuer,
            reason: "invalid peer certificate: UnknownIssuer".into(),
        },
        PeerError::Timeout {
            peer: "http://a".into(),
            timeout_ms: 20_000,
        },
        PeerError::HttpStatus { status: 500 },
        PeerError::Redirect {
            status: 307,
            location: "http://elsewhere/".into(),
        },
        PeerError::ResponseTooLarge { limit: 16 },
        PeerError::TooComplex { limit: 10_000 },
        PeerError::MalformedJson {
            message: "eof".into(),
        },
        PeerError::BadEnvelope {
            reason: "wrong id".into(),
        },
        PeerError::Rpc {
            code: -32601,
            name: "method-not-found".into(),
            message: "unknown".into(),
        },
        PeerError::BadField { field: "header" },
        PeerError::Decode {
            field: "header",
            source: decode_error(),
        },
        PeerError::Inconsistent {
            field: "hash",
            expected: "a".into(),
            got: "b".into(),
        },
        PeerError::BadFrame {
            at: 16,
            expected: "a canonical set count".into(),
        },
        PeerError::HeightUnavailable { height: 9 },
        PeerError::TxRejected {
            code: 1004,
            name: "tx-nonce-too-low".into(),
            message: "nonce 0 already used".into(),
        },
        PeerError::Unsupported {
            method: "jifen_subchainState",
        },
    ]
}

#[test]
fn every_error_gives_the_arguments_its_messages_use() {
    let catalogs: Vec<_> = ["zh-CN", "zh-TW", "en"]
        .into_iter()
        .map(placeholders)
        .collect();
    let chain = ChainId::new("jifen-devnet").unwrap();
    let other = ChainId::new("other").unwrap();
    let hash = Hash32([1; 32]);
    let checkpoint = Checkpoint { height: 1, hash };
    let tally = PowerTally {
        signed_power: 1,
        total_power: 3,
    };

    for error in verification_errors() {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        LightBlockError::InvalidHeader(HeaderError::ZeroHeight),
        LightBlockError::ChainIdMismatch {
            expected: chain.clone(),
            got: other.clone(),
        },
        LightBlockError::ValidatorsHashMismatch {
            expected: hash,
            got: hash,
        },
        LightBlockError::NextValidatorsHashMismatch {
            expected: hash,
            got: hash,
        },
        LightBlockError::CommitNotForHeader(CommitError::NoSignatures),
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        OptionsError::TrustThresholdTooLow,
        OptionsError::ZeroTrustingPeriod,
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        CheckpointParseError::MissingSeparator,
        CheckpointParseError::BadHeight,
        CheckpointParseError::BadHash,
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        ScheduleError::CannotBisect {
            trusted_height: 1,
            untrusted_height: 2,
        },
        ScheduleError::NothingPending,
    ] {
        check(&error, error.code(), &catalogs);
    }
    let store_errors = || {
        vec![
            StoreError::Backend {
                backend: "redb",
                message: "locked".into(),
            },
            StoreError::Locked { backend: "redb" },
            StoreError::Unreadable {
                backend: "redb",
                message: "Not a redb database".into(),
            },
            StoreError::Corrupt {
                height: 3,
                source: decode_error(),
            },
            StoreError::WrongHeight { key: 3, got: 4 },
            StoreError::Missing { height: 3 },
            StoreError::CheckpointMismatch {
                expected: checkpoint,
                got: checkpoint,
            },
            StoreError::Tampered {
                height: 3,
                source: VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
            },
            StoreError::BrokenChain { height: 3, tally },
            StoreError::Format {
                found: 3,
                supported: 2,
            },
            StoreError::UnknownPin {
                id: "bundle-1.json".into(),
            },
        ]
    };
    for error in store_errors() {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        SyncError::Source {
            height: 3,
            source: "gone".into(),
        },
        SyncError::WrongHeight {
            expected: 3,
            got: 4,
        },
        SyncError::Invalid {
            height: 3,
            source: VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
        },
        SyncError::TargetBelowTrusted {
            trusted: 5,
            target: 4,
        },
        SyncError::Options(OptionsError::ZeroTrustingPeriod),
        SyncError::Store(StoreError::Missing { height: 3 }),
        SyncError::Schedule(ScheduleError::NothingPending),
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        EvidenceError::InvalidBlock {
            side: Side::First,
            source: VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
        },
        EvidenceError::HeightMismatch {
            first: 1,
            second: 2,
        },
        EvidenceError::NoConflict { block_hash: hash },
        EvidenceError::DoubleSignersMismatch {
            expected: Vec::new(),
            got: Vec::new(),
        },
        EvidenceError::NoAccountableSigners,
        EvidenceError::Json {
            message: "eof".into(),
        },
        EvidenceError::UnknownFormat { got: "x".into() },
        EvidenceError::Hex { side: Side::Second },
        EvidenceError::Decode {
            side: Side::Second,
            source: decode_error(),
        },
        EvidenceError::BadAddress { text: "zz".into() },
    ] {
        check(&error, error.code(), &catalogs);
    }
    let merkle = MerkleError::IndexOutOfRange { index: 3, size: 2 };
    let proof_errors = || {
        vec![
            ProofError::WrongHeight {
                expected: 1,
                got: 2,
            },
            ProofError::WrongKey {
                expected: hash,
                got: hash,
            },
            ProofError::State(StateProofError::TooDeep { got: 300 }),
            ProofError::BadAccount(decode_error()),
            ProofError::TxIdMismatch {
                expected: hash,
                got: hash,
            },
            ProofError::IndexMismatch {
                expected: 1,
                got: 2,
            },
            ProofError::TxNotInBlock(merkle.clone()),
            ProofError::ResultNotInBlock(merkle.clone()),
        ]
    };
    for error in proof_errors() {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        BundleError::Root {
            source: VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
        },
        BundleError::Invalid {
            height: 3,
            source: VerificationError::NonIncreasingHeight { trusted: 5, got: 4 },
        },
        BundleError::NotEnoughTrust { height: 3, tally },
        BundleError::Json {
            message: "eof".into(),
        },
        BundleError::UnknownFormat { got: "x".into() },
        BundleError::Hex { position: 2 },
        BundleError::Decode {
            position: 2,
            source: decode_error(),
        },
        BundleError::UnknownProofKind { kind: "x".into() },
        BundleError::ProofDecode(decode_error()),
        BundleError::Proof(ProofError::WrongHeight {
            expected: 1,
            got: 2,
        }),
        BundleError::LinkBroken {
            height: 7,
            source: VerificationError::NotParent {
                height: 7,
                expected: Some(hash),
                got: Hash32([2; 32]),
            },
        },
        BundleError::TxWrongHeight {
            expected: 7,
            got: 8,
        },
        BundleError::TxNotInBlock {
            height: 7,
            source: ProofError::TxNotInBlock(MerkleError::IndexOutOfRange { index: 3, size: 2 }),
        },
        BundleError::TxResultNotInBlock {
            height: 7,
            result_code: 1006,
            source: ProofError::ResultNotInBlock(MerkleError::IndexOutOfRange {
                index: 3,
                size: 2,
            }),
        },
        BundleError::TxIdMismatch {
            expected: hash,
            got: Hash32([2; 32]),
        },
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in peer_errors() {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        TrustedCertificateError::TooLarge {
            size: 40_000,
            limit: 32_768,
        },
        TrustedCertificateError::NoCertificate,
        TrustedCertificateError::PrivateKey,
        TrustedCertificateError::Unreadable {
            reason: "bad base64".into(),
        },
        TrustedCertificateError::TooMany { count: 9, max: 8 },
        TrustedCertificateError::Invalid {
            index: 1,
            reason: "bad encoding".into(),
        },
    ] {
        check(&error, error.code(), &catalogs);
    }
    for error in [
        Misbehaviour::HeadersWithheld {
            height: 3,
            claimed_tip: 9,
        },
        Misbehaviour::PrimaryStale {
            primary_height: 3,
            witness_height: 90,
            lag_ms: 61_000,
        },
        Misbehaviour::WrongChain {
            expected: chain.clone(),
            got: other.clone(),
        },
        Misbehaviour::ImplausibleTip {
            claimed: 1_000_000_000_000,
            limit: 5_000,
        },
        Misbehaviour::ProofBelowRoot {
            height: 1,
            root: 10,
        },
        Misbehaviour::ProofAboveTip {
            height: 1_010,
            tip: 10,
        },
    ] {
        check(&error, error.code(), &catalogs);
    }

    let mut client_errors = vec![
        ClientError::Options(OptionsError::ZeroTrustingPeriod),
        ClientError::Verification(VerificationError::NonIncreasingHeight { trusted: 5, got: 4 }),
        ClientError::TrustExpired {
            trusted_height: 3,
            expired_at_ms: 4,
            now_ms: 5,
        },
        ClientError::NoPeer {
            peers: vec![PeerReport {
                id: "http://a".into(),
                role: PeerRole::Primary,
                state: PeerState::Demoted {
                    code: "lc-invalid-commit",
                    detail: "forged".into(),
                },
            }],
        },
        ClientError::Cancelled,
        ClientError::EvidenceWrite {
            path: "/tmp/e.json".into(),
            message: "read-only".into(),
        },
        ClientError::StoreOtherChain {
            expected: chain,
            got: other,
        },
        ClientError::NoTrustedState,
        ClientError::RootUnavailable {
            height: 1_000,
            highest_tip: Some(10),
            attempts: 5,
        },
        ClientError::RootUnavailable {
            height: 1,
            highest_tip: None,
            attempts: 5,
        },
        ClientError::HistoryNotPrefix {
            len: 5,
            proven_len: 3,
            height: 9,
        },
        ClientError::TxNotProven { id: hash },
        ClientError::SubchainUnknown {
            subchain: SubchainId::new(7).unwrap(),
        },
        ClientError::SubchainRecord {
            subchain: SubchainId::new(7).unwrap(),
            detail: "short".into(),
        },
        ClientError::SubchainNotAudited {
            subchain: SubchainId::new(7).unwrap(),
            height: 3,
        },
        ClientError::SubchainHalted {
            subchain: SubchainId::new(7).unwrap(),
            height: 3,
        },
    ];
    let fixture = Chain::new(3, 10, static_set);
    let mut fork = fixture.block(2);
    fork.header.state_root = Hash32([0xaa; 32]);
    fixture.resign(&mut fork);
    client_errors.push(ClientError::ForkDetected {
        height: 2,
        evidence: Box::new(Evidence::from_conflict(fixture.block(2), fork).unwrap()),
        path: Some("/tmp/evidence-2.json".into()),
    });
    client_errors.extend(store_errors().into_iter().map(ClientError::Store));
    client_errors.extend(peer_errors().into_iter().map(ClientError::Endpoint));
    client_errors.push(ClientError::TxRejected(PeerError::TxRejected {
        code: 1006,
        name: "tx-insufficient-balance".into(),
        message: "need 5".into(),
    }));
    for error in &client_errors {
        check(error, error.code(), &catalogs);
    }
    let no_peer = client_errors
        .iter()
        .find(|error| matches!(error, ClientError::NoPeer { .. }))
        .unwrap();
    assert!(
        no_peer
            .args()
            .contains(&("peers", "http://a".to_owned().into()))
    );
}
