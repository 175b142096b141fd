//! The chain side of the app over `jifen_wallet::chain::ChainSession`: sync with
//! progress and cancel, proven balance, review and send with proven inclusion,
//! status, endpoints, audit bundle, and the devnet-only faucet. Every number shown
//! was checked by the light client against a header it verified.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::signer::{SecretKey, Signer};
use jifen_light_client::client::{PeerRole, PeerState};
use jifen_light_client::{Phase, ProgressEvent, Proven, TxInclusion};
use jifen_protocol::{Account, Address, Network, tagged_hash};
use jifen_wallet::chain::{
    BASE_UNITS_PER_POINT, ChainSession, ChainSettings, MIN_FEE, format_points, parse_points,
    session::TransferPlan, session::check_result,
};
use serde::Serialize;

use crate::error::AppError;
use crate::state::WalletState;

/// How long a send waits for a block with its proof of inclusion.
pub const INCLUSION_TIMEOUT: Duration = Duration::from_secs(60);
/// What the devnet faucet sends: 100 POINT.
pub const FAUCET_AMOUNT: u128 = 100 * BASE_UNITS_PER_POINT;
/// The node's public devnet-account key derivation (`jifen-node accounts`); devnet only.
const DEVNET_ACCOUNT_TAG: &str = "jifen/devnet-account";

/// The verified head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TrustedView {
    /// Height.
    pub height: u64,
    /// Block id (hex).
    pub hash: String,
    /// Header time, unix ms.
    pub time_ms: u64,
}

/// A peer as the status screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerView {
    /// URL.
    pub id: String,
    /// `primary` or `witness`.
    pub role: &'static str,
    /// `active`, `lagging`, `unreachable` or `demoted`.
    pub state: &'static str,
    /// Its height, when lagging.
    pub height: Option<u64>,
    /// Why it is unreachable or demoted (a message id).
    pub code: Option<&'static str>,
}

/// The last witness cross-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CrossCheckView {
    /// Height checked.
    pub height: u64,
    /// Witnesses that agreed.
    pub agreed: usize,
    /// When, unix ms.
    pub at_ms: u64,
}

/// Sync status, peers, evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainView {
    /// Network name.
    pub network: String,
    /// Chain id.
    pub chain_id: String,
    /// Endpoints in use, primary first.
    pub endpoints: Vec<String>,
    /// The verified head.
    pub trusted: Option<TrustedView>,
    /// Peers.
    pub peers: Vec<PeerView>,
    /// Last cross-check.
    pub cross_check: Option<CrossCheckView>,
    /// Evidence files written.
    pub evidence: Vec<String>,
    /// Whether this is the devnet (the faucet is offered).
    pub devnet: bool,
}

/// One progress message of a sync (sent over a `tauri::ipc::Channel`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SyncEvent {
    /// `bootstrapping`, `syncing`, `cross-checking` or `done`.
    pub phase: &'static str,
    /// Verified height so far.
    pub current: u64,
    /// Target height.
    pub target: u64,
    /// Light blocks fetched.
    pub fetched: u64,
    /// Peers in use.
    pub peers: usize,
    /// Estimated time left.
    pub eta_ms: Option<u64>,
}

/// What a sync did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SyncResult {
    /// Height before.
    pub from_height: u64,
    /// Height now.
    pub height: u64,
    /// Light blocks fetched.
    pub headers_fetched: u64,
    /// Wall time.
    pub elapsed_ms: u64,
}

/// A balance and where it was proven.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProvenBalance {
    /// The address.
    pub address: String,
    /// POINT, formatted (`12.500000`).
    pub points: String,
    /// Base units, as text (u128 does not fit a JS number).
    pub units: String,
    /// Next nonce.
    pub nonce: u64,
    /// Height of the verified header it was proven against.
    pub height: u64,
    /// That header's hash.
    pub header_hash: String,
}

/// What the person confirms before a send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SendReview {
    /// Sender.
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Amount, POINT.
    pub amount: String,
    /// Fee, POINT.
    pub fee: String,
    /// Amount plus fee.
    pub total: String,
    /// Proven balance now.
    pub balance: String,
    /// Balance afterwards.
    pub remaining: String,
    /// Height the balance was proven at.
    pub height: u64,
}

