//! The optional context of a sign request (key 8 of `jifen-sign-request`,
//! see `docs/qr.md#sign-request-context`): what the offline device cannot
//! know but must show, as the online wallet claims it. The transaction binds
//! none of it; the device shows each value as the wallet's claim and
//! recomputes what it can (a swap's output from the carried rate terms).

use jifen_protocol::AssetId;
use jifen_protocol::points::FeeMode;

use crate::cbor::{self, MapKeys, Reader};
use crate::error::PayloadError;

/// Most assets a context names (a transaction names at most two).
pub const MAX_CONTEXT_ASSETS: usize = 4;
/// Longest asset symbol, in bytes.
pub const MAX_SYMBOL_LEN: usize = 16;
/// Longest merchant name, in bytes.
pub const MAX_NAME_LEN: usize = 64;
/// Most decimals an asset may have.
pub const MAX_DECIMALS: u8 = 18;
/// Most entries of any context map (room for later fields is refused:
/// unknown keys are an error, as everywhere in these payloads).
const MAX_ENTRIES: usize = 16;

/// What the online wallet says about a request's transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignContext {
    /// Symbol, decimals and name of each asset the transaction names
    /// (key 1; ascending asset ids, each once).
    pub assets: Vec<AssetContext>,
    /// A swap's quote (key 2).
    pub swap: Option<SwapContext>,
    /// A withdrawal's fee and payout (key 3).
    pub withdrawal: Option<WithdrawalContext>,
}

/// How to show amounts of one asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetContext {
    /// The asset (key 1: 0 for POINT, else the merchant's number).
    pub asset: AssetId,
    /// Its symbol (key 2: 1-16 bytes, no control characters or spaces).
    pub symbol: String,
    /// Decimal places of one unit (key 3: 0-18).
    pub decimals: u8,
    /// The merchant's name (key 4, optional: 1-64 bytes, no control
    /// characters).
    pub name: Option<String>,
}

/// A swap's quote as the online wallet computed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwapContext {
    /// What the swap pays out at the quote (key 1, output asset).
    pub quoted_out: u128,
    /// The exchange fee to the platform, POINT (key 2).
    pub exchange_fee: u128,
    /// The rate's bid (key 3).
    pub bid: u64,
    /// The rate's ask (key 4).
    pub ask: u64,
    /// The rate's denominator (key 5, not 0).
    pub den: u64,
    /// The rate's fee mode (key 6: 1 settlement, 2 spread).
    pub fee_mode: FeeMode,
    /// The rate's fee in basis points (key 7: at most 10,000).
    pub fee_bps: u16,
    /// The rate version quoted (key 8; must equal the swap's).
    pub rate_version: u32,
    /// Unix ms after which the online wallet no longer lets the quote be
    /// confirmed (key 9).
    pub quote_expires_ms: u64,
}

/// A withdrawal's fee and payout as the online wallet computed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithdrawalContext {
    /// The alliance's withdrawal fee, POINT (key 1).
    pub fee: u128,
    /// Fiat paid out, POINT (key 2).
    pub payout: u128,
}

impl SignContext {
    /// The context of `asset`, if carried.
    #[must_use]
    pub fn asset(&self, asset: AssetId) -> Option<&AssetContext> {
        self.assets.iter().find(|a| a.asset == asset)
    }

