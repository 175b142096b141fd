//! One module per group of commands; each is a thin layer over `jifen-wallet`.

mod accounts;
mod chain;
mod cold;
mod message;
mod security;
mod setup;

use std::path::PathBuf;

use anyhow::Result;
use jifen_crypto::keystore::{self, KdfParams, KdfPolicy};
use jifen_wallet::WalletStore;

use crate::args::{Cli, Command};
use crate::error::UserError;
use crate::ui::Ui;

/// Runs the parsed command.
pub fn run(ui: &Ui, cli: &Cli) -> Result<()> {
    let store = WalletStore::new(&data_dir(cli)?);
    match &cli.command {
        Command::Create {
            new,
            words,
            mnemonic_lang,
            skip_backup_check,
        } => setup::create(ui, &store, new, *words, mnemonic_lang, *skip_backup_check),
        Command::Restore {
            new,
            mnemonic_lang,
            mnemonic_fd,
        } => setup::restore(ui, &store, new, mnemonic_lang.as_deref(), *mnemonic_fd),
        Command::List { json } => accounts::list(ui, &store, *json),
        Command::Addresses {
            wallet,
            start,
            count,
            change,
            json,
        } => accounts::addresses(ui, &store, wallet, *start, *count, *change, *json),
        Command::ExportWatchOnly { wallet, json } => {
            accounts::export_watch_only(ui, &store, wallet, *json)
        }
        Command::ChangePassword {
            wallet,
            password,
            new_password_fd,
        } => security::change_password(ui, &store, wallet, password, *new_password_fd),
        Command::BackupCheck { wallet, password } => {
            security::backup_check_command(ui, &store, wallet, password)
        }
        Command::Keyring {
            wallet,
            password,
            action,
        } => security::keyring(ui, &store, wallet, password, action),
        Command::SignMessage {
            wallet,
            password,
            index,
            no_keyring,
            message,
        } => message::sign(ui, &store, wallet, password, *index, *no_keyring, message),
        Command::Cold { command } => cold::run_cold(ui, &store, command),
        Command::Online { command } => cold::run_online(ui, &store, &data_dir(cli)?, command),
        Command::VerifyMessage {
            address,
            signature,
            message,
        } => message::verify(ui, address, signature, message),
        Command::Sync { network } => chain::sync(ui, &data_dir(cli)?, network),
        Command::Status { network, json } => chain::status(ui, &data_dir(cli)?, network, *json),
        Command::Balance {
            wallet,
            address,
            index,
            json,
        } => chain::balance(
            ui,
            &store,
            &data_dir(cli)?,
            wallet,
            address.as_deref(),
            *index,
            *json,
        ),
        Command::Send {
            wallet,
            password,
            to,
            amount,
            fee,
            index,
            yes,
            timeout,
            no_keyring,
        } => chain::send(
            ui,
            &store,
            &data_dir(cli)?,
            wallet,
            password,
            &chain::SendArgs {
                to,
                amount,
                fee: fee.as_deref(),
                index: *index,
                yes: *yes,
                timeout: *timeout,
                no_keyring: *no_keyring,
            },
        ),
        Command::ExportBundle {
            wallet,
            address,
            index,
            out,
        } => chain::export_bundle(
            ui,
            &store,
            &data_dir(cli)?,
            wallet,
            address.as_deref(),
            *index,
            out,
        ),
        Command::VerifyBundle {
            network,
            checkpoint,
            address,
            file,
        } => chain::verify_bundle(
            ui,
            &data_dir(cli)?,
            network,
            file,
            checkpoint.as_deref(),
            address.as_deref(),
        ),
        Command::VerifyEvidence { network, file } => {
            chain::verify_evidence(ui, &data_dir(cli)?, network, file)
        }
        Command::Endpoints(args) => chain::endpoints(ui, &data_dir(cli)?, args),
    }
}

/// `--data-dir`, `JIFEN_DATA_DIR`, or the platform data directory (`~/.local/share/jifen`).
fn data_dir(cli: &Cli) -> Result<PathBuf> {
    if let Some(dir) = &cli.data_dir {
        return Ok(dir.clone());
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("jifen"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(home)
            .join(".local")
            .join("share")
            .join("jifen"));
    }
    Err(UserError::new("cli-no-data-dir").into())
}

/// The KDF policy for this kind of device.
fn kdf_policy() -> KdfPolicy {
    KdfPolicy::desktop()
}

/// Measures this machine and picks Argon2id parameters for a new password.
fn calibrated_params(ui: &Ui) -> Result<KdfParams> {
    ui.say("kdf-calibrating", &[]);
    let calibration = keystore::calibrate(&kdf_policy())?;
    let params = calibration.params;
    ui.say(
        "kdf-calibrated",
        &[
            ("memory", (params.m_cost_kib / 1024).into()),
            ("passes", params.t_cost.into()),
            (
                "millis",
                u64::try_from(calibration.measured.as_millis())
                    .unwrap_or(u64::MAX)
                    .into(),
            ),
        ],
    );
    Ok(params)
}
