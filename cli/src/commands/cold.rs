//! `jifen cold ...` (the offline signer) and `jifen online ...` (the wallet it
//! is paired with): cold signing over QR codes, see `docs/cold-signing.md`.
//!
//! The cold commands never open a network connection. People read on
//! stderr, translated; scripts read stdout (UR texts, request ids,
//! transaction ids).

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use anyhow::Result;
use jifen_crypto::hd::Chain;
use jifen_protocol::{Address, ChainId, Encode, Transfer, TxPayload, UnsignedTransaction};
use jifen_qr::{EncoderSettings, FragmentSize, Payload, QrSymbol, RequestId, UrEncoder, UrType};
use jifen_wallet::chain::{ChainSession, ChainSettings, check_fee, parse_points};
use jifen_wallet::cold::transport::{self, InputEvent, QrInput};
use jifen_wallet::cold::{
    ColdError, PendingStore, Review, ReviewValue, accept_signature, pair_export, pair_import,
    review_request, sign_after_review, start_request,
};
use jifen_wallet::{WalletHandle, WalletStore};

use super::security::unlock;
use crate::args::{ColdCommand, OnlineCommand, QrOutputArgs};
use crate::error::UserError;
use crate::ui::Ui;

/// What the cold device announces as its app version.
const APP_VERSION: &str = concat!("jifen-cli/", env!("CARGO_PKG_VERSION"));
/// Who asks, shown on the cold device's review.
const ORIGIN: &str = concat!("jifen-cli ", env!("CARGO_PKG_VERSION"));
/// Animated frames drawn in the terminal at most (the files hold them all).
const TERMINAL_FRAMES: usize = 1;

/// Runs a `jifen cold` command.
pub fn run_cold(ui: &Ui, store: &WalletStore, command: &ColdCommand) -> Result<()> {
    match command {
        ColdCommand::PairExport {
            wallet,
            chain_id,
            max_fragment,
            output,
        } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let chain_id = ChainId::new(chain_id)?;
            let export = pair_export(store, &handle, &chain_id, APP_VERSION, *max_fragment)?;
            let payload = Payload::Account(export);
            ui.say(
                "cold-paired",
                &[
                    ("wallet", handle.name().into()),
                    ("chain", chain_id.as_str().into()),
                ],
            );
            show_payload(
                ui,
                &payload,
                EncoderSettings::default(),
                None,
                output,
                "jifen-pairing",
                "account",
            )?;
            ui.data(&payload.to_ur());
            Ok(())
        }
        ColdCommand::Sign {
            wallet,
            password,
            no_keyring,
            confirm_fingerprint,
            output,
            inputs,
        } => {
            let mut handle = store.choose(wallet.wallet.as_deref())?;
            let pairing = jifen_wallet::cold::signer::load_pairing(store, &handle)?;
            let payload = read_payload(ui, UrType::SignRequest, inputs).map_err(request_refusal)?;
            let request = payload.into_sign_request()?;
            let review = review_request(&handle, &pairing, request)?;
            show_review(ui, &review);
            let confirmation = match confirm_fingerprint {
                Some(typed) => review.confirm_with_fingerprint(typed)?,
                None if ui.interactive() => {
                    let first = review.fingerprint().to_string();
                    let first = first.split('-').next().unwrap_or_default().to_owned();
                    let typed = ui.ask("cold-confirm-prompt", &[])?;
                    if typed.trim().is_empty() || !typed.trim().eq_ignore_ascii_case(&first) {
                        return Err(ColdError::NotConfirmed.into());
                    }
                    review.confirmed_by_person()
                }
                None => return Err(UserError::new("cold-confirmation-required").into()),
            };
            let unlocked = unlock(ui, &mut handle, password, *no_keyring)?;
            let answer = sign_after_review(&review, confirmation, &unlocked)?;
            drop(unlocked);
            let payload = Payload::Signature(answer);
            ui.say(
                "cold-signed",
                &[
                    ("id", review.request_id().to_string().into()),
                    ("fingerprint", review.fingerprint().to_string().into()),
                ],
            );
            show_payload(
                ui,
                &payload,
                EncoderSettings::default(),
                None,
                output,
                "jifen-signature",
                "signature",
            )?;
            ui.data(&payload.to_ur());
            Ok(())
        }
    }
}

