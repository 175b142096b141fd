//! `sync`, `status`, `balance`, `send`, `export-bundle`, `verify-bundle`,
//! `verify-evidence`, `endpoints`: the light client from the command line,
//! thin over `jifen_wallet::chain`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jifen_crypto::hd::Chain;
use jifen_i18n::Arg;
use jifen_light_client::client::RootKind;
use jifen_light_client::{Checkpoint, ClientError, PeerRole, PeerState, Phase, ProgressEvent};
use jifen_protocol::{Address, Network};
use jifen_wallet::WalletStore;
use jifen_wallet::chain::{
    ChainError, ChainSession, ChainSettings, MIN_FEE, POINT_SYMBOL, format_points, parse_points,
    verify_bundle_file, verify_evidence_file,
};
use serde_json::json;

use super::security::unlock;
use crate::args::{EndpointArgs, PasswordArgs, WalletArg};
use crate::error::UserError;
use crate::ui::Ui;

/// Parses a `--network` value.
fn network(given: &str) -> Result<Network> {
    given.parse::<Network>().map_err(|_| {
        UserError::new("cli-unknown-network")
            .arg("given", given)
            .into()
    })
}

fn settings(data: &Path, network: Network) -> Result<ChainSettings> {
    Ok(ChainSettings::load(data, network)?)
}

fn open(data: &Path, network: Network) -> Result<ChainSession> {
    let settings = settings(data, network)?;
    Ok(ChainSession::open(data, &settings)?)
}

fn points(units: u128) -> Arg {
    Arg::from(format!("{} {POINT_SYMBOL}", format_points(units)))
}

fn short(hash: &impl ToString) -> String {
    let text = hash.to_string();
    text.get(..16).map_or(text.clone(), |s| format!("{s}…"))
}

fn time_text(ms: u64) -> String {
    let secs = ms / 1000;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let age = now.saturating_sub(secs);
    format!("unix {secs} (-{age} s)")
}

/// Shows sync progress: an indicatif bar on a terminal, plain lines otherwise.
struct SyncView<'a> {
    ui: &'a Ui,
    bar: Option<ProgressBar>,
    last_line: Option<Instant>,
    phase: Option<Phase>,
    quiet: bool,
}

