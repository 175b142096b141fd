//! The main chain's provenance records (item anchors and sales), their
//! state keys, and the rules the node applies to the three payloads. The
//! wallet reads the records with proofs; the rules here are the node's.

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::message::{Arg, Coded};
use crate::points::{AllianceParams, invalid, read_address};
use crate::state::{RecordKind, state_key};
use crate::subchain::{SubchainId, SubchainKind, SubchainRecord, read_subchain};
use crate::{Address, Hash32};

use super::party::{PartyRecord, Role};
use super::tx::{ItemAnchor, ItemSale, PartyRegister};
use super::{ItemId, MAX_RECORDS};

/// Most anchor points one item keeps (its first anchor and 63 extensions).
pub const MAX_ANCHOR_POINTS: usize = 64;
/// Most sales one item keeps.
pub const MAX_SALES: usize = 8;

/// The state key of `party`'s [`PartyRecord`] (`0x0D`, keyed by address).
#[must_use]
pub fn party_key(party: &Address) -> Hash32 {
    state_key(RecordKind::Party, party.as_bytes())
}

/// The state key of `item`'s [`AnchorRecord`] (`0x0E`, keyed by the item's encoding).
#[must_use]
pub fn anchor_key(item: &ItemId) -> Hash32 {
    state_key(RecordKind::ItemAnchor, &item.encode())
}

/// The state key of `item`'s [`SalesRecord`] (`0x0F`, keyed by the item's encoding).
#[must_use]
pub fn sales_key(item: &ItemId) -> Hash32 {
    state_key(RecordKind::ItemSales, &item.encode())
}

/// One anchoring of an item: the root over its first `count` records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnchorPoint {
    /// Records covered (`0..count`).
    pub count: u32,
    /// [`super::records_root`] over their leaves.
    pub root: Hash32,
    /// The main-chain height of the anchoring block.
    pub height: u64,
}

/// An item's anchors: who issued its tag, where its records live, and
/// every root anchored so far (counts strictly increasing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnchorRecord {
    /// The tag issuer that anchored it first (only it may extend).
    pub issuer: Address,
    /// The bft subchain holding its records.
    pub subchain: SubchainId,
    /// 1 to [`MAX_ANCHOR_POINTS`] points, counts strictly increasing.
    pub points: Vec<AnchorPoint>,
}

impl AnchorRecord {
    /// The latest anchor point.
    #[must_use]
    pub fn latest(&self) -> Option<&AnchorPoint> {
        self.points.last()
    }
}

impl Encode for AnchorRecord {
    /// `issuer (20) || subchain u32 || count u32 || count * (count u32 || root (32) || height u64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.issuer.as_bytes());
        out.extend_from_slice(&self.subchain.get().to_be_bytes());
        crate::encoding::put_len(out, self.points.len());
        for point in &self.points {
            out.extend_from_slice(&point.count.to_be_bytes());
            out.extend_from_slice(point.root.as_bytes());
            out.extend_from_slice(&point.height.to_be_bytes());
        }
    }
}

impl Decode for AnchorRecord {
    const NAME: &'static str = "anchor record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let issuer = read_address(reader, "issuer")?;
        let subchain = read_subchain(reader, "subchain")?;
        let n = reader.count("points", 1, MAX_ANCHOR_POINTS, 44)?;
        let mut points: Vec<AnchorPoint> = Vec::with_capacity(n);
        for _ in 0..n {
            let offset = reader.offset();
            let count = reader.u32("count")?;
            if count == 0
                || count > MAX_RECORDS
                || points.last().is_some_and(|last| last.count >= count)
            {
                return Err(invalid(
                    "count",
                    offset,
                    "counts 1 to 4,096, strictly increasing",
                ));
            }
            points.push(AnchorPoint {
                count,
                root: Hash32(reader.array("root")?),
                height: reader.u64("height")?,
            });
        }
        Ok(Self {
            issuer,
            subchain,
            points,
        })
    }
}