/// Progress of a send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SendEvent {
    /// `submitted`, `waiting` or `included`.
    pub stage: &'static str,
    /// Transaction id, once known.
    pub tx_id: Option<String>,
    /// Inclusion height, once proven.
    pub height: Option<u64>,
}

/// A proven inclusion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SendResult {
    /// Transaction id.
    pub tx_id: String,
    /// Block height.
    pub height: u64,
    /// Position in the block.
    pub index: u64,
    /// Result code (0: success).
    pub result_code: u16,
    /// The verified header's hash.
    pub header_hash: String,
    /// The sender's (or, for the faucet, the receiver's) balance afterwards.
    pub balance: Option<ProvenBalance>,
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Bootstrapping => "bootstrapping",
        Phase::Syncing => "syncing",
        Phase::CrossChecking => "cross-checking",
        _ => "done",
    }
}

fn proven_balance(address: &Address, network: Network, proven: &Proven<Account>) -> ProvenBalance {
    ProvenBalance {
        address: address.encode(network),
        points: format_points(proven.value.balance),
        units: proven.value.balance.to_string(),
        nonce: proven.value.nonce,
        height: proven.height,
        header_hash: proven.header_hash.to_string(),
    }
}

fn inclusion_result(
    id: String,
    inclusion: &Proven<TxInclusion>,
    balance: Option<ProvenBalance>,
) -> SendResult {
    SendResult {
        tx_id: id,
        height: inclusion.height,
        index: inclusion.value.index,
        result_code: inclusion.value.result_code,
        header_hash: inclusion.header_hash.to_string(),
        balance,
    }
}

/// Broadcasts a signed transaction, waits for its proven inclusion (reporting
/// `waiting` and `included`), checks its in-block result, and proves `from`'s
/// balance afterwards.
pub(crate) fn broadcast_and_prove(
    session: &mut ChainSession,
    tx: &jifen_protocol::Transaction,
    from: &Address,
    network: Network,
    on_event: &mut dyn FnMut(SendEvent),
    cancel: &AtomicBool,
) -> Result<SendResult, AppError> {
    let id = session.broadcast(tx)?;
    on_event(SendEvent {
        stage: "waiting",
        tx_id: Some(id.to_string()),
        height: None,
    });
    let inclusion = session.wait_inclusion(&id, INCLUSION_TIMEOUT, cancel)?;
    check_result(&id, &inclusion)?;
    on_event(SendEvent {
        stage: "included",
        tx_id: Some(id.to_string()),
        height: Some(inclusion.height),
    });
    let balance = session.balance(from)?;
    Ok(inclusion_result(
        id.to_string(),
        &inclusion,
        Some(proven_balance(from, network, &balance)),
    ))
}

impl WalletState {
    fn chain_settings(&self) -> Result<ChainSettings, AppError> {
        let mut settings = ChainSettings::load(&self.config.data_dir, self.config.network)?;
        if let Some(endpoints) = &self.config.endpoints_override {
            settings.set_endpoints(endpoints)?;
        }
        Ok(settings)
    }

    /// The chain session, opened on first use; refused in cold-signer mode, so an
    /// offline signer never opens a connection.
    pub(crate) fn session(&mut self) -> Result<&mut ChainSession, AppError> {
        self.online()?;
        if self.chain.is_none() {
            let settings = self.chain_settings()?;
            self.chain = Some(ChainSession::open(&self.config.data_dir, &settings)?);
        }
        self.chain
            .as_mut()
            .ok_or_else(|| AppError::new("app-engine-stopped"))
    }

    pub(crate) fn receive_address(&mut self) -> Result<(Address, Network), AppError> {
        let open = self.open_wallet()?;
        let network = open.handle.network()?;
        Ok((open.handle.account()?.address(Chain::Receive, 0)?, network))
    }