impl<'a> SyncView<'a> {
    fn new(ui: &'a Ui) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        SyncView {
            ui,
            bar,
            last_line: None,
            phase: None,
            quiet: false,
        }
    }

    /// A view that shows only the bar on a terminal and warnings, no plain
    /// progress lines (for the sync before a read).
    fn quiet(ui: &'a Ui) -> Self {
        let mut view = SyncView::new(ui);
        view.quiet = true;
        view
    }

    fn phase_name(&self, phase: Phase) -> String {
        let id = match phase {
            Phase::Bootstrapping => "sync-phase-bootstrapping",
            Phase::Syncing => "sync-phase-syncing",
            Phase::CrossChecking => "sync-phase-cross-checking",
            _ => "sync-phase-done",
        };
        self.ui.text(id, &[])
    }

    fn note(&self, id: &str, args: &[(&str, Arg)]) {
        match &self.bar {
            Some(bar) => bar.println(self.ui.text(id, args)),
            None => self.ui.say(id, args),
        }
    }

    fn event(&mut self, event: &ProgressEvent) {
        match event {
            ProgressEvent::Progress(p) => {
                let eta = p.eta.map_or_else(
                    || "—".to_owned(),
                    |eta| format!("{} s", eta.as_secs().max(1)),
                );
                let args = [
                    ("phase", Arg::from(self.phase_name(p.phase))),
                    ("height", Arg::from(p.current_height)),
                    ("target", Arg::from(p.target_height)),
                    ("headers", Arg::from(p.headers_fetched)),
                    ("peers", Arg::from(p.peers)),
                    ("eta", Arg::from(eta)),
                ];
                if let Some(bar) = &self.bar {
                    bar.set_length(p.target_height);
                    bar.set_position(p.current_height.min(p.target_height));
                    bar.set_message(self.ui.text("sync-progress-message", &args));
                } else if !self.quiet {
                    // Plain lines: each phase change, and at most one line a second.
                    let due = self
                        .last_line
                        .is_none_or(|t| t.elapsed() >= Duration::from_secs(1));
                    if self.phase != Some(p.phase) || due {
                        self.ui.say("sync-progress-line", &args);
                        self.last_line = Some(Instant::now());
                    }
                }
                self.phase = Some(p.phase);
            }
            ProgressEvent::PeerDemoted { peer, code } => {
                let reason = self.ui.text(
                    code,
                    &[("peer", peer.clone().into()), ("reason", "".into())],
                );
                self.note(
                    "sync-peer-demoted",
                    &[("peer", peer.clone().into()), ("reason", reason.into())],
                );
            }
            ProgressEvent::PrimaryChanged { peer } => {
                self.note("sync-primary-changed", &[("peer", peer.clone().into())]);
            }
            ProgressEvent::EvidenceWritten { path } => {
                self.note(
                    "sync-evidence-written",
                    &[("path", path.display().to_string().into())],
                );
            }
            _ => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// When no node answered correctly, says what each one did (translated)
/// before the error itself is shown.
fn peers_failed(ui: &Ui, error: ChainError) -> anyhow::Error {
    if let ChainError::Client(ClientError::NoPeer { peers }) = &error {
        for peer in peers {
            ui.say(
                "sync-peer-state",
                &[
                    ("peer", peer.id.clone().into()),
                    ("state", peer_state_text(ui, &peer.id, &peer.state).into()),
                ],
            );
        }
    }
    error.into()
}

/// Brings the session to the tip before a read, so that balances and nonces
/// are proven at a recent header (progress shown as for `sync`).
fn refresh(ui: &Ui, session: &mut ChainSession) -> Result<()> {
    let cancel = AtomicBool::new(false);
    let mut view = SyncView::quiet(ui);
    let result = session.sync(&mut |event| view.event(event), &cancel);
    view.finish();
    result.map_err(|e| peers_failed(ui, e))?;
    Ok(())
}

/// `jifen sync`.
pub fn sync(ui: &Ui, data: &Path, network_name: &str) -> Result<()> {
    let mut session = open(data, network(network_name)?)?;
    let cancel = AtomicBool::new(false);
    let mut view = SyncView::new(ui);
    let result = session.sync(&mut |event| view.event(event), &cancel);
    view.finish();
    let summary = result.map_err(|e| peers_failed(ui, e))?;
    ui.say(
        "sync-done",
        &[
            ("height", summary.height.into()),
            ("hash", short(&summary.hash).into()),
            ("headers", summary.headers_fetched.into()),
            ("primary", summary.primary.clone().into()),
            ("witnesses", summary.witnesses_agreed.into()),
            (
                "millis",
                u64::try_from(summary.elapsed.as_millis())
                    .unwrap_or(u64::MAX)
                    .into(),
            ),
        ],
    );
    for peer in session.status().peers {
        if peer.state != PeerState::Active {
            ui.say(
                "sync-peer-state",
                &[
                    ("peer", peer.id.clone().into()),
                    ("state", peer_state_text(ui, &peer.id, &peer.state).into()),
                ],
            );
        }
    }
    ui.data(&format!("{}:{}", summary.height, summary.hash));
    Ok(())
}

fn peer_state_text(ui: &Ui, peer: &str, state: &PeerState) -> String {
    // A reason's own message may name the node and the transport's words.
    let reason = |code: &str, detail: &str| {
        ui.text(code, &[("peer", peer.into()), ("reason", detail.into())])
    };
    match state {
        PeerState::Active => ui.text("status-peer-active", &[]),
        PeerState::Lagging { height } => {
            ui.text("status-peer-lagging", &[("height", (*height).into())])
        }
        PeerState::Unreachable { code, detail } => ui.text(
            "status-peer-unreachable",
            &[("reason", reason(code, detail).into())],
        ),
        PeerState::Demoted { code, detail } => ui.text(
            "status-peer-demoted",
            &[("reason", reason(code, detail).into())],
        ),
        _ => ui.text("status-peer-unknown", &[]),
    }
}

/// `jifen status`: what the local light client knows (no network request).
pub fn status(ui: &Ui, data: &Path, network_name: &str, json_output: bool) -> Result<()> {
    let network = network(network_name)?;
    let session = open(data, network)?;
    let status = session.status();
    let settings = session.settings();
    let evidence = evidence_files(session.dir());
    if json_output {
        let peers: Vec<_> = status
            .peers
            .iter()
            .map(|p| {
                let (state, code) = match &p.state {
                    PeerState::Active => ("active", None),
                    PeerState::Lagging { .. } => ("lagging", None),
                    PeerState::Unreachable { code, .. } => ("unreachable", Some(*code)),
                    PeerState::Demoted { code, .. } => ("demoted", Some(*code)),
                    _ => ("unknown", None),
                };
                json!({
                    "id": p.id,
                    "role": if p.role == PeerRole::Primary { "primary" } else { "witness" },
                    "state": state,
                    "code": code,
                })
            })
            .collect();
        ui.data(&serde_json::to_string_pretty(&json!({
            "network": network.name(),
            "chain_id": settings.chain_id().as_str(),
            "trusted": status.trusted.map(|t| json!({
                "height": t.height, "hash": t.hash.to_string(), "time_ms": t.time_ms,
            })),
            "root": status.root.map(|r| r.checkpoint.to_string()),
            "peers": peers,
            "last_cross_check": status.last_cross_check.map(|c| json!({
                "height": c.height, "hash": c.hash.to_string(), "agreed": c.agreed,
                "lagging": c.lagging, "at_ms": c.at_ms,
            })),
            "evidence": evidence.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        }))?);
        return Ok(());
    }
    ui.data(&ui.text(
        "status-network",
        &[
            ("network", network.name().into()),
            ("chain", settings.chain_id().as_str().into()),
        ],
    ));
    match status.trusted {
        Some(t) => ui.data(&ui.text(
            "status-trusted",
            &[
                ("height", t.height.into()),
                ("hash", t.hash.to_string().into()),
                ("time", time_text(t.time_ms).into()),
            ],
        )),
        None => ui.data(&ui.text("status-not-synced", &[])),
    }
    if let Some(root) = status.root {
        let id = match root.kind {
            RootKind::Checkpoint => "status-root-checkpoint",
            _ => "status-root-genesis",
        };
        ui.data(&ui.text(id, &[("checkpoint", root.checkpoint.to_string().into())]));
    }
    for peer in &status.peers {
        let role = if peer.role == PeerRole::Primary {
            ui.text("status-role-primary", &[])
        } else {
            ui.text("status-role-witness", &[])
        };
        ui.data(&ui.text(
            "status-peer",
            &[
                ("peer", peer.id.clone().into()),
                ("role", role.into()),
                ("state", peer_state_text(ui, &peer.id, &peer.state).into()),
            ],
        ));
    }
    match status.last_cross_check {
        Some(c) => ui.data(&ui.text(
            "status-cross-check",
            &[
                ("height", c.height.into()),
                ("agreed", c.agreed.into()),
                ("lagging", c.lagging.into()),
            ],
        )),
        None => ui.data(&ui.text("status-no-cross-check", &[])),
    }
    if evidence.is_empty() {
        ui.data(&ui.text("status-no-evidence", &[]));
    }
    for path in evidence {
        ui.data(&ui.text(
            "status-evidence",
            &[("path", path.display().to_string().into())],
        ));
    }
    Ok(())
}

fn evidence_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join(jifen_wallet::chain::session::EVIDENCE_DIR))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The address a command is about: `--address`, else receive address
/// `index` of the chosen wallet.
fn target_address(
    store: &WalletStore,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
) -> Result<(Network, Address)> {
    if let Some(text) = address {
        return Ok(Address::decode_any(text.trim())?);
    }
    let wallet = store.choose(wallet.wallet.as_deref())?;
    let network = wallet.network()?;
    Ok((network, wallet.account()?.address(Chain::Receive, index)?))
}

/// `jifen balance`.
pub fn balance(
    ui: &Ui,
    store: &WalletStore,
    data: &Path,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
    json_output: bool,
) -> Result<()> {
    let (network, address) = target_address(store, wallet, address, index)?;
    let mut session = open(data, network)?;
    refresh(ui, &mut session)?;
    let proven = session.balance(&address).map_err(|e| peers_failed(ui, e))?;
    let text = address.encode(network);
    if json_output {
        ui.data(&serde_json::to_string_pretty(&json!({
            "address": text,
            "balance": proven.value.balance.to_string(),
            "balance_points": format_points(proven.value.balance),
            "nonce": proven.value.nonce,
            "height": proven.height,
            "header_hash": proven.header_hash.to_string(),
        }))?);
        return Ok(());
    }
    ui.data(&ui.text(
        "balance-line",
        &[
            ("address", text.into()),
            ("amount", points(proven.value.balance)),
            ("height", proven.height.into()),
            ("hash", short(&proven.header_hash).into()),
        ],
    ));
    Ok(())
}

/// What `send` needs besides the wallet.
pub struct SendArgs<'a> {
    /// Recipient text.
    pub to: &'a str,
    /// Amount text (POINT).
    pub amount: &'a str,
    /// Fee text (POINT), default the minimum.
    pub fee: Option<&'a str>,
    /// Sending address index.
    pub index: u32,
    /// Skip the confirmation question.
    pub yes: bool,
    /// Seconds to wait for proven inclusion.
    pub timeout: u64,
    /// Do not try the OS keyring.
    pub no_keyring: bool,
}

