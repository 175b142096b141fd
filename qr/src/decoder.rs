//! Text parts -> message: a receiving session that survives lost, repeated,
//! shuffled and foreign frames.

use std::collections::BTreeSet;

use crate::cbor::Reader;
use crate::encoder::MAX_MESSAGE_LEN;
use crate::error::{PayloadError, UrError};
use crate::payload::{Payload, UrType};

/// Most fragments a stream may announce (a [`MAX_MESSAGE_LEN`] message cut
/// into 80-byte fragments needs 1,639).
pub const MAX_FRAGMENTS: usize = 2_048;

/// Distinct parts of another multipart stream, with no new part of the
/// current one in between, after which a session follows the other stream.
pub const SWITCH_AFTER_PARTS: usize = 10;

/// What identifies one animation: a part whose identity differs belongs to
/// another stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct StreamId {
    ur_type: UrType,
    fragments: usize,
    message_len: usize,
    checksum: u32,
}

impl core::fmt::Display for StreamId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{}, {} fragments, {} bytes, crc {:08x}",
            self.ur_type, self.fragments, self.message_len, self.checksum
        )
    }
}

/// A part read from text, checked on its own.
struct ParsedPart {
    id: StreamId,
    /// Lower-case text for the fountain decoder.
    normalized: String,
    kind: PartKind,
}

enum PartKind {
    Single(Vec<u8>),
    Multi { sequence: usize },
}

/// How far a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// The type being received, once a part arrived.
    pub ur_type: Option<UrType>,
    /// Distinct parts accepted for the current stream.
    pub parts_received: usize,
    /// Fragments known so far (received or solved from mixed parts).
    pub fragments_resolved: usize,
    /// Fragments the message was cut into (0 before the first part).
    pub fragments_total: usize,
    /// True once the message is reassembled and checked.
    pub complete: bool,
}

impl Progress {
    /// A 0-100 estimate for a progress bar (100 only when complete).
    #[must_use]
    pub fn percent(&self) -> u8 {
        if self.complete {
            return 100;
        }
        if self.fragments_total == 0 {
            return 0;
        }
        let pct = self.fragments_resolved.saturating_mul(100) / self.fragments_total;
        u8::try_from(pct.min(99)).unwrap_or(99)
    }
}

enum State {
    Idle,
    Receiving {
        id: StreamId,
        fountain: Box<ur::Decoder>,
        sequences: BTreeSet<usize>,
    },
    Complete {
        id: StreamId,
        message: Vec<u8>,
        parts: usize,
    },
}

/// A receiving session. Feed it every text a scanner reads, in any order; it
/// locks onto the first stream, reports parts of any other stream as
/// [`UrError::ForeignStream`] without changing its progress, and after a
/// complete message starts afresh with the first part of a different stream.
/// An unfinished stream is given up only when another multipart stream shows
/// [`SWITCH_AFTER_PARTS`] distinct parts while the current one shows none
/// (the sender replaced its animation); [`UrDecoder::reset`] does so at once.
pub struct UrDecoder {
    expected: Option<UrType>,
    state: State,
    /// Another stream seen while receiving, and its distinct parts.
    candidate: Option<(StreamId, BTreeSet<usize>)>,
}

impl core::fmt::Debug for UrDecoder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("UrDecoder")
            .field("expected", &self.expected)
            .field("progress", &self.progress())
            .finish()
    }
}

