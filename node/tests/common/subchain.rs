//! A main chain driven block by block (no timer, no races) for the subchain
//! tests, with transactions run through the mempool and the block, and the
//! RPC methods called in process.

use std::path::Path;
use std::sync::{Arc, Mutex};

use jifen_node::chain::{Chain, TxStatus};
use jifen_node::genesis::ChainParams;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::{Fault, RpcContext};
use jifen_protocol::subchain::{
    AnchorLeaf, ConsensusParams, Outcome, PowParams, ReportSeal, Seal, SubchainHeader, SubchainId,
    SubchainRecord, SubchainRegister, SubchainReport, tx::RegisterConsensus,
};
use jifen_protocol::{Decode, Hash32, InclusionProof, TxPayload, ValidatorSet};
use serde_json::{Value, json};

use super::{chain_id, sign};

pub const GENESIS_MS: u64 = 1_767_225_600_000;
pub const FEE: u128 = 1_000;
pub const POINT: u128 = 1_000_000;

pub struct Main {
    pub chain: Arc<Mutex<Chain>>,
}

impl Main {
    pub fn open(dir: &Path) -> Self {
        let params = ChainParams::devnet(4, 0, 100, GENESIS_MS).unwrap();
        Self {
            chain: Arc::new(Mutex::new(Chain::open(dir, Some(params)).unwrap())),
        }
    }

    pub fn reopen(dir: &Path) -> Self {
        Self {
            chain: Arc::new(Mutex::new(Chain::open(dir, None).unwrap())),
        }
    }

    pub fn height(&self) -> u64 {
        self.chain.lock().unwrap().height()
    }

    pub fn produce(&self) {
        let mut chain = self.chain.lock().unwrap();
        let height = chain.height() + 1;
        chain.produce_block(GENESIS_MS + height * 1_000).unwrap();
    }

    pub fn nonce(&self, key: &NodeKey) -> u64 {
        let chain = self.chain.lock().unwrap();
        let account = jifen_node::execution::account(chain.state(), &key.address()).unwrap();
        account.nonce + chain.pending_from(&key.address()) as u64
    }

    pub fn balance(&self, key: &NodeKey) -> u128 {
        let chain = self.chain.lock().unwrap();
        jifen_node::execution::account(chain.state(), &key.address())
            .unwrap()
            .balance
    }

    /// Queues `payload` from `key`; the mempool's refusal code, if any.
    pub fn queue(&self, key: &NodeKey, payload: TxPayload) -> Result<Hash32, u16> {
        let tx = sign(key, chain_id(), self.nonce(key), FEE, payload);
        self.chain
            .lock()
            .unwrap()
            .submit_tx(tx)
            .map_err(|e| e.number())
    }

    /// The result code the block recorded for `id` (0: success).
    pub fn code(&self, id: &Hash32) -> u16 {
        match self.chain.lock().unwrap().tx_status(id).unwrap() {
            TxStatus::Committed(location) => location.code,
            other => panic!("{id} is {other:?}"),
        }
    }

    /// Runs `payload` from `key` in the next block: the mempool's refusal
    /// or the block's result code (0: success).
    pub fn run(&self, key: &NodeKey, payload: TxPayload) -> u16 {
        match self.queue(key, payload) {
            Err(code) => code,
            Ok(id) => {
                self.produce();
                self.code(&id)
            }
        }
    }

    pub fn report(&self, key: &NodeKey, report: &SubchainReport) -> u16 {
        self.run(key, TxPayload::SubchainReport(report.clone()))
    }

    pub fn record(&self, id: SubchainId) -> SubchainRecord {
        self.chain
            .lock()
            .unwrap()
            .subchain_record(id)
            .unwrap()
            .unwrap()
    }

    pub fn rpc(&self, fault: Option<Fault>, method: &str, params: Value) -> Result<Value, i64> {
        let ctx = RpcContext {
            chain: Arc::clone(&self.chain),
            fault,
        };
        jifen_node::rpc::call(&ctx, method, params.as_object().unwrap()).map_err(|e| e.code)
    }

    /// Every report of `id` over RPC, each anchor proof checked against the
    /// `anchors_root` of the stored header it names.
    pub fn verified_reports(&self, id: SubchainId) -> Vec<(Outcome, SubchainReport)> {
        let page = self
            .rpc(
                None,
                "jifen_subchainReports",
                json!({"subchain": id.get(), "from": 0, "limit": 256}),
            )
            .unwrap();
        let page = jifen_rpc_types::SubchainReportsResult::from_json(&page).unwrap();
        assert_eq!(page.total, page.reports.len() as u64);
        let chain = self.chain.lock().unwrap();
        page.reports
            .iter()
            .map(|r| {
                let header = chain.header(r.main_height).unwrap().unwrap();
                r.anchor_proof
                    .verify(&r.leaf().leaf_hash(), &header.anchors_root)
                    .unwrap();
                (r.outcome, r.report.clone())
            })
            .collect()
    }
}

pub use jifen_rpc_types::WireObject;

pub fn register_payload(name: &str, consensus: RegisterConsensus) -> TxPayload {
    TxPayload::SubchainRegister(SubchainRegister {
        name: name.into(),
        stake: jifen_protocol::subchain::MIN_SUBCHAIN_STAKE,
        consensus,
    })
}

pub fn pow_params(bits: u8) -> PowParams {
    PowParams {
        initial_bits: bits,
        min_bits: bits,
        retarget_interval: 16,
        target_spacing_ms: 1_000,
    }
}

pub fn bft_consensus(genesis: ValidatorSet) -> RegisterConsensus {
    RegisterConsensus::Bft { genesis }
}

/// An unmined pow-xor header at `height` over `parent`.
pub fn pow_template(id: SubchainId, height: u64, parent: Hash32, bits: u8) -> SubchainHeader {
    SubchainHeader {
        subchain: id,
        height,
        time_ms: GENESIS_MS + height,
        parent,
        tx_root: Hash32::ZERO,
        state_root: Hash32([height as u8; 32]),
        seal: Seal::Pow { bits, nonce: 0 },
    }
}

pub fn pow_report(header: SubchainHeader) -> SubchainReport {
    SubchainReport {
        header,
        seal: ReportSeal::Pow,
    }
}

/// Mined siblings: the first `count` headers from nonce 0 with the work.
pub fn siblings(template: &SubchainHeader, count: usize) -> Vec<SubchainHeader> {
    let mut out: Vec<SubchainHeader> = Vec::new();
    let mut start = 0;
    while out.len() < count {
        let header = jifen_node::subchains::pow::mine(template, start).unwrap();
        let Seal::Pow { nonce, .. } = header.seal else {
            unreachable!()
        };
        start = nonce + 1;
        out.push(header);
    }
    out
}

pub fn is_pow(record: &SubchainRecord) -> bool {
    matches!(record.params, ConsensusParams::PowXor(_))
}

pub fn leaf_of(outcome: Outcome, header: &SubchainHeader, index: u64) -> AnchorLeaf {
    AnchorLeaf {
        subchain: header.subchain,
        index,
        height: header.height,
        header_hash: header.hash(),
        outcome,
    }
}

pub fn decode<T: Decode>(value: &Value) -> T {
    T::decode(&hex::decode(value.as_str().unwrap()).unwrap()).unwrap()
}

pub fn proof_verifies(leaf: &AnchorLeaf, proof: &InclusionProof, root: &Hash32) -> bool {
    proof.verify(&leaf.leaf_hash(), root).is_ok()
}