/// A request that does not decode because of an unknown transaction kind is
/// the device's own refusal, not a transport error.
fn request_refusal(error: anyhow::Error) -> anyhow::Error {
    match error.downcast::<ColdError>() {
        Ok(ColdError::Payload(e)) => jifen_wallet::cold::signer::refusal_of(e).into(),
        Ok(other) => other.into(),
        Err(other) => other,
    }
}

/// Runs a `jifen online` command.
pub fn run_online(
    ui: &Ui,
    store: &WalletStore,
    data_dir: &Path,
    command: &OnlineCommand,
) -> Result<()> {
    match command {
        OnlineCommand::PairImport { name, inputs } => {
            let payload = read_payload(ui, UrType::Account, inputs)?;
            let export = payload.into_account()?;
            let handle = pair_import(store, name, &export)?;
            let summary = handle.summary()?;
            ui.say(
                "cold-pair-imported",
                &[
                    ("name", handle.name().into()),
                    ("network", summary.network.to_string().into()),
                    (
                        "chain",
                        export
                            .chain_id
                            .as_ref()
                            .map_or_else(|| "-".to_owned(), |c| c.as_str().to_owned())
                            .into(),
                    ),
                ],
            );
            ui.data(&summary.first_address.encode(summary.network));
            Ok(())
        }
        OnlineCommand::Request {
            wallet,
            to,
            amount,
            fee,
            index,
            nonce,
            fragment_size,
            frames,
            output,
        } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let network = handle.network()?;
            let to = Address::decode(to, network)?;
            let amount = parse_points(amount)?;
            let fee = parse_points(fee)?;
            check_fee(fee)?;
            let sender = handle.account()?.public_key(Chain::Receive, *index)?;
            let chain_id = paired_chain(&handle, network)?;
            let unsigned = match nonce {
                Some(nonce) => UnsignedTransaction::new(
                    chain_id,
                    sender,
                    *nonce,
                    fee,
                    TxPayload::Transfer(Transfer { to, amount }),
                ),
                None => {
                    let mut session = open_session(ui, data_dir, &handle, &chain_id)?;
                    session.build_transfer(sender, to, amount, fee)?.unsigned
                }
            };
            let pending = PendingStore::new(store, handle.name());
            let (request, _) = start_request(
                &pending,
                &handle,
                Chain::Receive,
                *index,
                unsigned,
                Some(ORIGIN.to_owned()),
            )?;
            let fingerprint = jifen_wallet::cold::RequestFingerprint::of(&request);
            let settings = EncoderSettings {
                fragment_size: match fragment_size {
                    Some(size) => parse_fragment_size(size)?,
                    None => FragmentSize::largest_within(
                        handle
                            .watch_only_record()
                            .map_or(200, |r| r.max_fragment_len),
                    ),
                },
                ..EncoderSettings::default()
            };
            ui.say(
                "cold-request-made",
                &[
                    ("id", request.request_id.to_string().into()),
                    ("fingerprint", fingerprint.to_string().into()),
                ],
            );
            show_payload(
                ui,
                &Payload::SignRequest(request.clone()),
                settings,
                *frames,
                output,
                "jifen-request",
                "request",
            )?;
            ui.data(&request.request_id.to_string());
            Ok(())
        }
        OnlineCommand::Accept {
            wallet,
            broadcast,
            inputs,
        } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let payload = read_payload(ui, UrType::Signature, inputs)?;
            let response = payload.into_signature()?;
            let pending = PendingStore::new(store, handle.name());
            let tx = accept_signature(&pending, &handle, &response)?;
            ui.say(
                "cold-signature-accepted",
                &[
                    ("id", response.request_id.to_string().into()),
                    ("tx", tx.id().to_string().into()),
                ],
            );
            if *broadcast {
                broadcast_request(ui, data_dir, &handle, &pending, &response.request_id, 60)?;
            } else {
                ui.data(&hex::encode(tx.encode()));
            }
            Ok(())
        }
        OnlineCommand::Broadcast {
            wallet,
            request,
            timeout,
        } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let pending = PendingStore::new(store, handle.name());
            let id = match request {
                Some(text) => parse_request_id(text)?,
                None => {
                    let signed: Vec<_> = pending
                        .list()?
                        .into_iter()
                        .filter(|p| p.signed_transaction.is_some())
                        .collect();
                    match signed.as_slice() {
                        [only] => parse_request_id(&only.request_id)?,
                        _ => {
                            return Err(UserError::new("cold-request-not-chosen")
                                .arg("count", signed.len())
                                .into());
                        }
                    }
                }
            };
            broadcast_request(ui, data_dir, &handle, &pending, &id, *timeout)
        }
        OnlineCommand::Pending { wallet } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let pending = PendingStore::new(store, handle.name());
            let list = pending.list()?;
            if list.is_empty() {
                ui.say("cold-pending-none", &[("wallet", handle.name().into())]);
            }
            for record in list {
                let state = if record.signed_transaction.is_some() {
                    ui.text("cold-pending-signed", &[])
                } else {
                    ui.text("cold-pending-waiting", &[])
                };
                ui.data(&ui.text(
                    "cold-pending-row",
                    &[
                        ("id", record.request_id.clone().into()),
                        ("fingerprint", record.fingerprint()?.to_string().into()),
                        ("state", state.into()),
                    ],
                ));
            }
            Ok(())
        }
        OnlineCommand::Discard { wallet, request_id } => {
            let handle = store.choose(wallet.wallet.as_deref())?;
            let id = parse_request_id(request_id)?;
            let pending = PendingStore::new(store, handle.name());
            let record = pending.discard(&id)?;
            // A damaged record is discarded too; it just has no fingerprint.
            let fingerprint = record
                .fingerprint()
                .map_or_else(|_| "-".to_owned(), |f| f.to_string());
            ui.say(
                "cold-discarded",
                &[
                    ("id", record.request_id.clone().into()),
                    ("fingerprint", fingerprint.into()),
                ],
            );
            ui.data(&record.request_id);
            Ok(())
        }
    }
}

