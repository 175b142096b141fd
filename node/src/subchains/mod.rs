//! The devnet's subchains (ADR 0019): one `bft` subchain,
//! `trace-consortium`, one `pow-xor` subchain, `xor-demo`, and a bft
//! subchain whose committee misbehaves, `rogue-committee`, produced beside
//! the main chain and reported to it by real transactions of the
//! `subchain-operator` demo role (`jifen-node accounts`).
//!
//! After each main block the producer ([`Producers::step`]) registers the
//! subchains if they are not yet (a 1,000 POINT stake each), then, once the
//! operator's earlier transactions are all in blocks, produces the next
//! block of each on top of its **anchored tip** (read from the main chain's
//! record, so it needs no state of its own and resumes after a restart) and
//! submits its report:
//! - `trace-consortium`: one block per main block, committed by 3 of its 4
//!   members; its committee changes every [`bft::SET_EVERY`] heights (the
//!   report carries `next_validators`); it holds the provenance records
//!   (the demo products' and those given to `jifen_provenanceSubmit`,
//!   `crate::provenance`), and the demo's parties, anchors and sales are
//!   sent beside it;
//! - `xor-demo`: one block every second main block (its target spacing);
//!   every [`FORK_EVERY`]-th height it mines **two siblings** and reports
//!   both, alternately the XOR winner first (the second is refused with
//!   `subchain-loses-fork-choice`) and the loser first (the second is
//!   anchored as `replaces`);
//! - `rogue-committee`: like `trace-consortium`, until its committee signs
//!   two different headers at height [`ROGUE_EQUIVOCATES_AT`] and both are
//!   reported: the main chain anchors the second as `equivocation`, halts
//!   the subchain and keeps its stake. It is there so a wallet's audit has
//!   a real alert to show (and its evidence file to re-check offline).
//!
//! | module | holds |
//! |---|---|
//! | this one | [`Producers`]: registration and the per-block step |
//! | [`bft`] | the committees, their keys and commits |
//! | [`pow`] | the retarget rule's next bits and the nonce search |
//! | [`workload`] | the blocks' entries and the state after any height |

pub mod bft;
pub mod pow;
pub mod workload;

use std::sync::Arc;

use jifen_protocol::subchain::tx::RegisterConsensus;
use jifen_protocol::subchain::{
    MIN_SUBCHAIN_STAKE, PowParams, ReportSeal, Seal, SubchainHeader, SubchainId, SubchainRecord,
    SubchainRegister, SubchainReport, SubchainStatus, entries_root, xor_wins,
};
use jifen_protocol::{Transaction, TxPayload, UnsignedTransaction};

use crate::chain::{Chain, KeptSubchain};
use crate::execution::{TxError, account};
use crate::keys::{KeyError, NodeKey};
use crate::provenance::actors::Actors;
use crate::provenance::records::DemoError;
use crate::provenance::{TraceLedger, trace_ledger};
use workload::Workload;

/// The demo role that registers and relays the devnet's subchains.
pub const OPERATOR_ROLE: &str = "subchain-operator";
/// The bft subchain's name.
pub const TRACE_NAME: &str = "trace-consortium";
/// The pow-xor subchain's name.
pub const XOR_NAME: &str = "xor-demo";
/// The misbehaving bft subchain's name.
pub const ROGUE_NAME: &str = "rogue-committee";
/// The height at which `rogue-committee`'s committee equivocates.
pub const ROGUE_EQUIVOCATES_AT: u64 = 3;
/// Every this many `xor-demo` heights, two siblings compete.
pub const FORK_EVERY: u64 = 5;
/// `xor-demo`'s difficulty rules (the spacing comes from the block time).
pub const XOR_INITIAL_BITS: u8 = 10;
/// `xor-demo`'s lowest difficulty.
pub const XOR_MIN_BITS: u8 = 8;
/// `xor-demo`'s retarget window.
pub const XOR_RETARGET_INTERVAL: u32 = 16;

