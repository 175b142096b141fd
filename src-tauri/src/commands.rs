//! The IPC commands: each takes the argument type and returns the result
//! type its [`Command`] declares, and forwards to one
//! wallet use case: on the engine thread (anything that needs the keys),
//! on the chain worker (long chain jobs, each with its own cancel token), or
//! on a blocking thread with the open wallet's public facts and the chain
//! reader (reads and preparations that never wait behind a job or the
//! engine). Errors reach the webview as `{code, args}`.

use std::sync::Arc;

use jifen_wallet::audit::{self, RootOf, Source};
use jifen_wallet::cold::requests::{self, NonceSource};
use jifen_wallet::send::{self, INCLUSION_TIMEOUT};
use jifen_wallet::sync::{self as sync_flow, JobKind, SyncEventView};
use jifen_wallet::{balance, endpoints, faucet, scan, sign_message};
use tauri::State;
use tauri::ipc::Channel;

use crate::api::{self, Command, Nothing};
use crate::chain::ChainService;
use crate::engine::Engine;
use crate::error::{AppError, AppRefusal};
use crate::qr;
use crate::state::{Public, image_inputs};

type Args<C> = <C as Command>::Args;
type Events<C> = Channel<<C as Command>::Event>;
type Out<C> = Result<<C as Command>::Output, AppError>;

/// Runs blocking work (a proven read, a file, an image) off the async runtime.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| AppError::of(&AppRefusal::EngineStopped))?
}

/// Start-up facts: version, network, mode, saved language, wallets.
#[tauri::command]
pub async fn app_info(engine: State<'_, Engine>) -> Out<api::AppInfoCmd> {
    engine.call(|s| s.app_info()).await
}

/// The wallets in the data directory.
#[tauri::command]
pub async fn list_wallets(engine: State<'_, Engine>) -> Out<api::ListWalletsCmd> {
    engine.call(|s| s.list_wallets()).await
}

/// Creates a wallet with new words and opens it.
#[tauri::command]
pub async fn create_wallet(
    engine: State<'_, Engine>,
    args: Args<api::CreateWalletCmd>,
) -> Out<api::CreateWalletCmd> {
    engine.call(move |s| s.create_wallet(&args)).await
}

/// Restores a wallet from its words and opens it.
#[tauri::command]
pub async fn restore_wallet(
    engine: State<'_, Engine>,
    args: Args<api::RestoreWalletCmd>,
) -> Out<api::RestoreWalletCmd> {
    engine.call(move |s| s.restore_wallet(&args)).await
}

/// Unlocks a wallet.
#[tauri::command]
pub async fn unlock(engine: State<'_, Engine>, args: Args<api::UnlockCmd>) -> Out<api::UnlockCmd> {
    engine
        .call(move |s| s.unlock(&args.name, &args.password))
        .await
}

/// Opens a watch-only wallet (no password: its keys are on the cold device).
#[tauri::command]
pub async fn open_watch_only(
    engine: State<'_, Engine>,
    args: Args<api::OpenWatchOnlyCmd>,
) -> Out<api::OpenWatchOnlyCmd> {
    engine.call(move |s| s.open_watch_only(&args.name)).await
}

/// Closes the open wallet.
#[tauri::command]
pub async fn lock(engine: State<'_, Engine>) -> Out<api::LockCmd> {
    engine
        .call(|s| {
            s.lock();
            Ok(Nothing)
        })
        .await
}

/// The open wallet.
#[tauri::command]
pub async fn wallet_overview(engine: State<'_, Engine>) -> Out<api::WalletOverviewCmd> {
    engine.call(|s| s.wallet_overview()).await
}

/// The words for the one backup display (password again), with the check.
#[tauri::command]
pub async fn reveal_words(
    engine: State<'_, Engine>,
    args: Args<api::RevealWordsCmd>,
) -> Out<api::RevealWordsCmd> {
    engine.call(move |s| s.reveal_words(&args.password)).await
}

/// Starts a backup check (password again).
#[tauri::command]
pub async fn backup_challenge(
    engine: State<'_, Engine>,
    args: Args<api::BackupChallengeCmd>,
) -> Out<api::BackupChallengeCmd> {
    engine
        .call(move |s| s.backup_challenge(&args.password))
        .await
}