/// The chain a watch-only wallet was paired for, else the network's default.
fn paired_chain(handle: &WalletHandle, network: jifen_protocol::Network) -> Result<ChainId> {
    match handle
        .watch_only_record()
        .and_then(|r| r.chain_id.as_deref())
    {
        Some(chain) => Ok(ChainId::new(chain)?),
        None => Ok(jifen_wallet::chain::settings::default_chain_id(network)?),
    }
}

/// Opens and syncs the chain session, refusing one for another chain than
/// the wallet was paired for.
fn open_session(
    ui: &Ui,
    data_dir: &Path,
    handle: &WalletHandle,
    chain_id: &ChainId,
) -> Result<ChainSession> {
    let settings = ChainSettings::load(data_dir, handle.network()?)?;
    if settings.chain_id() != chain_id {
        return Err(ColdError::WrongChain {
            paired: chain_id.as_str().to_owned(),
            got: settings.chain_id().as_str().to_owned(),
        }
        .into());
    }
    let mut session = ChainSession::open(data_dir, &settings)?;
    ui.say("cold-syncing", &[]);
    session.sync(&mut |_| {}, &AtomicBool::new(false))?;
    Ok(session)
}

fn broadcast_request(
    ui: &Ui,
    data_dir: &Path,
    handle: &WalletHandle,
    pending: &PendingStore,
    id: &RequestId,
    timeout_secs: u64,
) -> Result<()> {
    let record = pending
        .load(id)?
        .ok_or_else(|| ColdError::UnknownRequest { id: id.to_string() })?;
    let tx = record
        .signed()?
        .ok_or_else(|| ColdError::NotSigned { id: id.to_string() })?;
    let mut session = open_session(ui, data_dir, handle, &tx.unsigned.chain_id)?;
    let tx_id = session.broadcast(&tx)?;
    ui.say("cold-broadcast", &[("tx", tx_id.to_string().into())]);
    let inclusion = session.wait_inclusion(
        &tx_id,
        Duration::from_secs(timeout_secs),
        &AtomicBool::new(false),
    )?;
    jifen_wallet::chain::session::check_result(&tx_id, &inclusion)?;
    pending.remove(id)?;
    ui.say(
        "cold-included",
        &[
            ("tx", tx_id.to_string().into()),
            ("height", inclusion.height.into()),
        ],
    );
    ui.data(&tx_id.to_string());
    Ok(())
}

