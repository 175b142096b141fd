//! The Jifen desktop app: a thin Tauri v2 adapter over `jifen-wallet`'s use
//! cases (`docs/app.md`, `docs/adr/0006-app-architecture.md`,
//! `docs/adr/0009-wallet-use-cases.md`).
//!
//! - [`api`]: every IPC command's name and types, declared once; the
//!   TypeScript bindings of the UI are generated from it;
//! - [`commands`]: the IPC commands, each forwarding to one use case;
//! - [`points`]: the points commands (holdings, merchants, swap, pay, ask to
//!   be paid, withdraw, merchant administration) and their confirmation;
//! - [`subchains`]: the subchain commands (list with audit status, audit,
//!   proven value, follow, evidence) and the sync job's events;
//! - [`provenance`]: product provenance (a tag parsed and looked up with
//!   every record checked, the lookup's audit bundle, a merchant's receiving
//!   record and sale);
//! - [`state`]: what the engine thread owns (context, settings, the open
//!   wallet) and the wallet use cases on it;
//! - [`engine`]: the thread that owns that state;
//! - [`chain`]: the chain worker (sync and other long jobs, one cancel token
//!   each, status on a watch channel) and its reader (reads that never wait);
//! - [`follow`]: the background task that follows the chain over P2P;
//! - [`settings`]: language, last wallet, mode (fails closed);
//! - [`qr`]: QR codes out (SVG for the window, PNG files);
//! - [`error`]: errors cross to the webview as `{code, args}`.
//!
//! [`builder`] is generic over the Tauri runtime, so the commands are tested on the
//! mock runtime (`tests/commands.rs`, `tests/chain.rs`).

pub mod api;
pub mod chain;
pub mod command_list;
pub mod commands;
pub mod engine;
pub mod error;
pub mod follow;
pub mod points;
pub mod provenance;
pub mod qr;
pub mod secret;
pub mod settings;
pub mod state;
pub mod subchains;

use std::sync::Arc;

use tauri::Runtime;

pub use chain::ChainService;
pub use engine::Engine;
pub use error::{AppError, AppRefusal};
pub use state::{AppConfig, Public, WalletState};

/// The app's builder on any runtime: the engine and the chain service as
/// managed state, and every command.
///
/// # Errors
/// `app-engine-start` if the engine thread cannot start.
pub fn builder<R: Runtime>(
    base: tauri::Builder<R>,
    config: AppConfig,
) -> Result<tauri::Builder<R>, AppError> {
    let public = Arc::new(Public::default());
    let engine = Engine::start(WalletState::new(config.clone(), Arc::clone(&public)))?;
    let chain = ChainService::start(config.context, Arc::clone(&public))?;
    Ok(base
        .manage(engine)
        .manage(chain)
        .manage(public)
        .manage(provenance::LastTrace::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_wallets,
            commands::create_wallet,
            commands::restore_wallet,
            commands::unlock,
            commands::open_watch_only,
            commands::lock,
            commands::wallet_overview,
            commands::reveal_words,
            commands::backup_challenge,
            commands::backup_check,
            commands::reauthenticate,
            commands::receive,
            commands::sign_message,
            commands::verify_message,
            commands::set_language,
            commands::set_mode,
            commands::change_password,
            commands::recalibrate_kdf,
            commands::keyring_enable,
            commands::keyring_disable,
            commands::chain_status,
            commands::watch_chain,
            commands::sync,
            commands::cancel,
            commands::balance,
            commands::review_send,
            commands::send,
            commands::faucet,
            commands::endpoints,
            commands::set_endpoints,
            commands::export_audit_bundle,
            commands::verify_audit_bundle,
            commands::verify_evidence,
            commands::verify_store,
            commands::unpin_store,
            commands::scan_image,
            commands::render_qr,
            commands::save_qr_frames,
            commands::pair_import,
            commands::cold_pair_export,
            commands::cold_review,
            commands::cold_sign,
            commands::make_sign_request,
            commands::accept_signature,
            commands::pending_requests,
            commands::discard_request,
            points::holdings,
            points::merchants,
            points::merchant,
            points::quote_swap,
            points::review_pay,
            points::review_withdraw,
            points::review_merchant_action,
            points::confirm_action,
            points::request_payment,
            points::render_text_qr,
            points::find_payment,
            points::history,
            points::export_receipt,
            subchains::list_subchains,
            subchains::audit_subchain,
            subchains::subchain_value,
            subchains::verify_subchain_evidence,
            subchains::follow_subchain,
            provenance::parse_tag,
            provenance::trace_tag,
            provenance::export_trace_bundle,
            provenance::review_receiving,
            provenance::confirm_receiving,
            provenance::review_sale,
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
