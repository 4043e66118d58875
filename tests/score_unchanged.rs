//! The scorer made faster must score exactly as it did: every field of
//! every assessment (score, reasons and their words, unknown facts, intent,
//! the suggestion and its words) of a varied generated queue, under every
//! policy and under settings that switch a signal off and fill the lists,
//! hashed and checked against the hash the scorer gave before it was made
//! faster. A change to the score on purpose changes the hash: run this test,
//! read the assessments it prints for the first rows, and take the new hash.
//!
//! The list keeps a [`Summary`] per row, made by its own quicker path, and
//! the intent filter each row's [`Intent`], read alone as the queue opens;
//! both must be what the full assessment says.

use inviteq::import::parse_queue_json;
use inviteq::model::Queue;
use inviteq::score::{
    Intent, Lists, Pattern, Points, Policy, RecruiterWords, Scorer, Settings, Signal, Summary,
};
use serde_json::{Value, json};
use time::macros::date;

/// Invitations in the generated queue: enough that every text, name and
/// fact meets every other several times over.
const SIZE: usize = 4_000;

const NAMES: &[&str] = &[
    "Maria Hill",
    "José Núñez",
    "Seán O'Brien",
    "Nguyễn Văn An",
    "王若汐",
    "Андрей Смирнов",
    "Robert J. Castellano, CPA",
    "Ann Lee | Hiring",
    "JOHN SMITH",
    "Katia R.",
    "Resume Girl",
    "ResumeGirl Careers",
    "Leads Galore LLC",
    "Bright Future",
    "jobsolutionsnow",
    "career_hub",
    "john.smith",
    "@growthguru",
    "Tomasz 2024",
    "Zoë 🚀 Growth",
    "Ilse K. M.",
    "Wing Long",
    "Weiß-Æbelø",
    "Priya",
    "MARÍA",
    "Straße Müller",
    "Olusegun Okafor - Sales",
    "Aiko Tanaka (she/her)",
    "\u{3164}\u{3164}",
];

const HEADLINES: &[&str] = &[
    "Sales engineer at Example Co",
    "Student",
    "CEO",
    "n/a",
    "SEO | SMM | PPC | Growth | B2B",
    "#growth #sales #leads #b2b",
    "I help coaches get more clients",
    "Helping businesses generate leads, book a call",
    "Technical Recruiter at Acme, hiring engineers across Utah",
    "Open to work: data analyst with 5 years in retail",
    "Graduate chemist | Seeking laboratory roles",
    "Talent acquisition partner",
    "Crypto and forex trader, financial freedom",
    "Nurse",
    "Résumé writer • Career coach",
    "",
];

const NOTES: &[&str] = &[
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi Jason, I'd like to join your LinkedIn network.",
    "I'd like to add you to my professional network on LinkedIn.\n\n- Charlie Example",
    "Hello, I’d like to connect",
    "Hi Jason, I was in your LinkedIn class last week and loved the part about headlines.",
    "Hello dear, I have a business opportunity for you. Call +1 (801) 555-0199 or see https://example.invalid",
    "Hi Jason, grow your pipeline with our team today, book a call this week.",
    "We worked together at Acme in 2009; good to see you here.",
    "We met at the Provo meetup last May.",
    "I finish my degree in May and I'm looking for junior analyst roles.",
    "We're hiring engineers in Lehi, are you open to a chat?",
    "We're looking for candidates for two open roles.",
    "Can I show you a demo of our product? Visit leadsco.io today",
    "Earn $5,000 a month from home, 2k USD guaranteed",
    "Big fan of your articles!",
    "Hi!",
    "I saw your team is hiring and would love to hear what you look for.",
    "Hi Jason, we shared that tiny office at the Utah job fair.",
    "Dear Jason, our services can 10x your sales. Kind regards, Kim",
    "Здравствуйте, рад знакомству на конференции.",
    "Thanks for the talk at Acme, a fair employer, and see www.example.invalid",
];

const COMPANIES: &[&str] = &[
    "Example Co",
    "Example Co Inc",
    "Acme",
    "Leads Galore",
    "Résumé Works GmbH",
];

/// A small deterministic generator, so that every run makes the same queue.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }

    /// `value` three times in four, else unknown.
    fn maybe(&mut self, value: Value) -> Value {
        if self.next(4) == 0 {
            Value::Null
        } else {
            value
        }
    }
}

