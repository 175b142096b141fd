//! Unlocking, password, backup check and OS keyring: prompts over
//! `jifen_wallet::OpenWallet`'s use cases.

use jifen_crypto::mnemonic::Mnemonic;
use jifen_wallet::backup::BackupChallenge;
use jifen_wallet::open::KdfNotice;
use jifen_wallet::{OpenWallet, UnlockedWallet, WalletContext};
use zeroize::Zeroizing;

use super::calibrate;
use crate::args::{PasswordArgs, WalletArg};
use crate::error::{Result, UserError, describe_error};
use crate::secret_input::{read_new_password, read_password};
use crate::ui::Ui;

/// Tries per word of the interactive backup check.
const TRIES_PER_WORD: usize = 3;

/// Opens the chosen wallet (no secret read).
pub fn open(ctx: &WalletContext, wallet: &WalletArg) -> Result<OpenWallet> {
    Ok(OpenWallet::open(&ctx.store(), wallet.wallet.as_deref())?)
}

/// Unlocks `open`: the OS keyring first when the wallet has a slot (unless
/// `no_keyring` or a password descriptor was given), the password otherwise.
/// A keyring that cannot be reached is reported, never silently replaced.
pub fn unlock<'a>(
    ui: &Ui,
    ctx: &WalletContext,
    open: &'a mut OpenWallet,
    password: &PasswordArgs,
    no_keyring: bool,
) -> Result<&'a UnlockedWallet> {
    if !no_keyring && password.password_fd.is_none() {
        match open.unlock_with_keyring() {
            Ok(true) => return Ok(open.keys()?),
            Ok(false) => {}
            Err(error) => ui.say(
                "keyring-fallback",
                &[("reason", describe_error(ui.catalog(), &error).into())],
            ),
        }
    }
    let password = read_password(ui, password.password_fd)?;
    match open.unlock_with_password(&password, &ctx.kdf_policy)? {
        KdfNotice::Upgraded => ui.say("kdf-upgraded", &[]),
        KdfNotice::UpgradeFailed => ui.say("kdf-upgrade-failed", &[]),
        KdfNotice::Unchanged => {}
    }
    Ok(open.keys()?)
}

/// Asks for the words of a [`BackupChallenge`] one at a time, each with
/// [`TRIES_PER_WORD`] tries. Returns whether all were right.
pub fn backup_check(ui: &Ui, mnemonic: &Mnemonic) -> Result<bool> {
    let challenge = BackupChallenge::new(mnemonic)?;
    ui.say(
        "backup-check-intro",
        &[("count", challenge.positions().len().into())],
    );
    for &position in challenge.positions() {
        let mut correct = false;
        for attempt in 1..=TRIES_PER_WORD {
            let typed = Zeroizing::new(
                ui.ask("backup-check-word", &[("position", position.into())])
                    .map_err(|e| UserError::terminal(&e))?,
            );
            if challenge.check_word(mnemonic, position, &typed) {
                correct = true;
                break;
            }
            if attempt < TRIES_PER_WORD {
                ui.say(
                    "backup-check-wrong",
                    &[("left", (TRIES_PER_WORD - attempt).into())],
                );
            }
        }
        if !correct {
            return Ok(false);
        }
    }
    ui.say("backup-check-passed", &[]);
    Ok(true)
}

/// `jifen change-password`.
pub fn change_password(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    password: &PasswordArgs,
    new_password_fd: Option<i32>,
) -> Result<()> {
    let mut open = open(ctx, wallet)?;
    let old = read_password(ui, password.password_fd)?;
    let new = read_new_password(ui, new_password_fd, "JIFEN_NEW_PASSWORD")?;
    let kdf = calibrate(ui, ctx)?;
    open.change_password(&old, &new, &kdf)?;
    ui.say("password-changed", &[("name", open.name().into())]);
    Ok(())
}

/// `jifen backup-check`.
pub fn backup_check_command(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    password: &PasswordArgs,
) -> Result<()> {
    if !ui.interactive() {
        return Err(UserError::new("cli-backup-check-needs-terminal").into());
    }
    let mut open = open(ctx, wallet)?;
    let keys = unlock(ui, ctx, &mut open, password, true)?;
    if backup_check(ui, keys.mnemonic())? {
        open.record_backup_checked()?;
        Ok(())
    } else {
        Err(UserError::new("backup-failed").into())
    }
}

/// Adds the keyring slot after creating a wallet; a keyring that is not
/// there is reported and skipped (the wallet exists either way).
pub fn enable_keyring_after_create(
    ui: &Ui,
    ctx: &WalletContext,
    open: &mut OpenWallet,
    password: &jifen_crypto::keystore::Password,
) {
    match open.enable_keyring(password, &ctx.kdf_policy) {
        Ok(_) => ui.say("keyring-enabled", &[]),
        Err(error) => ui.say(
            "keyring-not-enabled",
            &[("reason", describe_error(ui.catalog(), &error).into())],
        ),
    }
}

/// `jifen keyring enable|disable`.
pub fn keyring(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    password: &PasswordArgs,
    action: &str,
) -> Result<()> {
    let mut open = open(ctx, wallet)?;
    match action {
        "enable" => {
            let password = read_password(ui, password.password_fd)?;
            open.enable_keyring(&password, &ctx.kdf_policy)?;
            ui.say("keyring-enabled", &[]);
            Ok(())
        }
        "disable" => {
            open.disable_keyring()?;
            ui.say("keyring-disabled", &[]);
            Ok(())
        }
        other => Err(UserError::new("cli-keyring-action")
            .arg("given", other.chars().take(32).collect::<String>())
            .into()),
    }
}
