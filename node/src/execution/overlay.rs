//! A write buffer over the state: a transaction's payload runs against an
//! overlay and its writes reach the state only if it succeeds, so a failed
//! payload changes nothing however far it got. Overlays stack (the fee,
//! then the payload, then the history updates), and the mempool runs the
//! same code on overlays it throws away.

use std::collections::{BTreeMap, BTreeSet};

use jifen_protocol::points::keys::{
    alliance_key, council_votes_key, merchant_key, points_balance_key, rate_key, registry_key,
    supply_key,
};
use jifen_protocol::points::merchant::{decode_points_balance, encode_points_balance};
use jifen_protocol::points::{
    AllianceParams, CouncilAction, CouncilVotes, MerchantRecord, MerchantRegistry, PointSupply,
    PointsError, RateRecord,
};
use jifen_protocol::provenance::{
    AnchorRecord, ItemId, PartyRecord, SalesRecord, anchor_key, party_key, sales_key,
};
use jifen_protocol::subchain::keys::{anchored_header_key, subchain_key, subchain_registry_key};
use jifen_protocol::subchain::{
    AnchoredHeader, SubchainError, SubchainId, SubchainRecord, SubchainRegistry,
};
use jifen_protocol::{
    Account, Address, Decode, Encode, Hash32, MerchantId, StakeRecord, StateMap, account_key,
    stake_key,
};

use super::TxError;

/// Writes in key order (`None`: the record is removed).
pub type Writes = Vec<(Hash32, Option<Vec<u8>>)>;

/// Something the state can be read from.
pub trait StateRead {
    /// The value at `key`.
    fn get(&self, key: &Hash32) -> Option<&[u8]>;
}

impl StateRead for StateMap {
    fn get(&self, key: &Hash32) -> Option<&[u8]> {
        StateMap::get(self, key)
    }
}

/// Buffered writes over a readable state, and the addresses whose POINT or
/// points they credited or debited.
pub struct Overlay<'a> {
    base: &'a dyn StateRead,
    writes: BTreeMap<Hash32, Option<Vec<u8>>>,
    touched: BTreeSet<Address>,
}

impl StateRead for Overlay<'_> {
    fn get(&self, key: &Hash32) -> Option<&[u8]> {
        match self.writes.get(key) {
            Some(value) => value.as_deref(),
            None => self.base.get(key),
        }
    }
}

fn decoded<T: Decode>(value: Option<&[u8]>) -> Result<Option<T>, TxError> {
    value
        .map(|bytes| T::decode(bytes).map_err(|e| TxError::CorruptState(e.to_string())))
        .transpose()
}

fn rule(error: PointsError) -> TxError {
    TxError::from(error)
}

impl<'a> Overlay<'a> {
    /// An empty overlay over `base`.
    pub fn new(base: &'a dyn StateRead) -> Self {
        Self {
            base,
            writes: BTreeMap::new(),
            touched: BTreeSet::new(),
        }
    }

    /// An overlay over `base` holding `writes` already (if `apply`): what
    /// the state looks like after a finished overlay, before committing it.
    pub fn with_writes(
        base: &'a dyn StateRead,
        writes: &[(Hash32, Option<Vec<u8>>)],
        apply: bool,
    ) -> Self {
        let mut overlay = Self::new(base);
        if apply {
            overlay.writes = writes.iter().cloned().collect();
        }
        overlay
    }

    /// The writes, in key order, and the addresses credited or debited.
    pub fn finish(self) -> (Writes, BTreeSet<Address>) {
        (self.writes.into_iter().collect(), self.touched)
    }

    fn set(&mut self, key: Hash32, value: Option<Vec<u8>>) {
        self.writes.insert(key, value);
    }

    /// An account (absent: zero).
    pub fn account(&self, address: &Address) -> Result<Account, TxError> {
        Ok(decoded(self.get(&account_key(address)))?.unwrap_or_default())
    }

    /// Writes an account (the zero account has no record).
    pub fn put_account(&mut self, address: &Address, account: Account) {
        let value = (!account.is_empty()).then(|| account.encode());
        self.set(account_key(address), value);
    }

    /// Adds `amount` POINT to `address` (nothing for 0).
    pub fn credit_point(&mut self, address: &Address, amount: u128) -> Result<(), TxError> {
        if amount == 0 {
            return Ok(());
        }
        let mut account = self.account(address)?;
        account.balance = account
            .balance
            .checked_add(amount)
            .ok_or(TxError::Overflow)?;
        self.put_account(address, account);
        self.touched.insert(*address);
        Ok(())
    }

