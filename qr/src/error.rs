//! Typed errors, one enum per operation, each with a stable `code()` that
//! front ends translate (see `docs/qr.md#errors`).

use crate::payload::UrType;

/// Why CBOR bytes are not a valid payload of their UR type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadError {
    /// The payload declares a version this build does not read.
    #[error("{ur_type} version {got} is not supported (this build reads version {supported})")]
    UnsupportedVersion {
        /// The payload's UR type.
        ur_type: UrType,
        /// The version found.
        got: u64,
        /// The version this build reads.
        supported: u64,
    },
    /// The input ends inside an item.
    #[error("cbor ends inside an item at offset {offset}")]
    Truncated {
        /// Offset of the item that is cut short.
        offset: usize,
    },
    /// Bytes that are not CBOR of the subset we use.
    #[error("malformed cbor at offset {offset}: {reason}")]
    Malformed {
        /// Offset of the offending item.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// Valid CBOR, but not in its deterministic (canonical) form.
    #[error("non-canonical cbor at offset {offset}: {reason}")]
    NonCanonical {
        /// Offset of the offending item.
        offset: usize,
        /// What is not canonical.
        reason: &'static str,
    },
    /// Bytes after the payload.
    #[error("{count} trailing bytes after the payload")]
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// A map key appears twice.
    #[error("map key {key} appears twice (offset {offset})")]
    DuplicateKey {
        /// The key.
        key: u64,
        /// Offset of the second occurrence.
        offset: usize,
    },
    /// A map key this version does not define.
    #[error("unknown field {key} in {ur_type}")]
    UnknownField {
        /// The payload's UR type.
        ur_type: UrType,
        /// The key.
        key: u64,
    },
    /// A required field is absent.
    #[error("{ur_type} lacks the {field} field")]
    MissingField {
        /// The payload's UR type.
        ur_type: UrType,
        /// The field's name.
        field: &'static str,
    },
    /// A field holds the wrong kind of CBOR item.
    #[error("{field} at offset {offset} must be {expected}")]
    WrongFieldType {
        /// The field's name.
        field: &'static str,
        /// Offset of the item.
        offset: usize,
        /// What was expected.
        expected: &'static str,
    },
    /// A field is longer than its limit.
    #[error("{field} is {got} long; at most {max} allowed")]
    FieldTooLarge {
        /// The field's name.
        field: &'static str,
        /// The limit.
        max: usize,
        /// The declared length.
        got: u64,
    },
    /// A field of the right type holds a value that is not allowed.
    #[error("invalid {field} at offset {offset}: {reason}")]
    InvalidField {
        /// The field's name.
        field: &'static str,
        /// Offset of the item.
        offset: usize,
        /// What is wrong.
        reason: String,
    },
    /// The unsigned transaction is not a canonical `jifen_protocol` encoding.
    #[error("invalid unsigned transaction: {0}")]
    Transaction(#[source] jifen_protocol::DecodeError),
}

impl PayloadError {
    /// A stable kebab-case code for translation.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::UnsupportedVersion { .. } => "qr-unsupported-version",
            Self::Truncated { .. } => "qr-cbor-truncated",
            Self::Malformed { .. } => "qr-cbor-malformed",
            Self::NonCanonical { .. } => "qr-cbor-non-canonical",
            Self::TrailingBytes { .. } => "qr-cbor-trailing-bytes",
            Self::DuplicateKey { .. } => "qr-cbor-duplicate-key",
            Self::UnknownField { .. } => "qr-unknown-field",
            Self::MissingField { .. } => "qr-missing-field",
            Self::WrongFieldType { .. } => "qr-wrong-field-type",
            Self::FieldTooLarge { .. } => "qr-field-too-large",
            Self::InvalidField { .. } => "qr-invalid-field",
            Self::Transaction(_) => "qr-invalid-transaction",
        }
    }
}