    /// Sync status, peers and evidence.
    ///
    /// # Errors
    /// Settings and session errors.
    pub fn chain_status(&mut self) -> Result<ChainView, AppError> {
        let session = self.session()?;
        let status = session.status();
        let settings = session.settings();
        Ok(ChainView {
            network: settings.network().to_string(),
            chain_id: settings.chain_id().to_string(),
            endpoints: settings
                .endpoints()
                .iter()
                .map(|e| e.as_str().to_owned())
                .collect(),
            trusted: status.trusted.map(|t| TrustedView {
                height: t.height,
                hash: t.hash.to_string(),
                time_ms: t.time_ms,
            }),
            peers: status
                .peers
                .iter()
                .map(|p| {
                    let (state, height, code) = match &p.state {
                        PeerState::Active => ("active", None, None),
                        PeerState::Lagging { height } => ("lagging", Some(*height), None),
                        PeerState::Unreachable { code, .. } => ("unreachable", None, Some(*code)),
                        PeerState::Demoted { code, .. } => ("demoted", None, Some(*code)),
                        _ => ("unreachable", None, None),
                    };
                    PeerView {
                        id: p.id.clone(),
                        role: if p.role == PeerRole::Primary {
                            "primary"
                        } else {
                            "witness"
                        },
                        state,
                        height,
                        code,
                    }
                })
                .collect(),
            cross_check: status.last_cross_check.map(|c| CrossCheckView {
                height: c.height,
                agreed: c.agreed,
                at_ms: c.at_ms,
            }),
            evidence: status
                .evidence
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            devnet: settings.network() == Network::Devnet,
        })
    }

    /// Syncs to the primary's tip, reporting progress through `on_event`; stops
    /// with `chain-cancelled` when `cancel` is set.
    ///
    /// # Errors
    /// Session, peer and verification errors.
    pub fn sync(
        &mut self,
        on_event: &mut dyn FnMut(SyncEvent),
        cancel: &AtomicBool,
    ) -> Result<SyncResult, AppError> {
        let session = self.session()?;
        let mut forward = |event: &ProgressEvent| {
            if let ProgressEvent::Progress(p) = event {
                on_event(SyncEvent {
                    phase: phase_name(p.phase),
                    current: p.current_height,
                    target: p.target_height,
                    fetched: p.headers_fetched,
                    peers: p.peers,
                    eta_ms: p.eta.map(millis),
                });
            }
        };
        let summary = session.sync(&mut forward, cancel)?;
        Ok(SyncResult {
            from_height: summary.from_height,
            height: summary.height,
            headers_fetched: summary.headers_fetched,
            elapsed_ms: millis(summary.elapsed),
        })
    }

    /// The open wallet's balance (receive address 0), proven.
    ///
    /// # Errors
    /// `app-locked`, session and proof errors.
    pub fn balance(&mut self) -> Result<ProvenBalance, AppError> {
        let (address, network) = self.receive_address()?;
        let proven = self.session()?.balance(&address)?;
        Ok(proven_balance(&address, network, &proven))
    }

    pub(crate) fn parse_send(
        &mut self,
        to: &str,
        amount: &str,
        fee: &str,
    ) -> Result<(Address, u128, u128), AppError> {
        let network = self.config.network;
        let to = Address::decode(to.trim(), network)?;
        Ok((to, parse_points(amount)?, parse_points(fee)?))
    }

    /// Checks a send against the proven balance and returns what to confirm.
    ///
    /// # Errors
    /// Address, amount, fee and balance errors.
    pub fn review_send(
        &mut self,
        to: &str,
        amount: &str,
        fee: &str,
    ) -> Result<SendReview, AppError> {
        Ok(self.plan_send(to, amount, fee)?.0)
    }

    /// The transfer from receive address 0 of the open wallet (keys or
    /// watch-only), checked against the proven balance and nonce, and what the
    /// person confirms of it.
    pub(crate) fn plan_send(
        &mut self,
        to: &str,
        amount: &str,
        fee: &str,
    ) -> Result<(SendReview, TransferPlan), AppError> {
        let (to, amount, fee) = self.parse_send(to, amount, fee)?;
        let (from, network) = self.receive_address()?;
        let sender = self
            .open_wallet()?
            .handle
            .account()?
            .public_key(Chain::Receive, 0)?;
        let plan = self.session()?.build_transfer(sender, to, amount, fee)?;
        let total = plan.total();
        let review = SendReview {
            from: from.encode(network),
            to: to.encode(network),
            amount: format_points(amount),
            fee: format_points(fee),
            total: format_points(total),
            balance: format_points(plan.sender.value.balance),
            remaining: format_points(plan.sender.value.balance.saturating_sub(total)),
            height: plan.sender.height,
        };
        Ok((review, plan))
    }

