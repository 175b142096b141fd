//! What a person reads when something fails: a stable message id and its
//! named arguments, defined next to each error (`docs/adr/0003-i18n-fluent-codes.md`).
//!
//! Every error enum of the workspace implements [`Coded`]: `code()` is the
//! id of a message in the Fluent catalogs (`i18n/locales/*/`), `args()` the
//! values the message needs, each listed by an exhaustive `match` so that a
//! new variant cannot silently lose its arguments. Front ends format a
//! [`Message`] in the person's language; nothing matches on error strings.
//!
//! ```
//! use jifen_protocol::message::{Arg, Coded};
//! use jifen_protocol::{Address, Network};
//!
//! let error = Address::decode("jf1qqqq", Network::Mainnet).unwrap_err();
//! let message = error.message();
//! assert_eq!(message.code, error.code());
//! assert!(message.args.iter().all(|(name, _)| !name.is_empty()));
//! assert_eq!(Arg::from(7u32), Arg::Int(7));
//! ```

use std::fmt;

/// The value of a message argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text, inserted as is.
    Text(String),
    /// An integer (counts select plural forms).
    Int(i64),
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(text) => f.write_str(text),
            Arg::Int(n) => write!(f, "{n}"),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        i64::try_from(n)
            .map(Arg::Int)
            .unwrap_or_else(|_| Arg::Text(n.to_string()))
    }
}

impl From<u128> for Arg {
    fn from(n: u128) -> Self {
        i64::try_from(n)
            .map(Arg::Int)
            .unwrap_or_else(|_| Arg::Text(n.to_string()))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        i64::try_from(n)
            .map(Arg::Int)
            .unwrap_or_else(|_| Arg::Text(n.to_string()))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<bool> for Arg {
    fn from(b: bool) -> Self {
        Arg::Text(b.to_string())
    }
}

/// A message id and its named arguments, ready for a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Message id (kebab-case, e.g. `keystore-wrong-password`).
    pub code: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments.
    #[must_use]
    pub fn new(code: &'static str) -> Self {
        Self {
            code,
            args: Vec::new(),
        }
    }

    /// Adds a named argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// An error a person may read: a stable message id and the arguments of
/// that message. Implemented by every error enum of the workspace, next to
/// the enum, with exhaustive matches (no `_ =>` arm), so that adding a
/// variant forces its code and its arguments to be written.
pub trait Coded: std::error::Error {
    /// The stable kebab-case message id.
    fn code(&self) -> &'static str;

    /// The message's named arguments.
    fn args(&self) -> Vec<(&'static str, Arg)>;

    /// Code and arguments together.
    fn message(&self) -> Message {
        Message {
            code: Coded::code(self),
            args: self.args(),
        }
    }
}