/// Types the password again before signing (the app's re-authentication
/// window, ADR 0012).
#[tauri::command]
pub async fn reauthenticate(
    engine: State<'_, Engine>,
    args: Args<api::ReauthenticateCmd>,
) -> Out<api::ReauthenticateCmd> {
    engine
        .call(move |s| s.reauthenticate(&args.password).map(|()| Nothing))
        .await
}

/// Checks the typed words of the backup check.
#[tauri::command]
pub async fn backup_check(
    engine: State<'_, Engine>,
    args: Args<api::BackupCheckCmd>,
) -> Out<api::BackupCheckCmd> {
    engine.call(move |s| s.backup_check(&args.answers)).await
}

/// A receive address (render it with `render_qr`).
#[tauri::command]
pub async fn receive(
    public: State<'_, Arc<Public>>,
    args: Args<api::ReceiveCmd>,
) -> Out<api::ReceiveCmd> {
    let facts = public.facts()?;
    blocking(move || Ok(jifen_wallet::receive::view_of(&facts, args.index)?)).await
}

/// Signs a message with a receive address's key (the wallet must be unlocked).
#[tauri::command]
pub async fn sign_message(
    engine: State<'_, Engine>,
    args: Args<api::SignMessageCmd>,
) -> Out<api::SignMessageCmd> {
    engine
        .call(move |s| s.sign_message(args.index, &args.message))
        .await
}

/// Checks a message signature (no wallet needed).
#[tauri::command]
pub async fn verify_message(args: Args<api::VerifyMessageCmd>) -> Out<api::VerifyMessageCmd> {
    blocking(move || {
        Ok(sign_message::verify(
            &args.address,
            &args.signature,
            &args.message,
        )?)
    })
    .await
}

/// Saves the UI language.
#[tauri::command]
pub async fn set_language(
    engine: State<'_, Engine>,
    args: Args<api::SetLanguageCmd>,
) -> Out<api::SetLanguageCmd> {
    engine
        .call(move |s| s.set_language(&args.tag).map(|()| Nothing))
        .await
}

/// Switches between online wallet and offline cold-signer use; going
/// offline cancels every chain job and closes the session.
#[tauri::command]
pub async fn set_mode(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::SetModeCmd>,
) -> Out<api::SetModeCmd> {
    let info = engine.call(move |s| s.set_mode(args.mode)).await?;
    if info.mode == crate::settings::AppMode::ColdSigner {
        chain.close();
    }
    Ok(info)
}

/// Changes the wallet password.
#[tauri::command]
pub async fn change_password(
    engine: State<'_, Engine>,
    args: Args<api::ChangePasswordCmd>,
) -> Out<api::ChangePasswordCmd> {
    engine
        .call(move |s| s.change_password(&args.old, &args.new))
        .await
}

/// Re-measures this machine and re-wraps the key with new Argon2id parameters.
#[tauri::command]
pub async fn recalibrate_kdf(
    engine: State<'_, Engine>,
    args: Args<api::RecalibrateKdfCmd>,
) -> Out<api::RecalibrateKdfCmd> {
    engine
        .call(move |s| s.recalibrate_kdf(&args.password))
        .await
}

/// Adds the OS-keyring slot.
#[tauri::command]
pub async fn keyring_enable(
    engine: State<'_, Engine>,
    args: Args<api::KeyringEnableCmd>,
) -> Out<api::KeyringEnableCmd> {
    engine.call(move |s| s.keyring_enable(&args.password)).await
}

/// Removes the OS-keyring slot.
#[tauri::command]
pub async fn keyring_disable(engine: State<'_, Engine>) -> Out<api::KeyringDisableCmd> {
    engine.call(|s| s.keyring_disable()).await
}

/// What the light client knows now, as last published (no network request).
#[tauri::command]
pub async fn chain_status(chain: State<'_, ChainService>) -> Out<api::ChainStatusCmd> {
    Ok(chain.worker()?.current_status())
}