/// Why a scanned or pasted text part was not accepted. After any error the
/// decoder's state is what it was before the part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrError {
    /// The text does not start with `ur:`.
    #[error("not a UR (the text does not start with `ur:`)")]
    NotUr,
    /// A `ur:` text with a broken structure.
    #[error("malformed UR: {reason}")]
    Malformed {
        /// What is wrong.
        reason: &'static str,
    },
    /// A UR type that is not one of ours (or from a newer app).
    #[error("unsupported UR type `{got}`")]
    UnknownType {
        /// The type as written (lower case, at most 64 characters).
        got: String,
    },
    /// One of our types, but not the one this screen expects.
    #[error("expected a {expected} code, got a {got} code")]
    WrongType {
        /// The type the decoder waits for.
        expected: UrType,
        /// The type scanned.
        got: UrType,
    },
    /// A bytewords body with an unknown word, a bad length or a bad CRC-32.
    #[error("unreadable UR body (bytewords {reason})")]
    Bytewords {
        /// What is wrong.
        reason: &'static str,
    },
    /// A part announcing more fragments or a longer message than we accept.
    #[error("UR too large: {got} {what}; at most {max}")]
    TooLarge {
        /// "fragments" or "bytes".
        what: &'static str,
        /// The limit.
        max: usize,
        /// The announced value.
        got: usize,
    },
    /// A part of another animation than the one being received; ignored.
    #[error("part of another QR animation ({got}); still receiving {current}")]
    ForeignStream {
        /// The stream being received.
        current: String,
        /// The stream the part belongs to.
        got: String,
    },
    /// A part whose header disagrees with itself or with the fountain decoder.
    #[error("inconsistent UR part: {reason}")]
    InconsistentPart {
        /// What is wrong.
        reason: &'static str,
    },
    /// The reassembled message fails its CRC-32; the session restarts.
    #[error("reassembled message fails its checksum; scan again")]
    MessageChecksum,
    /// The message arrived but its payload is invalid.
    #[error(transparent)]
    Payload(#[from] PayloadError),
}

impl UrError {
    /// A stable kebab-case code for translation (a payload error keeps its own).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotUr => "qr-not-ur",
            Self::Malformed { .. } => "qr-malformed-ur",
            Self::UnknownType { .. } => "qr-unknown-type",
            Self::WrongType { .. } => "qr-wrong-type",
            Self::Bytewords { .. } => "qr-bytewords",
            Self::TooLarge { .. } => "qr-ur-too-large",
            Self::ForeignStream { .. } => "qr-foreign-stream",
            Self::InconsistentPart { .. } => "qr-inconsistent-part",
            Self::MessageChecksum => "qr-message-checksum",
            Self::Payload(err) => err.code(),
        }
    }
}

/// Why a payload could not be turned into UR parts or QR codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// The payload would not decode on the other side (a field over its limit).
    #[error("payload refused before sending: {0}")]
    InvalidPayload(#[from] PayloadError),
    /// The message is longer than a decoder accepts.
    #[error("message of {got} bytes; at most {max}")]
    TooLarge {
        /// The limit.
        max: usize,
        /// The message length.
        got: usize,
    },
    /// The text does not fit a QR code (version 40, EC level L).
    #[error("{len} characters do not fit one QR code")]
    QrCapacity {
        /// The text length.
        len: usize,
    },
    /// The fountain encoder refused the message.
    #[error("fountain encoder: {reason}")]
    Fountain {
        /// The encoder's message.
        reason: String,
    },
    /// PNG encoding failed.
    #[error("png encoding: {reason}")]
    Png {
        /// The encoder's message.
        reason: String,
    },
}

impl EncodeError {
    /// A stable kebab-case code for translation.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::InvalidPayload(_) => "qr-invalid-payload",
            Self::TooLarge { .. } => "qr-ur-too-large",
            Self::QrCapacity { .. } => "qr-capacity",
            Self::Fountain { .. } => "qr-fountain",
            Self::Png { .. } => "qr-png",
        }
    }
}

/// Why an image could not be searched for QR codes. Finding no code is not an
/// error (an empty list).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScanError {
    /// Larger than [`crate::MAX_SCAN_DIMENSION`] on a side, or a file over
    /// [`crate::MAX_IMAGE_FILE_BYTES`].
    #[error("image of {width}x{height} is too large; at most {max}x{max}")]
    ImageTooLarge {
        /// Width in pixels (0 if unknown).
        width: u64,
        /// Height in pixels (0 if unknown).
        height: u64,
        /// The limit per side.
        max: u32,
    },
    /// The pixel buffer's length is not `width * height`.
    #[error("luma frame of {width}x{height} needs {expected} bytes, got {got}")]
    FrameSize {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// `width * height`.
        expected: u64,
        /// The buffer length.
        got: usize,
    },
    /// Not a PNG or JPEG image, or a corrupt one.
    #[error("unreadable image: {reason}")]
    Unreadable {
        /// The decoder's message.
        reason: String,
    },
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The OS message.
        reason: String,
    },
}

impl ScanError {
    /// A stable kebab-case code for translation.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::ImageTooLarge { .. } => "qr-image-too-large",
            Self::FrameSize { .. } => "qr-frame-size",
            Self::Unreadable { .. } => "qr-image-unreadable",
            Self::Io { .. } => "qr-image-io",
        }
    }
}

/// Message arguments of each error (`jifen_protocol::message::Coded`): the
/// values a catalog may show, named as the catalogs name them elsewhere
/// (`got`/`expected`/`max`, `offset`, `field`, `reason`, `path`); a UR type
/// is shown by its name (`jifen-sign-request`).
mod coded {
    use jifen_protocol::message::{Arg, Coded};

