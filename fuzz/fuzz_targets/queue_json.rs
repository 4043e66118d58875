//! The queue file: any bytes are read or refused with problems, and a queue
//! read is written back out as `inviteq queue` does, without a panic. The
//! bytes are read twice: at once, and through a buffer of a few bytes (the
//! size hint sets it), so that the pieces of the file cross its ends
//! everywhere; both readings must agree, and what either reads is JSON.
#![no_main]

use std::io::Cursor;

use inviteq::import::queue_json::{InvitationOut, ReadError, read};
use libfuzzer_sys::fuzz_target;
use serde::de::IgnoredAny;

fuzz_target!(|data: &[u8]| {
    let whole = inviteq::import::parse_queue_json(data);
    let hint = data.first().map_or(0, |b| u64::from(b % 32));
    match (&whole, read(Cursor::new(data), hint)) {
        (Ok(queue), Ok(buffered)) => assert_eq!(queue, &buffered),
        (Err(problems), Err(ReadError::Invalid(buffered))) => assert_eq!(problems, &buffered),
        (whole, buffered) => panic!("the readings differ: {whole:?} against {buffered:?}"),
    }
    if let Ok(queue) = whole {
        let text = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
        serde_json::from_slice::<IgnoredAny>(text).expect("a queue read is JSON");
        // A number beyond f64 in a member nothing reads is JSON, and the
        // queue is read; no `Value` holds it, so that count goes unchecked.
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(text) {
            let listed = value
                .as_array()
                .or_else(|| value["invitations"].as_array())
                .map_or(0, Vec::len);
            assert!(queue.invitations.len() <= listed);
        }
        for invitation in &queue.invitations {
            let _ = serde_json::to_string(&InvitationOut::from(invitation));
        }
    }
});
