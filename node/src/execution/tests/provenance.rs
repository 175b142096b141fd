//! The provenance kinds through the node's execution: what each writes, the
//! fee and the sender's history, and every refusal with its number (the
//! block result code and the RPC error code).

use jifen_protocol::provenance::{
    AnchorRecord, ItemAnchor, ItemId, ItemSale, MAX_ANCHOR_POINTS, MAX_SALES, PartyRecord,
    PartyRegister, Role, Roles, SalesRecord, anchor_key, party_key, sales_key,
};
use jifen_protocol::subchain::keys::subchain_key;
use jifen_protocol::subchain::{ConsensusParams, PowParams, SubchainId, SubchainRecord};

use super::*;

const FAR: u64 = u64::MAX;

fn item(serial: &str) -> ItemId {
    let gtin = jifen_protocol::provenance::Gtin::parse("06901234567892").unwrap();
    ItemId::new(gtin, serial).unwrap()
}

fn bft() -> SubchainId {
    SubchainId::new(1).unwrap()
}

fn pow() -> SubchainId {
    SubchainId::new(2).unwrap()
}

/// The world with the platform, a tag issuer and two retailers funded, and
/// a bft subchain 1 and a pow-xor subchain 2 registered.
fn world() -> World {
    let mut w = World::new();
    for name in ["platform", "tag", "shop", "shop-2", "stranger"] {
        w.state.set(
            account_key(&role(name).address()),
            Some(Account::new(100 * POINT, 0).encode()),
        );
    }
    let bft_params = ConsensusParams::Bft {
        genesis_validators_hash: Hash32::ZERO,
    };
    let pow_params = ConsensusParams::PowXor(PowParams {
        initial_bits: 8,
        min_bits: 8,
        retarget_interval: 16,
        target_spacing_ms: 1_000,
    });
    for (id, params) in [(bft(), bft_params), (pow(), pow_params)] {
        let record = SubchainRecord {
            owner: role("issuer").address(),
            name: format!("s{id}"),
            stake: 1,
            registered_at: 1,
            status: jifen_protocol::subchain::SubchainStatus::Active,
            params,
            tip: params.genesis_tip(),
            reports: 0,
            last_anchor_height: 0,
        };
        w.state.set(subchain_key(id), Some(record.encode()));
    }
    w
}

fn register(name: &str, roles: &[Role], from: u64, until: u64) -> TxPayload {
    TxPayload::PartyRegister(PartyRegister {
        party: role(name).address(),
        name: format!("party {name}"),
        roles: Roles::of(roles),
        valid_from_ms: from,
        valid_until_ms: until,
    })
}

fn anchor(serial: &str, subchain: SubchainId, count: u32) -> TxPayload {
    TxPayload::ItemAnchor(ItemAnchor {
        item: item(serial),
        subchain,
        count,
        root: Hash32([u8::try_from(count % 256).unwrap(); 32]),
    })
}

fn sale(serial: &str) -> TxPayload {
    TxPayload::ItemSale(ItemSale { item: item(serial) })
}

fn read<T: Decode>(w: &World, key: &Hash32) -> Option<T> {
    w.state.get(key).map(|bytes| T::decode(bytes).unwrap())
}

/// Runs `payload` and returns the block result number (0: success).
fn number(w: &mut World, key: &str, payload: TxPayload) -> u16 {
    w.run(&role(key), payload).err().map_or(0, |e| e.number())
}

#[test]
fn the_platform_registers_parties_and_no_one_else_does() {
    let mut w = world();
    let before = w.point(&role("platform").address());
    assert_eq!(
        number(
            &mut w,
            "platform",
            register("tag", &[Role::TagIssuer], 0, FAR)
        ),
        0
    );
    let record: PartyRecord = read(&w, &party_key(&role("tag").address())).unwrap();
    assert_eq!(record.roles, Roles::of(&[Role::TagIssuer]));
    assert_eq!(record.height, w.height);
    assert_eq!(record.valid_until_ms, FAR);
    // The fee went, the sender's history grew (the party's did not).
    let platform = account(&w.state, &role("platform").address()).unwrap();
    assert_eq!(platform.balance, before - MIN_FEE);
    assert_eq!(platform.history_len, 1);
    assert_eq!(
        account(&w.state, &role("tag").address())
            .unwrap()
            .history_len,
        0
    );
    // Anyone else: 1301, and nothing written (but the fee).
    let payload = register("shop", &[Role::Retailer], 0, FAR);
    assert_eq!(number(&mut w, "issuer", payload), 1301);
    assert!(w.state.get(&party_key(&role("shop").address())).is_none());
    assert_eq!(
        w.code(
            &role("stranger"),
            register("shop", &[Role::Retailer], 0, FAR)
        ),
        "provenance-not-platform"
    );
    // A re-registration replaces the roles and the period.
    let payload = register("tag", &[Role::TagIssuer, Role::Retailer], 5, 10);
    assert_eq!(number(&mut w, "platform", payload), 0);
    let record: PartyRecord = read(&w, &party_key(&role("tag").address())).unwrap();
    assert_eq!(
        (
            record.roles.bits(),
            record.valid_from_ms,
            record.valid_until_ms
        ),
        (0b01_0000 | 0b10_0000, 5, 10)
    );
}

