//! The transaction envelope, its kinds and the transfer payload.
//!
//! See `docs/protocol.md#transactions`.

use crate::address::Address;
use crate::chain_id::ChainId;
use crate::encoding::{Decode, DecodeError, Encode, MAX_PAYLOAD_LEN, Reader, put_len};
use crate::hash::{Hash32, tagged_hash, tags};
use crate::keys::{PublicKey, Signature, SignatureError};
use crate::merkle;
use crate::points::{
    CouncilVote, DepositTopUp, DepositWithdraw, MerchantRegister, Mint, PointsIssue, RateSet, Swap,
    TransferAsset, Withdraw,
};
use crate::provenance::{ItemAnchor, ItemSale, PartyRegister};
use crate::staking::{Bond, Unbond};
use crate::subchain::{SubchainRegister, SubchainReport, SubchainRetire};

/// A transaction kind: a `u16` on the wire. Later issues add kinds
/// (traceability, subchains); unknown kinds fail to decode with
/// [`DecodeError::UnknownTransactionKind`]. The points kinds (`0x0010` to
/// `0x0026`) are described in [`crate::points`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum TxKind {
    /// Move POINT from the sender to another address (`0x0001`).
    Transfer = 1,
    /// Bond POINT as validator stake (`0x0002`), see [`crate::staking`].
    Bond = 2,
    /// Return bonded POINT to the balance (`0x0003`).
    Unbond = 3,
    /// The issuer mints POINT against fiat (`0x0010`), see [`Mint`].
    Mint = 0x0010,
    /// A holder burns POINT for fiat (`0x0011`), see [`Withdraw`].
    Withdraw = 0x0011,
    /// Any asset to any address, with a memo (`0x0012`), see [`TransferAsset`].
    TransferAsset = 0x0012,
    /// Register a merchant (`0x0020`), see [`MerchantRegister`].
    MerchantRegister = 0x0020,
    /// A validator's vote on a merchant (`0x0021`), see [`CouncilVote`].
    CouncilVote = 0x0021,
    /// A merchant's new rate version (`0x0022`), see [`RateSet`].
    RateSet = 0x0022,
    /// A merchant issues points (`0x0023`), see [`PointsIssue`].
    PointsIssue = 0x0023,
    /// POINT into a merchant's deposit (`0x0024`), see [`DepositTopUp`].
    DepositTopUp = 0x0024,
    /// POINT out of a merchant's deposit (`0x0025`), see [`DepositWithdraw`].
    DepositWithdraw = 0x0025,
    /// Points to POINT or back (`0x0026`), see [`Swap`].
    Swap = 0x0026,
    /// Register a subchain (`0x0030`), see [`SubchainRegister`].
    SubchainRegister = 0x0030,
    /// Report a subchain header (`0x0031`), see [`SubchainReport`].
    SubchainReport = 0x0031,
    /// Retire a subchain (`0x0032`), see [`SubchainRetire`].
    SubchainRetire = 0x0032,
    /// Register a provenance party (`0x0040`), see [`PartyRegister`].
    PartyRegister = 0x0040,
    /// Anchor an item's provenance records (`0x0041`), see [`ItemAnchor`].
    ItemAnchor = 0x0041,
    /// Record an item's sale (`0x0042`), see [`ItemSale`].
    ItemSale = 0x0042,
}

impl TxKind {
    /// The wire value.
    #[must_use]
    pub const fn to_u16(self) -> u16 {
        self as u16
    }

    /// The kind with wire value `value`, if known.
    #[must_use]
    pub const fn from_u16(value: u16) -> Option<Self> {
        match value {
            1 => Some(Self::Transfer),
            2 => Some(Self::Bond),
            3 => Some(Self::Unbond),
            0x0010 => Some(Self::Mint),
            0x0011 => Some(Self::Withdraw),
            0x0012 => Some(Self::TransferAsset),
            0x0020 => Some(Self::MerchantRegister),
            0x0021 => Some(Self::CouncilVote),
            0x0022 => Some(Self::RateSet),
            0x0023 => Some(Self::PointsIssue),
            0x0024 => Some(Self::DepositTopUp),
            0x0025 => Some(Self::DepositWithdraw),
            0x0026 => Some(Self::Swap),
            0x0030 => Some(Self::SubchainRegister),
            0x0031 => Some(Self::SubchainReport),
            0x0032 => Some(Self::SubchainRetire),
            0x0040 => Some(Self::PartyRegister),
            0x0041 => Some(Self::ItemAnchor),
            0x0042 => Some(Self::ItemSale),
            _ => None,
        }
    }
}

