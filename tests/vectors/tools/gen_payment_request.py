#!/usr/bin/env python3
"""Writes tests/vectors/payment_request.json (docs/payment-request.md).

Not run by the tests: the JSON is committed and read by
protocol/tests/payment_request_vectors.rs. Standard library only. Usage, from
the repository root:

    python3 tests/vectors/tools/gen_payment_request.py > tests/vectors/payment_request.json

Every expectation below is written by hand from the spec, not taken from the
Rust implementation. The only computed values are addresses: the bech32m
encoding (BIP 350) of the key-1 address bytes of tests/vectors/protocol.json,
and variants of it (a bech32 checksum, a wrong checksum), with the reference
algorithm of BIP 173/350 written out here.
"""

import json
import sys

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32, BECH32M = 1, 0x2BC830A3
KEY1 = bytes.fromhex("4aa742ca4c04501864677500ad2a9402c9df045b")
KEY2 = bytes.fromhex("96cffa5ae2b91a64e657adb6b29c130a60e6c342")


def polymod(values):
    generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= generator[i] if ((top >> i) & 1) else 0
    return chk


def hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def to_5bit(data):
    acc, bits, out = 0, 0, []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append((acc >> bits) & 31)
    if bits:
        out.append((acc << (5 - bits)) & 31)
    return out


