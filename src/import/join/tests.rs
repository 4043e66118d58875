use time::OffsetDateTime;
use time::macros::{date, datetime};

use super::*;
use crate::import::sighting::{Note, Sent, profile_url};
use crate::model::{Owner, Profile};

/// What the export gives of one inviter.
fn exported(name: &str, slug: Option<&str>, sent: OffsetDateTime, note: &str) -> Invitation {
    let url = slug.map(profile_url);
    Invitation {
        id: derive_id(url.as_deref(), name, Some(sent)).into(),
        sent_at: Some(sent),
        message: Some(note.into()),
        profile: Profile {
            url: url.map(Into::into),
            ..Profile::named(name)
        },
        ..Invitation::default()
    }
}

fn export(invitations: Vec<Invitation>) -> Input {
    Input::Queue {
        kind: SourceKind::Export,
        date: None,
        queue: Box::new(Queue {
            owner: Owner {
                name: Some("Jordan Avery".into()),
                ..Owner::default()
            },
            invitations,
            ..Queue::default()
        }),
    }
}

fn card(name: &str, slug: &str, saved: Date) -> Sighting {
    let mut s = Sighting::new(Kind::Person, name, "card 1");
    s.url = Some(profile_url(slug));
    s.headline = Some("Data engineer at Fernhill".into());
    s.photo = Photo::Person;
    s.mutual_connections = Some(9);
    s.sent = Some(Sent {
        at: saved.midnight().assume_utc() - Duration::days(2),
        approximate: true,
    });
    s.note = Some(Note {
        text: "Hi Jordan, we met at the".into(),
        cut: true,
    });
    s.verified = Some(true);
    s.follows_you = Some(false);
    s
}

fn page(saved: Date, sightings: Vec<Sighting>) -> Input {
    Input::Sightings {
        kind: SourceKind::Page,
        date: Some(saved),
        sightings,
        warnings: Vec::new(),
    }
}

fn email(sighting: Sighting) -> Input {
    Input::Sightings {
        kind: SourceKind::Email,
        date: None,
        sightings: vec![sighting],
        warnings: Vec::new(),
    }
}

fn mail(name: &str, slug: Option<&str>, sent: OffsetDateTime) -> Sighting {
    let mut s = Sighting::new(Kind::Person, name, "message 1");
    s.url = slug.map(profile_url);
    s.headline = Some("Data engineer at Fernhill Press".into());
    s.location = Some("Lisbon".into());
    s.mutual_connections = Some(7);
    s.photo = Photo::Person;
    s.sent = Some(Sent {
        at: sent,
        approximate: false,
    });
    s
}

const SENT: OffsetDateTime = datetime!(2026-11-20 09:15 UTC);

#[test]
fn page_email_and_export_join_by_slug_whatever_its_case() {
    let queue = join(vec![
        export(vec![exported(
            "Ana Lima",
            Some("ana-lima-7f"),
            SENT,
            "Hi Jordan, we met at the Lisbon meetup and talked about tutoring apps.",
        )]),
        page(
            date!(2026 - 11 - 27),
            vec![card("Ana Lima", "Ana-Lima-7F", date!(2026 - 11 - 27))],
        ),
        email(mail("Ana Lima", Some("ana-lima-7f"), SENT)),
    ]);
    assert_eq!(queue.invitations.len(), 1);
    let ana = &queue.invitations[0];
    assert_eq!(ana.id, "linkedin.com/in/ana-lima-7f");
    // The export's whole note beats the page's cut one; the e-mail's exact
    // date beats the page's "2 days ago".
    assert!(ana.message.as_deref().unwrap().ends_with("tutoring apps."));
    assert!(!ana.note_cut);
    assert_eq!((ana.sent_at, ana.sent_approximate), (Some(SENT), false));
    // The page (27 Nov) is newer than the e-mail (20 Nov): its facts win.
    assert_eq!(
        ana.profile.headline.as_deref(),
        Some("Data engineer at Fernhill")
    );
    assert_eq!(ana.profile.mutual_connections, Some(9));
    assert_eq!(ana.profile.location.as_deref(), Some("Lisbon"));
    assert_eq!(ana.profile.verified, Some(true));
    let kinds: Vec<(SourceKind, Option<Date>)> =
        ana.sources.iter().map(|s| (s.kind, s.date)).collect();
    assert_eq!(
        kinds,
        [
            (SourceKind::Export, None),
            (SourceKind::Page, Some(date!(2026 - 11 - 27))),
            (SourceKind::Email, Some(date!(2026 - 11 - 20))),
        ]
    );
    assert_eq!(queue.owner.name.as_deref(), Some("Jordan Avery"));
    let facts: Vec<&[&str]> = ana.sources.iter().map(|s| s.facts.as_slice()).collect();
    assert_eq!(
        facts,
        [
            &["message"][..],
            &["headline", "photo", "mutual_connections", "badges"],
            &["location", "sent_at"],
        ]
    );
}