/// One recorded sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sale {
    /// The retailer (a party address).
    pub seller: Address,
    /// The block's time (UTC ms).
    pub time_ms: u64,
    /// The main-chain height.
    pub height: u64,
}

/// Every sale of one item, in order (1 to [`MAX_SALES`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SalesRecord {
    /// The sales.
    pub sales: Vec<Sale>,
}

impl Encode for SalesRecord {
    /// `count u32 || count * (seller (20) || time_ms u64 || height u64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        crate::encoding::put_len(out, self.sales.len());
        for sale in &self.sales {
            out.extend_from_slice(sale.seller.as_bytes());
            out.extend_from_slice(&sale.time_ms.to_be_bytes());
            out.extend_from_slice(&sale.height.to_be_bytes());
        }
    }
}

impl Decode for SalesRecord {
    const NAME: &'static str = "sales record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let n = reader.count("sales", 1, MAX_SALES, 36)?;
        let mut sales = Vec::with_capacity(n);
        for _ in 0..n {
            sales.push(Sale {
                seller: read_address(reader, "seller")?,
                time_ms: reader.u64("time")?,
                height: reader.u64("height")?,
            });
        }
        Ok(Self { sales })
    }
}

/// The stable numbers of the provenance rules (JSON-RPC error and block
/// result codes, `docs/rpc.md#errors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProvenanceCode {
    /// 1301 `provenance-not-platform`.
    NotPlatform,
    /// 1302 `provenance-not-a-party`.
    NotAParty,
    /// 1303 `provenance-party-out-of-period`.
    OutOfPeriod,
    /// 1304 `provenance-party-lacks-role`.
    LacksRole,
    /// 1305 `provenance-subchain-unknown`.
    SubchainUnknown,
    /// 1306 `provenance-subchain-not-bft`.
    SubchainNotBft,
    /// 1307 `provenance-not-item-issuer`.
    NotItemIssuer,
    /// 1308 `provenance-subchain-changed`.
    SubchainChanged,
    /// 1309 `provenance-count-not-greater`.
    CountNotGreater,
    /// 1310 `provenance-anchor-full`.
    AnchorFull,
    /// 1311 `provenance-item-not-anchored`.
    NotAnchored,
    /// 1312 `provenance-sales-full`.
    SalesFull,
    /// 1320 `provenance-record-bad-signature` (a submitted record).
    RecordBadSignature,
    /// 1321 `provenance-record-wrong-index`.
    RecordWrongIndex,
    /// 1322 `provenance-record-broken-link`.
    RecordBrokenLink,
    /// 1323 `provenance-record-bad-event`.
    RecordBadEvent,
    /// 1324 `provenance-record-step-not-allowed`.
    RecordStepNotAllowed,
}

impl ProvenanceCode {
    /// Every code, in number order.
    pub const ALL: [Self; 17] = [
        Self::NotPlatform,
        Self::NotAParty,
        Self::OutOfPeriod,
        Self::LacksRole,
        Self::SubchainUnknown,
        Self::SubchainNotBft,
        Self::NotItemIssuer,
        Self::SubchainChanged,
        Self::CountNotGreater,
        Self::AnchorFull,
        Self::NotAnchored,
        Self::SalesFull,
        Self::RecordBadSignature,
        Self::RecordWrongIndex,
        Self::RecordBrokenLink,
        Self::RecordBadEvent,
        Self::RecordStepNotAllowed,
    ];