    use super::{EncodeError, PayloadError, ScanError, UrError};
    use crate::payload::UrType;

    fn ur_type(name: &'static str, value: UrType) -> (&'static str, Arg) {
        (name, value.as_str().into())
    }

    impl Coded for PayloadError {
        fn code(&self) -> &'static str {
            PayloadError::code(self)
        }

        fn args(&self) -> Vec<(&'static str, Arg)> {
            match self {
                Self::UnsupportedVersion {
                    ur_type: kind,
                    got,
                    supported,
                } => vec![
                    ur_type("type", *kind),
                    ("got", (*got).into()),
                    ("supported", (*supported).into()),
                ],
                Self::Truncated { offset } => vec![("offset", (*offset).into())],
                Self::Malformed { offset, reason } | Self::NonCanonical { offset, reason } => {
                    vec![("offset", (*offset).into()), ("reason", (*reason).into())]
                }
                Self::TrailingBytes { count } => vec![("count", (*count).into())],
                Self::DuplicateKey { key, offset } => {
                    vec![("key", (*key).into()), ("offset", (*offset).into())]
                }
                Self::UnknownField { ur_type: kind, key } => {
                    vec![ur_type("type", *kind), ("key", (*key).into())]
                }
                Self::MissingField {
                    ur_type: kind,
                    field,
                } => vec![ur_type("type", *kind), ("field", (*field).into())],
                Self::WrongFieldType {
                    field,
                    offset,
                    expected,
                } => vec![
                    ("field", (*field).into()),
                    ("offset", (*offset).into()),
                    ("expected", (*expected).into()),
                ],
                Self::FieldTooLarge { field, max, got } => vec![
                    ("field", (*field).into()),
                    ("max", (*max).into()),
                    ("got", (*got).into()),
                ],
                Self::InvalidField {
                    field,
                    offset,
                    reason,
                } => vec![
                    ("field", (*field).into()),
                    ("offset", (*offset).into()),
                    ("reason", reason.into()),
                ],
                // The transaction's own decoding error says where and why.
                Self::Transaction(error) => error.args(),
            }
        }
    }

    impl Coded for UrError {
        fn code(&self) -> &'static str {
            UrError::code(self)
        }

        fn args(&self) -> Vec<(&'static str, Arg)> {
            match self {
                Self::NotUr | Self::MessageChecksum => Vec::new(),
                Self::Malformed { reason }
                | Self::Bytewords { reason }
                | Self::InconsistentPart { reason } => vec![("reason", (*reason).into())],
                Self::UnknownType { got } => vec![("got", got.into())],
                Self::WrongType { expected, got } => {
                    vec![ur_type("expected", *expected), ur_type("got", *got)]
                }
                Self::TooLarge { what, max, got } => vec![
                    ("what", (*what).into()),
                    ("max", (*max).into()),
                    ("got", (*got).into()),
                ],
                Self::ForeignStream { current, got } => {
                    vec![("current", current.into()), ("got", got.into())]
                }
                // Same code as the payload error, so the same arguments.
                Self::Payload(error) => error.args(),
            }
        }
    }

    impl Coded for EncodeError {
        fn code(&self) -> &'static str {
            EncodeError::code(self)
        }

        fn args(&self) -> Vec<(&'static str, Arg)> {
            match self {
                // Its own code; the payload error's code and arguments say why.
                Self::InvalidPayload(error) => {
                    let mut args = vec![("cause", error.code().into())];
                    args.extend(error.args());
                    args
                }
                Self::TooLarge { max, got } => {
                    vec![("max", (*max).into()), ("got", (*got).into())]
                }
                Self::QrCapacity { len } => vec![("length", (*len).into())],
                Self::Fountain { reason } | Self::Png { reason } => {
                    vec![("reason", reason.into())]
                }
            }
        }
    }

    impl Coded for ScanError {
        fn code(&self) -> &'static str {
            ScanError::code(self)
        }

        fn args(&self) -> Vec<(&'static str, Arg)> {
            match self {
                Self::ImageTooLarge { width, height, max } => vec![
                    ("width", (*width).into()),
                    ("height", (*height).into()),
                    ("max", (*max).into()),
                ],
                Self::FrameSize {
                    width,
                    height,
                    expected,
                    got,
                } => vec![
                    ("width", (*width).into()),
                    ("height", (*height).into()),
                    ("expected", (*expected).into()),
                    ("got", (*got).into()),
                ],
                Self::Unreadable { reason } => vec![("reason", reason.into())],
                Self::Io { path, reason } => {
                    vec![("path", path.into()), ("reason", reason.into())]
                }
            }
        }
    }
}
