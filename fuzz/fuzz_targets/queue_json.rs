//! The queue file: any bytes are read or refused with problems, and a queue
//! read is written back out as `inviteq queue` does, without a panic.
#![no_main]

use inviteq::import::queue_json::InvitationOut;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(queue) = inviteq::import::parse_queue_json(data) {
        for invitation in &queue.invitations {
            let _ = serde_json::to_string(&InvitationOut::from(invitation));
        }
    }
});
