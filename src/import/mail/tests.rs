//! The fixtures of `tests/fixtures/mail`: invented people in e-mails of
//! every era, alone (`.eml`), in one mbox and in a Maildir.

use std::path::{Path, PathBuf};

use mail_parser::{MessageParser, PartType};
use time::macros::datetime;

use super::body::{Body, ProfileKey};
use super::*;
use crate::import::sighting::{Note, Sent};
use crate::model::{Kind, Photo};

const DANA_HEADLINE: &str = "Senior Talent Partner | Hiring engineers across EMEA | \
                             Ex-Contoso, Ex-Fabrikam | Speaker on remote hiring and…";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail")
}

pub(super) fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every fixture with what it must give, in the mbox's order.
fn expected() -> Vec<(&'static str, Option<Sighting>)> {
    vec![
        ("2016-please-add-me.eml", Some(marta())),
        ("2020-invitation-to-connect.eml", Some(tobias())),
        ("2023-i-want-to-connect.eml", Some(dana(false))),
        ("2023-reminder.eml", Some(dana(true))),
        ("job-alert.eml", None),
        ("unrelated.eml", None),
        ("accepted.eml", None),
        ("2024-silhouette.eml", Some(ilse())),
        ("2025-voglio-collegarmi.eml", Some(niccolo())),
    ]
}

fn sent(at: time::OffsetDateTime) -> Option<Sent> {
    Some(Sent {
        at,
        approximate: false,
    })
}

fn person(name: &str) -> Sighting {
    Sighting::new(Kind::Person, name, "message 1")
}

fn marta() -> Sighting {
    Sighting {
        // The 2016 address is `/comm/profile/view?id=…`: no slug to give.
        url: None,
        headline: Some("Managing Director at Quillfeather & Daughters".into()),
        // Only the HTML part tells the location.
        location: Some("Leeds, United Kingdom".into()),
        photo: Photo::Person,
        sent: sent(datetime!(2016-05-02 19:34:46 UTC)),
        note: Some(Note {
            text: "I'd like to join your LinkedIn network.".into(),
            cut: false,
        }),
        ..person("Marta Quillfeather")
    }
}

fn tobias() -> Sighting {
    Sighting {
        url: Some("https://www.linkedin.com/in/tobias-rennholm-3b2a91".into()),
        headline: Some("Logistics Planner at Borealis Freight".into()),
        location: Some("Gothenburg, Västra Götaland County, Sweden".into()),
        photo: Photo::Person,
        sent: sent(datetime!(2020-10-15 08:03:11 -07:00)),
        note: Some(Note {
            text: "Hi Jason, we spoke after your talk at the Gothenburg logistics meetup. \
                   I'd be glad to stay in touch."
                .into(),
            cut: false,
        }),
        ..person("Tobias Rennholm")
    }
}

fn dana(reminder: bool) -> Sighting {
    Sighting {
        url: Some("https://www.linkedin.com/in/dana-whitfield-8c41b2".into()),
        headline: Some(DANA_HEADLINE.into()),
        location: Some("London, England, United Kingdom".into()),
        // The reminder is plain text only: no photo to see.
        photo: if reminder {
            Photo::Unknown
        } else {
            Photo::Person
        },
        mutual_connections: Some(12),
        sent: sent(if reminder {
            datetime!(2023-11-21 16:20:09 UTC)
        } else {
            datetime!(2023-11-14 16:20:05 UTC)
        }),
        reminder,
        ..person("Dana Whitfield")
    }
}

fn ilse() -> Sighting {
    Sighting {
        url: Some("https://www.linkedin.com/in/ilse-vandermolen-b7c9d0".into()),
        headline: Some("Student at Hogeschool Rotterdam".into()),
        location: Some("Rotterdam, South Holland, Netherlands".into()),
        photo: Photo::None,
        mutual_connections: Some(1),
        sent: sent(datetime!(2024-02-09 07:30:00 -05:00)),
        ..person("Ilse Vandermolen")
    }
}