/// Why the producer could not act.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProducerError {
    /// A devnet key could not be made or could not sign.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The main chain refused a transaction or its state is unreadable.
    #[error(transparent)]
    Tx(#[from] TxError),
    /// The main chain's store failed.
    #[error(transparent)]
    Chain(#[from] crate::chain::ChainError),
    /// The provenance demo's records could not be built.
    #[error(transparent)]
    Demo(#[from] DemoError),
}

#[derive(Debug)]
struct Produced {
    name: &'static str,
    workload: Workload,
    id: Option<SubchainId>,
}

/// The devnet's subchain producers.
#[derive(Debug)]
pub struct Producers {
    operator: NodeKey,
    target_spacing_ms: u64,
    subchains: [Produced; 3],
    actors: Actors,
    ledger: Option<Arc<TraceLedger>>,
}

impl Producers {
    /// Producers for a main chain with blocks every `block_time_ms`.
    ///
    /// # Errors
    /// [`ProducerError::Key`].
    pub fn new(block_time_ms: u64) -> Result<Self, ProducerError> {
        Ok(Self {
            operator: NodeKey::devnet_role(OPERATOR_ROLE)?,
            target_spacing_ms: block_time_ms.saturating_mul(2).max(1),
            subchains: [
                Produced {
                    name: TRACE_NAME,
                    workload: Workload::Trace,
                    id: None,
                },
                Produced {
                    name: XOR_NAME,
                    workload: Workload::XorDemo,
                    id: None,
                },
                Produced {
                    name: ROGUE_NAME,
                    workload: Workload::Rogue,
                    id: None,
                },
            ],
            actors: Actors::new()?,
            ledger: None,
        })
    }

    /// The ids of `trace-consortium` and `xor-demo`, once registered.
    #[must_use]
    pub fn ids(&self) -> (Option<SubchainId>, Option<SubchainId>) {
        (self.subchains[0].id, self.subchains[1].id)
    }

    /// The id of `rogue-committee`, once registered.
    #[must_use]
    pub fn rogue_id(&self) -> Option<SubchainId> {
        self.subchains[2].id
    }

    fn registration(&self, produced: &Produced) -> Result<SubchainRegister, ProducerError> {
        let consensus = match produced.workload {
            Workload::Trace | Workload::Rogue => RegisterConsensus::Bft {
                genesis: bft::committee(0)?.0,
            },
            Workload::XorDemo => RegisterConsensus::PowXor(PowParams {
                initial_bits: XOR_INITIAL_BITS,
                min_bits: XOR_MIN_BITS,
                retarget_interval: XOR_RETARGET_INTERVAL,
                target_spacing_ms: self.target_spacing_ms,
            }),
        };
        Ok(SubchainRegister {
            name: produced.name.to_owned(),
            stake: MIN_SUBCHAIN_STAKE,
            consensus,
        })
    }

    /// Finds the subchains the operator registered (by name) and tells the
    /// chain it keeps their blocks, so their states are served at once
    /// after a restart.
    ///
    /// # Errors
    /// [`ProducerError::Chain`] when a record is unreadable,
    /// [`ProducerError::Demo`] when the provenance demo cannot be built.
    pub fn adopt(&mut self, chain: &mut Chain) -> Result<(), ProducerError> {
        if self.subchains.iter().all(|p| p.id.is_some()) {
            return Ok(());
        }
        let operator = self.operator.address();
        for (id, record) in chain.subchain_records()? {
            if let Some(produced) = self
                .subchains
                .iter_mut()
                .find(|p| p.id.is_none() && p.name == record.name && record.owner == operator)
            {
                if produced.workload == Workload::Trace {
                    let ledger =
                        Arc::new(trace_ledger(chain.chain_id(), chain.subchain_entries(id)?)?);
                    chain.keep_provenance(id, Arc::clone(&ledger));
                    self.ledger = Some(ledger);
                } else {
                    chain.keep_subchain(id, KeptSubchain(Arc::new(produced.workload)));
                }
                produced.id = Some(id);
            }
        }
        Ok(())
    }

    /// One step after main block production: find or register the
    /// subchains, then produce and report their next blocks.
    ///
    /// # Errors
    /// [`ProducerError`]; the chain is unchanged but for transactions
    /// already queued.
    pub fn step(&mut self, chain: &mut Chain) -> Result<(), ProducerError> {
        let operator = self.operator.address();
        self.adopt(chain)?;
        let trace = self.subchains[0].id.zip(self.ledger.clone());
        self.actors.step(
            chain,
            trace.as_ref().map(|(id, ledger)| (*id, ledger.as_ref())),
        )?;
        // Everything the operator sent is in a block: the anchored tips are
        // the ones its reports made.
        if chain.pending_from(&operator) > 0 {
            return Ok(());
        }
        let mut payloads = self.actors.funding(chain)?;
        for produced in &self.subchains {
            match produced.id {
                None => payloads.push(TxPayload::SubchainRegister(self.registration(produced)?)),
                Some(id) => {
                    let Some(record) = chain.subchain_record(id)? else {
                        continue;
                    };
                    if record.status != SubchainStatus::Active {
                        continue;
                    }
                    let reports = match (produced.workload, &self.ledger) {
                        (Workload::Trace, Some(ledger)) => {
                            vec![trace_block(chain, id, &record, ledger)?]
                        }
                        (Workload::Trace, None) => Vec::new(),
                        (Workload::XorDemo, _) if chain.height().is_multiple_of(2) => {
                            xor_blocks(chain, id, &record)
                        }
                        (Workload::XorDemo, _) => Vec::new(),
                        (Workload::Rogue, _) => rogue_blocks(chain, id, &record)?,
                    };
                    payloads.extend(reports.into_iter().map(TxPayload::SubchainReport));
                }
            }
        }
        let first = account(chain.state(), &operator)?.nonce;
        for (nonce, payload) in (first..).zip(payloads) {
            let tx = self.sign(chain, nonce, payload)?;
            if let Err(error) = chain.submit_tx(tx) {
                tracing::warn!(%error, "subchain producer transaction refused");
                break;
            }
        }
        Ok(())
    }

    fn sign(
        &self,
        chain: &Chain,
        nonce: u64,
        payload: TxPayload,
    ) -> Result<Transaction, ProducerError> {
        let unsigned = UnsignedTransaction::new(
            chain.chain_id().clone(),
            self.operator.public_key(),
            nonce,
            chain.params().min_fee,
            payload,
        );
        let signature = self.operator.sign_digest(&unsigned.signing_digest())?;
        Ok(unsigned.with_signature(signature))
    }
}

/// The time of the next subchain block: the main tip's, never before the
/// subchain tip's.
fn block_time(chain: &Chain, record: &SubchainRecord) -> u64 {
    chain
        .tip()
        .map_or(0, |tip| tip.time_ms)
        .max(record.tip.time_ms)
}

/// `rogue-committee`'s next block, and at [`ROGUE_EQUIVOCATES_AT`] a
/// second, different one its committee also signs (both reported: the
/// second is the equivocation).
fn rogue_blocks(
    chain: &Chain,
    id: SubchainId,
    record: &SubchainRecord,
) -> Result<Vec<SubchainReport>, ProducerError> {
    let height = record.tip.height + 1;
    let workload = Workload::Rogue;
    let mut body = bft::Body {
        subchain: id,
        height,
        time_ms: block_time(chain, record),
        parent: record.tip.hash,
        tx_root: entries_root(&workload.entries(height)),
        state_root: workload.state(height).root(),
    };
    let mut reports = vec![bft::report(chain.chain_id(), &body)?];
    if height == ROGUE_EQUIVOCATES_AT {
        let conflicting = workload.conflicting_entries(height);
        let mut state = workload.state(height);
        for e in &conflicting {
            state.set(
                jifen_protocol::subchain::subchain_state_key(&e.key),
                Some(e.value.clone()),
            );
        }
        body.tx_root = entries_root(&conflicting);
        body.state_root = state.root();
        reports.push(bft::report(chain.chain_id(), &body)?);
    }
    Ok(reports)
}

/// `trace-consortium`'s next block: the queued provenance records it
/// writes are kept in the store first, so the state its header commits to
/// survives a restart.
fn trace_block(
    chain: &Chain,
    id: SubchainId,
    record: &SubchainRecord,
    ledger: &TraceLedger,
) -> Result<SubchainReport, ProducerError> {
    let height = record.tip.height + 1;
    if let Some((entries, taken)) = ledger.next_block(height) {
        chain.put_subchain_entries(id, height, &entries)?;
        ledger.written(height, entries, taken);
    }
    let body = bft::Body {
        subchain: id,
        height,
        time_ms: block_time(chain, record),
        parent: record.tip.hash,
        tx_root: entries_root(&ledger.entries(height)),
        state_root: ledger.state(height).root(),
    };
    Ok(bft::report(chain.chain_id(), &body)?)
}

/// The next `xor-demo` block, or two competing siblings in the order they
/// are reported (none if the difficulty is beyond the devnet's budget).
fn xor_blocks(chain: &Chain, id: SubchainId, record: &SubchainRecord) -> Vec<SubchainReport> {
    let jifen_protocol::subchain::ConsensusParams::PowXor(params) = record.params else {
        return Vec::new();
    };
    let bits = pow::next_bits(&params, &record.tip);
    if bits > pow::MAX_DEVNET_BITS {
        tracing::warn!(
            bits,
            "xor-demo difficulty above the devnet's budget; not mining"
        );
        return Vec::new();
    }
    let height = record.tip.height + 1;
    let workload = Workload::XorDemo;
    let template = SubchainHeader {
        subchain: id,
        height,
        time_ms: block_time(chain, record),
        parent: record.tip.hash,
        tx_root: entries_root(&workload.entries(height)),
        state_root: workload.state(height).root(),
        seal: Seal::Pow { bits, nonce: 0 },
    };
    let Some(first) = pow::mine(&template, 0) else {
        return Vec::new();
    };
    let report = |header: SubchainHeader| SubchainReport {
        header,
        seal: ReportSeal::Pow,
    };
    if !height.is_multiple_of(FORK_EVERY) {
        return vec![report(first)];
    }
    let next = match first.seal {
        Seal::Pow { nonce, .. } => nonce.saturating_add(1),
        Seal::Bft { .. } => 0,
    };
    let Some(second) = pow::mine(&template, next) else {
        return vec![report(first)];
    };
    let (winner, loser) = if xor_wins(&first.hash(), &second.hash(), &record.tip.hash) {
        (first, second)
    } else {
        (second, first)
    };
    // Alternate: the winner first (the loser is refused), then the loser
    // first (the winner replaces it).
    if (height / FORK_EVERY).is_multiple_of(2) {
        vec![report(loser), report(winner)]
    } else {
        vec![report(winner), report(loser)]
    }
}
