//! The devnet's demo parties and products (`docs/traceability.md#devnet-products`).
//!
//! Every key is a public devnet key ([`crate::keys::NodeKey::devnet_role`]; the words
//! of each role are printed by `jifen-node accounts`, so a wallet can
//! restore e.g. a retailer). The platform registers the parties; the
//! `trace-consortium` subchain writes each product's signed records at
//! fixed early heights ([`record_height`]); the tag issuer anchors them;
//! the retailers sell the cloned one twice.
//!
//! | product | records | anchored | sales | shows |
//! |---|---|---|---|---|
//! | authentic | 9 | 9 | 0 | a full history, one record with personal data sealed for the retailer |
//! | long | 20 | 20 | 0 | the lookup benchmark's 20-record item |
//! | tampered | 5 | 5 | 0 | record 2's event rewritten at [`TAMPER_HEIGHT`], hash and signature kept |
//! | cloned | 5 | 5 | 2 | one serial sold by two retailers |
//! | unanchored | 6 | 4 | 0 | records beyond the last anchor |
//! | unregistered | 3 | 3 | 0 | record 1 signed by a key never registered |

use jifen_protocol::provenance::{Gtin, ItemId, Role};

/// The alliance's platform (registers the parties).
pub const PLATFORM_ROLE: &str = "platform";
/// The producer: 云南普洱茶园.
pub const PRODUCER_ROLE: &str = "producer";
/// The warehouse.
pub const WAREHOUSE_ROLE: &str = "warehouse";
/// The carrier.
pub const CARRIER_ROLE: &str = "carrier";
/// The inspector (customs and quality).
pub const INSPECTOR_ROLE: &str = "inspector";
/// The retailer matching the demo merchant TEA (茶香咖啡).
pub const RETAILER_TEA_ROLE: &str = "retailer-tea";
/// The retailer matching the demo merchant MALL (百货商城).
pub const RETAILER_MALL_ROLE: &str = "retailer-mall";
/// The tag issuer (anchors every item).
pub const TAG_ISSUER_ROLE: &str = "tag-issuer";
/// A key that signs the unregistered product's inspection and is never
/// registered.
pub const UNREGISTERED_ROLE: &str = "unregistered-inspector";

/// 2026-01-01T00:00:00Z: every demo party is valid from then, with no end.
pub const PARTIES_VALID_FROM_MS: u64 = 1_767_225_600_000;

/// One registered demo party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoParty {
    /// Its devnet role name ([`crate::keys::NodeKey::devnet_role`]).
    pub role: &'static str,
    /// The name it is registered with.
    pub name: &'static str,
    /// Its roles.
    pub roles: &'static [Role],
}

/// The parties the platform registers, in registration order.
pub const DEMO_PARTIES: [DemoParty; 7] = [
    DemoParty {
        role: PRODUCER_ROLE,
        name: "云南普洱茶园 Yunnan Pu'er Tea Farm",
        roles: &[Role::Producer],
    },
    DemoParty {
        role: WAREHOUSE_ROLE,
        name: "昆明冷链仓储中心 Kunming Cold Chain Warehouse",
        roles: &[Role::Warehouse],
    },
    DemoParty {
        role: CARRIER_ROLE,
        name: "滇沪干线物流 Dian-Hu Freight",
        roles: &[Role::Carrier],
    },
    DemoParty {
        role: INSPECTOR_ROLE,
        name: "云南检验检疫中心 Yunnan Inspection Center",
        roles: &[Role::Inspector],
    },
    DemoParty {
        role: RETAILER_TEA_ROLE,
        name: "茶香咖啡 TEA",
        roles: &[Role::Retailer],
    },
    DemoParty {
        role: RETAILER_MALL_ROLE,
        name: "百货商城 MALL",
        roles: &[Role::Retailer],
    },
    DemoParty {
        role: TAG_ISSUER_ROLE,
        name: "积分联盟标签中心 Jifen Alliance Tag Center",
        roles: &[Role::TagIssuer],
    },
];

/// The demo roles that send main-chain transactions and so get POINT from
/// the subchain operator: the platform, the tag issuer, the two retailers.
pub const FUNDED_ROLES: [&str; 4] = [
    PLATFORM_ROLE,
    TAG_ISSUER_ROLE,
    RETAILER_TEA_ROLE,
    RETAILER_MALL_ROLE,
];

/// Which demo product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DemoKind {
    /// A full, anchored, unsold history.
    Authentic,
    /// An authentic item with 20 records.
    Long,
    /// One record's event rewritten after anchoring.
    Tampered,
    /// Sold twice.
    Cloned,
    /// Records beyond the last anchor.
    Unanchored,
    /// A record signed by an unregistered key.
    Unregistered,
}

