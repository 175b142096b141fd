#!/usr/bin/env python3
"""Generates tests/vectors/bip39-chinese.json from independent implementations.

Not run by the tests: the JSON it writes is committed and read by
crypto/tests/bip39_chinese.rs. To regenerate (from the repository root):

    python3 -m venv /tmp/bip39-venv
    /tmp/bip39-venv/bin/pip install -r tests/vectors/tools/requirements.txt
    /tmp/bip39-venv/bin/python tests/vectors/tools/gen_bip39_chinese.py > tests/vectors/bip39-chinese.json

Mnemonics and seeds come from trezor's python-mnemonic (the BIP39 reference
implementation: PBKDF2-HMAC-SHA512, 2048 rounds, password = NFKD of the
sentence in its own word list with words joined by one U+0020 space, salt =
"mnemonic" + NFKD(passphrase)). Keys come from the `bip32` package and are
cross-checked against `bip-utils`, which also re-derives every seed.
The entropy of each case is fixed (SHA-256 of a label) so a rerun gives the
same file apart from the date.
"""

import datetime
import hashlib
import json
import sys
import unicodedata
from importlib.metadata import version

import bip32
from bip_utils import Bip32Slip10Secp256k1, Bip39Languages, Bip39SeedGenerator
from mnemonic import Mnemonic

COIN_TYPE = 19014  # docs/adr/0001-name-networks-coin-type.md, crypto/src/hd.rs
ACCOUNT_PATH = f"m/44'/{COIN_TYPE}'/0'"
ADDRESS_PATHS = [f"{ACCOUNT_PATH}/0/0", f"{ACCOUNT_PATH}/0/1"]

LISTS = {
    "zh-hans": ("chinese_simplified", Bip39Languages.CHINESE_SIMPLIFIED),
    "zh-hant": ("chinese_traditional", Bip39Languages.CHINESE_TRADITIONAL),
}

# (label, language, entropy bytes, passphrase). Passphrases cover none, ASCII, and
# non-ASCII text whose NFKD form differs from what is typed (precomposed é, a
# full-width letter, an ideographic space).
CASES = [
    ("zh-hans-12-none", "zh-hans", 16, ""),
    ("zh-hans-12-ascii", "zh-hans", 16, "TREZOR"),
    ("zh-hans-24-none", "zh-hans", 32, ""),
    ("zh-hans-24-chinese", "zh-hans", 32, "积分钱包"),
    ("zh-hant-12-none", "zh-hant", 16, ""),
    ("zh-hant-12-nfkd", "zh-hant", 16, "caf\u00e9 \uff21\u3000積分"),
    ("zh-hant-24-ascii", "zh-hant", 32, "TREZOR"),
    ("zh-hant-24-chinese", "zh-hant", 32, "積分錢包"),
    # Every word of these two is in both Chinese lists (zero entropy): one sentence,
    # so one seed, whichever list it is read with.
    ("zh-hans-12-zero-entropy", "zh-hans", 16, ""),
    ("zh-hant-12-zero-entropy", "zh-hant", 16, ""),
]


def entropy_for(label, length):
    if "zero-entropy" in label:
        return bytes(length)
    return hashlib.sha256(f"jifen bip39-chinese {label}".encode()).digest()[:length]


def path_list(path):
    out = []
    for part in path.split("/")[1:]:
        hardened = part.endswith("'")
        index = int(part.rstrip("'"))
        out.append(index + 0x80000000 if hardened else index)
    return out


def bip_utils_path(path):
    return path.replace("'", "h")


def case(label, language, entropy_len, passphrase):
    list_name, bu_lang = LISTS[language]
    entropy = entropy_for(label, entropy_len)
    m = Mnemonic(list_name)
    sentence = m.to_mnemonic(entropy)
    assert m.check(sentence), label
    words = sentence.split(" ")
    assert len(words) == entropy_len * 3 // 4, label
    seed = Mnemonic.to_seed(sentence, passphrase)

    # Cross-check the seed with bip-utils.
    assert Bip39SeedGenerator(sentence, bu_lang).Generate(passphrase) == seed, label

    main = bip32.BIP32.from_seed(seed, network="main")
    test = bip32.BIP32.from_seed(seed, network="test")
    bu = Bip32Slip10Secp256k1.FromSeed(seed)
    account_xpub = main.get_xpub_from_path(path_list(ACCOUNT_PATH))
    account_tpub = test.get_xpub_from_path(path_list(ACCOUNT_PATH))
    assert bu.DerivePath(bip_utils_path(ACCOUNT_PATH)).PublicKey().ToExtended() == account_xpub

    keys = []
    for path in ADDRESS_PATHS:
        private = main.get_privkey_from_path(path_list(path))
        public = main.get_pubkey_from_path(path_list(path))
        other = bu.DerivePath(bip_utils_path(path))
        assert other.PrivateKey().Raw().ToBytes() == private, path
        assert other.PublicKey().RawCompressed().ToBytes() == public, path
        keys.append({"path": path, "private_key": private.hex(), "public_key": public.hex()})

    return {
        "label": label,
        "language": language,
        "entropy": entropy.hex(),
        "mnemonic": sentence,
        "passphrase": passphrase,
        "passphrase_nfkd_hex": unicodedata.normalize("NFKD", passphrase).encode().hex(),
        "seed": seed.hex(),
        "master_fingerprint": main.get_fingerprint().hex(),
        "account_path": ACCOUNT_PATH,
        "account_xpub": account_xpub,
        "account_tpub": account_tpub,
        "keys": keys,
    }


def main():
    cases = [case(*c) for c in CASES]
    zero = [c for c in cases if "zero-entropy" in c["label"]]
    # The zero-entropy sentence is the same in both lists, hence the same seed.
    assert zero[0]["mnemonic"] == zero[1]["mnemonic"] and zero[0]["seed"] == zero[1]["seed"]
    out = {
        "description": "BIP39 simplified and traditional Chinese mnemonics with their standard "
        "BIP39 seeds and BIP44 keys at the Jifen path (coin type 19014). Generated by "
        "tests/vectors/tools/gen_bip39_chinese.py; checked by crypto/tests/bip39_chinese.rs.",
        "provenance": {
            "tool": "tests/vectors/tools/gen_bip39_chinese.py",
            "python": sys.version.split()[0],
            "packages": {
                "mnemonic": version("mnemonic"),
                "bip32": version("bip32"),
                "bip-utils": version("bip-utils"),
                "coincurve": version("coincurve"),
            },
            "seed_from": "mnemonic (trezor python-mnemonic) Mnemonic.to_seed",
            "keys_from": "bip32 BIP32.from_seed, cross-checked with bip-utils Bip32Slip10Secp256k1",
            "date": datetime.date.today().isoformat(),
        },
        "coin_type": COIN_TYPE,
        "vectors": cases,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
