//! Each preset on the seed's four kinds of inviter: a real person with a
//! canned note, a real person with a personal note, an account that is not
//! a person, and a person with common ground.

use inviteq::model::{Invitation, Owner, Photo, Profile, Queue, Verdict};
use inviteq::score::{Assessment, Policy, Scorer, Settings};
use time::macros::{date, datetime};

const CANNED: &str = "I'd like to add you to my professional network on LinkedIn.";

fn person(name: &str, note: Option<&str>) -> Invitation {
    Invitation {
        id: name.to_lowercase().replace(' ', "-").into(),
        sent_at: Some(datetime!(2013-04-11 09:05 UTC)),
        message: note.map(Into::into),
        profile: Profile {
            headline: Some("Sales engineer at Example Co".into()),
            company: Some("Other Co".into()),
            photo: Photo::Person,
            connections: Some(342),
            mutual_connections: Some(0),
            account_created: Some(date!(2008 - 05 - 01)),
            experience_count: Some(5),
            education_count: Some(2),
            ..Profile::named(name)
        },
        ..Invitation::default()
    }
}

fn inviters() -> [Invitation; 4] {
    let canned = person("Charlie Example", Some(CANNED));
    let personal = person(
        "Dana Example",
        Some("Hi Jason, your article on job boards was spot on. Glad to follow your work."),
    );
    let mut not_a_person = person("Resume Girl", Some(CANNED));
    not_a_person.profile.photo = Photo::Logo;
    not_a_person.profile.connections = Some(12);
    not_a_person.profile.headline = Some("Resume writing services".into());
    let mut common_ground = person("Evan Example", Some("We met at the Provo meetup last May."));
    common_ground.profile.mutual_connections = Some(12);
    [canned, personal, not_a_person, common_ground]
}

fn queue() -> Queue {
    Queue {
        owner: Owner {
            name: Some("Jason Example".into()),
            company: Some("JibberJobber".into()),
            ..Owner::default()
        },
        invitations: inviters().into(),
        ..Queue::default()
    }
}

fn assess_all(policy: Policy) -> Vec<Assessment> {
    let settings = Settings {
        policy,
        ..Settings::default()
    };
    let queue = queue();
    let scorer = Scorer::new(&queue, &settings, date!(2026 - 01 - 31));
    queue.invitations.iter().map(|i| scorer.assess(i)).collect()
}

fn suggestions(policy: Policy) -> Vec<(Option<Verdict>, Option<&'static str>)> {
    assess_all(policy)
        .into_iter()
        .map(|a| (a.suggestion.action, a.suggestion.template))
        .collect()
}

const ACCEPT: (Option<Verdict>, Option<&str>) = (Some(Verdict::Accept), None);
const IGNORE: (Option<Verdict>, Option<&str>) = (Some(Verdict::Ignore), None);
const fn reply(template: &'static str) -> (Option<Verdict>, Option<&'static str>) {
    (Some(Verdict::Reply), Some(template))
}

#[test]
fn each_preset_decides_as_the_seeds_people_would() {
    // canned, personal, not a person, common ground
    let table = [
        (Policy::Open, [ACCEPT, ACCEPT, IGNORE, ACCEPT]),
        (
            Policy::Selective,
            [reply("how-do-we-know"), ACCEPT, IGNORE, ACCEPT],
        ),
        (
            Policy::KnowAndTrust,
            [
                reply("how-do-we-know"),
                reply("not-an-open-networker"),
                IGNORE,
                ACCEPT,
            ],
        ),
        (
            Policy::MeetFirst,
            [reply("meet-first"), reply("meet-first"), IGNORE, ACCEPT],
        ),
        (Policy::Recruiter, [ACCEPT, ACCEPT, IGNORE, ACCEPT]),
    ];
    for (policy, expected) in table {
        assert_eq!(suggestions(policy), expected, "policy {policy}");
    }
}

#[test]
fn canned_and_common_ground_are_told_apart_from_spam() {
    let [canned, personal, not_a_person, common_ground] =
        assess_all(Policy::Open).try_into().expect("four");
    assert!(canned.canned && !personal.canned && !common_ground.canned);
    assert_eq!(
        canned.score, personal.score,
        "a canned note is manners, not spam"
    );
    assert!(not_a_person.score >= not_a_person.threshold);
    let total = |a: &Assessment| a.reasons.iter().map(|r| r.points).sum::<i32>();
    assert!(total(&common_ground) < total(&personal));
    let signals: Vec<&str> = common_ground.reasons.iter().map(|r| r.signal).collect();
    assert!(signals.contains(&"many_mutual_connections") && signals.contains(&"says_how_we_met"));
}

#[test]
fn every_suggestion_says_why_in_a_short_sentence() {
    for policy in Policy::ALL {
        for a in assess_all(policy) {
            let why = &a.suggestion.why;
            assert!(why.ends_with('.') && why.len() < 100, "{policy}: {why}");
        }
    }
}

#[test]
fn the_recruiter_policy_flags_candidates_and_clients_by_the_users_words() {
    let mut settings = Settings {
        policy: Policy::Recruiter,
        ..Settings::default()
    };
    settings.recruiter.candidates = vec!["sales engineer".into()];
    let queue = queue();
    let scorer = Scorer::new(&queue, &settings, date!(2026 - 01 - 31));
    let a = scorer.assess(&queue.invitations[0]);
    assert_eq!(a.suggestion.action, Some(Verdict::Accept));
    assert!(a.suggestion.why.contains("candidate") && a.suggestion.why.contains("sales engineer"));
}