    /// Signs, sends and waits for the proven inclusion; then proves the new balance.
    ///
    /// # Errors
    /// As [`WalletState::review_send`], plus rejection, timeout, cancel and
    /// `chain-tx-failed`.
    pub fn send(
        &mut self,
        to: &str,
        amount: &str,
        fee: &str,
        on_event: &mut dyn FnMut(SendEvent),
        cancel: &AtomicBool,
    ) -> Result<SendResult, AppError> {
        let (to, amount, fee) = self.parse_send(to, amount, fee)?;
        let (from, network) = self.receive_address()?;
        self.online()?;
        let Self { open, chain, .. } = self;
        let open = open.as_ref().ok_or_else(|| AppError::new("app-locked"))?;
        if open.handle.is_watch_only() {
            return Err(AppError::new("app-watch-only-needs-request"));
        }
        let unlocked = open.keys()?;
        if chain.is_none() {
            return Err(AppError::new("app-sync-first"));
        }
        let session = chain
            .as_mut()
            .ok_or_else(|| AppError::new("app-sync-first"))?;
        let sender = unlocked.signing_key(0)?.public_key();
        let plan = session.build_transfer(sender, to, amount, fee)?;
        let tx = session.sign(&plan, unlocked, 0)?;
        broadcast_and_prove(session, &tx, &from, network, on_event, cancel)
    }

    /// Devnet only: sends [`FAUCET_AMOUNT`] from the public devnet account 0 to the
    /// open wallet and waits for the proven inclusion.
    ///
    /// # Errors
    /// `app-faucet-not-devnet` on other networks, and the send errors.
    pub fn devnet_faucet(&mut self, cancel: &AtomicBool) -> Result<SendResult, AppError> {
        let (to, network) = self.receive_address()?;
        let session = self.session()?;
        if network != Network::Devnet || session.network() != Network::Devnet {
            return Err(AppError::new("app-faucet-not-devnet"));
        }
        let key = SecretKey::from_bytes(&tagged_hash(DEVNET_ACCOUNT_TAG, &0u32.to_be_bytes()))
            .map_err(|e| AppError::new(e.code()))?;
        let plan = session.build_transfer(key.public_key(), to, FAUCET_AMOUNT, MIN_FEE)?;
        let signature = key
            .sign_digest(&plan.unsigned.signing_digest())
            .map_err(|e| AppError::new(e.code()))?;
        let tx = plan.unsigned.with_signature(signature);
        // The faucet reports the receiver's new balance.
        broadcast_and_prove(session, &tx, &to, network, &mut |_| {}, cancel)
    }

    /// Saves new endpoints (primary first) and reopens the session with them.
    ///
    /// # Errors
    /// Endpoint and settings errors.
    pub fn set_endpoints(&mut self, endpoints: &[String]) -> Result<ChainView, AppError> {
        self.online()?;
        let mut settings = ChainSettings::load(&self.config.data_dir, self.config.network)?;
        settings.set_endpoints(endpoints)?;
        settings.save(&self.config.data_dir)?;
        self.config.endpoints_override = None;
        self.chain = None;
        self.chain_status()
    }

    /// Writes the audit bundle of the open wallet's address under
    /// `<data dir>/exports/` and returns the file's path.
    ///
    /// # Errors
    /// Session, proof and file errors.
    pub fn export_audit_bundle(&mut self) -> Result<String, AppError> {
        let (address, network) = self.receive_address()?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let path = self
            .config
            .data_dir
            .join("exports")
            .join(format!("audit-{}-{stamp}.json", address.encode(network)));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|_| AppError::new("app-export-io"))?;
        }
        self.session()?.export_bundle(&address, &path)?;
        Ok(path.display().to_string())
    }
}
