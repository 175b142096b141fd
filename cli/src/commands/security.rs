//! Password, backup check and OS keyring.

use anyhow::{Context, Result};
use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::Mnemonic;
use jifen_wallet::{UnlockedWallet, WalletError, WalletHandle, WalletStore};

use super::{calibrated_params, kdf_policy};
use crate::args::{PasswordArgs, WalletArg};
use crate::error::{UserError, describe};
use crate::secret_input::{read_new_password, read_password};
use crate::ui::Ui;

/// Positions asked in a backup check.
pub const BACKUP_CHECK_WORDS: usize = 3;
/// Tries per word.
const TRIES_PER_WORD: usize = 3;

/// Picks `n` distinct random 1-based positions out of `count`, sorted.
fn random_positions(count: usize, n: usize) -> Result<Vec<usize>> {
    let mut positions: Vec<usize> = Vec::with_capacity(n);
    while positions.len() < n.min(count) {
        let mut byte = [0u8; 2];
        getrandom::fill(&mut byte).map_err(|_| UserError::new("cli-randomness"))?;
        let candidate = usize::from(u16::from_le_bytes(byte)) % count + 1;
        if !positions.contains(&candidate) {
            positions.push(candidate);
        }
    }
    positions.sort_unstable();
    Ok(positions)
}

fn same_word(typed: &str, expected: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let typed: String = typed.trim().nfkd().collect::<String>().to_lowercase();
    let expected: String = expected.nfkd().collect::<String>();
    typed == expected
}

/// Asks for three random words of `mnemonic`. Returns whether all were right.
pub fn backup_check(ui: &Ui, mnemonic: &Mnemonic) -> Result<bool> {
    ui.say(
        "backup-check-intro",
        &[("count", BACKUP_CHECK_WORDS.into())],
    );
    for position in random_positions(mnemonic.word_count(), BACKUP_CHECK_WORDS)? {
        let expected = mnemonic.word(position).unwrap_or_default();
        let mut correct = false;
        for attempt in 1..=TRIES_PER_WORD {
            let typed = zeroize::Zeroizing::new(
                ui.ask("backup-check-word", &[("position", position.into())])
                    .context("reading from the terminal")?,
            );
            if same_word(&typed, expected) {
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

/// Unlocks `wallet`: the OS keyring first when it has a slot (unless `no_keyring`),
/// the password otherwise. A keyring that cannot be reached is reported, never
/// silently replaced, and the password is asked instead.
pub fn unlock(
    ui: &Ui,
    wallet: &mut WalletHandle,
    password: &PasswordArgs,
    no_keyring: bool,
) -> Result<UnlockedWallet> {
    if wallet.has_keyring_slot() && !no_keyring && password.password_fd.is_none() {
        let attempt = jifen_crypto::keystore::platform_store()
            .map_err(WalletError::from)
            .and_then(|store| wallet.unlock_with_keyring(store.as_ref()));
        match attempt {
            Ok(unlocked) => return Ok(unlocked),
            Err(error) => {
                let error = anyhow::Error::from(error);
                ui.say(
                    "keyring-fallback",
                    &[("reason", describe(ui.catalog(), &error).into())],
                );
            }
        }
    }
    let password = read_password(ui, password.password_fd)?;
    let unlocked = wallet.unlock(&password, &kdf_policy())?;
    if unlocked.kdf_upgraded() {
        ui.say("kdf-upgraded", &[]);
    } else if unlocked.kdf_upgrade_failed() {
        ui.say("kdf-upgrade-failed", &[]);
    }
    Ok(unlocked)
}

/// `jifen change-password`.
pub fn change_password(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    password: &PasswordArgs,
    new_password_fd: Option<i32>,
) -> Result<()> {
    let mut wallet = store.choose(wallet.wallet.as_deref())?;
    let old = read_password(ui, password.password_fd)?;
    let new = read_new_password(ui, new_password_fd, "JIFEN_NEW_PASSWORD")?;
    let params = calibrated_params(ui)?;
    wallet.change_password(&old, &new, params)?;
    ui.say("password-changed", &[("name", wallet.name().into())]);
    Ok(())
}

/// `jifen backup-check`.
pub fn backup_check_command(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    password: &PasswordArgs,
) -> Result<()> {
    if !ui.interactive() {
        return Err(UserError::new("cli-backup-check-needs-terminal").into());
    }
    let mut wallet = store.choose(wallet.wallet.as_deref())?;
    let unlocked = unlock(ui, &mut wallet, password, true)?;
    if backup_check(ui, unlocked.mnemonic())? {
        wallet.set_backup_verified()?;
        Ok(())
    } else {
        Err(UserError::new("backup-failed").into())
    }
}

/// Adds the keyring slot; a keyring that is not there is reported and skipped.
pub fn enable_keyring(ui: &Ui, wallet: &mut WalletHandle, password: &Password) {
    let result = jifen_crypto::keystore::platform_store()
        .map_err(WalletError::from)
        .and_then(|store| wallet.add_keyring_slot(password, &kdf_policy(), store.as_ref()));
    match result {
        Ok(()) => ui.say("keyring-enabled", &[]),
        Err(error) => {
            let error = anyhow::Error::from(error);
            ui.say(
                "keyring-not-enabled",
                &[("reason", describe(ui.catalog(), &error).into())],
            );
        }
    }
}

/// `jifen keyring enable|disable`.
pub fn keyring(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    password: &PasswordArgs,
    action: &str,
) -> Result<()> {
    let mut wallet = store.choose(wallet.wallet.as_deref())?;
    match action {
        "enable" => {
            let password = read_password(ui, password.password_fd)?;
            let keyring = jifen_crypto::keystore::platform_store()?;
            wallet.add_keyring_slot(&password, &kdf_policy(), keyring.as_ref())?;
            ui.say("keyring-enabled", &[]);
            Ok(())
        }
        "disable" => {
            let keyring = jifen_crypto::keystore::platform_store()?;
            wallet.remove_keyring_slot(keyring.as_ref())?;
            ui.say("keyring-disabled", &[]);
            Ok(())
        }
        other => Err(UserError::new("cli-keyring-action")
            .arg("given", other)
            .into()),
    }
}
