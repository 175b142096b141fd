//! Merchants: the merchant record, the registry that counts them, the
//! rules of names and symbols, and the points balance record.

use core::fmt;

use super::{
    MAX_NAME_LEN, MAX_SYMBOL_LEN, invalid, put_bytes, put_merchant, read_address, read_bounded,
    read_merchant,
};
use crate::asset::{AssetId, MAX_POINTS_DECIMALS};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::{Address, MerchantId};

/// Where a merchant stands with the council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MerchantStatus {
    /// `proposed` (`0x01`): registered, waiting for the council's approval.
    /// It may set rates and top up its deposit, not issue points or swap.
    Proposed,
    /// `approved` (`0x02`): issues points and converts them.
    Approved,
    /// `suspended` (`0x03`): the council stopped it; its points still move
    /// between holders but are neither issued nor converted.
    Suspended,
}

impl MerchantStatus {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::Proposed => 1,
            Self::Approved => 2,
            Self::Suspended => 3,
        }
    }

    /// The status with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Proposed),
            2 => Some(Self::Approved),
            3 => Some(Self::Suspended),
            _ => None,
        }
    }

    /// The text form.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Approved => "approved",
            Self::Suspended => "suspended",
        }
    }
}

impl fmt::Display for MerchantStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `name` is a valid merchant name: 1 to 64 bytes of UTF-8, no
/// control character, no leading or trailing white space.
#[must_use]
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && !name.chars().any(char::is_control)
        && name.trim() == name
}

/// Whether `symbol` is a valid merchant symbol: 1 to 12 ASCII capital
/// letters and digits starting with a letter, and not an asset's text
/// (`POINT`, `M7`), so a symbol can never be read as another asset.
#[must_use]
pub fn valid_symbol(symbol: &str) -> bool {
    let bytes = symbol.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_SYMBOL_LEN
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && symbol.parse::<AssetId>().is_err()
}

pub(crate) fn read_name(reader: &mut Reader<'_>) -> Result<String, DecodeError> {
    let offset = reader.offset();
    let bytes = read_bounded(reader, "name", 1, MAX_NAME_LEN)?;
    String::from_utf8(bytes)
        .ok()
        .filter(|name| valid_name(name))
        .ok_or_else(|| {
            invalid(
                "name",
                offset,
                "a name is UTF-8 without control characters or outer spaces",
            )
        })
}

pub(crate) fn read_symbol(reader: &mut Reader<'_>) -> Result<String, DecodeError> {
    let offset = reader.offset();
    let bytes = read_bounded(reader, "symbol", 1, MAX_SYMBOL_LEN)?;
    String::from_utf8(bytes)
        .ok()
        .filter(|symbol| valid_symbol(symbol))
        .ok_or_else(|| {
            invalid(
                "symbol",
                offset,
                "a symbol is A-Z then A-Z0-9, and not POINT or M<n>",
            )
        })
}

pub(crate) fn read_decimals(reader: &mut Reader<'_>) -> Result<u8, DecodeError> {
    let offset = reader.offset();
    let decimals = reader.u8("decimals")?;
    if decimals > MAX_POINTS_DECIMALS {
        return Err(invalid("decimals", offset, "at most 18 decimals"));
    }
    Ok(decimals)
}

/// A merchant, stored under [`super::keys::merchant_key`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MerchantRecord {
    /// Its number (also the wire value of its points asset).
    pub id: MerchantId,
    /// The account that registered it and alone administers it.
    pub owner: Address,
    /// Its standing with the council.
    pub status: MerchantStatus,
    /// Decimals of its points (at most 18).
    pub decimals: u8,
    /// Display name ([`valid_name`]).
    pub name: String,
    /// Display symbol ([`valid_symbol`]); wallets still name the asset `M<n>`.
    pub symbol: String,
    /// POINT base units held as the conversion deposit.
    pub deposit: u128,
    /// Points base units in circulation (the sum of every holder's balance).
    pub outstanding: u128,
    /// The current rate version (0: no rate set yet).
    pub rate_version: u32,
    /// Height of the block that registered it (0: genesis).
    pub registered_at: u64,
}

impl MerchantRecord {
    /// Its points asset.
    #[must_use]
    pub const fn asset(&self) -> AssetId {
        AssetId::Points(self.id)
    }
}

impl Encode for MerchantRecord {
    /// `id u32 || owner (20) || status u8 || decimals u8 || name (u32 len)
    /// || symbol (u32 len) || deposit u128 || outstanding u128 ||
    /// rate_version u32 || registered_at u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.id);
        self.owner.encode_to(out);
        out.push(self.status.to_u8());
        out.push(self.decimals);
        put_bytes(out, self.name.as_bytes());
        put_bytes(out, self.symbol.as_bytes());
        out.extend_from_slice(&self.deposit.to_be_bytes());
        out.extend_from_slice(&self.outstanding.to_be_bytes());
        out.extend_from_slice(&self.rate_version.to_be_bytes());
        out.extend_from_slice(&self.registered_at.to_be_bytes());
    }
}