impl Default for UrDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl UrDecoder {
    /// A session accepting any of our types.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            expected: None,
            state: State::Idle,
            candidate: None,
        }
    }

    /// A session accepting only `ur_type`; other types are [`UrError::WrongType`].
    #[must_use]
    pub const fn expecting(ur_type: UrType) -> Self {
        Self {
            expected: Some(ur_type),
            state: State::Idle,
            candidate: None,
        }
    }

    /// Forgets the current stream.
    pub fn reset(&mut self) {
        self.state = State::Idle;
        self.candidate = None;
    }

    /// Receives one scanned or pasted part (surrounding white space ignored,
    /// any letter case).
    ///
    /// # Errors
    /// A [`UrError`]; the session is unchanged, except after
    /// [`UrError::MessageChecksum`] (it restarts).
    pub fn receive(&mut self, text: &str) -> Result<Progress, UrError> {
        let part = parse_part(text)?;
        if let Some(expected) = self.expected
            && expected != part.id.ur_type
        {
            return Err(UrError::WrongType {
                expected,
                got: part.id.ur_type,
            });
        }
        if let State::Receiving { id, .. } = &self.state
            && *id != part.id
        {
            let current = id.to_string();
            if !self.follows_new_stream(&part) {
                return Err(UrError::ForeignStream {
                    current,
                    got: part.id.to_string(),
                });
            }
        }
        match &mut self.state {
            State::Complete { id, .. } if *id == part.id => return Ok(self.progress()),
            State::Receiving {
                id,
                fountain,
                sequences,
            } if *id == part.id => {
                if let PartKind::Multi { sequence } = part.kind {
                    feed(fountain, &part.normalized)?;
                    if sequences.insert(sequence) {
                        self.candidate = None;
                    }
                }
            }
            _ => match part.kind {
                PartKind::Single(message) => {
                    self.candidate = None;
                    self.state = State::Complete {
                        id: part.id,
                        message,
                        parts: 1,
                    };
                    return Ok(self.progress());
                }
                PartKind::Multi { sequence } => {
                    let mut fountain = Box::new(ur::Decoder::default());
                    feed(&mut fountain, &part.normalized)?;
                    self.candidate = None;
                    self.state = State::Receiving {
                        id: part.id,
                        fountain,
                        sequences: BTreeSet::from([sequence]),
                    };
                }
            },
        }
        self.finish_if_complete()?;
        Ok(self.progress())
    }

    /// Counts a part of another multipart stream; true once that stream has
    /// shown [`SWITCH_AFTER_PARTS`] distinct parts with no new part of the
    /// current one in between (the sender has moved on).
    fn follows_new_stream(&mut self, part: &ParsedPart) -> bool {
        let PartKind::Multi { sequence } = part.kind else {
            return false;
        };
        let candidate = match &mut self.candidate {
            Some(candidate) if candidate.0 == part.id => candidate,
            other => other.insert((part.id, BTreeSet::new())),
        };
        candidate.1.insert(sequence);
        candidate.1.len() >= SWITCH_AFTER_PARTS
    }

    /// Receives pasted text holding one or more parts separated by white
    /// space (e.g. from the clipboard).
    ///
    /// # Errors
    /// The first error, if no part was accepted.
    pub fn receive_text(&mut self, text: &str) -> Result<Progress, UrError> {
        let mut first_error = None;
        let mut accepted = false;
        for part in text.split_whitespace() {
            match self.receive(part) {
                Ok(_) => accepted = true,
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) if !accepted => Err(e),
            _ => Ok(self.progress()),
        }
    }

    fn finish_if_complete(&mut self) -> Result<(), UrError> {
        let State::Receiving {
            id,
            fountain,
            sequences,
        } = &self.state
        else {
            return Ok(());
        };
        if !fountain.complete() {
            return Ok(());
        }
        match fountain.message() {
            Ok(Some(message)) => {
                self.state = State::Complete {
                    id: *id,
                    message,
                    parts: sequences.len(),
                };
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(_) => {
                self.state = State::Idle;
                Err(UrError::MessageChecksum)
            }
        }
    }

    /// The progress of the current (or just completed) stream.
    #[must_use]
    pub fn progress(&self) -> Progress {
        match &self.state {
            State::Idle => Progress::default(),
            State::Receiving {
                id,
                fountain,
                sequences,
            } => Progress {
                ur_type: Some(id.ur_type),
                parts_received: sequences.len(),
                fragments_resolved: fountain.resolved_fragment_count().unwrap_or(0),
                fragments_total: id.fragments,
                complete: false,
            },
            State::Complete { id, parts, .. } => Progress {
                ur_type: Some(id.ur_type),
                parts_received: *parts,
                fragments_resolved: id.fragments,
                fragments_total: id.fragments,
                complete: true,
            },
        }
    }

    /// True once a message is reassembled.
    #[must_use]
    pub const fn is_complete(&self) -> bool {
        matches!(self.state, State::Complete { .. })
    }

    /// The reassembled message (CBOR) and its type, once complete.
    #[must_use]
    pub fn message(&self) -> Option<(UrType, &[u8])> {
        match &self.state {
            State::Complete { id, message, .. } => Some((id.ur_type, message.as_slice())),
            _ => None,
        }
    }

    /// The decoded payload, once complete.
    ///
    /// # Errors
    /// The [`PayloadError`] of [`Payload::from_cbor`]; `Ok(None)` while incomplete.
    pub fn payload(&self) -> Result<Option<Payload>, PayloadError> {
        self.message()
            .map(|(ur_type, cbor)| Payload::from_cbor(ur_type, cbor))
            .transpose()
    }
}

fn feed(fountain: &mut ur::Decoder, normalized: &str) -> Result<(), UrError> {
    fountain.receive(normalized).map_err(|e| match e {
        ur::ur::Error::Fountain(ur::fountain::Error::InconsistentPart) => {
            UrError::InconsistentPart {
                reason: "part disagrees with the stream's earlier parts",
            }
        }
        _ => UrError::InconsistentPart {
            reason: "fountain decoder refused the part",
        },
    })
}

