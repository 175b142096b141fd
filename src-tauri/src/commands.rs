//! The IPC commands: intent-level, each a thin forward to [`WalletState`](crate::state::WalletState) on the
//! engine thread. Errors reach the webview as `{code, args}`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::State;
use tauri::ipc::Channel;

use crate::chain::{
    ChainView, ProvenBalance, SendEvent, SendResult, SendReview, SyncEvent, SyncResult,
};

use crate::cold::{
    AnimatedQr, ColdReview, DiscardedView, PairExport, PendingView, SignRequestView,
};
use crate::engine::Engine;
use crate::error::AppError;
use crate::secret::SecretString;
use crate::state::{
    AddressQr, AppInfo, CreateRequest, KdfInfo, RestoreRequest, WalletInfo, WalletRow,
};

/// Start-up facts: version, network, saved language, wallets, unlocked wallet.
#[tauri::command]
pub async fn app_info(engine: State<'_, Engine>) -> Result<AppInfo, AppError> {
    engine.call(|s| s.app_info()).await
}

/// The wallets in the data directory.
#[tauri::command]
pub async fn list_wallets(engine: State<'_, Engine>) -> Result<Vec<WalletRow>, AppError> {
    engine.call(|s| s.list_wallets()).await
}

/// Creates a wallet with a new mnemonic and opens it.
#[tauri::command]
pub async fn create_wallet(
    engine: State<'_, Engine>,
    request: CreateRequest,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.create_wallet(&request)).await
}

/// Restores a wallet from its words and opens it.
#[tauri::command]
pub async fn restore_wallet(
    engine: State<'_, Engine>,
    request: RestoreRequest,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.restore_wallet(&request)).await
}

/// Unlocks a wallet.
#[tauri::command]
pub async fn unlock(
    engine: State<'_, Engine>,
    name: String,
    password: SecretString,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.unlock(&name, &password)).await
}

/// Locks the open wallet.
#[tauri::command]
pub async fn lock(engine: State<'_, Engine>) -> Result<(), AppError> {
    engine
        .call(|s| {
            s.lock();
            Ok(())
        })
        .await
}

/// The mnemonic words for the one backup display, after the password again.
#[tauri::command]
pub async fn reveal_mnemonic(
    engine: State<'_, Engine>,
    password: SecretString,
) -> Result<Vec<String>, AppError> {
    engine.call(move |s| s.reveal_mnemonic(&password)).await
}

/// Word positions the backup check asks for.
#[tauri::command]
pub async fn backup_challenge(engine: State<'_, Engine>) -> Result<Vec<usize>, AppError> {
    engine.call(|s| s.backup_challenge()).await
}

/// Checks the typed words of the backup check.
#[tauri::command]
pub async fn backup_check(
    engine: State<'_, Engine>,
    answers: Vec<SecretString>,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.backup_check(&answers)).await
}

/// The open wallet.
#[tauri::command]
pub async fn wallet_overview(engine: State<'_, Engine>) -> Result<WalletInfo, AppError> {
    engine.call(|s| s.wallet_overview()).await
}

/// A receive address and its QR code.
#[tauri::command]
pub async fn receive_qr(engine: State<'_, Engine>, index: u32) -> Result<AddressQr, AppError> {
    engine.call(move |s| s.receive_qr(index)).await
}

/// Saves the UI language.
#[tauri::command]
pub async fn set_language(engine: State<'_, Engine>, tag: String) -> Result<(), AppError> {
    engine.call(move |s| s.set_language(&tag)).await
}

/// Changes the wallet password.
#[tauri::command]
pub async fn change_password(
    engine: State<'_, Engine>,
    old: SecretString,
    new: SecretString,
) -> Result<KdfInfo, AppError> {
    engine.call(move |s| s.change_password(&old, &new)).await
}

/// Adds the OS-keyring slot.
#[tauri::command]
pub async fn keyring_enable(
    engine: State<'_, Engine>,
    password: SecretString,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.keyring_enable(&password)).await
}