#[test]
fn a_tag_issuer_anchors_and_extends_with_every_refusal_numbered() {
    let mut w = world();
    let now = w.time_ms;
    for payload in [
        register("tag", &[Role::TagIssuer], 0, FAR),
        register("shop", &[Role::Retailer], 0, FAR),
        // Valid only until an hour before the block: out of its period.
        register("shop-2", &[Role::TagIssuer], 0, now - 3_600_000),
    ] {
        assert_eq!(number(&mut w, "platform", payload), 0);
    }
    assert_eq!(number(&mut w, "stranger", anchor("A", bft(), 1)), 1302);
    assert_eq!(number(&mut w, "shop-2", anchor("A", bft(), 1)), 1303);
    assert_eq!(number(&mut w, "shop", anchor("A", bft(), 1)), 1304);
    let unknown = SubchainId::new(9).unwrap();
    assert_eq!(number(&mut w, "tag", anchor("A", unknown, 1)), 1305);
    assert_eq!(number(&mut w, "tag", anchor("A", pow(), 1)), 1306);
    assert!(w.state.get(&anchor_key(&item("A"))).is_none());

    assert_eq!(number(&mut w, "tag", anchor("A", bft(), 2)), 0);
    let record: AnchorRecord = read(&w, &anchor_key(&item("A"))).unwrap();
    assert_eq!(record.issuer, role("tag").address());
    assert_eq!(record.subchain, bft());
    assert_eq!(record.points.len(), 1);
    assert_eq!(record.points[0].height, w.height);
    assert_eq!(record.points[0].root, Hash32([2; 32]));

    // Another tag issuer may not extend it.
    let payload = register("shop-2", &[Role::TagIssuer], 0, FAR);
    assert_eq!(number(&mut w, "platform", payload), 0);
    assert_eq!(number(&mut w, "shop-2", anchor("A", bft(), 3)), 1307);
    assert_eq!(number(&mut w, "tag", anchor("A", pow(), 3)), 1306);
    // A second bft subchain that is not the item's.
    let mut other = SubchainRecord::decode(w.state.get(&subchain_key(bft())).unwrap()).unwrap();
    other.name = "other".into();
    let third = SubchainId::new(3).unwrap();
    w.state.set(subchain_key(third), Some(other.encode()));
    assert_eq!(number(&mut w, "tag", anchor("A", third, 3)), 1308);
    assert_eq!(number(&mut w, "tag", anchor("A", bft(), 2)), 1309);
    assert_eq!(
        w.run(&role("tag"), anchor("A", bft(), 1)).unwrap_err(),
        TxError::Provenance(
            jifen_protocol::provenance::ProvenanceError::CountNotGreater {
                anchored: 2,
                got: 1
            }
        )
    );
    // Extensions up to the most points an item keeps, then 1310.
    for count in 3..=u32::try_from(MAX_ANCHOR_POINTS).unwrap() + 1 {
        w.height += 1;
        assert_eq!(number(&mut w, "tag", anchor("A", bft(), count)), 0);
    }
    let record: AnchorRecord = read(&w, &anchor_key(&item("A"))).unwrap();
    assert_eq!(record.points.len(), MAX_ANCHOR_POINTS);
    assert_eq!(number(&mut w, "tag", anchor("A", bft(), 100)), 1310);
}

#[test]
fn retailers_record_sales_of_anchored_items_and_every_sale_is_kept() {
    let mut w = world();
    for payload in [
        register("tag", &[Role::TagIssuer], 0, FAR),
        register("shop", &[Role::Retailer], 0, FAR),
        register("shop-2", &[Role::Retailer], 0, FAR),
    ] {
        assert_eq!(number(&mut w, "platform", payload), 0);
    }
    assert_eq!(number(&mut w, "shop", sale("C")), 1311);
    assert_eq!(number(&mut w, "tag", sale("C")), 1304);
    assert_eq!(number(&mut w, "stranger", sale("C")), 1302);
    assert_eq!(number(&mut w, "tag", anchor("C", bft(), 4)), 0);
    assert_eq!(number(&mut w, "shop", sale("C")), 0);
    w.height += 1;
    w.time_ms += 60_000;
    // The second sale of one serial is accepted: it is the clone's mark.
    assert_eq!(number(&mut w, "shop-2", sale("C")), 0);
    let record: SalesRecord = read(&w, &sales_key(&item("C"))).unwrap();
    assert_eq!(record.sales.len(), 2);
    assert_eq!(record.sales[0].seller, role("shop").address());
    assert_eq!(record.sales[1].seller, role("shop-2").address());
    assert_eq!(record.sales[1].time_ms, w.time_ms);
    assert_eq!(record.sales[1].height, w.height);
    assert!(record.sales[0].height < record.sales[1].height);
    for _ in 2..MAX_SALES {
        assert_eq!(number(&mut w, "shop", sale("C")), 0);
    }
    assert_eq!(number(&mut w, "shop", sale("C")), 1312);
    // Out of period at the block's time.
    let payload = register("shop", &[Role::Retailer], 0, w.time_ms);
    assert_eq!(number(&mut w, "platform", payload), 0);
    assert_eq!(number(&mut w, "tag", anchor("D", bft(), 1)), 0);
    assert_eq!(number(&mut w, "shop", sale("D")), 1303);
}
