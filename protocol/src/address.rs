//! Account addresses and their bech32m text form.
//!
//! See `docs/protocol.md#addresses`.

use core::fmt;

use bech32::primitives::decode::UncheckedHrpstring;
use bech32::{Bech32, Bech32m, ByteIterExt, Fe32IterExt, Hrp};

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::hash::{tagged_hash, tags};
use crate::keys::PublicKey;
use crate::network::Network;

/// Number of bech32 data characters encoding the 20 address bytes (160 bits).
const DATA_CHARS: usize = 32;

/// An account address: the first 20 bytes of
/// `tagged_hash("jifen/address", compressed_public_key)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address([u8; 20]);

impl Address {
    /// The address of `key`.
    #[must_use]
    pub fn from_public_key(key: &PublicKey) -> Self {
        let digest = tagged_hash(tags::ADDRESS, key.as_bytes());
        let mut bytes = [0u8; 20];
        for (out, byte) in bytes.iter_mut().zip(digest) {
            *out = byte;
        }
        Self(bytes)
    }

    /// An address from its 20 bytes.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 20]) -> Self {
        Self(bytes)
    }

    /// The 20 bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 20] {
        &self.0
    }

    /// The lower-case bech32m text of this address on `network`,
    /// e.g. `jf1...` on mainnet.
    #[must_use]
    pub fn encode(&self, network: Network) -> String {
        let hrp = Hrp::parse_unchecked(network.hrp());
        self.0
            .iter()
            .copied()
            .bytes_to_fes()
            .with_checksum::<Bech32m>(&hrp)
            .chars()
            .collect()
    }

    /// Parses an address that must belong to `expected`.
    ///
    /// # Errors
    /// [`AddressError::WrongNetwork`] for a valid address of another network,
    /// and the errors of [`Address::decode_any`].
    pub fn decode(s: &str, expected: Network) -> Result<Self, AddressError> {
        let (got, address) = Self::decode_any(s)?;
        if got == expected {
            Ok(address)
        } else {
            Err(AddressError::WrongNetwork { expected, got })
        }
    }

    /// Parses an address of any Jifen network. All-upper-case text (as in
    /// alphanumeric QR codes) is accepted; mixed case is not.
    ///
    /// # Errors
    /// In the order checked: [`AddressError::InvalidCharacter`],
    /// [`AddressError::MixedCase`], [`AddressError::UnknownPrefix`],
    /// [`AddressError::NotBech32m`], [`AddressError::BadChecksum`],
    /// [`AddressError::WrongLength`].
    pub fn decode_any(s: &str) -> Result<(Network, Self), AddressError> {
        if let Some((position, character)) = s.char_indices().find(|(_, c)| !c.is_ascii_graphic()) {
            return Err(AddressError::InvalidCharacter {
                position,
                character,
            });
        }
        if s.bytes().any(|b| b.is_ascii_lowercase()) && s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(AddressError::MixedCase);
        }
        let lower = s.to_ascii_lowercase();
        let Some(separator) = lower.rfind('1') else {
            return Err(AddressError::MissingSeparator);
        };
        let prefix = lower.get(..separator).unwrap_or_default();
        let network = Network::from_hrp(prefix).ok_or_else(|| AddressError::UnknownPrefix {
            prefix: prefix.to_owned(),
        })?;
        let unchecked = UncheckedHrpstring::new(&lower).map_err(|_| {
            // The only failures left are characters outside the bech32 alphabet.
            let (position, character) = lower
                .char_indices()
                .skip(separator + 1)
                .find(|(_, c)| !"qpzry9x8gf2tvdw0s3jn54khce6mua7l".contains(*c))
                .unwrap_or((separator, '1'));
            AddressError::InvalidCharacter {
                position,
                character,
            }
        })?;
        if !unchecked.has_valid_checksum::<Bech32m>() {
            if unchecked.has_valid_checksum::<Bech32>() {
                return Err(AddressError::NotBech32m);
            }
            return Err(AddressError::BadChecksum);
        }
        let checked = unchecked.remove_checksum::<Bech32m>();
        let chars = checked.data_part_ascii_no_checksum().len();
        if chars != DATA_CHARS {
            return Err(AddressError::WrongLength {
                expected: DATA_CHARS,
                got: chars,
            });
        }
        let mut bytes = [0u8; 20];
        let mut count = 0usize;
        for (out, byte) in bytes.iter_mut().zip(checked.byte_iter()) {
            *out = byte;
            count += 1;
        }
        if count != bytes.len() {
            return Err(AddressError::WrongLength {
                expected: DATA_CHARS,
                got: chars,
            });
        }
        Ok((network, Self(bytes)))
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Address(")?;
        crate::hash::write_hex(f, &self.0)?;
        f.write_str(")")
    }
}

impl Encode for Address {
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
}

impl Decode for Address {
    const NAME: &'static str = "address";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(reader.array("address")?))
    }
}

