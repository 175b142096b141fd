//! Use case: **check the backup** of the words (the person proves they wrote
//! them down by typing back a few of them, chosen at random).
//!
//! One definition for every front end: which positions are asked
//! ([`BackupChallenge`]), how a typed word is compared ([`words_match`]:
//! Unicode NFKD, surrounding blanks and letter case ignored, so a word typed
//! with a Chinese input method or in capitals still matches), and how many
//! tries a challenge allows.

use jifen_crypto::mnemonic::Mnemonic;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::error::WalletError;

/// Positions asked in a backup check.
pub const BACKUP_CHECK_WORDS: usize = 3;

/// Answers a challenge accepts before it is used up (a new challenge then
/// needs the password again).
pub const CHALLENGE_TRIES: u32 = 3;

/// Whether `typed` is the word `expected` (NFKD, trimmed, case-insensitive).
#[must_use]
pub fn words_match(typed: &str, expected: &str) -> bool {
    let typed: Zeroizing<String> = Zeroizing::new(typed.trim().nfkd().collect::<String>());
    let expected: Zeroizing<String> = Zeroizing::new(expected.nfkd().collect::<String>());
    typed.to_lowercase() == expected.to_lowercase()
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
        Ok(Self {
            positions,
            word_count: count,
            tries_left: CHALLENGE_TRIES,
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

    /// Whether `typed` is the word at `position` (for front ends that ask
    /// one word at a time; they count tries per word themselves).
    #[must_use]
    pub fn check_word(&self, mnemonic: &Mnemonic, position: usize, typed: &str) -> bool {
        self.positions.contains(&position)
            && mnemonic
                .word(position)
                .is_some_and(|expected| words_match(typed, expected))
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
    ) -> Result<(), WalletError> {
        if self.tries_left == 0 {
            return Err(WalletError::NoBackupChallenge);
        }
        let all_right = answers.len() == self.positions.len()
            && self
                .positions
                .iter()
                .zip(answers)
                .all(|(position, answer)| self.check_word(mnemonic, *position, answer.as_ref()));
        if all_right {
            return Ok(());
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
            assert!(matches!(error, WalletError::BackupMismatch { tries_left } if tries_left == left));
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
        fresh.check_all(&mnemonic, &right).unwrap();
    }
}
