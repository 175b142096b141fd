//! Unit tests of `mnemonic`: seeds, normalization, the word lists, detection.

use super::*;

const ABANDON: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

#[test]
fn english_round_trip_and_seed_is_bip39() {
    let m = Mnemonic::parse(ABANDON, None).unwrap();
    assert_eq!(m.language(), MnemonicLanguage::English);
    assert_eq!(*m.entropy(), vec![0u8; 16]);
    // BIP39 vector 1 seed with passphrase TREZOR.
    assert_eq!(
        hex::encode(m.to_seed("TREZOR").as_bytes()),
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"
    );
}

#[test]
fn the_seed_follows_the_sentence_not_the_entropy() {
    let en = Mnemonic::parse(ABANDON, None).unwrap();
    for lang in [
        MnemonicLanguage::ChineseSimplified,
        MnemonicLanguage::ChineseTraditional,
    ] {
        let zh = en.in_language(lang);
        assert_eq!(*zh.entropy(), *en.entropy());
        let reparsed = Mnemonic::parse(&zh.phrase(), Some(lang)).unwrap();
        assert_eq!(reparsed.to_seed("x").as_bytes(), zh.to_seed("x").as_bytes());
        assert_ne!(zh.to_seed("x").as_bytes(), en.to_seed("x").as_bytes());
    }
}

#[test]
fn the_passphrase_is_nfkd_normalized() {
    let m = Mnemonic::parse(ABANDON, None).unwrap();
    // Precomposed é and full-width Ａ against their NFKD forms.
    assert_eq!(
        m.to_seed("caf\u{e9} \u{ff21}").as_bytes(),
        m.to_seed("cafe\u{301} A").as_bytes()
    );
    assert_ne!(
        m.to_seed("caf\u{e9}").as_bytes(),
        m.to_seed("cafe").as_bytes()
    );
}

#[test]
fn every_word_is_already_nfkd() {
    use unicode_normalization::UnicodeNormalization;
    for lang in MnemonicLanguage::ALL {
        for word in lang.to_bip39().word_list() {
            assert_eq!(word.nfkd().collect::<String>(), *word, "{lang}");
        }
    }
}

#[test]
fn a_character_in_both_chinese_lists_has_the_same_index_in_both() {
    let simplified = bip39::Language::SimplifiedChinese.word_list();
    let traditional = bip39::Language::TraditionalChinese.word_list();
    let mut shared = 0;
    for (index, word) in simplified.iter().enumerate() {
        if let Some(other) = traditional.iter().position(|w| w == word) {
            assert_eq!(other, index, "{word}");
            shared += 1;
        }
    }
    assert_eq!(shared, 1275);
}

/// Ways a person may type a Chinese phrase.
fn typings(words: &[&str]) -> Vec<String> {
    vec![
        words.join(" "),
        words.concat(),
        words.join("\u{3000}"),
        format!(" {}\n", words.join("\t")),
        format!("{} {}", words[..5].concat(), words[5..].join("  ")),
    ]
}

#[test]
fn the_stored_language_rebuilds_the_typed_sentence() {
    use sha2::{Digest, Sha256};
    let in_both_lists = |w: &&str| {
        bip39::Language::SimplifiedChinese.find_word(w).is_some()
            && bip39::Language::TraditionalChinese.find_word(w).is_some()
    };
    let mut all_shared = 0;
    for counter in 0u32..4000 {
        let digest = Sha256::digest(counter.to_be_bytes());
        let len = if counter % 4 == 0 { 32 } else { 16 };
        for lang in MnemonicLanguage::ALL {
            let written = Mnemonic::from_entropy(lang, &digest[..len]).unwrap();
            let words: Vec<&str> = written.words().collect();
            let in_both = lang != MnemonicLanguage::English && words.iter().all(in_both_lists);
            // The first entropies, and every phrase that both Chinese lists accept
            // (the case where detection could pick the other list).
            if counter >= 20 && !in_both {
                continue;
            }
            let forms = if lang == MnemonicLanguage::English {
                vec![words.join(" "), words.join("\n").to_uppercase()]
            } else {
                typings(&words)
            };
            for typed in &forms {
                let parsed = Mnemonic::parse(typed, None).unwrap();
                assert_eq!(*parsed.phrase(), *written.phrase(), "{typed}");
                // What the wallet payload keeps: language byte and entropy.
                let rebuilt = Mnemonic::from_entropy(parsed.language(), &parsed.entropy()).unwrap();
                assert_eq!(*rebuilt.phrase(), *written.phrase(), "{typed}");
                if in_both {
                    // Detection keeps the simplified list: the same sentence.
                    assert_eq!(parsed.language(), MnemonicLanguage::ChineseSimplified);
                    assert_eq!(*parsed.entropy(), *written.entropy());
                }
            }
            let last = forms.last().unwrap();
            let parsed = Mnemonic::parse(last, None).unwrap();
            assert_eq!(
                parsed.to_seed("").as_bytes(),
                written.to_seed("").as_bytes()
            );
            all_shared += usize::from(in_both);
        }
    }
    // About 0.3% of 12-word Chinese phrases use only characters of both lists.
    assert!(all_shared >= 3, "{all_shared}");
}

#[test]
fn chinese_without_spaces_is_accepted() {
    let entropy = [7u8; 16];
    let zh = Mnemonic::from_entropy(MnemonicLanguage::ChineseSimplified, &entropy).unwrap();
    let squashed: String = zh.words().collect();
    let parsed = Mnemonic::parse(&squashed, None).unwrap();
    assert_eq!(*parsed.entropy(), entropy.to_vec());
}

#[test]
fn named_errors() {
    let cases: &[(&str, MnemonicError)] = &[
        ("abandon abandon", MnemonicError::WordCount { got: 2 }),
        (
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon zzzz",
            MnemonicError::UnknownWord { position: 12 },
        ),
        (
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
            MnemonicError::BadChecksum,
        ),
    ];
    for (phrase, expected) in cases {
        assert_eq!(
            Mnemonic::parse(phrase, None).unwrap_err(),
            *expected,
            "{phrase}"
        );
    }
}

#[test]
fn debug_is_redacted() {
    let m = Mnemonic::parse(ABANDON, None).unwrap();
    let shown = format!("{m:?}");
    assert!(!shown.contains("abandon"), "{shown}");
    let seed = m.to_seed("");
    assert_eq!(format!("{seed:?}"), "Seed(<redacted>)");
}

#[test]
fn generated_mnemonics_have_requested_shape() {
    for lang in MnemonicLanguage::ALL {
        for count in [WordCount::Twelve, WordCount::TwentyFour] {
            let m = Mnemonic::generate(lang, count).unwrap();
            assert_eq!(m.word_count(), count.words());
            assert_eq!(m.language(), lang);
        }
    }
}
