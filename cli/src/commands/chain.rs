//! `sync`, `status`, `balance`, `send`, `faucet`, `export-bundle`,
//! `verify-bundle`, `verify-evidence`, `endpoints`: the chain use cases of
//! `jifen_wallet`, rendered for a terminal (progress bar, translated lines)
//! or as JSON.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jifen_i18n::Arg;
use jifen_light_client::ClientError;
use jifen_protocol::Address;
use jifen_wallet::audit::{self, Source};
use jifen_wallet::chain::{ChainError, ChainReader, ChainSession};
use jifen_wallet::endpoints::{self, EndpointsChange};
use jifen_wallet::follow::FollowEventView;
use jifen_wallet::send::{self, SendProgress, SendReceipt, SendRequest, SendStage};
use jifen_wallet::sync::{
    self, ChainStatusView, PeerRoleView, PeerStateView, RootView, SyncEventView, SyncPhase,
    TransportView,
};
use jifen_wallet::{AmountView, CancelToken, WalletContext, balance, faucet};

use super::print_json;
use super::security::{open, unlock};
use crate::args::{EndpointArgs, PasswordArgs, WalletArg};
use crate::error::{Failure, Result, UserError};
use crate::ui::Ui;

pub(super) fn amount(value: &AmountView) -> Arg {
    Arg::from(value.to_string())
}

pub(super) fn short(hash: &str) -> String {
    hash.get(..16).map_or(hash.to_owned(), |s| format!("{s}…"))
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
struct SyncDisplay<'a> {
    ui: &'a Ui,
    bar: Option<ProgressBar>,
    last_line: Option<Instant>,
    phase: Option<SyncPhase>,
    quiet: bool,
}

