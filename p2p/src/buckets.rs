//! Peer choice by XOR distance (seed 000's K-buckets; ADR 0022).
//!
//! A wallet draws a random target per session and sorts the peers it could
//! use into K-buckets by their XOR distance from that target (the bucket is
//! the index of the highest differing bit of the SHA-256 Kademlia keys,
//! 0..=255). It then takes peers from as many distinct buckets as it can:
//! one per bucket first, a second per bucket only when buckets run out. An
//! attacker who places many nodes near one point of the key space (the
//! classic eclipse) fills one or two buckets, not the wallet's whole
//! choice; and since the target is new each session, no fixed node is
//! everyone's first choice.

use libp2p::PeerId;
use libp2p::kad::KBucketKey;

/// The bucket of `peer` seen from `target`: the index of the highest bit
/// in which their Kademlia keys differ (`None` for the same key).
#[must_use]
pub fn bucket(target: &PeerId, peer: &PeerId) -> Option<u32> {
    KBucketKey::from(*target)
        .distance(&KBucketKey::from(*peer))
        .ilog2()
}

/// Up to `n` of `candidates` spread over K-buckets from `target`: one per
/// bucket in the order given (earlier candidates are preferred, e.g. the
/// ones a person configured), then further ones per bucket in rounds when
/// fewer than `n` buckets hold candidates. Duplicates and `target` itself
/// are skipped. Each chosen peer comes with its bucket.
#[must_use]
pub fn spread(target: &PeerId, candidates: &[PeerId], n: usize) -> Vec<(PeerId, u32)> {
    let mut left: Vec<(PeerId, u32)> = Vec::new();
    for peer in candidates {
        if let Some(b) = bucket(target, peer)
            && !left.iter().any(|(p, _)| p == peer)
        {
            left.push((*peer, b));
        }
    }
    let mut chosen: Vec<(PeerId, u32)> = Vec::new();
    while chosen.len() < n && !left.is_empty() {
        let mut used = Vec::new();
        let mut rest = Vec::new();
        for (peer, b) in left {
            if chosen.len() < n && !used.contains(&b) {
                used.push(b);
                chosen.push((peer, b));
            } else {
                rest.push((peer, b));
            }
        }
        left = rest;
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_follow_xor_distance() {
        let a = PeerId::random();
        assert_eq!(bucket(&a, &a), None);
        let b = PeerId::random();
        assert_eq!(bucket(&a, &b), bucket(&b, &a));
        assert!(bucket(&a, &b).unwrap() <= 255);
    }

    #[test]
    fn the_choice_covers_as_many_buckets_as_the_candidates_do() {
        for _ in 0..50 {
            let target = PeerId::random();
            let candidates: Vec<PeerId> = (0..40).map(|_| PeerId::random()).collect();
            let mut distinct: Vec<u32> = candidates
                .iter()
                .filter_map(|p| bucket(&target, p))
                .collect();
            distinct.sort_unstable();
            distinct.dedup();
            for n in [1, 3, 8] {
                let chosen = spread(&target, &candidates, n);
                assert_eq!(chosen.len(), n);
                let mut buckets: Vec<u32> = chosen.iter().map(|(_, b)| *b).collect();
                buckets.sort_unstable();
                buckets.dedup();
                assert_eq!(buckets.len(), n.min(distinct.len()), "n = {n}");
            }
        }
    }

    #[test]
    fn a_crowded_neighbourhood_gets_one_seat() {
        // Forty peers in the target's farthest bucket (255) and three
        // elsewhere: a choice of four takes one of the forty.
        let target = PeerId::random();
        let mut crowd = Vec::new();
        let mut others = Vec::new();
        while crowd.len() < 40 || others.len() < 3 {
            let peer = PeerId::random();
            match bucket(&target, &peer) {
                Some(255) if crowd.len() < 40 => crowd.push(peer),
                Some(b)
                    if b < 255
                        && others.len() < 3
                        && !others.iter().any(|o| bucket(&target, o) == Some(b)) =>
                {
                    others.push(peer);
                }
                _ => {}
            }
        }
        let mut candidates = crowd.clone();
        candidates.extend(&others);
        let chosen = spread(&target, &candidates, 4);
        let from_crowd = chosen.iter().filter(|(p, _)| crowd.contains(p)).count();
        assert_eq!(from_crowd, 1);
    }

    #[test]
    fn earlier_candidates_are_preferred_and_duplicates_skipped() {
        let target = PeerId::random();
        let a = PeerId::random();
        let chosen = spread(&target, &[a, a, target], 3);
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen.first().map(|(p, _)| *p), Some(a));
    }
}