fn niccolo() -> Sighting {
    Sighting {
        url: Some("https://www.linkedin.com/in/niccolo-bellandi-5f3e21".into()),
        headline: Some(
            "Responsabile commerciale presso Vinicola Terrazze d'Arno – export e distribuzione…"
                .into(),
        ),
        location: Some("Firenze, Toscana, Italia".into()),
        photo: Photo::Person,
        mutual_connections: Some(3),
        sent: sent(datetime!(2025-06-03 18:45:00 +02:00)),
        ..person("Niccolò Bellandi")
    }
}

fn at_place(mut sighting: Sighting, place: &str) -> Sighting {
    sighting.place = place.to_string();
    sighting
}

#[test]
fn every_fixture_is_read_exactly_as_an_eml() {
    for (name, want) in expected() {
        let mailbox = read_eml(&fixture(name)).unwrap_or_else(|p| panic!("{name}: {p}"));
        assert_eq!(mailbox.sightings, Vec::from_iter(want.clone()), "{name}");
        assert_eq!(mailbox.messages, 1, "{name}");
        assert_eq!(mailbox.skipped, usize::from(want.is_none()), "{name}");
        assert!(
            mailbox.warnings.is_empty(),
            "{name}: {:?}",
            mailbox.warnings
        );
    }
}

#[test]
fn the_mbox_holds_every_fixture_and_a_body_line_never_splits_it() {
    let bytes = fixture("invitations.mbox");
    assert_eq!(sniff(&bytes), Some(MailFormat::Mbox));
    let mailbox = read_mbox(&bytes).expect("an mbox");
    let want: Vec<Sighting> = expected()
        .into_iter()
        .enumerate()
        .filter_map(|(index, (_, want))| Some(at_place(want?, &format!("message {}", index + 1))))
        .collect();
    // "From the team at Acme" is left unescaped in message 6.
    assert_eq!(mailbox.messages, 9);
    assert_eq!(mailbox.skipped, 3);
    assert!(mailbox.warnings.is_empty(), "{:?}", mailbox.warnings);
    assert_eq!(mailbox.sightings, want);
}

#[test]
fn the_mbox_streams_from_a_reader() {
    let file = std::fs::File::open(fixtures().join("invitations.mbox")).expect("fixture");
    let streamed = read_mbox_from(std::io::BufReader::with_capacity(64, file)).expect("an mbox");
    let whole = read_mbox(&fixture("invitations.mbox")).expect("an mbox");
    assert_eq!(streamed.sightings, whole.sightings);
    assert_eq!((streamed.messages, streamed.skipped), (9, 3));
}

#[test]
fn the_maildir_is_read_in_file_name_order_and_tmp_is_left_alone() {
    let folder = fixtures().join("Maildir");
    assert!(is_maildir(&folder));
    assert!(!is_maildir(&fixtures()));
    let mailbox = read_maildir(&folder).expect("a Maildir");
    let want = vec![
        at_place(marta(), "1462217687.M102P3301.mx1:2,S"),
        at_place(tobias(), "1602774192.M220P4410.mx1:2,S"),
        at_place(dana(false), "1699978806.M331P5120.mx1:2,S"),
        at_place(dana(true), "1700583610.M412P5120.mx1:2,"),
        at_place(ilse(), "1707481801.M820P6001.mx1"),
        at_place(niccolo(), "1748969102.M930P7002.mx1"),
    ];
    assert_eq!(mailbox.sightings, want);
    assert_eq!((mailbox.messages, mailbox.skipped), (9, 3));
    assert!(mailbox.warnings.is_empty(), "{:?}", mailbox.warnings);
}

#[test]
fn a_folder_that_is_no_maildir_is_refused() {
    let Err(ImportError::Invalid { problems, .. }) = read_maildir(&fixtures()) else {
        panic!("read as a Maildir");
    };
    assert_eq!(
        problems[0].message,
        "not a Maildir: there is no cur/ or new/ folder in it"
    );
}