    /// Whether it carries nothing (then it is left out of the request).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.assets.is_empty() && self.swap.is_none() && self.withdrawal.is_none()
    }

    pub(crate) fn encode_to(&self, out: &mut Vec<u8>) {
        let mut assets = self.assets.clone();
        assets.sort_by_key(|a| a.asset);
        let len = usize::from(!assets.is_empty())
            + usize::from(self.swap.is_some())
            + usize::from(self.withdrawal.is_some());
        cbor::put_map(out, len);
        if !assets.is_empty() {
            cbor::put_uint(out, 1);
            cbor::put_array(out, assets.len());
            for a in &assets {
                cbor::put_map(out, if a.name.is_some() { 4 } else { 3 });
                cbor::put_uint(out, 1);
                cbor::put_uint(out, u64::from(a.asset.to_u32()));
                cbor::put_uint(out, 2);
                cbor::put_text(out, &a.symbol);
                cbor::put_uint(out, 3);
                cbor::put_uint(out, u64::from(a.decimals));
                if let Some(name) = &a.name {
                    cbor::put_uint(out, 4);
                    cbor::put_text(out, name);
                }
            }
        }
        if let Some(s) = &self.swap {
            cbor::put_uint(out, 2);
            cbor::put_map(out, 9);
            let uints = [
                (3, s.bid),
                (4, s.ask),
                (5, s.den),
                (6, u64::from(s.fee_mode.to_u8())),
                (7, u64::from(s.fee_bps)),
                (8, u64::from(s.rate_version)),
                (9, s.quote_expires_ms),
            ];
            cbor::put_uint(out, 1);
            put_u128(out, s.quoted_out);
            cbor::put_uint(out, 2);
            put_u128(out, s.exchange_fee);
            for (key, value) in uints {
                cbor::put_uint(out, key);
                cbor::put_uint(out, value);
            }
        }
        if let Some(w) = &self.withdrawal {
            cbor::put_uint(out, 3);
            cbor::put_map(out, 2);
            cbor::put_uint(out, 1);
            put_u128(out, w.fee);
            cbor::put_uint(out, 2);
            put_u128(out, w.payout);
        }
    }

    pub(crate) fn decode_from(reader: &mut Reader<'_>) -> Result<Self, PayloadError> {
        let mut keys = reader.map("context", MAX_ENTRIES)?;
        let mut context = Self::default();
        while let Some(key) = keys.next_key(reader)? {
            match key {
                1 => {
                    let count = reader.array_len("context assets", MAX_CONTEXT_ASSETS)?;
                    for _ in 0..count {
                        let offset = reader.offset();
                        let asset = decode_asset(reader)?;
                        if context
                            .assets
                            .last()
                            .is_some_and(|a| a.asset >= asset.asset)
                        {
                            return Err(invalid(
                                "context asset",
                                offset,
                                "assets in ascending order, each once",
                            ));
                        }
                        context.assets.push(asset);
                    }
                }
                2 => context.swap = Some(decode_swap(reader)?),
                3 => context.withdrawal = Some(decode_withdrawal(reader)?),
                key => return Err(unknown_context_key(key)),
            }
        }
        Ok(context)
    }
}

/// u128 amounts as 16 bytes big-endian: CBOR's uint stops at 64 bits.
fn put_u128(out: &mut Vec<u8>, value: u128) {
    cbor::put_bytes(out, &value.to_be_bytes());
}

fn read_u128(reader: &mut Reader<'_>, field: &'static str) -> Result<u128, PayloadError> {
    Ok(u128::from_be_bytes(reader.fixed_bytes::<16>(field)?))
}

fn invalid(field: &'static str, offset: usize, reason: &str) -> PayloadError {
    PayloadError::InvalidField {
        field,
        offset,
        reason: reason.to_owned(),
    }
}

const fn unknown_context_key(key: u64) -> PayloadError {
    PayloadError::UnknownField {
        ur_type: crate::payload::UrType::SignRequest,
        key,
    }
}

fn missing(field: &'static str) -> PayloadError {
    PayloadError::MissingField {
        ur_type: crate::payload::UrType::SignRequest,
        field,
    }
}

fn small_uint<T: TryFrom<u64>>(
    reader: &mut Reader<'_>,
    field: &'static str,
    max: u64,
) -> Result<T, PayloadError> {
    let offset = reader.offset();
    let value = reader.uint(field)?;
    if value > max {
        return Err(invalid(field, offset, "out of range"));
    }
    T::try_from(value).map_err(|_| invalid(field, offset, "out of range"))
}

fn shown_text(
    reader: &mut Reader<'_>,
    field: &'static str,
    max: usize,
    spaces: bool,
) -> Result<String, PayloadError> {
    let offset = reader.offset();
    let text = reader.text(field, max)?;
    let bad = |c: char| c.is_control() || (!spaces && c.is_whitespace());
    if text.is_empty() || text.chars().any(bad) || text.trim() != text {
        return Err(invalid(
            field,
            offset,
            "non-empty, without control characters or surrounding spaces",
        ));
    }
    Ok(text.to_owned())
}