/// A transfer of `amount` base units of POINT (6 decimals) to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Transfer {
    /// Recipient.
    pub to: Address,
    /// Amount in base units, greater than zero.
    pub amount: u128,
}

impl Encode for Transfer {
    /// `to (20) || amount u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.to.encode_to(out);
        out.extend_from_slice(&self.amount.to_be_bytes());
    }
}

impl Decode for Transfer {
    const NAME: &'static str = "transfer";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let to = Address::decode_from(reader)?;
        let offset = reader.offset();
        let amount = reader.u128("amount")?;
        if amount == 0 {
            return Err(DecodeError::InvalidValue {
                field: "amount",
                offset,
                reason: "transfer amount is zero",
            });
        }
        Ok(Self { to, amount })
    }
}

/// The kind-specific body of a transaction. Not `#[non_exhaustive]`: the
/// node's execution matches every kind, so a new kind cannot go unexecuted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TxPayload {
    /// [`TxKind::Transfer`].
    Transfer(Transfer),
    /// [`TxKind::Bond`].
    Bond(Bond),
    /// [`TxKind::Unbond`].
    Unbond(Unbond),
    /// [`TxKind::Mint`].
    Mint(Mint),
    /// [`TxKind::Withdraw`].
    Withdraw(Withdraw),
    /// [`TxKind::TransferAsset`].
    TransferAsset(TransferAsset),
    /// [`TxKind::MerchantRegister`].
    MerchantRegister(MerchantRegister),
    /// [`TxKind::CouncilVote`].
    CouncilVote(CouncilVote),
    /// [`TxKind::RateSet`].
    RateSet(RateSet),
    /// [`TxKind::PointsIssue`].
    PointsIssue(PointsIssue),
    /// [`TxKind::DepositTopUp`].
    DepositTopUp(DepositTopUp),
    /// [`TxKind::DepositWithdraw`].
    DepositWithdraw(DepositWithdraw),
    /// [`TxKind::Swap`].
    Swap(Swap),
    /// [`TxKind::SubchainRegister`].
    SubchainRegister(SubchainRegister),
    /// [`TxKind::SubchainReport`].
    SubchainReport(SubchainReport),
    /// [`TxKind::SubchainRetire`].
    SubchainRetire(SubchainRetire),
    /// [`TxKind::PartyRegister`].
    PartyRegister(PartyRegister),
    /// [`TxKind::ItemAnchor`].
    ItemAnchor(ItemAnchor),
    /// [`TxKind::ItemSale`].
    ItemSale(ItemSale),
}

impl TxPayload {
    /// The kind of this payload.
    #[must_use]
    pub const fn kind(&self) -> TxKind {
        match self {
            Self::Transfer(_) => TxKind::Transfer,
            Self::Bond(_) => TxKind::Bond,
            Self::Unbond(_) => TxKind::Unbond,
            Self::Mint(_) => TxKind::Mint,
            Self::Withdraw(_) => TxKind::Withdraw,
            Self::TransferAsset(_) => TxKind::TransferAsset,
            Self::MerchantRegister(_) => TxKind::MerchantRegister,
            Self::CouncilVote(_) => TxKind::CouncilVote,
            Self::RateSet(_) => TxKind::RateSet,
            Self::PointsIssue(_) => TxKind::PointsIssue,
            Self::DepositTopUp(_) => TxKind::DepositTopUp,
            Self::DepositWithdraw(_) => TxKind::DepositWithdraw,
            Self::Swap(_) => TxKind::Swap,
            Self::SubchainRegister(_) => TxKind::SubchainRegister,
            Self::SubchainReport(_) => TxKind::SubchainReport,
            Self::SubchainRetire(_) => TxKind::SubchainRetire,
            Self::PartyRegister(_) => TxKind::PartyRegister,
            Self::ItemAnchor(_) => TxKind::ItemAnchor,
            Self::ItemSale(_) => TxKind::ItemSale,
        }
    }