fn bytewords_error(e: &ur::bytewords::Error) -> UrError {
    UrError::Bytewords {
        reason: match e {
            ur::bytewords::Error::InvalidWord => "has an unknown word",
            ur::bytewords::Error::InvalidChecksum => "checksum mismatch",
            ur::bytewords::Error::InvalidLength => "has a bad length",
            ur::bytewords::Error::NonAscii => "is not ASCII",
        },
    }
}

/// Parses `ur:<type>/<bytewords>` or `ur:<type>/<seq>-<count>/<bytewords>`
/// and checks a multipart header against our limits before the fountain
/// decoder sees it (it allocates per announced fragment).
fn parse_part(text: &str) -> Result<ParsedPart, UrError> {
    let normalized = text.trim().to_ascii_lowercase();
    let rest = normalized.strip_prefix("ur:").ok_or(UrError::NotUr)?;
    let (type_name, rest) = rest.split_once('/').ok_or(UrError::Malformed {
        reason: "no `/` after the type",
    })?;
    if type_name.is_empty()
        || !type_name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(UrError::Malformed {
            reason: "the type has characters other than a-z, 0-9 and `-`",
        });
    }
    let ur_type: UrType = type_name.parse()?;
    let decode = |body: &str| {
        ur::bytewords::decode(body, ur::bytewords::Style::Minimal).map_err(|e| bytewords_error(&e))
    };
    let Some((indices, body)) = rest.split_once('/') else {
        let message = decode(rest)?;
        if message.is_empty() || message.len() > MAX_MESSAGE_LEN {
            return Err(UrError::TooLarge {
                what: "bytes",
                max: MAX_MESSAGE_LEN,
                got: message.len(),
            });
        }
        let id = StreamId {
            ur_type,
            fragments: 1,
            message_len: message.len(),
            checksum: crc32(&message),
        };
        return Ok(ParsedPart {
            id,
            normalized,
            kind: PartKind::Single(message),
        });
    };
    let malformed_indices = UrError::Malformed {
        reason: "part indices are not `<seq>-<count>`",
    };
    let (seq_text, count_text) = indices.split_once('-').ok_or(malformed_indices.clone())?;
    let parse_index = |s: &str| -> Result<usize, UrError> {
        if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed_indices.clone());
        }
        s.parse().map_err(|_| malformed_indices.clone())
    };
    let (sequence, count) = (parse_index(seq_text)?, parse_index(count_text)?);
    if body.contains('/') {
        return Err(UrError::Malformed {
            reason: "too many `/`",
        });
    }
    let header = decode(body)?;
    let (h_seq, h_count, message_len, checksum, fragment_len) =
        part_header(&header).ok_or(UrError::InconsistentPart {
            reason: "part body is not [seq, count, length, checksum, fragment]",
        })?;
    if count > MAX_FRAGMENTS {
        return Err(UrError::TooLarge {
            what: "fragments",
            max: MAX_FRAGMENTS,
            got: count,
        });
    }
    if message_len > MAX_MESSAGE_LEN {
        return Err(UrError::TooLarge {
            what: "bytes",
            max: MAX_MESSAGE_LEN,
            got: message_len,
        });
    }
    if sequence == 0 || count == 0 || h_seq != sequence || h_count != count {
        return Err(UrError::InconsistentPart {
            reason: "indices in the text and in the body differ",
        });
    }
    if message_len == 0 || fragment_len == 0 || message_len.div_ceil(fragment_len) != count {
        return Err(UrError::InconsistentPart {
            reason: "fragment count does not match length and fragment size",
        });
    }
    Ok(ParsedPart {
        id: StreamId {
            ur_type,
            fragments: count,
            message_len,
            checksum,
        },
        normalized,
        kind: PartKind::Multi { sequence },
    })
}

/// `[seq, count, message length, crc32, fragment length]` of a multipart body.
fn part_header(bytes: &[u8]) -> Option<(usize, usize, usize, u32, usize)> {
    let mut reader = Reader::new(bytes);
    if reader.array_len("part", 5).ok()? != 5 {
        return None;
    }
    let mut small = || reader.uint("part").ok().and_then(|v| u32::try_from(v).ok());
    let (seq, count, len, checksum) = (small()?, small()?, small()?, small()?);
    let fragment = reader.bytes("fragment", MAX_MESSAGE_LEN).ok()?.len();
    reader.finish().ok()?;
    Some((
        seq as usize,
        count as usize,
        len as usize,
        checksum,
        fragment,
    ))
}

/// CRC-32 (ISO-HDLC, as in the UR spec) to tell single-part messages apart.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn percent_is_an_integer_estimate() {
        let mut p = Progress {
            fragments_total: 3,
            fragments_resolved: 2,
            ..Progress::default()
        };
        assert_eq!(p.percent(), 66);
        p.fragments_resolved = 3;
        assert_eq!(p.percent(), 99);
        p.complete = true;
        assert_eq!(p.percent(), 100);
    }
}
