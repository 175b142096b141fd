//! Secrets that come in from the webview (passwords, typed mnemonics): zeroized on
//! drop, redacted in `Debug`.

use serde::{Deserialize, Deserializer};
use zeroize::Zeroizing;

/// A secret string received over IPC.
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// The text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> Self {
        Self(Zeroizing::new(s.to_owned()))
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretString(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for SecretString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self(Zeroizing::new(String::deserialize(deserializer)?)))
    }
}
