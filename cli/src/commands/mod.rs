//! One module per group of commands. Each command parses its arguments,
//! asks for what a person must type, calls one use case of `jifen-wallet`
//! and renders its view (translated text on stderr, data or `--json` on
//! stdout). No flow lives here: it lives in the wallet, shared with the app.

mod accounts;
mod chain;
mod cold;
mod message;
mod points;
mod provenance;
mod security;
mod setup;
mod subchains;

use jifen_protocol::Network;
use jifen_wallet::{FrontEnd, WalletContext};
use serde::Serialize;

use self::chain::sync_for_wallet;
use crate::args::{Cli, Command, StoreCommand};
use crate::error::{Result, UserError};
use crate::ui::Ui;

/// Runs the parsed command.
pub fn run(ui: &Ui, cli: &Cli) -> Result<()> {
    let ctx = context(cli, Network::Devnet)?;
    match &cli.command {
        Command::Create {
            new,
            words,
            mnemonic_lang,
            skip_backup_check,
        } => setup::create(
            ui,
            &with_network(&ctx, &new.network)?,
            new,
            *words,
            mnemonic_lang,
            *skip_backup_check,
        ),
        Command::Restore {
            new,
            mnemonic_lang,
            mnemonic_fd,
        } => setup::restore(
            ui,
            &with_network(&ctx, &new.network)?,
            new,
            mnemonic_lang.as_deref(),
            *mnemonic_fd,
        ),
        Command::List { json } => accounts::list(ui, &ctx, *json),
        Command::Addresses {
            wallet,
            start,
            count,
            change,
            json,
        } => accounts::addresses(ui, &ctx, wallet, *start, *count, *change, *json),
        Command::ExportWatchOnly { wallet, json } => {
            accounts::export_watch_only(ui, &ctx, wallet, *json)
        }
        Command::ChangePassword {
            wallet,
            password,
            new_password_fd,
        } => security::change_password(ui, &ctx, wallet, password, *new_password_fd),
        Command::BackupCheck { wallet, password } => {
            security::backup_check_command(ui, &ctx, wallet, password)
        }
        Command::Keyring {
            wallet,
            password,
            action,
        } => security::keyring(ui, &ctx, wallet, password, action),
        Command::SignMessage {
            wallet,
            password,
            index,
            no_keyring,
            message,
        } => message::sign(ui, &ctx, wallet, password, *index, *no_keyring, message),
        Command::VerifyMessage {
            address,
            signature,
            message,
        } => message::verify(ui, address, signature, message),
        Command::Cold { command } => cold::run_cold(ui, &ctx, command),
        Command::Online { command } => cold::run_online(ui, &ctx, command),
        Command::Sync { network } => chain::sync(ui, &with_network(&ctx, network)?),
        Command::Follow { network, blocks } => {
            chain::follow(ui, &with_network(&ctx, network)?, *blocks)
        }
        Command::Status { network, json } => {
            chain::status(ui, &with_network(&ctx, network)?, *json)
        }
        Command::Balance {
            wallet,
            address,
            index,
            json,
        } => chain::balance(ui, &ctx, wallet, address.as_deref(), *index, *json),
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
            &ctx,
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
        Command::Faucet {
            wallet,
            index,
            timeout,
            json,
        } => chain::faucet(ui, &ctx, wallet, *index, *timeout, *json),
        Command::ExportBundle {
            wallet,
            address,
            index,
            out,
        } => chain::export_bundle(ui, &ctx, wallet, address.as_deref(), *index, out),
        Command::VerifyBundle {
            network,
            checkpoint,
            address,
            file,
            json,
        } => chain::verify_bundle(
            ui,
            &with_network(&ctx, network)?,
            file,
            checkpoint.as_deref(),
            address.as_deref(),
            *json,
        ),
        Command::VerifyEvidence {
            network,
            file,
            json,
        } => chain::verify_evidence(ui, &with_network(&ctx, network)?, file, *json),
        Command::Store(StoreCommand::Verify { network, json }) => {
            chain::verify_store(ui, &with_network(&ctx, network)?, *json)
        }
        Command::Store(StoreCommand::Unpin { network, id }) => {
            chain::unpin(ui, &with_network(&ctx, network)?, id)
        }
        Command::Subchain(command) => subchains::run(ui, &ctx, command),
        Command::Endpoints(args) => chain::endpoints(ui, &ctx, args),
        Command::Points(args) => points::points(ui, &ctx, args),
        Command::Merchants(args) => points::merchants(ui, &ctx, args.json),
        Command::Merchant(command) => points::merchant(ui, &ctx, command),
        Command::Quote(args) => points::quote(ui, &ctx, args),
        Command::Swap(args) => points::swap(ui, &ctx, args),
        Command::Pay(args) => points::pay(ui, &ctx, args),
        Command::RequestPayment(args) => points::request_payment(ui, &ctx, args),
        Command::Withdraw(args) => points::withdraw(ui, &ctx, args),
        Command::History(args) => points::history(ui, &ctx, args),
        Command::Receipt(args) => points::receipt(ui, &ctx, args),
        Command::Trace(args) => provenance::trace(ui, &ctx, args),
        Command::Tag(command) => provenance::tag(ui, command),
        Command::Epcis(command) => provenance::epcis(ui, command),
        Command::RecordReceiving(args) => provenance::record_receiving(ui, &ctx, args),
        Command::RecordSale(args) => provenance::record_sale(ui, &ctx, args),
        Command::VerifyTraceBundle {
            network,
            checkpoint,
            file,
            json,
        } => provenance::verify_bundle(
            ui,
            &with_network(&ctx, network)?,
            file,
            checkpoint.as_deref(),
            *json,
        ),
    }
}

/// The use cases' context (`WalletContext::from_env`): `--data-dir` (or
/// `JIFEN_DATA_DIR`), else the platform data directory; the desktop KDF
/// policy; `JIFEN_ENDPOINTS` for this run.
fn context(cli: &Cli, network: Network) -> Result<WalletContext> {
    Ok(WalletContext::from_env(
        FrontEnd::Cli,
        network,
        cli.data_dir.clone(),
    )?)
}

/// The context for `network` (a `--network` value).
fn with_network(ctx: &WalletContext, given: &str) -> Result<WalletContext> {
    let network = given.trim().parse::<Network>().map_err(|_| {
        UserError::new("cli-unknown-network")
            .arg("given", given.chars().take(32).collect::<String>())
    })?;
    Ok(WalletContext {
        network,
        ..ctx.clone()
    })
}

/// Writes a view as pretty JSON on stdout (`--json`): the same field names
/// the app receives.
fn print_json(ui: &Ui, view: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(view)
        .map_err(|e| UserError::new("cli-json").arg("reason", e.to_string()))?;
    ui.data(&text);
    Ok(())
}

/// Measures this machine and picks Argon2id parameters for a new password,
/// saying what it does (it takes a few seconds).
fn calibrate(ui: &Ui, ctx: &WalletContext) -> Result<jifen_wallet::open::Calibrated> {
    ui.say("kdf-calibrating", &[]);
    let calibrated = jifen_wallet::open::calibrate(&ctx.kdf_policy)?;
    let view = calibrated.view();
    ui.say(
        "kdf-calibrated",
        &[
            ("memory", view.memory_mib.into()),
            ("passes", view.passes.into()),
            ("millis", calibrated.millis.into()),
        ],
    );
    Ok(calibrated)
}
