//! The IPC commands: each takes the argument type and returns the result
//! type its [`Command`](crate::api::Command) declares, and forwards to one
//! wallet use case: on the engine thread (the open wallet), on the chain
//! worker (long chain jobs, each with its own cancel token), or through the
//! chain reader (reads that never wait behind a job). Errors reach the
//! webview as `{code, args}`.

use jifen_wallet::audit::{self, Source};
use jifen_wallet::chain::{ChainError, ChainSession};
use jifen_wallet::cold::requests;
use jifen_wallet::send::{self, INCLUSION_TIMEOUT};
use jifen_wallet::{CancelToken, balance, endpoints, faucet, sync};
use tauri::State;
use tauri::ipc::Channel;

use crate::api::{self, Command, Nothing};
use crate::chain::{ChainService, JobKind};
use crate::engine::Engine;
use crate::error::{AppError, AppRefusal};
use crate::qr;

type Args<C> = <C as Command>::Args;
type Events<C> = Channel<<C as Command>::Event>;
type Out<C> = Result<<C as Command>::Output, AppError>;

/// Runs blocking work (a proven read) off the async runtime.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| AppError::of(&AppRefusal::EngineStopped))?
}

/// Queues `work` on the chain worker as the job of `kind` (its own cancel
/// token, which `cancel` reaches) and waits for it.
async fn chain_job<T, E>(
    chain: &ChainService,
    kind: JobKind,
    work: impl FnOnce(&mut ChainSession, &CancelToken) -> Result<T, E> + Send + 'static,
) -> Result<T, AppError>
where
    T: Send + 'static,
    E: Into<AppError> + Send + 'static,
{
    let job = chain
        .worker()?
        .run(move |session, _feed, cancel| work(session, cancel))?;
    let token = job.cancel_token();
    chain.started(kind, token.clone());
    let result = job.wait().await;
    chain.finished(kind, &token);
    result?.map_err(Into::into)
}

/// Start-up facts: version, network, mode, saved language, wallets.
#[tauri::command]
pub async fn app_info(engine: State<'_, Engine>) -> Out<api::AppInfoCmd> {
    engine.call(|s| s.app_info()).await
}

/// The wallets in the data directory.
#[tauri::command]
pub async fn list_wallets(engine: State<'_, Engine>) -> Out<api::ListWallets> {
    engine.call(|s| s.list_wallets()).await
}

/// Creates a wallet with new words and opens it.
#[tauri::command]
pub async fn create_wallet(
    engine: State<'_, Engine>,
    args: Args<api::CreateWallet>,
) -> Out<api::CreateWallet> {
    engine.call(move |s| s.create_wallet(&args)).await
}

/// Restores a wallet from its words and opens it.
#[tauri::command]
pub async fn restore_wallet(
    engine: State<'_, Engine>,
    args: Args<api::RestoreWallet>,
) -> Out<api::RestoreWallet> {
    engine.call(move |s| s.restore_wallet(&args)).await
}

/// Unlocks a wallet.
#[tauri::command]
pub async fn unlock(engine: State<'_, Engine>, args: Args<api::Unlock>) -> Out<api::Unlock> {
    engine
        .call(move |s| s.unlock(&args.name, &args.password))
        .await
}

/// Opens a watch-only wallet (no password: its keys are on the cold device).
#[tauri::command]
pub async fn open_watch_only(
    engine: State<'_, Engine>,
    args: Args<api::OpenWatchOnly>,
) -> Out<api::OpenWatchOnly> {
    engine.call(move |s| s.open_watch_only(&args.name)).await
}

/// Closes the open wallet.
#[tauri::command]
pub async fn lock(engine: State<'_, Engine>) -> Out<api::Lock> {
    engine
        .call(|s| {
            s.lock();
            Ok(Nothing)
        })
        .await
}

/// The open wallet.
#[tauri::command]
pub async fn wallet_overview(engine: State<'_, Engine>) -> Out<api::WalletOverview> {
    engine.call(|s| s.wallet_overview()).await
}

/// The words for the one backup display (password again), with the check.
#[tauri::command]
pub async fn reveal_words(
    engine: State<'_, Engine>,
    args: Args<api::RevealWords>,
) -> Out<api::RevealWords> {
    engine.call(move |s| s.reveal_words(&args.password)).await
}