impl Decode for MerchantRecord {
    const NAME: &'static str = "merchant record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let id = read_merchant(reader, "merchant")?;
        let owner = read_address(reader, "owner")?;
        let offset = reader.offset();
        let status = MerchantStatus::from_u8(reader.u8("status")?)
            .ok_or_else(|| invalid("status", offset, "status is 1, 2 or 3"))?;
        let decimals = read_decimals(reader)?;
        let name = read_name(reader)?;
        let symbol = read_symbol(reader)?;
        Ok(Self {
            id,
            owner,
            status,
            decimals,
            name,
            symbol,
            deposit: reader.u128("deposit")?,
            outstanding: reader.u128("outstanding")?,
            rate_version: reader.u32("rate version")?,
            registered_at: reader.u64("registered at")?,
        })
    }
}

/// How many merchants registered, stored at [`super::keys::registry_key`].
/// Merchants are numbered `1..=count`, so a wallet enumerates them all with
/// one proof of this record and one proof per merchant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MerchantRegistry {
    /// Merchants registered so far (the next one gets `count + 1`).
    pub count: u32,
}

impl Encode for MerchantRegistry {
    /// `count u32`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.count.to_be_bytes());
    }
}

impl Decode for MerchantRegistry {
    const NAME: &'static str = "merchant registry";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            count: reader.u32("count")?,
        })
    }
}

/// The encoding of a points balance record: `balance u128` (16 bytes). A
/// zero balance has no record, so the value is never 0.
#[must_use]
pub fn encode_points_balance(balance: u128) -> Option<Vec<u8>> {
    (balance != 0).then(|| balance.to_be_bytes().to_vec())
}

/// Decodes a points balance record value (`None`: absent, balance 0).
///
/// # Errors
/// A [`DecodeError`] for a value that is not 16 bytes or is zero.
pub fn decode_points_balance(value: Option<&[u8]>) -> Result<u128, DecodeError> {
    let Some(bytes) = value else {
        return Ok(0);
    };
    let mut reader = Reader::new(bytes);
    let balance = reader.u128("points balance")?;
    reader.finish("points balance")?;
    if balance == 0 {
        return Err(invalid("points balance", 0, "a zero balance has no record"));
    }
    Ok(balance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> MerchantRecord {
        MerchantRecord {
            id: MerchantId::new(2).unwrap(),
            owner: Address::from_bytes([4; 20]),
            status: MerchantStatus::Approved,
            decimals: 2,
            name: "百货商城 Mall".into(),
            symbol: "MALL".into(),
            deposit: 5,
            outstanding: 6,
            rate_version: 3,
            registered_at: 0,
        }
    }

    #[test]
    fn records_round_trip() {
        let r = record();
        assert_eq!(MerchantRecord::decode(&r.encode()).unwrap(), r);
        let reg = MerchantRegistry { count: 3 };
        assert_eq!(MerchantRegistry::decode(&reg.encode()).unwrap(), reg);
        assert_eq!(decode_points_balance(None), Ok(0));
        let value = encode_points_balance(7).unwrap();
        assert_eq!(decode_points_balance(Some(&value)), Ok(7));
        assert!(encode_points_balance(0).is_none());
        assert!(decode_points_balance(Some(&[0; 16])).is_err());
        assert!(decode_points_balance(Some(&[0; 17])).is_err());
    }

    #[test]
    fn names_and_symbols_follow_their_rules() {
        for good in ["TEA", "A1", "MALL2026", "MX"] {
            assert!(valid_symbol(good), "{good}");
        }
        for bad in [
            "",
            "tea",
            "1A",
            "POINT",
            "M7",
            "M12",
            "TOOLONGSYMBOL",
            "A-B",
            "茶",
        ] {
            assert!(!valid_symbol(bad), "{bad}");
        }
        assert!(valid_name("茶香咖啡"));
        for bad in ["", " lead", "trail ", "tab\there", &"x".repeat(65)] {
            assert!(!valid_name(bad), "{bad:?}");
        }
        for (status, bad_symbol, decimals) in [(9u8, "TEA", 2u8), (2, "tea", 2), (2, "TEA", 19)] {
            let r = MerchantRecord {
                decimals,
                symbol: bad_symbol.into(),
                ..record()
            };
            let mut bytes = r.encode();
            bytes[24] = status;
            assert_eq!(
                MerchantRecord::decode(&bytes).unwrap_err().code(),
                "decode-invalid-value"
            );
        }
    }
}
