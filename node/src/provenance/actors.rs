//! The demo's main-chain actors, one step after each main block: the
//! platform registers the demo parties, the tag issuer anchors (and later
//! extends) every item's records once they are in an anchored
//! `trace-consortium` block, and the two retailers sell the cloned product
//! one after the other. Each acts only when none of its transactions is
//! pending and reads what to do from the main chain's state, so a step is
//! idempotent and a restarted node goes on where it stopped.

use std::collections::BTreeMap;

use jifen_protocol::provenance::{
    AnchorRecord, ItemAnchor, ItemId, ItemSale, PartyRecord, PartyRegister, ProvenanceRecord,
    Roles, SalesRecord, anchor_key, count_entry_key, decode_count, party_key, record_entry_key,
    records_root, sales_key,
};
use jifen_protocol::subchain::{SubchainId, subchain_state_key};
use jifen_protocol::{
    Address, Decode, Hash32, StateMap, Transaction, TxPayload, UnsignedTransaction,
};

use super::demo::{
    DEMO_PARTIES, DemoKind, FUNDED_ROLES, PARTIES_VALID_FROM_MS, PLATFORM_ROLE, RETAILER_MALL_ROLE,
    RETAILER_TEA_ROLE, TAG_ISSUER_ROLE, demo_product, demo_product_of,
};
use super::ledger::TraceLedger;
use crate::chain::Chain;
use crate::execution::{TxError, account};
use crate::keys::{KeyError, NodeKey};

/// POINT base units the operator gives a funded demo role.
pub const FUNDING: u128 = 100 * 1_000_000;
/// Below this balance a funded role is topped up.
pub const FUNDING_FLOOR: u128 = 1_000_000;

/// The demo's keys.
#[derive(Debug)]
pub struct Actors {
    platform: NodeKey,
    tag_issuer: NodeKey,
    tea: NodeKey,
    mall: NodeKey,
    parties: Vec<(Address, PartyRegister)>,
}

fn decoded<T: Decode>(state: &StateMap, key: &Hash32) -> Option<T> {
    state.get(key).and_then(|bytes| T::decode(bytes).ok())
}

impl Actors {
    /// The demo's keys and party registrations.
    ///
    /// # Errors
    /// [`KeyError`] when a devnet key cannot be made.
    pub fn new() -> Result<Self, KeyError> {
        let parties = DEMO_PARTIES
            .iter()
            .map(|party| {
                let address = NodeKey::devnet_role(party.role)?.address();
                Ok((
                    address,
                    PartyRegister {
                        party: address,
                        name: party.name.to_owned(),
                        roles: Roles::of(party.roles),
                        valid_from_ms: PARTIES_VALID_FROM_MS,
                        valid_until_ms: u64::MAX,
                    },
                ))
            })
            .collect::<Result<Vec<_>, KeyError>>()?;
        Ok(Self {
            platform: NodeKey::devnet_role(PLATFORM_ROLE)?,
            tag_issuer: NodeKey::devnet_role(TAG_ISSUER_ROLE)?,
            tea: NodeKey::devnet_role(RETAILER_TEA_ROLE)?,
            mall: NodeKey::devnet_role(RETAILER_MALL_ROLE)?,
            parties,
        })
    }

    /// The transfers the subchain operator sends to the funded roles that
    /// are short of POINT (none once they hold some).
    ///
    /// # Errors
    /// [`TxError::CorruptState`].
    pub fn funding(&self, chain: &Chain) -> Result<Vec<TxPayload>, TxError> {
        let mut payloads = Vec::new();
        for role in FUNDED_ROLES {
            let address = match role {
                PLATFORM_ROLE => self.platform.address(),
                TAG_ISSUER_ROLE => self.tag_issuer.address(),
                RETAILER_TEA_ROLE => self.tea.address(),
                _ => self.mall.address(),
            };
            if account(chain.state(), &address)?.balance < FUNDING_FLOOR {
                payloads.push(TxPayload::Transfer(jifen_protocol::Transfer {
                    to: address,
                    amount: FUNDING,
                }));
            }
        }
        Ok(payloads)
    }

    /// One step after a main block; `trace` is `trace-consortium` and its
    /// records' ledger, when registered.
    ///
    /// # Errors
    /// [`KeyError`] when signing fails; refused transactions are logged.
    pub fn step(
        &self,
        chain: &mut Chain,
        trace: Option<(SubchainId, &TraceLedger)>,
    ) -> Result<(), KeyError> {
        let registrations = self.registrations(chain);
        send(chain, &self.platform, registrations)?;
        let Some((id, ledger)) = trace else {
            return Ok(());
        };
        let anchors = self.anchors(chain, id, ledger);
        send(chain, &self.tag_issuer, anchors)?;
        let (tea, mall) = self.sales(chain);
        send(chain, &self.tea, tea)?;
        send(chain, &self.mall, mall)
    }