    /// The stable number.
    #[must_use]
    pub const fn number(self) -> u16 {
        match self {
            Self::NotPlatform => 1301,
            Self::NotAParty => 1302,
            Self::OutOfPeriod => 1303,
            Self::LacksRole => 1304,
            Self::SubchainUnknown => 1305,
            Self::SubchainNotBft => 1306,
            Self::NotItemIssuer => 1307,
            Self::SubchainChanged => 1308,
            Self::CountNotGreater => 1309,
            Self::AnchorFull => 1310,
            Self::NotAnchored => 1311,
            Self::SalesFull => 1312,
            Self::RecordBadSignature => 1320,
            Self::RecordWrongIndex => 1321,
            Self::RecordBrokenLink => 1322,
            Self::RecordBadEvent => 1323,
            Self::RecordStepNotAllowed => 1324,
        }
    }

    /// The code with number `number`.
    #[must_use]
    pub fn from_number(number: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.number() == number)
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotPlatform => "provenance-not-platform",
            Self::NotAParty => "provenance-not-a-party",
            Self::OutOfPeriod => "provenance-party-out-of-period",
            Self::LacksRole => "provenance-party-lacks-role",
            Self::SubchainUnknown => "provenance-subchain-unknown",
            Self::SubchainNotBft => "provenance-subchain-not-bft",
            Self::NotItemIssuer => "provenance-not-item-issuer",
            Self::SubchainChanged => "provenance-subchain-changed",
            Self::CountNotGreater => "provenance-count-not-greater",
            Self::AnchorFull => "provenance-anchor-full",
            Self::NotAnchored => "provenance-item-not-anchored",
            Self::SalesFull => "provenance-sales-full",
            Self::RecordBadSignature => "provenance-record-bad-signature",
            Self::RecordWrongIndex => "provenance-record-wrong-index",
            Self::RecordBrokenLink => "provenance-record-broken-link",
            Self::RecordBadEvent => "provenance-record-bad-event",
            Self::RecordStepNotAllowed => "provenance-record-step-not-allowed",
        }
    }
}

/// Why a provenance transaction (or a submitted record) is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProvenanceError {
    /// Only the alliance's platform account registers parties.
    #[error("only the platform account registers parties")]
    NotPlatform,
    /// The sender is not a registered party.
    #[error("{0:?} is not a registered party")]
    NotAParty(Address),
    /// The party is outside its validity period.
    #[error("party {0:?} is not valid at this time")]
    OutOfPeriod(Address),
    /// The party does not hold the role.
    #[error("party {party:?} is not a {role}")]
    LacksRole {
        /// The party.
        party: Address,
        /// The role it needs.
        role: Role,
    },
    /// The subchain named is not registered.
    #[error("subchain {0} is not registered")]
    SubchainUnknown(SubchainId),
    /// Records live on a bft subchain.
    #[error("subchain {0} is not a bft subchain")]
    SubchainNotBft(SubchainId),
    /// Only the item's first issuer extends its anchor.
    #[error("the item was anchored by another tag issuer")]
    NotItemIssuer,
    /// An anchor extension names another subchain.
    #[error("the item's records live on subchain {0}")]
    SubchainChanged(SubchainId),
    /// An extension must cover more records.
    #[error("the anchor already covers {anchored} records, got {got}")]
    CountNotGreater {
        /// Covered now.
        anchored: u32,
        /// Offered.
        got: u32,
    },
    /// The item holds [`MAX_ANCHOR_POINTS`] anchors.
    #[error("the item's anchor cannot be extended further")]
    AnchorFull,
    /// The item has no anchor.
    #[error("the item is not anchored")]
    NotAnchored,
    /// The item holds [`MAX_SALES`] sales.
    #[error("the item's sales record is full")]
    SalesFull,
    /// A submitted record's signature does not verify.
    #[error("record signature does not verify")]
    RecordBadSignature,
    /// A submitted record is not the item's next.
    #[error("the item's next record is {expected}, got {got}")]
    RecordWrongIndex {
        /// The item's record count.
        expected: u32,
        /// The record's index.
        got: u32,
    },
    /// A submitted record's `prev` is not the leaf of the item's last record.
    #[error("the record does not link to the item's last record")]
    RecordBrokenLink,
    /// A submitted record's event is unreadable, does not hash to its
    /// `event_hash`, or does not name the item.
    #[error("the record's event is not valid: {0}")]
    RecordBadEvent(String),
    /// The signer's roles do not allow the event's business step.
    #[error("a party with these roles may not record {0}")]
    RecordStepNotAllowed(String),
}

