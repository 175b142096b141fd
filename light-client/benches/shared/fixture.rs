//! The offline optimum's view of a node's chain: a [`ChainShape`] built
//! from every header, commit and validator set the node stores (no
//! signature is checked; `jifen-node verify` checks a fixture).

use std::collections::HashMap;

use jifen_light_client_verifier::optimum::ChainShape;
use jifen_node::chain::Chain;
use jifen_protocol::{Hash32, ValidatorSet};

/// The shape of heights `1..=tip` of `chain`.
pub fn shape_of(chain: &Chain, tip: u64) -> ChainShape {
    let mut sets: HashMap<Hash32, ValidatorSet> = HashMap::new();
    let mut shape = ChainShape::new();
    for height in 1..=tip {
        let header = chain.header(height).unwrap().unwrap();
        let commit = chain.commit(height).unwrap().unwrap();
        let signers: Vec<u16> = commit
            .signatures
            .iter()
            .map(|signature| signature.validator_index)
            .collect();
        for hash in [header.validators_hash, header.next_validators_hash] {
            sets.entry(hash)
                .or_insert_with(|| chain.validator_set(&hash).unwrap().unwrap());
        }
        shape
            .push(
                &header,
                &sets[&header.validators_hash],
                &sets[&header.next_validators_hash],
                &signers,
            )
            .unwrap();
    }
    shape
}
