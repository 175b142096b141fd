//! End-to-end tests of the `jifen` binary, driven the way scripts and people drive it.
//!
//! Every wallet here uses the real keystore with KDF parameters calibrated on this
//! machine, so each create/restore/unlock costs what it costs a user (~1 s).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};

mod common;
use common::{PASSWORD, assert_ok, jifen, run, run_with_input, stderr, stdout};

fn addresses(data: &Path, wallet: &str) -> Vec<String> {
    let output = run(jifen(data).args(["addresses", "--wallet", wallet, "--count", "3", "--json"]));
    assert_ok(&output);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["address"].as_str().unwrap().to_owned())
        .collect()
}

fn restore(data: &Path, name: &str, phrase: &str, extra: &[&str]) -> Output {
    run_with_input(
        jifen(data)
            .args(["restore", "--name", name])
            .args(extra)
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{phrase}\n"),
    )
}

#[test]
fn scripted_create_restore_sign_verify_and_chinese_restore() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();

    // Scripted create: no terminal, so the backup check must be skipped explicitly and
    // the mnemonic is written to stdout for the calling program.
    let refused = run(jifen(data)
        .args(["create", "--name", "shop"])
        .env("JIFEN_PASSWORD", PASSWORD));
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("backup check needs a person"),
        "{}",
        stderr(&refused)
    );

    let created = run(jifen(data)
        .args([
            "create",
            "--name",
            "shop",
            "--mnemonic-lang",
            "en",
            "--skip-backup-check",
        ])
        .env("JIFEN_PASSWORD", PASSWORD));
    assert_ok(&created);
    let phrase = stdout(&created).trim().to_owned();
    assert_eq!(phrase.split_whitespace().count(), 24);
    assert!(
        stderr(&created).contains("Wallet “shop” created."),
        "{}",
        stderr(&created)
    );
    let shop = addresses(data, "shop");
    assert!(shop.iter().all(|a| a.starts_with("jfd1")), "{shop:?}");

    // Restore the same words: same addresses.
    assert_ok(&restore(data, "again", &phrase, &[]));
    assert_eq!(addresses(data, "again"), shop);

    // The same entropy written in Chinese is another BIP39 sentence, hence
    // (as in every BIP39 wallet) another seed; typed with or without spaces
    // it is the same wallet (`docs/adr/0007-standard-bip39-seeds.md`).
    let english = Mnemonic::parse(&phrase, None).unwrap();
    for language in [
        MnemonicLanguage::ChineseSimplified,
        MnemonicLanguage::ChineseTraditional,
    ] {
        let chinese = english.in_language(language);
        let name = format!("zh-{}", language.code());
        assert_ok(&restore(
            data,
            &name,
            &chinese.phrase(),
            &["--mnemonic-lang", language.code()],
        ));
        let restored = addresses(data, &name);
        assert_ne!(restored, shop, "{language}");
        let joined: String = chinese.phrase().split_whitespace().collect();
        let unspaced = format!("{name}-unspaced");
        assert_ok(&restore(data, &unspaced, &joined, &[]));
        assert_eq!(
            addresses(data, &unspaced),
            restored,
            "{language} without spaces"
        );
    }

    // A BIP39 passphrase in JIFEN_PASSPHRASE is used (and said so), never
    // silently ignored: the same wallet as with the passphrase typed.
    let with_env = run_with_input(
        jifen(data)
            .args(["restore", "--name", "env-passphrase"])
            .env("JIFEN_PASSWORD", PASSWORD)
            .env("JIFEN_PASSPHRASE", "二十五"),
        &format!("{phrase}\n"),
    );
    assert_ok(&with_env);
    assert!(
        stderr(&with_env).contains("JIFEN_PASSPHRASE"),
        "{}",
        stderr(&with_env)
    );
    let passphrased = addresses(data, "env-passphrase");
    assert_ne!(passphrased, shop);
    let typed = run_with_input(
        jifen(data)
            .args([
                "--interactive",
                "restore",
                "--name",
                "fd-passphrase",
                "--passphrase",
            ])
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{phrase}\n二十五\n二十五\n"),
    );
    assert_ok(&typed);
    assert_eq!(addresses(data, "fd-passphrase"), passphrased);

    // A mistyped word is refused with its position.
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    words[4] = "notaword";
    let bad = restore(data, "bad", &words.join(" "), &[]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("Word 5"), "{}", stderr(&bad));

    // Sign with the first wallet, verify against its address.
    let signed = run(jifen(data)
        .args(["sign-message", "--wallet", "shop", "收到 100 POINT"])
        .env("JIFEN_PASSWORD", PASSWORD));
    assert_ok(&signed);
    let signature = stdout(&signed).trim().to_owned();
    let verified = run(jifen(data).args([
        "verify-message",
        "--address",
        &shop[0],
        "--signature",
        &signature,
        "收到 100 POINT",
    ]));
    assert_ok(&verified);
    assert!(
        stderr(&verified).contains("Valid signature"),
        "{}",
        stderr(&verified)
    );

    // Another message, or another address, fails with its own message.
    let wrong_message = run(jifen(data).args([
        "verify-message",
        "--address",
        &shop[0],
        "--signature",
        &signature,
        "收到 1000 POINT",
    ]));
    assert!(!wrong_message.status.success());
    assert!(stderr(&wrong_message).contains("does not match the message"));
    let wrong_signer = run(jifen(data).args([
        "verify-message",
        "--address",
        &shop[1],
        "--signature",
        &signature,
        "收到 100 POINT",
    ]));
    assert!(!wrong_signer.status.success());
    assert!(
        stderr(&wrong_signer).contains(&shop[0]),
        "{}",
        stderr(&wrong_signer)
    );

    // Listing shows all wallets and which are not backed up.
    let list = run(jifen(data).arg("list"));
    assert_ok(&list);
    for name in [
        "shop",
        "again",
        "zh-zh-hans",
        "zh-zh-hant",
        "env-passphrase",
    ] {
        assert!(stdout(&list).contains(name), "{}", stdout(&list));
    }
    assert!(stderr(&list).contains("not checked"), "{}", stderr(&list));
}

