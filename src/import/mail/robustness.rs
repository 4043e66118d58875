//! Nothing may panic on any input: the fixtures cut short, with bytes
//! flipped, and with headers grown huge, fed to every reader.

use super::tests::fixture;
use super::*;
use crate::import::noise::Noise;

const FIXTURES: &[&str] = &[
    "2016-please-add-me.eml",
    "2020-invitation-to-connect.eml",
    "2023-i-want-to-connect.eml",
    "2023-reminder.eml",
    "2024-silhouette.eml",
    "2025-voglio-collegarmi.eml",
    "accepted.eml",
    "job-alert.eml",
    "unrelated.eml",
    "invitations.mbox",
];

/// Every reader, on the same bytes; only that they return is checked.
fn read_everything(bytes: &[u8]) {
    let _ = sniff(bytes);
    if let Ok(mailbox) = read_eml(bytes) {
        assert_eq!(mailbox.messages, 1);
        assert!(mailbox.skipped + mailbox.sightings.len() == 1);
    }
    if let Ok(mailbox) = read_mbox(bytes) {
        assert_eq!(mailbox.skipped + mailbox.sightings.len(), mailbox.messages);
    }
    let _ = read_mbox_from(std::io::BufReader::with_capacity(7, bytes));
}

#[test]
fn fixtures_cut_short_anywhere_are_read_without_panic() {
    for name in FIXTURES {
        let bytes = fixture(name);
        let step = (bytes.len() / 150).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            read_everything(&bytes[..cut]);
        }
    }
}

#[test]
fn fixtures_with_flipped_bytes_are_read_without_panic() {
    let mut random = Noise(0x5eed_1234_abcd_ef01);
    for name in FIXTURES {
        let bytes = fixture(name);
        for _ in 0..100 {
            let mut garbled = bytes.clone();
            for _ in 0..=random.below(30) {
                let at = random.below(garbled.len());
                garbled[at] = u8::try_from(random.below(256)).unwrap_or(0);
            }
            read_everything(&garbled);
        }
    }
}

#[test]
fn pieces_moved_around_are_read_without_panic() {
    let mut random = Noise(0x0dd_ba11);
    let bytes = fixture("invitations.mbox");
    for _ in 0..60 {
        let mut garbled = bytes.clone();
        let from = random.below(garbled.len());
        let len = random.below(4000).min(garbled.len() - from);
        let piece: Vec<u8> = garbled.drain(from..from + len).collect();
        let to = random.below(garbled.len());
        garbled.splice(to..to, piece);
        read_everything(&garbled);
    }
}

#[test]
fn huge_headers_are_read_without_panic() {
    let invitation = fixture("2023-i-want-to-connect.eml");
    let long_name = "A".repeat(2_000_000);
    let variants = [
        format!("Subject: {}\n", "I want to connect ".repeat(100_000)),
        format!("From: {long_name} via LinkedIn <invitations@linkedin.com>\n"),
        format!("X-Filler: {}\n", "x\n ".repeat(200_000)),
        "X-Many: 1\n".repeat(100_000),
        format!(
            "Content-Type: multipart/mixed; boundary=\"{}\"\n",
            "b".repeat(100_000)
        ),
        format!("Date: {}\n", "Mon, 2 May 2016 ".repeat(50_000)),
    ];
    for header in variants {
        let mut bytes = header.into_bytes();
        bytes.extend_from_slice(&invitation);
        read_everything(&bytes);
        let mut mbox = b"From invitations@linkedin.com Tue Nov 14 16:20:06 2023\n".to_vec();
        mbox.extend_from_slice(&bytes);
        read_everything(&mbox);
    }
}

#[test]
fn a_garbled_maildir_is_read_without_panic() {
    let mut random = Noise(0xface_feed);
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(folder.path().join("new")).expect("new");
    // A folder inside cur/ is no message.
    std::fs::create_dir_all(folder.path().join("cur/sub")).expect("cur");
    for (index, name) in FIXTURES.iter().enumerate() {
        let mut bytes = fixture(name);
        bytes.truncate(random.below(bytes.len() + 1));
        for _ in 0..random.below(10) {
            let at = random.below(bytes.len());
            if let Some(byte) = bytes.get_mut(at) {
                *byte = b'\n';
            }
        }
        let file = folder.path().join(format!("new/{index}.M{index}P1.host"));
        std::fs::write(file, bytes).expect("write");
    }
    let mailbox = read_maildir(folder.path()).expect("a Maildir");
    assert_eq!(mailbox.messages, FIXTURES.len());
}

#[test]
fn many_links_and_photos_cost_no_more_than_a_few() {
    let card = "<a href=\"https://www.linkedin.com/comm/in/dana-whitfield-8c41b2?trk=x-hero-1\">\
                <img alt=\"Dana Whitfield\" src=\"https://media.licdn.com/p.jpg\">Dana Whitfield</a>\
                <a href=\"https://www.linkedin.com/comm/in/other?trk=x-pymk-1\">Someone Else</a><br>";
    let html = card.repeat(8_000);
    let message = format!(
        "From: Dana Whitfield <invitations@linkedin.com>\nSubject: I want to connect\n\
         Content-Type: text/html; charset=utf-8\n\n{html}"
    );
    let started = std::time::Instant::now();
    let mailbox = read_eml(message.as_bytes()).expect("an e-mail");
    assert_eq!(mailbox.sightings[0].name, "Dana Whitfield");
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
