//! Execution of the subchain kinds (ADR 0019, `docs/protocol.md#subchains`):
//! registration with a stake, header reports checked with the shared rule
//! book ([`apply_report`]) and anchored, and retirement.

use std::cell::RefCell;

use jifen_protocol::Address;
use jifen_protocol::subchain::{
    AnchorLeaf, AnchoredHeader, MAX_SUBCHAINS, MIN_SUBCHAIN_STAKE, Outcome, Seal, SubchainError,
    SubchainId, SubchainRecord, SubchainRegister, SubchainRegistry, SubchainReport, SubchainRetire,
    SubchainStatus, apply_report,
};

use super::overlay::Overlay;
use super::{BlockContext, TxError};

/// An accepted report: its anchor leaf and its index among the subchain's
/// anchored reports (the record's report count before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchored {
    /// The leaf the block's `anchors_root` commits to.
    pub leaf: AnchorLeaf,
    /// 0 for the subchain's first anchored report.
    pub index: u64,
}

fn refused(error: SubchainError) -> TxError {
    TxError::Subchain(error)
}

/// `subchain-register`: subchain `count + 1`, owned by the sender, holding
/// the stake.
pub fn register(
    ov: &mut Overlay<'_>,
    sender: &Address,
    register: &SubchainRegister,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    if register.stake < MIN_SUBCHAIN_STAKE {
        return Err(refused(SubchainError::StakeTooLow {
            min: MIN_SUBCHAIN_STAKE,
            got: register.stake,
        }));
    }
    let registry = ov.subchain_registry()?;
    let id = Some(registry.count)
        .filter(|count| *count < MAX_SUBCHAINS)
        .and_then(|count| count.checked_add(1))
        .and_then(SubchainId::new)
        .ok_or(refused(SubchainError::RegistryFull))?;
    ov.debit_point(sender, register.stake)?;
    let params = register.consensus.params();
    ov.put_subchain(
        id,
        &SubchainRecord {
            owner: *sender,
            name: register.name.clone(),
            stake: register.stake,
            registered_at: ctx.height,
            status: SubchainStatus::Active,
            params,
            tip: params.genesis_tip(),
            reports: 0,
            last_anchor_height: 0,
        },
    );
    ov.put_subchain_registry(SubchainRegistry { count: id.get() });
    Ok(())
}

/// `subchain-report`: the report checked under the subchain's consensus
/// against its anchored tip; accepted, it is anchored (and an equivocation
/// halts the subchain).
pub fn report(
    ov: &mut Overlay<'_>,
    report: &SubchainReport,
    ctx: &BlockContext<'_>,
) -> Result<Anchored, TxError> {
    let header = &report.header;
    let id = header.subchain;
    let mut record = ov.subchain(id)?;
    match record.status {
        SubchainStatus::Active => {}
        SubchainStatus::Halted { height } => {
            return Err(refused(SubchainError::Halted {
                subchain: id,
                height,
            }));
        }
        SubchainStatus::Retired => return Err(refused(SubchainError::Retired(id))),
    }
    // The rule book reads anchored headers through a plain closure; a
    // corrupt record is remembered and reported after it.
    let corrupt = RefCell::new(None);
    let checked = apply_report(ctx.chain_id, id, &record.params, &record.tip, report, |h| {
        ov.anchored_header(id, h).unwrap_or_else(|error| {
            *corrupt.borrow_mut() = Some(error);
            None
        })
    });
    if let Some(error) = corrupt.into_inner() {
        return Err(error);
    }
    let (outcome, tip) = checked.map_err(refused)?;
    let header_hash = header.hash();
    match outcome {
        Outcome::Extends | Outcome::Replaces => {
            let validators_hash = match header.seal {
                Seal::Bft {
                    validators_hash, ..
                } => validators_hash,
                Seal::Pow { .. } => jifen_protocol::Hash32::ZERO,
            };
            ov.put_anchored_header(
                id,
                header.height,
                &AnchoredHeader {
                    header_hash,
                    main_height: ctx.height,
                    validators_hash,
                },
            );
            record.tip = tip;
        }
        // The evidence is anchored; the header held at that height stays.
        Outcome::Equivocation => {
            record.status = SubchainStatus::Halted {
                height: header.height,
            };
        }
    }
    let index = record.reports;
    record.reports = index.checked_add(1).ok_or(TxError::Overflow)?;
    record.last_anchor_height = ctx.height;
    ov.put_subchain(id, &record);
    Ok(Anchored {
        leaf: AnchorLeaf {
            subchain: id,
            index,
            height: header.height,
            header_hash,
            outcome,
        },
        index,
    })
}

/// `subchain-retire`: the owner takes an active subchain's stake back; a
/// halted subchain's stake stays locked.
pub fn retire(
    ov: &mut Overlay<'_>,
    sender: &Address,
    retire: &SubchainRetire,
) -> Result<(), TxError> {
    let id = retire.subchain;
    let mut record = ov.subchain(id)?;
    if record.owner != *sender {
        return Err(refused(SubchainError::NotOwner(id)));
    }
    match record.status {
        SubchainStatus::Active => {}
        SubchainStatus::Halted { height } => {
            return Err(refused(SubchainError::Halted {
                subchain: id,
                height,
            }));
        }
        SubchainStatus::Retired => return Err(refused(SubchainError::Retired(id))),
    }
    // The record keeps the amount: retired says it was paid back, and a
    // wallet's history reads from it what the retirement returned.
    record.status = SubchainStatus::Retired;
    ov.put_subchain(id, &record);
    ov.credit_point(sender, record.stake)
}
