//! The EPCIS 2.0 events of the devnet's demo products: a Pu'er tea supply
//! chain from a farm in Simao (Pu'er, Yunnan) through Kunming to shops in
//! Shanghai and Hangzhou, October-November 2026, local time `+08:00`.
//! Places are GLNs (`https://id.gs1.org/414/<gln>`) and, for a dock or a
//! bin, SGLNs (`.../254/<extension>`), each with a readable name in the
//! `jifen:placeName` extension.

use jifen_gs1::{Action, EventBuilder};
use jifen_protocol::provenance::ItemId;
use serde_json::{Value, json};

use super::demo::{CARRIER_ROLE, INSPECTOR_ROLE, PRODUCER_ROLE, WAREHOUSE_ROLE};

/// The time zone every demo event is written in.
pub const TZ: &str = "+08:00";

/// A place: a GLN, an optional SGLN extension, a name.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    gln: &'static str,
    ext: Option<&'static str>,
    name: &'static str,
}

impl Place {
    const fn at(gln: &'static str, name: &'static str) -> Self {
        Self {
            gln,
            ext: None,
            name,
        }
    }

    const fn inside(self, ext: &'static str, name: &'static str) -> Self {
        Self {
            gln: self.gln,
            ext: Some(ext),
            name,
        }
    }

    /// The GS1 Digital Link of the place.
    #[must_use]
    pub fn uri(&self) -> String {
        match self.ext {
            Some(ext) => format!("https://id.gs1.org/414/{}/254/{ext}", self.gln),
            None => format!("https://id.gs1.org/414/{}", self.gln),
        }
    }
}

/// 云南普洱茶园 (Simao, Pu'er).
pub const FARM: Place = Place::at(
    "6901234000016",
    "云南省普洱市思茅区 茶园 / Tea Farm, Simao, Pu'er, Yunnan",
);
/// The farm's pressing workshop.
pub const PRESS: Place = FARM.inside("press-1", "普洱茶园 压饼车间 / Pressing Workshop, Pu'er");
/// The inspection center in Kunming.
pub const LAB: Place = Place::at(
    "6901234000023",
    "昆明市呈贡区 检验检疫中心 / Inspection Center, Chenggong, Kunming",
);
/// The Kunming warehouse.
pub const WAREHOUSE: Place = Place::at(
    "6901234000030",
    "昆明市官渡区 冷链仓储中心 / Cold Chain Warehouse, Guandu, Kunming",
);
/// Its receiving dock.
pub const DOCK: Place = WAREHOUSE.inside("dock-2", "昆明仓 2号收货口 / Kunming Warehouse Dock 2");
/// A storage bin.
pub const BIN_A: Place = WAREHOUSE.inside(
    "A-03-12",
    "昆明仓 A区03排12位 / Kunming Warehouse Bin A-03-12",
);
/// Another storage bin.
pub const BIN_B: Place = WAREHOUSE.inside(
    "B-07-04",
    "昆明仓 B区07排04位 / Kunming Warehouse Bin B-07-04",
);
/// The bin the tampered record claims afterwards.
pub const BIN_FORGED: Place = WAREHOUSE.inside(
    "C-09-01",
    "昆明仓 C区09排01位 / Kunming Warehouse Bin C-09-01",
);
/// The carrier's Changsha transfer hub.
pub const HUB: Place = Place::at(
    "6901234000047",
    "湖南省长沙市 干线转运中心 / Freight Hub, Changsha, Hunan",
);
/// Customs at Shanghai's port.
pub const CUSTOMS: Place = Place::at(
    "6901234000054",
    "上海市浦东新区 洋山港海关查验场 / Yangshan Port Customs, Pudong, Shanghai",
);
/// 百货商城 (MALL) in Shanghai.
pub const MALL: Place = Place::at(
    "6901234000061",
    "上海市黄浦区南京东路 百货商城 / MALL, East Nanjing Road, Shanghai",
);
/// 茶香咖啡 (TEA) in Hangzhou.
pub const TEA: Place = Place::at(
    "6901234000078",
    "杭州市西湖区 茶香咖啡 / TEA, Xihu, Hangzhou",
);

/// A time in October or November 2026 at `+08:00`, as UTC ms.
#[must_use]
pub const fn at(month: u8, day: u8, hour: u8, minute: u8) -> i64 {
    // 2026-10-01T00:00:00+08:00 in UTC ms.
    const OCTOBER_1: i64 = 1_790_784_000_000;
    let days = if month == 10 {
        day as i64 - 1
    } else {
        31 + day as i64 - 1
    };
    OCTOBER_1 + days * 86_400_000 + hour as i64 * 3_600_000 + minute as i64 * 60_000
}

/// An event about `item` at `place` (read point and business location).
fn object(
    item: &ItemId,
    time_ms: i64,
    action: Action,
    step: &str,
    disposition: &str,
    read: Place,
    location: Place,
) -> EventBuilder {
    EventBuilder::object(time_ms, TZ, action, step)
        .epc(item)
        .disposition(disposition)
        .read_point(&read.uri())
        .biz_location(&location.uri())
        .extension("jifen:placeName", Value::String(read.name.to_owned()))
}

