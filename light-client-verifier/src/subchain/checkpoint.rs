//! The audit's checkpoint: everything [`SubchainAudit`] holds, so a wallet
//! resumes an audit where it stopped.
//!
//! `version u16 (1) || main chain id || subchain u32 || params || tip ||
//! checked u64 || option (last main height u64 || last leaf index u64) ||
//! option halted height u64 || count u32 || count × (header id (32) ||
//! main height u64 || validators hash (32) || report index u64) ||
//! alerts u32 || alerts × (kind u8 || height u64 || index u64 ||
//! main height u64 || header id (32) || anchored report)`.
//!
//! The anchored headers are those of heights `1..=count`, and `count` is the
//! tip's height; the tip's id is the last of them. A tip is `height u64 ||
//! id || parent || time u64 || parent time u64 || state`, state
//! `next validators hash` (bft) or `bits u8 || window start u64` (pow-xor).

use std::collections::BTreeMap;

use jifen_protocol::subchain::{
    AnchoredHeader, ConsensusParams, SubchainId, SubchainKind, SubchainTip,
};
use jifen_protocol::{ChainId, Decode, DecodeError, Encode, Hash32, Reader};

use super::AnchoredReport;
use super::audit::{Alert, AnchorRef, SubchainAudit};

/// The checkpoint encoding version this code writes and reads.
pub const CHECKPOINT_VERSION: u16 = 1;

const ANCHORED_ITEM_LEN: usize = 32 + 8 + 32 + 8;

fn invalid(field: &'static str, offset: usize, reason: &'static str) -> DecodeError {
    DecodeError::InvalidValue {
        field,
        offset,
        reason,
    }
}

fn put_option(out: &mut Vec<u8>, values: Option<&[u64]>) {
    match values {
        None => out.push(0),
        Some(values) => {
            out.push(1);
            for value in values {
                out.extend_from_slice(&value.to_be_bytes());
            }
        }
    }
}

