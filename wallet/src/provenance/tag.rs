//! Use cases: **read a product tag** (`jifen tag parse`) and **hash EPCIS
//! events** (`jifen epcis hash`): the two tools a partner uses to check
//! its own systems against ours, and the tag step of every lookup.

use jifen_gs1::{ProductTag, item_uri, parse_events};
use jifen_protocol::Network;

use super::error::ProvenanceFlowError;
use super::views::{EventHashView, TagView};

/// The view of a parsed tag.
#[must_use]
pub fn view(uri: &str, tag: &ProductTag) -> TagView {
    let link = &tag.link;
    TagView {
        uri: uri.to_owned(),
        canonical: item_uri(&tag.item),
        gtin: tag.item.gtin().to_string(),
        serial: tag.item.serial().to_owned(),
        lot: link.lot().map(str::to_owned),
        expiry: link
            .expiry()
            .map(|e| format!("{:04}-{:02}-{:02}", e.year, e.month, e.day)),
        network: link.network().map(|n| n.name().to_owned()),
        resolver: link.resolver().to_owned(),
    }
}

/// Parses a product tag (a GS1 Digital Link with a GTIN and a serial).
///
/// # Errors
/// [`ProvenanceFlowError::Tag`] with the specific `tag-*` reason.
pub fn parse(text: &str) -> Result<TagView, ProvenanceFlowError> {
    let text = text.trim();
    let tag = ProductTag::parse(text)?;
    Ok(view(text, &tag))
}

/// Parses a product tag for a lookup on `network`: a tag that names
/// another network is refused; one that names none is looked up here.
///
/// # Errors
/// As [`parse`]; [`ProvenanceFlowError::WrongNetwork`].
pub fn parse_for(text: &str, network: Network) -> Result<ProductTag, ProvenanceFlowError> {
    let tag = ProductTag::parse(text.trim())?;
    match tag.link.network() {
        Some(named) if named != network => Err(ProvenanceFlowError::WrongNetwork {
            tag: named.name().to_owned(),
            wallet: network.name().to_owned(),
        }),
        _ => Ok(tag),
    }
}

/// The CBV 2.0 event hash of every event of an EPCIS 2.0 JSON document
/// (or of one event), in document order.
///
/// # Errors
/// [`ProvenanceFlowError::Epcis`].
pub fn event_hashes(json: &[u8]) -> Result<Vec<EventHashView>, ProvenanceFlowError> {
    Ok((0u32..)
        .zip(parse_events(json)?)
        .map(|(index, event)| EventHashView {
            index,
            hash: event.hash().to_string(),
        })
        .collect())
}
