//! `jifen cold ...` (the offline signer) and `jifen online ...` (the wallet it
//! is paired with): cold signing over QR codes, see `docs/cold-signing.md`,
//! over `jifen_wallet::cold::{device, requests}`.
//!
//! The cold commands never open a network connection. People read on
//! stderr, translated; scripts read stdout (UR texts, request ids,
//! transaction ids).

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_qr::{FragmentSize, QrSymbol};
use jifen_wallet::cold::device::{self, Confirm};
use jifen_wallet::cold::requests::{self, NonceSource};
use jifen_wallet::cold::transport::{self, FRAME_MODULE_PX, InputEvent, QrInput};
use jifen_wallet::cold::views::{ColdReviewView, PendingState, ReviewValueKind};
use jifen_wallet::send::{INCLUSION_TIMEOUT, SendProgress, SendRequest, SendStage};
use jifen_wallet::wallets::WalletFacts;
use jifen_wallet::{CancelToken, QrCodeView, WalletContext};

use super::security::{open, unlock};
use super::sync_for_wallet;
use crate::args::{ColdCommand, OnlineCommand, QrOutputArgs};
use crate::error::{Result, UserError, describe_view};
use crate::ui::Ui;

/// Runs a `jifen cold` command.
pub fn run_cold(ui: &Ui, ctx: &WalletContext, command: &ColdCommand) -> Result<()> {
    match command {
        ColdCommand::PairExport {
            wallet,
            chain_id,
            max_fragment,
            output,
        } => {
            let open = open(ctx, wallet)?;
            let export = device::export_pairing(ctx, &open, Some(chain_id), *max_fragment)?;
            ui.say(
                "cold-paired",
                &[
                    ("wallet", open.name().into()),
                    ("chain", export.chain_id.clone().into()),
                ],
            );
            show_code(ui, &export.qr, output, "jifen-pairing", "account")?;
            print_parts(ui, &export.qr);
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
            let mut open = open(ctx, wallet)?;
            let inputs = read_inputs(inputs)?;
            let review = device::review(ctx, &mut open, &inputs, &mut progress(ui))?;
            show_review(ui, &review);
            // The review was shown; now the person (or the script) confirms it.
            let typed = match confirm_fingerprint {
                Some(typed) => Some(typed.clone()),
                None if ui.interactive() => None,
                None => return Err(UserError::new("cold-confirmation-required").into()),
            };
            let first_group = match typed {
                Some(_) => None,
                None => Some(
                    ui.ask("cold-confirm-prompt", &[])
                        .map_err(|e| UserError::terminal(&e))?,
                ),
            };
            unlock(ui, ctx, &mut open, password, *no_keyring)?;
            let signature = match (&typed, &first_group) {
                (Some(full), _) => device::sign(&mut open, Confirm::Fingerprint(full))?,
                (None, Some(first)) => device::sign(&mut open, Confirm::FirstGroup(first))?,
                (None, None) => return Err(UserError::new("cold-confirmation-required").into()),
            };
            open.lock();
            ui.say(
                "cold-signed",
                &[
                    ("id", signature.request_id.clone().into()),
                    ("fingerprint", signature.fingerprint.clone().into()),
                ],
            );
            show_code(ui, &signature.qr, output, "jifen-signature", "signature")?;
            print_parts(ui, &signature.qr);
            Ok(())
        }
    }
}