impl ProvenanceError {
    /// The stable code.
    #[must_use]
    pub const fn kind(&self) -> ProvenanceCode {
        match self {
            Self::NotPlatform => ProvenanceCode::NotPlatform,
            Self::NotAParty(_) => ProvenanceCode::NotAParty,
            Self::OutOfPeriod(_) => ProvenanceCode::OutOfPeriod,
            Self::LacksRole { .. } => ProvenanceCode::LacksRole,
            Self::SubchainUnknown(_) => ProvenanceCode::SubchainUnknown,
            Self::SubchainNotBft(_) => ProvenanceCode::SubchainNotBft,
            Self::NotItemIssuer => ProvenanceCode::NotItemIssuer,
            Self::SubchainChanged(_) => ProvenanceCode::SubchainChanged,
            Self::CountNotGreater { .. } => ProvenanceCode::CountNotGreater,
            Self::AnchorFull => ProvenanceCode::AnchorFull,
            Self::NotAnchored => ProvenanceCode::NotAnchored,
            Self::SalesFull => ProvenanceCode::SalesFull,
            Self::RecordBadSignature => ProvenanceCode::RecordBadSignature,
            Self::RecordWrongIndex { .. } => ProvenanceCode::RecordWrongIndex,
            Self::RecordBrokenLink => ProvenanceCode::RecordBrokenLink,
            Self::RecordBadEvent(_) => ProvenanceCode::RecordBadEvent,
            Self::RecordStepNotAllowed(_) => ProvenanceCode::RecordStepNotAllowed,
        }
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

impl Coded for ProvenanceError {
    fn code(&self) -> &'static str {
        self.kind().as_str()
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::NotPlatform
            | Self::NotItemIssuer
            | Self::AnchorFull
            | Self::NotAnchored
            | Self::SalesFull
            | Self::RecordBadSignature
            | Self::RecordBrokenLink => Vec::new(),
            Self::NotAParty(_) | Self::OutOfPeriod(_) => Vec::new(),
            Self::LacksRole { party: _, role } => vec![("role", Arg::from(role.as_str()))],
            Self::SubchainUnknown(id) | Self::SubchainNotBft(id) | Self::SubchainChanged(id) => {
                vec![("subchain", Arg::from(u64::from(id.get())))]
            }
            Self::CountNotGreater { anchored, got } => vec![
                ("anchored", Arg::from(u64::from(*anchored))),
                ("got", Arg::from(u64::from(*got))),
            ],
            Self::RecordWrongIndex { expected, got } => vec![
                ("expected", Arg::from(u64::from(*expected))),
                ("got", Arg::from(u64::from(*got))),
            ],
            Self::RecordBadEvent(reason) => vec![("reason", Arg::from(reason))],
            Self::RecordStepNotAllowed(step) => vec![("step", Arg::from(step))],
        }
    }
}

/// Checks that `party` holds `role` at `now_ms`.
///
/// # Errors
/// [`ProvenanceError::NotAParty`], [`ProvenanceError::OutOfPeriod`],
/// [`ProvenanceError::LacksRole`].
pub fn check_party(
    address: &Address,
    party: Option<&PartyRecord>,
    role: Role,
    now_ms: u64,
) -> Result<(), ProvenanceError> {
    let party = party.ok_or(ProvenanceError::NotAParty(*address))?;
    if !party.registered_at(now_ms) {
        return Err(ProvenanceError::OutOfPeriod(*address));
    }
    if !party.roles.contains(role) {
        return Err(ProvenanceError::LacksRole {
            party: *address,
            role,
        });
    }
    Ok(())
}

