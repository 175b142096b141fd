//! BIP39 mnemonics in English, simplified Chinese and traditional Chinese.
//!
//! A mnemonic encodes 128 or 256 bits of entropy as 12 or 24 words. The wallet seed
//! is exactly BIP39 in every list: it is derived from the sentence *as written in its
//! own word list*, so a backup restores the same keys in any BIP39 wallet (see
//! `docs/adr/0007-standard-bip39-seeds.md`). The same entropy written in another list
//! is another sentence, hence another wallet.

use std::fmt;
use std::str::FromStr;

use zeroize::Zeroizing;

/// Word lists the wallet accepts and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MnemonicLanguage {
    /// The BIP39 English list.
    English,
    /// The BIP39 simplified Chinese list (one character per word).
    ChineseSimplified,
    /// The BIP39 traditional Chinese list (one character per word).
    ChineseTraditional,
}

impl MnemonicLanguage {
    /// Every supported word list.
    pub const ALL: [MnemonicLanguage; 3] = [
        MnemonicLanguage::English,
        MnemonicLanguage::ChineseSimplified,
        MnemonicLanguage::ChineseTraditional,
    ];

    /// Stable identifier used on the command line and in files: `en`, `zh-hans`, `zh-hant`.
    pub fn code(self) -> &'static str {
        match self {
            MnemonicLanguage::English => "en",
            MnemonicLanguage::ChineseSimplified => "zh-hans",
            MnemonicLanguage::ChineseTraditional => "zh-hant",
        }
    }

    fn to_bip39(self) -> bip39::Language {
        match self {
            MnemonicLanguage::English => bip39::Language::English,
            MnemonicLanguage::ChineseSimplified => bip39::Language::SimplifiedChinese,
            MnemonicLanguage::ChineseTraditional => bip39::Language::TraditionalChinese,
        }
    }

    fn from_bip39(language: bip39::Language) -> Option<Self> {
        match language {
            bip39::Language::English => Some(MnemonicLanguage::English),
            bip39::Language::SimplifiedChinese => Some(MnemonicLanguage::ChineseSimplified),
            bip39::Language::TraditionalChinese => Some(MnemonicLanguage::ChineseTraditional),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// Word separator used when the phrase is displayed.
    fn separator(self) -> &'static str {
        " "
    }
}

impl fmt::Display for MnemonicLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for MnemonicLanguage {
    type Err = MnemonicError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(MnemonicLanguage::English),
            "zh-hans" | "zh-cn" | "zh_cn" | "chinese-simplified" => {
                Ok(MnemonicLanguage::ChineseSimplified)
            }
            "zh-hant" | "zh-tw" | "zh_tw" | "chinese-traditional" => {
                Ok(MnemonicLanguage::ChineseTraditional)
            }
            _ => Err(MnemonicError::UnknownLanguage),
        }
    }
}

/// How many words a new mnemonic has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordCount {
    /// 12 words, 128 bits of entropy.
    Twelve,
    /// 24 words, 256 bits of entropy.
    TwentyFour,
}

impl WordCount {
    /// Entropy length in bytes.
    pub fn entropy_len(self) -> usize {
        match self {
            WordCount::Twelve => 16,
            WordCount::TwentyFour => 32,
        }
    }

    /// Number of words.
    pub fn words(self) -> usize {
        match self {
            WordCount::Twelve => 12,
            WordCount::TwentyFour => 24,
        }
    }

    /// The word count for `n` words, if supported.
    pub fn from_words(n: usize) -> Option<Self> {
        match n {
            12 => Some(WordCount::Twelve),
            24 => Some(WordCount::TwentyFour),
            _ => None,
        }
    }
}

/// Word counts accepted when reading a phrase (all BIP39 lengths, so wallets made
/// elsewhere can be restored); new mnemonics have 12 or 24 words.
pub const VALID_WORD_COUNTS: [usize; 5] = [12, 15, 18, 21, 24];
/// Entropy lengths in bytes matching [`VALID_WORD_COUNTS`].
const VALID_ENTROPY_LENGTHS: [usize; 5] = [16, 20, 24, 28, 32];

