//! libFuzzer entry of the `qr` target (`jifen_fuzz_targets::qr`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::qr(data);
});