/// Streams the chain status to `on_progress` whenever it changes (after
/// every job, while a sync runs, when jobs are queued or cancelled), until
/// the window stops listening.
#[tauri::command]
pub async fn watch_chain(
    chain: State<'_, ChainService>,
    on_progress: Events<api::WatchChainCmd>,
) -> Out<api::WatchChainCmd> {
    let mut updates = chain.worker()?.subscribe();
    let first = updates.borrow_and_update().clone();
    if on_progress.send(first).is_ok() {
        tauri::async_runtime::spawn(async move {
            while updates.changed().await.is_ok() {
                let status = updates.borrow_and_update().clone();
                if on_progress.send(status).is_err() {
                    break;
                }
            }
        });
    }
    Ok(Nothing)
}

/// Syncs to the tip, then audits every followed subchain up to it, on the
/// chain worker (job `sync`); the sync's progress goes into the published
/// status and to `on_progress`, the audits' progress to `on_progress`;
/// `cancel {job: "sync"}` stops both. A subchain audit that fails does not
/// undo the sync (`subchain_error`).
#[tauri::command]
pub async fn sync(
    chain: State<'_, ChainService>,
    on_progress: Events<api::SyncCmd>,
) -> Out<api::SyncCmd> {
    let events = on_progress.clone();
    let handle = chain
        .worker()?
        .run(JobKind::Sync, move |session, feed, cancel| {
            sync_flow::sync_and_audit(
                session,
                &mut |event| {
                    if let SyncEventView::Progress(progress) = &event {
                        feed.syncing(progress.clone());
                    }
                    // A closed window only loses the progress messages.
                    let _ = events.send(crate::subchains::SyncJobEvent::Sync(event));
                },
                &mut |progress| {
                    let _ = on_progress
                        .send(crate::subchains::SyncJobEvent::Subchain(progress.clone()));
                },
                cancel,
            )
        })?;
    Ok(handle.wait().await??)
}

/// Cancels the first job of one kind (the running one, else the next queued);
/// never a job of another kind.
#[tauri::command]
pub async fn cancel(
    chain: State<'_, ChainService>,
    args: Args<api::CancelCmd>,
) -> Out<api::CancelCmd> {
    chain.cancel(args.job);
    Ok(Nothing)
}

/// The open wallet's balance, proven at the verified head. Answers at once,
/// also while a sync runs (`lc-client-no-trusted-state` before the first).
#[tauri::command]
pub async fn balance(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
) -> Out<api::BalanceCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    blocking(move || Ok(balance::balance(&reader, &facts.address(0)?)?)).await
}

/// Prepares a send against the proven balance and nonce and keeps it for
/// the person to confirm by its review id.
#[tauri::command]
pub async fn review_send(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewSendCmd>,
) -> Out<api::ReviewSendCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    let prepared = blocking(move || Ok(send::prepare(&reader, &facts, &args)?)).await?;
    engine.call(move |s| s.keep_send(prepared)).await
}

/// Signs exactly the reviewed send (on the engine, which holds the keys),
/// then broadcasts it and waits for its proven inclusion on the chain worker
/// (job `send`).
#[tauri::command]
pub async fn send(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::SendCmd>,
    on_progress: Events<api::SendCmd>,
) -> Out<api::SendCmd> {
    chain.check_online()?;
    let signed = engine.call(move |s| s.sign_send(&args.review_id)).await?;
    chain
        .job(JobKind::Send, move |session, cancel| {
            send::broadcast_and_prove(
                session,
                &signed.tx,
                &signed.sender,
                INCLUSION_TIMEOUT,
                &mut |progress| {
                    let _ = on_progress.send(progress);
                },
                cancel,
            )
        })
        .await
}

/// Devnet only: 100 test POINT to the open wallet, proven arrived.
#[tauri::command]
pub async fn faucet(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    on_progress: Events<api::FaucetCmd>,
) -> Out<api::FaucetCmd> {
    let address = public.facts()?.address(0)?;
    chain
        .job(JobKind::Faucet, move |session, cancel| {
            faucet::request(
                session,
                &address,
                INCLUSION_TIMEOUT,
                &mut |progress| {
                    let _ = on_progress.send(progress);
                },
                cancel,
            )
        })
        .await
}

/// The network's saved endpoints and checkpoint.
#[tauri::command]
pub async fn endpoints(chain: State<'_, ChainService>) -> Out<api::EndpointsCmd> {
    let ctx = chain.context();
    blocking(move || Ok(endpoints::show(&ctx, ctx.network)?)).await
}