impl SubchainAudit {
    /// The checkpoint bytes (see the module docs).
    #[must_use]
    pub fn encode_checkpoint(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + self.anchored.len() * ANCHORED_ITEM_LEN);
        out.extend_from_slice(&CHECKPOINT_VERSION.to_be_bytes());
        self.main_chain.encode_to(&mut out);
        out.extend_from_slice(&self.id.get().to_be_bytes());
        self.params.encode_to(&mut out);
        self.tip.encode_to(&mut out);
        out.extend_from_slice(&self.checked.to_be_bytes());
        put_option(
            &mut out,
            self.last.map(|(h, l)| [h, l]).as_ref().map(|a| &a[..]),
        );
        put_option(&mut out, self.halted.as_ref().map(core::slice::from_ref));
        // The audit never holds more than u32::MAX heights in memory.
        let count = u32::try_from(self.anchored.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&count.to_be_bytes());
        for (anchored, index) in self.anchored.values() {
            anchored.encode_to(&mut out);
            out.extend_from_slice(&index.to_be_bytes());
        }
        let alerts = u32::try_from(self.alerts.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&alerts.to_be_bytes());
        for alert in &self.alerts {
            let (kind, height, reference, item) = match alert {
                Alert::Equivocation {
                    height,
                    first,
                    second,
                } => (1u8, height, first, second),
                Alert::LostForkChoice {
                    height,
                    winner,
                    loser,
                } => (2, height, winner, loser),
            };
            out.push(kind);
            out.extend_from_slice(&height.to_be_bytes());
            out.extend_from_slice(&reference.index.to_be_bytes());
            out.extend_from_slice(&reference.main_height.to_be_bytes());
            out.extend_from_slice(reference.header_hash.as_bytes());
            item.encode_to(&mut out);
        }
        out
    }

    /// Reads a checkpoint written by [`SubchainAudit::encode_checkpoint`].
    ///
    /// # Errors
    /// [`DecodeError`]: another version, a field out of range, anchored
    /// headers that are not exactly heights `1..=tip`, a tip that is not
    /// the last anchored header, or trailing bytes.
    pub fn decode_checkpoint(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut reader = Reader::new(bytes);
        let version = reader.u16("checkpoint version")?;
        if version != CHECKPOINT_VERSION {
            return Err(DecodeError::UnsupportedVersion {
                what: "subchain audit checkpoint",
                offset: 0,
                got: version,
                expected: CHECKPOINT_VERSION,
            });
        }
        let main_chain = ChainId::decode_from(&mut reader)?;
        let offset = reader.offset();
        let id = SubchainId::new(reader.u32("subchain")?)
            .ok_or_else(|| invalid("subchain", offset, "subchain 0 does not exist"))?;
        let params = ConsensusParams::decode_from(&mut reader)?;
        let tip_offset = reader.offset();
        let tip = read_tip(&mut reader, params.kind())?;
        let checked = reader.u64("reports checked")?;
        let last = if reader.option_tag("last anchor")? {
            Some((
                reader.u64("last main height")?,
                reader.u64("last leaf index")?,
            ))
        } else {
            None
        };
        if last.is_none() != (checked == 0) {
            return Err(invalid(
                "last anchor",
                tip_offset,
                "set exactly when reports were checked",
            ));
        }
        let halted_offset = reader.offset();
        let halted = if reader.option_tag("halted")? {
            Some(reader.u64("halted height")?)
        } else {
            None
        };
        if halted.is_some_and(|h| h == 0 || h > tip.height) {
            return Err(invalid(
                "halted height",
                halted_offset,
                "a halt is at an anchored height",
            ));
        }
        let count_offset = reader.offset();
        let count = reader.count("anchored headers", 0, u32::MAX as usize, ANCHORED_ITEM_LEN)?;
        if count as u64 != tip.height || count as u64 > checked {
            return Err(invalid(
                "anchored headers",
                count_offset,
                "one per height up to the tip, each from a checked report",
            ));
        }
        let mut anchored = BTreeMap::new();
        for height in 1..=count as u64 {
            let header = AnchoredHeader::decode_from(&mut reader)?;
            let index = reader.u64("report index")?;
            anchored.insert(height, (header, index));
        }
        let tip_hash = anchored
            .get(&tip.height)
            .map_or(Hash32::ZERO, |(a, _)| a.header_hash);
        if tip.hash != tip_hash {
            return Err(invalid(
                "tip",
                tip_offset,
                "the tip is the last anchored header",
            ));
        }
        let alert_count = reader.count("alerts", 0, u32::MAX as usize, 57)?;
        let mut alerts = Vec::with_capacity(alert_count.min(64));
        for _ in 0..alert_count {
            alerts.push(read_alert(&mut reader)?);
        }
        reader.finish("subchain audit checkpoint")?;
        Ok(Self {
            main_chain,
            id,
            params,
            tip,
            checked,
            last,
            anchored,
            halted,
            alerts,
        })
    }
}

fn read_tip(reader: &mut Reader<'_>, kind: SubchainKind) -> Result<SubchainTip, DecodeError> {
    SubchainTip::decode_kind(reader, kind)
}

fn read_alert(reader: &mut Reader<'_>) -> Result<Alert, DecodeError> {
    let offset = reader.offset();
    let kind = reader.u8("alert kind")?;
    let height = reader.u64("alert height")?;
    let reference = AnchorRef {
        index: reader.u64("alert report index")?,
        main_height: reader.u64("alert main height")?,
        header_hash: Hash32(reader.array("alert header id")?),
    };
    let item = AnchoredReport::decode_from(reader)?;
    match kind {
        1 => Ok(Alert::Equivocation {
            height,
            first: reference,
            second: item,
        }),
        2 => Ok(Alert::LostForkChoice {
            height,
            winner: reference,
            loser: item,
        }),
        got => Err(DecodeError::BadTag {
            field: "alert kind",
            offset,
            got,
        }),
    }
}
