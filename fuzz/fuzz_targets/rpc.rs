//! libFuzzer entry of the `rpc` target (`jifen_fuzz_targets::rpc`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::rpc(data);
});
