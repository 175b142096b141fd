//! The points commands' arguments (`points`, `merchants`, `merchant`,
//! `quote`, `swap`, `pay`, `request-payment`, `withdraw`).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::args::{PasswordArgs, QrOutputArgs, WalletArg};

/// Which way a swap goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Side {
    /// Sell points for POINT (at the merchant's bid).
    Sell,
    /// Buy points with POINT (at the merchant's ask).
    Buy,
}

/// Options shared by commands that sign and broadcast.
#[derive(Debug, Args, Clone)]
pub struct SignArgs {
    /// Password source.
    #[command(flatten)]
    pub password: PasswordArgs,
    /// Network fee in POINT (default: the minimum, 0.001).
    #[arg(long, value_name = "POINT")]
    pub fee: Option<String>,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Seconds to wait for proven inclusion.
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    pub timeout: u64,
    /// Do not try the OS keyring.
    #[arg(long)]
    pub no_keyring: bool,
    /// A watch-only wallet makes a sign request for its cold device instead:
    /// where to show its QR code.
    #[command(flatten)]
    pub cold: QrOutputArgs,
}

/// `points`: every asset held, proven.
#[derive(Debug, Args)]
pub struct PointsArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// Any address instead of the wallet's.
    #[arg(long, value_name = "ADDRESS")]
    pub address: Option<String>,
    /// Receive address index of the wallet.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Also list merchants whose points this address does not hold.
    #[arg(long)]
    pub all: bool,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// What a swap is about (shared by `quote` and `swap`).
#[derive(Debug, Args, Clone)]
pub struct SwapTerms {
    /// The merchant: its number, M1, M2, … or symbol (TEA).
    #[arg(long, value_name = "MERCHANT")]
    pub merchant: String,
    /// Sell points for POINT, or buy points with POINT.
    #[arg(long, value_enum)]
    pub side: Side,
    /// What to pay in, in the input asset's unit (points to sell, POINT to buy).
    #[arg(long, value_name = "AMOUNT")]
    pub amount: String,
    /// Slippage tolerance in basis points (default 0: the rate version is fixed).
    #[arg(long, value_name = "BPS")]
    pub slippage_bps: Option<u32>,
    /// Receive address index that swaps.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
}

/// `quote`.
#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The swap.
    #[command(flatten)]
    pub terms: SwapTerms,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `swap`.
#[derive(Debug, Args)]
pub struct SwapArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The swap.
    #[command(flatten)]
    pub terms: SwapTerms,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}

/// `pay`.
#[derive(Debug, Args)]
pub struct PayArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The payment request (jifen:...).
    #[arg(value_name = "REQUEST", required_unless_present = "qr")]
    pub request: Option<String>,
    /// Read the request from a QR code picture (PNG or JPEG) instead.
    #[arg(long, value_name = "FILE", conflicts_with = "request")]
    pub qr: Option<PathBuf>,
    /// The amount, when the request leaves it to the payer.
    #[arg(long, value_name = "AMOUNT")]
    pub amount: Option<String>,
    /// Paying receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}

/// `request-payment`.
#[derive(Debug, Args)]
pub struct RequestPaymentArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// POINT, or a merchant's points (number, M1, M2, … or symbol).
    #[arg(long, default_value = "POINT", value_name = "ASSET")]
    pub asset: String,
    /// The amount asked for (default: the payer enters it).
    #[arg(long, value_name = "AMOUNT")]
    pub amount: Option<String>,
    /// Order id or note, carried on chain (at most 128 bytes).
    #[arg(long, value_name = "TEXT")]
    pub memo: Option<String>,
    /// Your name as the payer's wallet shows it.
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    /// Seconds the request stays payable.
    #[arg(long, value_name = "SECONDS")]
    pub expires_in: Option<u64>,
    /// Receive address index to be paid at.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Write the QR code as a PNG file.
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Then wait (at most this many seconds) until the payment is proven.
    #[arg(long, value_name = "SECONDS")]
    pub wait: Option<u64>,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `withdraw`.
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// POINT to withdraw (the withdrawal fee is taken from it).
    #[arg(long, value_name = "POINT")]
    pub amount: String,
    /// Payout reference (where the fiat goes; public on chain).
    #[arg(long, value_name = "TEXT")]
    pub reference: String,
    /// Withdrawing receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}