fn parse_request_id(text: &str) -> Result<RequestId> {
    Ok(jifen_wallet::cold::parse_request_id(text)?)
}

fn parse_fragment_size(text: &str) -> Result<FragmentSize> {
    match text {
        "small" => Ok(FragmentSize::Small),
        "medium" => Ok(FragmentSize::Medium),
        "large" => Ok(FragmentSize::Large),
        other => Err(UserError::new("cold-bad-fragment-size")
            .arg("size", other.chars().take(32).collect::<String>())
            .into()),
    }
}

/// Reads a payload of `expected` type from the inputs, showing progress.
fn read_payload(ui: &Ui, expected: UrType, paths: &[PathBuf]) -> Result<Payload> {
    let mut inputs = Vec::new();
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if files.len() != paths.len() {
        let mut text = String::new();
        std::io::stdin()
            .lock()
            .take(transport::MAX_TEXT_INPUT_BYTES)
            .read_to_string(&mut text)?;
        inputs.push(QrInput::Text(text));
    }
    inputs.extend(transport::collect_inputs(&files)?);
    let mut last_percent = None;
    let payload = transport::receive(expected, &inputs, &mut |event| match event {
        InputEvent::Progress(p) => {
            let percent = p.percent();
            if last_percent != Some(percent) {
                last_percent = Some(percent);
                ui.say(
                    "cold-progress",
                    &[
                        ("percent", u32::from(percent).into()),
                        ("resolved", p.fragments_resolved.into()),
                        ("total", p.fragments_total.into()),
                    ],
                );
            }
        }
        InputEvent::NoCode(path) => ui.say(
            "cold-no-code",
            &[("path", path.display().to_string().into())],
        ),
        InputEvent::Ignored(code) => ui.say(
            "cold-frame-ignored",
            &[("reason", ui.text(code, &[]).into())],
        ),
    })?;
    Ok(payload)
}

/// Shows every line of a review, then the fingerprint.
fn show_review(ui: &Ui, review: &Review) {
    ui.say("cold-review-title", &[]);
    for line in review.lines() {
        let value = match &line.value {
            ReviewValue::Message(id) => ui.text(id, &[]),
            ReviewValue::Amount(amount) => ui.text(
                "cold-amount",
                &[
                    ("amount", amount.units().into()),
                    ("asset", amount.asset.symbol().into()),
                ],
            ),
            other => other.plain(),
        };
        ui.say(
            "cold-review-line",
            &[
                ("label", ui.text(line.label, &[]).into()),
                ("value", value.into()),
            ],
        );
    }
    ui.say(
        "cold-review-fingerprint",
        &[("fingerprint", review.fingerprint().to_string().into())],
    );
}

/// Writes the payload's frames as PNG files (into `--out`, else `default_dir`)
/// and draws the first frame in the terminal when asked (or when the person
/// is at a terminal and gave no directory).
fn show_payload(
    ui: &Ui,
    payload: &Payload,
    settings: EncoderSettings,
    frames: Option<usize>,
    output: &QrOutputArgs,
    default_dir: &str,
    stem: &str,
) -> Result<()> {
    let dir = output
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_dir));
    let pngs = transport::render_frames(payload, settings, frames)?;
    let paths = transport::write_frames(&dir, stem, &pngs)?;
    let encoder = UrEncoder::new(payload, settings)?;
    ui.say(
        "cold-frames-written",
        &[
            ("count", paths.len().into()),
            ("fragments", encoder.fragment_count().into()),
            ("dir", dir.display().to_string().into()),
            ("fps", u32::from(settings.frame_rate.fps()).into()),
        ],
    );
    if output.terminal || (output.out.is_none() && std::io::stderr().is_terminal()) {
        let mut encoder = encoder;
        for _ in 0..TERMINAL_FRAMES {
            let symbol: QrSymbol = encoder.next_qr()?;
            eprint!("{}", symbol.to_terminal(false));
        }
        if !encoder.is_single_part() {
            ui.say(
                "cold-terminal-animated",
                &[("dir", dir.display().to_string().into())],
            );
        }
    }
    Ok(())
}