/// Runs a `jifen online` command.
pub fn run_online(ui: &Ui, ctx: &WalletContext, command: &OnlineCommand) -> Result<()> {
    match command {
        OnlineCommand::PairImport { name, inputs } => {
            let inputs = read_inputs(inputs)?;
            let open = requests::import_pairing(ctx, name, &inputs, &mut progress(ui))?;
            let view = open.view()?;
            ui.say(
                "cold-pair-imported",
                &[
                    ("name", view.name.clone().into()),
                    ("network", view.network.to_string().into()),
                    (
                        "chain",
                        view.paired_chain
                            .clone()
                            .unwrap_or_else(|| "-".to_owned())
                            .into(),
                    ),
                ],
            );
            ui.data(&view.address);
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
            let open = open(ctx, wallet)?;
            let facts = open.facts()?;
            let request = SendRequest {
                to: to.clone(),
                amount: amount.clone(),
                fee: Some(fee.clone()),
                from_index: *index,
            };
            let fragment = fragment_size
                .as_deref()
                .map(parse_fragment_size)
                .transpose()?;
            let view = match nonce {
                Some(nonce) => requests::make_request(
                    ctx,
                    &facts,
                    &request,
                    NonceSource::Given(*nonce),
                    fragment,
                    *frames,
                )?,
                None => {
                    let session = sync_for_wallet(ui, ctx, facts.network)?;
                    requests::make_request(
                        ctx,
                        &facts,
                        &request,
                        NonceSource::Proven(&session.reader()),
                        fragment,
                        *frames,
                    )?
                }
            };
            ui.say(
                "cold-request-made",
                &[
                    ("id", view.request_id.clone().into()),
                    ("fingerprint", view.fingerprint.clone().into()),
                ],
            );
            show_code(ui, &view.qr, output, "jifen-request", "request")?;
            ui.data(&view.request_id);
            Ok(())
        }
        OnlineCommand::Accept {
            wallet,
            broadcast,
            inputs,
        } => {
            let facts = open(ctx, wallet)?.facts()?;
            let inputs = read_inputs(inputs)?;
            let (accepted, id) = requests::accept(ctx, &facts, &inputs, &mut progress(ui))?;
            ui.say(
                "cold-signature-accepted",
                &[
                    ("id", accepted.request_id.clone().into()),
                    ("tx", accepted.tx_id.clone().into()),
                ],
            );
            if *broadcast {
                broadcast_request(ui, ctx, &facts, &id, INCLUSION_TIMEOUT)
            } else {
                ui.data(&accepted.transaction);
                Ok(())
            }
        }
        OnlineCommand::Broadcast {
            wallet,
            request,
            timeout,
        } => {
            let facts = open(ctx, wallet)?.facts()?;
            let id = requests::signed_request(ctx, &facts, request.as_deref())?;
            broadcast_request(ui, ctx, &facts, &id, Duration::from_secs(*timeout))
        }
        OnlineCommand::Pending { wallet, online } => {
            let facts = open(ctx, wallet)?.facts()?;
            // With `--online`, each request says whether its nonce is used
            // on chain (a sync first); without, no network is used.
            let session = if *online {
                Some(sync_for_wallet(ui, ctx, facts.network)?)
            } else {
                None
            };
            let reader = session.as_ref().map(|s| s.reader());
            let list = requests::pending(ctx, &facts, reader.as_ref())?;
            if list.is_empty() {
                ui.say(
                    "cold-pending-none",
                    &[("wallet", facts.name.clone().into())],
                );
            }
            for row in list {
                let state = match (&row.error, row.state, row.superseded) {
                    (Some(error), _, _) => ui.text(
                        "cold-pending-damaged",
                        &[("reason", describe_view(ui.catalog(), error).into())],
                    ),
                    (None, _, Some(true)) => ui.text("cold-pending-superseded", &[]),
                    (None, Some(PendingState::Signed), _) => ui.text("cold-pending-signed", &[]),
                    (None, Some(PendingState::Waiting) | None, _) => {
                        ui.text("cold-pending-waiting", &[])
                    }
                };
                ui.data(
                    &ui.text(
                        "cold-pending-row",
                        &[
                            ("id", row.request_id.clone().into()),
                            (
                                "fingerprint",
                                row.fingerprint
                                    .clone()
                                    .unwrap_or_else(|| "-".to_owned())
                                    .into(),
                            ),
                            ("state", state.into()),
                        ],
                    ),
                );
            }
            Ok(())
        }
        OnlineCommand::Discard { wallet, request_id } => {
            let facts = open(ctx, wallet)?.facts()?;
            let discarded = requests::discard(ctx, &facts, request_id)?;
            ui.say(
                "cold-discarded",
                &[
                    ("id", discarded.request_id.clone().into()),
                    (
                        "fingerprint",
                        discarded
                            .fingerprint
                            .unwrap_or_else(|| "-".to_owned())
                            .into(),
                    ),
                ],
            );
            ui.data(&discarded.request_id);
            Ok(())
        }
    }
}

