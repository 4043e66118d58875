//! Scoring a queue of 100,000 varied invitations: building the scorer (the
//! one pass over the queue), then assessing every invitation (the detail
//! pane's full account) or summing each up as the list keeps it (no words),
//! beside parsing the same queue's JSON text (into `serde_json::Value`) for
//! scale.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use inviteq::model::{Invitation, Owner, Photo, Profile, Queue};
use inviteq::score::{Scorer, Settings};
use serde_json::{Value, json};
use time::Date;
use time::macros::{date, datetime};

const SIZE: usize = 100_000;

const FIRST: &[&str] = &[
    "Charlie",
    "María José",
    "Seán",
    "Priya",
    "Wei",
    "Katia R.",
    "Jean-Luc",
    "Ngozi",
    "Robert J.",
    "Aiko",
    "Olusegun",
    "Zoë",
    "Tomasz",
    "Fatima",
    "Dmitri",
    "Lakshmi",
];
const LAST: &[&str] = &[
    "Example",
    "O'Brien",
    "Castellano, CPA",
    "Nguyễn",
    "van der Berg",
    "Okafor",
    "Müller",
    "Smith-Jones",
    "Kowalski",
    "Tanaka",
    "Haddad",
    "Rossi",
];
const BRANDS: &[&str] = &[
    "Resume Girl",
    "Leads Galore LLC",
    "TOP JOBS 24/7",
    "王小明",
    "Sukarno",
    "career_hub",
];
const HEADLINES: &[&str] = &[
    "Sales engineer at Example Co",
    "Student",
    "SEO | SMM | PPC | Growth | B2B",
    "I help coaches get more clients",
    "Technical Recruiter at Acme, hiring engineers across Utah",
    "Open to work: data analyst with 5 years in retail forecasting",
];
const NOTES: &[&str] = &[
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi Jason, I was in your LinkedIn class last week and loved the part about headlines.",
    "Hello dear, I have a business opportunity for you. Call +1 (801) 555-0199 or see https://example.invalid",
    "Hi Jason, grow your pipeline with our team today, book a call this week.",
    "We worked together at Acme in 2009; good to see you here.",
];

/// A small deterministic generator, so that every run scores the same queue.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn invitation(i: usize, rng: &mut Lcg) -> Invitation {
    let name = if rng.next(10) == 0 {
        BRANDS[rng.next(BRANDS.len())].to_string()
    } else {
        format!(
            "{} {}",
            FIRST[rng.next(FIRST.len())],
            LAST[rng.next(LAST.len())]
        )
    };
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    let url = match rng.next(3) {
        0 => format!("https://www.linkedin.com/in/{slug}-{i:x}"),
        1 => format!("https://www.linkedin.com/in/{slug}qx"),
        _ => format!("https://www.linkedin.com/in/{slug}"),
    };
    let message = match rng.next(3) {
        0 => None,
        _ => Some(NOTES[rng.next(NOTES.len())].into()),
    };
    let opened = Date::from_ordinal_date(2006 + rng.next(20) as i32, 1 + rng.next(365) as u16)
        .expect("a valid day");
    Invitation {
        id: format!("inv-{i}").into(),
        sent_at: Some(datetime!(2026-01-15 09:00 UTC)),
        message,
        profile: Profile {
            headline: Some(HEADLINES[rng.next(HEADLINES.len())].into()),
            about: (rng.next(2) == 0).then(|| "Ten years in sales and support.".into()),
            company: Some(["Example Co", "Acme", "Leads Galore"][rng.next(3)].into()),
            url: Some(url.into()),
            photo: [Photo::Person, Photo::Logo, Photo::None, Photo::Unknown][rng.next(4)],
            connections: Some(rng.next(800) as u32),
            mutual_connections: Some(rng.next(15) as u32),
            account_created: Some(opened),
            experience_count: Some(rng.next(4) as u32),
            education_count: Some(rng.next(3) as u32),
            ..Profile::named(name)
        },
        ..Invitation::default()
    }
}

/// The invitation as the queue file would hold it.
fn to_json(i: &Invitation) -> Value {
    let p = &i.profile;
    json!({
        "id": i.id,
        "sent_at": "2026-01-15T09:00:00Z",
        "message": i.message,
        "profile": {
            "name": p.name, "headline": p.headline, "about": p.about, "company": p.company,
            "url": p.url, "photo": p.photo.as_str(), "connections": p.connections,
            "mutual_connections": p.mutual_connections,
            "account_created": p.account_created.map(|d| d.to_string()),
            "experience_count": p.experience_count, "education_count": p.education_count
        }
    })
}

fn bench(c: &mut Criterion) {
    let mut rng = Lcg(7);
    let queue = Queue {
        owner: Owner {
            name: Some("Jason Example".into()),
            company: Some("Example Co".into()),
            ..Owner::default()
        },
        invitations: (0..SIZE).map(|i| invitation(i, &mut rng)).collect(),
        ..Queue::default()
    };
    let text = json!({
        "format": "inviteq-queue",
        "version": 1,
        "owner": { "name": "Jason Example", "company": "Example Co" },
        "invitations": queue.invitations.iter().map(to_json).collect::<Vec<_>>(),
    })
    .to_string();
    let settings = Settings::default();
    let today = date!(2026 - 01 - 31);

    let mut group = c.benchmark_group("100k invitations");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(SIZE as u64));
    group.bench_function("parse the queue's JSON", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&text)).map(|v| v.is_object()))
    });
    group.bench_function("Scorer::new", |b| {
        b.iter(|| Scorer::new(black_box(&queue), &settings, today))
    });
    group.bench_function("Scorer::new + assess all", |b| {
        b.iter(|| {
            let scorer = Scorer::new(black_box(&queue), &settings, today);
            queue
                .invitations
                .iter()
                .map(|i| u64::from(scorer.assess(i).score))
                .sum::<u64>()
        })
    });
    // What the list keeps of each row: the score, with no words written.
    group.bench_function("Scorer::new + summary of all", |b| {
        b.iter(|| {
            let scorer = Scorer::new(black_box(&queue), &settings, today);
            queue
                .invitations
                .iter()
                .map(|i| u64::from(scorer.summary(i).score))
                .sum::<u64>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
