//! Skipping by trust against the offline optimum, on node fixtures served
//! by an in-process node on loopback (a plain bench binary, not run in CI;
//! `docs/adr/0016-skipping-by-trust.md`):
//!
//! ```sh
//! jifen-node fixture --blocks 100000 --validators 21 --epoch 1000 --rotate 3 \
//!     --data-dir /work/fixtures/lc-100k
//! jifen-node fixture --blocks 1000000 --validators 21 --epoch 100 --rotate 0 \
//!     --data-dir /work/fixtures/lc-1m-stable
//! cargo bench --profile test -p jifen-light-client --bench skipping
//! ```
//!
//! For each fixture: a client syncs from the genesis checkpoint to the tip
//! (no witness, memory store, the clock just after the tip): headers
//! fetched and sync time; the offline minimum from the same root at the
//! same time ([`min_light_blocks`] over every stored header and commit);
//! their ratio (goal <= 1.2); and, for comparison, how many headers the
//! calendar schedule before issue 16 fetched (every epoch end, then the
//! tip). `JIFEN_LC_FIXTURE` / `JIFEN_LC_STABLE` override the directories;
//! a fixture is used once its `READY-<name>` marker exists beside it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

#[path = "shared/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jifen_light_client::{
    Checkpoint, ClientConfig, FixedClock, LightClient, MemoryStore, Options, RpcOptions, RpcPeer,
    TrustRoot,
};
use jifen_light_client_verifier::optimum::min_light_blocks;
use jifen_node::devnet::{Devnet, DevnetConfig};

fn fixture_dir(variable: &str, default: &str) -> PathBuf {
    std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

fn ready(dir: &Path) -> bool {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    dir.is_dir() && dir.with_file_name(format!("READY-{name}")).exists()
}

/// Serves the fixture in `dir`; when another process holds its database
/// open (another bench), serves a private copy instead (kept in `copy`).
fn serve(dir: &Path, copy: &mut Option<tempfile::TempDir>) -> Devnet {
    let mut config = DevnetConfig::new(dir.to_path_buf());
    config.produce = false;
    if let Ok(devnet) = Devnet::start(&config) {
        return devnet;
    }
    let private = tempfile::tempdir_in(dir.parent().unwrap()).unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), private.path().join(entry.file_name())).unwrap();
    }
    config.data_dir = private.path().to_path_buf();
    *copy = Some(private);
    Devnet::start(&config).unwrap()
}

fn client(devnet: &Devnet, now: u64, root: Checkpoint) -> LightClient<MemoryStore> {
    let peer = RpcPeer::connect(
        &format!("http://{}", devnet.rpc_addr()),
        RpcOptions {
            timeout: Duration::from_secs(120),
            ..RpcOptions::default()
        },
    )
    .unwrap();
    let config = ClientConfig::new(
        jifen_protocol::ChainId::new("jifen-devnet").unwrap(),
        TrustRoot::Checkpoint(root),
    );
    LightClient::open(
        MemoryStore::new(),
        config,
        Box::new(peer),
        Vec::new(),
        Box::new(FixedClock(now)),
    )
    .unwrap()
}

/// Epoch ends strictly between `trusted` and `target`, plus the target: what
/// the calendar schedule (`Schedule::Epochs`, before issue 16) fetched.
fn calendar(trusted: u64, target: u64, epoch: u64) -> u64 {
    (target - 1) / epoch - trusted / epoch + 1
}

