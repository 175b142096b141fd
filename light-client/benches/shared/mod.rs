//! What both benchmarks measure the same way.

use jifen_light_client::LightBlock;
use jifen_protocol::Commit;

/// Verifies every commit signature of `blocks` directly (no light-client
/// logic): the raw signature bound a verifier is compared with. Returns how
/// many signatures were checked.
pub fn raw_signatures(blocks: &[LightBlock]) -> usize {
    let mut checked = 0;
    for block in blocks {
        let digest = Commit::signing_digest(&block.commit, &block.header.chain_id);
        for entry in &block.commit.signatures {
            let validator = block
                .validators
                .get(usize::from(entry.validator_index))
                .unwrap();
            validator
                .public_key
                .verify_prehash(&digest, &entry.signature)
                .unwrap();
            checked += 1;
        }
    }
    checked
}
