//! Command-line grammar, and its translation.
//!
//! Help texts live in the Fluent catalogs as `help-<command>` and
//! `help-<command>-<argument>` (`help-global-<argument>` for global options);
//! [`localize`] fills them in, and a test checks that every one exists.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jifen_i18n::Catalog;

/// The Jifen wallet.
#[derive(Debug, Parser)]
#[command(name = "jifen", version, propagate_version = true)]
pub struct Cli {
    /// Language of messages: zh-CN (default), zh-TW or en.
    #[arg(long, global = true, env = "JIFEN_LANG", value_name = "LANG")]
    pub lang: Option<String>,

    /// Directory holding wallets (default: the platform's data directory).
    #[arg(long, global = true, env = "JIFEN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Ask questions on stdin even when it is not a terminal.
    #[arg(long, global = true)]
    pub interactive: bool,

    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the wallet password comes from.
#[derive(Debug, Args, Clone, Copy)]
pub struct PasswordArgs {
    /// Read the wallet password from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub password_fd: Option<i32>,
}

/// Which wallet.
#[derive(Debug, Args, Clone)]
pub struct WalletArg {
    /// Wallet name (may be omitted when there is only one).
    #[arg(long, short = 'w', value_name = "NAME")]
    pub wallet: Option<String>,
}

/// `store`: the light store of a network.
#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Re-verify every stored block from the root of trust (offline).
    Verify {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Release a pinned block set (fork evidence or an exported bundle).
    Unpin {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// The pin's id (its file name, as `store verify` lists it).
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// `subchain`: the subchains the main chain audits.
#[derive(Debug, Subcommand)]
pub enum SubchainCommand {
    /// List the subchains with their proven records and this wallet's audit status.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Audit a subchain: every header it reported, checked under its own
    /// consensus and anchored in a verified main-chain block.
    Audit {
        /// The subchain's number.
        #[arg(value_name = "ID")]
        id: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Show a value of an audited subchain's state, proven against an audited header.
    Get {
        /// The subchain's number.
        #[arg(value_name = "ID")]
        id: String,
        /// The state key (e.g. demo/greeting).
        #[arg(value_name = "KEY")]
        key: String,
        /// An audited subchain height instead of the audited tip.
        #[arg(long, value_name = "HEIGHT")]
        height: Option<u64>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Check a subchain evidence file offline (equivocation or a lost fork choice).
    VerifyEvidence {
        /// The evidence file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Audit a subchain with every `jifen sync` from now on.
    Follow {
        /// The subchain's number.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Stop auditing a subchain with every sync (its audit is kept).
    Unfollow {
        /// The subchain's number.
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// Options shared by `create` and `restore`.
#[derive(Debug, Args)]
pub struct NewWalletArgs {
    /// Name of the new wallet.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub name: String,
    /// Network of the addresses: devnet (default), testnet or mainnet.
    #[arg(long, default_value = "devnet", value_name = "NETWORK")]
    pub network: String,
    /// Protect the mnemonic with a BIP39 passphrase (asked, or --passphrase-fd / JIFEN_PASSPHRASE).
    #[arg(long)]
    pub passphrase: bool,
    /// Read the BIP39 passphrase from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub passphrase_fd: Option<i32>,
    /// Read the new wallet password from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub password_fd: Option<i32>,
    /// Also keep an unlock key in the operating system's keyring.
    #[arg(long)]
    pub keyring: bool,
}

/// Where a QR code is shown.
#[derive(Debug, Args, Clone)]
pub struct QrOutputArgs {
    /// Write the QR frames as PNG files into this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Draw the QR code in the terminal (a single code, or the first frames).
    #[arg(long)]
    pub terminal: bool,
}

/// The cold device's commands (offline; no network is used).
#[derive(Debug, Subcommand)]
pub enum ColdCommand {
    /// Pair this wallet for a chain and show its account as a QR code for the online wallet.
    PairExport {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// The chain this device signs for (e.g. jifen-devnet).
        #[arg(long, value_name = "CHAIN_ID")]
        chain_id: String,
        /// Longest QR fragment (bytes) this device's camera reads.
        #[arg(long, default_value_t = 200, value_name = "BYTES")]
        max_fragment: u16,
        /// Where to show the code.
        #[command(flatten)]
        output: QrOutputArgs,
    },
    /// Read a sign request from images or text, review it, and sign after confirmation.
    Sign {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Do not try the OS keyring.
        #[arg(long)]
        no_keyring: bool,
        /// Confirm without a question by giving the request's fingerprint (for scripts).
        #[arg(long, value_name = "FINGERPRINT")]
        confirm_fingerprint: Option<String>,
        /// Where to show the signature code.
        #[command(flatten)]
        output: QrOutputArgs,
        /// PNG/JPEG frames, directories of frames, or text files of UR parts (`-`: stdin).
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<PathBuf>,
    },
}

/// The online wallet's commands for cold signing.
#[derive(Debug, Subcommand)]
pub enum OnlineCommand {
    /// Import a cold device's account QR as a watch-only wallet.
    PairImport {
        /// Name of the new watch-only wallet.
        #[arg(long, value_name = "NAME")]
        name: String,
        /// PNG/JPEG images or text files of the account code (`-`: stdin).
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Make a transfer sign request for the cold device and show it as QR frames.
    Request {
        /// Which watch-only wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Recipient address.
        #[arg(long, value_name = "ADDRESS")]
        to: String,
        /// Amount in POINT (e.g. 12.5).
        #[arg(long, value_name = "POINT")]
        amount: String,
        /// Fee in POINT.
        #[arg(long, default_value = "0.001", value_name = "POINT")]
        fee: String,
        /// Sending address index.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Nonce to use without asking the network (offline); default: a proven read.
        #[arg(long, value_name = "N")]
        nonce: Option<u64>,
        /// Density of animated frames: small, medium or large (default: what the device reads).
        #[arg(long, value_name = "SIZE")]
        fragment_size: Option<String>,
        /// Number of frames written for an animated code (default: one loop, six times the fragments, at least 30).
        #[arg(long, value_name = "N")]
        frames: Option<usize>,
        /// Where to show the code.
        #[command(flatten)]
        output: QrOutputArgs,
    },
    /// Accept the cold device's signature from images or text.
    Accept {
        /// Which watch-only wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Also broadcast and wait for proven inclusion.
        #[arg(long)]
        broadcast: bool,
        /// PNG/JPEG images or text files of the signature code (`-`: stdin).
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Broadcast an accepted request and wait until its inclusion is proven.
    Broadcast {
        /// Which watch-only wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// The request id (default: the only signed request).
        #[arg(long, value_name = "ID")]
        request: Option<String>,
        /// Seconds to wait for inclusion.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
    },
    /// List the pending sign requests.
    Pending {
        /// Which watch-only wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Sync first and say which requests' nonces are already used on chain.
        #[arg(long)]
        online: bool,
    },
    /// Discard a pending request that will never be signed.
    Discard {
        /// Which watch-only wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// The request id (as `jifen online pending` lists it).
        #[arg(value_name = "REQUEST_ID")]
        request_id: String,
    },
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a wallet with a new mnemonic.
    Create {
        /// Shared options.
        #[command(flatten)]
        new: NewWalletArgs,
        /// Number of words: 12 or 24.
        #[arg(long, default_value_t = 24, value_name = "N")]
        words: usize,
        /// Word list of the mnemonic: en, zh-hans or zh-hant.
        #[arg(long, default_value = "zh-hans", value_name = "LIST")]
        mnemonic_lang: String,
        /// Skip the backup check (the wallet is marked as not backed up).
        #[arg(long)]
        skip_backup_check: bool,
    },
    /// Restore a wallet from its mnemonic.
    Restore {
        /// Shared options.
        #[command(flatten)]
        new: NewWalletArgs,
        /// Word list of the mnemonic if detection is ambiguous: en, zh-hans or zh-hant.
        #[arg(long, value_name = "LIST")]
        mnemonic_lang: Option<String>,
        /// Read the mnemonic from this file descriptor (otherwise stdin or a prompt).
        #[arg(long, value_name = "FD")]
        mnemonic_fd: Option<i32>,
    },
    /// List wallets.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Show receive (or change) addresses.
    Addresses {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// First index.
        #[arg(long, default_value_t = 0)]
        start: u32,
        /// How many.
        #[arg(long, default_value_t = 5)]
        count: u32,
        /// Show change addresses instead of receive addresses.
        #[arg(long)]
        change: bool,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Export the watch-only account (extended public key).
    ExportWatchOnly {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Change the wallet password.
    ChangePassword {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Current password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Read the new password from this file descriptor (or JIFEN_NEW_PASSWORD).
        #[arg(long, value_name = "FD")]
        new_password_fd: Option<i32>,
    },
    /// Check that the mnemonic was written down correctly.
    BackupCheck {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Add or remove the OS keyring unlock key.
    Keyring {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// `enable` or `disable`.
        #[arg(value_name = "ACTION")]
        action: String,
    },
    /// Sign a message with a receive address's key.
    SignMessage {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Address index.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Do not try the OS keyring.
        #[arg(long)]
        no_keyring: bool,
        /// The message.
        #[arg(value_name = "MESSAGE")]
        message: String,
    },
    /// Cold device: pair and sign over QR codes, offline.
    Cold {
        /// The cold command.
        #[command(subcommand)]
        command: ColdCommand,
    },
    /// Online wallet side of cold signing: pair, request, accept, broadcast.
    Online {
        /// The online command.
        #[command(subcommand)]
        command: OnlineCommand,
    },
    /// Verify a signed message.
    VerifyMessage {
        /// The address that should have signed.
        #[arg(long, value_name = "ADDRESS")]
        address: String,
        /// The signature from sign-message.
        #[arg(long, value_name = "SIGNATURE")]
        signature: String,
        /// The message.
        #[arg(value_name = "MESSAGE")]
        message: String,
    },
    /// Verify the chain's headers up to the tip (light client).
    Sync {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
    },
    /// Follow the chain: verify each new block as P2P peers announce it (needs a P2P endpoint; Ctrl-C stops).
    Follow {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// Stop after this many new verified heads.
        #[arg(long, value_name = "N")]
        blocks: Option<u64>,
    },
    /// Show what the light client trusts: header, peers, cross-check, evidence.
    Status {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Show a balance proven against a verified header.
    Balance {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Any address instead of the wallet's.
        #[arg(long, value_name = "ADDRESS")]
        address: Option<String>,
        /// Receive address index of the wallet.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Send POINT and wait until its inclusion is proven.
    Send {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Recipient address.
        #[arg(long, value_name = "ADDRESS")]
        to: String,
        /// Amount in POINT (up to 6 decimals).
        #[arg(long, value_name = "POINT")]
        amount: String,
        /// Fee in POINT (default: the minimum, 0.001).
        #[arg(long, value_name = "POINT")]
        fee: Option<String>,
        /// Sending receive address index.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// Seconds to wait for proven inclusion.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
        /// Do not try the OS keyring.
        #[arg(long)]
        no_keyring: bool,
    },
    /// Devnet only: get 100 test POINT from the devnet's public account, proven arrived.
    Faucet {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Receive address index of the wallet.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Seconds to wait for proven inclusion.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Write an audit bundle proving an account's balance, checkable offline.
    ExportBundle {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Any address instead of the wallet's.
        #[arg(long, value_name = "ADDRESS")]
        address: Option<String>,
        /// Receive address index of the wallet.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// The bundle file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Check an audit bundle offline.
    VerifyBundle {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// Trust this header (height:hash) instead of the local root of trust.
        #[arg(long, value_name = "HEIGHT:HASH")]
        checkpoint: Option<String>,
        /// The address the bundle must be about.
        #[arg(long, value_name = "ADDRESS")]
        address: Option<String>,
        /// The bundle file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Check a fork evidence file offline against the locally verified validators.
    VerifyEvidence {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// The evidence file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// The light store: re-verify everything in it, release a pin.
    #[command(subcommand)]
    Store(StoreCommand),
    /// Subchains: list, audit, read a proven value, verify evidence, follow.
    #[command(subcommand)]
    Subchain(SubchainCommand),
    /// List POINT and every merchant's points you hold, each balance proven.
    Points(crate::points_args::PointsArgs),
    /// List the registered merchants with their current rates, proven.
    Merchants(crate::points_args::MerchantsArgs),
    /// Show a merchant and its rate history; administer your own merchant.
    #[command(subcommand)]
    Merchant(crate::points_args::MerchantCommand),
    /// Quote a swap between a merchant's points and POINT (nothing is signed).
    Quote(crate::points_args::QuoteArgs),
    /// Swap a merchant's points and POINT, both ways, at a proven quote.
    Swap(crate::points_args::SwapArgs),
    /// Pay a payment request (a jifen: URI or its QR code picture).
    Pay(crate::points_args::PayArgs),
    /// Make a payment request (URI and QR code) to be paid at your address.
    RequestPayment(crate::points_args::RequestPaymentArgs),
    /// Show your history of POINT and points, proven complete, each entry proven included.
    History(crate::points_args::HistoryArgs),
    /// Show a transaction proven included (what it moved for you) and export it as an audit bundle.
    Receipt(crate::points_args::ReceiptArgs),
    /// Withdraw POINT to fiat (burned on chain, paid out off-chain less the fee).
    Withdraw(crate::points_args::WithdrawArgs),
    /// Show or change the nodes (primary, witnesses) and the checkpoint.
    Endpoints(EndpointArgs),
    /// Look up a product by its tag: its verified history and a verdict.
    Trace(crate::provenance_args::TraceArgs),
    /// Product tags (GS1 Digital Link): parse one.
    #[command(subcommand)]
    Tag(crate::provenance_args::TagCommand),
    /// EPCIS 2.0 documents: the CBV 2.0 hash of each event.
    #[command(subcommand)]
    Epcis(crate::provenance_args::EpcisCommand),
    /// Receive goods: append your signed receiving record to an item's history.
    RecordReceiving(crate::provenance_args::RecordReceivingArgs),
    /// Record on the main chain that you sold an item (a second sale marks a copied tag).
    RecordSale(crate::provenance_args::RecordSaleArgs),
    /// Re-check a product lookup's bundle offline and recompute its verdict.
    VerifyTraceBundle {
        /// Which network.
        #[arg(long, default_value = "devnet", value_name = "NETWORK")]
        network: String,
        /// Trust this header (height:hash) instead of the light store's root.
        #[arg(long, value_name = "HEIGHT:HASH")]
        checkpoint: Option<String>,
        /// The bundle file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
}

/// Options of `endpoints`.
#[derive(Debug, Args)]
pub struct EndpointArgs {
    /// Which network.
    #[arg(long, default_value = "devnet", value_name = "NETWORK")]
    pub network: String,
    /// Make this node (URL or P2P peer address) the primary.
    #[arg(long, value_name = "URL|PEER")]
    pub primary: Option<String>,
    /// Add a witness (URL or P2P peer address; repeatable).
    #[arg(long, value_name = "URL|PEER")]
    pub witness: Vec<String>,
    /// Remove every witness.
    #[arg(long)]
    pub clear_witnesses: bool,
    /// Trust this header first (height:hash) instead of genesis.
    #[arg(long, value_name = "HEIGHT:HASH")]
    pub checkpoint: Option<String>,
    /// Go back to trusting genesis on first use.
    #[arg(long)]
    pub clear_checkpoint: bool,
    /// Trust the PEM certificates in this file for https:// nodes (repeatable).
    #[arg(long, value_name = "FILE")]
    pub trust_cert: Vec<PathBuf>,
    /// Trust no certificate besides the system's (before any --trust-cert).
    #[arg(long)]
    pub untrust_certs: bool,
    /// Back to the defaults of the network.
    #[arg(long)]
    pub reset: bool,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// Message id of a command's help.
pub fn help_id(command: &str) -> String {
    format!("help-{command}")
}

/// Message id of an argument's help.
pub fn arg_help_id(command: Option<&str>, arg: &str) -> String {
    match command {
        Some(command) => format!("help-{command}-{arg}"),
        None => format!("help-global-{arg}"),
    }
}

fn is_builtin(arg: &str) -> bool {
    matches!(arg, "help" | "version")
}

/// Replaces every help text with the catalog's.
pub fn localize(mut command: clap::Command, catalog: &Catalog) -> clap::Command {
    command = command.about(catalog.format("help-jifen", &[]));
    let global: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|a| !is_builtin(a))
        .collect();
    for id in global {
        let text = catalog.format(&arg_help_id(None, &id), &[]);
        command = command.mut_arg(id, |a| a.help(text));
    }
    localize_subcommands(command, None, catalog)
}

/// Localizes the subcommands of `command` and, recursively, of command groups
/// (`jifen cold sign`): their ids join the names with `-` (`help-sync`,
/// `help-cold-sign`, `help-cold-sign-<argument>`). Below the top level, clap's
/// built-in `help` subcommand keeps its own text.
fn localize_subcommands(
    mut command: clap::Command,
    prefix: Option<&str>,
    catalog: &Catalog,
) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|s| prefix.is_none() || !is_builtin(s))
        .collect();
    for name in names {
        let path = match prefix {
            None => name.clone(),
            Some(prefix) => format!("{prefix}-{name}"),
        };
        let about = catalog.format(&help_id(&path), &[]);
        command = command.mut_subcommand(&name, |mut sub| {
            sub = sub.about(about);
            let ids: Vec<String> = sub
                .get_arguments()
                .filter(|a| !a.is_global_set())
                .map(|a| a.get_id().to_string())
                .filter(|a| !is_builtin(a))
                .collect();
            for id in ids {
                let text = catalog.format(&arg_help_id(Some(&path), &id), &[]);
                sub = sub.mut_arg(id, |a| a.help(text));
            }
            localize_subcommands(sub, Some(&path), catalog)
        });
    }
    command
}

/// Every help message id of `command`'s subcommands, nested ones included.
#[cfg(test)]
fn nested_help_ids(command: &clap::Command, prefix: Option<&str>, ids: &mut Vec<String>) {
    for sub in command.get_subcommands() {
        let path = match prefix {
            Some(prefix) => format!("{prefix}-{}", sub.get_name()),
            None => sub.get_name().to_owned(),
        };
        if prefix.is_some() {
            ids.push(help_id(&path));
            for arg in sub.get_arguments() {
                if !arg.is_global_set() && !is_builtin(arg.get_id().as_str()) {
                    ids.push(arg_help_id(Some(&path), arg.get_id().as_str()));
                }
            }
        }
        nested_help_ids(sub, Some(&path), ids);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use jifen_i18n::Locale;

    use super::*;

    #[test]
    fn every_command_and_argument_has_help_in_every_locale() {
        let command = Cli::command();
        let mut ids = vec!["help-jifen".to_owned()];
        for arg in command.get_arguments() {
            if !is_builtin(arg.get_id().as_str()) {
                ids.push(arg_help_id(None, arg.get_id().as_str()));
            }
        }
        for sub in command.get_subcommands() {
            ids.push(help_id(sub.get_name()));
            for arg in sub.get_arguments() {
                if !arg.is_global_set() && !is_builtin(arg.get_id().as_str()) {
                    ids.push(arg_help_id(Some(sub.get_name()), arg.get_id().as_str()));
                }
            }
        }
        nested_help_ids(&command, None, &mut ids);
        for locale in Locale::ALL {
            let catalog = Catalog::new(locale);
            let missing: Vec<&String> = ids.iter().filter(|id| !catalog.has(id)).collect();
            assert!(
                missing.is_empty(),
                "{locale}: missing help messages {missing:?}"
            );
        }
    }

    #[test]
    fn grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}