fn run(label: &str, dir: &Path) {
    if !ready(dir) {
        println!(
            "figure: {label}: skipped, no ready fixture at {}",
            dir.display()
        );
        return;
    }
    let opened = Instant::now();
    let mut copy = None;
    let devnet = serve(dir, &mut copy);
    let (now, root, tip, epoch) = {
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        let tip = chain.height();
        let header = chain.header(tip).unwrap().unwrap();
        let genesis = chain.header(1).unwrap().unwrap().hash();
        let epoch = chain.params().epoch_length;
        (
            header.time_ms + 1_000,
            Checkpoint::genesis(genesis),
            tip,
            epoch,
        )
    };
    println!(
        "figure: {label}: node opened {tip} blocks (epoch {epoch}) in {:.1} s",
        opened.elapsed().as_secs_f64()
    );

    let mut times = Vec::new();
    let mut fetched = 0;
    for _ in 0..3 {
        let mut client = client(&devnet, now, root);
        let started = Instant::now();
        let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        times.push(started.elapsed());
        assert_eq!(summary.height, tip);
        fetched = summary.headers_fetched;
    }
    times.sort();

    let started = Instant::now();
    let shape = {
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        fixture::shape_of(&chain, tip)
    };
    let loaded = started.elapsed();
    let started = Instant::now();
    let optimum = min_light_blocks(&shape, 1, tip, &Options::default(), now)
        .expect("the tip is reachable from genesis");
    let solved = started.elapsed();
    let ratio = fetched as f64 / optimum.light_blocks as f64;
    println!("figure: {label}: headers fetched (skipping by trust) = {fetched}");
    println!(
        "figure: {label}: offline minimum = {} (path {:?}{})",
        optimum.light_blocks,
        &optimum.heights[..optimum.heights.len().min(8)],
        if optimum.heights.len() > 8 {
            ", ..."
        } else {
            ""
        }
    );
    println!("figure: {label}: ratio fetched / minimum = {ratio:.2} (goal <= 1.2)");
    println!(
        "figure: {label}: sync time 1 -> {tip} = median {:.1} ms (min {:.1} ms, 3 runs, RPC loopback, no witness)",
        times[1].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    println!(
        "figure: {label}: calendar schedule before issue 16 = {} headers",
        calendar(1, tip, epoch)
    );
    println!(
        "figure: {label}: optimum tool: shape of {tip} heights loaded in {:.1} s ({} distinct sets), solved in {:.1} ms",
        loaded.as_secs_f64(),
        shape.distinct_sets(),
        solved.as_secs_f64() * 1e3
    );
}

/// The hard rows of ADR 0016's table on signed test chains (in memory, no
/// RPC): a set drifting by one member of four per epoch (r = 3), and more
/// than 2/3 replaced every epoch (r = 1).
fn test_chains() {
    use jifen_light_client::{FixedClock, Schedule, TrustedState, sync_to};
    use jifen_light_client_verifier::optimum::ChainShape;
    use jifen_light_client_verifier::test_chain::{Chain, ChainSource, replaced_set, rotating_set};
    use std::num::NonZeroU64;
    for (label, chain, epoch) in [
        (
            "test chain, 100,000 blocks, epoch 1000, 1 of 4 replaced per epoch",
            Chain::new(100_000, 1_000, rotating_set),
            1_000,
        ),
        (
            "test chain, 10,000 blocks, epoch 100, whole set replaced per epoch",
            Chain::new(10_000, 100, replaced_set),
            100,
        ),
    ] {
        let tip = chain.len();
        let now = chain.time_after(tip);
        let options = Options::default();
        let optimum = min_light_blocks(&ChainShape::from_test_chain(&chain), 1, tip, &options, now)
            .unwrap()
            .light_blocks;
        let mut trusted =
            TrustedState::bootstrap(chain.block(1), &chain.checkpoint(1), &options, now).unwrap();
        let started = Instant::now();
        let report = sync_to(
            &mut trusted,
            tip,
            Schedule::Skipping {
                epoch_length: NonZeroU64::new(epoch).unwrap(),
            },
            &mut ChainSource::new(&chain),
            &mut MemoryStore::new(),
            &options,
            &FixedClock(now),
        )
        .unwrap();
        let elapsed = started.elapsed();
        println!(
            "figure: {label}: fetched {} / minimum {optimum} = {:.2}; calendar {}; {} settled by can_reach; {:.0} ms (signing included)",
            report.headers_fetched,
            report.headers_fetched as f64 / optimum as f64,
            calendar(1, tip, epoch),
            report.pre_checked,
            elapsed.as_secs_f64() * 1e3
        );
    }
}

fn main() {
    test_chains();
    run(
        "lc-100k (21 validators, epoch 1000, rotate 3)",
        &fixture_dir("JIFEN_LC_FIXTURE", "/work/fixtures/lc-100k"),
    );
    run(
        "lc-1m-stable (21 validators, epoch 100, rotate 0)",
        &fixture_dir("JIFEN_LC_STABLE", "/work/fixtures/lc-1m-stable"),
    );
}
