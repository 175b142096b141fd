//! `create` and `restore`.

use std::io::{self, BufRead};

use anyhow::{Context, Result};
use jifen_crypto::hd::Chain;
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage, WordCount};
use jifen_protocol::Network;
use jifen_wallet::{NewWallet, WalletError, WalletHandle, WalletStore};
use zeroize::Zeroizing;

use super::{calibrated_params, security};
use crate::args::NewWalletArgs;
use crate::error::UserError;
use crate::secret_input::{SecretSource, read_fd, read_new_password, read_secret};
use crate::ui::Ui;

fn parse_network(name: &str) -> Result<Network> {
    name.parse::<Network>().map_err(|_| {
        UserError::new("cli-unknown-network")
            .arg("given", name)
            .into()
    })
}

fn parse_mnemonic_language(name: &str) -> Result<MnemonicLanguage> {
    name.parse::<MnemonicLanguage>().map_err(|_| {
        UserError::new("cli-unknown-mnemonic-language")
            .arg("given", name)
            .into()
    })
}

fn read_passphrase(ui: &Ui, args: &NewWalletArgs) -> Result<Zeroizing<String>> {
    if !args.passphrase && args.passphrase_fd.is_none() {
        return Ok(Zeroizing::new(String::new()));
    }
    read_secret(
        ui,
        SecretSource {
            fd: args.passphrase_fd,
            env: "JIFEN_PASSPHRASE",
            prompt: "prompt-passphrase",
            confirm: Some("prompt-passphrase-again"),
        },
    )
}

fn ensure_name_free(store: &WalletStore, name: &str) -> Result<()> {
    jifen_wallet::store::validate_name(name)?;
    if store.names()?.iter().any(|n| n == name) {
        return Err(WalletError::AlreadyExists {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// `jifen create`.
pub fn create(
    ui: &Ui,
    store: &WalletStore,
    args: &NewWalletArgs,
    words: usize,
    mnemonic_lang: &str,
    skip_backup_check: bool,
) -> Result<()> {
    let network = parse_network(&args.network)?;
    let language = parse_mnemonic_language(mnemonic_lang)?;
    let count = WordCount::from_words(words)
        .ok_or_else(|| UserError::new("cli-word-count").arg("got", words))?;
    ensure_name_free(store, &args.name)?;
    if !skip_backup_check && !ui.interactive() {
        return Err(UserError::new("cli-backup-check-needs-terminal").into());
    }
    let password = read_new_password(ui, args.password_fd, "JIFEN_PASSWORD")?;
    let passphrase = read_passphrase(ui, args)?;
    let kdf = calibrated_params(ui)?;

    let mnemonic = Mnemonic::generate(language, count)?;
    show_mnemonic(ui, &mnemonic)?;
    let verified = if skip_backup_check {
        ui.say("backup-skipped", &[]);
        false
    } else if security::backup_check(ui, &mnemonic)? {
        true
    } else {
        return Err(UserError::new("backup-failed-not-created").into());
    };

    let mut wallet = store.create(&NewWallet {
        name: &args.name,
        mnemonic: &mnemonic,
        passphrase: &passphrase,
        password: &password,
        network,
        kdf,
        backup_verified: verified,
    })?;
    finish(ui, &mut wallet, args, &password)
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
        .context("reading from the terminal")?;
    Ok(())
}

fn finish(
    ui: &Ui,
    wallet: &mut WalletHandle,
    args: &NewWalletArgs,
    password: &jifen_crypto::keystore::Password,
) -> Result<()> {
    if args.keyring {
        security::enable_keyring(ui, wallet, password);
    }
    let first = wallet.account()?.address(Chain::Receive, 0)?;
    let network = wallet.network()?;
    ui.say("wallet-created", &[("name", wallet.name().into())]);
    ui.say(
        "wallet-first-address",
        &[("address", first.encode(network).into())],
    );
    Ok(())
}

/// `jifen restore`.
pub fn restore(
    ui: &Ui,
    store: &WalletStore,
    args: &NewWalletArgs,
    mnemonic_lang: Option<&str>,
    mnemonic_fd: Option<i32>,
) -> Result<()> {
    let network = parse_network(&args.network)?;
    let language = mnemonic_lang.map(parse_mnemonic_language).transpose()?;
    ensure_name_free(store, &args.name)?;
    let phrase = match mnemonic_fd {
        Some(fd) => read_fd(fd)?,
        None if ui.interactive() => Zeroizing::new(
            ui.ask("prompt-mnemonic", &[])
                .context("reading the mnemonic")?,
        ),
        None => {
            let mut line = Zeroizing::new(String::new());
            io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the mnemonic from stdin")?;
            line
        }
    };
    let mnemonic = Mnemonic::parse(&phrase, language)?;
    drop(phrase);
    let password = read_new_password(ui, args.password_fd, "JIFEN_PASSWORD")?;
    let passphrase = read_passphrase(ui, args)?;
    let kdf = calibrated_params(ui)?;
    let mut wallet = store.create(&NewWallet {
        name: &args.name,
        mnemonic: &mnemonic,
        passphrase: &passphrase,
        password: &password,
        network,
        kdf,
        // Typing the whole phrase back in proves it was written down.
        backup_verified: true,
    })?;
    finish(ui, &mut wallet, args, &password)
}