    /// Takes `amount` POINT from `address` (1006 if short; nothing for 0).
    pub fn debit_point(&mut self, address: &Address, amount: u128) -> Result<(), TxError> {
        if amount == 0 {
            return Ok(());
        }
        let mut account = self.account(address)?;
        account.balance =
            account
                .balance
                .checked_sub(amount)
                .ok_or(TxError::InsufficientBalance {
                    needed: amount,
                    available: account.balance,
                })?;
        self.put_account(address, account);
        self.touched.insert(*address);
        Ok(())
    }

    /// `address`'s balance of `merchant`'s points (absent: 0).
    pub fn points(&self, address: &Address, merchant: MerchantId) -> Result<u128, TxError> {
        decode_points_balance(self.get(&points_balance_key(address, merchant)))
            .map_err(|e| TxError::CorruptState(e.to_string()))
    }

    fn put_points(&mut self, address: &Address, merchant: MerchantId, balance: u128) {
        self.set(
            points_balance_key(address, merchant),
            encode_points_balance(balance),
        );
    }

    /// Adds `amount` of `merchant`'s points to `address` (nothing for 0).
    pub fn credit_points(
        &mut self,
        address: &Address,
        merchant: MerchantId,
        amount: u128,
    ) -> Result<(), TxError> {
        if amount == 0 {
            return Ok(());
        }
        let balance = self
            .points(address, merchant)?
            .checked_add(amount)
            .ok_or(TxError::Overflow)?;
        self.put_points(address, merchant, balance);
        self.touched.insert(*address);
        Ok(())
    }

    /// Takes `amount` of `merchant`'s points from `address` (1103 if short).
    pub fn debit_points(
        &mut self,
        address: &Address,
        merchant: MerchantId,
        amount: u128,
    ) -> Result<(), TxError> {
        if amount == 0 {
            return Ok(());
        }
        let available = self.points(address, merchant)?;
        let balance = available.checked_sub(amount).ok_or_else(|| {
            rule(PointsError::PointsInsufficient {
                merchant,
                needed: amount,
                available,
            })
        })?;
        self.put_points(address, merchant, balance);
        self.touched.insert(*address);
        Ok(())
    }

    /// A stake record.
    pub fn stake(&self, address: &Address) -> Result<Option<StakeRecord>, TxError> {
        decoded(self.get(&stake_key(address)))
    }

    /// Writes a stake record (`None` or zero bonded: removed).
    pub fn put_stake(&mut self, address: &Address, record: StakeRecord) {
        let value = (record.bonded > 0).then(|| record.encode());
        self.set(stake_key(address), value);
    }

    /// A merchant record, or 1104 `merchant-unknown`.
    pub fn merchant(&self, merchant: MerchantId) -> Result<MerchantRecord, TxError> {
        decoded(self.get(&merchant_key(merchant)))?.ok_or_else(|| {
            rule(PointsError::MerchantUnknown {
                merchant: merchant.get(),
            })
        })
    }

    /// Writes a merchant record.
    pub fn put_merchant(&mut self, record: &MerchantRecord) {
        self.set(merchant_key(record.id), Some(record.encode()));
    }

    /// The merchant registry (absent: no merchant yet).
    pub fn registry(&self) -> Result<MerchantRegistry, TxError> {
        Ok(decoded(self.get(&registry_key()))?.unwrap_or_default())
    }

    /// Writes the merchant registry.
    pub fn put_registry(&mut self, registry: MerchantRegistry) {
        self.set(registry_key(), Some(registry.encode()));
    }

    /// The record of rate version `version` of `merchant`.
    pub fn rate(&self, merchant: MerchantId, version: u32) -> Result<Option<RateRecord>, TxError> {
        decoded(self.get(&rate_key(merchant, version)))
    }

    /// The record of the merchant's current rate version (none at version 0).
    pub fn current_rate(&self, merchant: &MerchantRecord) -> Result<Option<RateRecord>, TxError> {
        if merchant.rate_version == 0 {
            return Ok(None);
        }
        self.rate(merchant.id, merchant.rate_version)
    }

    /// Writes a rate record.
    pub fn put_rate(&mut self, record: &RateRecord) {
        self.set(
            rate_key(record.merchant, record.version),
            Some(record.encode()),
        );
    }