fn invitation(n: usize, rng: &mut Lcg) -> Value {
    let name = rng.pick(NAMES);
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    let url = match rng.next(5) {
        0 => Value::Null,
        1 => json!(format!("https://www.linkedin.com/in/{slug}-{n:x}")),
        2 => json!(format!("https://www.linkedin.com/in/{slug}xqv/")),
        3 => json!(format!("https://www.linkedin.com/in/{slug}jr")),
        _ => json!(format!("https://www.linkedin.com/in/{slug}")),
    };
    let opened = format!(
        "20{:02}-{:02}-{:02}",
        6 + rng.next(20),
        1 + rng.next(12),
        1 + rng.next(28)
    );
    let sent_at = match rng.next(4) {
        0 => Value::Null,
        1 => json!("2025-12-20"),
        _ => json!("2026-01-15T09:00:00Z"),
    };
    let kind = [
        "person",
        "person",
        "person",
        "person",
        "person",
        "newsletter",
        "page",
    ];
    // Half the notes are one inviter's own, the rest shared by many.
    let message = match rng.next(4) {
        0 => Value::Null,
        1 => json!(format!("{} ({n})", rng.pick(NOTES))),
        _ => json!(rng.pick(NOTES)),
    };
    let headline = json!(rng.pick(HEADLINES));
    let about = json!(
        [
            "Ten years in sales and support.",
            "Student",
            "I write about networks, people and the long work of building teams that last."
        ][rng.next(3)]
    );
    let company = json!(rng.pick(COMPANIES));
    let photo = json!(["person", "logo", "none", "unknown"][rng.next(4)]);
    let connections = json!([3, 12, 30, 70, 150, 500, 900][rng.next(7)]);
    let mutual = json!(rng.next(14));
    let experience = json!(rng.next(3));
    let education = json!(rng.next(3));
    json!({
        "id": format!("gen-{n}"),
        "sent_at": sent_at,
        "message": message,
        "kind": kind[rng.next(kind.len())],
        "already_connected": rng.next(10) == 0,
        "profile": {
            "name": name,
            "headline": rng.maybe(headline),
            "about": rng.maybe(about),
            "company": rng.maybe(company),
            "url": url,
            "photo": photo,
            "connections": rng.maybe(connections),
            "mutual_connections": rng.maybe(mutual),
            "account_created": rng.maybe(json!(opened)),
            "experience_count": rng.maybe(experience),
            "education_count": rng.maybe(education),
        }
    })
}

fn queue() -> Queue {
    let mut rng = Lcg(2026);
    let mut invitations: Vec<Value> = (0..SIZE).map(|n| invitation(n, &mut rng)).collect();
    // A burst of accounts opened on one day, among the rest.
    for value in invitations.iter_mut().step_by(97) {
        value["profile"]["account_created"] = json!("2019-03-04");
    }
    let text = json!({
        "format": "inviteq-queue",
        "version": 1,
        "owner": { "name": "Jason Example", "company": "Example Co" },
        "invitations": invitations,
    })
    .to_string();
    parse_queue_json(text.as_bytes()).expect("the generated queue reads")
}

/// Every policy with the default points, then settings that change points,
/// switch a signal off, raise the threshold and fill both lists.
fn every_settings() -> Vec<Settings> {
    let mut all: Vec<Settings> = Policy::ALL
        .into_iter()
        .map(|policy| Settings {
            policy,
            recruiter: RecruiterWords {
                candidates: vec!["data analyst".into(), "Chemist".into()],
                clients: vec!["CEO".into(), "founder".into()],
            },
            ..Settings::default()
        })
        .collect();
    let mut points = Points::default();
    points.set(Signal::NoPhoto, 0);
    points.set(Signal::PitchInNote, 35);
    all.push(Settings {
        policy: Policy::KnowAndTrust,
        points,
        non_person_threshold: 45,
        allow: Lists {
            names: vec![Pattern::new("maria*")],
            companies: vec![Pattern::new("acme")],
            urls: Vec::new(),
        },
        deny: Lists {
            names: Vec::new(),
            companies: vec![Pattern::new("*galore*")],
            urls: vec![Pattern::new("*/in/careerhub*")],
        },
        ..Settings::default()
    });
    all
}

/// FNV-1a, written out so that the hash never changes with a library.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

#[test]
fn every_assessment_is_what_it_was() {
    let queue = queue();
    let mut hash = 0xcbf2_9ce4_8422_2325;
    let mut fired = std::collections::BTreeSet::new();
    for settings in every_settings() {
        let scorer = Scorer::new(&queue, &settings, date!(2026 - 01 - 31));
        for (at, invitation) in queue.invitations.iter().enumerate() {
            let assessment = scorer.assess(invitation);
            if at < 3 {
                eprintln!("{}: {assessment:#?}", invitation.id);
            }
            fired.extend(assessment.reasons.iter().map(|r| r.signal));
            fnv(&mut hash, invitation.id.as_bytes());
            fnv(&mut hash, format!("{assessment:?}").as_bytes());
        }
    }
    // Only an earlier decision (not in a queue file) invites again.
    let silent: Vec<_> = Signal::ALL
        .iter()
        .map(|s| s.name())
        .filter(|name| !fired.contains(name))
        .collect();
    assert_eq!(silent, ["invites_again"], "the queue is varied enough");
    assert_eq!(hash, 3_737_589_859_661_431_827, "the assessments changed");
}

#[test]
fn each_summary_is_what_its_assessment_says() {
    let queue = queue();
    for intent in Intent::ALL {
        assert!(
            queue.invitations.iter().any(|i| Intent::of(i) == intent),
            "no invitation reads as {}",
            intent.as_str()
        );
    }
    for settings in every_settings() {
        let scorer = Scorer::new(&queue, &settings, date!(2026 - 01 - 31));
        for invitation in &queue.invitations {
            let assessment = scorer.assess(invitation);
            assert_eq!(
                scorer.summary(invitation),
                Summary::from(&assessment),
                "{}",
                invitation.id
            );
            assert_eq!(
                Intent::of(invitation),
                assessment.intent,
                "{}",
                invitation.id
            );
        }
    }
}