#[test]
fn without_a_slug_the_name_and_a_week_join_and_say_so() {
    let queue = join(vec![
        export(vec![exported("Ana Lima", None, SENT, "Hello!")]),
        email(mail("ana  LIMA", None, SENT + Duration::days(3))),
        email(mail("Ana Lima", None, SENT + Duration::days(30))),
    ]);
    assert_eq!(
        queue.invitations.len(),
        2,
        "a month later is another invitation"
    );
    let joined = &queue.invitations[0];
    assert!(joined.sources[1].by_name);
    assert_eq!(joined.profile.mutual_connections, Some(7));
}

#[test]
fn different_addresses_are_different_people_even_with_one_name() {
    let queue = join(vec![
        email(mail("Ana Lima", Some("ana-lima-7f"), SENT)),
        email(mail("Ana Lima", Some("ana-lima-22"), SENT)),
    ]);
    assert_eq!(queue.invitations.len(), 2);
}

#[test]
fn a_reminder_joins_its_invitation_and_keeps_its_sent_date() {
    let mut reminder = mail("Ana Lima", Some("ana-lima-7f"), SENT + Duration::days(12));
    reminder.reminder = true;
    let queue = join(vec![
        email(mail("Ana Lima", Some("ana-lima-7f"), SENT)),
        email(reminder),
    ]);
    assert_eq!(queue.invitations.len(), 1);
    assert_eq!(queue.invitations[0].sent_at, Some(SENT));
    assert_eq!(queue.invitations[0].sources.len(), 2);
}

#[test]
fn the_same_people_across_two_days_keep_their_ids() {
    let today = join(vec![page(
        date!(2026 - 11 - 27),
        vec![card("Ana Lima", "ana-lima-7f", date!(2026 - 11 - 27))],
    )]);
    let tomorrow = join(vec![
        export(vec![exported(
            "Ana Lima",
            Some("ana-lima-7f"),
            SENT,
            "Hello!",
        )]),
        page(
            date!(2026 - 11 - 28),
            vec![card("Ana Lima", "ana-lima-7f/", date!(2026 - 11 - 28))],
        ),
    ]);
    assert_eq!(today.invitations[0].id, tomorrow.invitations[0].id);
}

#[test]
fn other_kinds_stay_apart_from_people() {
    let mut newsletter = Sighting::new(Kind::Newsletter, "Ana Lima Weekly", "card 2");
    newsletter.url = Some("https://www.linkedin.com/newsletters/ana-lima-weekly-7101".into());
    let queue = join(vec![page(
        date!(2026 - 11 - 27),
        vec![
            card("Ana Lima", "ana-lima-7f", date!(2026 - 11 - 27)),
            newsletter,
        ],
    )]);
    assert_eq!(queue.invitations.len(), 2);
    assert_eq!(queue.invitations[1].kind, Kind::Newsletter);
    assert_eq!(
        queue.invitations[1].id,
        "linkedin.com/newsletters/ana-lima-weekly-7101"
    );
}

#[test]
fn a_single_source_lists_none() {
    let queue = join(vec![export(vec![exported("Ana Lima", None, SENT, "Hi")])]);
    assert!(queue.invitations[0].sources.is_empty());
}
