//! Use case: **check the backup** of the words (the person proves they wrote
//! them down by typing back a few of them, chosen at random).
//!
//! One definition for every front end: which positions are asked
//! ([`BackupChallenge`]), how a typed word is compared ([`words_match`]:
//! Unicode NFKD, surrounding blanks and letter case ignored, so a word typed
//! with a Chinese input method or in capitals still matches), and how many
//! tries are allowed: [`TRIES_PER_WORD`] when the words are asked one at a
//! time at a prompt ([`BackupChallenge::answer_word`]), [`CHALLENGE_TRIES`]
//! when they are sent all at once ([`BackupChallenge::check_all`], which
//! never says which word was wrong). Only a passed challenge yields the
//! [`Passed`] proof that marks a wallet as backed up.

use jifen_crypto::mnemonic::Mnemonic;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::error::WalletError;

/// Positions asked in a backup check.
pub const BACKUP_CHECK_WORDS: usize = 3;

/// Answers a challenge accepts when sent all at once before it is used up
/// (a new challenge then needs the password again).
pub const CHALLENGE_TRIES: u32 = 3;

/// Tries per word when the words are asked one at a time.
pub const TRIES_PER_WORD: u32 = 3;

/// Whether `typed` is the word `expected` (NFKD, trimmed, case-insensitive),
/// compared character by character without copies of the word.
#[must_use]
pub fn words_match(typed: &str, expected: &str) -> bool {
    typed
        .trim()
        .nfkd()
        .flat_map(char::to_lowercase)
        .eq(expected.nfkd().flat_map(char::to_lowercase))
}

/// The answer to one word asked at a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordAnswer {
    /// Right.
    Right,
    /// Wrong; this many tries are left for this word.
    Wrong {
        /// Tries left.
        tries_left: u32,
    },
    /// Wrong, and no try is left: the check failed.
    UsedUp,
}

/// Proof that the backup check of one mnemonic passed. Only a
/// [`BackupChallenge`] makes one; recording a wallet as backed up needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passed {
    mnemonic: [u8; 32],
}

impl Passed {
    /// Whether this proof is for `mnemonic`.
    #[must_use]
    pub fn is_for(&self, mnemonic: &Mnemonic) -> bool {
        self.mnemonic == mnemonic_id(mnemonic)
    }
}

/// Which mnemonic a proof is for (a hash of its entropy and list: no word).
fn mnemonic_id(mnemonic: &Mnemonic) -> [u8; 32] {
    let mut bytes = Zeroizing::new(mnemonic.entropy().to_vec());
    bytes.extend_from_slice(mnemonic.language().code().as_bytes());
    jifen_protocol::tagged_hash("jifen/backup-check", &bytes)
}

/// What the person is asked: the 1-based positions of the words to type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupChallengeView {
    /// Positions (1-based), ascending.
    pub positions: Vec<u32>,
    /// Words in the mnemonic.
    pub word_count: u32,
    /// Answers this challenge still accepts.
    pub tries_left: u32,
}

/// A backup check in progress: random positions and the tries left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupChallenge {
    positions: Vec<usize>,
    word_count: usize,
    tries_left: u32,
    /// Per position asked one at a time: answered right, tries left.
    words: Vec<(bool, u32)>,
    mnemonic: [u8; 32],
}

impl BackupChallenge {
    /// [`BACKUP_CHECK_WORDS`] distinct random positions of `mnemonic`.
    ///
    /// # Errors
    /// [`WalletError::Randomness`] if the system's random source fails.
    pub fn new(mnemonic: &Mnemonic) -> Result<Self, WalletError> {
        let count = mnemonic.word_count();
        let mut positions: Vec<usize> = Vec::with_capacity(BACKUP_CHECK_WORDS);
        while positions.len() < BACKUP_CHECK_WORDS.min(count) {
            let mut bytes = [0u8; 2];
            getrandom::fill(&mut bytes).map_err(|_| WalletError::Randomness)?;
            // 65,536 is a multiple of neither 12 nor 24: reject the top
            // remainder so every position is equally likely.
            let value = usize::from(u16::from_le_bytes(bytes));
            let limit = (usize::from(u16::MAX) + 1) / count * count;
            if value >= limit {
                continue;
            }
            let candidate = value % count + 1;
            if !positions.contains(&candidate) {
                positions.push(candidate);
            }
        }
        positions.sort_unstable();
        let words = vec![(false, TRIES_PER_WORD); positions.len()];
        Ok(Self {
            positions,
            word_count: count,
            tries_left: CHALLENGE_TRIES,
            words,
            mnemonic: mnemonic_id(mnemonic),
        })
    }