impl<'a> SyncDisplay<'a> {
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
        SyncDisplay {
            ui,
            bar,
            last_line: None,
            phase: None,
            quiet: false,
        }
    }

    /// Only the bar on a terminal and warnings, no plain progress lines (for
    /// the sync before a read).
    fn quiet(ui: &'a Ui) -> Self {
        let mut view = SyncDisplay::new(ui);
        view.quiet = true;
        view
    }

    fn phase_name(&self, phase: SyncPhase) -> String {
        let id = match phase {
            SyncPhase::Bootstrapping => "sync-phase-bootstrapping",
            SyncPhase::Syncing => "sync-phase-syncing",
            SyncPhase::CrossChecking => "sync-phase-cross-checking",
            SyncPhase::Done => "sync-phase-done",
        };
        self.ui.text(id, &[])
    }

    fn note(&self, id: &str, args: &[(&str, Arg)]) {
        match &self.bar {
            Some(bar) => bar.println(self.ui.text(id, args)),
            None => self.ui.say(id, args),
        }
    }

    fn event(&mut self, event: SyncEventView) {
        match event {
            SyncEventView::Progress(p) => {
                let eta = p.eta_ms.map_or_else(
                    || "—".to_owned(),
                    |eta| format!("{} s", (eta / 1000).max(1)),
                );
                let args = [
                    ("phase", Arg::from(self.phase_name(p.phase))),
                    ("height", Arg::from(p.current)),
                    ("target", Arg::from(p.target)),
                    ("headers", Arg::from(p.fetched)),
                    ("peers", Arg::from(p.peers)),
                    ("eta", Arg::from(eta)),
                ];
                if let Some(bar) = &self.bar {
                    bar.set_length(p.target);
                    bar.set_position(p.current.min(p.target));
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
            SyncEventView::PeerDemoted { peer, code } => {
                let reason = demotion_reason(self.ui, &code, &peer, "");
                self.note(
                    "sync-peer-demoted",
                    &[("peer", peer.into()), ("reason", reason.into())],
                );
            }
            SyncEventView::PrimaryChanged { peer } => {
                self.note("sync-primary-changed", &[("peer", peer.into())]);
            }
            SyncEventView::EvidenceWritten { path } => {
                self.note("sync-evidence-written", &[("path", path.into())]);
            }
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
pub(super) fn peers_failed(ui: &Ui, reader: &ChainReader, error: ChainError) -> Failure {
    if let ChainError::Client(ClientError::NoPeer { .. }) = &error {
        for peer in sync::status(reader).peers {
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

/// Opens the session of the context's network and brings it to the tip, so
/// that reads are proven at a recent header (progress shown as for `sync`).
pub(super) fn synced_session(ui: &Ui, ctx: &WalletContext) -> Result<ChainSession> {
    let mut session = ctx.open_chain(ctx.network)?;
    let mut display = SyncDisplay::quiet(ui);
    let result = sync::sync(
        &mut session,
        &mut |event| display.event(event),
        &CancelToken::new(),
    );
    display.finish();
    result.map_err(|e| peers_failed(ui, &session.reader(), e))?;
    Ok(session)
}

/// Opens the chain session of `network` and brings it to the tip (for the
/// online half of cold signing).
pub fn sync_for_wallet(
    ui: &Ui,
    ctx: &WalletContext,
    network: jifen_protocol::Network,
) -> Result<ChainSession> {
    let ctx = WalletContext {
        network,
        ..ctx.clone()
    };
    ui.say("cold-syncing", &[]);
    synced_session(ui, &ctx)
}

/// `jifen follow`: a sync first, then one line per verified head as P2P
/// peers announce blocks.
pub fn follow(ui: &Ui, ctx: &WalletContext, blocks: Option<u64>) -> Result<()> {
    let mut session = synced_session(ui, ctx)?;
    ui.say("follow-started", &[]);
    let view = jifen_wallet::follow::follow(
        &mut session,
        jifen_wallet::follow::FollowLimits { blocks, idle: None },
        &mut |event| match event {
            FollowEventView::Verified {
                sync, latency_ms, ..
            } => ui.say(
                "follow-verified",
                &[
                    ("height", sync.height.into()),
                    ("hash", short(&sync.hash).into()),
                    ("witnesses", sync.witnesses_agreed.into()),
                    ("millis", (*latency_ms).into()),
                ],
            ),
            FollowEventView::FalseAnnouncement { height, peer } => ui.say(
                "follow-false-announcement",
                &[("height", (*height).into()), ("peer", peer.clone().into())],
            ),
            FollowEventView::Failed { error } => {
                ui.say_text(&crate::error::describe_view(ui.catalog(), error));
            }
        },
        &CancelToken::new(),
    )?;
    ui.say(
        "follow-done",
        &[
            ("verified", view.verified.into()),
            ("height", view.height.into()),
        ],
    );
    Ok(())
}

/// `jifen sync`.
pub fn sync(ui: &Ui, ctx: &WalletContext) -> Result<()> {
    let mut session = ctx.open_chain(ctx.network)?;
    let mut display = SyncDisplay::new(ui);
    let result = sync::sync_and_audit(
        &mut session,
        &mut |event| display.event(event),
        &mut |_| {},
        &CancelToken::new(),
    );
    display.finish();
    let outcome = result.map_err(|e| peers_failed(ui, &session.reader(), e))?;
    let summary = &outcome.sync;
    ui.say(
        "sync-done",
        &[
            ("height", summary.height.into()),
            ("hash", short(&summary.hash).into()),
            ("headers", summary.headers_fetched.into()),
            ("primary", summary.primary.clone().into()),
            ("witnesses", summary.witnesses_agreed.into()),
            ("millis", summary.elapsed_ms.into()),
        ],
    );
    let status = sync::status(&session.reader());
    if let Some(t) = status.trusted.as_ref().filter(|t| t.too_old) {
        ui.say("sync-tip-old", &[("minutes", minutes(t.age_ms).into())]);
    }
    for peer in &status.peers {
        if !matches!(peer.state, PeerStateView::Active) {
            ui.say(
                "sync-peer-state",
                &[
                    ("peer", peer.id.clone().into()),
                    ("state", peer_state_text(ui, &peer.id, &peer.state).into()),
                ],
            );
        }
    }
    for audited in &outcome.subchains {
        ui.say(
            "sync-subchain-audited",
            &[
                ("id", u64::from(audited.subchain.id).into()),
                ("name", audited.subchain.name.clone().into()),
                ("new", audited.new_reports.into()),
                (
                    "height",
                    audited
                        .subchain
                        .audit
                        .as_ref()
                        .map_or(0, |a| a.height)
                        .into(),
                ),
                (
                    "state",
                    super::subchains::state_text(ui, audited.subchain.state).into(),
                ),
            ],
        );
    }
    if let Some(error) = &outcome.subchain_error {
        ui.say(
            "sync-subchain-failed",
            &[(
                "reason",
                crate::error::describe_view(ui.catalog(), error).into(),
            )],
        );
    }
    ui.data(&format!("{}:{}", summary.height, summary.hash));
    Ok(())
}

/// Whole minutes of an age, for a warning (never 0: it is shown only past
/// the warning age).
fn minutes(age_ms: u64) -> u64 {
    (age_ms / 60_000).max(1)
}

/// Why a node was demoted, in words. A history lie's own message needs the
/// counts the check compared, which a demotion record does not keep: it is
/// said in general terms with the check's detail.
fn demotion_reason(ui: &Ui, code: &str, peer: &str, detail: &str) -> String {
    if code.starts_with("history-") {
        return ui.text(
            "history-peer-lied",
            &[("peer", peer.into()), ("reason", detail.into())],
        );
    }
    ui.text(code, &[("peer", peer.into()), ("reason", detail.into())])
}

fn peer_state_text(ui: &Ui, peer: &str, state: &PeerStateView) -> String {
    // A reason's own message may name the node and the transport's words.
    let reason = |code: &str, detail: &str| demotion_reason(ui, code, peer, detail);
    match state {
        PeerStateView::Active => ui.text("status-peer-active", &[]),
        PeerStateView::Lagging { height } => {
            ui.text("status-peer-lagging", &[("height", (*height).into())])
        }
        PeerStateView::Unreachable { code, detail } => ui.text(
            "status-peer-unreachable",
            &[("reason", reason(code, detail).into())],
        ),
        PeerStateView::Demoted { code, detail } => ui.text(
            "status-peer-demoted",
            &[("reason", reason(code, detail).into())],
        ),
    }
}

/// `jifen status`: what the local light client knows (no network request).
pub fn status(ui: &Ui, ctx: &WalletContext, json: bool) -> Result<()> {
    let session = ctx.open_chain(ctx.network)?;
    let status = sync::status(&session.reader());
    if json {
        return print_json(ui, &status);
    }
    show_status(ui, &status);
    Ok(())
}

fn show_status(ui: &Ui, status: &ChainStatusView) {
    ui.data(&ui.text(
        "status-network",
        &[
            ("network", status.network.to_string().into()),
            ("chain", status.chain_id.clone().into()),
        ],
    ));
    match &status.trusted {
        Some(t) => {
            ui.data(&ui.text(
                "status-trusted",
                &[
                    ("height", t.height.into()),
                    ("hash", t.hash.clone().into()),
                    ("time", time_text(t.time_ms).into()),
                ],
            ));
            if t.too_old {
                ui.say("status-tip-old", &[("minutes", minutes(t.age_ms).into())]);
            }
        }
        None => ui.data(&ui.text("status-not-synced", &[])),
    }
    match &status.root {
        Some(RootView::Checkpoint { checkpoint }) => ui.data(&ui.text(
            "status-root-checkpoint",
            &[("checkpoint", checkpoint.clone().into())],
        )),
        Some(RootView::GenesisFirstUse {
            checkpoint,
            witnesses_agreed,
        }) => {
            // Only a witness that served the same genesis makes it more than
            // the primary's word.
            let id = match witnesses_agreed {
                Some(0) => "status-root-genesis-unwitnessed",
                Some(_) => "status-root-genesis",
                None => "status-root-genesis-earlier",
            };
            ui.data(&ui.text(
                id,
                &[
                    ("checkpoint", checkpoint.clone().into()),
                    ("agreed", witnesses_agreed.unwrap_or(0).into()),
                ],
            ));
        }
        None => {}
    }
    for peer in &status.peers {
        let role = match peer.role {
            PeerRoleView::Primary => ui.text("status-role-primary", &[]),
            PeerRoleView::Witness => ui.text("status-role-witness", &[]),
        };
        let state = peer_state_text(ui, &peer.id, &peer.state);
        match (peer.transport, peer.bucket) {
            (TransportView::P2p, bucket) => ui.data(&ui.text(
                if peer.discovered {
                    "status-peer-p2p-discovered"
                } else {
                    "status-peer-p2p"
                },
                &[
                    ("peer", peer.id.clone().into()),
                    ("role", role.into()),
                    ("bucket", bucket.map_or(-1, i64::from).into()),
                    ("state", state.into()),
                ],
            )),
            (TransportView::Rpc, _) => ui.data(&ui.text(
                "status-peer",
                &[
                    ("peer", peer.id.clone().into()),
                    ("role", role.into()),
                    ("state", state.into()),
                ],
            )),
        }
    }
    match &status.cross_check {
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
    if status.evidence.is_empty() {
        ui.data(&ui.text("status-no-evidence", &[]));
    }
    for path in &status.evidence {
        ui.data(&ui.text("status-evidence", &[("path", path.clone().into())]));
    }
}

/// The address a command is about: `--address` (its network decides the
/// chain), else receive address `index` of the chosen wallet.
pub(super) fn target_address(
    ctx: &WalletContext,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
) -> Result<(WalletContext, Address)> {
    let (network, address) = match address {
        Some(text) => Address::decode_any(text.trim()).map_err(jifen_wallet::WalletError::from)?,
        None => {
            let open = open(ctx, wallet)?;
            (
                open.handle().network()?,
                jifen_wallet::receive::address_at(open.handle(), index)?,
            )
        }
    };
    Ok((
        WalletContext {
            network,
            ..ctx.clone()
        },
        address,
    ))
}

/// `jifen balance`.
pub fn balance(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
    json: bool,
) -> Result<()> {
    let (ctx, address) = target_address(ctx, wallet, address, index)?;
    let session = synced_session(ui, &ctx)?;
    let reader = session.reader();
    let view = balance::balance(&reader, &address).map_err(|e| peers_failed(ui, &reader, e))?;
    if json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "balance-line",
        &[
            ("address", view.address.clone().into()),
            ("amount", amount(&view.balance)),
            ("height", view.proven.height.into()),
            ("hash", short(&view.proven.header_hash).into()),
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

pub(super) fn show_send_progress(ui: &Ui, progress: &SendProgress) {
    match progress.stage {
        SendStage::Submitted => {
            ui.say("send-broadcast", &[("id", progress.tx_id.clone().into())]);
            ui.data(&progress.tx_id);
        }
        SendStage::Waiting | SendStage::Included => {}
    }
}

fn show_receipt(ui: &Ui, receipt: &SendReceipt) {
    ui.say(
        "send-included",
        &[
            ("height", receipt.height.into()),
            ("index", receipt.index.into()),
            ("hash", short(&receipt.proven.header_hash).into()),
        ],
    );
}

/// `jifen send`.
pub fn send(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    password: &PasswordArgs,
    args: &SendArgs<'_>,
) -> Result<()> {
    let mut open = open(ctx, wallet)?;
    let ctx = WalletContext {
        network: open.handle().network()?,
        ..ctx.clone()
    };
    let request = SendRequest {
        to: args.to.to_owned(),
        amount: args.amount.to_owned(),
        fee: args.fee.map(str::to_owned),
        from_index: args.index,
    };
    let mut session = synced_session(ui, &ctx)?;
    let reader = session.reader();
    let facts = open.facts()?;
    let prepared =
        send::prepare(&reader, &facts, &request).map_err(|e| peers_failed(ui, &reader, e))?;
    let review = prepared.review();
    ui.say(
        "send-review",
        &[
            ("from", review.from.clone().into()),
            ("to", review.to.clone().into()),
            ("amount", amount(&review.amount)),
            ("fee", amount(&review.fee)),
            ("total", amount(&review.total)),
            (
                "balance",
                review.balance.as_ref().map_or_else(|| "-".into(), amount),
            ),
            (
                "height",
                review.proven.as_ref().map_or(0, |p| p.height).into(),
            ),
            ("nonce", review.nonce.into()),
            ("chain", review.chain_id.clone().into()),
        ],
    );
    ui.say("send-review-id", &[("id", review.review_id.clone().into())]);
    if !args.yes {
        if !ui.interactive() {
            return Err(UserError::new("cli-send-needs-confirmation").into());
        }
        let answer = ui
            .ask("send-confirm", &[])
            .map_err(|e| UserError::terminal(&e))?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "是" | "好" | "確定" | "确定") {
            ui.say("send-cancelled", &[]);
            return Ok(());
        }
    }
    let keys = unlock(ui, &ctx, &mut open, password, args.no_keyring)?;
    let tx = prepared.sign(keys)?;
    open.lock();
    let receipt = send::broadcast_and_prove(
        &mut session,
        &tx,
        &prepared.sender(),
        Duration::from_secs(args.timeout),
        &mut |progress| show_send_progress(ui, &progress),
        &CancelToken::new(),
    )
    .map_err(|e| peers_failed(ui, &reader, e))?;
    show_receipt(ui, &receipt);
    Ok(())
}

/// `jifen faucet`: devnet only.
pub fn faucet(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    index: u32,
    timeout: u64,
    json: bool,
) -> Result<()> {
    let (ctx, address) = target_address(ctx, wallet, None, index)?;
    let mut session = synced_session(ui, &ctx)?;
    let reader = session.reader();
    let receipt = faucet::request(
        &mut session,
        &address,
        Duration::from_secs(timeout),
        &mut |progress| {
            if !json {
                show_send_progress(ui, &progress);
            }
        },
        &CancelToken::new(),
    )
    .map_err(|e| peers_failed(ui, &reader, e))?;
    if json {
        return print_json(ui, &receipt);
    }
    show_receipt(ui, &receipt);
    ui.data(&ui.text(
        "balance-line",
        &[
            ("address", receipt.balance_after.address.clone().into()),
            ("amount", amount(&receipt.balance_after.balance)),
            ("height", receipt.balance_after.proven.height.into()),
            (
                "hash",
                short(&receipt.balance_after.proven.header_hash).into(),
            ),
        ],
    ));
    Ok(())
}

/// `jifen export-bundle`.
pub fn export_bundle(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    address: Option<&str>,
    index: u32,
    out: &Path,
) -> Result<()> {
    let (ctx, address) = target_address(ctx, wallet, address, index)?;
    let mut session = synced_session(ui, &ctx)?;
    let reader = session.reader();
    let written = audit::export_bundle(&mut session, &address, out)
        .map_err(|e| peers_failed(ui, &reader, e))?;
    ui.say(
        "bundle-written",
        &[
            ("path", written.path.into()),
            ("address", written.address.into()),
            ("headers", written.headers.into()),
        ],
    );
    Ok(())
}

/// `jifen verify-bundle`: offline.
pub fn verify_bundle(
    ui: &Ui,
    ctx: &WalletContext,
    file: &Path,
    checkpoint: Option<&str>,
    address: Option<&str>,
    json: bool,
) -> Result<()> {
    let report = audit::verify_bundle(
        ctx,
        ctx.network,
        audit::RootOf::Disk,
        Source::File(file),
        checkpoint,
        address,
    )?;
    if json {
        return print_json(ui, &report);
    }
    ui.say(
        "bundle-valid",
        &[
            ("root", report.root.clone().into()),
            ("headers", report.headers.into()),
            ("height", report.proven.height.into()),
            ("hash", report.proven.header_hash.clone().into()),
        ],
    );
    match &report.account {
        Some(account) => ui.data(&ui.text(
            "bundle-account",
            &[
                ("key", short(&account.key).into()),
                ("amount", amount(&account.balance)),
                ("nonce", account.nonce.into()),
                ("height", report.proven.height.into()),
            ],
        )),
        None if report.transaction.is_none() => ui.say("bundle-no-value", &[]),
        None => {}
    }
    if let Some(tx) = &report.transaction {
        ui.data(&ui.text(
            "bundle-transaction",
            &[
                ("tx", tx.tx_id.clone().into()),
                (
                    "kind",
                    ui.text(&format!("history-kind-{}", tx.kind), &[]).into(),
                ),
                ("sender", tx.sender.clone().into()),
                ("height", tx.height.into()),
                ("index", tx.index.into()),
                ("code", tx.result_code.into()),
            ],
        ));
    }
    Ok(())
}

/// `jifen verify-evidence`: offline.
pub fn verify_evidence(ui: &Ui, ctx: &WalletContext, file: &Path, json: bool) -> Result<()> {
    let report = audit::verify_evidence(ctx, ctx.network, None, Source::File(file))?;
    if json {
        return print_json(ui, &report);
    }
    let [first, second] = &report.blocks;
    ui.say(
        "evidence-valid",
        &[
            ("height", report.height.into()),
            ("count", report.accountable.len().into()),
            ("power", report.power.into()),
            ("total", report.total_power.into()),
            ("first", short(first).into()),
            ("second", short(second).into()),
        ],
    );
    for address in &report.accountable {
        ui.data(address);
    }
    Ok(())
}

/// `jifen store verify`: offline, every stored block re-verified.
pub fn verify_store(ui: &Ui, ctx: &WalletContext, json: bool) -> Result<()> {
    let report = audit::verify_store(ctx, ctx.network, None)?;
    if json {
        return print_json(ui, &report);
    }
    match (&report.root, &report.latest) {
        (Some(root), Some(latest)) => ui.say(
            "store-valid",
            &[
                ("blocks", report.blocks.into()),
                ("commits", report.commits_checked.into()),
                ("root", root.clone().into()),
                ("height", latest.height.into()),
                ("hash", short(&latest.header_hash).into()),
                ("pivots", report.pivots.into()),
                ("kib", report.bytes.div_ceil(1_024).into()),
                (
                    "pins",
                    u64::try_from(report.pins.len()).unwrap_or(u64::MAX).into(),
                ),
            ],
        ),
        _ => ui.say("store-empty", &[]),
    }
    for pin in &report.pins {
        let heights: Vec<String> = pin.heights.iter().map(u64::to_string).collect();
        ui.data(&ui.text(
            "store-pin",
            &[
                ("id", pin.id.clone().into()),
                ("kind", pin.kind.clone().into()),
                ("heights", heights.join(", ").into()),
            ],
        ));
    }
    Ok(())
}

/// `jifen store unpin`: releases a pin (its blocks go at the next sync).
pub fn unpin(ui: &Ui, ctx: &WalletContext, id: &str) -> Result<()> {
    let mut session = ctx.open_chain(ctx.network)?;
    let pin = audit::unpin(&mut session, id)?;
    ui.say(
        "store-unpinned",
        &[("id", pin.id.into()), ("count", pin.heights.len().into())],
    );
    Ok(())
}

/// `jifen endpoints`: shows, and with options changes, a network's settings.
pub fn endpoints(ui: &Ui, ctx: &WalletContext, args: &EndpointArgs) -> Result<()> {
    let network = args.network.trim().parse().map_err(|_| {
        UserError::new("cli-unknown-network")
            .arg("given", args.network.chars().take(32).collect::<String>())
    })?;
    let mut certificates = String::new();
    for path in &args.trust_cert {
        certificates.push_str(&read_certificates(path)?);
        certificates.push('\n');
    }
    let change = EndpointsChange {
        reset: args.reset,
        primary: args.primary.clone(),
        replace_all: None,
        clear_witnesses: args.clear_witnesses,
        add_witnesses: args.witness.clone(),
        checkpoint: args.checkpoint.clone(),
        clear_checkpoint: args.clear_checkpoint,
        untrust_certificates: args.untrust_certs,
        trust_certificates: (!args.trust_cert.is_empty()).then_some(certificates),
    };
    let view = if change.is_empty() {
        endpoints::show(ctx, network)?
    } else {
        let view = endpoints::change(ctx, network, &change)?;
        ui.say(
            "endpoints-saved",
            &[("network", view.network.to_string().into())],
        );
        view
    };
    if args.json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "status-network",
        &[
            ("network", view.network.to_string().into()),
            ("chain", view.chain_id.clone().into()),
        ],
    ));
    match &view.primary {
        Some(primary) => ui.data(&ui.text("endpoints-primary", &[("url", primary.clone().into())])),
        None => ui.data(&ui.text("endpoints-none", &[])),
    }
    for witness in &view.witnesses {
        ui.data(&ui.text("endpoints-witness", &[("url", witness.clone().into())]));
    }
    match &view.checkpoint {
        Some(c) => ui.data(&ui.text("endpoints-checkpoint", &[("checkpoint", c.clone().into())])),
        None => ui.data(&ui.text("endpoints-genesis", &[])),
    }
    if view.trusted_certificate_count > 0 {
        ui.data(&ui.text(
            "endpoints-trusted-certificates",
            &[("count", view.trusted_certificate_count.into())],
        ));
    }
    if let Some(in_use) = &view.in_use {
        ui.say("endpoints-in-use", &[("urls", in_use.join(", ").into())]);
    }
    Ok(())
}

/// The text of a certificate file given to `--trust-cert`, read no further
/// than the most a network may trust (plus one byte, so a larger file is
/// refused as too large, `lc-cert-too-large`).
fn read_certificates(path: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let io_error = |source| ChainError::FileIo {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(jifen_light_client::MAX_TRUSTED_PEM_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