fn broadcast_request(
    ui: &Ui,
    ctx: &WalletContext,
    facts: &WalletFacts,
    id: &jifen_qr::RequestId,
    timeout: Duration,
) -> Result<()> {
    let mut session = sync_for_wallet(ui, ctx, facts.network)?;
    let receipt = requests::broadcast(
        ctx,
        &mut session,
        facts,
        id,
        timeout,
        &mut |progress: SendProgress| {
            if progress.stage == SendStage::Submitted {
                ui.say("cold-broadcast", &[("tx", progress.tx_id.into())]);
            }
        },
        &CancelToken::new(),
    )?;
    ui.say(
        "cold-included",
        &[
            ("tx", receipt.tx_id.clone().into()),
            ("height", receipt.height.into()),
        ],
    );
    ui.data(&receipt.tx_id);
    Ok(())
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

/// Image files, directories of them, text files of UR parts, and `-` for
/// UR parts on stdin (separated by any white space).
fn read_inputs(paths: &[PathBuf]) -> Result<Vec<QrInput>> {
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
            .read_to_string(&mut text)
            .map_err(|e| UserError::terminal(&e))?;
        inputs.push(QrInput::Text(text));
    }
    inputs.extend(transport::collect_inputs(&files)?);
    Ok(inputs)
}

/// Shows how far the reading of the codes got.
fn progress(ui: &Ui) -> impl FnMut(&InputEvent) + '_ {
    let mut last_percent = None;
    move |event| match event {
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
    }
}

/// Shows every line of a review, then the fingerprint.
fn show_review(ui: &Ui, review: &ColdReviewView) {
    ui.say("cold-review-title", &[]);
    for line in &review.lines {
        let value = match line.kind {
            ReviewValueKind::Message => ui.text(&line.value, &[]),
            ReviewValueKind::Amount
            | ReviewValueKind::Address
            | ReviewValueKind::Text
            | ReviewValueKind::Number => line.value.clone(),
        };
        ui.say(
            "cold-review-line",
            &[
                ("label", ui.text(&line.label, &[]).into()),
                ("value", value.into()),
            ],
        );
    }
    ui.say(
        "cold-review-fingerprint",
        &[("fingerprint", review.fingerprint.clone().into())],
    );
}

/// The whole message as one UR text on stdout, for scripts.
fn print_parts(ui: &Ui, code: &QrCodeView) {
    ui.data(&code.text);
}

/// Writes the code's frames as PNG files (into `--out`, else `default_dir`)
/// and draws the first frame in the terminal when asked (or when the person
/// is at a terminal and gave no directory).
pub(super) fn show_code(
    ui: &Ui,
    code: &QrCodeView,
    output: &QrOutputArgs,
    default_dir: &str,
    stem: &str,
) -> Result<()> {
    let dir = output
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_dir));
    let paths = requests::save_frames(&dir, stem, &code.parts, FRAME_MODULE_PX)?;
    ui.say(
        "cold-frames-written",
        &[
            ("count", paths.len().into()),
            ("fragments", code.fragments.into()),
            ("dir", dir.display().to_string().into()),
            ("fps", u32::from(code.fps).into()),
        ],
    );
    if output.terminal || (output.out.is_none() && std::io::stderr().is_terminal()) {
        if let Some(first) = code.parts.first() {
            let symbol = QrSymbol::for_ur(first).map_err(jifen_wallet::cold::ColdError::from)?;
            eprint!("{}", symbol.to_terminal(false));
        }
        if code.parts.len() > 1 {
            terminal_animated(ui, &dir);
        }
    }
    Ok(())
}

fn terminal_animated(ui: &Ui, dir: &Path) {
    ui.say(
        "cold-terminal-animated",
        &[("dir", dir.display().to_string().into())],
    );
}
