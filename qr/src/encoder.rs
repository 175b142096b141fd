//! Payload -> UR text parts: one single-part UR when the CBOR fits one
//! fragment, otherwise an endless fountain-coded multipart stream.

use core::time::Duration;

use crate::error::EncodeError;
use crate::payload::{Payload, UrType};
use crate::render::QrSymbol;

/// Longest message (CBOR bytes) we send or accept.
pub const MAX_MESSAGE_LEN: usize = 128 * 1024;

/// Fragment length of an animated frame: the density of each QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FragmentSize {
    /// 80 bytes (QR version 7 at EC level L in alphanumeric mode): cheap cameras.
    Small,
    /// 200 bytes (version 11): the default.
    #[default]
    Medium,
    /// 400 bytes (version 16): good cameras, fewest frames.
    Large,
}

impl FragmentSize {
    /// Every size, smallest first.
    pub const ALL: [Self; 3] = [Self::Small, Self::Medium, Self::Large];

    /// Fragment length in bytes.
    #[must_use]
    pub const fn bytes(self) -> usize {
        match self {
            Self::Small => 80,
            Self::Medium => 200,
            Self::Large => 400,
        }
    }

    /// The largest size not above `max_len` bytes (what a device announced in
    /// its account export); [`FragmentSize::Small`] when even that is larger.
    #[must_use]
    pub fn largest_within(max_len: u16) -> Self {
        Self::ALL
            .into_iter()
            .rev()
            .find(|s| s.bytes() <= usize::from(max_len))
            .unwrap_or(Self::Small)
    }
}

/// Frames per second of an animation, 2 to 10 (default 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FrameRate(u8);

impl FrameRate {
    /// Slowest rate.
    pub const MIN: u8 = 2;
    /// Fastest rate.
    pub const MAX: u8 = 10;

    /// A rate, clamped into 2..=10.
    #[must_use]
    pub fn new(fps: u8) -> Self {
        Self(fps.clamp(Self::MIN, Self::MAX))
    }

    /// Frames per second.
    #[must_use]
    pub const fn fps(self) -> u8 {
        self.0
    }

    /// How long each frame stays on screen.
    #[must_use]
    pub fn frame_interval(self) -> Duration {
        Duration::from_millis(1_000 / u64::from(self.0.max(1)))
    }
}

impl Default for FrameRate {
    fn default() -> Self {
        Self(5)
    }
}

/// Frames per fragment in one loop of an animation ([`UrEncoder::loop_len`]).
pub const LOOP_FRAMES_PER_FRAGMENT: usize = 6;

/// Fewest frames in one loop of an animation: a message of a few fragments
/// still gets enough fountain-mixed parts to stand in for missed frames.
pub const MIN_LOOP_FRAMES: usize = 30;

/// How an encoder cuts and paces its frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EncoderSettings {
    /// Fragment length of animated frames; also the single-QR threshold.
    pub fragment_size: FragmentSize,
    /// Frame rate the renderer uses.
    pub frame_rate: FrameRate,
}

enum Parts {
    Single(String),
    Multi(ur::Encoder<'static>),
}

/// Turns a message into UR text parts (lower case, as in the UR spec) and QR
/// symbols (upper case, for the denser alphanumeric mode).
pub struct UrEncoder {
    ur_type: UrType,
    settings: EncoderSettings,
    message_len: usize,
    parts: Parts,
}

impl core::fmt::Debug for UrEncoder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("UrEncoder")
            .field("ur_type", &self.ur_type)
            .field("settings", &self.settings)
            .field("message_len", &self.message_len)
            .field("fragment_count", &self.fragment_count())
            .finish()
    }
}

impl UrEncoder {
    /// An encoder for `payload`, which is first checked to decode on the
    /// other side.
    ///
    /// # Errors
    /// [`EncodeError::InvalidPayload`] if a field is over its limit, or the
    /// errors of [`UrEncoder::from_cbor`].
    pub fn new(payload: &Payload, settings: EncoderSettings) -> Result<Self, EncodeError> {
        let cbor = payload.to_cbor();
        Payload::from_cbor(payload.ur_type(), &cbor)?;
        Self::from_cbor(payload.ur_type(), &cbor, settings)
    }