/// Why a string is not an address of the expected network.
///
/// Codes: `address-invalid-character`, `address-mixed-case`,
/// `address-missing-separator`, `address-unknown-prefix`,
/// `address-not-bech32m`, `address-bad-checksum`, `address-wrong-length`,
/// `address-wrong-network`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// A character that cannot appear in an address (space, non-ASCII, or
    /// outside the bech32 alphabet such as `b`, `i`, `o` or `1` in the data).
    #[error("address has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// Byte position.
        position: usize,
        /// The character.
        character: char,
    },
    /// Upper- and lower-case letters mixed.
    #[error("address mixes upper- and lower-case letters")]
    MixedCase,
    /// No `1` separating the prefix from the data.
    #[error("address has no '1' separator")]
    MissingSeparator,
    /// A prefix that is not `jf`, `jft` or `jfd`.
    #[error("address prefix {prefix:?} is not a jifen network (jf, jft, jfd)")]
    UnknownPrefix {
        /// The prefix found (lower case).
        prefix: String,
    },
    /// A valid bech32 (BIP-173) checksum where bech32m (BIP-350) is required.
    #[error("address uses a bech32 checksum; jifen addresses use bech32m")]
    NotBech32m,
    /// The checksum does not match: most likely a mistyped character.
    #[error("address checksum does not match; check for a mistyped character")]
    BadChecksum,
    /// The data part does not encode exactly 20 bytes.
    #[error("address data has {got} characters, expected {expected}")]
    WrongLength {
        /// Expected data characters (32).
        expected: usize,
        /// Data characters found.
        got: usize,
    },
    /// A valid address of another network.
    #[error("address is for {got}, expected {expected}")]
    WrongNetwork {
        /// Network asked for.
        expected: Network,
        /// Network of the address.
        got: Network,
    },
}

impl AddressError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidCharacter { .. } => "address-invalid-character",
            Self::MixedCase => "address-mixed-case",
            Self::MissingSeparator => "address-missing-separator",
            Self::UnknownPrefix { .. } => "address-unknown-prefix",
            Self::NotBech32m => "address-not-bech32m",
            Self::BadChecksum => "address-bad-checksum",
            Self::WrongLength { .. } => "address-wrong-length",
            Self::WrongNetwork { .. } => "address-wrong-network",
        }
    }
}

impl crate::message::Coded for AddressError {
    fn code(&self) -> &'static str {
        AddressError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            AddressError::InvalidCharacter {
                position,
                character,
            } => vec![
                // People count from 1.
                ("position", position.saturating_add(1).into()),
                ("character", character.to_string().into()),
            ],
            AddressError::UnknownPrefix { prefix } => vec![("prefix", prefix.into())],
            AddressError::WrongLength { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            AddressError::WrongNetwork { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            AddressError::MixedCase
            | AddressError::MissingSeparator
            | AddressError::NotBech32m
            | AddressError::BadChecksum => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Address {
        Address::from_bytes(core::array::from_fn(|i| u8::try_from(i * 11).unwrap()))
    }

    fn encode_with<Ck: bech32::Checksum>(hrp: &str, data: &[u8]) -> String {
        bech32::encode::<Ck>(Hrp::parse(hrp).unwrap(), data).unwrap()
    }

    #[test]
    fn round_trips_on_every_network() {
        let address = sample();
        for network in Network::ALL {
            let text = address.encode(network);
            assert!(text.starts_with(&format!("{}1", network.hrp())));
            assert_eq!(text, text.to_lowercase());
            assert_eq!(text.len(), network.hrp().len() + 1 + 32 + 6);
            assert_eq!(Address::decode(&text, network), Ok(address));
            assert_eq!(
                Address::decode_any(&text.to_uppercase()),
                Ok((network, address))
            );
        }
    }

    #[test]
    fn every_error_is_reachable() {
        let address = sample();
        let good = address.encode(Network::Mainnet);
        // Replace one data character with another valid one.
        let mut typo = good.clone().into_bytes();
        let last = typo.len() - 8;
        typo[last] = if typo[last] == b'q' { b'p' } else { b'q' };
        let typo = String::from_utf8(typo).unwrap();
        let mixed = format!("JF{}", &good[2..]);
        let bad_char = format!("{}b{}", &good[..5], &good[6..]);
        let v0 = encode_with::<Bech32>("jf", address.as_bytes());
        let short = encode_with::<Bech32m>("jf", &address.as_bytes()[..19]);
        let long = encode_with::<Bech32m>("jf", &[0u8; 21]);
        let btc = encode_with::<Bech32m>("bc", address.as_bytes());
        let cases: Vec<(&str, AddressError)> = vec![
            (&typo, AddressError::BadChecksum),
            (&mixed, AddressError::MixedCase),
            (
                &bad_char,
                AddressError::InvalidCharacter {
                    position: 5,
                    character: 'b',
                },
            ),
            (
                "jf1 abc",
                AddressError::InvalidCharacter {
                    position: 3,
                    character: ' ',
                },
            ),
            (
                "jf1积分",
                AddressError::InvalidCharacter {
                    position: 3,
                    character: '积',
                },
            ),
            ("jfqqqq", AddressError::MissingSeparator),
            (
                &btc,
                AddressError::UnknownPrefix {
                    prefix: "bc".into(),
                },
            ),
            (&v0, AddressError::NotBech32m),
            (
                &short,
                AddressError::WrongLength {
                    expected: 32,
                    got: 31,
                },
            ),
            (
                &long,
                AddressError::WrongLength {
                    expected: 32,
                    got: 34,
                },
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(Address::decode_any(input), Err(expected.clone()), "{input}");
            assert_eq!(
                Address::decode(input, Network::Mainnet),
                Err(expected),
                "{input}"
            );
        }
        let testnet = address.encode(Network::Testnet);
        let err = Address::decode(&testnet, Network::Mainnet).unwrap_err();
        assert_eq!(
            err,
            AddressError::WrongNetwork {
                expected: Network::Mainnet,
                got: Network::Testnet
            }
        );
        assert_eq!(err.code(), "address-wrong-network");
        assert_eq!(err.to_string(), "address is for testnet, expected mainnet");
    }
}