/// Removes the OS-keyring slot.
#[tauri::command]
pub async fn keyring_disable(engine: State<'_, Engine>) -> Result<WalletInfo, AppError> {
    engine.call(|s| s.keyring_disable()).await
}

/// Re-measures this machine and re-wraps the key with new Argon2id parameters.
#[tauri::command]
pub async fn recalibrate_kdf(
    engine: State<'_, Engine>,
    password: SecretString,
) -> Result<KdfInfo, AppError> {
    engine.call(move |s| s.recalibrate_kdf(&password)).await
}

/// The cancel flag of the running sync or send. Held outside the engine, so a
/// cancel never waits behind the job it cancels.
#[derive(Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    fn fresh(&self) -> Arc<AtomicBool> {
        self.0.store(false, Ordering::SeqCst);
        Arc::clone(&self.0)
    }
}

/// Sync status, peers, evidence.
#[tauri::command]
pub async fn chain_status(engine: State<'_, Engine>) -> Result<ChainView, AppError> {
    engine.call(|s| s.chain_status()).await
}

/// Syncs to the tip, streaming progress over `on_progress`; `cancel_sync` stops it.
#[tauri::command]
pub async fn sync(
    engine: State<'_, Engine>,
    cancel: State<'_, Cancel>,
    on_progress: Channel<SyncEvent>,
) -> Result<SyncResult, AppError> {
    let flag = cancel.fresh();
    engine
        .call(move |s| {
            // A closed window only loses the progress messages.
            s.sync(
                &mut |event| {
                    let _ = on_progress.send(event);
                },
                &flag,
            )
        })
        .await
}

/// Cancels the running sync or send.
#[tauri::command]
pub async fn cancel_sync(cancel: State<'_, Cancel>) -> Result<(), AppError> {
    cancel.0.store(true, Ordering::SeqCst);
    Ok(())
}

/// The open wallet's balance, proven.
#[tauri::command]
pub async fn balance(engine: State<'_, Engine>) -> Result<ProvenBalance, AppError> {
    engine.call(|s| s.balance()).await
}

/// What a send would do, checked against the proven balance.
#[tauri::command]
pub async fn review_send(
    engine: State<'_, Engine>,
    to: String,
    amount: String,
    fee: String,
) -> Result<SendReview, AppError> {
    engine
        .call(move |s| s.review_send(&to, &amount, &fee))
        .await
}

/// Signs and sends, then waits for the proven inclusion.
#[tauri::command]
pub async fn send(
    engine: State<'_, Engine>,
    cancel: State<'_, Cancel>,
    to: String,
    amount: String,
    fee: String,
    on_progress: Channel<SendEvent>,
) -> Result<SendResult, AppError> {
    let flag = cancel.fresh();
    engine
        .call(move |s| {
            s.send(
                &to,
                &amount,
                &fee,
                &mut |event| {
                    // A closed window only loses the progress messages.
                    let _ = on_progress.send(event);
                },
                &flag,
            )
        })
        .await
}

/// Devnet only: 100 test POINT from the public devnet account 0.
#[tauri::command]
pub async fn devnet_faucet(
    engine: State<'_, Engine>,
    cancel: State<'_, Cancel>,
) -> Result<SendResult, AppError> {
    let flag = cancel.fresh();
    engine.call(move |s| s.devnet_faucet(&flag)).await
}

/// Saves the endpoints (primary first).
#[tauri::command]
pub async fn set_endpoints(
    engine: State<'_, Engine>,
    endpoints: Vec<String>,
) -> Result<ChainView, AppError> {
    engine.call(move |s| s.set_endpoints(&endpoints)).await
}

/// Writes the audit bundle of the open wallet and returns its path.
#[tauri::command]
pub async fn export_audit_bundle(engine: State<'_, Engine>) -> Result<String, AppError> {
    engine.call(|s| s.export_audit_bundle()).await
}