    /// The POINT supply record (absent: all zero).
    pub fn supply(&self) -> Result<PointSupply, TxError> {
        Ok(decoded(self.get(&supply_key()))?.unwrap_or_default())
    }

    /// Writes the POINT supply record.
    pub fn put_supply(&mut self, supply: PointSupply) {
        self.set(supply_key(), Some(supply.encode()));
    }

    /// The alliance parameters (written at genesis; their absence is a
    /// corrupt state).
    pub fn alliance(&self) -> Result<AllianceParams, TxError> {
        decoded(self.get(&alliance_key()))?
            .ok_or_else(|| TxError::CorruptState("no alliance parameters".into()))
    }

    /// The council's votes for `action` on `merchant`.
    pub fn votes(
        &self,
        merchant: MerchantId,
        action: CouncilAction,
    ) -> Result<CouncilVotes, TxError> {
        Ok(decoded(self.get(&council_votes_key(merchant, action)))?.unwrap_or_default())
    }

    /// Writes the votes (none: removed).
    pub fn put_votes(&mut self, merchant: MerchantId, action: CouncilAction, votes: &CouncilVotes) {
        let value = (!votes.voters.is_empty()).then(|| votes.encode());
        self.set(council_votes_key(merchant, action), value);
    }
}

/// The subchain records (ADR 0019).
impl Overlay<'_> {
    /// Subchain `id`'s record, or 1201 `subchain-unknown`.
    pub fn subchain(&self, id: SubchainId) -> Result<SubchainRecord, TxError> {
        decoded(self.get(&subchain_key(id)))?
            .ok_or_else(|| TxError::from(SubchainError::Unknown(id)))
    }

    /// Writes subchain `id`'s record.
    pub fn put_subchain(&mut self, id: SubchainId, record: &SubchainRecord) {
        self.set(subchain_key(id), Some(record.encode()));
    }

    /// The subchain registry (absent: none registered yet).
    pub fn subchain_registry(&self) -> Result<SubchainRegistry, TxError> {
        Ok(decoded(self.get(&subchain_registry_key()))?.unwrap_or_default())
    }

    /// Writes the subchain registry.
    pub fn put_subchain_registry(&mut self, registry: SubchainRegistry) {
        self.set(subchain_registry_key(), Some(registry.encode()));
    }

    /// The header anchored for `id` at subchain height `height`.
    pub fn anchored_header(
        &self,
        id: SubchainId,
        height: u64,
    ) -> Result<Option<AnchoredHeader>, TxError> {
        decoded(self.get(&anchored_header_key(id, height)))
    }

    /// Writes the header anchored for `id` at `height`.
    pub fn put_anchored_header(&mut self, id: SubchainId, height: u64, anchored: &AnchoredHeader) {
        self.set(anchored_header_key(id, height), Some(anchored.encode()));
    }
}

/// The provenance records (`docs/traceability.md`).
impl Overlay<'_> {
    /// `party`'s registration.
    pub fn party(&self, party: &Address) -> Result<Option<PartyRecord>, TxError> {
        decoded(self.get(&party_key(party)))
    }

    /// Writes `party`'s registration.
    pub fn put_party(&mut self, party: &Address, record: &PartyRecord) {
        self.set(party_key(party), Some(record.encode()));
    }

    /// `item`'s anchors.
    pub fn item_anchor(&self, item: &ItemId) -> Result<Option<AnchorRecord>, TxError> {
        decoded(self.get(&anchor_key(item)))
    }

    /// Writes `item`'s anchors.
    pub fn put_item_anchor(&mut self, item: &ItemId, record: &AnchorRecord) {
        self.set(anchor_key(item), Some(record.encode()));
    }

    /// `item`'s sales.
    pub fn item_sales(&self, item: &ItemId) -> Result<Option<SalesRecord>, TxError> {
        decoded(self.get(&sales_key(item)))
    }

    /// Writes `item`'s sales.
    pub fn put_item_sales(&mut self, item: &ItemId, record: &SalesRecord) {
        self.set(sales_key(item), Some(record.encode()));
    }

    /// Subchain `id`'s record, if registered (a provenance rule names the
    /// missing subchain itself).
    pub fn subchain_if_any(&self, id: SubchainId) -> Result<Option<SubchainRecord>, TxError> {
        decoded(self.get(&subchain_key(id)))
    }
}