/// `jifen send`.
pub fn send(
    ui: &Ui,
    store: &WalletStore,
    data: &Path,
    wallet: &WalletArg,
    password: &PasswordArgs,
    args: &SendArgs<'_>,
) -> Result<()> {
    let mut handle = store.choose(wallet.wallet.as_deref())?;
    let network = handle.network()?;
    let to = Address::decode(args.to.trim(), network)?;
    let amount = parse_points(args.amount)?;
    let fee = match args.fee {
        Some(text) => parse_points(text)?,
        None => MIN_FEE,
    };
    let sender_key = handle.account()?.public_key(Chain::Receive, args.index)?;
    let mut session = open(data, network)?;
    refresh(ui, &mut session)?;
    let plan = session
        .build_transfer(sender_key, to, amount, fee)
        .map_err(|e| peers_failed(ui, e))?;
    ui.say(
        "send-review",
        &[
            ("from", sender_key.address().encode(network).into()),
            ("to", to.encode(network).into()),
            ("amount", points(amount)),
            ("fee", points(fee)),
            ("total", points(plan.total())),
            ("balance", points(plan.sender.value.balance)),
            ("height", plan.sender.height.into()),
            ("nonce", plan.unsigned.nonce.into()),
            ("chain", plan.unsigned.chain_id.as_str().into()),
        ],
    );
    if !args.yes {
        if !ui.interactive() {
            return Err(UserError::new("cli-send-needs-confirmation").into());
        }
        let answer = ui.ask("send-confirm", &[])?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "是" | "好" | "確定" | "确定") {
            ui.say("send-cancelled", &[]);
            return Ok(());
        }
    }
    let unlocked = unlock(ui, &mut handle, password, args.no_keyring)?;
    let tx = session.sign(&plan, &unlocked, args.index)?;
    drop(unlocked);
    let id = session.broadcast(&tx).map_err(|e| peers_failed(ui, e))?;
    ui.say("send-broadcast", &[("id", id.to_string().into())]);
    ui.data(&id.to_string());
    let cancel = AtomicBool::new(false);
    let inclusion = session
        .wait_inclusion(&id, Duration::from_secs(args.timeout), &cancel)
        .map_err(|e| peers_failed(ui, e))?;
    jifen_wallet::chain::session::check_result(&id, &inclusion)?;
    ui.say(
        "send-included",
        &[
            ("height", inclusion.height.into()),
            ("index", inclusion.value.index.into()),
            ("hash", short(&inclusion.header_hash).into()),
        ],
    );
    Ok(())
}

