//! LinkedIn's `Invitations.csv`: any bytes, in any encoding, are read with
//! warnings or refused, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = inviteq::import::linkedin::read_invitations_csv(data.to_vec());
});
