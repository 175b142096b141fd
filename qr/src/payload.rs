//! The three UR payload types and their deterministic CBOR (see
//! `docs/qr.md#payloads`): maps with unsigned integer keys, key 1 the version.

use core::fmt;
use core::str::FromStr;

use jifen_protocol::{
    Address, ChainId, Decode, Encode, Network, Signature, UnsignedTransaction,
    encoding::MAX_PAYLOAD_LEN,
};

use crate::cbor::{self, MapKeys, Reader};
use crate::context::SignContext;
pub use crate::derivation::{DerivationPath, MAX_PATH_DEPTH};
use crate::error::{PayloadError, UrError};

/// The payload version this build writes and reads (key 1 of every payload).
pub const PAYLOAD_VERSION: u64 = 1;

/// Most map entries we read before looking at any key (room for later versions).
const MAX_MAP_ENTRIES: usize = 64;
/// Longest origin text, in bytes.
pub const MAX_ORIGIN_LEN: usize = 128;
/// Longest app version text, in bytes.
pub const MAX_APP_VERSION_LEN: usize = 32;
/// Longest extended public key text (a BIP32 key is 111 characters).
pub const MAX_XPUB_LEN: usize = 120;
/// Longest unsigned transaction encoding: the protocol's payload limit plus
/// room for the envelope.
pub const MAX_SIGN_DATA_LEN: usize = MAX_PAYLOAD_LEN + 256;
/// Smallest and largest fragment length an account may announce.
const FRAGMENT_LEN_RANGE: core::ops::RangeInclusive<u64> = 10..=2_000;

const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// One of our UR types. The text names are what appears after `ur:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
/// Not `#[non_exhaustive]`: front ends name each type with exhaustive
/// matches, so a new type cannot be routed as another.
pub enum UrType {
    /// `jifen-account`: a watch-only account export (cold device -> wallet).
    Account,
    /// `jifen-sign-request`: a transaction to sign (wallet -> cold device).
    SignRequest,
    /// `jifen-signature`: the answer to a sign request (cold device -> wallet).
    Signature,
}

impl UrType {
    /// Every type.
    pub const ALL: [Self; 3] = [Self::Account, Self::SignRequest, Self::Signature];

    /// The name after `ur:`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Account => "jifen-account",
            Self::SignRequest => "jifen-sign-request",
            Self::Signature => "jifen-signature",
        }
    }
}

impl fmt::Display for UrType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UrType {
    type Err = UrError;

    /// Case-insensitive; an unknown name is [`UrError::UnknownType`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UrError::UnknownType {
                got: s.chars().take(64).collect::<String>().to_ascii_lowercase(),
            })
    }
}

/// A request id: 16 random bytes laid out as a UUID version 4.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestId(pub [u8; 16]);

impl RequestId {
    /// A fresh random id (UUID v4 from the OS generator).
    ///
    /// # Errors
    /// The OS random generator's error.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)?;
        if let Some(b) = bytes.get_mut(6) {
            *b = (*b & 0x0f) | 0x40;
        }
        if let Some(b) = bytes.get_mut(8) {
            *b = (*b & 0x3f) | 0x80;
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for RequestId {
    /// Hyphenated lower-case UUID form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RequestId({self})")
    }
}

/// `jifen-account`: the watch-only export of an account on the cold device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountExport {
    /// The network the account is for (must agree with the `xpub`/`tpub` prefix).
    pub network: Network,
    /// First 4 bytes of HASH160 of the master public key.
    pub master_fingerprint: [u8; 4],
    /// The account's path, e.g. `m/44'/19014'/0'`.
    pub path: DerivationPath,
    /// The account's BIP32 extended public key (`xpub` on mainnet, `tpub` otherwise).
    pub xpub: String,
    /// The cold device's app version (printable ASCII, 1-32 bytes).
    pub app_version: String,
    /// The longest UR fragment (bytes) the device's camera reads reliably;
    /// see [`crate::FragmentSize::largest_within`].
    pub max_fragment_len: u16,
    /// The chain the device was paired for (optional key 8): the wallet builds
    /// requests for this chain only and the device refuses any other.
    pub chain_id: Option<ChainId>,
}

/// `jifen-sign-request`: a transaction for the cold device to review and sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignRequest {
    /// Echoed in the signature so answers match questions.
    pub request_id: RequestId,
    /// What to sign; its chain id and sender are carried too and checked.
    pub transaction: UnsignedTransaction,
    /// The key's path on the device (it derives the key and checks the sender).
    pub path: DerivationPath,
    /// Who asks (e.g. "jifen-desktop 0.1.0"), shown on the review screen.
    pub origin: Option<String>,
    /// What the device cannot know and must show (asset symbols and
    /// decimals, a swap's quote, a withdrawal's fee), as the online wallet
    /// claims it (key 8, optional; never empty when present).
    pub context: Option<Box<SignContext>>,
}

