//! The decision journal: any bytes replay, or are refused at a line.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decisions) = inviteq::store::journal::read_bytes(Path::new("journal.jsonl"), data) {
        let _ = decisions.in_order();
    }
});