/// `jifen export-bundle`.
pub fn export_bundle(
    ui: &Ui,
    store: &WalletStore,
    data: &Path,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
    out: &Path,
) -> Result<()> {
    let (network, address) = target_address(store, wallet, address, index)?;
    let mut session = open(data, network)?;
    refresh(ui, &mut session)?;
    let bundle = session
        .export_bundle(&address, out)
        .map_err(|e| peers_failed(ui, e))?;
    ui.say(
        "bundle-written",
        &[
            ("path", out.display().to_string().into()),
            ("address", address.encode(network).into()),
            ("headers", bundle.path.len().saturating_add(1).into()),
        ],
    );
    Ok(())
}

/// `jifen verify-bundle`: offline.
pub fn verify_bundle(
    ui: &Ui,
    data: &Path,
    network_name: &str,
    file: &Path,
    checkpoint: Option<&str>,
    address: Option<&str>,
) -> Result<()> {
    let network = network(network_name)?;
    let settings = settings(data, network)?;
    let anchor = checkpoint
        .map(|c| c.parse::<Checkpoint>())
        .transpose()
        .map_err(jifen_wallet::ChainError::from)?;
    let address = address
        .map(|a| Address::decode(a.trim(), network))
        .transpose()?;
    let report = verify_bundle_file(data, &settings, file, anchor, address.as_ref())?;
    ui.say(
        "bundle-valid",
        &[
            ("root", report.root.to_string().into()),
            ("headers", report.headers.into()),
            ("height", report.height.into()),
            ("hash", report.hash.to_string().into()),
        ],
    );
    match report.account {
        Some((key, account)) => {
            ui.data(&ui.text(
                "bundle-account",
                &[
                    ("key", short(&key).into()),
                    ("amount", points(account.balance)),
                    ("nonce", account.nonce.into()),
                    ("height", report.height.into()),
                ],
            ));
        }
        None => ui.say("bundle-no-value", &[]),
    }
    Ok(())
}

