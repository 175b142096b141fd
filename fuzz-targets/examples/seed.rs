//! Writes the seed corpora of the fuzz targets to `fuzz/corpus/<target>/`
//! from the project's test vectors and from encodings built here (a signed
//! test chain, proofs, frames, files):
//!
//! ```text
//! cargo run -p jifen-fuzz-targets --example seed
//! ```
//!
//! Each seed is checked against its target before it is written (a seed
//! that crashes its target is a finding too). `scripts/fuzz.sh` minimizes
//! the corpus after a run (`cargo fuzz cmin`); the committed corpus is that
//! minimized set.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use jifen_crypto::keystore::{KdfParams, Keystore, Password};
use jifen_light_client_verifier::test_chain::{Chain, rotating_set, static_set};
use jifen_light_client_verifier::{
    ChainLink, Checkpoint, Evidence, LightBlock, Pin, PinKind, StoreHead,
};
use jifen_protocol::{Account, Encode, Hash32, Network, StateMap, account_key};
use jifen_qr::{Payload, UrType};
use jifen_rpc_types::{
    HeaderParams, Id, LightBlockResult, LightBlocksResult, Request, Response, WireObject,
};
use jifen_wallet::chain::settings::ChainSettings;
use jifen_wallet::cold::pending::PendingRequest;

type Seeds = BTreeMap<&'static str, Vec<(String, Vec<u8>)>>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn add(
    seeds: &mut Seeds,
    target: &'static str,
    name: impl Into<String>,
    bytes: impl Into<Vec<u8>>,
) {
    seeds
        .entry(target)
        .or_default()
        .push((name.into(), bytes.into()));
}

/// Every string of a JSON document, with its path.
fn strings(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}-{i}"), out);
            }
        }
        serde_json::Value::Object(members) => {
            for (name, item) in members {
                strings(item, &format!("{path}-{name}"), out);
            }
        }
        _ => {}
    }
}

fn light_block_result(block: &LightBlock) -> LightBlockResult {
    LightBlockResult {
        header: block.header.clone(),
        commit: block.commit.clone(),
        validator_set: block.validators.clone(),
        next_validator_set: block.next_validators.clone(),
    }
}

