//! `jifen-node`: the reference full node and local devnet.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::time::Instant;

use jifen_node::chain::Chain;
use jifen_node::devnet::{Devnet, DevnetConfig};
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
        /// Serve RPC over TLS (https://) with this PEM certificate chain
        /// (leaf first); needs --rpc-tls-key.
        #[arg(long, value_name = "PEM", requires = "rpc_tls_key")]
        rpc_tls_cert: Option<PathBuf>,
        /// The PEM private key of --rpc-tls-cert.
        #[arg(long, value_name = "PEM", requires = "rpc_tls_cert")]
        rpc_tls_key: Option<PathBuf>,
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
            rpc_tls_cert,
            rpc_tls_key,
        } => {
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
            let devnet = Devnet::start(&config).context("starting the devnet")?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "jifen-node devnet RPC: {}", devnet.rpc_url())?;
            out.flush()?;
            drop(out);
            loop {
                std::thread::park();
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
        Command::Verify { data_dir } => {
            let chain = Chain::open(&data_dir, None).context("opening the chain")?;
            let blocks = chain.verify_store().context("verifying the store")?;
            writeln!(std::io::stdout(), "ok: {blocks} blocks verified")?;
            Ok(())
        }
    }
}