#[test]
fn a_maildir_file_that_is_not_mail_is_skipped_with_a_warning() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(folder.path().join("cur")).expect("cur");
    std::fs::write(folder.path().join("cur/1.M1P1.host:2,S"), b"\x00\x01\x02").expect("write");
    std::fs::write(folder.path().join("cur/.hidden"), b"").expect("write");
    std::fs::write(
        folder.path().join("cur/2.M1P1.host:2,S"),
        fixture("2024-silhouette.eml"),
    )
    .expect("write");
    let mailbox = read_maildir(folder.path()).expect("a Maildir");
    assert_eq!((mailbox.messages, mailbox.skipped), (2, 1));
    assert_eq!(mailbox.sightings[0].name, "Ilse Vandermolen");
    assert_eq!(mailbox.warnings.len(), 1);
    assert!(
        mailbox.warnings[0]
            .ends_with("1.M1P1.host:2,S: not a readable e-mail: no mail header could be read"),
        "{:?}",
        mailbox.warnings
    );
}

#[test]
fn an_unreadable_message_is_a_warning_not_a_failure() {
    let mut mbox = fixture("invitations.mbox");
    let garbage = b"\nFrom x Mon Nov 24 10:12:03 2026\n\x00\x01\x02\xff\xfe\n\n";
    let at = find(&mbox, b"From jobalerts").expect("the job alert");
    mbox.splice(at - 1..at, garbage.iter().copied());
    let mailbox = read_mbox(&mbox).expect("an mbox");
    assert_eq!((mailbox.messages, mailbox.skipped), (10, 4));
    assert_eq!(
        mailbox.warnings,
        ["message 5: not a readable e-mail: no mail header could be read"]
    );
    assert_eq!(mailbox.sightings.len(), 6);
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[test]
fn what_is_not_mail_is_an_error_with_a_place() {
    let empty = read_eml(b"").unwrap_err();
    assert_eq!((empty.line, empty.column), (1, 1));
    assert_eq!(empty.message, "empty: there is no e-mail in it");
    let json = read_eml(b"{\"format\": \"inviteq-queue\"}\n").unwrap_err();
    assert_eq!((json.line, json.column), (1, 1));
    assert!(json.message.starts_with("not an e-mail"), "{json}");
    let text = read_mbox(b"Dear diary,\n").unwrap_err();
    assert_eq!(
        text.to_string(),
        "1:1: not an mbox: this line is not a \"From SENDER DATE\" line opening a message"
    );
    assert_eq!(
        read_mbox(b"\n\n").unwrap_err().message,
        "empty: there is no e-mail in it"
    );
    assert_eq!(
        sniff(&fixture("2023-i-want-to-connect.eml")),
        Some(MailFormat::Eml)
    );
}

#[test]
fn an_eml_may_keep_its_mbox_separator_line() {
    let mut bytes = b"From invitations@linkedin.com Tue Nov 14 16:20:06 2023\n".to_vec();
    bytes.extend(fixture("2023-i-want-to-connect.eml"));
    assert_eq!(
        read_eml(&bytes).expect("an e-mail").sightings,
        [dana(false)]
    );
}

/// A fixture's headers changed as `edit` says.
fn edited(name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let text = String::from_utf8(fixture(name)).expect("ASCII fixtures");
    let split = text.find("\n\n").expect("headers end");
    let (head, rest) = text.split_at(split);
    (edit(head) + rest).into_bytes()
}

#[test]
fn the_name_comes_from_the_body_when_the_sender_does_not_give_it() {
    let bytes = edited("2023-i-want-to-connect.eml", |head| {
        head.replace("From: Dana Whitfield <", "From: LinkedIn <")
    });
    assert_eq!(
        read_eml(&bytes).expect("an e-mail").sightings,
        [dana(false)]
    );
    let bytes = edited("2023-reminder.eml", |head| {
        head.replace("From: \"Dana Whitfield (via LinkedIn)\" <", "From: <")
    });
    assert_eq!(read_eml(&bytes).expect("an e-mail").sightings, [dana(true)]);
}

#[test]
fn the_sender_decides_and_the_subject_only_confirms() {
    // An invitation's subject from someone else is not an invitation.
    let bytes = edited("2023-i-want-to-connect.eml", |head| {
        head.replace("<invitations@linkedin.com>", "<dana@example.org>")
    });
    assert_eq!(read_eml(&bytes).expect("an e-mail").skipped, 1);
    // messages-noreply@ sends much else than reminders.
    let bytes = edited("job-alert.eml", |head| {
        head.replace(
            "<jobalerts-noreply@linkedin.com>",
            "<messages-noreply@linkedin.com>",
        )
    });
    assert_eq!(read_eml(&bytes).expect("an e-mail").skipped, 1);
}

/// The decoded text/plain and text/html parts of a fixture.
fn parts(name: &str) -> (Option<Body>, Option<Body>) {
    let bytes = fixture(name);
    let message = MessageParser::new().parse(&bytes).expect("a message");
    let text = message.text_bodies().find_map(|part| match &part.body {
        PartType::Text(text) => Some(Body::from_text(text)),
        _ => None,
    });
    let html = message.html_bodies().find_map(|part| match &part.body {
        PartType::Html(html) => html::body(html),
        _ => None,
    });
    (text, html)
}

#[test]
fn either_part_alone_tells_the_inviter() {
    let cases = [
        ("2016-please-add-me.eml", "Marta Quillfeather", None),
        (
            "2020-invitation-to-connect.eml",
            "Tobias Rennholm",
            Some("tobias-rennholm-3b2a91"),
        ),
        (
            "2023-i-want-to-connect.eml",
            "Dana Whitfield",
            Some("dana-whitfield-8c41b2"),
        ),
        (
            "2025-voglio-collegarmi.eml",
            "Niccolò Bellandi",
            Some("niccolo-bellandi-5f3e21"),
        ),
    ];
    for (name, inviter, slug) in cases {
        let (text, html) = parts(name);
        let (text, html) = (text.expect("plain text"), html.expect("HTML"));
        let whole = facts::read(Some(&text), Some(&html), Some(inviter));
        for alone in [
            facts::read(Some(&text), None, Some(inviter)),
            facts::read(None, Some(&html), Some(inviter)),
            // Without the sender's name, the HTML's name link tells it.
            facts::read(None, Some(&html), None),
        ] {
            assert_eq!(alone.name.as_deref(), Some(inviter), "{name}");
            assert_eq!(alone.headline, whole.headline, "{name}");
            assert_eq!(alone.mutual_connections, whole.mutual_connections, "{name}");
            assert_eq!(alone.note, whole.note, "{name}");
            if let Some(slug) = slug {
                assert_eq!(alone.profile, Some(ProfileKey::Slug(slug.into())), "{name}");
            }
        }
    }
}

#[test]
fn the_members_own_link_and_the_suggested_people_are_never_the_inviter() {
    let (_, html) = parts("2024-silhouette.eml");
    let html = html.expect("HTML");
    // The member's own photo (a real one) comes first, the suggestions'
    // photos last; the inviter has the silhouette.
    let facts = facts::read(None, Some(&html), None);
    assert_eq!(facts.photo, Photo::None);
    assert_eq!(
        facts.profile,
        Some(ProfileKey::Slug("ilse-vandermolen-b7c9d0".into()))
    );
    assert_eq!(facts.name.as_deref(), Some("Ilse Vandermolen"));
}

#[test]
fn a_date_with_no_utc_day_is_unknown() {
    let bytes = edited("2023-reminder.eml", |head| {
        head.replace(
            "Date: Tue, 21 Nov 2023 16:20:09 +0000",
            "Date: Fri, 31 Dec 9999 23:59:59 -0001",
        )
    });
    let sightings = read_eml(&bytes).expect("an e-mail").sightings;
    assert_eq!(sightings[0].sent, None);
    assert_eq!(sightings[0].name, dana(true).name);
}
