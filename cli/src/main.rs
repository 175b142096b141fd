//! `jifen`: the Jifen command-line wallet.
//!
//! Messages are in zh-CN by default (`--lang zh-TW|en` or `JIFEN_LANG`). Scriptable:
//! secrets come from `--password-fd` / `JIFEN_PASSWORD` and friends, and no prompt is
//! shown when stdin is not a terminal unless `--interactive` is given. See README.md.
#![allow(clippy::print_stdout)]

mod args;
mod commands;
mod error;
mod points_args;
mod provenance_args;
mod secret_input;
mod ui;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use jifen_i18n::Locale;

use crate::args::Cli;
use crate::ui::Ui;

fn locale_from_argv_and_env() -> Locale {
    let mut argv = std::env::args().skip(1);
    while let Some(arg) = argv.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            argv.next()
        } else {
            arg.strip_prefix("--lang=").map(str::to_owned)
        };
        if let Some(locale) = value.and_then(|v| v.parse().ok()) {
            return locale;
        }
    }
    std::env::var("JIFEN_LANG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

fn main() -> ExitCode {
    // Help texts must be in the person's language, so the locale is known before
    // clap parses anything.
    let locale = locale_from_argv_and_env();
    let catalog = jifen_i18n::Catalog::new(locale);
    let command = args::localize(Cli::command(), &catalog);
    let matches = command.get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ui = Ui::new(locale, cli.interactive);
    match commands::run(&ui, &cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let sentence = error::describe(ui.catalog(), &failure.message(), &failure.detail());
            ui.say("error-prefix", &[("message", sentence.into())]);
            ExitCode::FAILURE
        }
    }
}
