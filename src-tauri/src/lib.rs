//! The Jifen desktop app: a thin Tauri v2 adapter over `jifen-wallet`
//! (`docs/app.md`, `docs/adr/0006-app-architecture.md`).
//!
//! - [`state`]: the wallet state and every operation, plain Rust;
//! - [`engine`]: the one thread that owns that state; commands hold a handle;
//! - [`chain`]: sync, proven balance, send, status over the wallet's chain session;
//! - [`cold`]: cold signing: the offline signer's pairing, review and signing, and
//!   the watch-only wallet's sign requests and signature acceptance;
//! - [`commands`]: the IPC commands (listed once in [`command_list::COMMANDS`]);
//! - [`error`]: errors cross to the webview as `{code, args}`.
//!
//! [`builder`] is generic over the Tauri runtime, so the commands are tested on the
//! mock runtime (`tests/commands.rs`).

pub mod chain;
pub mod cold;
pub mod command_list;
pub mod commands;
pub mod engine;
pub mod error;
pub mod scan;
pub mod secret;
pub mod settings;
pub mod state;

use tauri::Runtime;

pub use engine::Engine;
pub use error::AppError;
pub use state::{AppConfig, WalletState};

/// The app's builder on any runtime: the engine as managed state and every command.
///
/// # Errors
/// `app-engine-start` if the engine thread cannot start.
pub fn builder<R: Runtime>(
    base: tauri::Builder<R>,
    config: AppConfig,
) -> Result<tauri::Builder<R>, AppError> {
    let engine = Engine::start(WalletState::new(config))?;
    Ok(base
        .manage(engine)
        .manage(commands::Cancel::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_wallets,
            commands::create_wallet,
            commands::restore_wallet,
            commands::unlock,
            commands::lock,
            commands::reveal_mnemonic,
            commands::backup_challenge,
            commands::backup_check,
            commands::wallet_overview,
            commands::receive_qr,
            commands::set_language,
            commands::change_password,
            commands::keyring_enable,
            commands::keyring_disable,
            commands::recalibrate_kdf,
            commands::chain_status,
            commands::sync,
            commands::cancel_sync,
            commands::balance,
            commands::review_send,
            commands::send,
            commands::devnet_faucet,
            commands::set_endpoints,
            commands::export_audit_bundle,
            commands::scan_image,
            commands::set_mode,
            commands::open_watch_only,
            commands::pair_import,
            commands::cold_pair_export,
            commands::cold_review,
            commands::cold_sign,
            commands::make_sign_request,
            commands::accept_signature,
            commands::pending_requests,
            commands::discard_request,
            commands::save_qr_frames,
        ]))
}

/// The app's context (config, capabilities, embedded UI) for any runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Runs the app (desktop `main`, and the mobile entry point).
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let result =
        AppConfig::from_env().and_then(|config| builder(tauri::Builder::default(), config));
    let builder = match result {
        Ok(builder) => builder,
        Err(e) => {
            eprintln!("jifen-app: cannot start: {e}");
            std::process::exit(1);
        }
    };
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_barcode_scanner::init());
    if let Err(e) = builder.run(context()) {
        eprintln!("jifen-app: {e}");
        std::process::exit(1);
    }
}