/// One demo event and the role that signs it.
pub type Signed = (&'static str, Value);

/// The producer's product record: lot, expiry, origin, quality, production date.
#[must_use]
pub fn commissioning(
    item: &ItemId,
    time_ms: i64,
    lot: &str,
    expiry: &str,
    quality: &str,
) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Add,
        "commissioning",
        "active",
        PRESS,
        FARM,
    )
    .ilmd("cbvmda:lotNumber", lot)
    .ilmd("cbvmda:itemExpirationDate", expiry)
    .ilmd("cbvmda:countryOfOrigin", "CN")
    .ilmd("jifen:origin", "云南省普洱市思茅区 / Simao, Pu'er, Yunnan")
    .ilmd("jifen:producer", "云南普洱茶园 / Yunnan Pu'er Tea Farm")
    .ilmd("jifen:quality", quality)
    .ilmd("jifen:productionDate", "2026-10-08")
    .build();
    (PRODUCER_ROLE, event)
}

/// The producer packs the item into case `sscc` (an aggregation).
#[must_use]
pub fn packing(item: &ItemId, time_ms: i64, sscc: &str) -> Signed {
    let event = EventBuilder::aggregation(time_ms, TZ, Action::Add, "packing")
        .parent(&format!("https://id.gs1.org/00/{sscc}"))
        .child(item)
        .disposition("in_progress")
        .read_point(&PRESS.uri())
        .biz_location(&FARM.uri())
        .extension("jifen:placeName", Value::String(PRESS.name.to_owned()))
        .build();
    (PRODUCER_ROLE, event)
}

/// The inspector's quality or customs inspection.
#[must_use]
pub fn inspecting(item: &ItemId, time_ms: i64, customs: bool, certificate: &str) -> Signed {
    let place = if customs { CUSTOMS } else { LAB };
    let kind = if customs {
        "海关查验 / customs inspection"
    } else {
        "质量检验 / quality inspection"
    };
    let event = object(
        item,
        time_ms,
        Action::Observe,
        "inspecting",
        "conformant",
        place,
        place,
    )
    .extension("jifen:inspection", Value::String(kind.to_owned()))
    .extension("jifen:result", Value::String("合格 / passed".to_owned()))
    .extension("jifen:certificate", Value::String(certificate.to_owned()))
    .build();
    (INSPECTOR_ROLE, event)
}

/// The warehouse receives at its dock.
#[must_use]
pub fn warehouse_receiving(item: &ItemId, time_ms: i64) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Observe,
        "receiving",
        "in_progress",
        DOCK,
        WAREHOUSE,
    )
    .build();
    (WAREHOUSE_ROLE, event)
}

/// The warehouse stores the item in `bin`.
#[must_use]
pub fn storing(item: &ItemId, time_ms: i64, bin: Place) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Observe,
        "storing",
        "sellable_not_accessible",
        bin,
        bin,
    )
    .build();
    (WAREHOUSE_ROLE, event)
}

/// A warehouse step at the warehouse (`picking`, `shipping`).
#[must_use]
pub fn warehouse_step(item: &ItemId, time_ms: i64, step: &str, disposition: &str) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Observe,
        step,
        disposition,
        DOCK,
        WAREHOUSE,
    )
    .build();
    (WAREHOUSE_ROLE, event)
}

/// The producer ships from the farm.
#[must_use]
pub fn farm_shipping(item: &ItemId, time_ms: i64) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Observe,
        "shipping",
        "in_transit",
        PRESS,
        FARM,
    )
    .build();
    (PRODUCER_ROLE, event)
}

/// A carrier step at `place`; `sealed` adds the consignee's data sealed
/// for the receiving retailer (`jifen:sealed`).
#[must_use]
pub fn carrier_step(
    item: &ItemId,
    time_ms: i64,
    step: &str,
    place: Place,
    sealed: Option<Value>,
) -> Signed {
    let mut event = object(
        item,
        time_ms,
        Action::Observe,
        step,
        "in_transit",
        place,
        place,
    )
    .biz_transaction(Some("desadv"), "urn:jifen:desadv:DH-2026-118")
    .extension(
        "jifen:carrier",
        Value::String("滇沪干线物流 / Dian-Hu Freight".to_owned()),
    );
    if let Some(sealed) = sealed {
        event = event.extension("jifen:sealed", sealed);
    }
    (CARRIER_ROLE, event.build())
}

/// A retailer receives (or stocks) at its shop; signed by `retailer`.
#[must_use]
pub fn retail(
    item: &ItemId,
    time_ms: i64,
    step: &str,
    shop: Place,
    retailer: &'static str,
) -> Signed {
    let event = object(
        item,
        time_ms,
        Action::Observe,
        step,
        "sellable_accessible",
        shop,
        shop,
    )
    .build();
    (retailer, event)
}

/// The consignee data the authentic product's delivery seals for its
/// retailer (fictional).
#[must_use]
pub fn consignee() -> Value {
    json!({
        "consignee": "张经理 / Manager Zhang",
        "phone": "+86 138 0000 0000",
        "address": "上海市黄浦区南京东路 100 号 百货商城收货部 / MALL receiving, 100 East Nanjing Road, Shanghai"
    })
}
