//! Command-line grammar, and its translation.
//!
//! Help texts live in the Fluent catalogs as `help-<command>` and
//! `help-<command>-<argument>` (`help-global-<argument>` for global options);
//! [`localize`] fills them in, and a test checks that every one exists.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jifen_i18n::Catalog;

/// The Jifen wallet.
#[derive(Debug, Parser)]
#[command(name = "jifen", version, propagate_version = true)]
pub struct Cli {
    /// Language of messages: zh-CN (default), zh-TW or en.
    #[arg(long, global = true, env = "JIFEN_LANG", value_name = "LANG")]
    pub lang: Option<String>,

    /// Directory holding wallets (default: the platform's data directory).
    #[arg(long, global = true, env = "JIFEN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Ask questions on stdin even when it is not a terminal.
    #[arg(long, global = true)]
    pub interactive: bool,

    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the wallet password comes from.
#[derive(Debug, Args, Clone, Copy)]
pub struct PasswordArgs {
    /// Read the wallet password from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub password_fd: Option<i32>,
}

/// Which wallet.
#[derive(Debug, Args, Clone)]
pub struct WalletArg {
    /// Wallet name (may be omitted when there is only one).
    #[arg(long, short = 'w', value_name = "NAME")]
    pub wallet: Option<String>,
}

/// Options shared by `create` and `restore`.
#[derive(Debug, Args)]
pub struct NewWalletArgs {
    /// Name of the new wallet.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub name: String,
    /// Network of the addresses: devnet (default), testnet or mainnet.
    #[arg(long, default_value = "devnet", value_name = "NETWORK")]
    pub network: String,
    /// Protect the mnemonic with a BIP39 passphrase (asked, or --passphrase-fd / JIFEN_PASSPHRASE).
    #[arg(long)]
    pub passphrase: bool,
    /// Read the BIP39 passphrase from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub passphrase_fd: Option<i32>,
    /// Read the new wallet password from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub password_fd: Option<i32>,
    /// Also keep an unlock key in the operating system's keyring.
    #[arg(long)]
    pub keyring: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a wallet with a new mnemonic.
    Create {
        /// Shared options.
        #[command(flatten)]
        new: NewWalletArgs,
        /// Number of words: 12 or 24.
        #[arg(long, default_value_t = 24, value_name = "N")]
        words: usize,
        /// Word list of the mnemonic: en, zh-hans or zh-hant.
        #[arg(long, default_value = "zh-hans", value_name = "LIST")]
        mnemonic_lang: String,
        /// Skip the backup check (the wallet is marked as not backed up).
        #[arg(long)]
        skip_backup_check: bool,
    },
    /// Restore a wallet from its mnemonic.
    Restore {
        /// Shared options.
        #[command(flatten)]
        new: NewWalletArgs,
        /// Word list of the mnemonic if detection is ambiguous: en, zh-hans or zh-hant.
        #[arg(long, value_name = "LIST")]
        mnemonic_lang: Option<String>,
        /// Read the mnemonic from this file descriptor (otherwise stdin or a prompt).
        #[arg(long, value_name = "FD")]
        mnemonic_fd: Option<i32>,
    },
    /// List wallets.
    List {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Show receive (or change) addresses.
    Addresses {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// First index.
        #[arg(long, default_value_t = 0)]
        start: u32,
        /// How many.
        #[arg(long, default_value_t = 5)]
        count: u32,
        /// Show change addresses instead of receive addresses.
        #[arg(long)]
        change: bool,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Export the watch-only account (extended public key).
    ExportWatchOnly {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Change the wallet password.
    ChangePassword {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Current password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Read the new password from this file descriptor (or JIFEN_NEW_PASSWORD).
        #[arg(long, value_name = "FD")]
        new_password_fd: Option<i32>,
    },
    /// Check that the mnemonic was written down correctly.
    BackupCheck {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Add or remove the OS keyring unlock key.
    Keyring {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// `enable` or `disable`.
        #[arg(value_name = "ACTION")]
        action: String,
    },
    /// Sign a message with a receive address's key.
    SignMessage {
        /// Which wallet.
        #[command(flatten)]
        wallet: WalletArg,
        /// Password source.
        #[command(flatten)]
        password: PasswordArgs,
        /// Address index.
        #[arg(long, default_value_t = 0)]
        index: u32,
        /// Do not try the OS keyring.
        #[arg(long)]
        no_keyring: bool,
        /// The message.
        #[arg(value_name = "MESSAGE")]
        message: String,
    },
    /// Verify a signed message.
    VerifyMessage {
        /// The address that should have signed.
        #[arg(long, value_name = "ADDRESS")]
        address: String,
        /// The signature from sign-message.
        #[arg(long, value_name = "SIGNATURE")]
        signature: String,
        /// The message.
        #[arg(value_name = "MESSAGE")]
        message: String,
    },
}

/// Message id of a command's help.
pub fn help_id(command: &str) -> String {
    format!("help-{command}")
}

/// Message id of an argument's help.
pub fn arg_help_id(command: Option<&str>, arg: &str) -> String {
    match command {
        Some(command) => format!("help-{command}-{arg}"),
        None => format!("help-global-{arg}"),
    }
}

fn is_builtin(arg: &str) -> bool {
    matches!(arg, "help" | "version")
}

/// Replaces every help text with the catalog's.
pub fn localize(mut command: clap::Command, catalog: &Catalog) -> clap::Command {
    command = command.about(catalog.format("help-jifen", &[]));
    let global: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|a| !is_builtin(a))
        .collect();
    for id in global {
        let text = catalog.format(&arg_help_id(None, &id), &[]);
        command = command.mut_arg(id, |a| a.help(text));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let about = catalog.format(&help_id(&name), &[]);
        command = command.mut_subcommand(&name, |mut sub| {
            sub = sub.about(about);
            let ids: Vec<String> = sub
                .get_arguments()
                .filter(|a| !a.is_global_set())
                .map(|a| a.get_id().to_string())
                .filter(|a| !is_builtin(a))
                .collect();
            for id in ids {
                let text = catalog.format(&arg_help_id(Some(&name), &id), &[]);
                sub = sub.mut_arg(id, |a| a.help(text));
            }
            sub
        });
    }
    command
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use jifen_i18n::Locale;

    use super::*;

    #[test]
    fn every_command_and_argument_has_help_in_every_locale() {
        let command = Cli::command();
        let mut ids = vec!["help-jifen".to_owned()];
        for arg in command.get_arguments() {
            if !is_builtin(arg.get_id().as_str()) {
                ids.push(arg_help_id(None, arg.get_id().as_str()));
            }
        }
        for sub in command.get_subcommands() {
            ids.push(help_id(sub.get_name()));
            for arg in sub.get_arguments() {
                if !arg.is_global_set() && !is_builtin(arg.get_id().as_str()) {
                    ids.push(arg_help_id(Some(sub.get_name()), arg.get_id().as_str()));
                }
            }
        }
        for locale in Locale::ALL {
            let catalog = Catalog::new(locale);
            let missing: Vec<&String> = ids.iter().filter(|id| !catalog.has(id)).collect();
            assert!(
                missing.is_empty(),
                "{locale}: missing help messages {missing:?}"
            );
        }
    }

    #[test]
    fn grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}
