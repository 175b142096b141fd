//! Proven reads of the points records (`docs/protocol.md#keys-and-records`):
//! each is one state proof at the verified header, decoded with the
//! protocol's strict decoders. A proven value that does not decode would mean
//! the chain itself stored it, so it is an error of its own, never shown.

use jifen_light_client::Proven;
use jifen_protocol::points::keys::{
    alliance_key, merchant_key, points_balance_key, rate_key, registry_key, supply_key,
};
use jifen_protocol::points::merchant::decode_points_balance;
use jifen_protocol::points::{
    AllianceParams, MerchantRecord, MerchantRegistry, PointSupply, PointsError, RateRecord,
};
use jifen_protocol::{Address, AssetId, Decode, Hash32, MerchantId};

use super::asset::AssetInfo;
use super::error::{PointsFlowError, RuleUnits};
use crate::chain::ChainReader;

/// The value under `key`, proven, decoded with `T`'s decoder (`None`:
/// proven absent).
fn record<T: Decode>(
    reader: &ChainReader,
    key: &Hash32,
    what: &'static str,
) -> Result<Proven<Option<T>>, PointsFlowError> {
    let proven = reader.state(key)?;
    let value = proven
        .value
        .as_deref()
        .map(T::decode)
        .transpose()
        .map_err(|source| PointsFlowError::RecordMalformed {
            what,
            detail: source.to_string(),
        })?;
    Ok(Proven {
        value,
        height: proven.height,
        header_hash: proven.header_hash,
    })
}

/// Merchant `merchant`'s record, proven (`None`: proven not registered).
///
/// # Errors
/// Light-client errors, [`PointsFlowError::RecordMalformed`].
pub fn merchant(
    reader: &ChainReader,
    merchant: MerchantId,
) -> Result<Proven<Option<MerchantRecord>>, PointsFlowError> {
    record(reader, &merchant_key(merchant), "merchant")
}

/// Merchant `id`'s record, proven to exist.
///
/// # Errors
/// `merchant-unknown` when it is proven absent, and as
/// [`merchant`].
pub fn existing_merchant(
    reader: &ChainReader,
    id: MerchantId,
) -> Result<(MerchantRecord, Proven<()>), PointsFlowError> {
    let proven = merchant(reader, id)?;
    let at = Proven {
        value: (),
        height: proven.height,
        header_hash: proven.header_hash,
    };
    match proven.value {
        Some(record) => Ok((record, at)),
        None => Err(PointsFlowError::rule(
            PointsError::MerchantUnknown { merchant: id.get() },
            &RuleUnits {
                points: None,
                direction: None,
            },
        )),
    }
}

/// Resolves `text` to a merchant, proven: its number (`1`), asset id
/// (`M1`) or symbol (`TEA`, any case; every record is read, the registry's
/// count proven, so none is missed).
///
/// # Errors
/// `merchant-unknown` for a number, `pay-asset-unknown` for a symbol no
/// merchant has, proof errors.
pub fn resolve_merchant(
    reader: &ChainReader,
    text: &str,
) -> Result<(MerchantRecord, Proven<()>), PointsFlowError> {
    let text = text.trim();
    let number = text
        .strip_prefix(['M', 'm'])
        .unwrap_or(text)
        .parse::<u32>()
        .ok();
    if let Some(id) = number.and_then(MerchantId::new) {
        return existing_merchant(reader, id);
    }
    let count = merchant_count(reader)?.value;
    for id in (1..=count).filter_map(MerchantId::new) {
        let found = existing_merchant(reader, id)?;
        if found.0.symbol.eq_ignore_ascii_case(text) {
            return Ok(found);
        }
    }
    Err(PointsFlowError::PayAssetUnknown {
        asset: text.to_owned(),
    })
}

/// Version `version` of `merchant`'s rate, proven (`None`: no such version).
///
/// # Errors
/// As [`merchant`].
pub fn rate(
    reader: &ChainReader,
    merchant: MerchantId,
    version: u32,
) -> Result<Proven<Option<RateRecord>>, PointsFlowError> {
    record(reader, &rate_key(merchant, version), "rate")
}

/// How many merchants are registered, proven (numbered 1 to count).
///
/// # Errors
/// As [`merchant`].
pub fn merchant_count(reader: &ChainReader) -> Result<Proven<u32>, PointsFlowError> {
    let proven = record::<MerchantRegistry>(reader, &registry_key(), "merchant registry")?;
    Ok(Proven {
        value: proven.value.map_or(0, |registry| registry.count),
        height: proven.height,
        header_hash: proven.header_hash,
    })
}

/// The alliance's parameters (issuer, platform, fees), proven.
///
/// # Errors
/// [`PointsFlowError::NoAlliance`] on a chain without them, and as
/// [`merchant`].
pub fn alliance(reader: &ChainReader) -> Result<Proven<AllianceParams>, PointsFlowError> {
    let proven = record::<AllianceParams>(reader, &alliance_key(), "alliance")?;
    match proven.value {
        Some(value) => Ok(Proven {
            value,
            height: proven.height,
            header_hash: proven.header_hash,
        }),
        None => Err(PointsFlowError::NoAlliance),
    }
}

/// POINT minted and burned, proven.
///
/// # Errors
/// As [`alliance`].
pub fn supply(reader: &ChainReader) -> Result<Proven<PointSupply>, PointsFlowError> {
    let proven = record::<PointSupply>(reader, &supply_key(), "POINT supply")?;
    match proven.value {
        Some(value) => Ok(Proven {
            value,
            height: proven.height,
            header_hash: proven.header_hash,
        }),
        None => Err(PointsFlowError::NoAlliance),
    }
}

/// `address`'s balance of `asset`, proven (POINT from the account record,
/// points from their own record; absent: zero).
///
/// # Errors
/// As [`merchant`].
pub fn balance(
    reader: &ChainReader,
    address: &Address,
    asset: AssetId,
) -> Result<Proven<u128>, PointsFlowError> {
    match asset.merchant() {
        None => {
            let account = reader.account(address)?;
            Ok(Proven {
                value: account.value.balance,
                height: account.height,
                header_hash: account.header_hash,
            })
        }
        Some(merchant) => {
            let proven = reader.state(&points_balance_key(address, merchant))?;
            let value = decode_points_balance(proven.value.as_deref()).map_err(|source| {
                PointsFlowError::RecordMalformed {
                    what: "points balance",
                    detail: source.to_string(),
                }
            })?;
            Ok(Proven {
                value,
                height: proven.height,
                header_hash: proven.header_hash,
            })
        }
    }
}

/// What `asset` is (POINT, or a merchant's points as its proven record
/// names them).
///
/// # Errors
/// `merchant-unknown`, as [`merchant`].
pub fn asset_info(reader: &ChainReader, asset: AssetId) -> Result<AssetInfo, PointsFlowError> {
    match asset.merchant() {
        None => Ok(AssetInfo::point()),
        Some(id) => Ok(AssetInfo::of_merchant(&existing_merchant(reader, id)?.0)),
    }
}
