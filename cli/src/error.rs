//! Turning any failure into a translated sentence.
//!
//! Library errors carry a stable `code()`; the message with that id in the Fluent
//! catalog is what the person reads; `jifen_wallet::messages` gives every library
//! error's id and arguments (shared with the app). The CLI's own refusals are [`UserError`]s with a
//! code and named arguments. Nothing here matches on error strings.

use std::fmt;

use jifen_i18n::{Arg, Catalog};
pub use jifen_wallet::messages::Translated;

/// A refusal by the CLI itself, with a message id and arguments.
#[derive(Debug)]
pub struct UserError {
    code: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl UserError {
    /// A refusal with message id `code`.
    pub fn new(code: &'static str) -> Self {
        UserError {
            code,
            args: Vec::new(),
        }
    }

    /// Adds a named argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)
    }
}

impl std::error::Error for UserError {}

/// Finds the first error in the chain that has a code.
pub fn translate(error: &anyhow::Error) -> Option<Translated> {
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<UserError>() {
            return Some(Translated {
                code: e.code,
                args: e.args.clone(),
            });
        }
        if let Some(t) = jifen_wallet::messages::translate(cause) {
            return Some(t);
        }
    }
    None
}

/// The sentence a person reads for `error`, in the catalog's language.
pub fn describe(catalog: &Catalog, error: &anyhow::Error) -> String {
    match translate(error) {
        Some(t) if catalog.has(t.code) => catalog.format(t.code, &t.args),
        // Untranslated causes (I/O with the terminal, ...) still say what happened.
        _ => catalog.format(
            "error-unexpected",
            &[("detail", Arg::from(format!("{error:#}")))],
        ),
    }
}