fn protocol_and_rpc(seeds: &mut Seeds) {
    // docs/protocol.md's vectors: every hex value is an encoding or a hash.
    let vectors: serde_json::Value =
        serde_json::from_str(&read("tests/vectors/protocol.json")).unwrap();
    let mut all = Vec::new();
    strings(&vectors["vectors"], "vector", &mut all);
    for (name, text) in all {
        match hex::decode(&text) {
            Ok(bytes) if bytes.len() > 32 || name.ends_with("value") => {
                add(seeds, "protocol", name, bytes);
            }
            Ok(_) => {}
            Err(_) => add(seeds, "protocol", name, text.into_bytes()),
        }
    }
    // A signed chain whose validator set changes every 2 blocks.
    let chain = Chain::new(6, 2, rotating_set);
    for height in 1..=4u64 {
        let block = chain.block(height);
        add(
            seeds,
            "protocol",
            format!("light-block-{height}"),
            block.encode(),
        );
        add(
            seeds,
            "protocol",
            format!("header-{height}"),
            block.header.encode(),
        );
        add(
            seeds,
            "protocol",
            format!("commit-{height}"),
            block.commit.encode(),
        );
        add(
            seeds,
            "protocol",
            format!("set-{height}"),
            block.validators.encode(),
        );
    }
    let range = LightBlocksResult {
        light_blocks: (2..=5)
            .map(|h| light_block_result(&chain.block(h)))
            .collect(),
    };
    add(seeds, "protocol", "jlb1-2-5", range.to_frame(2));
    let one = LightBlocksResult {
        light_blocks: vec![light_block_result(&chain.block(3))],
    };
    add(seeds, "protocol", "jlb1-3", one.to_frame(3));
    // Transactions and their proofs.
    let key = jifen_light_client_verifier::test_chain::TestKey::new(1);
    let tx = key.transfer(key.address(), 12_500_000, 0);
    let with_txs = Chain::new(3, 10, static_set).with_transactions(2, vec![(tx.clone(), 0)]);
    add(seeds, "protocol", "transaction", tx.encode());
    add(
        seeds,
        "protocol",
        "tx-proof",
        with_txs.tx_proof(2, 0).encode(),
    );
    // A state proof of an account, and of an absent key.
    let mut state = StateMap::new();
    let account = Account::new(1_000, 3);
    state.set(account_key(&key.address()), Some(account.encode()));
    state.set(Hash32([9; 32]), Some(vec![1, 2, 3]));
    let (_, proof) = state.prove(&account_key(&key.address()));
    add(seeds, "protocol", "account", account.encode());
    add(seeds, "protocol", "state-proof", proof.encode());
    let (_, absent) = state.prove(&Hash32([5; 32]));
    add(seeds, "protocol", "state-proof-absent", absent.encode());
    for network in Network::ALL {
        add(
            seeds,
            "protocol",
            format!("address-{}", network.name()),
            key.address().encode(network),
        );
    }

    // JSON-RPC answers.
    let block = light_block_result(&chain.block(2));
    let answer = |result: serde_json::Value| {
        serde_json::to_vec(&Response::result(Id::from(1), result).to_json()).unwrap()
    };
    add(seeds, "rpc", "light-block", answer(block.to_json()));
    add(seeds, "rpc", "light-blocks", answer(range.to_json()));
    let error = r#"{"jsonrpc":"2.0","id":1,"error":{"code":-32004,"message":"height 9 is not stored","data":{"latest":8}}}"#;
    add(seeds, "rpc", "error", error);
    let request = Request::call(Id::from(7), &HeaderParams { height: Some(2) });
    add(
        seeds,
        "rpc",
        "request",
        serde_json::to_vec(&request.to_json()).unwrap(),
    );
    let batch = format!(
        "[{},{}]",
        serde_json::to_string(&request.to_json()).unwrap(),
        error
    );
    add(seeds, "rpc", "batch", batch);

    // P2P frames: a request and both kinds of answer.
    let frame = |kind: u8, body: &[u8]| {
        let mut out = vec![kind];
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(body);
        out
    };
    add(
        seeds,
        "p2p",
        "request",
        frame(1, &serde_json::to_vec(&request.to_json()).unwrap()),
    );
    add(
        seeds,
        "p2p",
        "answer-json",
        frame(0, &answer(block.to_json())),
    );
    add(seeds, "p2p", "answer-frame", frame(1, &one.to_frame(3)));
    let peer = libp2p::identity::Keypair::ed25519_from_bytes([7; 32])
        .unwrap()
        .public()
        .to_peer_id();
    add(
        seeds,
        "p2p",
        "address-ip4",
        format!("/ip4/127.0.0.1/tcp/4001/p2p/{peer}"),
    );
    add(
        seeds,
        "p2p",
        "address-dns",
        format!("/dns/node.example/tcp/26656/p2p/{peer}"),
    );
    add(
        seeds,
        "p2p",
        "address-ip6",
        format!("/ip6/::1/tcp/1/p2p/{peer}"),
    );

    // Files: evidence of a fork (the same signers under two state roots).
    let other = Chain::new(6, 2, rotating_set).with_state_root(Hash32([3; 32]));
    let evidence = Evidence::from_conflict(chain.block(4), other.block(4)).unwrap();
    add(seeds, "files", "evidence.json", evidence.to_json());
    add(seeds, "files", "light-block", chain.block(2).encode());
    let head = StoreHead {
        format: jifen_light_client_verifier::store::STORE_FORMAT,
        root: chain.checkpoint(1),
        latest: chain.checkpoint(4),
        below_latest: Some(Checkpoint {
            height: 3,
            hash: chain.block(3).hash(),
        }),
    };
    add(seeds, "files", "store-head", head.to_bytes());
    let link = ChainLink {
        height: 4,
        hash: chain.block(4).hash(),
        below: Some(3),
        pivot: true,
    };
    add(seeds, "files", "chain-link", link.to_bytes());
    let pin = Pin {
        id: "e".into(),
        kind: PinKind::Bundle,
        heights: vec![1, 4],
    };
    add(seeds, "files", "pin", pin.to_bytes());
}

fn qr(seeds: &mut Seeds) {
    let doc = read("docs/qr.md");
    let parts: Vec<&str> = doc
        .split_whitespace()
        .filter(|w| w.starts_with("ur:jifen-"))
        .collect();
    let (multi, single): (Vec<&str>, Vec<&str>) =
        parts.iter().partition(|p| p.split('/').count() == 3);
    for (i, part) in single.iter().enumerate() {
        add(seeds, "qr", format!("single-{i}"), part.to_string());
    }
    add(seeds, "qr", "multipart", multi.join("\n"));
    let tests = read("qr/tests/vectors.rs");
    for line in tests.lines().filter(|l| l.contains("_CBOR: &str = \"")) {
        let hex_text = line.split('"').nth(1).unwrap();
        add(
            seeds,
            "qr",
            format!(
                "cbor-{}",
                line.split(':').next().unwrap().trim_start_matches("const ")
            ),
            hex::decode(hex_text).unwrap(),
        );
    }
    add(seeds, "qr", "path", "m/44'/9000'/0'/0/7");
}

