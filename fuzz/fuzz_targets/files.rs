//! libFuzzer entry of the `files` target (`jifen_fuzz_targets::files`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    jifen_fuzz_targets::files(data);
});