impl SignRequest {
    /// A request for `transaction` with a fresh random id.
    ///
    /// # Errors
    /// The OS random generator's error.
    pub fn new(
        transaction: UnsignedTransaction,
        path: DerivationPath,
        origin: Option<String>,
    ) -> Result<Self, getrandom::Error> {
        Ok(Self {
            request_id: RequestId::random()?,
            transaction,
            path,
            origin,
            context: None,
        })
    }

    /// The answer to this request carrying `signature`.
    #[must_use]
    pub const fn answer(&self, signature: Signature) -> SignatureResponse {
        SignatureResponse {
            request_id: self.request_id,
            signature,
        }
    }

    /// The chain the transaction is for.
    #[must_use]
    pub const fn chain_id(&self) -> &ChainId {
        &self.transaction.chain_id
    }

    /// The address expected to sign.
    #[must_use]
    pub const fn signer(&self) -> &Address {
        &self.transaction.sender
    }
}

/// `jifen-signature`: the cold device's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureResponse {
    /// The id of the request answered.
    pub request_id: RequestId,
    /// ECDSA signature `r || s` over the request's signing digest. Not checked
    /// here: the wallet verifies it against the transaction it asked about.
    pub signature: Signature,
}

/// A decoded payload of any of our UR types.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "one payload per QR exchange, moved a handful of times; the sign request's context is boxed already"
)]
pub enum Payload {
    /// `jifen-account`.
    Account(AccountExport),
    /// `jifen-sign-request`.
    SignRequest(SignRequest),
    /// `jifen-signature`.
    Signature(SignatureResponse),
}

impl Payload {
    /// The UR type of this payload.
    #[must_use]
    pub const fn ur_type(&self) -> UrType {
        match self {
            Self::Account(_) => UrType::Account,
            Self::SignRequest(_) => UrType::SignRequest,
            Self::Signature(_) => UrType::Signature,
        }
    }

    /// The deterministic CBOR encoding. [`Payload::from_cbor`] refuses values
    /// over the field limits; [`crate::UrEncoder::new`] checks before sending.
    #[must_use]
    pub fn to_cbor(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            Self::Account(a) => {
                cbor::put_map(&mut out, if a.chain_id.is_some() { 8 } else { 7 });
                put_version(&mut out);
                cbor::put_uint(&mut out, 2);
                cbor::put_text(&mut out, a.network.name());
                cbor::put_uint(&mut out, 3);
                cbor::put_bytes(&mut out, &a.master_fingerprint);
                cbor::put_uint(&mut out, 4);
                a.path.encode_to(&mut out);
                cbor::put_uint(&mut out, 5);
                cbor::put_text(&mut out, &a.xpub);
                cbor::put_uint(&mut out, 6);
                cbor::put_text(&mut out, &a.app_version);
                cbor::put_uint(&mut out, 7);
                cbor::put_uint(&mut out, u64::from(a.max_fragment_len));
                if let Some(chain_id) = &a.chain_id {
                    cbor::put_uint(&mut out, 8);
                    cbor::put_text(&mut out, chain_id.as_str());
                }
            }
            Self::SignRequest(r) => {
                let context = r.context.as_ref().filter(|c| !c.is_empty());
                cbor::put_map(
                    &mut out,
                    6 + usize::from(r.origin.is_some()) + usize::from(context.is_some()),
                );
                put_version(&mut out);
                cbor::put_uint(&mut out, 2);
                cbor::put_bytes(&mut out, &r.request_id.0);
                cbor::put_uint(&mut out, 3);
                cbor::put_bytes(&mut out, &r.transaction.encode());
                cbor::put_uint(&mut out, 4);
                cbor::put_text(&mut out, r.chain_id().as_str());
                cbor::put_uint(&mut out, 5);
                r.path.encode_to(&mut out);
                cbor::put_uint(&mut out, 6);
                cbor::put_bytes(&mut out, r.signer().as_bytes());
                if let Some(origin) = &r.origin {
                    cbor::put_uint(&mut out, 7);
                    cbor::put_text(&mut out, origin);
                }
                if let Some(context) = context {
                    cbor::put_uint(&mut out, 8);
                    context.encode_to(&mut out);
                }
            }
            Self::Signature(s) => {
                cbor::put_map(&mut out, 3);
                put_version(&mut out);
                cbor::put_uint(&mut out, 2);
                cbor::put_bytes(&mut out, &s.request_id.0);
                cbor::put_uint(&mut out, 3);
                cbor::put_bytes(&mut out, &s.signature.to_bytes());
            }
        }
        out
    }

    /// The whole payload as one single-part UR, `ur:<type>/<bytewords>`
    /// (e.g. for the clipboard; [`crate::UrEncoder`] cuts long ones into frames).
    #[must_use]
    pub fn to_ur(&self) -> String {
        let body = ur::bytewords::encode(&self.to_cbor(), ur::bytewords::Style::Minimal);
        format!("ur:{}/{body}", self.ur_type())
    }

    /// Strictly decodes a payload of type `ur_type`.
    ///
    /// # Errors
    /// A [`PayloadError`]: unsupported version, non-canonical or malformed
    /// CBOR, unknown, duplicate, missing, mistyped, oversized or invalid
    /// fields, trailing bytes.
    pub fn from_cbor(ur_type: UrType, bytes: &[u8]) -> Result<Self, PayloadError> {
        let mut reader = Reader::new(bytes);
        let keys = open_map(&mut reader, ur_type)?;
        let payload = match ur_type {
            UrType::Account => Self::Account(decode_account(&mut reader, keys)?),
            UrType::SignRequest => Self::SignRequest(decode_sign_request(&mut reader, keys)?),
            UrType::Signature => Self::Signature(decode_signature(&mut reader, keys)?),
        };
        reader.finish()?;
        Ok(payload)
    }

    /// The account export, or [`UrError::WrongType`].
    ///
    /// # Errors
    /// [`UrError::WrongType`] for another payload type.
    pub fn into_account(self) -> Result<AccountExport, UrError> {
        match self {
            Self::Account(a) => Ok(a),
            other => Err(wrong(UrType::Account, &other)),
        }
    }

    /// The sign request, or [`UrError::WrongType`].
    ///
    /// # Errors
    /// [`UrError::WrongType`] for another payload type.
    pub fn into_sign_request(self) -> Result<SignRequest, UrError> {
        match self {
            Self::SignRequest(r) => Ok(r),
            other => Err(wrong(UrType::SignRequest, &other)),
        }
    }

    /// The signature, or [`UrError::WrongType`].
    ///
    /// # Errors
    /// [`UrError::WrongType`] for another payload type.
    pub fn into_signature(self) -> Result<SignatureResponse, UrError> {
        match self {
            Self::Signature(s) => Ok(s),
            other => Err(wrong(UrType::Signature, &other)),
        }
    }
}