    /// The payload bytes (without the envelope's length prefix).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Self::Transfer(transfer) => transfer.encode(),
            Self::Bond(bond) => bond.encode(),
            Self::Unbond(unbond) => unbond.encode(),
            Self::Mint(p) => p.encode(),
            Self::Withdraw(p) => p.encode(),
            Self::TransferAsset(p) => p.encode(),
            Self::MerchantRegister(p) => p.encode(),
            Self::CouncilVote(p) => p.encode(),
            Self::RateSet(p) => p.encode(),
            Self::PointsIssue(p) => p.encode(),
            Self::DepositTopUp(p) => p.encode(),
            Self::DepositWithdraw(p) => p.encode(),
            Self::Swap(p) => p.encode(),
            Self::SubchainRegister(p) => p.encode(),
            Self::SubchainReport(p) => p.encode(),
            Self::SubchainRetire(p) => p.encode(),
            Self::PartyRegister(p) => p.encode(),
            Self::ItemAnchor(p) => p.encode(),
            Self::ItemSale(p) => p.encode(),
        }
    }

    /// Decodes the payload bytes of a `kind` transaction.
    ///
    /// # Errors
    /// A [`DecodeError`] with offsets relative to the payload's first byte.
    pub fn decode(kind: TxKind, bytes: &[u8]) -> Result<Self, DecodeError> {
        match kind {
            TxKind::Transfer => Transfer::decode(bytes).map(Self::Transfer),
            TxKind::Bond => Bond::decode(bytes).map(Self::Bond),
            TxKind::Unbond => Unbond::decode(bytes).map(Self::Unbond),
            TxKind::Mint => Mint::decode(bytes).map(Self::Mint),
            TxKind::Withdraw => Withdraw::decode(bytes).map(Self::Withdraw),
            TxKind::TransferAsset => TransferAsset::decode(bytes).map(Self::TransferAsset),
            TxKind::MerchantRegister => MerchantRegister::decode(bytes).map(Self::MerchantRegister),
            TxKind::CouncilVote => CouncilVote::decode(bytes).map(Self::CouncilVote),
            TxKind::RateSet => RateSet::decode(bytes).map(Self::RateSet),
            TxKind::PointsIssue => PointsIssue::decode(bytes).map(Self::PointsIssue),
            TxKind::DepositTopUp => DepositTopUp::decode(bytes).map(Self::DepositTopUp),
            TxKind::DepositWithdraw => DepositWithdraw::decode(bytes).map(Self::DepositWithdraw),
            TxKind::Swap => Swap::decode(bytes).map(Self::Swap),
            TxKind::SubchainRegister => SubchainRegister::decode(bytes).map(Self::SubchainRegister),
            TxKind::SubchainReport => SubchainReport::decode(bytes).map(Self::SubchainReport),
            TxKind::SubchainRetire => SubchainRetire::decode(bytes).map(Self::SubchainRetire),
            TxKind::PartyRegister => PartyRegister::decode(bytes).map(Self::PartyRegister),
            TxKind::ItemAnchor => ItemAnchor::decode(bytes).map(Self::ItemAnchor),
            TxKind::ItemSale => ItemSale::decode(bytes).map(Self::ItemSale),
        }
    }
}

/// Everything a sender signs: the envelope without its signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnsignedTransaction {
    /// The chain the transaction is valid on.
    pub chain_id: ChainId,
    /// The sender; must equal `sender_public_key.address()`.
    pub sender: Address,
    /// The key the signature is checked against.
    pub sender_public_key: PublicKey,
    /// The sender's account nonce (replay protection within the chain).
    pub nonce: u64,
    /// Fee in POINT base units.
    pub fee: u128,
    /// What the transaction does.
    pub payload: TxPayload,
}

impl UnsignedTransaction {
    /// An unsigned transaction from `sender_public_key`.
    #[must_use]
    pub fn new(
        chain_id: ChainId,
        sender_public_key: PublicKey,
        nonce: u64,
        fee: u128,
        payload: TxPayload,
    ) -> Self {
        Self {
            chain_id,
            sender: sender_public_key.address(),
            sender_public_key,
            nonce,
            fee,
            payload,
        }
    }

