//! Use cases: **export an audit bundle** (a balance with the chain of proofs
//! behind it, re-verifiable offline by anyone), **verify a bundle**, and
//! **verify fork evidence** (two conflicting signed headers and the
//! validators who signed both), **verify the light store** (every stored
//! block re-verified) and **release a pin** of it. Verifying needs no
//! network.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use jifen_light_client::{Checkpoint, Pin, PinKind, StoreAudit, VerifiedEvidence};
use jifen_protocol::{Address, Network};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::offline::{
    BundleReport, existing_store, read_text, verify_bundle_text, verify_evidence_text,
    verify_light_store,
};
use crate::chain::{ChainError, ChainReader, ChainSession};
use crate::context::WalletContext;
use crate::error::WalletError;
use crate::views::{AmountView, ProvenAt};

/// A bundle written to a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleWrittenView {
    /// The file.
    pub path: String,
    /// The account it proves.
    pub address: String,
    /// Verified headers in it, root included.
    pub headers: u32,
    /// The header the account was proven at.
    pub proven: ProvenAt,
}

/// Where the app writes a bundle: `<data dir>/exports/audit-<address>-<unix s>.json`.
#[must_use]
pub fn default_bundle_path(ctx: &WalletContext, address: &Address, network: Network) -> PathBuf {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    ctx.exports_dir()
        .join(format!("audit-{}-{stamp}.json", address.encode(network)))
}

/// Writes the audit bundle of `address`'s account (root of trust, the
/// verified path, the account's state proof) to `path`, crash-safely.
///
/// # Errors
/// Light-client errors, `chain-file-io`.
pub fn export_bundle(
    session: &mut ChainSession,
    address: &Address,
    path: &Path,
) -> Result<BundleWrittenView, ChainError> {
    if let Some(dir) = path.parent() {
        crate::chain::create_output_dir(dir)?;
    }
    let bundle = session.export_bundle(address, path)?;
    let last = bundle.path.last().unwrap_or(&bundle.root);
    Ok(BundleWrittenView {
        path: path.display().to_string(),
        address: address.encode(session.network()),
        headers: u32::try_from(bundle.path.len().saturating_add(1)).unwrap_or(u32::MAX),
        proven: ProvenAt {
            height: last.height(),
            header_hash: last.hash().to_string(),
        },
    })
}

/// A receipt bundle written to a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceiptBundleView {
    /// The file.
    pub path: String,
    /// The transaction it proves.
    pub tx_id: String,
    /// Verified headers in it, root included.
    pub headers: u32,
}

/// Where the app writes a receipt: `<data dir>/exports/receipt-<tx id>.json`.
#[must_use]
pub fn default_receipt_path(ctx: &WalletContext, tx_id: &str) -> PathBuf {
    let short = tx_id.get(..16).unwrap_or(tx_id);
    ctx.exports_dir().join(format!("receipt-{short}.json"))
}

/// Use case: **export a receipt** (a swap's, a payment's, any
/// transaction's) as an audit bundle that `verify-bundle` re-checks with no
/// network: the transaction proven in its block with its result, from the
/// wallet's root of trust.
///
/// # Errors
/// Light-client
/// errors (`lc-client-tx-not-proven`), `chain-file-io`.
pub fn export_receipt_bundle(
    session: &mut ChainSession,
    tx_id: &jifen_protocol::Hash32,
    path: &Path,
) -> Result<ReceiptBundleView, ChainError> {
    if let Some(dir) = path.parent() {
        crate::chain::create_output_dir(dir)?;
    }
    let bundle = session.export_tx_bundle(tx_id, path)?;
    Ok(ReceiptBundleView {
        path: path.display().to_string(),
        tx_id: tx_id.to_string(),
        headers: u32::try_from(bundle.path.len().saturating_add(1)).unwrap_or(u32::MAX),
    })
}

/// An account a bundle proves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleAccountView {
    /// Its state key (hex).
    pub key: String,
    /// Its POINT (zero when proven absent).
    pub balance: AmountView,
    /// Its next nonce.
    pub nonce: u64,
}

/// What a checked bundle proves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleReportView {
    /// The root of trust it was checked from (`height:hash`).
    pub root: String,
    /// Headers checked, root included.
    pub headers: u32,
    /// The last verified header.
    pub proven: ProvenAt,
    /// Its time, unix ms.
    pub time_ms: u64,
    /// The account it proves, for a balance bundle.
    pub account: Option<BundleAccountView>,
    /// The transaction it proves in a block, for a receipt bundle.
    pub transaction: Option<BundleTxView>,
}

/// A transaction a receipt bundle proves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleTxView {
    /// Its id.
    pub tx_id: String,
    /// The block height.
    pub height: u64,
    /// Its position in the block.
    pub index: u64,
    /// Its result code (0: success).
    pub result_code: u16,
    /// Its kind (`swap`, `transfer-asset`, ...).
    pub kind: String,
    /// Its sender (the network's address form).
    pub sender: String,
    /// The block's hash.
    pub header_hash: String,
}

