//! Inputs no export should hold, and one far larger than most: the
//! importer answers every one without a panic.

use tempfile::TempDir;

use super::{fixture, load, zip_folder};
use inviteq::import;

/// A small deterministic generator, so that a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize, alphabet: &[u8]) -> Vec<u8> {
        (0..len)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn no_input_makes_the_importer_panic() {
    let dir = TempDir::new().unwrap();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let header = b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n";
    let csv_alphabet = b"ab ,,,\"\"\r\n\n/:AM\xe9\xff\x9b\x1bINCOMING";
    let csv = dir.path().join("Invitations.csv");
    for round in 0..300 {
        let len = (rng.next() % 400) as usize;
        let mut bytes = if round % 2 == 0 {
            header.to_vec()
        } else {
            Vec::new()
        };
        let alphabet: Vec<u8> = if round % 3 == 0 {
            (0..=255).collect()
        } else {
            csv_alphabet.to_vec()
        };
        bytes.extend(rng.bytes(len, &alphabet));
        std::fs::write(&csv, &bytes).unwrap();
        let _ = import::load(&csv);
    }

    let whole = dir.path().join("whole.zip");
    zip_folder(&fixture("export-day1"), "", &whole);
    let bytes = std::fs::read(&whole).unwrap();
    let cut = dir.path().join("cut.zip");
    for len in (0..bytes.len()).step_by(7) {
        std::fs::write(&cut, &bytes[..len]).unwrap();
        assert!(import::load(&cut).is_err(), "a zip cut at {len} bytes");
    }
    for _ in 0..50 {
        let mut damaged = bytes.clone();
        for _ in 0..8 {
            let at = (rng.next() % damaged.len() as u64) as usize;
            damaged[at] = rng.next() as u8;
        }
        std::fs::write(&cut, &damaged).unwrap();
        let _ = import::load(&cut);
    }
}

#[test]
fn a_hundred_thousand_rows_import() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("Invitations.csv");
    let mut text =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for n in 0..100_000 {
        text.push_str(&format!(
            "Person {n},Jason Example,\"{}/{}/25, {}:{:02} PM\",\"Hi Jason,\nlet's connect.\",INCOMING,https://www.linkedin.com/in/person-{n},https://www.linkedin.com/in/jason-example\n",
            n % 12 + 1,
            n % 28 + 1,
            n % 12 + 1,
            n % 60
        ));
    }
    std::fs::write(&path, text).unwrap();
    let queue = load(&path);
    assert_eq!(queue.invitations.len(), 100_000);
    assert_eq!(queue.skipped_rows, 0);
    assert_eq!(queue.invitations[99_999].id, "linkedin.com/in/person-99999");
}
