#![allow(clippy::unwrap_used)]

use super::*;
use crate::points::AllianceParams;
use crate::subchain::{ConsensusParams, SubchainRecord};
use crate::{Address, Decode, Encode, Hash32};

fn item(serial: &str) -> ItemId {
    ItemId::new(Gtin::parse("09501101021037").unwrap(), serial).unwrap()
}

fn party(roles: &[Role]) -> PartyRecord {
    PartyRecord {
        name: "Tea Farm".into(),
        roles: Roles::of(roles),
        valid_from_ms: 1_000,
        valid_until_ms: 2_000,
        height: 1,
    }
}

#[test]
fn payloads_and_records_round_trip() {
    let register = PartyRegister {
        party: Address::from_bytes([7; 20]),
        name: "茶园".into(),
        roles: Roles::of(&[Role::Producer, Role::Warehouse]),
        valid_from_ms: 5,
        valid_until_ms: u64::MAX,
    };
    assert_eq!(PartyRegister::decode(&register.encode()).unwrap(), register);
    let anchor = ItemAnchor {
        item: item("A"),
        subchain: crate::subchain::SubchainId::new(1).unwrap(),
        count: 3,
        root: Hash32([9; 32]),
    };
    assert_eq!(ItemAnchor::decode(&anchor.encode()).unwrap(), anchor);
    let sale = ItemSale { item: item("B") };
    assert_eq!(ItemSale::decode(&sale.encode()).unwrap(), sale);
    let record = party(&[Role::Retailer]);
    assert_eq!(PartyRecord::decode(&record.encode()).unwrap(), record);
    // An empty role set, an unknown role bit and an empty period are refused.
    let mut bad = register.clone();
    bad.roles = Roles::of(&[]);
    assert!(PartyRegister::decode(&bad.encode()).is_err());
    let mut bytes = register.encode();
    let roles_at = 20 + 4 + "茶园".len();
    bytes[roles_at] = 0x80;
    assert!(PartyRegister::decode(&bytes).is_err());
    let mut bad = register;
    bad.valid_until_ms = bad.valid_from_ms;
    assert!(PartyRegister::decode(&bad.encode()).is_err());
    let mut zero = anchor;
    zero.count = 0;
    assert!(ItemAnchor::decode(&zero.encode()).is_err());
}

#[test]
fn roles_allow_their_business_steps_only() {
    let retailer = Roles::of(&[Role::Retailer]);
    assert!(retailer.may_record("retail_selling"));
    assert!(retailer.may_record("receiving"));
    assert!(!retailer.may_record("commissioning"));
    assert!(Roles::of(&[Role::Producer]).may_record("commissioning"));
    assert!(!Roles::of(&[Role::TagIssuer]).may_record("commissioning"));
    for role in Role::ALL {
        assert_eq!(Role::parse(role.as_str()), Some(role));
    }
}

