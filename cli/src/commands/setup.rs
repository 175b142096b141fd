//! `create` and `restore`: prompts and the one-time display of the words
//! over `jifen_wallet::onboarding`.

use std::io;

use jifen_crypto::mnemonic::Mnemonic;
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::{OpenWallet, WalletContext};
use zeroize::Zeroizing;

use super::{calibrate, security};
use crate::args::NewWalletArgs;
use crate::error::{Result, UserError};
use crate::secret_input::{read_fd, read_new_password, read_passphrase};
use crate::ui::Ui;

/// `jifen create`.
pub fn create(
    ui: &Ui,
    ctx: &WalletContext,
    args: &NewWalletArgs,
    words: usize,
    mnemonic_lang: &str,
    skip_backup_check: bool,
) -> Result<()> {
    let language = onboarding::word_list(mnemonic_lang)?;
    if !skip_backup_check && !ui.interactive() {
        return Err(UserError::new("cli-backup-check-needs-terminal").into());
    }
    let draft = onboarding::draft(&ctx.store(), &args.name, language, words)?;
    let password = read_new_password(ui, args.password_fd, "JIFEN_PASSWORD")?;
    let passphrase = read_passphrase(ui, args.passphrase, args.passphrase_fd)?;
    let kdf = calibrate(ui, ctx)?;

    show_mnemonic(ui, draft.mnemonic())?;
    let passed = if skip_backup_check {
        ui.say("backup-skipped", &[]);
        None
    } else {
        match security::backup_check(ui, draft.mnemonic(), draft.challenge()?)? {
            Some(passed) => Some(passed),
            // The check failed: nothing was written, the words are gone.
            None => return Err(UserError::new("backup-failed-not-created").into()),
        }
    };
    let secrets = Secrets {
        password: &password,
        passphrase: &passphrase,
        kdf: &kdf,
    };
    let mut open = draft.commit(ctx, &secrets, passed)?;
    finish(ui, ctx, &mut open, args, &password)
}

/// Shows the words once. At a terminal: numbered, on stderr, cleared after Enter.
/// Scripted: the phrase on stdout, for the calling program to store.
fn show_mnemonic(ui: &Ui, mnemonic: &Mnemonic) -> Result<()> {
    if !ui.interactive() {
        ui.data(&mnemonic.phrase());
        return Ok(());
    }
    if std::env::var_os("TMUX").is_some() || std::env::var_os("STY").is_some() {
        // tmux and screen keep their own scrollback, which clearing the terminal
        // does not reach.
        ui.say("mnemonic-multiplexer-warning", &[]);
    }
    ui.say("mnemonic-intro", &[("count", mnemonic.word_count().into())]);
    let mut lines = Zeroizing::new(String::new());
    for (i, word) in mnemonic.words().enumerate() {
        lines.push_str(&format!("{:>4}. {word:<10}", i + 1));
        if (i + 1) % 4 == 0 {
            lines.push('\n');
        }
    }
    eprintln!("\n{}", lines.as_str());
    ui.say("mnemonic-warning", &[]);
    ui.wait_and_clear("mnemonic-continue")
        .map_err(|e| UserError::terminal(&e))?;
    Ok(())
}

fn finish(
    ui: &Ui,
    ctx: &WalletContext,
    open: &mut OpenWallet,
    args: &NewWalletArgs,
    password: &jifen_crypto::keystore::Password,
) -> Result<()> {
    if args.keyring {
        security::enable_keyring_after_create(ui, ctx, open, password);
    }
    let view = open.view()?;
    ui.say("wallet-created", &[("name", view.name.clone().into())]);
    ui.say("wallet-first-address", &[("address", view.address.into())]);
    Ok(())
}

/// `jifen restore`.
pub fn restore(
    ui: &Ui,
    ctx: &WalletContext,
    args: &NewWalletArgs,
    mnemonic_lang: Option<&str>,
    mnemonic_fd: Option<i32>,
) -> Result<()> {
    let language = mnemonic_lang.map(onboarding::word_list).transpose()?;
    onboarding::check_name_free(&ctx.store(), &args.name)?;
    let phrase = match mnemonic_fd {
        Some(fd) => read_fd(fd)?,
        None if ui.interactive() => Zeroizing::new(
            ui.ask("prompt-mnemonic", &[])
                .map_err(|e| UserError::terminal(&e))?,
        ),
        None => {
            let mut line = Zeroizing::new(String::new());
            crate::ui::read_line_bounded(&mut io::stdin().lock(), &mut line)
                .map_err(|e| UserError::terminal(&e))?;
            line
        }
    };
    // Checked before any password is asked: a typo is found at once.
    let mnemonic = onboarding::parse_words(&phrase, language)?;
    drop(phrase);
    let password = read_new_password(ui, args.password_fd, "JIFEN_PASSWORD")?;
    let passphrase = read_passphrase(ui, args.passphrase, args.passphrase_fd)?;
    let kdf = calibrate(ui, ctx)?;
    let secrets = Secrets {
        password: &password,
        passphrase: &passphrase,
        kdf: &kdf,
    };
    let mut open = onboarding::restore(ctx, &args.name, &mnemonic, &secrets)?;
    finish(ui, ctx, &mut open, args, &password)
}
