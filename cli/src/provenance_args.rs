//! The arguments of the provenance commands: `trace`, `tag`, `epcis`,
//! `record-receiving`, `record-sale`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::args::{PasswordArgs, WalletArg};
use crate::points_args::SignArgs;

/// `trace`: a product's verified history and verdict.
#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The tag: a GS1 Digital Link, or a picture of its QR code.
    #[arg(value_name = "URI|IMAGE")]
    pub tag: String,
    /// At a merchant's counter: an item already sold is a copied tag.
    #[arg(long)]
    pub counter: bool,
    /// Also save the lookup's bundle (the records, the proven values) into this folder.
    #[arg(long, value_name = "DIR")]
    pub bundle: Option<PathBuf>,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `tag`: product tags.
#[derive(Debug, Subcommand)]
pub enum TagCommand {
    /// Parse a GS1 Digital Link product tag: print its identifiers, or the
    /// specific error (and exit non-zero).
    Parse {
        /// The tag.
        #[arg(value_name = "URI")]
        uri: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
}

/// `epcis`: EPCIS 2.0 documents.
#[derive(Debug, Subcommand)]
pub enum EpcisCommand {
    /// The CBV 2.0 event hash of every event of an EPCIS 2.0 JSON document
    /// (or of one event), one per line, in document order.
    Hash {
        /// The JSON file (`-` for standard input).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
}

/// `record-receiving`: append a signed receiving record to an item's history.
#[derive(Debug, Args)]
pub struct RecordReceivingArgs {
    /// Which wallet (a registered warehouse or retailer).
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The item's tag (a GS1 Digital Link).
    #[arg(value_name = "URI")]
    pub tag: String,
    /// Where: a 13-digit GLN or a location Digital Link (`.../414/<GLN>`).
    #[arg(long, value_name = "GLN|URI")]
    pub location: String,
    /// A readable name of the place.
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// The local time zone offset of the event.
    #[arg(long, default_value = "+08:00", value_name = "+HH:MM")]
    pub time_zone: String,
    /// The party's receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Password source.
    #[command(flatten)]
    pub password: PasswordArgs,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Do not try the OS keyring.
    #[arg(long)]
    pub no_keyring: bool,
}

/// `record-sale`: record on the main chain that you sold an item.
#[derive(Debug, Args)]
pub struct RecordSaleArgs {
    /// Which wallet (a registered retailer).
    #[command(flatten)]
    pub wallet: WalletArg,
    /// The item's tag (a GS1 Digital Link).
    #[arg(value_name = "URI")]
    pub tag: String,
    /// The retailer's receive address index.
    #[arg(long, default_value_t = 0)]
    pub index: u32,
    /// Signing and waiting.
    #[command(flatten)]
    pub sign: SignArgs,
}
