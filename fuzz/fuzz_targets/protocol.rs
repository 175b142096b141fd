//! libFuzzer entry of the `protocol` target (`jifen_fuzz_targets::protocol`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::protocol(data);
});
