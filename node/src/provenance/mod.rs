//! Product provenance on the node (`docs/traceability.md`): the records
//! ledger of the devnet's `trace-consortium` subchain, the checks a record
//! given to `jifen_provenanceSubmit` passes, and the devnet's demo parties
//! and products.
//!
//! | module | holds |
//! |---|---|
//! | [`ledger`] | [`TraceLedger`]: demo, stored and queued records; the subchain's states |
//! | [`submit`] | the checks of a submitted record (codes 1302, 1303, 1320-1324) |
//! | [`demo`] | the demo roles, parties and products (constants for tests and wallets) |
//! | [`events`] | the demo products' EPCIS 2.0 events |
//! | [`records`] | the demo's signed records and the entries that write them |
//! | [`actors`] | the demo's main-chain transactions: registrations, anchors, sales |
//!
//! The execution of the main-chain payloads (party registration, item
//! anchors, sales) is in `crate::execution`; the RPC methods in
//! `crate::rpc`.

pub mod actors;
pub mod demo;
pub mod events;
pub mod ledger;
pub mod records;
pub mod submit;

pub use demo::{
    CARRIER_ROLE, DEMO_PARTIES, DEMO_PRODUCTS, DemoKind, DemoParty, DemoProduct, INSPECTOR_ROLE,
    PLATFORM_ROLE, PRODUCER_ROLE, RETAILER_MALL_ROLE, RETAILER_TEA_ROLE, TAG_ISSUER_ROLE,
    UNREGISTERED_ROLE, WAREHOUSE_ROLE, demo_product,
};
pub use ledger::TraceLedger;

/// Every demo role with a key (the registered parties and the
/// unregistered signer), for `jifen-node accounts`.
pub const PROVENANCE_ROLES: [&str; 8] = [
    PRODUCER_ROLE,
    WAREHOUSE_ROLE,
    CARRIER_ROLE,
    INSPECTOR_ROLE,
    RETAILER_TEA_ROLE,
    RETAILER_MALL_ROLE,
    TAG_ISSUER_ROLE,
    UNREGISTERED_ROLE,
];

/// The ledger of `trace-consortium` for the main chain `chain_id`: the
/// demo's entries and the entries the store kept.
///
/// # Errors
/// [`records::DemoError`] when the demo records cannot be built.
pub fn trace_ledger(
    chain_id: &jifen_protocol::ChainId,
    stored: Vec<(u64, Vec<jifen_protocol::subchain::Entry>)>,
) -> Result<TraceLedger, records::DemoError> {
    Ok(TraceLedger::new(
        records::demo_entries(chain_id)?,
        demo::RESERVED_HEIGHTS,
        stored,
    ))
}

#[cfg(test)]
mod tests;