/// Why a mnemonic could not be created or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MnemonicError {
    /// The phrase does not have 12, 15, 18, 21 or 24 words.
    #[error("a mnemonic has 12, 15, 18, 21 or 24 words, got {got}")]
    WordCount {
        /// Words found.
        got: usize,
    },
    /// A word is in none of the word lists (positions count from 1).
    #[error("word {position} is not in the word list")]
    UnknownWord {
        /// 1-based position of the word.
        position: usize,
    },
    /// All words are known but the checksum does not match: a word is wrong or out of order.
    #[error("the mnemonic's checksum does not match; a word is wrong or out of order")]
    BadChecksum,
    /// The words fit more than one list as different sentences; the language must be
    /// given. (The three lists shipped never do: a character in both Chinese lists has
    /// the same index in both.)
    #[error("the mnemonic fits more than one word list; name its language")]
    AmbiguousLanguage,
    /// The language name is not one of `en`, `zh-hans`, `zh-hant`.
    #[error("unknown mnemonic language")]
    UnknownLanguage,
    /// Entropy was not 16, 20, 24, 28 or 32 bytes.
    #[error("entropy must be 16, 20, 24, 28 or 32 bytes, got {got}")]
    EntropyLength {
        /// Bytes given.
        got: usize,
    },
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed")]
    Randomness,
}

impl MnemonicError {
    /// Stable code for translation (`mnemonic-word-count`, `mnemonic-unknown-word`,
    /// `mnemonic-bad-checksum`, `mnemonic-ambiguous-language`, `mnemonic-unknown-language`,
    /// `mnemonic-entropy-length`, `mnemonic-randomness`).
    pub fn code(&self) -> &'static str {
        match self {
            MnemonicError::WordCount { .. } => "mnemonic-word-count",
            MnemonicError::UnknownWord { .. } => "mnemonic-unknown-word",
            MnemonicError::BadChecksum => "mnemonic-bad-checksum",
            MnemonicError::AmbiguousLanguage => "mnemonic-ambiguous-language",
            MnemonicError::UnknownLanguage => "mnemonic-unknown-language",
            MnemonicError::EntropyLength { .. } => "mnemonic-entropy-length",
            MnemonicError::Randomness => "mnemonic-randomness",
        }
    }
}

impl jifen_protocol::message::Coded for MnemonicError {
    fn code(&self) -> &'static str {
        MnemonicError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, jifen_protocol::message::Arg)> {
        match self {
            MnemonicError::WordCount { got } | MnemonicError::EntropyLength { got } => {
                vec![("got", (*got).into())]
            }
            MnemonicError::UnknownWord { position } => vec![("position", (*position).into())],
            MnemonicError::BadChecksum
            | MnemonicError::AmbiguousLanguage
            | MnemonicError::UnknownLanguage
            | MnemonicError::Randomness => Vec::new(),
        }
    }
}

fn map_bip39_error(err: bip39::Error) -> MnemonicError {
    match err {
        bip39::Error::BadWordCount(got) => MnemonicError::WordCount { got },
        bip39::Error::UnknownWord(index) => MnemonicError::UnknownWord {
            position: index + 1,
        },
        bip39::Error::BadEntropyBitCount(bits) => MnemonicError::EntropyLength { got: bits / 8 },
        bip39::Error::InvalidChecksum => MnemonicError::BadChecksum,
        bip39::Error::AmbiguousLanguages(_) => MnemonicError::AmbiguousLanguage,
    }
}

/// A BIP39 mnemonic: entropy plus the word list it is written in.
///
/// Zeroized on drop; `Debug` shows only the language and word count.
#[derive(Clone, PartialEq, Eq)]
pub struct Mnemonic {
    inner: bip39::Mnemonic,
}

impl fmt::Debug for Mnemonic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mnemonic")
            .field("language", &self.language())
            .field("words", &self.word_count())
            .finish_non_exhaustive()
    }
}

