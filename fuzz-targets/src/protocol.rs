//! The canonical binary encodings (`docs/protocol.md`) and the verifier's
//! binary types.

use jifen_light_client_verifier::subchain::SubchainAudit;
use jifen_light_client_verifier::{
    AnchoredReport, LightBlock, TxInclusionProof, UntrustedState, UntrustedTxProof,
};
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::points::{
    AllianceParams, CouncilVote, CouncilVotes, DepositTopUp, DepositWithdraw, MerchantRecord,
    MerchantRegister, MerchantRegistry, Mint, PointSupply, PointsIssue, RateRecord, RateSet,
    RateTerms, Swap, TransferAsset, Withdraw,
};
use jifen_protocol::provenance::{
    AnchorRecord, ItemAnchor, ItemId, ItemSale, PartyRecord, PartyRegister, ProvenanceRecord,
    SalesRecord,
};
use jifen_protocol::subchain::{
    AnchorLeaf, AnchoredHeader, ConsensusParams, Entry, PowParams, SubchainHeader, SubchainRecord,
    SubchainRegister, SubchainRegistry, SubchainReport, SubchainRetire,
};
use jifen_protocol::{
    Account, Address, AssetId, Bond, ChainId, Commit, Hash32, Header, InclusionProof, PublicKey,
    Signature, StakeRecord, StateProof, Transaction, Transfer, TxKind, TxPayload, Unbond,
    UnsignedTransaction, Validator, ValidatorSet, verify_state_proof,
};
use jifen_rpc_types::LightBlocksResult;

use crate::check::canonical;

/// Every canonical decoder of the protocol and the verifier, fed `data`.
pub fn protocol(data: &[u8]) {
    chain(data);
    payloads(data);
    records(data);
    verifier(data);
    light_block_range(data);
    text(data);
}

/// Headers, commits, sets, transactions, proofs, keys.
fn chain(data: &[u8]) {
    if let Some(header) = canonical::<Header>(data) {
        let _ = header.validate_basic();
        let _ = header.hash();
    }
    if let Some(commit) = canonical::<Commit>(data) {
        let _ = commit.hash();
    }
    if let Some(set) = canonical::<ValidatorSet>(data) {
        // A decoded set is a valid set: its hash and every membership proof exist.
        let _ = set.hash();
        let _ = set.total_power();
        for index in 0..set.len().min(4) {
            let proof = set.membership_proof(index).expect("a member's proof");
            let validator = set.get(index).expect("a member");
            proof
                .verify(&validator.leaf_hash(), &set.hash())
                .expect("a member's proof verifies");
        }
    }
    canonical::<Validator>(data);
    if let Some(tx) = canonical::<Transaction>(data) {
        let _ = tx.id();
        let _ = tx.verify_signature();
    }
    if let Some(unsigned) = canonical::<UnsignedTransaction>(data) {
        let _ = unsigned.signing_digest();
    }
    canonical::<Transfer>(data);
    if let Some(proof) = canonical::<InclusionProof>(data) {
        let leaf = Hash32([7; 32]);
        if let Ok(root) = proof.root_from(&leaf) {
            proof
                .verify(&leaf, &root)
                .expect("a proof verifies against the root it computes");
        }
    }
    if let Some(proof) = canonical::<StateProof>(data) {
        let root = Hash32([1; 32]);
        let key = Hash32([2; 32]);
        let _ = verify_state_proof(&root, &key, None, &proof);
        let _ = verify_state_proof(&root, &key, Some(b"value"), &proof);
    }
    canonical::<Account>(data);
    canonical::<PublicKey>(data);
    canonical::<Signature>(data);
    canonical::<Address>(data);
    canonical::<AssetId>(data);
    canonical::<ChainId>(data);
    canonical::<HistoryEntry>(data);
    if let Ok(key) = PublicKey::from_bytes(data) {
        let _ = key.address();
    }
    let _ = Signature::from_bytes(data);
}

/// Every transaction payload kind, by its payload decoder.
fn payloads(data: &[u8]) {
    for value in 0..=0x00ffu16 {
        let Some(kind) = TxKind::from_u16(value) else {
            continue;
        };
        if let Ok(payload) = TxPayload::decode(kind, data) {
            assert_eq!(payload.kind(), kind, "a payload decoded as another kind");
            assert_eq!(
                payload.to_bytes(),
                data,
                "payload {kind:?} is not canonical"
            );
        }
    }
    canonical::<Bond>(data);
    canonical::<Unbond>(data);
    canonical::<Mint>(data);
    canonical::<Withdraw>(data);
    canonical::<TransferAsset>(data);
    canonical::<MerchantRegister>(data);
    canonical::<CouncilVote>(data);
    canonical::<RateSet>(data);
    canonical::<PointsIssue>(data);
    canonical::<DepositTopUp>(data);
    canonical::<DepositWithdraw>(data);
    canonical::<Swap>(data);
    canonical::<SubchainRegister>(data);
    canonical::<SubchainReport>(data);
    canonical::<SubchainRetire>(data);
    canonical::<PartyRegister>(data);
    canonical::<ItemAnchor>(data);
    canonical::<ItemSale>(data);
}