/// Saves new endpoints (primary first) and the certificates trusted for
/// `https://` nodes; the next job uses them.
#[tauri::command]
pub async fn set_endpoints(
    chain: State<'_, ChainService>,
    args: Args<api::SetEndpointsCmd>,
) -> Out<api::SetEndpointsCmd> {
    chain.check_online()?;
    let ctx = chain.context();
    let change = endpoints::EndpointsChange {
        replace_all: Some(args.endpoints),
        untrust_certificates: true,
        trust_certificates: args
            .trusted_certificates
            .filter(|pem| !pem.trim().is_empty()),
        ..endpoints::EndpointsChange::default()
    };
    let view = blocking(move || Ok(endpoints::change(&ctx, ctx.network, &change)?)).await?;
    chain.reopen_with_saved_endpoints()?;
    Ok(view)
}

/// Writes the audit bundle of the open wallet under `<data dir>/exports/`.
#[tauri::command]
pub async fn export_audit_bundle(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
) -> Out<api::ExportAuditBundleCmd> {
    let facts = public.facts()?;
    let address = facts.address(0)?;
    let path = audit::default_bundle_path(&chain.context(), &address, facts.network);
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            audit::export_bundle(session, &address, &path)
        })
        .await
}

/// Checks an audit bundle (its text, picked in the UI) with no network,
/// against this wallet's root of trust (or a checkpoint given).
#[tauri::command]
pub async fn verify_audit_bundle(
    chain: State<'_, ChainService>,
    args: Args<api::VerifyAuditBundleCmd>,
) -> Out<api::VerifyAuditBundleCmd> {
    let ctx = chain.context();
    let reader = match chain.reader_if_open() {
        Some(reader) => Some(reader),
        // Offline (cold signer) there is no session: the store is read directly.
        None if chain.check_online().is_err() => None,
        None => Some(chain.reader().await?),
    };
    blocking(move || {
        let root = match &reader {
            Some(reader) => RootOf::Reader(reader),
            None => RootOf::Disk,
        };
        Ok(audit::verify_bundle(
            &ctx,
            ctx.network,
            root,
            Source::Text(&args.text),
            args.checkpoint.as_deref(),
            None,
        )?)
    })
    .await
}

/// Checks fork evidence (its text, picked in the UI) with no network,
/// against the validators this wallet's light store verified.
#[tauri::command]
pub async fn verify_evidence(
    chain: State<'_, ChainService>,
    args: Args<api::VerifyEvidenceCmd>,
) -> Out<api::VerifyEvidenceCmd> {
    let ctx = chain.context();
    if chain.check_online().is_err() {
        // Offline there is no session holding the store.
        return blocking(move || {
            Ok(audit::verify_evidence(
                &ctx,
                ctx.network,
                None,
                Source::Text(&args.text),
            )?)
        })
        .await;
    }
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            audit::verify_evidence(&ctx, ctx.network, Some(session), Source::Text(&args.text))
        })
        .await
}

/// Re-verifies everything the light store holds, every link from the root
/// of trust (opening checks only the latest link, ADR 0017).
#[tauri::command]
pub async fn verify_store(chain: State<'_, ChainService>) -> Out<api::VerifyStoreCmd> {
    let ctx = chain.context();
    if chain.check_online().is_err() {
        return blocking(move || Ok(audit::verify_store(&ctx, ctx.network, None)?)).await;
    }
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            audit::verify_store(&ctx, ctx.network, Some(session))
        })
        .await
}

/// Releases a pin of the light store (its blocks may be pruned at the next
/// sync).
#[tauri::command]
pub async fn unpin_store(
    chain: State<'_, ChainService>,
    args: Args<api::UnpinStoreCmd>,
) -> Out<api::UnpinStoreCmd> {
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            audit::unpin(session, &args.id)
        })
        .await
}

/// Reads the QR codes of a picture's bytes and says what each is.
#[tauri::command]
pub async fn scan_image(
    chain: State<'_, ChainService>,
    args: Args<api::ScanImageCmd>,
) -> Out<api::ScanImageCmd> {
    let network = chain.context().network;
    blocking(move || Ok(scan::scan_image(&args.bytes, network)?)).await
}

