//! LinkedIn's invitation e-mails: the same bytes read as one message and as
//! an mbox, each giving sightings or a problem.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = inviteq::import::mail::read_eml(data);
    let _ = inviteq::import::mail::read_mbox(data);
});