/// The party record a [`PartyRegister`] from `sender` writes at `height`.
///
/// # Errors
/// [`ProvenanceError::NotPlatform`].
pub fn apply_party_register(
    sender: &Address,
    alliance: &AllianceParams,
    tx: &PartyRegister,
    height: u64,
) -> Result<PartyRecord, ProvenanceError> {
    if *sender != alliance.platform {
        return Err(ProvenanceError::NotPlatform);
    }
    Ok(PartyRecord {
        name: tx.name.clone(),
        roles: tx.roles,
        valid_from_ms: tx.valid_from_ms,
        valid_until_ms: tx.valid_until_ms,
        height,
    })
}

/// The anchor record an [`ItemAnchor`] from `sender` (whose party record is
/// `party`) writes in a block of `height` and time `now_ms`, given the
/// item's current record `old` and the named subchain's record.
///
/// # Errors
/// A party check ([`check_party`] with [`Role::TagIssuer`]), then
/// [`ProvenanceError::SubchainUnknown`], [`ProvenanceError::SubchainNotBft`],
/// [`ProvenanceError::NotItemIssuer`], [`ProvenanceError::SubchainChanged`],
/// [`ProvenanceError::CountNotGreater`], [`ProvenanceError::AnchorFull`].
pub fn apply_anchor(
    sender: &Address,
    party: Option<&PartyRecord>,
    subchain: Option<&SubchainRecord>,
    old: Option<&AnchorRecord>,
    tx: &ItemAnchor,
    height: u64,
    now_ms: u64,
) -> Result<AnchorRecord, ProvenanceError> {
    check_party(sender, party, Role::TagIssuer, now_ms)?;
    let subchain = subchain.ok_or(ProvenanceError::SubchainUnknown(tx.subchain))?;
    if subchain.params.kind() != SubchainKind::Bft {
        return Err(ProvenanceError::SubchainNotBft(tx.subchain));
    }
    let point = AnchorPoint {
        count: tx.count,
        root: tx.root,
        height,
    };
    let Some(old) = old else {
        return Ok(AnchorRecord {
            issuer: *sender,
            subchain: tx.subchain,
            points: vec![point],
        });
    };
    if old.issuer != *sender {
        return Err(ProvenanceError::NotItemIssuer);
    }
    if old.subchain != tx.subchain {
        return Err(ProvenanceError::SubchainChanged(old.subchain));
    }
    let anchored = old.latest().map_or(0, |p| p.count);
    if tx.count <= anchored {
        return Err(ProvenanceError::CountNotGreater {
            anchored,
            got: tx.count,
        });
    }
    if old.points.len() >= MAX_ANCHOR_POINTS {
        return Err(ProvenanceError::AnchorFull);
    }
    let mut record = old.clone();
    record.points.push(point);
    Ok(record)
}

/// The sales record an [`ItemSale`] from `sender` writes in a block of
/// `height` and time `now_ms`.
///
/// # Errors
/// A party check ([`check_party`] with [`Role::Retailer`]), then
/// [`ProvenanceError::NotAnchored`], [`ProvenanceError::SalesFull`].
pub fn apply_sale(
    sender: &Address,
    party: Option<&PartyRecord>,
    anchor: Option<&AnchorRecord>,
    old: Option<&SalesRecord>,
    _tx: &ItemSale,
    height: u64,
    now_ms: u64,
) -> Result<SalesRecord, ProvenanceError> {
    check_party(sender, party, Role::Retailer, now_ms)?;
    if anchor.is_none() {
        return Err(ProvenanceError::NotAnchored);
    }
    let mut sales = old.map_or_else(Vec::new, |old| old.sales.clone());
    if sales.len() >= MAX_SALES {
        return Err(ProvenanceError::SalesFull);
    }
    sales.push(Sale {
        seller: *sender,
        time_ms: now_ms,
        height,
    });
    Ok(SalesRecord { sales })
}