fn uri(seeds: &mut Seeds) {
    let requests: serde_json::Value =
        serde_json::from_str(&read("tests/vectors/payment_request.json")).unwrap();
    for group in ["valid", "invalid"] {
        for (i, case) in requests[group].as_array().unwrap().iter().enumerate() {
            if let Some(uri) = case["uri"].as_str().filter(|u| u.len() < 600) {
                add(seeds, "uri", format!("payment-{group}-{i}"), uri);
            }
        }
    }
    for amount in [
        "12.5",
        "0.000001",
        "340282366920938463463.374607431768211455",
        "1e3",
    ] {
        add(seeds, "uri", format!("amount-{amount}"), amount);
    }
    let links: serde_json::Value =
        serde_json::from_str(&read("gs1/tests/vectors/digital_link.json")).unwrap();
    let mut all = Vec::new();
    strings(&links, "dl", &mut all);
    for (name, text) in all
        .into_iter()
        .filter(|(_, t)| t.starts_with("http") || t.starts_with("urn:"))
    {
        add(seeds, "uri", name, text);
    }
    let dir = root().join("gs1/tests/vectors/ralphtro");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".jsonld") {
            add(seeds, "uri", name, fs::read(&path).unwrap());
        } else if name.ends_with(".hashes") {
            let text = fs::read_to_string(&path).unwrap();
            if let Some(hash) = text.lines().next() {
                add(seeds, "uri", name, hash.trim());
            }
        }
    }
}

fn files(seeds: &mut Seeds) {
    for name in ["state-value.bundle.json", "tx-inclusion.bundle.json"] {
        add(
            seeds,
            "files",
            name,
            read(&format!("light-client-verifier/tests/vectors/{name}")),
        );
    }
    // A keystore file at the smallest work the format accepts.
    let dir = std::env::temp_dir().join(format!("jifen-fuzz-seed-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.keystore");
    let _ = fs::remove_file(&path);
    let params = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    };
    Keystore::create(
        &path,
        &[7; 33],
        b"{\"meta\":1}",
        &Password::new("fuzz seed").unwrap(),
        params,
    )
    .unwrap();
    add(seeds, "files", "keystore", fs::read(&path).unwrap());
    fs::remove_dir_all(&dir).unwrap();
    let settings = ChainSettings::new(
        Network::Devnet,
        "jifen-devnet",
        &[
            "http://127.0.0.1:26657".to_owned(),
            "https://node.example:443".to_owned(),
        ],
        None,
    )
    .unwrap();
    add(
        seeds,
        "files",
        "chain-settings.json",
        settings.to_bytes().unwrap(),
    );
    add(
        seeds,
        "files",
        "wallet-settings.json",
        "{\"backup_verified\":true}",
    );
    let doc = read("qr/tests/vectors.rs");
    let cbor = doc
        .lines()
        .find(|l| l.contains("SIGN_REQUEST_CBOR: &str"))
        .and_then(|l| l.split('"').nth(1))
        .unwrap();
    let request = Payload::from_cbor(UrType::SignRequest, &hex::decode(cbor).unwrap())
        .unwrap()
        .into_sign_request()
        .unwrap();
    let pending = PendingRequest::new("cold", &request, 1_767_225_600);
    add(
        seeds,
        "files",
        "pending.json",
        serde_json::to_vec_pretty(&pending).unwrap(),
    );
    add(
        seeds,
        "files",
        "mnemonic",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    );
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| root().join("fuzz/corpus"), PathBuf::from);
    let mut seeds = Seeds::new();
    protocol_and_rpc(&mut seeds);
    qr(&mut seeds);
    uri(&mut seeds);
    files(&mut seeds);
    for (target, run) in jifen_fuzz_targets::TARGETS {
        let dir = out.join(target);
        fs::create_dir_all(&dir).unwrap();
        let list = seeds.get(target).map_or(&[][..], Vec::as_slice);
        for (name, bytes) in list {
            run(bytes);
            let file: String = name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(80)
                .collect();
            fs::write(dir.join(format!("seed-{file}")), bytes).unwrap();
        }
        println!("{target}: {} seeds in {}", list.len(), dir.display());
    }
}
