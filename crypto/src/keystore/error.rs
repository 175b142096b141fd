//! The one error type of the keystore, with stable codes for translation.

use std::io;
use std::path::PathBuf;

use jifen_files::FileError;
use jifen_protocol::message::Arg;

/// Everything that can go wrong with a keystore file or one of its key slots.
///
/// Messages are lower-case English for logs; front ends translate by
/// [`KeystoreError::code`], never by matching on the message. No variant
/// carries secret material (passwords, keys, plaintext).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeystoreError {
    /// No file at the given path.
    #[error("keystore file not found: {}", path.display())]
    NotFound {
        /// The path that was opened.
        path: PathBuf,
    },
    /// `create` refuses to overwrite an existing file.
    #[error("a file already exists at {}", path.display())]
    AlreadyExists {
        /// The path that was to be created.
        path: PathBuf,
    },
    /// An operating-system I/O error.
    #[error("i/o error while trying to {op} {}: {source}", path.display())]
    Io {
        /// What was being done ("read", "write temporary file", "rename", ...).
        op: &'static str,
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The keystore file, or the wallet file or lock beside it, cannot be
    /// used: not a regular file (a FIFO or a device is refused without
    /// blocking), larger than the format allows, locked by another process,
    /// or an operating-system error in one of the steps of `jifen-files`.
    /// Carries the `files-*` code of [`FileError`].
    #[error(transparent)]
    File(#[from] FileError),
    /// The file does not start with the keystore magic bytes.
    #[error("not a keystore file (the magic bytes do not match)")]
    NotAKeystore,
    /// The file is shorter than its own header says it must be.
    #[error("keystore file is truncated: expected {expected} bytes, got {got}")]
    Truncated {
        /// Bytes the layout requires.
        expected: u64,
        /// Bytes present.
        got: u64,
    },
    /// A checksum or structural check failed: the bytes are damaged.
    #[error("keystore file is corrupted: {detail}")]
    Corrupted {
        /// Which check failed.
        detail: &'static str,
    },
    /// An intact file written in a format version this build does not read.
    #[error("unsupported keystore format version {found} (this build reads version {supported})")]
    UnsupportedVersion {
        /// Version found in the file.
        found: u16,
        /// Version this build reads and writes.
        supported: u16,
    },
    /// A KDF parameter (from a file or a caller) is outside the accepted range.
    #[error("kdf parameter {param} out of bounds: got {got}, allowed {min}..={max}")]
    KdfOutOfBounds {
        /// Which parameter ("m_cost_kib", "t_cost", "p_cost", "salt length", ...).
        param: &'static str,
        /// The value found.
        got: u64,
        /// Smallest accepted value.
        min: u64,
        /// Largest accepted value.
        max: u64,
    },
    /// The password slot did not open with this password.
    ///
    /// Also returned when slot parameters were altered and the checksum
    /// recomputed: the two cases are indistinguishable by design.
    #[error("wrong password")]
    WrongPassword,
    /// The password is empty after normalization.
    #[error("the password is empty")]
    EmptyPassword,
    /// An input (secret or public metadata) exceeds the format's limit.
    #[error("{what} too large: {len} bytes, at most {max}")]
    TooLarge {
        /// Which input.
        what: &'static str,
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The OS credential store cannot be reached or refused access.
    /// The password slot keeps working.
    #[error("os keyring unavailable: {reason}")]
    KeyringUnavailable {
        /// What the platform store reported.
        reason: String,
    },
    /// The keystore has no OS-keyring slot.
    #[error("the keystore has no os keyring slot")]
    NoKeyringSlot,
    /// The file has a keyring slot but the OS credential store has no entry for it.
    #[error("the os keyring has no entry for this keystore (service {service}, user {user})")]
    KeyringEntryMissing {
        /// Entry service name.
        service: String,
        /// Entry user name.
        user: String,
    },
    /// The OS keyring entry exists but does not open the keyring slot.
    #[error("the os keyring entry does not unlock this keystore")]
    KeyringMismatch,
    /// A freshly written file did not read back and decrypt as written;
    /// the previous file is untouched.
    #[error("the written keystore failed verification: {detail}")]
    VerifyFailed {
        /// Which check failed.
        detail: &'static str,
    },
    /// An [`Unlocked`](super::Unlocked) from another keystore was passed in.
    #[error("the unlocked secret belongs to another keystore")]
    ForeignUnlocked,
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed")]
    Random,
    /// A [`KdfPolicy`](super::KdfPolicy) was built from inconsistent values.
    #[error("invalid kdf policy: {detail}")]
    InvalidPolicy {
        /// What is inconsistent.
        detail: &'static str,
    },
    /// Argon2 or AES-GCM refused an input that the bounds checks let through.
    #[error("cryptographic primitive failed: {detail}")]
    Crypto {
        /// Which primitive.
        detail: &'static str,
    },
}

impl KeystoreError {
    /// A stable, kebab-case identifier for this kind of error; front ends map
    /// it to a translated message (see `docs/keystore.md#error-codes`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "keystore-not-found",
            Self::AlreadyExists { .. } => "keystore-already-exists",
            Self::Io { .. } => "keystore-io",
            Self::File(e) => e.code(),
            Self::NotAKeystore => "keystore-not-a-keystore",
            Self::Truncated { .. } => "keystore-truncated",
            Self::Corrupted { .. } => "keystore-corrupted",
            Self::UnsupportedVersion { .. } => "keystore-unsupported-version",
            Self::KdfOutOfBounds { .. } => "keystore-kdf-out-of-bounds",
            Self::WrongPassword => "keystore-wrong-password",
            Self::EmptyPassword => "keystore-empty-password",
            Self::TooLarge { .. } => "keystore-too-large",
            Self::KeyringUnavailable { .. } => "keystore-keyring-unavailable",
            Self::NoKeyringSlot => "keystore-no-keyring-slot",
            Self::KeyringEntryMissing { .. } => "keystore-keyring-entry-missing",
            Self::KeyringMismatch => "keystore-keyring-mismatch",
            Self::VerifyFailed { .. } => "keystore-verify-failed",
            Self::ForeignUnlocked => "keystore-foreign-unlocked",
            Self::Random => "keystore-random",
            Self::InvalidPolicy { .. } => "keystore-invalid-policy",
            Self::Crypto { .. } => "keystore-crypto",
        }
    }

    pub(crate) fn io(op: &'static str, path: &std::path::Path, source: io::Error) -> Self {
        Self::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl jifen_protocol::message::Coded for KeystoreError {
    fn code(&self) -> &'static str {
        KeystoreError::code(self)
    }

    /// The arguments the catalogs' `keystore-*` messages use. Variants whose details
    /// are for logs only (sizes, keyring entry names, verification and policy details)
    /// pass none.
    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::NotFound { path } | Self::AlreadyExists { path } => {
                vec![("path", path.display().to_string().into())]
            }
            Self::Io { op, path, source } => vec![
                ("op", (*op).into()),
                ("path", path.display().to_string().into()),
                ("reason", source.to_string().into()),
            ],
            Self::Truncated { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::Corrupted { detail } => vec![("detail", (*detail).into())],
            Self::UnsupportedVersion { found, supported } => vec![
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
            Self::KdfOutOfBounds {
                param,
                got,
                min,
                max,
            } => vec![
                ("param", (*param).into()),
                ("got", (*got).into()),
                ("min", (*min).into()),
                ("max", (*max).into()),
            ],
            Self::KeyringUnavailable { reason } => vec![("reason", reason.into())],
            Self::File(e) => jifen_protocol::message::Coded::args(e),
            Self::NotAKeystore
            | Self::WrongPassword
            | Self::EmptyPassword
            | Self::TooLarge { .. }
            | Self::NoKeyringSlot
            | Self::KeyringEntryMissing { .. }
            | Self::KeyringMismatch
            | Self::VerifyFailed { .. }
            | Self::ForeignUnlocked
            | Self::Random
            | Self::InvalidPolicy { .. }
            | Self::Crypto { .. } => Vec::new(),
        }
    }
}

/// Shorthand for results in this module.
pub type Result<T, E = KeystoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_kebab_case() {
        let all = [
            KeystoreError::NotFound { path: "x".into() },
            KeystoreError::AlreadyExists { path: "x".into() },
            KeystoreError::io("read", "x".as_ref(), io::Error::other("e")),
            KeystoreError::NotAKeystore,
            KeystoreError::Truncated {
                expected: 2,
                got: 1,
            },
            KeystoreError::Corrupted { detail: "d" },
            KeystoreError::UnsupportedVersion {
                found: 2,
                supported: 1,
            },
            KeystoreError::KdfOutOfBounds {
                param: "t_cost",
                got: 0,
                min: 1,
                max: 2,
            },
            KeystoreError::WrongPassword,
            KeystoreError::EmptyPassword,
            KeystoreError::TooLarge {
                what: "secret",
                len: 2,
                max: 1,
            },
            KeystoreError::KeyringUnavailable { reason: "r".into() },
            KeystoreError::NoKeyringSlot,
            KeystoreError::KeyringEntryMissing {
                service: "s".into(),
                user: "u".into(),
            },
            KeystoreError::KeyringMismatch,
            KeystoreError::VerifyFailed { detail: "d" },
            KeystoreError::ForeignUnlocked,
            KeystoreError::Random,
            KeystoreError::InvalidPolicy { detail: "d" },
            KeystoreError::Crypto { detail: "d" },
        ];
        let mut codes: Vec<_> = all.iter().map(KeystoreError::code).collect();
        for code in &codes {
            assert!(code.starts_with("keystore-"), "{code}");
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
        for err in &all {
            let msg = err.to_string();
            assert!(msg.starts_with(|c: char| !c.is_uppercase()), "{msg}");
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