const fn wrong(expected: UrType, got: &Payload) -> UrError {
    UrError::WrongType {
        expected,
        got: got.ur_type(),
    }
}

fn put_version(out: &mut Vec<u8>) {
    cbor::put_uint(out, 1);
    cbor::put_uint(out, PAYLOAD_VERSION);
}

/// Reads the map head and the version (key 1, always first), so a newer
/// version is reported as such before any of its new fields.
fn open_map(reader: &mut Reader<'_>, ur_type: UrType) -> Result<MapKeys, PayloadError> {
    let mut keys = reader.map(ur_type.as_str(), MAX_MAP_ENTRIES)?;
    if keys.next_key(reader)? != Some(1) {
        return Err(PayloadError::MissingField {
            ur_type,
            field: "version",
        });
    }
    let got = reader.uint("version")?;
    if got != PAYLOAD_VERSION {
        return Err(PayloadError::UnsupportedVersion {
            ur_type,
            got,
            supported: PAYLOAD_VERSION,
        });
    }
    Ok(keys)
}

fn required<T>(value: Option<T>, ur_type: UrType, field: &'static str) -> Result<T, PayloadError> {
    value.ok_or(PayloadError::MissingField { ur_type, field })
}

fn invalid(field: &'static str, offset: usize, reason: impl Into<String>) -> PayloadError {
    PayloadError::InvalidField {
        field,
        offset,
        reason: reason.into(),
    }
}