/// `jifen verify-evidence`: offline.
pub fn verify_evidence(ui: &Ui, data: &Path, network_name: &str, file: &Path) -> Result<()> {
    let network = network(network_name)?;
    let settings = settings(data, network)?;
    let verified = verify_evidence_file(data, &settings, file)?;
    let [first, second] = verified.block_hashes;
    ui.say(
        "evidence-valid",
        &[
            ("height", verified.height.into()),
            ("count", verified.accountable.len().into()),
            ("power", verified.accountable_power.signed_power.into()),
            ("total", verified.accountable_power.total_power.into()),
            ("first", short(&first).into()),
            ("second", short(&second).into()),
        ],
    );
    for address in &verified.accountable {
        ui.data(&address.encode(network));
    }
    Ok(())
}

/// `jifen endpoints`: shows, and with options changes, a network's settings.
pub fn endpoints(ui: &Ui, data: &Path, args: &EndpointArgs) -> Result<()> {
    let network = network(&args.network)?;
    let mut settings = settings(data, network)?;
    let mut changed = false;
    if args.reset {
        settings = ChainSettings::defaults(network)?;
        changed = true;
    }
    if let Some(primary) = &args.primary {
        settings.set_primary(primary)?;
        changed = true;
    }
    if args.clear_witnesses {
        settings.set_witnesses(&[])?;
        changed = true;
    }
    if !args.witness.is_empty() {
        let mut witnesses: Vec<String> = settings
            .witnesses()
            .iter()
            .map(|w| w.as_str().to_owned())
            .collect();
        witnesses.extend(args.witness.iter().cloned());
        settings.set_witnesses(&witnesses)?;
        changed = true;
    }
    if let Some(checkpoint) = &args.checkpoint {
        settings.set_checkpoint(Some(checkpoint))?;
        changed = true;
    }
    if args.clear_checkpoint {
        settings.set_checkpoint(None)?;
        changed = true;
    }
    if changed {
        settings.save(data)?;
        ui.say("endpoints-saved", &[("network", network.name().into())]);
    }
    ui.data(&ui.text(
        "status-network",
        &[
            ("network", network.name().into()),
            ("chain", settings.chain_id().as_str().into()),
        ],
    ));
    match settings.primary() {
        Some(primary) => {
            ui.data(&ui.text("endpoints-primary", &[("url", primary.as_str().into())]))
        }
        None => ui.data(&ui.text("endpoints-none", &[])),
    }
    for witness in settings.witnesses() {
        ui.data(&ui.text("endpoints-witness", &[("url", witness.as_str().into())]));
    }
    match settings.checkpoint() {
        Some(c) => ui.data(&ui.text(
            "endpoints-checkpoint",
            &[("checkpoint", c.to_string().into())],
        )),
        None => ui.data(&ui.text("endpoints-genesis", &[])),
    }
    Ok(())
}
