//! libFuzzer entry of the `uri` target (`jifen_fuzz_targets::uri`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::uri(data);
});