/// Reads the QR codes of an image file's bytes and says what each is.
#[tauri::command]
pub async fn scan_image(
    engine: State<'_, Engine>,
    bytes: Vec<u8>,
) -> Result<Vec<crate::scan::Scanned>, AppError> {
    engine.call(move |s| s.scan_image(&bytes)).await
}

/// Switches between `wallet` and `cold-signer` (offline) use.
#[tauri::command]
pub async fn set_mode(engine: State<'_, Engine>, mode: String) -> Result<AppInfo, AppError> {
    engine.call(move |s| s.set_mode(&mode)).await
}

/// Opens a watch-only wallet (no password: its keys are on the cold device).
#[tauri::command]
pub async fn open_watch_only(
    engine: State<'_, Engine>,
    name: String,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.open_watch_only(&name)).await
}

/// Imports a cold device's account (read from images) as a watch-only wallet.
#[tauri::command]
pub async fn pair_import(
    engine: State<'_, Engine>,
    name: String,
    images: Vec<Vec<u8>>,
) -> Result<WalletInfo, AppError> {
    engine.call(move |s| s.pair_import(&name, images)).await
}

/// Cold signer: the account export for pairing, as a QR code.
#[tauri::command]
pub async fn cold_pair_export(
    engine: State<'_, Engine>,
    chain_id: Option<String>,
) -> Result<PairExport, AppError> {
    engine
        .call(move |s| s.cold_pair_export(chain_id.as_deref()))
        .await
}

/// Cold signer: reads a sign request from images and reviews it.
#[tauri::command]
pub async fn cold_review(
    engine: State<'_, Engine>,
    images: Vec<Vec<u8>>,
) -> Result<ColdReview, AppError> {
    engine.call(move |s| s.cold_review(images)).await
}

/// Cold signer: signs the reviewed request the person confirmed.
#[tauri::command]
pub async fn cold_sign(
    engine: State<'_, Engine>,
    fingerprint: String,
) -> Result<AnimatedQr, AppError> {
    engine.call(move |s| s.cold_sign(&fingerprint)).await
}

/// Watch-only wallet: makes a sign request for a send.
#[tauri::command]
pub async fn make_sign_request(
    engine: State<'_, Engine>,
    to: String,
    amount: String,
    fee: String,
) -> Result<SignRequestView, AppError> {
    engine
        .call(move |s| s.make_sign_request(&to, &amount, &fee))
        .await
}

/// Watch-only wallet: accepts the cold device's signature (from images),
/// broadcasts and proves the inclusion.
#[tauri::command]
pub async fn accept_signature(
    engine: State<'_, Engine>,
    cancel: State<'_, Cancel>,
    images: Vec<Vec<u8>>,
    on_progress: Channel<SendEvent>,
) -> Result<SendResult, AppError> {
    let flag = cancel.fresh();
    engine
        .call(move |s| {
            s.accept_signature(
                images,
                &mut |event| {
                    // A closed window only loses the progress messages.
                    let _ = on_progress.send(event);
                },
                &flag,
            )
        })
        .await
}

/// The open wallet's pending sign requests.
#[tauri::command]
pub async fn pending_requests(engine: State<'_, Engine>) -> Result<Vec<PendingView>, AppError> {
    engine.call(|s| s.pending_requests()).await
}

/// Discards a pending sign request that will never be signed.
#[tauri::command]
pub async fn discard_request(
    engine: State<'_, Engine>,
    request_id: String,
) -> Result<DiscardedView, AppError> {
    engine.call(move |s| s.discard_request(&request_id)).await
}

/// Writes a code's frames as PNG files and returns their directory.
#[tauri::command]
pub async fn save_qr_frames(
    engine: State<'_, Engine>,
    stem: String,
    parts: Vec<String>,
) -> Result<String, AppError> {
    engine.call(move |s| s.save_qr_frames(&stem, &parts)).await
}
