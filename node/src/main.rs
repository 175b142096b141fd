//! `jifen-node`: the reference full node and local devnet.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::time::Instant;

use jifen_node::chain::Chain;
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::follow::{BlockSource, FOLLOW_INTERVAL, FullNode, FullNodeConfig, HttpSource};
use jifen_node::genesis::ChainParams;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::{
    Address, ChainId, Encode, Network, Transfer, TxPayload, UnsignedTransaction, tagged_hash,
};

/// The Jifen reference full node.
#[derive(Debug, Parser)]
#[command(name = "jifen-node", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Initialize a devnet in the data directory if absent, then run it.
    Devnet {
        /// Active validators.
        #[arg(long, default_value_t = 21)]
        validators: u32,
        /// Blocks per epoch (validator-set changes happen after multiples of it).
        #[arg(long, default_value_t = 100)]
        epoch_length: u64,
        /// Time between blocks, in milliseconds.
        #[arg(long, default_value_t = 1_000)]
        block_time_ms: u64,
        /// Data directory.
        #[arg(long, default_value = "jifen-devnet")]
        data_dir: PathBuf,
        /// RPC port on 127.0.0.1 (0: any free port).
        #[arg(long, default_value_t = 26_657)]
        rpc_port: u16,
        /// Standby validators rotated into the set each epoch.
        #[arg(long, default_value_t = 0)]
        rotate: u32,
        /// Lie over RPC in a named way (see docs/rpc.md#fault-injection).
        #[arg(long)]
        fault: Option<Fault>,
        /// Serve the existing chain without producing blocks.
        #[arg(long)]
        no_produce: bool,
        /// Do not run the devnet's subchains (`trace-consortium`, `xor-demo`).
        #[arg(long)]
        no_subchains: bool,
        /// Join the peer-to-peer network on this port of 127.0.0.1 (0: any
        /// free port); without it, RPC only.
        #[arg(long, value_name = "PORT")]
        p2p_port: Option<u16>,
        /// A peer to join through (`/ip4/…/tcp/…/p2p/…`; repeatable).
        #[arg(long, value_name = "ADDRESS")]
        bootnode: Vec<String>,
        /// Exit when standard input closes (for `jifen-node network`).
        #[arg(long)]
        exit_with_parent: bool,
        /// Also write the genesis file full nodes start from (what
        /// `jifen-node genesis` writes) once the devnet runs.
        #[arg(long, value_name = "FILE")]
        genesis_out: Option<PathBuf>,
        /// Serve RPC over TLS (https://) with this PEM certificate chain
        /// (leaf first); needs --rpc-tls-key.
        #[arg(long, value_name = "PEM", requires = "rpc_tls_key")]
        rpc_tls_cert: Option<PathBuf>,
        /// The PEM private key of --rpc-tls-cert.
        #[arg(long, value_name = "PEM", requires = "rpc_tls_cert")]
        rpc_tls_key: Option<PathBuf>,
    },
    /// Run a local network of separate processes on loopback: the validator
    /// (`devnet`) and full nodes joined over P2P; prints each one's RPC URL
    /// and P2P address. Ctrl-C stops them all.
    Network {
        /// Full nodes besides the validator.
        #[arg(long, default_value_t = 2)]
        full_nodes: u16,
        /// Data directory (`validator/`, `full-1/`, … inside).
        #[arg(long, default_value = "jifen-network")]
        data_dir: PathBuf,
        /// The validator's RPC port; full node i uses this plus i.
        #[arg(long, default_value_t = 26_657)]
        rpc_port: u16,
        /// The validator's P2P port; full node i uses this plus i.
        #[arg(long, default_value_t = 27_657)]
        p2p_port: u16,
        /// Time between blocks, in milliseconds.
        #[arg(long, default_value_t = 1_000)]
        block_time_ms: u64,
    },
    /// Generate a chain of `--blocks` blocks with real commits into a data
    /// directory (for the light-client benchmarks), then exit.
    Fixture {
        /// Blocks to generate.
        #[arg(long, default_value_t = 100_000)]
        blocks: u64,
        /// Active validators.
        #[arg(long, default_value_t = 21)]
        validators: u32,
        /// Blocks per epoch.
        #[arg(long, default_value_t = 1_000)]
        epoch: u64,
        /// Validators rotated per epoch (so every epoch changes the set).
        #[arg(long, default_value_t = 3)]
        rotate: u32,
        /// Extra genesis accounts (1 POINT each), for state-proof benchmarks.
        #[arg(long, default_value_t = 0)]
        accounts: u64,
        /// Data directory (must be empty or hold a fixture to extend).
        #[arg(long)]
        data_dir: PathBuf,
    },
    /// Measure blocks/s, transfers/s and state proofs/s (see docs/benchmarks.md).
    Bench {
        /// Transfers to execute.
        #[arg(long, default_value_t = 20_000)]
        transfers: u64,
        /// Seconds of proof queries.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Empty data directory to use.
        #[arg(long)]
        data_dir: PathBuf,
    },
    /// Print the public devnet accounts (address and secret) and demo roles
    /// (address, public key and the 12 words `jifen restore` takes); public,
    /// testing only.
    Accounts,
    /// Print the devnet's demo products: each tag's GS1 Digital Link and
    /// what a lookup of it shows (docs/traceability.md#devnet-products).
    Products,
    /// Print the hex of a signed devnet transfer (for demos and docs).
    SignTransfer {
        /// Devnet account index of the sender.
        #[arg(long, default_value_t = 0)]
        account: u32,
        /// Recipient address (bech32m).
        #[arg(long)]
        to: String,
        /// Amount in base units.
        #[arg(long)]
        amount: u128,
        /// Sender nonce.
        #[arg(long, default_value_t = 0)]
        nonce: u64,
        /// Fee in base units.
        #[arg(long, default_value_t = 1_000)]
        fee: u128,
        /// Chain id.
        #[arg(long, default_value = "jifen-devnet")]
        chain_id: String,
    },
    /// Write the chain parameters of a data directory as a genesis file
    /// (JSON, `devnet_keys: 0`): what a full node starts from.
    Genesis {
        /// Data directory of a node of the chain.
        #[arg(long)]
        data_dir: PathBuf,
        /// File to write (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Run a full node: no validator key, every block imported from the
    /// sources and re-executed; serves the same JSON-RPC as the devnet.
    Full {
        /// The genesis file (`jifen-node genesis`).
        #[arg(long)]
        genesis: PathBuf,
        /// Data directory.
        #[arg(long, default_value = "jifen-full")]
        data_dir: PathBuf,
        /// RPC port on 127.0.0.1 (0: any free port).
        #[arg(long, default_value_t = 26_658)]
        rpc_port: u16,
        /// A node to follow over HTTP JSON-RPC (`http://host:port/`); repeat
        /// for several.
        #[arg(long = "source", required_unless_present = "bootnode")]
        sources: Vec<String>,
        /// Join the P2P network on this port of 127.0.0.1 (0: any free
        /// port); needed with --bootnode.
        #[arg(long, value_name = "PORT")]
        p2p_port: Option<u16>,
        /// A node to join and follow over P2P (`/ip4/…/tcp/…/p2p/…`;
        /// repeatable).
        #[arg(long, value_name = "ADDRESS", requires = "p2p_port")]
        bootnode: Vec<String>,
        /// Exit when standard input closes (for `jifen-node network`).
        #[arg(long)]
        exit_with_parent: bool,
    },
    /// Check a data directory: every header's state root against the stored
    /// state, every commit's quorum, the header links.
    Verify {
        /// Data directory.
        #[arg(long)]
        data_dir: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    jifen_node::log::install_from_env();
    match cli.command {
        Command::Devnet {
            validators,
            epoch_length,
            block_time_ms,
            data_dir,
            rpc_port,
            rotate,
            fault,
            no_produce,
            no_subchains,
            p2p_port,
            bootnode,
            exit_with_parent,
            genesis_out,
            rpc_tls_cert,
            rpc_tls_key,
        } => {
            if exit_with_parent {
                jifen_node::launch::exit_with_parent();
            }
            let mut config = DevnetConfig::new(data_dir);
            config.validators = validators;
            config.epoch_length = epoch_length;
            config.block_time_ms = block_time_ms;
            config.rotate = rotate;
            config.fault = fault;
            config.produce = !no_produce;
            config.subchains = !no_subchains;
            config.rpc_addr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), rpc_port);
            if let (Some(cert), Some(key)) = (rpc_tls_cert, rpc_tls_key) {
                let cert_pem =
                    std::fs::read(&cert).with_context(|| format!("reading {}", cert.display()))?;
                let key_pem =
                    std::fs::read(&key).with_context(|| format!("reading {}", key.display()))?;
                config.rpc_tls = Some(
                    jifen_node::rpc::http::tls_config(&cert_pem, &key_pem)
                        .context("--rpc-tls-cert/--rpc-tls-key")?,
                );
            }
            if let Some(port) = p2p_port {
                let mut options = jifen_node::p2p::P2pOptions::new(
                    SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
                    jifen_p2p::Role::Validator,
                );
                options.bootnodes = parse_bootnodes(&bootnode)?;
                config.p2p = Some(options);
            }
            let devnet = Devnet::start(&config).context("starting the devnet")?;
            if let Some(path) = genesis_out {
                let params = devnet
                    .chain()
                    .lock()
                    .map_err(|_| anyhow::anyhow!("chain lock poisoned"))?
                    .params()
                    .clone();
                write_genesis(params, Some(path))?;
            }
            let mut out = std::io::stdout().lock();
            writeln!(out, "jifen-node devnet RPC: {}", devnet.rpc_url())?;
            for address in devnet.p2p_addrs() {
                writeln!(out, "jifen-node devnet P2P: {address}")?;
            }
            out.flush()?;
            drop(out);
            loop {
                std::thread::park();
            }
        }
        Command::Network {
            full_nodes,
            data_dir,
            rpc_port,
            p2p_port,
            block_time_ms,
        } => {
            let plan = jifen_node::launch::NetworkPlan {
                data_dir: data_dir.clone(),
                full_nodes,
                rpc_port,
                p2p_port,
                devnet_args: vec!["--block-time-ms".into(), block_time_ms.to_string()],
                exe: None,
            };
            let mut members = jifen_node::launch::launch(&plan).context("starting the network")?;
            let mut out = std::io::stdout().lock();
            write!(out, "{}", jifen_node::launch::describe(&members, &data_dir))?;
            out.flush()?;
            drop(out);
            loop {
                std::thread::sleep(std::time::Duration::from_millis(500));
                for member in &mut members {
                    if let Ok(Some(status)) = member.exited() {
                        anyhow::bail!("{} exited ({status}); stopping the network", member.name);
                    }
                }
            }
        }
        Command::Fixture {
            blocks,
            validators,
            epoch,
            rotate,
            accounts,
            data_dir,
        } => {
            const GENESIS_MS: u64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
            let mut params = ChainParams::devnet(validators, rotate, epoch, GENESIS_MS)?;
            params.fixture_accounts = accounts;
            let mut chain = Chain::open(&data_dir, Some(params)).context("opening the chain")?;
            chain.set_sync_every(1_000);
            let started = Instant::now();
            let mut out = std::io::stdout().lock();
            while chain.height() < blocks {
                let height = chain.height() + 1;
                if height == blocks {
                    // The last commit is durable, and so covers all before it.
                    chain.set_sync_every(1);
                }
                chain.produce_block(GENESIS_MS + height * 1_000)?;
                if height.is_multiple_of(10_000) {
                    writeln!(
                        out,
                        "{height} blocks, {:.1} s",
                        started.elapsed().as_secs_f64()
                    )?;
                }
            }
            writeln!(
                out,
                "fixture: {} blocks in {:.1} s ({} validators, epoch {epoch}, rotate {rotate})",
                chain.height(),
                started.elapsed().as_secs_f64(),
                validators
            )?;
            Ok(())
        }
        Command::Bench {
            transfers,
            seconds,
            data_dir,
        } => {
            let report = jifen_node::bench::run(&data_dir, transfers, seconds)?;
            writeln!(std::io::stdout(), "{report:#?}")?;
            Ok(())
        }
        Command::Accounts => {
            let mut out = std::io::stdout().lock();
            for i in 0..jifen_node::genesis::DEVNET_ACCOUNTS {
                let key = NodeKey::devnet_account(i)?;
                let secret = tagged_hash(jifen_node::keys::DEVNET_ACCOUNT_TAG, &i.to_be_bytes());
                writeln!(
                    out,
                    "{i} {} secret={}",
                    key.address().encode(Network::Devnet),
                    hex::encode(secret)
                )?;
            }
            // The demo points economy's roles (issuer, platform, merchant
            // owners, the consumer holding points of every merchant): each
            // is a wallet restored from its words, signing with receive
            // address 0.
            writeln!(
                out,
                "demo roles: restore one with `jifen restore` and its words \
                 (public devnet words — never use on a real network)"
            )?;
            let demo = jifen_node::genesis::demo::devnet_points()?;
            for role in ["platform"]
                .into_iter()
                .chain(jifen_node::genesis::demo::DEMO_ROLES)
            {
                let key = NodeKey::devnet_role(role)?;
                let owner = hex::encode(key.address().as_bytes());
                let owns: String = demo
                    .merchants
                    .iter()
                    .filter(|m| m.owner == owner)
                    .map(|m| format!(" (owner of {} {})", m.symbol, m.name))
                    .chain(
                        (role == jifen_node::subchains::OPERATOR_ROLE)
                            .then(|| " (registers and relays the devnet subchains)".to_owned()),
                    )
                    .chain((role == jifen_node::provenance::PLATFORM_ROLE).then(|| {
                        " (alliance platform: registers the provenance parties)".to_owned()
                    }))
                    .collect();
                writeln!(
                    out,
                    "{role} {} public_key={}{owns}",
                    key.address().encode(Network::Devnet),
                    hex::encode(key.public_key().as_bytes())
                )?;
                writeln!(
                    out,
                    "  public devnet words — never use on a real network: {}",
                    NodeKey::devnet_role_words(role)?
                )?;
            }
            // The provenance demo's parties (registered by the platform)
            // and the one signer that never is.
            for role in jifen_node::provenance::PROVENANCE_ROLES {
                let key = NodeKey::devnet_role(role)?;
                let party = jifen_node::provenance::DEMO_PARTIES
                    .iter()
                    .find(|party| party.role == role)
                    .map_or_else(
                        || {
                            " (never registered: signs the unregistered product's inspection)"
                                .to_owned()
                        },
                        |party| {
                            let roles: Vec<&str> = party.roles.iter().map(|r| r.as_str()).collect();
                            format!(" (provenance party {}: {})", party.name, roles.join(", "))
                        },
                    );
                writeln!(
                    out,
                    "{role} {} public_key={}{party}",
                    key.address().encode(Network::Devnet),
                    hex::encode(key.public_key().as_bytes())
                )?;
                writeln!(
                    out,
                    "  public devnet words — never use on a real network: {}",
                    NodeKey::devnet_role_words(role)?
                )?;
            }
            Ok(())
        }
        Command::Products => {
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "devnet demo products (records on trace-consortium, anchors and sales on the main chain):"
            )?;
            for product in jifen_node::provenance::DEMO_PRODUCTS {
                writeln!(out, "{} {}", product.key, product.tag_uri())?;
                writeln!(
                    out,
                    "  {}: {} records, {} anchored, {} sales",
                    product.name, product.records, product.anchored, product.sales
                )?;
                writeln!(out, "  shows {}", product.shows)?;
            }
            Ok(())
        }
        Command::SignTransfer {
            account,
            to,
            amount,
            nonce,
            fee,
            chain_id,
        } => {
            let key = NodeKey::devnet_account(account)?;
            let (_, to) = Address::decode_any(&to)?;
            let unsigned = UnsignedTransaction::new(
                ChainId::new(&chain_id)?,
                key.public_key(),
                nonce,
                fee,
                TxPayload::Transfer(Transfer { to, amount }),
            );
            let signature = key.sign_digest(&unsigned.signing_digest())?;
            let tx = unsigned.with_signature(signature);
            writeln!(std::io::stdout(), "{}", hex::encode(tx.encode()))?;
            Ok(())
        }
        Command::Genesis { data_dir, out } => {
            let chain = Chain::open(&data_dir, None).context("opening the chain")?;
            write_genesis(chain.params().clone(), out)
        }
        Command::Full {
            genesis,
            data_dir,
            rpc_port,
            sources,
            p2p_port,
            bootnode,
            exit_with_parent,
        } => {
            if exit_with_parent {
                jifen_node::launch::exit_with_parent();
            }
            let p2p = match p2p_port {
                Some(port) => {
                    let mut options = jifen_node::p2p::P2pOptions::new(
                        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
                        jifen_p2p::Role::Full,
                    );
                    options.bootnodes = parse_bootnodes(&bootnode)?;
                    Some(options)
                }
                None => None,
            };
            let text = std::fs::read_to_string(&genesis)
                .with_context(|| format!("reading {}", genesis.display()))?;
            let genesis: ChainParams =
                serde_json::from_str(&text).context("reading the genesis file")?;
            let sources = sources
                .iter()
                .map(|url| {
                    HttpSource::new(url)
                        .map(|source| Arc::new(source) as Arc<dyn BlockSource>)
                        .with_context(|| format!("source {url}"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let node = FullNode::start(FullNodeConfig {
                genesis,
                data_dir,
                rpc_addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), rpc_port),
                sources,
                interval: FOLLOW_INTERVAL,
                p2p,
            })
            .context("starting the full node")?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "jifen-node full RPC: http://{}", node.rpc_addr())?;
            for address in node.p2p_addrs() {
                writeln!(out, "jifen-node full P2P: {address}")?;
            }
            out.flush()?;
            drop(out);
            loop {
                std::thread::park();
            }
        }
        Command::Verify { data_dir } => {
            let chain = Chain::open(&data_dir, None).context("opening the chain")?;
            let blocks = chain.verify_store().context("verifying the store")?;
            writeln!(std::io::stdout(), "ok: {blocks} blocks verified")?;
            Ok(())
        }
    }
}

/// Reads `--bootnode` addresses.
fn parse_bootnodes(texts: &[String]) -> anyhow::Result<Vec<jifen_p2p::Multiaddr>> {
    texts
        .iter()
        .map(|text| {
            jifen_p2p::PeerAddress::parse(text)
                .map(|address| address.address)
                .map_err(|error| anyhow::anyhow!("--bootnode: {error}"))
        })
        .collect()
}

/// Writes `params` as the genesis file full nodes start from (no validator
/// key: `devnet_keys` 0) to `out`, or standard output.
fn write_genesis(mut params: ChainParams, out: Option<PathBuf>) -> anyhow::Result<()> {
    params.devnet_keys = 0;
    let mut json = serde_json::to_string_pretty(&params)?;
    json.push('\n');
    match out {
        Some(path) => {
            std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
        }
        None => std::io::stdout().write_all(json.as_bytes())?,
    }
    Ok(())
}
