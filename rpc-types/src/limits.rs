//! Bounds on what goes over the wire, shared by the node (its budgets) and
//! the light client (what it accepts before parsing).
//!
//! A JSON body is cheap to send and dear to parse: `[0,0,0,...]` is two
//! bytes per value on the wire and some 50 bytes per value in a
//! `serde_json::Value` tree (about 250 MB for a 14 MB body). Both sides
//! therefore count a body's JSON values with [`json_values`] (one pass, no
//! allocation) and refuse more than [`MAX_JSON_VALUES`] before parsing; no
//! request or answer of `docs/rpc.md` comes near it.

/// The most bytes the reference node puts in the answer to one request,
/// and in the whole answer to one batch (4 MiB). The largest answer of the
/// protocol is one light block of a set of 10,000 validators (about
/// 3.8 MB of hex); a `jifen_lightBlocks` range or a batch that would pass
/// the budget is answered with [`crate::ErrorCode::ResponseTooLarge`]
/// instead (ask for less).
pub const MAX_RESPONSE_BYTES: usize = 4 << 20;

/// The most JSON values (objects, arrays, strings, numbers, literals; a
/// member name counts as a string) a request or an answer may hold. The
/// largest answer, 100 light blocks, holds about 1,400; a batch of 100
/// requests about 1,500.
pub const MAX_JSON_VALUES: usize = 10_000;

/// How many JSON values (member names included) `body` holds, counting at
/// most `limit + 1` (so the scan stops early on a hostile body). Not a validator: malformed JSON is
/// counted as well as it can be and refused later by the parser.
#[must_use]
pub fn json_values(body: &[u8], limit: usize) -> usize {
    let mut count = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Inside a number or a literal (`true`, `false`, `null`): its later
    // bytes do not start a value.
    let mut in_scalar = false;
    for &byte in body {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        let starts = match byte {
            b'"' => {
                in_string = true;
                in_scalar = false;
                true
            }
            b'{' | b'[' => {
                in_scalar = false;
                true
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let starts = !in_scalar;
                in_scalar = true;
                starts
            }
            b'.' | b'+' | b'e' | b'E' | b'a'..=b'z' => false,
            _ => {
                in_scalar = false;
                false
            }
        };
        if starts {
            count += 1;
            if count > limit {
                break;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_values_not_bytes() {
        let cases: [(&str, &[u8], usize); 9] = [
            ("empty", b"", 0),
            ("a number", b"12345", 1),
            ("a negative float", b"-1.5e+3", 1),
            ("literals", b"[true,false,null]", 4),
            ("a string with brackets", br#""[{,}]""#, 1),
            ("escaped quote", br#"["a\"[b", 1]"#, 3),
            ("an object", br#"{"a": 1, "b": [2, 3]}"#, 7),
            ("nested empties", b"[[],{},[[]]]", 5),
            (
                "a response",
                br#"{"jsonrpc":"2.0","id":1,"result":{"x":"00ff"}}"#,
                9,
            ),
        ];
        for (name, body, expected) in cases {
            assert_eq!(json_values(body, usize::MAX), expected, "{name}");
        }
    }

    #[test]
    fn stops_after_the_limit() {
        let bomb = b"[0,".repeat(1_000_000);
        assert_eq!(json_values(&bomb, 10), 11);
        assert_eq!(json_values(&bomb, MAX_JSON_VALUES), MAX_JSON_VALUES + 1);
    }
}
