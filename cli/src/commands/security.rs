//! Unlocking, password, backup check and OS keyring: prompts over
//! `jifen_wallet::OpenWallet`'s use cases.

use jifen_wallet::backup::{BackupChallenge, Passed, WordAnswer};
use jifen_wallet::open::KdfNotice;
use jifen_wallet::{OpenWallet, UnlockedWallet, WalletContext};
use zeroize::Zeroizing;

use super::calibrate;
use crate::args::{PasswordArgs, WalletArg};
use crate::error::{Failure, Result, UserError, describe_error, describe_view};
use crate::secret_input::{read_new_password, read_password};
use crate::ui::Ui;

/// Opens the chosen wallet (no secret read).
pub fn open(ctx: &WalletContext, wallet: &WalletArg) -> Result<OpenWallet> {
    Ok(OpenWallet::open(&ctx.store(), wallet.wallet.as_deref())?)
}

/// Unlocks `open` (`OpenWallet::unlock`): the OS keyring first when the
/// wallet has a slot (unless `no_keyring` or a password descriptor was
/// given), the password otherwise; a keyring that could not be used is said.
pub fn unlock<'a>(
    ui: &Ui,
    ctx: &WalletContext,
    open: &'a mut OpenWallet,
    password: &PasswordArgs,
    no_keyring: bool,
) -> Result<&'a UnlockedWallet> {
    let try_keyring = !no_keyring && password.password_fd.is_none();
    let fd = password.password_fd;
    let report =
        open.unlock::<Failure>(try_keyring, &ctx.kdf_policy, &mut || read_password(ui, fd))?;
    if let Some(problem) = &report.keyring_problem {
        ui.say(
            "keyring-fallback",
            &[("reason", describe_view(ui.catalog(), problem).into())],
        );
    }
    match report.kdf {
        KdfNotice::Upgraded => ui.say("kdf-upgraded", &[]),
        KdfNotice::UpgradeFailed => ui.say("kdf-upgrade-failed", &[]),
        KdfNotice::Unchanged => {}
    }
    Ok(open.keys()?)
}

/// Asks the words of `challenge` one at a time at the prompt (tries per
/// word as the wallet allows). Returns the proof, or `None` when a word ran
/// out of tries.
pub fn backup_check(
    ui: &Ui,
    mnemonic: &jifen_crypto::mnemonic::Mnemonic,
    mut challenge: BackupChallenge,
) -> Result<Option<Passed>> {
    ui.say(
        "backup-check-intro",
        &[("count", challenge.positions().len().into())],
    );
    for position in challenge.positions().to_vec() {
        loop {
            let typed = Zeroizing::new(
                ui.ask("backup-check-word", &[("position", position.into())])
                    .map_err(|e| UserError::terminal(&e))?,
            );
            match challenge.answer_word(mnemonic, position, &typed) {
                WordAnswer::Right => break,
                WordAnswer::Wrong { tries_left } => {
                    ui.say("backup-check-wrong", &[("left", tries_left.into())]);
                }
                WordAnswer::UsedUp => return Ok(None),
            }
        }
    }
    ui.say("backup-check-passed", &[]);
    Ok(challenge.passed())
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
    let mnemonic = keys.mnemonic().clone();
    let challenge = BackupChallenge::new(&mnemonic)?;
    match backup_check(ui, &mnemonic, challenge)? {
        Some(passed) => {
            open.record_backup_checked(passed)?;
            Ok(())
        }
        None => Err(UserError::new("backup-failed").into()),
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