impl From<BundleReport> for BundleReportView {
    fn from(report: BundleReport) -> Self {
        Self {
            root: report.root.to_string(),
            headers: u32::try_from(report.headers).unwrap_or(u32::MAX),
            proven: ProvenAt {
                height: report.height,
                header_hash: report.hash.to_string(),
            },
            time_ms: report.time_ms,
            account: report.account.map(|(key, account)| BundleAccountView {
                key: key.to_string(),
                balance: AmountView::points(account.balance),
                nonce: account.nonce,
            }),
            transaction: report.inclusion.map(|inclusion| BundleTxView {
                tx_id: inclusion.value.tx.id().to_string(),
                height: inclusion.height,
                index: inclusion.value.index,
                result_code: inclusion.value.result_code,
                kind: crate::history::kind_name(&inclusion.value.tx).to_owned(),
                sender: inclusion.value.tx.unsigned.sender.encode(report.network),
                header_hash: inclusion.header_hash.to_string(),
            }),
        }
    }
}

/// Where a bundle or evidence to check comes from.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// A file (read with a size bound).
    File(&'a Path),
    /// Its text, already read (e.g. picked in the app).
    Text(&'a str),
}

impl Source<'_> {
    fn text(&self) -> Result<std::borrow::Cow<'_, str>, ChainError> {
        match self {
            Source::File(path) => Ok(std::borrow::Cow::Owned(read_text(path)?)),
            Source::Text(text) => Ok(std::borrow::Cow::Borrowed(text)),
        }
    }
}

/// Where the root of trust of a bundle check comes from (unless a checkpoint
/// is given): this wallet's light client.
#[derive(Clone, Copy)]
pub enum RootOf<'a> {
    /// The root the open light client established (no store access: the
    /// reader works beside a running sync).
    Reader(&'a ChainReader),
    /// The open session's light store.
    Session(&'a ChainSession),
    /// The light store on disk (no session open in this process).
    Disk,
}

impl std::fmt::Debug for RootOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RootOf::Reader(_) => "RootOf::Reader",
            RootOf::Session(_) => "RootOf::Session",
            RootOf::Disk => "RootOf::Disk",
        })
    }
}

/// Runs `check` with the local light store of `network`: the open session's
/// when there is one (it holds the store), else the one on disk, if any.
fn with_store<T>(
    ctx: &WalletContext,
    network: Network,
    session: Option<&ChainSession>,
    check: impl FnOnce(Option<&jifen_light_client::RedbStore>) -> Result<T, ChainError>,
) -> Result<T, ChainError> {
    match session {
        Some(session) => check(Some(session.light_store())),
        None => {
            let settings = ctx.chain_settings(network)?;
            let store = existing_store(&ctx.data_dir, &settings)?;
            check(store.as_ref())
        }
    }
}

/// Checks an audit bundle against a root of trust: `checkpoint` if given
/// (`height:hash`), else the network's configured checkpoint or the local
/// store's root (`session`'s store when a session is open in this process).
/// With `address`, the bundle must prove that account.
///
/// # Errors
/// `lc-checkpoint-*`, `address-*`, `chain-file-io`, `files-*`,
/// `lc-bundle-*`, `chain-foreign-chain`, `chain-no-trusted-header`,
/// `chain-bundle-other-account`, `chain-bundle-not-account`.
pub fn verify_bundle(
    ctx: &WalletContext,
    network: Network,
    root: RootOf<'_>,
    source: Source<'_>,
    checkpoint: Option<&str>,
    address: Option<&str>,
) -> Result<BundleReportView, ChainError> {
    let settings = ctx.chain_settings(network)?;
    let anchor = checkpoint
        .map(|c| c.trim().parse::<Checkpoint>())
        .transpose()?;
    let address = address
        .map(|a| Address::decode(a.trim(), network))
        .transpose()
        .map_err(WalletError::from)?;
    let text = source.text()?;
    let report = match root {
        RootOf::Reader(reader) => {
            // The light client's root of trust, else the configured checkpoint.
            let anchor = anchor.or_else(|| reader.status().root.map(|r| r.checkpoint));
            verify_bundle_text(None, &settings, &text, anchor, address.as_ref())?
        }
        RootOf::Session(session) => verify_bundle_text(
            Some(session.light_store()),
            &settings,
            &text,
            anchor,
            address.as_ref(),
        )?,
        RootOf::Disk => with_store(ctx, network, None, |store| {
            verify_bundle_text(store, &settings, &text, anchor, address.as_ref())
        })?,
    };
    Ok(report.into())
}

/// What checked fork evidence shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceReportView {
    /// The height of the fork.
    pub height: u64,
    /// The two conflicting block ids.
    pub blocks: [String; 2],
    /// The validators who signed both, ascending.
    pub accountable: Vec<String>,
    /// Their voting power.
    pub power: u64,
    /// The trusted set's total power.
    pub total_power: u64,
}