    /// The positions asked (1-based), ascending.
    #[must_use]
    pub fn positions(&self) -> &[usize] {
        &self.positions
    }

    /// What the person is shown.
    #[must_use]
    pub fn view(&self) -> BackupChallengeView {
        BackupChallengeView {
            positions: self
                .positions
                .iter()
                .map(|p| u32::try_from(*p).unwrap_or(u32::MAX))
                .collect(),
            word_count: u32::try_from(self.word_count).unwrap_or(u32::MAX),
            tries_left: self.tries_left,
        }
    }

    fn is_word(&self, mnemonic: &Mnemonic, position: usize, typed: &str) -> bool {
        self.positions.contains(&position)
            && mnemonic
                .word(position)
                .is_some_and(|expected| words_match(typed, expected))
    }

    /// Answers one word at a prompt (a person at a terminal with the wallet
    /// open): says whether it was right and how many tries are left for it.
    pub fn answer_word(&mut self, mnemonic: &Mnemonic, position: usize, typed: &str) -> WordAnswer {
        let right = self.is_word(mnemonic, position, typed);
        let Some(slot) = self
            .positions
            .iter()
            .position(|p| *p == position)
            .and_then(|i| self.words.get_mut(i))
        else {
            return WordAnswer::UsedUp;
        };
        if slot.1 == 0 {
            return WordAnswer::UsedUp;
        }
        if right {
            slot.0 = true;
            return WordAnswer::Right;
        }
        slot.1 -= 1;
        if slot.1 == 0 {
            WordAnswer::UsedUp
        } else {
            WordAnswer::Wrong { tries_left: slot.1 }
        }
    }

    /// The proof, once every position was answered right one at a time.
    #[must_use]
    pub fn passed(&self) -> Option<Passed> {
        self.words
            .iter()
            .all(|(right, _)| *right)
            .then_some(Passed {
                mnemonic: self.mnemonic,
            })
    }