fn decode_account(
    reader: &mut Reader<'_>,
    mut keys: MapKeys,
) -> Result<AccountExport, PayloadError> {
    let t = UrType::Account;
    let (mut network, mut fingerprint, mut path, mut xpub, mut app, mut max_fragment) =
        (None, None, None, None, None, None);
    let mut chain_id = None;
    while let Some(key) = keys.next_key(reader)? {
        let offset = reader.offset();
        match key {
            2 => {
                let name = reader.text("network", 16)?;
                network = Some(name.parse::<Network>().map_err(|_| {
                    invalid("network", offset, format!("unknown network `{name}`"))
                })?);
            }
            3 => fingerprint = Some(reader.fixed_bytes::<4>("master fingerprint")?),
            4 => path = Some(DerivationPath::decode_from(reader, "derivation path")?),
            5 => xpub = Some((reader.text("xpub", MAX_XPUB_LEN)?, offset)),
            6 => {
                let text = reader.text("app version", MAX_APP_VERSION_LEN)?;
                if text.is_empty() || !text.bytes().all(|b| b.is_ascii_graphic()) {
                    return Err(invalid(
                        "app version",
                        offset,
                        "1-32 printable ASCII characters",
                    ));
                }
                app = Some(text.to_owned());
            }
            7 => {
                let len = reader.uint("max fragment length")?;
                if !FRAGMENT_LEN_RANGE.contains(&len) {
                    return Err(invalid(
                        "max fragment length",
                        offset,
                        format!("{len} is outside 10-2000"),
                    ));
                }
                max_fragment = u16::try_from(len).ok();
            }
            8 => {
                let text = reader.text("chain id", ChainId::MAX_LEN)?;
                chain_id = Some(
                    ChainId::new(text).map_err(|e| invalid("chain id", offset, e.to_string()))?,
                );
            }
            key => return Err(PayloadError::UnknownField { ur_type: t, key }),
        }
    }
    let network = required(network, t, "network")?;
    let (xpub, xpub_offset) = required(xpub, t, "xpub")?;
    let prefix = if network == Network::Mainnet {
        "xpub"
    } else {
        "tpub"
    };
    if !xpub.starts_with(prefix) || !xpub.chars().all(|c| BASE58.contains(c)) {
        return Err(invalid(
            "xpub",
            xpub_offset,
            format!("a base58 key starting with `{prefix}` on {network}"),
        ));
    }
    Ok(AccountExport {
        network,
        master_fingerprint: required(fingerprint, t, "master fingerprint")?,
        path: required(path, t, "derivation path")?,
        xpub: xpub.to_owned(),
        app_version: required(app, t, "app version")?,
        max_fragment_len: required(max_fragment, t, "max fragment length")?,
        chain_id,
    })
}

fn decode_sign_request(
    reader: &mut Reader<'_>,
    mut keys: MapKeys,
) -> Result<SignRequest, PayloadError> {
    let t = UrType::SignRequest;
    let (mut id, mut tx, mut chain, mut path, mut address, mut origin) =
        (None, None, None, None, None, None);
    let mut context = None;
    while let Some(key) = keys.next_key(reader)? {
        let offset = reader.offset();
        match key {
            2 => id = Some(RequestId(reader.fixed_bytes::<16>("request id")?)),
            3 => {
                let bytes = reader.bytes("unsigned transaction", MAX_SIGN_DATA_LEN)?;
                tx = Some(UnsignedTransaction::decode(bytes).map_err(PayloadError::Transaction)?);
            }
            4 => {
                let text = reader.text("chain id", 32)?;
                chain = Some((
                    ChainId::new(text).map_err(|e| invalid("chain id", offset, e.to_string()))?,
                    offset,
                ));
            }
            5 => path = Some(DerivationPath::decode_from(reader, "derivation path")?),
            6 => {
                address = Some((
                    Address::from_bytes(reader.fixed_bytes::<20>("address")?),
                    offset,
                ))
            }
            7 => {
                let text = reader.text("origin", MAX_ORIGIN_LEN)?;
                if text.is_empty() || text.chars().any(char::is_control) {
                    return Err(invalid(
                        "origin",
                        offset,
                        "1-128 bytes without control characters",
                    ));
                }
                origin = Some(text.to_owned());
            }
            8 => {
                let found = SignContext::decode_from(reader)?;
                if found.is_empty() {
                    return Err(invalid("context", offset, "left out when empty"));
                }
                context = Some(Box::new(found));
            }
            key => return Err(PayloadError::UnknownField { ur_type: t, key }),
        }
    }
    let transaction = required(tx, t, "unsigned transaction")?;
    let (chain, chain_offset) = required(chain, t, "chain id")?;
    if chain != transaction.chain_id {
        return Err(invalid(
            "chain id",
            chain_offset,
            format!(
                "`{chain}` differs from the transaction's `{}`",
                transaction.chain_id
            ),
        ));
    }
    let (address, address_offset) = required(address, t, "address")?;
    if address != transaction.sender {
        return Err(invalid(
            "address",
            address_offset,
            "differs from the transaction's sender",
        ));
    }
    Ok(SignRequest {
        request_id: required(id, t, "request id")?,
        transaction,
        path: required(path, t, "derivation path")?,
        origin,
        context,
    })
}

fn decode_signature(
    reader: &mut Reader<'_>,
    mut keys: MapKeys,
) -> Result<SignatureResponse, PayloadError> {
    let t = UrType::Signature;
    let (mut id, mut signature) = (None, None);
    while let Some(key) = keys.next_key(reader)? {
        match key {
            2 => id = Some(RequestId(reader.fixed_bytes::<16>("request id")?)),
            3 => {
                signature = Some(Signature::from_array(
                    reader.fixed_bytes::<64>("signature")?,
                ))
            }
            key => return Err(PayloadError::UnknownField { ur_type: t, key }),
        }
    }
    Ok(SignatureResponse {
        request_id: required(id, t, "request id")?,
        signature: required(signature, t, "signature")?,
    })
}