impl EvidenceReportView {
    fn of(verified: &VerifiedEvidence, network: Network) -> Self {
        let [first, second] = verified.block_hashes;
        Self {
            height: verified.height,
            blocks: [first.to_string(), second.to_string()],
            accountable: verified
                .accountable
                .iter()
                .map(|a| a.encode(network))
                .collect(),
            power: verified.accountable_power.signed_power,
            total_power: verified.accountable_power.total_power,
        }
    }
}

/// Checks fork evidence against the validators the local light store
/// verified (`session`'s store when a session is open in this process).
///
/// # Errors
/// `chain-file-io`, `files-*`, `lc-evidence-*`,
/// `chain-foreign-chain`, `lc-store-*`, `chain-no-trusted-header`.
pub fn verify_evidence(
    ctx: &WalletContext,
    network: Network,
    session: Option<&ChainSession>,
    source: Source<'_>,
) -> Result<EvidenceReportView, ChainError> {
    let settings = ctx.chain_settings(network)?;
    let text = source.text()?;
    let verified = with_store(ctx, network, session, |store| {
        verify_evidence_text(store, &settings, &text)
    })?;
    Ok(EvidenceReportView::of(&verified, network))
}

/// A block the light store keeps whatever its age.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PinView {
    /// Its id (the evidence or bundle file name): `jifen store unpin <ID>`.
    pub id: String,
    /// `evidence` or `bundle`.
    pub kind: String,
    /// The pinned block heights, ascending.
    pub heights: Vec<u64>,
}

impl From<&Pin> for PinView {
    fn from(pin: &Pin) -> Self {
        Self {
            id: pin.id.clone(),
            kind: match pin.kind {
                PinKind::Evidence => "evidence",
                PinKind::Bundle => "bundle",
            }
            .to_owned(),
            heights: pin.heights.clone(),
        }
    }
}

/// What a full check of the light store found (everything verified: an
/// error is returned otherwise).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoreReportView {
    /// Nothing stored yet (the other fields are then zero or empty).
    pub empty: bool,
    /// The store format (2; 1 before its first open by this version).
    pub format: u32,
    /// The root of trust (`height:hash`).
    pub root: Option<String>,
    /// The latest trusted header.
    pub latest: Option<ProvenAt>,
    /// Blocks stored (root, pivots, pinned, the recent tail).
    pub blocks: u32,
    /// Blocks kept because their neighbours cannot link across them.
    pub pivots: u32,
    /// Commits (signature sets) checked.
    pub commits_checked: u32,
    /// Bytes of stored blocks.
    pub bytes: u64,
    /// Pins (evidence, exported bundles).
    pub pins: Vec<PinView>,
}

impl From<Option<StoreAudit>> for StoreReportView {
    fn from(audit: Option<StoreAudit>) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match audit {
            None => Self {
                empty: true,
                format: jifen_light_client::store::STORE_FORMAT,
                root: None,
                latest: None,
                blocks: 0,
                pivots: 0,
                commits_checked: 0,
                bytes: 0,
                pins: Vec::new(),
            },
            Some(audit) => Self {
                empty: false,
                format: audit.format,
                root: Some(audit.root.to_string()),
                latest: Some(ProvenAt {
                    height: audit.latest.height,
                    header_hash: audit.latest.hash.to_string(),
                }),
                blocks: count(audit.members),
                pivots: count(audit.pivots),
                commits_checked: count(audit.commits_checked),
                bytes: audit.bytes,
                pins: audit.pins.iter().map(PinView::from).collect(),
            },
        }
    }
}

/// Use case: **verify the light store**: re-verify every stored block from
/// the root of trust (open checks only the latest, in constant time; this
/// is the thorough check, one commit check per stored block), with
/// `session`'s store when a session is open in this process, else the one
/// on disk.
///
/// # Errors
/// `lc-store-*` (`lc-store-tampered`, `lc-store-broken-chain`,
/// `lc-store-missing`, ...), `chain-*` settings errors.
pub fn verify_store(
    ctx: &WalletContext,
    network: Network,
    session: Option<&ChainSession>,
) -> Result<StoreReportView, ChainError> {
    let settings = ctx.chain_settings(network)?;
    let audit = match session {
        Some(session) => session.verify_store()?,
        None => with_store(ctx, network, None, |store| match store {
            Some(store) => verify_light_store(store, &settings),
            None => Ok(None),
        })?,
    };
    Ok(audit.into())
}

/// Use case: **release a pin** of the light store (fork evidence is kept
/// until the person releases it; bundles are released oldest first past
/// 64): its blocks are pruned at the next sync if nothing else needs them.
///
/// # Errors
/// `lc-store-unknown-pin`, `lc-store-*`.
pub fn unpin(session: &mut ChainSession, id: &str) -> Result<PinView, ChainError> {
    Ok(PinView::from(&session.unpin(id.trim())?))
}