/// `merchants`.
#[derive(Debug, Args)]
pub struct MerchantsArgs {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `merchant`: show one, or administer your own (devnet demo merchants can
/// be restored from the words `jifen-node accounts` prints).
#[derive(Debug, Subcommand)]
pub enum MerchantCommand {
    /// Show a merchant and its rate history, proven.
    Show {
        /// The merchant: its number, M1, M2, … or symbol.
        #[arg(value_name = "MERCHANT")]
        merchant: String,
        /// How many rate versions to show (newest first).
        #[arg(long, default_value_t = 10)]
        rates: u32,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Publish a new rate version (owner).
    #[command(subcommand)]
    Rate(RateCommand),
    /// Issue points to a customer (owner).
    Issue {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// The merchant.
        #[arg(long, value_name = "MERCHANT")]
        merchant: String,
        /// The customer's address.
        #[arg(long, value_name = "ADDRESS")]
        to: String,
        /// Points to issue.
        #[arg(long, value_name = "AMOUNT")]
        amount: String,
        /// Owner's receive address index.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Signing and waiting.
        #[command(flatten)]
        sign: SignArgs,
    },
    /// Top up or withdraw the POINT deposit (owner).
    #[command(subcommand)]
    Deposit(DepositCommand),
}

/// `merchant rate`.
#[derive(Debug, Subcommand)]
pub enum RateCommand {
    /// Publish a new rate version.
    Set(Box<RateSetArgs>),
}

/// Fee mode of a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// No fee to the consumer; settled off-chain.
    Settlement,
    /// The platform quotes both sides and keeps the spread.
    Spread,
}

/// `merchant rate set`.
#[derive(Debug, Args)]
pub struct RateSetArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The merchant.
    #[arg(long, value_name = "MERCHANT")]
    pub merchant: String,
    /// Fee mode.
    #[arg(long, value_enum)]
    pub mode: Mode,
    /// POINT paid per whole point taken back (spread mode: the mid).
    #[arg(long, value_name = "POINT")]
    pub bid: String,
    /// POINT asked per whole point issued (spread mode: the same as --bid).
    #[arg(long, value_name = "POINT")]
    pub ask: String,
    /// Exchange fee in basis points (spread mode; 0 in settlement).
    #[arg(long, default_value_t = 0, value_name = "BPS")]
    pub fee_bps: u16,
    /// Smallest sell (points).
    #[arg(long, value_name = "AMOUNT")]
    pub sell_min: String,
    /// Sell step (points).
    #[arg(long, value_name = "AMOUNT")]
    pub sell_step: String,
    /// Smallest buy (POINT).
    #[arg(long, value_name = "POINT")]
    pub buy_min: String,
    /// Buy step (POINT).
    #[arg(long, value_name = "POINT")]
    pub buy_step: String,
    /// Blocks the rate stays valid.
    #[arg(long, default_value_t = 100_000, value_name = "BLOCKS")]
    pub valid_for: u64,
    /// Owner's receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}

/// `merchant deposit`.
#[derive(Debug, Subcommand)]
pub enum DepositCommand {
    /// Add POINT to the deposit.
    TopUp(DepositArgs),
    /// Take POINT out of the deposit (down to what it must keep).
    Withdraw(DepositArgs),
}

/// `merchant deposit top-up|withdraw`.
#[derive(Debug, Args)]
pub struct DepositArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The merchant.
    #[arg(long, value_name = "MERCHANT")]
    pub merchant: String,
    /// POINT.
    #[arg(long, value_name = "POINT")]
    pub amount: String,
    /// Owner's receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}

/// `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// Any address instead of the wallet's.
    #[arg(long, value_name = "ADDRESS")]
    pub address: Option<String>,
    /// Receive address index of the wallet.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// How many of the newest entries to prove and show (at most 200).
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `receipt`.
#[derive(Debug, Args)]
pub struct ReceiptArgs {
    /// Which wallet.
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The transaction id (hex).
    #[arg(value_name = "TX_ID")]
    pub tx_id: String,
    /// Receive address index whose side is shown.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Write the receipt as an audit bundle (checkable offline with verify-bundle).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}