    /// Checks one answer per position, all at once. A wrong answer does not
    /// say which word was wrong (that would let a script find the words one
    /// by one) and uses up one try.
    ///
    /// # Errors
    /// [`WalletError::BackupMismatch`] with the tries left;
    /// [`WalletError::NoBackupChallenge`] when no try is left.
    pub fn check_all(
        &mut self,
        mnemonic: &Mnemonic,
        answers: &[impl AsRef<str>],
    ) -> Result<Passed, WalletError> {
        if self.tries_left == 0 {
            return Err(WalletError::NoBackupChallenge);
        }
        let all_right = answers.len() == self.positions.len()
            && self
                .positions
                .iter()
                .zip(answers)
                .all(|(position, answer)| self.is_word(mnemonic, *position, answer.as_ref()));
        if all_right && mnemonic_id(mnemonic) == self.mnemonic {
            return Ok(Passed {
                mnemonic: self.mnemonic,
            });
        }
        self.tries_left = self.tries_left.saturating_sub(1);
        Err(WalletError::BackupMismatch {
            tries_left: self.tries_left,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use jifen_crypto::mnemonic::{MnemonicLanguage, WordCount};

    use super::*;

    #[test]
    fn words_match_ignores_blanks_case_and_width() {
        assert!(words_match("  Abandon ", "abandon"));
        assert!(words_match("ABANDON", "abandon"));
        // Full-width Latin letters as a Chinese input method types them.
        assert!(words_match("ａｂａｎｄｏｎ", "abandon"));
        assert!(words_match("的", "的"));
        assert!(!words_match("abando", "abandon"));
        assert!(!words_match("", "abandon"));
    }

    #[test]
    fn words_one_at_a_time_have_their_own_tries_and_yield_the_proof() {
        let mnemonic = Mnemonic::generate(MnemonicLanguage::English, WordCount::Twelve).unwrap();
        let other = Mnemonic::generate(MnemonicLanguage::English, WordCount::Twelve).unwrap();
        let mut challenge = BackupChallenge::new(&mnemonic).unwrap();
        let positions = challenge.positions().to_vec();
        assert_eq!(challenge.passed(), None);
        assert_eq!(
            challenge.answer_word(&mnemonic, positions[0], "zzzz"),
            WordAnswer::Wrong { tries_left: 2 }
        );
        for &p in &positions {
            let word = mnemonic.word(p).unwrap();
            assert_eq!(challenge.answer_word(&mnemonic, p, word), WordAnswer::Right);
        }
        let passed = challenge.passed().unwrap();
        assert!(passed.is_for(&mnemonic));
        assert!(!passed.is_for(&other));
        // A position not asked is never right.
        let not_asked = (1..=12).find(|p| !positions.contains(p)).unwrap();
        assert_eq!(
            challenge.answer_word(&mnemonic, not_asked, mnemonic.word(not_asked).unwrap()),
            WordAnswer::UsedUp
        );
        let mut failing = BackupChallenge::new(&mnemonic).unwrap();
        let first = failing.positions()[0];
        failing.answer_word(&mnemonic, first, "zzzz");
        failing.answer_word(&mnemonic, first, "zzzz");
        assert_eq!(
            failing.answer_word(&mnemonic, first, "zzzz"),
            WordAnswer::UsedUp
        );
        assert_eq!(
            failing.answer_word(&mnemonic, first, mnemonic.word(first).unwrap()),
            WordAnswer::UsedUp
        );
        assert_eq!(failing.passed(), None);
    }

    #[test]
    fn challenge_positions_are_distinct_sorted_and_in_range() {
        for words in [WordCount::Twelve, WordCount::TwentyFour] {
            let mnemonic = Mnemonic::generate(MnemonicLanguage::English, words).unwrap();
            for _ in 0..50 {
                let challenge = BackupChallenge::new(&mnemonic).unwrap();
                let p = challenge.positions();
                assert_eq!(p.len(), BACKUP_CHECK_WORDS);
                assert!(p.windows(2).all(|w| w[0] < w[1]));
                assert!(p.iter().all(|&x| (1..=mnemonic.word_count()).contains(&x)));
            }
        }
    }

    #[test]
    fn check_all_uses_up_tries_without_naming_the_wrong_word() {
        let mnemonic = Mnemonic::generate(MnemonicLanguage::English, WordCount::Twelve).unwrap();
        let mut challenge = BackupChallenge::new(&mnemonic).unwrap();
        let right: Vec<String> = challenge
            .positions()
            .iter()
            .map(|p| mnemonic.word(*p).unwrap().to_owned())
            .collect();
        let mut wrong = right.clone();
        wrong[1] = "zzzz".to_owned();
        for left in (0..CHALLENGE_TRIES).rev() {
            let error = challenge.check_all(&mnemonic, &wrong).unwrap_err();
            assert!(
                matches!(error, WalletError::BackupMismatch { tries_left } if tries_left == left)
            );
        }
        // Used up: even the right words are refused now.
        assert!(matches!(
            challenge.check_all(&mnemonic, &right),
            Err(WalletError::NoBackupChallenge)
        ));
        let mut fresh = BackupChallenge::new(&mnemonic).unwrap();
        let right: Vec<String> = fresh
            .positions()
            .iter()
            .map(|p| format!(" {} ", mnemonic.word(*p).unwrap().to_uppercase()))
            .collect();
        assert!(
            fresh
                .check_all(&mnemonic, &right)
                .unwrap()
                .is_for(&mnemonic)
        );
    }
}
