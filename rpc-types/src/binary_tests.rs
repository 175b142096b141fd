//! Unit tests of [`super`]: the frame round trip and every rule of the
//! strict reader.

use jifen_protocol::message::Coded;
use jifen_protocol::{
    ChainId, CommitSignature, PublicKey, Signature, Validator, header::HEADER_VERSION, merkle,
};

use super::*;
use crate::WireObject;

/// Sets that differ by the one validator's power (same key).
fn set(power: u64) -> ValidatorSet {
    let key = PublicKey::from_bytes(&[
        0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87,
        0x0b, 0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16,
        0xf8, 0x17, 0x98,
    ])
    .unwrap();
    ValidatorSet::new(vec![Validator::new(key, power)]).unwrap()
}

fn block(height: u64, set_power: u64, next_power: u64) -> LightBlockResult {
    let validator_set = set(set_power);
    let next_validator_set = set(next_power);
    let header = Header {
        version: HEADER_VERSION,
        chain_id: ChainId::new("jifen-devnet").unwrap(),
        height,
        time_ms: 1_767_225_600_000 + height,
        previous_block_hash: (height > 1).then_some(Hash32([1; 32])),
        last_commit_hash: (height > 1).then_some(Hash32([2; 32])),
        tx_root: merkle::empty_root(),
        results_root: merkle::empty_root(),
        state_root: Hash32([3; 32]),
        anchors_root: merkle::empty_root(),
        validators_hash: validator_set.hash(),
        next_validators_hash: next_validator_set.hash(),
        proposer: validator_set.validators()[0].address,
    };
    LightBlockResult {
        commit: Commit {
            height,
            round: 0,
            block_hash: header.hash(),
            signatures: vec![CommitSignature {
                validator_index: 0,
                signature: Signature::from_array([1; 64]),
            }],
        },
        header,
        validator_set,
        next_validator_set,
    }
}

/// Blocks 5..=8: set A (power 10) up to 6, which announces B (power 20).
fn range() -> LightBlocksResult {
    LightBlocksResult {
        light_blocks: vec![
            block(5, 10, 10),
            block(6, 10, 20),
            block(7, 20, 20),
            block(8, 20, 20),
        ],
    }
}

/// A frame written by hand: the head, `sets` as given, and each block
/// with the indices given.
fn frame(
    from: u64,
    count: u32,
    sets: &[ValidatorSet],
    blocks: &[(&LightBlockResult, u32, u32)],
) -> Vec<u8> {
    let mut out = b"JLB1".to_vec();
    out.extend_from_slice(&from.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&u32::try_from(sets.len()).unwrap().to_be_bytes());
    for set in sets {
        set.encode_to(&mut out);
    }
    for (block, here, next) in blocks {
        block.header.encode_to(&mut out);
        block.commit.encode_to(&mut out);
        out.extend_from_slice(&here.to_be_bytes());
        out.extend_from_slice(&next.to_be_bytes());
    }
    out
}

fn honest_parts(result: &LightBlocksResult) -> Vec<(&LightBlockResult, u32, u32)> {
    let b = &result.light_blocks;
    vec![(&b[0], 0, 0), (&b[1], 0, 1), (&b[2], 1, 1), (&b[3], 1, 1)]
}

#[test]
fn a_range_round_trips_with_each_set_once() {
    let result = range();
    let bytes = result.to_frame(5);
    assert_eq!(&bytes[..4], b"JLB1");
    assert_eq!(bytes[4..12], 5u64.to_be_bytes());
    assert_eq!(bytes[12..16], 4u32.to_be_bytes());
    // Two distinct sets for eight references.
    assert_eq!(bytes[16..20], 2u32.to_be_bytes());
    assert_eq!(
        bytes,
        frame(5, 4, &[set(10), set(20)], &honest_parts(&result))
    );
    let back = LightBlocksResult::from_frame(&bytes, 5, 8).unwrap();
    assert_eq!(back, result);
    back.expect_range(5, 8).unwrap();
    // The JSON of the same blocks reads back to the same value.
    assert_eq!(
        LightBlocksResult::from_json(&result.to_json()).unwrap(),
        back
    );

    // A stable range carries one set.
    let stable = LightBlocksResult {
        light_blocks: (1..=3).map(|h| block(h, 10, 10)).collect(),
    };
    let bytes = stable.to_frame(1);
    assert_eq!(bytes[16..20], 1u32.to_be_bytes());
    assert_eq!(LightBlocksResult::from_frame(&bytes, 1, 3).unwrap(), stable);
}

