//! libFuzzer entry of the `p2p` target (`jifen_fuzz_targets::p2p`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::p2p(data);
});
