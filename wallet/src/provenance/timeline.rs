//! How a checked lookup becomes the [`TraceView`] front ends render.

use std::collections::BTreeMap;

use jifen_gs1::Event;
use jifen_light_client::provenance::{CheckedRecord, Lookup, Verdict};
use jifen_protocol::provenance::{AnchorRecord, PartyRecord, SalesRecord};
use jifen_protocol::{Address, Network};
use serde_json::Value;

use super::views::{
    AnchorView, DetailView, PartyView, RecordChecksView, SaleView, TagView, TracePurpose,
    TraceRecordView, TraceView, VerdictView,
};
use crate::views::{ErrorView, ProvenAt};

/// The user extension that names a place for people (`"jifen:placeName"`).
pub const PLACE_FIELD: &str = "jifen:placeName";
/// The user extension that holds sealed personal data (`"jifen:sealed"`).
pub const SEALED_FIELD: &str = "jifen:sealed";

/// `time_ms` (UTC) as `YYYY-MM-DD HH:MM` in the zone `+hh:mm`/`-hh:mm`
/// (UTC when the offset does not parse).
#[must_use]
pub fn local_time(time_ms: i64, offset: &str) -> String {
    let minutes = parse_offset(offset).unwrap_or(0);
    let local = time_ms.div_euclid(60_000) + minutes;
    let (days, minute_of_day) = (local.div_euclid(1_440), local.rem_euclid(1_440));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

fn parse_offset(offset: &str) -> Option<i64> {
    if offset == "Z" {
        return Some(0);
    }
    let (sign, rest) = match offset.as_bytes().first()? {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A party as shown.
#[must_use]
pub fn party_view(
    network: Network,
    address: &Address,
    parties: &BTreeMap<Address, Option<PartyRecord>>,
) -> PartyView {
    let record = parties.get(address).and_then(Option::as_ref);
    PartyView {
        address: address.encode(network),
        name: record.map(|p| p.name.clone()),
        roles: record
            .map(|p| p.roles.iter().map(|r| r.as_str().to_owned()).collect())
            .unwrap_or_default(),
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// Lot, expiry, origin, quality...: the ILMD fields and our own readable
/// extensions, as written.
fn details(event: &Event) -> Vec<DetailView> {
    let json = event.json();
    let mut details = Vec::new();
    if let Some(Value::Object(ilmd)) = json.get("ilmd") {
        for (name, value) in ilmd {
            if let Some(value) = text(value) {
                details.push(DetailView {
                    name: name.clone(),
                    value,
                });
            }
        }
    }
    if let Value::Object(fields) = json {
        for (name, value) in fields {
            if name.starts_with("jifen:")
                && name != PLACE_FIELD
                && name != SEALED_FIELD
                && let Some(value) = text(value)
            {
                details.push(DetailView {
                    name: name.clone(),
                    value,
                });
            }
        }
    }
    details
}

fn sealed_for(
    event: &Event,
    network: Network,
    parties: &BTreeMap<Address, Option<PartyRecord>>,
) -> Option<String> {
    let sealed = event.json().get(SEALED_FIELD)?;
    let sealed = match sealed {
        Value::Array(items) => items.first()?,
        other => other,
    };
    let whom = sealed.get("for").and_then(Value::as_str)?;
    let name = Address::decode(whom, network)
        .ok()
        .and_then(|address| parties.get(&address).and_then(Option::as_ref))
        .map(|party| party.name.clone());
    Some(name.unwrap_or_else(|| whom.to_owned()))
}

fn record_view(
    index: u32,
    checked: &CheckedRecord,
    network: Network,
    parties: &BTreeMap<Address, Option<PartyRecord>>,
) -> TraceRecordView {
    let checks = RecordChecksView {
        hash: checked.checks.hash,
        signature: checked.checks.signature,
        link: checked.checks.link,
        signer: checked.checks.signer,
        anchored: checked.checks.anchored,
        order: checked.checks.order,
    };
    let problem = checked.problem.as_ref().map(ErrorView::of);
    let party = checked.record.as_ref().map_or_else(
        || PartyView {
            address: String::new(),
            name: None,
            roles: Vec::new(),
        },
        |record| party_view(network, &record.signer_address(), parties),
    );
    let event_hash = checked.record.as_ref().map_or_else(String::new, |record| {
        jifen_gs1::EventHash(record.event_hash.0).to_string()
    });
    let Some(event) = &checked.event else {
        return TraceRecordView {
            index,
            event_kind: String::new(),
            biz_step: None,
            disposition: None,
            action: None,
            time_ms: 0,
            time_zone: String::new(),
            local_time: String::new(),
            place: None,
            biz_location: None,
            read_point: None,
            party,
            event_hash,
            details: Vec::new(),
            sealed_for: None,
            checks,
            problem,
        };
    };
    let biz_location = event.biz_location();
    let place = event
        .json()
        .get(PLACE_FIELD)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| biz_location.clone())
        .or_else(|| event.read_point());
    TraceRecordView {
        index,
        event_kind: event.kind().name().trim_end_matches("Event").to_lowercase(),
        biz_step: event.biz_step(),
        disposition: event.disposition(),
        action: event.action().map(|a| a.name().to_owned()),
        time_ms: event.event_time_ms(),
        time_zone: event.time_zone_offset().to_owned(),
        local_time: local_time(event.event_time_ms(), event.time_zone_offset()),
        place,
        biz_location,
        read_point: event.read_point(),
        party,
        event_hash,
        details: details(event),
        sealed_for: sealed_for(event, network, parties),
        checks,
        problem,
    }
}

/// The verdict as the front ends know it.
#[must_use]
pub const fn verdict_view(verdict: Verdict) -> VerdictView {
    match verdict {
        Verdict::UnknownProduct => VerdictView::UnknownProduct,
        Verdict::Tampered => VerdictView::Tampered,
        Verdict::SignerNotRegistered => VerdictView::SignerNotRegistered,
        Verdict::SuspectedClone => VerdictView::SuspectedClone,
        Verdict::Unanchored => VerdictView::Unanchored,
        Verdict::Authentic => VerdictView::Authentic,
    }
}

/// The whole view of a lookup.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn view(
    network: Network,
    tag: TagView,
    purpose: TracePurpose,
    lookup: &Lookup,
    anchor: Option<&AnchorRecord>,
    sales: Option<&SalesRecord>,
    parties: &BTreeMap<Address, Option<PartyRecord>>,
    proven_at: ProvenAt,
    subchain_height: u64,
    (fetch_ms, verify_ms): (u64, u64),
) -> TraceView {
    TraceView {
        tag,
        purpose,
        verdict: verdict_view(lookup.verdict),
        reasons: lookup.findings.iter().map(ErrorView::of).collect(),
        records: (0u32..)
            .zip(&lookup.records)
            .map(|(index, checked)| record_view(index, checked, network, parties))
            .collect(),
        anchor: anchor.map(|anchor| AnchorView {
            issuer: party_view(network, &anchor.issuer, parties),
            subchain: anchor.subchain.get(),
            count: anchor.latest().map_or(0, |p| p.count),
            main_height: anchor.latest().map_or(0, |p| p.height),
            anchorings: u32::try_from(anchor.points.len()).unwrap_or(u32::MAX),
        }),
        sales: sales
            .map(|s| {
                s.sales
                    .iter()
                    .map(|sale| SaleView {
                        seller: party_view(network, &sale.seller, parties),
                        time_ms: sale.time_ms,
                        main_height: sale.height,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        proven_at,
        subchain_height,
        fetch_ms,
        verify_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::local_time;

    #[test]
    fn local_times_follow_their_offsets() {
        assert_eq!(local_time(0, "Z"), "1970-01-01 00:00");
        // 2026-10-03T01:12:00Z
        let t = 1_790_989_920_000;
        assert_eq!(local_time(t, "+08:00"), "2026-10-03 09:12");
        assert_eq!(local_time(t, "-05:30"), "2026-10-02 19:42");
        assert_eq!(local_time(t, "garbage"), "2026-10-03 01:12");
        assert_eq!(local_time(-60_000, "+00:00"), "1969-12-31 23:59");
        assert_eq!(local_time(951_782_400_000, "+00:00"), "2000-02-29 00:00");
    }
}