    /// An encoder for raw CBOR of `ur_type` (not checked; for tests and
    /// benchmarks of the transport).
    ///
    /// # Errors
    /// [`EncodeError::TooLarge`] above [`MAX_MESSAGE_LEN`]; [`EncodeError::Fountain`]
    /// for an empty message.
    pub fn from_cbor(
        ur_type: UrType,
        cbor: &[u8],
        settings: EncoderSettings,
    ) -> Result<Self, EncodeError> {
        if cbor.len() > MAX_MESSAGE_LEN {
            return Err(EncodeError::TooLarge {
                max: MAX_MESSAGE_LEN,
                got: cbor.len(),
            });
        }
        let fountain = |e: ur::ur::Error| EncodeError::Fountain {
            reason: e.to_string(),
        };
        let parts = if !cbor.is_empty() && cbor.len() <= settings.fragment_size.bytes() {
            Parts::Single(
                ur::ur::try_encode(cbor, &ur::Type::Custom(ur_type.as_str())).map_err(fountain)?,
            )
        } else {
            Parts::Multi(
                ur::Encoder::new(cbor, settings.fragment_size.bytes(), ur_type.as_str())
                    .map_err(fountain)?,
            )
        };
        Ok(Self {
            ur_type,
            settings,
            message_len: cbor.len(),
            parts,
        })
    }

    /// The UR type.
    #[must_use]
    pub const fn ur_type(&self) -> UrType {
        self.ur_type
    }

    /// The settings.
    #[must_use]
    pub const fn settings(&self) -> EncoderSettings {
        self.settings
    }

    /// True when the whole message is one static QR code.
    #[must_use]
    pub const fn is_single_part(&self) -> bool {
        matches!(self.parts, Parts::Single(_))
    }

    /// Number of fragments (1 for a single-part UR); a receiver needs at
    /// least this many frames.
    #[must_use]
    pub fn fragment_count(&self) -> usize {
        match &self.parts {
            Parts::Single(_) => 1,
            Parts::Multi(e) => e.fragment_count(),
        }
    }

    /// Frames in one loop of a fixed animation (or of a set of image files)
    /// of this message: 1 for a single-part UR, else
    /// [`LOOP_FRAMES_PER_FRAGMENT`] times the fragments and at least
    /// [`MIN_LOOP_FRAMES`]. One pass by a receiver that misses 30% of the
    /// frames at random decoded in at least 3,997 of 4,000 simulated runs
    /// (`docs/benchmarks.md`, "One loop"); with three times the fragments
    /// (at least 20) up to 1 pass in 10 failed.
    #[must_use]
    pub fn loop_len(&self) -> usize {
        match &self.parts {
            Parts::Single(_) => 1,
            Parts::Multi(e) => (e.fragment_count() * LOOP_FRAMES_PER_FRAGMENT).max(MIN_LOOP_FRAMES),
        }
    }

    /// The next part: the same text every time for a single-part UR, else
    /// `ur:<type>/<seq>-<count>/<bytewords>` with seq 1, 2, ... (after
    /// `count` come fountain-mixed parts, endlessly).
    ///
    /// # Errors
    /// [`EncodeError::Fountain`] (CBOR encoding of a part; not expected).
    pub fn next_part(&mut self) -> Result<String, EncodeError> {
        match &mut self.parts {
            Parts::Single(text) => Ok(text.clone()),
            Parts::Multi(e) => e.next_part().map_err(|e| EncodeError::Fountain {
                reason: e.to_string(),
            }),
        }
    }

    /// The next part as a QR symbol (upper case, EC level L).
    ///
    /// # Errors
    /// As [`UrEncoder::next_part`], or [`EncodeError::QrCapacity`].
    pub fn next_qr(&mut self) -> Result<QrSymbol, EncodeError> {
        QrSymbol::for_ur(&self.next_part()?)
    }
}
