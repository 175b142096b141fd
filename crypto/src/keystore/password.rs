//! The user's password, normalized the same way on every device.

use std::fmt;

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::error::{KeystoreError, Result};

/// A keystore password: NFKD-normalized, with control characters removed
/// (the EIP-2335 rule), zeroized on drop, redacted in `Debug`.
///
/// Normalizing means a password typed as composed or decomposed characters
/// (for example full-width and half-width forms on a Chinese IME) derives
/// the same key on every platform.
pub struct Password(Zeroizing<String>);

impl Password {
    /// Normalize `raw` to NFKD and strip control characters (Unicode `Cc`:
    /// U+0000..U+001F, U+007F..U+009F).
    ///
    /// The result is built in one exactly sized allocation, so no partial
    /// copy of the password is left behind in freed memory by a reallocation.
    ///
    /// # Errors
    /// [`KeystoreError::EmptyPassword`] if nothing is left after normalization.
    pub fn new(raw: &str) -> Result<Self> {
        let kept = || raw.nfkd().filter(|c| !c.is_control());
        let len: usize = kept().map(char::len_utf8).sum();
        if len == 0 {
            return Err(KeystoreError::EmptyPassword);
        }
        let mut normalized = Zeroizing::new(String::with_capacity(len));
        normalized.extend(kept());
        Ok(Self(normalized))
    }

    /// The normalized password as UTF-8 bytes (the Argon2 input).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_table() {
        let cases: &[(&str, &str, &str)] = &[
            ("ascii is unchanged", "correct horse", "correct horse"),
            ("composed é becomes e + U+0301", "caf\u{e9}", "cafe\u{301}"),
            ("decomposed stays decomposed", "cafe\u{301}", "cafe\u{301}"),
            (
                "full-width letters fold",
                "\u{ff30}\u{ff41}\u{ff53}\u{ff53}",
                "Pass",
            ),
            (
                "ideographic space folds to space",
                "積分\u{3000}錢包",
                "積分 錢包",
            ),
            ("c0 controls stripped", "a\u{0}b\tc\nd\u{1f}", "abcd"),
            (
                "del and c1 controls stripped",
                "a\u{7f}b\u{85}c\u{9f}",
                "abc",
            ),
            (
                "zero-width joiner is not a control",
                "a\u{200d}b",
                "a\u{200d}b",
            ),
        ];
        for (name, input, expected) in cases {
            let pw = Password::new(input).unwrap();
            assert_eq!(pw.as_bytes(), expected.as_bytes(), "{name}");
        }
    }

    #[test]
    fn empty_after_normalization_is_rejected() {
        for input in ["", "\n", "\u{0}\u{7f}\u{9f}"] {
            assert!(matches!(
                Password::new(input),
                Err(KeystoreError::EmptyPassword)
            ));
        }
    }

    #[test]
    fn debug_is_redacted() {
        let pw = Password::new("hunter2").unwrap();
        assert_eq!(format!("{pw:?}"), "Password(<redacted>)");
    }
}