def encode(hrp, data, const=BECH32M):
    values = to_5bit(data)
    polymod_value = polymod(hrp_expand(hrp) + values + [0] * 6) ^ const
    checksum = [(polymod_value >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[d] for d in values + checksum)


MAIN = encode("jf", KEY1)
TEST = encode("jft", KEY1)
DEV = encode("jfd", KEY2)
assert MAIN == "jf1f2n59jjvq3gpser8w5q26255qtya7pzmdvrunp", MAIN
assert DEV == "jfd1jm8l5khzhydxfejh4kmt98qnpfswds6z0lrcl9", DEV
OLD_CHECKSUM = encode("jf", KEY1, BECH32)
BAD_CHECKSUM = MAIN[:-1] + ("q" if MAIN[-1] != "q" else "p")
SHORT = encode("jf", KEY1[:19])
BASE = f"jifen:{MAIN}?chain=jifen-mainnet&asset=POINT"


def req(
    recipient, network, chain, asset, amount=None, memo=None, label=None, expires=None
):
    return {
        "recipient": recipient,
        "network": network,
        "chain": chain,
        "asset": asset,
        "amount": amount,
        "memo": memo,
        "label": label,
        "expires": expires,
    }


def valid():
    point = lambda **kw: req(MAIN, "mainnet", "jifen-mainnet", "POINT", **kw)
    full = (
        f"jifen:{MAIN}?chain=jifen-mainnet&asset=POINT&amount=12.5&memo=A-1042"
        "&label=%E8%8C%B6%E9%A6%86&expires=1767225600"
    )
    full_request = point(amount="12.5", memo="A-1042", label="茶馆", expires=1767225600)
    return [
        ("minimal: no amount, the payer enters it", BASE, BASE, point()),
        ("every parameter", full, full, full_request),
        (
            "QR form: upper-case scheme and address",
            "JIFEN:" + MAIN.upper() + full[len("jifen:" + MAIN):],
            full,
            full_request,
        ),
        ("scheme in mixed case", "Jifen:" + BASE[len("jifen:"):], BASE, point()),
        (
            "trailing zeros of the amount are dropped",
            BASE + "&amount=12.50",
            BASE + "&amount=12.5",
            point(amount="12.5"),
        ),
        (
            "an integral amount with a zero fraction",
            BASE + "&amount=100.000",
            BASE + "&amount=100",
            point(amount="100"),
        ),
        (
            "the smallest POINT amount",
            BASE + "&amount=0.000001",
            BASE + "&amount=0.000001",
            point(amount="0.000001"),
        ),
        (
            "parameters in another order",
            f"jifen:{MAIN}?expires=1767225600&label=%E8%8C%B6%E9%A6%86&memo=A-1042"
            "&amount=12.5&asset=POINT&chain=jifen-mainnet",
            full,
            full_request,
        ),
        (
            "lower-case hex escapes become upper case",
            BASE + "&label=%e8%8c%b6%e9%a6%86",
            BASE + "&label=%E8%8C%B6%E9%A6%86",
            point(label="茶馆"),
        ),
        (
            "'+' is a plus sign, not a space",
            BASE + "&memo=a+b",
            BASE + "&memo=a%2Bb",
            point(memo="a+b"),
        ),
        (
            "a space is %20",
            BASE + "&label=Tea%20House",
            BASE + "&label=Tea%20House",
            point(label="Tea House"),
        ),
        (
            "raw sub-delimiters, '/', '?', ':' and '@' in a memo",
            BASE + "&memo=order/1?x:y@z!$'()*,;",
            BASE + "&memo=order%2F1%3Fx%3Ay%40z%21%24%27%28%29%2A%2C%3B",
            point(memo="order/1?x:y@z!$'()*,;"),
        ),
        (
            "unknown parameters without req- are ignored, even if not UTF-8",
            BASE + "&foo=bar&x-y=%FF&message=hi&amount=1",
            BASE + "&amount=1",
            point(amount="1"),
        ),
        (
            "merchant points with 18 decimals",
            f"jifen:{MAIN}?chain=jifen-mainnet&asset=M7&amount=0.000000000000000001",
            f"jifen:{MAIN}?chain=jifen-mainnet&asset=M7&amount=0.000000000000000001",
            req(MAIN, "mainnet", "jifen-mainnet", "M7", amount="0.000000000000000001"),
        ),
        (
            "the largest amount (u128::MAX significant digits)",
            f"jifen:{MAIN}?chain=jifen-mainnet&asset=M4294967295"
            "&amount=340282366920938463463374607431768211455",
            f"jifen:{MAIN}?chain=jifen-mainnet&asset=M4294967295"
            "&amount=340282366920938463463374607431768211455",
            req(
                MAIN,
                "mainnet",
                "jifen-mainnet",
                "M4294967295",
                amount="340282366920938463463374607431768211455",
            ),
        ),
        (
            "a devnet request",
            f"jifen:{DEV}?chain=jifen-devnet&asset=M3&amount=250&memo=%E8%AE%A2%E5%8D%95-7",
            f"jifen:{DEV}?chain=jifen-devnet&asset=M3&amount=250&memo=%E8%AE%A2%E5%8D%95-7",
            req(DEV, "devnet", "jifen-devnet", "M3", amount="250", memo="订单-7"),
        ),
        (
            "a memo of exactly 128 bytes",
            BASE + "&memo=" + "x" * 128,
            BASE + "&memo=" + "x" * 128,
            point(memo="x" * 128),
        ),
        (
            "the largest expiry",
            BASE + "&expires=18446744073709551615",
            BASE + "&expires=18446744073709551615",
            point(expires=18446744073709551615),
        ),
    ]


def invalid():
    long_uri = BASE + "&memo=x&foo=" + "y" * (2049 - len(BASE + "&memo=x&foo="))
    assert len(long_uri) == 2049
    cases = [
        ("longer than 2048 bytes", long_uri, "payment-request-too-long", None),
        ("another scheme", "bitcoin:" + MAIN, "payment-request-wrong-scheme", None),
        ("a bare address", MAIN, "payment-request-wrong-scheme", None),
        ("an empty text", "", "payment-request-wrong-scheme", None),
        ("a raw space", BASE + "&memo=a b", "payment-request-invalid-character", None),
        ("raw non-ASCII", BASE + "&label=茶馆", "payment-request-invalid-character", None),
        ("a fragment", BASE + "#top", "payment-request-invalid-character", None),
        ("a trailing line break", BASE + "\n", "payment-request-invalid-character", None),
        ("a leading space", " " + BASE, "payment-request-wrong-scheme", None),
        ("'%' without hex digits", BASE + "&memo=%zz", "payment-request-bad-percent-encoding", None),
        ("a truncated escape", BASE + "&memo=%E8%8C%B", "payment-request-bad-percent-encoding", None),
        ("'%' at the end", BASE + "&memo=50%", "payment-request-bad-percent-encoding", None),
        ("no recipient", "jifen:?chain=jifen-mainnet&asset=POINT", "payment-request-missing-recipient", None),
        ("an authority", f"jifen://{MAIN}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-unknown-prefix"),
        ("a wrong checksum", f"jifen:{BAD_CHECKSUM}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-bad-checksum"),
        ("a bech32 (not bech32m) checksum", f"jifen:{OLD_CHECKSUM}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-not-bech32m"),
        ("an address in mixed case", f"jifen:{MAIN[:10].upper()}{MAIN[10:]}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-mixed-case"),
        ("a 19-byte address", f"jifen:{SHORT}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-wrong-length"),
        ("a bitcoin address", "jifen:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-unknown-prefix"),
        ("a percent-encoded address", f"jifen:{MAIN[:-1]}%{ord(MAIN[-1]):02X}?chain=jifen-mainnet&asset=POINT", "payment-request-bad-address", "address-invalid-character"),
        ("no query", f"jifen:{MAIN}", "payment-request-missing-parameter", None),
        ("an empty query", f"jifen:{MAIN}?", "payment-request-malformed-parameter", None),
        ("an empty parameter", BASE + "&&amount=1", "payment-request-malformed-parameter", None),
        ("a trailing '&'", BASE + "&", "payment-request-malformed-parameter", None),
        ("a parameter without '='", BASE + "&amount", "payment-request-malformed-parameter", None),
        ("an upper-case parameter name", BASE + "&AMOUNT=5", "payment-request-malformed-parameter", None),
        ("a whole request in upper case", BASE.upper(), "payment-request-malformed-parameter", None),
        ("a raw '=' in a value", BASE + "&memo=a=b", "payment-request-malformed-parameter", None),
        ("a duplicate amount", BASE + "&amount=1&amount=2", "payment-request-duplicate-parameter", None),
        ("a duplicate chain", BASE + "&chain=jifen-mainnet", "payment-request-duplicate-parameter", None),
        ("an unknown required parameter", BASE + "&req-sig=00", "payment-request-unknown-required-parameter", None),
        ("req- on a known parameter", BASE + "&req-amount=5", "payment-request-unknown-required-parameter", None),
        ("no chain", f"jifen:{MAIN}?asset=POINT", "payment-request-missing-parameter", None),
        ("no asset", f"jifen:{MAIN}?chain=jifen-mainnet", "payment-request-missing-parameter", None),
        ("an empty memo", BASE + "&memo=", "payment-request-empty-value", None),
        ("an empty amount", BASE + "&amount=", "payment-request-empty-value", None),
        ("a chain id in upper case", f"jifen:{MAIN}?chain=JIFEN&asset=POINT", "payment-request-bad-chain-id", "chain-id-invalid-character"),
        ("a chain id of 33 bytes", f"jifen:{MAIN}?chain={'a' * 33}&asset=POINT", "payment-request-bad-chain-id", "chain-id-too-long"),
        ("asset in lower case", f"jifen:{MAIN}?chain=jifen-mainnet&asset=point", "payment-request-unknown-asset", None),
        ("merchant 0", f"jifen:{MAIN}?chain=jifen-mainnet&asset=M0", "payment-request-unknown-asset", None),
        ("another chain's coin", f"jifen:{MAIN}?chain=jifen-mainnet&asset=BTC", "payment-request-unknown-asset", None),
        ("a negative amount", BASE + "&amount=-1", "decimal-amount-negative", None),
        ("a '+' sign", BASE + "&amount=+1", "decimal-amount-plus-sign", None),
        ("an encoded space", BASE + "&amount=%201", "decimal-amount-whitespace", None),
        ("an exponent", BASE + "&amount=1e6", "decimal-amount-exponent", None),
        ("a zero amount", BASE + "&amount=0", "decimal-amount-zero", None),
        ("a zero amount with decimals", BASE + "&amount=0.00", "decimal-amount-zero", None),
        ("no digit before the point", BASE + "&amount=.5", "decimal-amount-malformed", None),
        ("no digit after the point", BASE + "&amount=5.", "decimal-amount-malformed", None),
        ("a leading zero", BASE + "&amount=012", "decimal-amount-malformed", None),
        ("a thousands separator", BASE + "&amount=1,000", "decimal-amount-malformed", None),
        ("two points", BASE + "&amount=1.2.3", "decimal-amount-malformed", None),
        ("a comma as decimal point", BASE + "&amount=12,5", "decimal-amount-malformed", None),
        ("7 decimals of POINT", BASE + "&amount=1.0000001", "decimal-amount-too-many-decimals", None),
        ("19 decimals of merchant points", f"jifen:{MAIN}?chain=jifen-mainnet&asset=M7&amount=0.0000000000000000001", "decimal-amount-too-many-decimals", None),
        ("more than a u128", BASE + "&amount=340282366920938463463374607431768211456", "decimal-amount-overflow", None),
        ("a memo that is not UTF-8", BASE + "&memo=%FF", "payment-request-text-not-utf8", None),
        ("an invalid UTF-8 sequence", BASE + "&memo=%C3%28", "payment-request-text-not-utf8", None),
        ("a memo of 129 bytes", BASE + "&memo=" + "x" * 129, "payment-request-text-too-long", None),
        ("a label of 65 bytes (21 CJK characters and 2 letters)", BASE + "&label=" + "%E8%8C%B6" * 21 + "xx", "payment-request-text-too-long", None),
        ("a line break in a memo", BASE + "&memo=a%0Ab", "payment-request-text-control-character", None),
        ("a NUL in a label", BASE + "&label=a%00", "payment-request-text-control-character", None),
        ("a right-to-left override in a label", BASE + "&label=%E2%80%AEabc", "payment-request-text-control-character", None),
        ("expiry 0", BASE + "&expires=0", "payment-request-bad-expiry", None),
        ("expiry with a leading zero", BASE + "&expires=01767225600", "payment-request-bad-expiry", None),
        ("expiry with a fraction", BASE + "&expires=1767225600.5", "payment-request-bad-expiry", None),
        ("expiry beyond u64", BASE + "&expires=18446744073709551616", "payment-request-bad-expiry", None),
        ("a negative expiry", BASE + "&expires=-1", "payment-request-bad-expiry", None),
    ]
    out = []
    for name, uri, error, cause in cases:
        vector = {"name": name, "uri": uri, "error": error}
        if cause:
            vector["cause"] = cause
        out.append(vector)
    return out


def checks():
    expiring = BASE + "&expires=1767225600"
    on_testnet = f"jifen:{MAIN}?chain=jifen-testnet&asset=POINT"
    return [
        ("the wallet's chain, before expiry", expiring, "jifen-mainnet", "mainnet", 1767225599, None),
        ("the second of expiry", expiring, "jifen-mainnet", "mainnet", 1767225600, "payment-request-expired"),
        ("another chain", expiring, "jifen-devnet", "mainnet", 0, "payment-request-wrong-chain"),
        ("a mainnet address for a testnet chain", on_testnet, "jifen-testnet", "testnet", 0, "payment-request-wrong-network"),
        ("no expiry never expires", BASE, "jifen-mainnet", "mainnet", 18446744073709551615, None),
    ]


def conversions():
    base = f"jifen:{MAIN}?chain=jifen-mainnet&asset=M7&amount="
    return [
        ("12.5 with 2 decimals", base + "12.5", 2, "1250", None),
        ("12.5 with 0 decimals would round", base + "12.5", 0, None, "decimal-amount-too-many-decimals"),
        ("12 with 0 decimals", base + "12", 0, "12", None),
        ("0.000001 POINT", BASE + "&amount=0.000001", 6, "1", None),
        ("u128::MAX with 1 decimal", base + "340282366920938463463374607431768211455", 1, None, "decimal-amount-overflow"),
        ("no amount", BASE, 6, None, None),
    ]


def main():
    document = {
        "description": "Payment request (jifen: URI) test vectors; see docs/payment-request.md. "
        "Generated by tests/vectors/tools/gen_payment_request.py.",
        "valid": [
            {"name": n, "uri": u, "canonical": c, "request": r} for n, u, c, r in valid()
        ],
        "invalid": invalid(),
        "checks": [
            {"name": n, "uri": u, "chain": c, "network": w, "now": t, "error": e}
            for n, u, c, w, t, e in checks()
        ],
        "conversions": [
            {"name": n, "uri": u, "decimals": d, "base_units": b, "error": e}
            for n, u, d, b, e in conversions()
        ],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