/// `(name, frame, offset, words of the expected rule)`.
fn malformed() -> Vec<(&'static str, Vec<u8>, usize, &'static str)> {
    let result = range();
    let honest = frame(5, 4, &[set(10), set(20)], &honest_parts(&result));
    let sets_end = FRAME_HEAD_LEN + set(10).encode().len() * 2;
    let b = &result.light_blocks;
    let block_len =
        |block: &LightBlockResult| block.header.encode().len() + block.commit.encode().len() + 8;
    // Offset of the set index of block `n` (0-based) in an honest frame.
    let index_at =
        |n: usize| sets_end + b[..n].iter().map(block_len).sum::<usize>() + block_len(&b[n]) - 8;
    let mut magic = honest.clone();
    magic[3] = b'2';
    let mut truncated = honest.clone();
    truncated.truncate(honest.len() - 3);
    let mut trailing = honest.clone();
    trailing.push(0);
    let mut no_sets = honest.clone();
    no_sets[16..20].copy_from_slice(&0u32.to_be_bytes());
    let mut many_sets = honest.clone();
    many_sets[16..20].copy_from_slice(&9u32.to_be_bytes());
    let mut header = honest.clone();
    // The header's version: not one this code knows.
    header[sets_end] ^= 0xff;
    vec![
        ("magic", magic, 0, "the magic JLB1"),
        (
            "from",
            frame(4, 4, &[set(10), set(20)], &honest_parts(&result)),
            4,
            "from 5",
        ),
        (
            "count",
            frame(5, 3, &[set(10), set(20)], &honest_parts(&result)[..3]),
            12,
            "count 4",
        ),
        ("no sets", no_sets, 16, "a canonical set count"),
        (
            "more sets than two per block",
            many_sets,
            16,
            "a canonical set count",
        ),
        (
            "not a canonical header",
            header,
            sets_end,
            "a canonical header",
        ),
        (
            "truncated",
            truncated,
            index_at(3) + 4,
            "a canonical next-set index",
        ),
        (
            "trailing",
            trailing.clone(),
            trailing.len() - 1,
            "no trailing bytes",
        ),
        (
            "a set twice",
            frame(
                5,
                4,
                &[set(10), set(10)],
                &[(&b[0], 0, 0), (&b[1], 0, 1), (&b[2], 1, 1), (&b[3], 1, 1)],
            ),
            FRAME_HEAD_LEN + set(10).encode().len(),
            "distinct sets",
        ),
        (
            "index out of range",
            frame(
                5,
                4,
                &[set(10), set(20)],
                &[(&b[0], 0, 0), (&b[1], 0, 2), (&b[2], 1, 1), (&b[3], 1, 1)],
            ),
            index_at(1) + 4,
            "a next-set index below 2",
        ),
        (
            "sets out of order",
            frame(
                5,
                4,
                &[set(20), set(10)],
                &[(&b[0], 1, 1), (&b[1], 1, 0), (&b[2], 0, 0), (&b[3], 0, 0)],
            ),
            index_at(0),
            "sets in order of first reference",
        ),
        (
            "a set never referenced",
            frame(5, 4, &[set(10), set(20), set(30)], &honest_parts(&result)),
            honest.len() + set(30).encode().len(),
            "every set referenced (2 of 3 are)",
        ),
        (
            "a set the header does not name",
            frame(
                5,
                4,
                &[set(10), set(20)],
                &[(&b[0], 0, 0), (&b[1], 0, 1), (&b[2], 0, 1), (&b[3], 1, 1)],
            ),
            index_at(2),
            "the set the header names in validators_hash",
        ),
        (
            "a next set the header does not name",
            frame(
                5,
                4,
                &[set(10), set(20)],
                &[(&b[0], 0, 1), (&b[1], 0, 1), (&b[2], 1, 1), (&b[3], 1, 1)],
            ),
            index_at(0) + 4,
            "the set the header names in next_validators_hash",
        ),
        ("empty", Vec::new(), 0, "a canonical magic"),
    ]
}

#[test]
fn every_malformed_frame_is_refused_with_its_offset_and_rule() {
    for (name, bytes, offset, rule) in malformed() {
        let error = LightBlocksResult::from_frame(&bytes, 5, 8).unwrap_err();
        assert_eq!(error.code(), "rpc-frame-invalid", "{name}");
        assert_eq!(Coded::code(&error), "rpc-frame-invalid", "{name}");
        assert_eq!(error.field(), "frame", "{name}");
        let WireError::Frame { at, expected } = &error else {
            panic!("{name}: {error:?}");
        };
        assert!(
            expected.starts_with(rule),
            "{name}: expected {expected:?}, rule {rule:?}"
        );
        assert_eq!(*at, offset, "{name}: {expected}");
        let args = error.args();
        assert!(args.iter().any(|(arg, _)| *arg == "offset"), "{name}");
        assert!(args.iter().any(|(arg, _)| *arg == "expected"), "{name}");
    }
}

#[test]
fn a_range_asked_backwards_is_refused() {
    let bytes = range().to_frame(5);
    let error = LightBlocksResult::from_frame(&bytes, 5, 4).unwrap_err();
    assert_eq!(error.code(), "rpc-frame-invalid");
}

#[test]
fn the_content_type_is_asked_by_name_only() {
    assert!(accepts_light_blocks(LIGHT_BLOCKS_CONTENT_TYPE));
    assert!(accepts_light_blocks(
        "application/json, Application/Vnd.Jifen.Light-Blocks.V1;q=0.9"
    ));
    assert!(!accepts_light_blocks("*/*"));
    assert!(!accepts_light_blocks("application/json"));
    assert!(!accepts_light_blocks(
        "application/vnd.jifen.light-blocks.v1; q=0"
    ));
    assert!(!accepts_light_blocks(
        "application/vnd.jifen.light-blocks.v2"
    ));
    assert!(names_light_blocks_type(
        "application/vnd.jifen.light-blocks.v1; charset=binary"
    ));
    assert!(!names_light_blocks_type("application/json"));
}

/// The worked vector of `docs/rpc.md#binary-light-block-ranges` reads as
/// the document says.
#[test]
fn the_documented_vector_reads() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rpc.md"),
    )
    .unwrap();
    let after = &doc[doc.find("Worked vector").unwrap()..];
    let start = after.find("```text\n").unwrap() + "```text\n".len();
    let text = &after[start..start + after[start..].find("```").unwrap()];
    let bytes = hex::decode(text.split_whitespace().collect::<String>()).unwrap();
    assert_eq!(bytes.len(), 516);
    let result = LightBlocksResult::from_frame(&bytes, 2, 2).unwrap();
    result.expect_range(2, 2).unwrap();
    let block = &result.light_blocks[0];
    assert_eq!(block.validator_set.validators().len(), 1);
    assert_eq!(block.header.validators_hash, block.validator_set.hash());
    assert_eq!(block.commit.block_hash, block.header.hash());
    assert_eq!(result.to_frame(2), bytes);
}
