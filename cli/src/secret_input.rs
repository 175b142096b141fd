//! Where passwords, passphrases and mnemonics come from.
//!
//! In order: a file descriptor (`--password-fd N`), an environment variable
//! (`JIFEN_PASSWORD`, documented as less safe: other processes of the same user may
//! read it), then a hidden prompt when a person is at the terminal. Without any of
//! them a scripted run fails with a clear error instead of waiting for input.

use std::io::Read;

use jifen_crypto::keystore::Password;
use zeroize::Zeroizing;

use crate::error::{Result, UserError};
use crate::ui::Ui;

/// Most bytes read from a secret's file descriptor. A password, a BIP39
/// passphrase (at most 1024 bytes) or a 24-word mnemonic in any word list
/// is far shorter; a descriptor giving more (a large file, `/dev/zero`) is
/// refused before more than this is held in memory.
pub const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// Reads all of file descriptor `fd` (owned by the caller's parent; we only
/// read it), at most [`MAX_SECRET_BYTES`].
#[cfg(unix)]
pub fn read_fd(fd: i32) -> Result<Zeroizing<String>> {
    let bad_fd = || UserError::new("cli-bad-fd").arg("fd", i64::from(fd));
    if fd < 0 {
        return Err(bad_fd().into());
    }
    // `/dev/fd/N` (Linux and macOS) opens a duplicate of the descriptor, so no unsafe
    // code takes ownership of a descriptor we did not open.
    let path = format!("/dev/fd/{fd}");
    let file = std::fs::File::open(&path).map_err(|_| bad_fd())?;
    // The capacity is reserved up front so that the text is never moved
    // (leaving a copy of the secret behind) while it grows.
    let limit = usize::try_from(MAX_SECRET_BYTES).unwrap_or(usize::MAX);
    let mut text = Zeroizing::new(String::with_capacity(limit.saturating_add(1)));
    file.take(MAX_SECRET_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|_| bad_fd())?;
    if text.len() > limit {
        return Err(bad_fd().into());
    }
    // A trailing newline from `echo` is not part of the secret.
    while text.ends_with('\n') || text.ends_with('\r') {
        text.pop();
    }
    Ok(text)
}

/// File descriptors are a unix notion.
#[cfg(not(unix))]
pub fn read_fd(fd: i32) -> Result<Zeroizing<String>> {
    Err(UserError::new("cli-bad-fd").arg("fd", i64::from(fd)).into())
}

/// Sources for one secret.
#[derive(Clone, Copy, Debug)]
pub struct SecretSource<'a> {
    /// `--xxx-fd` value.
    pub fd: Option<i32>,
    /// Environment variable name.
    pub env: &'a str,
    /// Prompt message id.
    pub prompt: &'a str,
    /// Confirmation prompt id (new secrets are typed twice).
    pub confirm: Option<&'a str>,
}

/// Reads a secret string from its sources.
pub fn read_secret(ui: &Ui, source: SecretSource<'_>) -> Result<Zeroizing<String>> {
    if let Some(fd) = source.fd {
        return read_fd(fd);
    }
    if let Ok(value) = std::env::var(source.env) {
        return Ok(Zeroizing::new(value));
    }
    if !ui.interactive() {
        return Err(UserError::new("cli-no-secret-source")
            .arg("env", source.env)
            .into());
    }
    loop {
        let first = ui
            .ask_hidden(source.prompt, &[])
            .map_err(|e| UserError::terminal(&e))?;
        let Some(confirm) = source.confirm else {
            return Ok(first);
        };
        let second = ui
            .ask_hidden(confirm, &[])
            .map_err(|e| UserError::terminal(&e))?;
        if *first == *second {
            return Ok(first);
        }
        ui.say("cli-secrets-differ", &[]);
    }
}

/// Minimum length of a new wallet password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Reads the current wallet password.
pub fn read_password(ui: &Ui, fd: Option<i32>) -> Result<Password> {
    let raw = read_secret(
        ui,
        SecretSource {
            fd,
            env: "JIFEN_PASSWORD",
            prompt: "prompt-password",
            confirm: None,
        },
    )?;
    Ok(Password::new(&raw)?)
}

/// The environment variable holding a BIP39 passphrase.
pub const PASSPHRASE_ENV: &str = "JIFEN_PASSPHRASE";

/// Reads the BIP39 passphrase of a new wallet: from `--passphrase-fd`, else
/// `JIFEN_PASSPHRASE`, else (with `--passphrase`) a prompt typed twice; none
/// without any of them. A source that is present is always used (and said
/// so): a passphrase set in the environment is never silently ignored.
pub fn read_passphrase(ui: &Ui, requested: bool, fd: Option<i32>) -> Result<Zeroizing<String>> {
    if fd.is_none() && !requested {
        return match std::env::var(PASSPHRASE_ENV) {
            Ok(value) => {
                ui.say("passphrase-from-env", &[("env", PASSPHRASE_ENV.into())]);
                Ok(Zeroizing::new(value))
            }
            Err(std::env::VarError::NotPresent) => Ok(Zeroizing::new(String::new())),
            Err(std::env::VarError::NotUnicode(_)) => Err(UserError::new("cli-env-not-unicode")
                .arg("env", PASSPHRASE_ENV)
                .into()),
        };
    }
    read_secret(
        ui,
        SecretSource {
            fd,
            env: PASSPHRASE_ENV,
            prompt: "prompt-passphrase",
            confirm: Some("prompt-passphrase-again"),
        },
    )
}

/// Reads a new wallet password (typed twice at a terminal), at least 8 characters.
pub fn read_new_password(ui: &Ui, fd: Option<i32>, env: &str) -> Result<Password> {
    let raw = read_secret(
        ui,
        SecretSource {
            fd,
            env,
            prompt: "prompt-new-password",
            confirm: Some("prompt-new-password-again"),
        },
    )?;
    let chars = raw.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(UserError::new("cli-password-too-short")
            .arg("min", MIN_PASSWORD_CHARS)
            .arg("got", chars)
            .into());
    }
    Ok(Password::new(&raw)?)
}