impl Mnemonic {
    /// A new mnemonic from the operating system's random number generator.
    ///
    /// # Errors
    /// [`MnemonicError::Randomness`] if the system RNG fails.
    pub fn generate(language: MnemonicLanguage, count: WordCount) -> Result<Self, MnemonicError> {
        let mut entropy = Zeroizing::new([0u8; 32]);
        let entropy =
            entropy
                .get_mut(..count.entropy_len())
                .ok_or(MnemonicError::EntropyLength {
                    got: count.entropy_len(),
                })?;
        getrandom::fill(entropy).map_err(|_| MnemonicError::Randomness)?;
        Self::from_entropy(language, entropy)
    }

    /// The mnemonic for given entropy (16, 20, 24, 28 or 32 bytes).
    ///
    /// # Errors
    /// [`MnemonicError::EntropyLength`] for any other length.
    pub fn from_entropy(language: MnemonicLanguage, entropy: &[u8]) -> Result<Self, MnemonicError> {
        if !VALID_ENTROPY_LENGTHS.contains(&entropy.len()) {
            return Err(MnemonicError::EntropyLength { got: entropy.len() });
        }
        bip39::Mnemonic::from_entropy_in(language.to_bip39(), entropy)
            .map(|inner| Mnemonic { inner })
            .map_err(map_bip39_error)
    }

    /// Reads a phrase typed or pasted by a person.
    ///
    /// Words may be separated by any white space; Chinese phrases may also be written
    /// without spaces (every word in the Chinese lists is one character). Input is
    /// NFKD-normalized and lower-cased. When `language` is `None` the word list is
    /// detected. The result's sentence ([`Mnemonic::phrase`]) is the typed words, one
    /// space apart, whichever list is detected: a phrase that several lists accept is
    /// the same sentence in each, so the same seed. Should two lists ever read the
    /// words as different sentences, the phrase is refused as ambiguous.
    ///
    /// # Errors
    /// A [`MnemonicError`] naming the problem: word count, unknown word (with its
    /// position), bad checksum, or ambiguous language.
    pub fn parse(phrase: &str, language: Option<MnemonicLanguage>) -> Result<Self, MnemonicError> {
        let words = split_words(phrase);
        let count = words.len();
        if !VALID_WORD_COUNTS.contains(&count) {
            return Err(MnemonicError::WordCount { got: count });
        }
        let normalized = Zeroizing::new(
            words
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        drop(words);
        match language {
            Some(language) => parse_in(language, &normalized),
            None => parse_detect(&normalized),
        }
    }

    /// The word list this mnemonic is written in.
    pub fn language(&self) -> MnemonicLanguage {
        MnemonicLanguage::from_bip39(self.inner.language()).unwrap_or(MnemonicLanguage::English)
    }

    /// Number of words (12 or 24).
    pub fn word_count(&self) -> usize {
        self.inner.word_count()
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.inner.words()
    }

    /// The word at a 1-based position.
    pub fn word(&self, position: usize) -> Option<&'static str> {
        position
            .checked_sub(1)
            .and_then(|index| self.inner.words().nth(index))
    }

    /// The phrase as one string, words separated by single spaces.
    pub fn phrase(&self) -> Zeroizing<String> {
        Zeroizing::new(
            self.words()
                .collect::<Vec<_>>()
                .join(self.language().separator()),
        )
    }