#[test]
fn anchors_extend_only_by_their_issuer_on_their_subchain() {
    let issuer = Address::from_bytes([1; 20]);
    let other = Address::from_bytes([2; 20]);
    let tag_issuer = party(&[Role::TagIssuer]);
    let subchain = SubchainRecord {
        owner: issuer,
        name: "trace".into(),
        stake: 1,
        registered_at: 1,
        status: crate::subchain::SubchainStatus::Active,
        params: ConsensusParams::Bft {
            genesis_validators_hash: Hash32::ZERO,
        },
        tip: crate::subchain::SubchainTip {
            height: 0,
            hash: Hash32::ZERO,
            parent: Hash32::ZERO,
            time_ms: 0,
            parent_time_ms: 0,
            state: crate::subchain::TipState::Bft {
                next_validators_hash: Hash32::ZERO,
            },
        },
        reports: 0,
        last_anchor_height: 0,
    };
    let id = crate::subchain::SubchainId::new(1).unwrap();
    let tx = |count| ItemAnchor {
        item: item("A"),
        subchain: id,
        count,
        root: Hash32([count as u8; 32]),
    };
    let first = apply_anchor(
        &issuer,
        Some(&tag_issuer),
        Some(&subchain),
        None,
        &tx(2),
        10,
        1_500,
    )
    .unwrap();
    assert_eq!(first.latest().unwrap().count, 2);
    let err = apply_anchor(
        &issuer,
        Some(&tag_issuer),
        Some(&subchain),
        Some(&first),
        &tx(2),
        11,
        1_500,
    );
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::CountNotGreater);
    let err = apply_anchor(
        &other,
        Some(&tag_issuer),
        Some(&subchain),
        Some(&first),
        &tx(3),
        11,
        1_500,
    );
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::NotItemIssuer);
    let err = apply_anchor(
        &issuer,
        Some(&tag_issuer),
        Some(&subchain),
        Some(&first),
        &tx(3),
        11,
        2_500,
    );
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::OutOfPeriod);
    let err = apply_anchor(&issuer, None, Some(&subchain), None, &tx(3), 11, 1_500);
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::NotAParty);
    let err = apply_anchor(
        &issuer,
        Some(&party(&[Role::Retailer])),
        Some(&subchain),
        None,
        &tx(3),
        11,
        1_500,
    );
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::LacksRole);
    let err = apply_anchor(&issuer, Some(&tag_issuer), None, None, &tx(3), 11, 1_500);
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::SubchainUnknown);
    let second = apply_anchor(
        &issuer,
        Some(&tag_issuer),
        Some(&subchain),
        Some(&first),
        &tx(3),
        11,
        1_500,
    )
    .unwrap();
    assert_eq!(second.points.len(), 2);
    assert_eq!(AnchorRecord::decode(&second.encode()).unwrap(), second);
}

#[test]
fn sales_accumulate_and_need_an_anchor() {
    let seller = Address::from_bytes([3; 20]);
    let retailer = party(&[Role::Retailer]);
    let anchor = AnchorRecord {
        issuer: seller,
        subchain: crate::subchain::SubchainId::new(1).unwrap(),
        points: vec![AnchorPoint {
            count: 1,
            root: Hash32::ZERO,
            height: 1,
        }],
    };
    let sale = ItemSale { item: item("A") };
    let err = apply_sale(&seller, Some(&retailer), None, None, &sale, 5, 1_500);
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::NotAnchored);
    let mut sales = None;
    for height in 0..MAX_SALES as u64 {
        sales = Some(
            apply_sale(
                &seller,
                Some(&retailer),
                Some(&anchor),
                sales.as_ref(),
                &sale,
                height,
                1_500,
            )
            .unwrap(),
        );
    }
    let sales = sales.unwrap();
    assert_eq!(SalesRecord::decode(&sales.encode()).unwrap(), sales);
    let err = apply_sale(
        &seller,
        Some(&retailer),
        Some(&anchor),
        Some(&sales),
        &sale,
        9,
        1_500,
    );
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::SalesFull);
    let alliance = AllianceParams {
        issuer: seller,
        platform: seller,
        withdrawal_fee_bps: 0,
        withdrawal_fee_min: 0,
        min_deposit: 0,
        deposit_reserve_bps: 0,
    };
    let register = PartyRegister {
        party: seller,
        name: "Shop".into(),
        roles: Roles::of(&[Role::Retailer]),
        valid_from_ms: 0,
        valid_until_ms: 10,
    };
    assert!(apply_party_register(&seller, &alliance, &register, 3).is_ok());
    let err = apply_party_register(&Address::from_bytes([9; 20]), &alliance, &register, 3);
    assert_eq!(err.unwrap_err().kind(), ProvenanceCode::NotPlatform);
}

#[test]
fn codes_are_unique_and_round_trip() {
    for code in ProvenanceCode::ALL {
        assert_eq!(ProvenanceCode::from_number(code.number()), Some(code));
    }
    let mut names: Vec<_> = ProvenanceCode::ALL.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ProvenanceCode::ALL.len());
}
