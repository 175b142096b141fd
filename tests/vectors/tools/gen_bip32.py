#!/usr/bin/env python3
"""Writes tests/vectors/bip32.json from the text of the BIP32 specification.

Not run by the tests: the JSON is committed and read by crypto/tests/vectors.rs.
Usage (from the repository root, with the packages of requirements.txt):

    python tests/vectors/tools/gen_bip32.py path/to/bip-0032.mediawiki > tests/vectors/bip32.json

The test vectors are copied from the "Test vectors" section of
bip-0032.mediawiki (bitcoin/bips). Every derivation of vectors 1 to 4 is
re-computed with the `bip32` package and with `bip-utils`; every key of
vector 5 must be refused by `bip-utils` (the `bip32` package checks less; what
it accepts is printed on stderr).
"""

import datetime
import json
import re
import sys
from importlib.metadata import version

import bip32
from bip_utils import Bip32Slip10Secp256k1

SPEC_COMMIT = "7fe0b034ec967b52a5a28276419117326df93263"


def parse(text):
    vectors, invalid = [], []
    sections = re.split(r"^===Test vector (\d+)===$", text, flags=re.M)
    # sections: [before, n1, body1, n2, body2, ...]
    for number, body in zip(sections[1::2], sections[2::2]):
        number = int(number)
        body = body.split("\n==")[0]
        if number == 5:
            for key, reason in re.findall(r"^\* (\S+) \((.+)\)$", body, flags=re.M):
                invalid.append({"key": key, "reason": reason})
            continue
        seed = re.search(r"^Seed \(hex\): ([0-9a-f]+)$", body, flags=re.M).group(1)
        chains = []
        for path, xpub, xprv in re.findall(
            r"^\* Chain (\S+)\n\*\* ext pub: (\S+)\n\*\* ext prv: (\S+)$", body, flags=re.M
        ):
            path = path.replace("<sub>H</sub>", "'")
            chains.append({"path": path, "xprv": xprv, "xpub": xpub})
        vectors.append({"vector": number, "seed": seed, "chains": chains})
    return vectors, invalid


def path_list(path):
    out = []
    for part in path.split("/")[1:]:
        out.append(int(part[:-1]) + 0x80000000 if part.endswith("'") else int(part))
    return out


def check(vectors, invalid):
    for v in vectors:
        seed = bytes.fromhex(v["seed"])
        ours = bip32.BIP32.from_seed(seed)
        theirs = Bip32Slip10Secp256k1.FromSeed(seed)
        for c in v["chains"]:
            p = path_list(c["path"])
            assert ours.get_xpriv_from_path(p) == c["xprv"], (v["vector"], c["path"])
            assert ours.get_xpub_from_path(p) == c["xpub"], (v["vector"], c["path"])
            key = theirs.DerivePath(c["path"]) if c["path"] != "m" else theirs
            assert key.PrivateKey().ToExtended() == c["xprv"], (v["vector"], c["path"])
            assert key.PublicKey().ToExtended() == c["xpub"], (v["vector"], c["path"])
    for item in invalid:
        try:
            Bip32Slip10Secp256k1.FromExtendedKey(item["key"])
        except Exception:  # noqa: BLE001 - any refusal is what we want
            pass
        else:
            raise AssertionError(f"bip-utils accepts {item['key']} ({item['reason']})")
        try:
            if item["key"][1:4] == "prv":
                bip32.BIP32.from_xpriv(item["key"])
            else:
                bip32.BIP32.from_xpub(item["key"])
        except Exception:  # noqa: BLE001
            pass
        else:
            print(f"note: bip32 {version('bip32')} accepts: {item['reason']}", file=sys.stderr)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    vectors, invalid = parse(text)
    assert [v["vector"] for v in vectors] == [1, 2, 3, 4], vectors
    assert len(invalid) == 16, invalid
    check(vectors, invalid)
    out = {
        "source": "BIP-0032 test vectors 1 to 5, bip-0032.mediawiki of bitcoin/bips "
        f"(commit {SPEC_COMMIT}); vectors 3 and 4 test the retention of leading zeros, "
        "vector 5 lists invalid extended keys with the reason given by the specification",
        "provenance": {
            "tool": "tests/vectors/tools/gen_bip32.py",
            "python": sys.version.split()[0],
            "packages": {"bip32": version("bip32"), "bip-utils": version("bip-utils")},
            "checked": "every derivation re-computed with bip32 and bip-utils; every invalid key "
            "refused by bip-utils",
            "date": datetime.date.today().isoformat(),
        },
        "vectors": vectors,
        "invalid": invalid,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
