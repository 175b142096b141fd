//! Parties: the producers, warehouses, carriers, inspectors, retailers and
//! tag issuers the alliance's platform registers on the main chain, each
//! with its roles and a validity period (seed 004: every party signs its
//! own record; only registered parties count).

use core::fmt;

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::{invalid, put_bytes, read_bounded};

/// Longest party name, in UTF-8 bytes (the merchant name rule).
pub const MAX_PARTY_NAME_LEN: usize = crate::points::MAX_NAME_LEN;

/// What a party may do. A party holds one or more roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// `producer` (bit 0): makes the product and signs its product record.
    Producer,
    /// `warehouse` (bit 1): receives, stores and ships.
    Warehouse,
    /// `carrier` (bit 2): transports between parties.
    Carrier,
    /// `inspector` (bit 3): customs and quality inspection.
    Inspector,
    /// `retailer` (bit 4): receives at the shop and sells.
    Retailer,
    /// `tag-issuer` (bit 5): issues tags and anchors items on the main chain.
    TagIssuer,
}

impl Role {
    /// Every role, in bit order.
    pub const ALL: [Self; 6] = [
        Self::Producer,
        Self::Warehouse,
        Self::Carrier,
        Self::Inspector,
        Self::Retailer,
        Self::TagIssuer,
    ];

    /// The role's bit in [`Roles`].
    #[must_use]
    pub const fn bit(self) -> u8 {
        match self {
            Self::Producer => 1,
            Self::Warehouse => 1 << 1,
            Self::Carrier => 1 << 2,
            Self::Inspector => 1 << 3,
            Self::Retailer => 1 << 4,
            Self::TagIssuer => 1 << 5,
        }
    }

    /// The text form (also the i18n id suffix `role-<text>`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Producer => "producer",
            Self::Warehouse => "warehouse",
            Self::Carrier => "carrier",
            Self::Inspector => "inspector",
            Self::Retailer => "retailer",
            Self::TagIssuer => "tag-issuer",
        }
    }

    /// The role named `text`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// The CBV 2.0 business steps (short names) a party in this role may
    /// record. The tag issuer records no events: it anchors.
    #[must_use]
    pub const fn business_steps(self) -> &'static [&'static str] {
        match self {
            Self::Producer => &[
                "commissioning",
                "creating_class_instance",
                "packing",
                "transforming",
                "inspecting",
                "storing",
                "shipping",
            ],
            Self::Warehouse => &[
                "receiving",
                "accepting",
                "storing",
                "picking",
                "packing",
                "unpacking",
                "loading",
                "unloading",
                "shipping",
                "departing",
                "arriving",
            ],
            Self::Carrier => &[
                "transporting",
                "departing",
                "arriving",
                "loading",
                "unloading",
                "accepting",
            ],
            Self::Inspector => &["inspecting", "sampling", "holding", "releasing"],
            Self::Retailer => &[
                "receiving",
                "accepting",
                "stocking",
                "storing",
                "retail_selling",
            ],
            Self::TagIssuer => &[],
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of [`Role`]s (a byte of role bits; the two high bits are zero).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Roles(u8);

impl Roles {
    /// The set of `roles`.
    #[must_use]
    pub fn of(roles: &[Role]) -> Self {
        Self(roles.iter().fold(0, |bits, role| bits | role.bit()))
    }

    /// The set with these bits, if no unknown bit is set.
    #[must_use]
    pub const fn from_bits(bits: u8) -> Option<Self> {
        if bits & 0b1100_0000 == 0 {
            Some(Self(bits))
        } else {
            None
        }
    }

    /// The bits.
    #[must_use]
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Whether the set holds `role`.
    #[must_use]
    pub const fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The roles, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL
            .into_iter()
            .filter(move |role| self.contains(*role))
    }

    /// Whether one of the roles may record the business step `step`.
    #[must_use]
    pub fn may_record(self, step: &str) -> bool {
        self.iter()
            .any(|role| role.business_steps().contains(&step))
    }
}

/// A registered party, stored under [`super::party_key`] of its address
/// (the address of the key it signs with).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartyRecord {
    /// Its name (a merchant name's rule: 1-64 bytes, no control character,
    /// no leading or trailing white space).
    pub name: String,
    /// What it may do (never empty).
    pub roles: Roles,
    /// From when its signatures count (UTC ms, inclusive).
    pub valid_from_ms: u64,
    /// Until when its signatures count (UTC ms, exclusive; `u64::MAX`: no
    /// end). The platform ends a party by registering it again with an end.
    pub valid_until_ms: u64,
    /// The main-chain height of its latest registration.
    pub height: u64,
}

impl PartyRecord {
    /// Whether the party held `role` at `time_ms` (UTC ms).
    #[must_use]
    pub const fn valid_at(&self, role: Role, time_ms: u64) -> bool {
        self.roles.contains(role) && self.valid_from_ms <= time_ms && time_ms < self.valid_until_ms
    }

    /// Whether the party was registered at `time_ms` at all.
    #[must_use]
    pub const fn registered_at(&self, time_ms: u64) -> bool {
        self.valid_from_ms <= time_ms && time_ms < self.valid_until_ms
    }
}

pub(crate) fn put_party_fields(
    out: &mut Vec<u8>,
    name: &str,
    roles: Roles,
    valid_from_ms: u64,
    valid_until_ms: u64,
) {
    put_bytes(out, name.as_bytes());
    out.push(roles.bits());
    out.extend_from_slice(&valid_from_ms.to_be_bytes());
    out.extend_from_slice(&valid_until_ms.to_be_bytes());
}

pub(crate) fn read_party_fields(
    reader: &mut Reader<'_>,
) -> Result<(String, Roles, u64, u64), DecodeError> {
    let offset = reader.offset();
    let name = String::from_utf8(read_bounded(reader, "name", 1, MAX_PARTY_NAME_LEN)?)
        .ok()
        .filter(|name| crate::points::merchant::valid_name(name))
        .ok_or_else(|| {
            invalid(
                "name",
                offset,
                "1-64 bytes of UTF-8, no control character or outer space",
            )
        })?;
    let offset = reader.offset();
    let roles = Roles::from_bits(reader.u8("roles")?)
        .filter(|roles| !roles.is_empty())
        .ok_or_else(|| invalid("roles", offset, "at least one known role bit"))?;
    let valid_from_ms = reader.u64("valid from")?;
    let offset = reader.offset();
    let valid_until_ms = reader.u64("valid until")?;
    if valid_until_ms <= valid_from_ms {
        return Err(invalid("valid until", offset, "the end is after the start"));
    }
    Ok((name, roles, valid_from_ms, valid_until_ms))
}

impl Encode for PartyRecord {
    /// `name (u32 len) || roles u8 || valid_from_ms u64 || valid_until_ms u64 || height u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_party_fields(
            out,
            &self.name,
            self.roles,
            self.valid_from_ms,
            self.valid_until_ms,
        );
        out.extend_from_slice(&self.height.to_be_bytes());
    }
}

impl Decode for PartyRecord {
    const NAME: &'static str = "party record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let (name, roles, valid_from_ms, valid_until_ms) = read_party_fields(reader)?;
        Ok(Self {
            name,
            roles,
            valid_from_ms,
            valid_until_ms,
            height: reader.u64("height")?,
        })
    }
}
