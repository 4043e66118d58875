//! The saved "Manage invitations" page: any text gives cards or a problem.
#![no_main]

use libfuzzer_sys::fuzz_target;
use time::macros::datetime;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = inviteq::import::page::read(&html, datetime!(2026-11-27 12:00 UTC));
});