    fn registrations(&self, chain: &Chain) -> Vec<TxPayload> {
        let state = chain.state();
        self.parties
            .iter()
            .filter(|(address, wanted)| {
                decoded::<PartyRecord>(state, &party_key(address)).is_none_or(|known| {
                    known.name != wanted.name
                        || known.roles != wanted.roles
                        || known.valid_from_ms != wanted.valid_from_ms
                        || known.valid_until_ms != wanted.valid_until_ms
                })
            })
            .map(|(_, register)| TxPayload::PartyRegister(register.clone()))
            .collect()
    }

    /// Anchors for every item whose anchored records outnumber its anchor:
    /// a demo product once all its records are in (the unanchored one up
    /// to its 4), any other item (records given to
    /// `jifen_provenanceSubmit`) as soon as they are.
    fn anchors(&self, chain: &Chain, id: SubchainId, ledger: &TraceLedger) -> Vec<TxPayload> {
        let state = chain.state();
        let issuer = self.tag_issuer.address();
        if decoded::<PartyRecord>(state, &party_key(&issuer)).is_none() {
            return Vec::new();
        }
        let Ok(Some(record)) = chain.subchain_record(id) else {
            return Vec::new();
        };
        let subchain_state = ledger.state(record.tip.height);
        let mut payloads = Vec::new();
        for item in ledger.items() {
            let written = decoded_count(&subchain_state, &item);
            let anchor = decoded::<AnchorRecord>(state, &anchor_key(&item));
            if anchor
                .as_ref()
                .is_some_and(|a| a.issuer != issuer || a.subchain != id)
            {
                continue;
            }
            let anchored = anchor
                .as_ref()
                .and_then(AnchorRecord::latest)
                .map_or(0, |point| point.count);
            let target = match demo_product_of(&item) {
                Some(product) if product.kind == DemoKind::Unanchored => {
                    if written >= product.records {
                        product.anchored
                    } else {
                        0
                    }
                }
                Some(product) if written < product.records => 0,
                _ => written,
            };
            if target <= anchored {
                continue;
            }
            if let Some(root) = root_of(&subchain_state, &item, target) {
                payloads.push(TxPayload::ItemAnchor(ItemAnchor {
                    item,
                    subchain: id,
                    count: target,
                    root,
                }));
            }
        }
        payloads
    }

    /// The cloned product's two sales: 茶香咖啡 TEA first, then 百货商城
    /// MALL once the first is in a block.
    fn sales(&self, chain: &Chain) -> (Vec<TxPayload>, Vec<TxPayload>) {
        let state = chain.state();
        let item = demo_product(DemoKind::Cloned).item();
        if decoded::<AnchorRecord>(state, &anchor_key(&item)).is_none() {
            return (Vec::new(), Vec::new());
        }
        let sales = decoded::<SalesRecord>(state, &sales_key(&item)).map(|s| s.sales);
        let sale = || vec![TxPayload::ItemSale(ItemSale { item: item.clone() })];
        match sales.as_deref() {
            None | Some([]) => (sale(), Vec::new()),
            Some([first]) if first.seller == self.tea.address() => (Vec::new(), sale()),
            Some(_) => (Vec::new(), Vec::new()),
        }
    }
}

fn decoded_count(state: &StateMap, item: &ItemId) -> u32 {
    state
        .get(&subchain_state_key(&count_entry_key(item)))
        .and_then(decode_count)
        .unwrap_or(0)
}

/// The records root over `item`'s first `count` records in `state`.
fn root_of(state: &StateMap, item: &ItemId, count: u32) -> Option<Hash32> {
    let leaves = (0..count)
        .map(|index| {
            let bytes = state.get(&subchain_state_key(&record_entry_key(item, index)))?;
            ProvenanceRecord::decode(bytes).ok().map(|r| r.leaf())
        })
        .collect::<Option<Vec<_>>>()?;
    Some(records_root(&leaves))
}

/// Sends `payloads` from `key` with consecutive nonces, if it has nothing
/// pending (a refused one stops the batch, logged).
fn send(chain: &mut Chain, key: &NodeKey, payloads: Vec<TxPayload>) -> Result<(), KeyError> {
    let sender = key.address();
    if payloads.is_empty() || chain.pending_from(&sender) > 0 {
        return Ok(());
    }
    let Ok(first) = account(chain.state(), &sender).map(|a| a.nonce) else {
        return Ok(());
    };
    let mut by_nonce: BTreeMap<u64, Transaction> = BTreeMap::new();
    for (nonce, payload) in (first..).zip(payloads) {
        let unsigned = UnsignedTransaction::new(
            chain.chain_id().clone(),
            key.public_key(),
            nonce,
            chain.params().min_fee,
            payload,
        );
        let signature = key.sign_digest(&unsigned.signing_digest())?;
        by_nonce.insert(nonce, unsigned.with_signature(signature));
    }
    for tx in by_nonce.into_values() {
        if let Err(error) = chain.submit_tx(tx) {
            tracing::warn!(%error, sender = ?sender, "provenance demo transaction refused");
            break;
        }
    }
    Ok(())
}