/// SVG documents of QR codes (our renderer's output, no scripts), one per
/// UR part.
#[tauri::command]
pub async fn render_qr(args: Args<api::RenderQrCmd>) -> Out<api::RenderQrCmd> {
    blocking(move || qr::render_svg(&args.parts)).await
}

/// Writes a code's frames as PNG files and returns their directory.
#[tauri::command]
pub async fn save_qr_frames(
    chain: State<'_, ChainService>,
    args: Args<api::SaveQrFramesCmd>,
) -> Out<api::SaveQrFramesCmd> {
    let dir = chain.context().exports_dir();
    blocking(move || qr::save_frames(&dir, args.stem, &args.parts)).await
}

/// Imports a cold device's pairing (read from pictures) as a watch-only wallet.
#[tauri::command]
pub async fn pair_import(
    engine: State<'_, Engine>,
    args: Args<api::PairImportCmd>,
) -> Out<api::PairImportCmd> {
    engine
        .call(move |s| s.pair_import(&args.name, args.images))
        .await
}

/// Cold signer: the pairing export as a code.
#[tauri::command]
pub async fn cold_pair_export(
    engine: State<'_, Engine>,
    args: Args<api::ColdPairExportCmd>,
) -> Out<api::ColdPairExportCmd> {
    engine
        .call(move |s| s.cold_pair_export(args.chain_id.as_deref()))
        .await
}

/// Cold signer: reads a sign request from pictures and reviews it.
#[tauri::command]
pub async fn cold_review(
    engine: State<'_, Engine>,
    args: Args<api::ColdReviewCmd>,
) -> Out<api::ColdReviewCmd> {
    engine.call(move |s| s.cold_review(args.images)).await
}

/// Cold signer: signs the reviewed request the person confirmed.
#[tauri::command]
pub async fn cold_sign(
    engine: State<'_, Engine>,
    args: Args<api::ColdSignCmd>,
) -> Out<api::ColdSignCmd> {
    engine.call(move |s| s.cold_sign(&args.fingerprint)).await
}

/// Watch-only wallet: a sign request for a send, against the proven balance.
#[tauri::command]
pub async fn make_sign_request(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::MakeSignRequestCmd>,
) -> Out<api::MakeSignRequestCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    let ctx = chain.context();
    blocking(move || {
        Ok(requests::make_request(
            &ctx,
            &facts,
            &args,
            NonceSource::Proven(&reader),
            None,
            None,
        )?)
    })
    .await
}

/// Watch-only wallet: accepts the cold device's signature (from pictures),
/// then broadcasts it and waits for its proven inclusion (job `broadcast`).
#[tauri::command]
pub async fn accept_signature(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::AcceptSignatureCmd>,
    on_progress: Events<api::AcceptSignatureCmd>,
) -> Out<api::AcceptSignatureCmd> {
    chain.check_online()?;
    let facts = public.facts()?;
    let ctx = chain.context();
    let (accepted_facts, accepted_ctx) = (facts.clone(), ctx.clone());
    let (_, id) = blocking(move || {
        let inputs = image_inputs(args.images)?;
        Ok(requests::accept(
            &accepted_ctx,
            &accepted_facts,
            &inputs,
            &mut |_| {},
        )?)
    })
    .await?;
    chain
        .job(JobKind::Broadcast, move |session, cancel| {
            requests::broadcast(
                &ctx,
                session,
                &facts,
                &id,
                INCLUSION_TIMEOUT,
                &mut |progress| {
                    let _ = on_progress.send(progress);
                },
                cancel,
            )
        })
        .await
}

/// The open wallet's pending sign requests (whether each is superseded, when
/// a session is already open; never opens one).
#[tauri::command]
pub async fn pending_requests(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
) -> Out<api::PendingRequestsCmd> {
    let facts = public.facts()?;
    let reader = chain.reader_if_open();
    let ctx = chain.context();
    blocking(move || Ok(requests::pending(&ctx, &facts, reader.as_ref())?)).await
}

/// Discards a pending sign request that will never be signed.
#[tauri::command]
pub async fn discard_request(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::DiscardRequestCmd>,
) -> Out<api::DiscardRequestCmd> {
    let facts = public.facts()?;
    let ctx = chain.context();
    blocking(move || Ok(requests::discard(&ctx, &facts, &args.request_id)?)).await
}