/// State records.
fn records(data: &[u8]) {
    canonical::<StakeRecord>(data);
    canonical::<AllianceParams>(data);
    canonical::<PointSupply>(data);
    canonical::<MerchantRecord>(data);
    canonical::<MerchantRegistry>(data);
    canonical::<CouncilVotes>(data);
    canonical::<RateTerms>(data);
    canonical::<RateRecord>(data);
    canonical::<PartyRecord>(data);
    canonical::<AnchorRecord>(data);
    canonical::<SalesRecord>(data);
    canonical::<ProvenanceRecord>(data);
    canonical::<ItemId>(data);
    canonical::<Entry>(data);
    if let Some(header) = canonical::<SubchainHeader>(data) {
        let _ = header.hash();
    }
    canonical::<PowParams>(data);
    canonical::<ConsensusParams>(data);
    canonical::<SubchainRecord>(data);
    canonical::<SubchainRegistry>(data);
    canonical::<AnchoredHeader>(data);
    canonical::<AnchorLeaf>(data);
    let _ = jifen_protocol::points::merchant::decode_points_balance(Some(data));
    let _ = jifen_protocol::provenance::decode_count(data);
}

/// The verifier's binary types.
fn verifier(data: &[u8]) {
    if let Some(block) = canonical::<LightBlock>(data) {
        let _ = block.hash();
        let chain_id = block.header.chain_id.clone();
        let _ = block.validate_basic(&chain_id);
    }
    canonical::<UntrustedState>(data);
    canonical::<UntrustedTxProof>(data);
    canonical::<AnchoredReport>(data);
    canonical::<TxInclusionProof>(data);
    if let Ok(audit) = SubchainAudit::decode_checkpoint(data) {
        let encoded = audit.encode_checkpoint();
        assert_eq!(
            encoded, data,
            "a subchain audit checkpoint is not canonical"
        );
        let again = SubchainAudit::decode_checkpoint(&encoded).expect("re-decoding a checkpoint");
        assert_eq!(again, audit);
    }
}

/// A binary light-block range (`JLB1`, `docs/rpc.md`), read as the answer
/// to the range its own header fields name (so the decoder gets past them).
fn light_block_range(data: &[u8]) {
    let from = data
        .get(4..12)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(1, u64::from_be_bytes);
    let count = data
        .get(12..16)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(1, u32::from_be_bytes);
    let to = from.saturating_add(u64::from(count).saturating_sub(1));
    if let Ok(range) = LightBlocksResult::from_frame(data, from, to) {
        assert_eq!(range.to_frame(from), data, "a JLB1 frame is not canonical");
        let again = LightBlocksResult::from_frame(&range.to_frame(from), from, to)
            .expect("re-decoding a frame");
        assert_eq!(again, range);
        let _ = range.expect_range(from, to);
    }
}

/// Text forms of protocol values.
fn text(data: &[u8]) {
    for text in crate::texts(data) {
        if let Ok((network, address)) = Address::decode_any(&text) {
            let encoded = address.encode(network);
            assert_eq!(
                Address::decode(&encoded, network).expect("re-decoding an address"),
                address
            );
        }
        if let Ok(hash) = text.parse::<Hash32>() {
            assert_eq!(hash.to_string().parse::<Hash32>().expect("hash"), hash);
        }
        if let Ok(id) = text.parse::<ChainId>() {
            assert_eq!(ChainId::new(id.as_str()).expect("chain id"), id);
        }
        if let Ok(asset) = text.parse::<AssetId>() {
            assert_eq!(asset.to_string().parse::<AssetId>().expect("asset"), asset);
        }
        if let Ok(id) = text.parse::<jifen_protocol::subchain::SubchainId>() {
            let _ = id.to_string();
        }
        let _ = text.parse::<jifen_protocol::Network>();
        if let Some(item) = ItemId::parse(&text) {
            assert_eq!(ItemId::parse(&item.to_string()), Some(item));
        }
        let _ = text.parse::<jifen_light_client_verifier::Checkpoint>();
    }
}