#[test]
fn change_password_and_translated_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let created = run(jifen(data)
        .args(["create", "--skip-backup-check", "--words", "12"])
        .env("JIFEN_PASSWORD", PASSWORD));
    assert_ok(&created);

    let changed = run(jifen(data)
        .arg("change-password")
        .env("JIFEN_PASSWORD", PASSWORD)
        .env("JIFEN_NEW_PASSWORD", "一个新的密码很长"));
    assert_ok(&changed);

    // The old password no longer works; the message is translated.
    for (lang, expected) in [
        ("en", "wrong password"),
        ("zh-CN", "密码错误"),
        ("zh-TW", "密碼錯誤"),
    ] {
        let old = run(jifen(data)
            .args(["--lang", lang, "sign-message", "hello"])
            .env("JIFEN_PASSWORD", PASSWORD));
        assert!(!old.status.success());
        assert!(
            stderr(&old).to_lowercase().contains(expected),
            "{lang}: {}",
            stderr(&old)
        );
    }
    let new = run(jifen(data)
        .args(["sign-message", "hello"])
        .env("JIFEN_PASSWORD", "一个新的密码很长"));
    assert_ok(&new);

    // Without a terminal and without a password source, nothing waits for input.
    let no_source = run(jifen(data).args(["sign-message", "hello"]));
    assert!(!no_source.status.success());
    assert!(
        stderr(&no_source).contains("JIFEN_PASSWORD"),
        "{}",
        stderr(&no_source)
    );

    // Password from a file descriptor (here: stdin, fd 0).
    let mut child = jifen(data)
        .args(["sign-message", "--password-fd", "0", "hello"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("一个新的密码很长\n".as_bytes())
        .unwrap();
    assert_ok(&child.wait_with_output().unwrap());
}

/// Reads a child's stderr in the background so the test can wait for prompts that
/// do not end in a newline.
struct Transcript {
    rx: mpsc::Receiver<u8>,
    text: Vec<u8>,
}

impl Transcript {
    fn new(mut source: impl Read + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut byte = [0u8; 1];
            while let Ok(1) = source.read(&mut byte) {
                if tx.send(byte[0]).is_err() {
                    break;
                }
            }
        });
        Transcript {
            rx,
            text: Vec::new(),
        }
    }

    /// Waits until the transcript (from `from`) contains `needle`; returns the end offset.
    fn wait_for(&mut self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text =
                String::from_utf8_lossy(&self.text[from.min(self.text.len())..]).into_owned();
            if let Some(at) = text.find(needle) {
                return from + at + needle.len();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(byte) => self.text.push(byte),
                Err(_) => panic!("timed out waiting for {needle:?}; got:\n{text}"),
            }
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

fn interactive_create(data: &Path, answer_correctly: bool) -> (bool, String) {
    let mut child = jifen(data)
        .args([
            "--interactive",
            "create",
            "--name",
            "counter",
            "--words",
            "12",
        ])
        .args(["--mnemonic-lang", "zh-hans"])
        .env("JIFEN_PASSWORD", PASSWORD)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut transcript = Transcript::new(child.stderr.take().unwrap());

    // The words are shown numbered: "   1. 的   2. 一 ...".
    let shown_at = transcript.wait_for("Press Enter", 0);
    let text = transcript.text();
    let mut words = std::collections::BTreeMap::new();
    for token in text[..shown_at]
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
    {
        if let Some(n) = token[0]
            .strip_suffix('.')
            .and_then(|n| n.parse::<usize>().ok())
        {
            words.insert(n, token[1].to_owned());
        }
    }
    assert_eq!(words.len(), 12, "{text}");
    stdin.write_all(b"\n").unwrap();

    let mut from = shown_at;
    for _ in 0..3 {
        let word_at = transcript.wait_for("Word #", from);
        let prompt_end = transcript.wait_for(":", word_at);
        let number: usize = transcript.text()[..prompt_end]
            .rsplit("Word #")
            .next()
            .unwrap()
            .trim_end_matches(':')
            .parse()
            .unwrap();
        // A wrong answer differs from the asked word ("错" is a word of the
        // Chinese list too).
        let wrong = if words[&number] == "错" {
            "对"
        } else {
            "错"
        };
        let answer = if answer_correctly {
            words[&number].clone()
        } else {
            wrong.to_owned()
        };
        stdin.write_all(format!("{answer}\n").as_bytes()).unwrap();
        from = prompt_end;
        if !answer_correctly {
            // Three tries for the first word, then the wallet is not created.
            for _ in 0..2 {
                let word_at = transcript.wait_for("Word #", from);
                from = transcript.wait_for(":", word_at);
                stdin.write_all(format!("{wrong}\n").as_bytes()).unwrap();
            }
            break;
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    // The child has exited: read its output to the end (the reader thread
    // disconnects at EOF), bounded in case a grandchild holds the pipe.
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        match transcript.rx.recv_timeout(Duration::from_millis(50)) {
            Ok(byte) => transcript.text.push(byte),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    (status.success(), transcript.text())
}

#[test]
fn interactive_create_checks_three_words_of_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();

    let (ok, text) = interactive_create(data, false);
    assert!(!ok, "{text}");
    assert!(text.contains("was not created"), "{text}");
    let list = run(jifen(data).args(["list", "--json"]));
    assert_eq!(stdout(&list).trim(), "[]");

    let (ok, text) = interactive_create(data, true);
    assert!(ok, "{text}");
    assert!(text.contains("Backup checked"), "{text}");
    let list = run(jifen(data).args(["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(rows[0]["name"], "counter");
    assert_eq!(rows[0]["wallet"]["backup_verified"], true);
}