/// One demo product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoProduct {
    /// Which one.
    pub kind: DemoKind,
    /// Its short name (`authentic`, ...).
    pub key: &'static str,
    /// GTIN-14.
    pub gtin: &'static str,
    /// Serial number.
    pub serial: &'static str,
    /// The product.
    pub name: &'static str,
    /// Records on `trace-consortium`.
    pub records: u32,
    /// Records the tag issuer anchors.
    pub anchored: u32,
    /// Sales on the main chain.
    pub sales: u32,
    /// What a lookup of it shows.
    pub shows: &'static str,
}

impl DemoProduct {
    /// The item.
    #[must_use]
    pub fn item(&self) -> ItemId {
        // The constants below are valid items (a test checks each).
        Gtin::parse(self.gtin)
            .and_then(|gtin| ItemId::new(gtin, self.serial))
            .unwrap_or_else(unreachable_item)
    }

    /// The tag's GS1 Digital Link with the network parameter.
    #[must_use]
    pub fn tag_uri(&self) -> String {
        format!(
            "https://id.gs1.org/01/{}/21/{}?net=devnet",
            self.gtin, self.serial
        )
    }
}

#[cold]
fn unreachable_item() -> ItemId {
    unreachable!("the demo products' GTINs and serials are valid")
}

/// The demo products.
pub const DEMO_PRODUCTS: [DemoProduct; 6] = [
    DemoProduct {
        kind: DemoKind::Authentic,
        key: "authentic",
        gtin: "06901234100013",
        serial: "PE26A0001",
        name: "普洱熟茶饼 357g / Pu'er ripe tea cake 357 g",
        records: 9,
        anchored: 9,
        sales: 0,
        shows: "authentic: a full history from farm to shop, fully anchored, not sold; \
                the carrier's record seals the consignee's data for 百货商城 MALL",
    },
    DemoProduct {
        kind: DemoKind::Long,
        key: "long",
        gtin: "06901234100020",
        serial: "PE26L0020",
        name: "普洱生茶饼 357g / Pu'er raw tea cake 357 g",
        records: 20,
        anchored: 20,
        sales: 0,
        shows: "authentic with 20 records (the lookup benchmark)",
    },
    DemoProduct {
        kind: DemoKind::Tampered,
        key: "tampered",
        gtin: "06901234100037",
        serial: "DH26T0007",
        name: "滇红茶礼盒 / Dianhong black tea gift box",
        records: 5,
        anchored: 5,
        sales: 0,
        shows: "tampered: record 2 (warehouse storing) has its bin location rewritten \
                after anchoring; its event hash and signature are the original ones",
    },
    DemoProduct {
        kind: DemoKind::Cloned,
        key: "cloned",
        gtin: "06901234100013",
        serial: "PE26C0042",
        name: "普洱熟茶饼 357g / Pu'er ripe tea cake 357 g",
        records: 5,
        anchored: 5,
        sales: 2,
        shows: "suspected clone: sold by 茶香咖啡 TEA, then again by 百货商城 MALL",
    },
    DemoProduct {
        kind: DemoKind::Unanchored,
        key: "unanchored",
        gtin: "06901234100044",
        serial: "BC26U0003",
        name: "古树白茶 / ancient-tree white tea",
        records: 6,
        anchored: 4,
        sales: 0,
        shows: "unanchored: 6 records, the anchor covers the first 4",
    },
    DemoProduct {
        kind: DemoKind::Unregistered,
        key: "unregistered",
        gtin: "06901234100051",
        serial: "TG26R0011",
        name: "普洱茶膏 / Pu'er tea paste",
        records: 3,
        anchored: 3,
        sales: 0,
        shows: "signer not registered: record 1 (an inspection) is signed by a key \
                the platform never registered",
    },
];

/// The demo product of `kind`.
#[must_use]
pub fn demo_product(kind: DemoKind) -> &'static DemoProduct {
    DEMO_PRODUCTS
        .iter()
        .find(|product| product.kind == kind)
        .unwrap_or(&DEMO_PRODUCTS[0])
}

/// The demo product with this item, if any.
#[must_use]
pub fn demo_product_of(item: &ItemId) -> Option<&'static DemoProduct> {
    DEMO_PRODUCTS.iter().find(|product| product.item() == *item)
}

/// The first `trace-consortium` height with demo records.
pub const FIRST_RECORD_HEIGHT: u64 = 2;
/// Demo records per subchain block, per product.
pub const RECORDS_PER_BLOCK: u32 = 4;
/// The height whose block rewrites the tampered product's record 2.
pub const TAMPER_HEIGHT: u64 = 8;
/// The index of the record the tampering rewrites.
pub const TAMPERED_INDEX: u32 = 2;
/// Heights `1..=RESERVED_HEIGHTS` carry the demo only; submitted records
/// are written from the next one.
pub const RESERVED_HEIGHTS: u64 = TAMPER_HEIGHT;

/// The `trace-consortium` height whose block writes record `index` of a
/// demo product.
#[must_use]
pub const fn record_height(index: u32) -> u64 {
    FIRST_RECORD_HEIGHT + (index / RECORDS_PER_BLOCK) as u64
}