fn decode_asset(reader: &mut Reader<'_>) -> Result<AssetContext, PayloadError> {
    let mut keys: MapKeys = reader.map("context asset", MAX_ENTRIES)?;
    let (mut asset, mut symbol, mut decimals, mut name) = (None, None, None, None);
    while let Some(key) = keys.next_key(reader)? {
        match key {
            1 => {
                let n: u32 = small_uint(reader, "context asset id", u64::from(u32::MAX))?;
                asset = Some(AssetId::from_u32(n));
            }
            2 => symbol = Some(shown_text(reader, "asset symbol", MAX_SYMBOL_LEN, false)?),
            3 => {
                decimals = Some(small_uint(
                    reader,
                    "asset decimals",
                    u64::from(MAX_DECIMALS),
                )?)
            }
            4 => name = Some(shown_text(reader, "merchant name", MAX_NAME_LEN, true)?),
            key => return Err(unknown_context_key(key)),
        }
    }
    Ok(AssetContext {
        asset: asset.ok_or_else(|| missing("context asset id"))?,
        symbol: symbol.ok_or_else(|| missing("asset symbol"))?,
        decimals: decimals.ok_or_else(|| missing("asset decimals"))?,
        name,
    })
}

fn decode_swap(reader: &mut Reader<'_>) -> Result<SwapContext, PayloadError> {
    let mut keys = reader.map("swap context", MAX_ENTRIES)?;
    let mut out = (None, None, None, None, None, None, None, None, None);
    while let Some(key) = keys.next_key(reader)? {
        let offset = reader.offset();
        match key {
            1 => out.0 = Some(read_u128(reader, "quoted output")?),
            2 => out.1 = Some(read_u128(reader, "exchange fee")?),
            3 => out.2 = Some(reader.uint("rate bid")?),
            4 => out.3 = Some(reader.uint("rate ask")?),
            5 => {
                let den = reader.uint("rate denominator")?;
                if den == 0 {
                    return Err(invalid("rate denominator", offset, "not 0"));
                }
                out.4 = Some(den);
            }
            6 => {
                let mode: u8 = small_uint(reader, "fee mode", 255)?;
                out.5 = Some(
                    FeeMode::from_u8(mode).ok_or_else(|| invalid("fee mode", offset, "1 or 2"))?,
                );
            }
            7 => out.6 = Some(small_uint(reader, "fee bps", 10_000)?),
            8 => out.7 = Some(small_uint(reader, "rate version", u64::from(u32::MAX))?),
            9 => out.8 = Some(reader.uint("quote expiry")?),
            key => return Err(unknown_context_key(key)),
        }
    }
    Ok(SwapContext {
        quoted_out: out.0.ok_or_else(|| missing("quoted output"))?,
        exchange_fee: out.1.ok_or_else(|| missing("exchange fee"))?,
        bid: out.2.ok_or_else(|| missing("rate bid"))?,
        ask: out.3.ok_or_else(|| missing("rate ask"))?,
        den: out.4.ok_or_else(|| missing("rate denominator"))?,
        fee_mode: out.5.ok_or_else(|| missing("fee mode"))?,
        fee_bps: out.6.ok_or_else(|| missing("fee bps"))?,
        rate_version: out.7.ok_or_else(|| missing("rate version"))?,
        quote_expires_ms: out.8.ok_or_else(|| missing("quote expiry"))?,
    })
}

fn decode_withdrawal(reader: &mut Reader<'_>) -> Result<WithdrawalContext, PayloadError> {
    let mut keys = reader.map("withdrawal context", MAX_ENTRIES)?;
    let (mut fee, mut payout) = (None, None);
    while let Some(key) = keys.next_key(reader)? {
        match key {
            1 => fee = Some(read_u128(reader, "withdrawal fee")?),
            2 => payout = Some(read_u128(reader, "payout")?),
            key => return Err(unknown_context_key(key)),
        }
    }
    Ok(WithdrawalContext {
        fee: fee.ok_or_else(|| missing("withdrawal fee"))?,
        payout: payout.ok_or_else(|| missing("payout"))?,
    })
}