    /// The kind, from the payload.
    #[must_use]
    pub const fn kind(&self) -> TxKind {
        self.payload.kind()
    }

    /// The digest the sender signs: `tagged_hash("jifen/tx-sign", encoding)`.
    #[must_use]
    pub fn signing_digest(&self) -> [u8; 32] {
        tagged_hash(tags::TX_SIGN, &self.encode())
    }

    /// Attaches a signature (not checked here; see [`Transaction::verify_signature`]).
    #[must_use]
    pub fn with_signature(self, signature: Signature) -> Transaction {
        Transaction {
            unsigned: self,
            signature,
        }
    }
}

impl Encode for UnsignedTransaction {
    /// `kind u16 || chain_id || sender (20) || public key (33) || nonce u64 ||
    /// fee u128 || payload_len u32 || payload`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.kind().to_u16().to_be_bytes());
        self.chain_id.encode_to(out);
        self.sender.encode_to(out);
        self.sender_public_key.encode_to(out);
        out.extend_from_slice(&self.nonce.to_be_bytes());
        out.extend_from_slice(&self.fee.to_be_bytes());
        let payload = self.payload.to_bytes();
        put_len(out, payload.len());
        out.extend_from_slice(&payload);
    }
}

impl Decode for UnsignedTransaction {
    const NAME: &'static str = "unsigned transaction";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let kind_offset = reader.offset();
        let raw_kind = reader.u16("transaction kind")?;
        let kind = TxKind::from_u16(raw_kind).ok_or(DecodeError::UnknownTransactionKind {
            offset: kind_offset,
            got: raw_kind,
        })?;
        let chain_id = ChainId::decode_from(reader)?;
        let sender_offset = reader.offset();
        let sender = Address::decode_from(reader)?;
        let sender_public_key = PublicKey::decode_from(reader)?;
        if sender != sender_public_key.address() {
            return Err(DecodeError::InvalidValue {
                field: "sender",
                offset: sender_offset,
                reason: "sender is not the address of the sender public key",
            });
        }
        let nonce = reader.u64("nonce")?;
        let fee = reader.u128("fee")?;
        let payload_bytes = reader.bytes("payload", MAX_PAYLOAD_LEN)?;
        let payload_offset = reader.offset() - payload_bytes.len();
        let payload =
            TxPayload::decode(kind, payload_bytes).map_err(|err| err.shifted(payload_offset))?;
        Ok(Self {
            chain_id,
            sender,
            sender_public_key,
            nonce,
            fee,
            payload,
        })
    }
}

/// A signed transaction: the unsigned envelope followed by the signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Transaction {
    /// What was signed.
    pub unsigned: UnsignedTransaction,
    /// ECDSA signature of [`UnsignedTransaction::signing_digest`] by the sender.
    pub signature: Signature,
}

impl Transaction {
    /// The transaction id: `tagged_hash("jifen/tx", signed encoding)`.
    #[must_use]
    pub fn id(&self) -> Hash32 {
        Hash32(tagged_hash(tags::TX, &self.encode()))
    }

    /// The digest the sender signed.
    #[must_use]
    pub fn signing_digest(&self) -> [u8; 32] {
        self.unsigned.signing_digest()
    }

    /// Checks the signature against the sender's public key.
    ///
    /// # Errors
    /// A [`SignatureError`].
    pub fn verify_signature(&self) -> Result<(), SignatureError> {
        self.unsigned
            .sender_public_key
            .verify_prehash(&self.signing_digest(), &self.signature)
    }
}

impl Encode for Transaction {
    /// `unsigned encoding || signature (64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.unsigned.encode_to(out);
        self.signature.encode_to(out);
    }
}

impl Decode for Transaction {
    const NAME: &'static str = "transaction";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let unsigned = UnsignedTransaction::decode_from(reader)?;
        let signature = Signature::decode_from(reader)?;
        Ok(Self {
            unsigned,
            signature,
        })
    }
}

/// A block's transaction root: the Merkle root over the transaction ids (the
/// 32 id bytes are the leaf data), in block order.
#[must_use]
pub fn tx_root(transactions: &[Transaction]) -> Hash32 {
    let ids: Vec<Hash32> = transactions.iter().map(Transaction::id).collect();
    merkle::root(&ids)
}