    /// The entropy the words encode.
    pub fn entropy(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.inner.to_entropy())
    }

    /// The same entropy written in another word list.
    ///
    /// This is another sentence, so **another wallet**: [`Mnemonic::to_seed`] follows
    /// the sentence (BIP39), not the entropy.
    pub fn in_language(&self, language: MnemonicLanguage) -> Self {
        let entropy = self.entropy();
        match bip39::Mnemonic::from_entropy_in(language.to_bip39(), &entropy) {
            Ok(inner) => Mnemonic { inner },
            // Unreachable: the entropy came from a valid mnemonic.
            Err(_) => self.clone(),
        }
    }

    /// The 64-byte BIP39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, password = NFKD of
    /// this sentence in its own word list (words joined by one U+0020 space, Chinese
    /// included), salt = `"mnemonic"` + NFKD(`passphrase`).
    ///
    /// The words of the three lists are already in NFKD form (a unit test checks every
    /// word), so the sentence is used as is.
    pub fn to_seed(&self, passphrase: &str) -> Seed {
        use unicode_normalization::UnicodeNormalization;
        let passphrase: Zeroizing<String> = Zeroizing::new(passphrase.nfkd().collect());
        Seed(Zeroizing::new(self.inner.to_seed_normalized(&passphrase)))
    }
}

fn parse_in(language: MnemonicLanguage, normalized: &str) -> Result<Mnemonic, MnemonicError> {
    bip39::Mnemonic::parse_in_normalized(language.to_bip39(), normalized)
        .map(|inner| Mnemonic { inner })
        .map_err(map_bip39_error)
}

fn parse_detect(normalized: &str) -> Result<Mnemonic, MnemonicError> {
    let candidates: Vec<Result<Mnemonic, MnemonicError>> = MnemonicLanguage::ALL
        .iter()
        .map(|l| parse_in(*l, normalized))
        .collect();
    let valid: Vec<&Mnemonic> = candidates.iter().filter_map(|r| r.as_ref().ok()).collect();
    if let Some(first) = valid.first() {
        // The seed follows the sentence, so lists that agree on it are one wallet
        // (whatever entropy each reads). The first such list is kept: its language and
        // entropy, stored in the wallet payload, rebuild this same sentence.
        let sentence = first.phrase();
        if valid.iter().all(|m| *m.phrase() == *sentence) {
            return Ok((*first).clone());
        }
        return Err(MnemonicError::AmbiguousLanguage);
    }
    // No list accepts it: report the most useful error. A checksum failure in a list that
    // knows every word beats "unknown word"; among unknown words, the furthest position
    // tells the person which word to look at.
    let errors: Vec<MnemonicError> = candidates.into_iter().filter_map(Result::err).collect();
    if errors.contains(&MnemonicError::BadChecksum) {
        return Err(MnemonicError::BadChecksum);
    }
    let furthest = errors
        .iter()
        .filter_map(|e| match e {
            MnemonicError::UnknownWord { position } => Some(*position),
            _ => None,
        })
        .max();
    match furthest {
        Some(position) => Err(MnemonicError::UnknownWord { position }),
        None => Err(errors
            .into_iter()
            .next()
            .unwrap_or(MnemonicError::BadChecksum)),
    }
}

/// Splits a phrase into normalized words. A phrase without white space made only of
/// CJK characters is split into characters.
fn split_words(phrase: &str) -> Vec<Zeroizing<String>> {
    use unicode_normalization::UnicodeNormalization;
    let normalized: Zeroizing<String> = Zeroizing::new(phrase.nfkd().collect::<String>());
    let lower = Zeroizing::new(normalized.to_lowercase());
    let words: Vec<Zeroizing<String>> = lower
        .split_whitespace()
        .map(|w| Zeroizing::new(w.to_owned()))
        .collect();
    let all_cjk = |w: &str| w.chars().all(is_cjk);
    if words.iter().all(|w| all_cjk(w)) && words.iter().any(|w| w.chars().count() > 1) {
        return words
            .iter()
            .flat_map(|w| {
                w.chars()
                    .map(|c| Zeroizing::new(c.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    words
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF)
}

/// A 64-byte BIP39 seed. Zeroized on drop; `Debug` is redacted.
pub struct Seed(Zeroizing<[u8; 64]>);

impl Seed {
    /// The seed bytes.
    pub fn as_bytes(&self) -> &[u8; 64] {
        &self.0
    }
}

impl fmt::Debug for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Seed(<redacted>)")
    }
}

#[cfg(test)]
mod tests;