/// Starts a backup check (password again).
#[tauri::command]
pub async fn backup_challenge(
    engine: State<'_, Engine>,
    args: Args<api::BackupChallenge>,
) -> Out<api::BackupChallenge> {
    engine
        .call(move |s| s.backup_challenge(&args.password))
        .await
}

/// Checks the typed words of the backup check.
#[tauri::command]
pub async fn backup_check(
    engine: State<'_, Engine>,
    args: Args<api::BackupCheck>,
) -> Out<api::BackupCheck> {
    engine.call(move |s| s.backup_check(&args.answers)).await
}

/// A receive address (render it with `render_qr`).
#[tauri::command]
pub async fn receive(engine: State<'_, Engine>, args: Args<api::Receive>) -> Out<api::Receive> {
    engine.call(move |s| s.receive(args.index)).await
}

/// Signs a message with a receive address's key (the wallet must be unlocked).
#[tauri::command]
pub async fn sign_message(
    engine: State<'_, Engine>,
    args: Args<api::SignMessage>,
) -> Out<api::SignMessage> {
    engine
        .call(move |s| s.sign_message(args.index, &args.message))
        .await
}

/// Checks a message signature (no wallet needed).
#[tauri::command]
pub async fn verify_message(args: Args<api::VerifyMessage>) -> Out<api::VerifyMessage> {
    blocking(move || {
        Ok(jifen_wallet::sign_message::verify(
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
    args: Args<api::SetLanguage>,
) -> Out<api::SetLanguage> {
    engine
        .call(move |s| s.set_language(&args.tag).map(|()| Nothing))
        .await
}

/// Switches between online wallet and offline cold-signer use; going
/// offline closes the chain session.
#[tauri::command]
pub async fn set_mode(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::SetMode>,
) -> Out<api::SetMode> {
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
    args: Args<api::ChangePassword>,
) -> Out<api::ChangePassword> {
    engine
        .call(move |s| s.change_password(&args.old, &args.new))
        .await
}

/// Re-measures this machine and re-wraps the key with new Argon2id parameters.
#[tauri::command]
pub async fn recalibrate_kdf(
    engine: State<'_, Engine>,
    args: Args<api::RecalibrateKdf>,
) -> Out<api::RecalibrateKdf> {
    engine.call(move |s| s.recalibrate_kdf(&args.password)).await
}

/// Adds the OS-keyring slot.
#[tauri::command]
pub async fn keyring_enable(
    engine: State<'_, Engine>,
    args: Args<api::KeyringEnable>,
) -> Out<api::KeyringEnable> {
    engine.call(move |s| s.keyring_enable(&args.password)).await
}

/// Removes the OS-keyring slot.
#[tauri::command]
pub async fn keyring_disable(engine: State<'_, Engine>) -> Out<api::KeyringDisable> {
    engine.call(|s| s.keyring_disable()).await
}

/// What the light client knows now (no network request).
#[tauri::command]
pub async fn chain_status(chain: State<'_, ChainService>) -> Out<api::ChainStatus> {
    Ok(chain.worker()?.current_status())
}

/// Streams the chain status to `on_progress` whenever it changes (after
/// every job and while a sync runs), until the window goes away.
#[tauri::command]
pub async fn watch_chain(
    chain: State<'_, ChainService>,
    on_progress: Events<api::WatchChain>,
) -> Out<api::WatchChain> {
    let mut updates = chain.worker()?.subscribe();
    let first = updates.borrow_and_update().clone();
    if on_progress.send(first).is_ok() {
        tauri::async_runtime::spawn(async move {
            // Ends when the worker closes (its sender is dropped) or the
            // window stops listening.
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

/// Syncs to the tip on the chain worker, streaming progress; `cancel` with
/// job `sync` stops this sync only.
#[tauri::command]
pub async fn sync(
    chain: State<'_, ChainService>,
    on_progress: Events<api::Sync>,
) -> Out<api::Sync> {
    chain_job(&chain, JobKind::Sync, move |session, cancel| {
        sync::sync(
            session,
            &mut |event| {
                // A closed window only loses the progress messages.
                let _ = on_progress.send(event);
            },
            cancel,
        )
    })
    .await
}

/// Cancels the running job of one kind (never another kind, nor a later job).
#[tauri::command]
pub async fn cancel(chain: State<'_, ChainService>, args: Args<api::Cancel>) -> Out<api::Cancel> {
    chain.cancel(args.job);
    Ok(Nothing)
}

/// The open wallet's balance, proven at the verified head. Answers at once,
/// also while a sync runs (`lc-no-trusted-state` before the first sync).
#[tauri::command]
pub async fn balance(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
) -> Out<api::Balance> {
    let reader = chain.reader()?;
    let address = engine.call(|s| s.receive_address()).await?;
    blocking(move || Ok(balance::balance(&reader, &address)?)).await
}

/// What a send would do, checked against the proven balance.
#[tauri::command]
pub async fn review_send(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewSend>,
) -> Out<api::ReviewSend> {
    let reader = chain.reader()?;
    engine.call(move |s| s.review_send(&reader, &args)).await
}

/// Signs a send (on the engine, which holds the keys), then broadcasts it and
/// waits for its proven inclusion on the chain worker (job `send`).
#[tauri::command]
pub async fn send(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::Send>,
    on_progress: Events<api::Send>,
) -> Out<api::Send> {
    let reader = chain.reader()?;
    let signed = engine.call(move |s| s.sign_send(&reader, &args)).await?;
    chain_job(&chain, JobKind::Send, move |session, cancel| {
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
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    on_progress: Events<api::Faucet>,
) -> Out<api::Faucet> {
    let address = engine.call(|s| s.receive_address()).await?;
    chain_job(&chain, JobKind::Send, move |session, cancel| {
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
pub async fn endpoints(chain: State<'_, ChainService>) -> Out<api::Endpoints> {
    let ctx = chain.context();
    blocking(move || Ok(endpoints::show(&ctx, ctx.network)?)).await
}

/// Saves new endpoints (primary first) and reopens the session with them.
#[tauri::command]
pub async fn set_endpoints(
    chain: State<'_, ChainService>,
    args: Args<api::SetEndpoints>,
) -> Out<api::SetEndpoints> {
    chain.check_online()?;
    let ctx = chain.context();
    let change = endpoints::EndpointsChange {
        replace_all: Some(args.endpoints),
        ..endpoints::EndpointsChange::default()
    };
    let view = blocking(move || Ok(endpoints::change(&ctx, ctx.network, &change)?)).await?;
    chain.reopen_with_saved_endpoints();
    Ok(view)
}

/// Writes the audit bundle of the open wallet under `<data dir>/exports/`.
#[tauri::command]
pub async fn export_audit_bundle(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
) -> Out<api::ExportAuditBundle> {
    let address = engine.call(|s| s.receive_address()).await?;
    let ctx = chain.context();
    let path = audit::default_bundle_path(&ctx, &address, ctx.network);
    chain_job(&chain, JobKind::Export, move |session, _cancel| {
        audit::export_bundle(session, &address, &path)
    })
    .await
}

/// Checks an audit bundle (its text, picked in the UI) with no network.
#[tauri::command]
pub async fn verify_audit_bundle(
    chain: State<'_, ChainService>,
    args: Args<api::VerifyAuditBundle>,
) -> Out<api::VerifyAuditBundle> {
    let ctx = chain.context();
    let check = move |session: Option<&ChainSession>| {
        audit::verify_bundle(
            &ctx,
            ctx.network,
            session,
            Source::Text(&args.text),
            args.checkpoint.as_deref(),
            None,
        )
    };
    offline_check(&chain, check).await
}

/// Checks fork evidence (its text, picked in the UI) with no network.
#[tauri::command]
pub async fn verify_evidence(
    chain: State<'_, ChainService>,
    args: Args<api::VerifyEvidence>,
) -> Out<api::VerifyEvidence> {
    let ctx = chain.context();
    let check = move |session: Option<&ChainSession>| {
        audit::verify_evidence(&ctx, ctx.network, session, Source::Text(&args.text))
    };
    offline_check(&chain, check).await
}

/// Runs an offline check against the local light store: on the chain worker
/// when a session is open (it holds the store), else directly.
async fn offline_check<T: Send + 'static>(
    chain: &ChainService,
    check: impl FnOnce(Option<&ChainSession>) -> Result<T, ChainError> + Send + 'static,
) -> Result<T, AppError> {
    if chain.reader_if_open().is_some() {
        chain_job(chain, JobKind::Export, move |session, _cancel| {
            check(Some(session))
        })
        .await
    } else {
        blocking(move || Ok(check(None)?)).await
    }
}

/// Reads the QR codes of a picture's bytes and says what each is.
#[tauri::command]
pub async fn scan_image(
    engine: State<'_, Engine>,
    args: Args<api::ScanImage>,
) -> Out<api::ScanImage> {
    let network = engine.call(|s| Ok(s.context().network)).await?;
    blocking(move || crate::scan::scan(&args.bytes, network)).await
}

/// SVG documents of QR codes (our renderer's output, no scripts), one per
/// UR part.
#[tauri::command]
pub async fn render_qr(args: Args<api::RenderQr>) -> Out<api::RenderQr> {
    blocking(move || qr::render_svg(&args.parts)).await
}

/// Writes a code's frames as PNG files and returns their directory.
#[tauri::command]
pub async fn save_qr_frames(
    chain: State<'_, ChainService>,
    args: Args<api::SaveQrFrames>,
) -> Out<api::SaveQrFrames> {
    let dir = chain.context().exports_dir();
    blocking(move || qr::save_frames(&dir, &args.stem, &args.parts)).await
}

/// Imports a cold device's pairing (read from pictures) as a watch-only wallet.
#[tauri::command]
pub async fn pair_import(
    engine: State<'_, Engine>,
    args: Args<api::PairImport>,
) -> Out<api::PairImport> {
    engine
        .call(move |s| s.pair_import(&args.name, args.images))
        .await
}

/// Cold signer: the pairing export as a code.
#[tauri::command]
pub async fn cold_pair_export(
    engine: State<'_, Engine>,
    args: Args<api::ColdPairExport>,
) -> Out<api::ColdPairExport> {
    engine
        .call(move |s| s.cold_pair_export(args.chain_id.as_deref()))
        .await
}

/// Cold signer: reads a sign request from pictures and reviews it.
#[tauri::command]
pub async fn cold_review(
    engine: State<'_, Engine>,
    args: Args<api::ColdReview>,
) -> Out<api::ColdReview> {
    engine.call(move |s| s.cold_review(args.images)).await
}

/// Cold signer: signs the reviewed request the person confirmed.
#[tauri::command]
pub async fn cold_sign(engine: State<'_, Engine>, args: Args<api::ColdSign>) -> Out<api::ColdSign> {
    engine.call(move |s| s.cold_sign(&args.fingerprint)).await
}

/// Watch-only wallet: a sign request for a send.
#[tauri::command]
pub async fn make_sign_request(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::MakeSignRequest>,
) -> Out<api::MakeSignRequest> {
    let reader = chain.reader()?;
    engine
        .call(move |s| s.make_sign_request(&reader, &args))
        .await
}

/// Watch-only wallet: accepts the cold device's signature (from pictures),
/// then broadcasts it and waits for its proven inclusion (job `send`).
#[tauri::command]
pub async fn accept_signature(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::AcceptSignature>,
    on_progress: Events<api::AcceptSignature>,
) -> Out<api::AcceptSignature> {
    chain.check_online()?;
    let (accepted, name) = engine
        .call(move |s| Ok((s.accept_signature(args.images)?, s.wallet_name()?)))
        .await?;
    let ctx = chain.context();
    chain_job(&chain, JobKind::Send, move |session, cancel| {
        let handle = ctx.store().open(&name).map_err(|e| AppError::of(&e))?;
        let id = requests::signed_request(&ctx, &handle, Some(&accepted.request_id))
            .map_err(|e| AppError::of(&e))?;
        requests::broadcast(
            &ctx,
            session,
            &handle,
            &id,
            INCLUSION_TIMEOUT,
            &mut |progress| {
                let _ = on_progress.send(progress);
            },
            cancel,
        )
        .map_err(|e| AppError::of(&e))
    })
    .await
}

/// The open wallet's pending sign requests (whether each is superseded, when
/// a session is already open; never opens one).
#[tauri::command]
pub async fn pending_requests(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
) -> Out<api::PendingRequests> {
    let reader = chain.reader_if_open();
    engine
        .call(move |s| s.pending_requests(reader.as_ref()))
        .await
}

/// Discards a pending sign request that will never be signed.
#[tauri::command]
pub async fn discard_request(
    engine: State<'_, Engine>,
    args: Args<api::DiscardRequest>,
) -> Out<api::DiscardRequest> {
    engine.call(move |s| s.discard_request(&args.request_id)).await
}
