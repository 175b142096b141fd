//! Turning any failure into a translated sentence.
//!
//! Every library error implements [`Coded`] (a message id and its arguments,
//! next to the error); the CLI's own refusals are [`UserError`]s. A command
//! returns a [`Failure`] holding either, and `main` formats it once in the
//! person's language. Nothing here matches on error strings or downcasts.

use std::fmt;

use jifen_i18n::{Arg, Catalog};
use jifen_protocol::message::{Coded, Message};

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

    /// Reading from or writing to the terminal failed.
    pub fn terminal(error: &std::io::Error) -> Self {
        UserError::new("cli-terminal-io").arg("reason", error.to_string())
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)
    }
}

impl std::error::Error for UserError {}

impl Coded for UserError {
    fn code(&self) -> &'static str {
        self.code
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        self.args.clone()
    }
}

/// Why a command failed: any coded error.
pub struct Failure(Box<dyn Coded + Send + Sync + 'static>);

impl<E: Coded + Send + Sync + 'static> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(Box::new(error))
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Failure({})", self.0.code())
    }
}

impl Failure {
    /// The message id and arguments.
    pub fn message(&self) -> Message {
        self.0.message()
    }

    /// The error's own (English, technical) description.
    pub fn detail(&self) -> String {
        self.0.to_string()
    }
}

/// A command's result.
pub type Result<T> = std::result::Result<T, Failure>;

/// The sentence a person reads for a coded error, in the catalog's language.
pub fn describe(catalog: &Catalog, message: &Message, detail: &str) -> String {
    if catalog.has(message.code) {
        catalog.format(message.code, &message.args)
    } else {
        // A code without a message is a bug the catalog tests catch; still
        // say what happened.
        catalog.format(
            "error-unexpected",
            &[("detail", Arg::from(format!("{}: {detail}", message.code)))],
        )
    }
}

/// [`describe`] for any coded error.
pub fn describe_error(catalog: &Catalog, error: &(impl Coded + ?Sized)) -> String {
    describe(catalog, &error.message(), &error.to_string())
}

/// The sentence of an error that crossed as a view (a listed wallet's, a
/// pending request's).
pub fn describe_view(catalog: &Catalog, error: &jifen_wallet::ErrorView) -> String {
    let args: Vec<(&str, Arg)> = error
        .args
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone().into()))
        .collect();
    if catalog.has(&error.code) {
        catalog.format(&error.code, &args)
    } else {
        catalog.format(
            "error-unexpected",
            &[("detail", Arg::from(error.code.clone()))],
        )
    }
}
