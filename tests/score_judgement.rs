//! The calls a reviewer acts on without a look: a name that decides alone,
//! confidence that follows what is known, and the everyday wrong calls
//! (a romance-scam note from a days-old account, one note sent by many, a
//! connection already made, job seekers, old colleagues) made right.

use inviteq::model::{Invitation, Owner, Photo, Profile, Queue, Verdict};
use inviteq::score::{Assessment, Confidence, Policy, Scorer, Settings};
use time::macros::{date, datetime};

fn queue(invitations: Vec<Invitation>) -> Queue {
    Queue {
        owner: Owner {
            name: Some("Jordan Avery".into()),
            company: Some("Brightpath Learning".into()),
            ..Owner::default()
        },
        invitations,
        ..Queue::default()
    }
}

fn assess(queue: &Queue, policy: Policy) -> Vec<Assessment> {
    let settings = Settings {
        policy,
        ..Settings::default()
    };
    let scorer = Scorer::new(queue, &settings, date!(2026 - 11 - 28));
    queue.invitations.iter().map(|i| scorer.assess(i)).collect()
}

/// What LinkedIn's `Invitations.csv` gives: a name, a note, an address, a day.
fn from_export(name: &str, slug: &str, note: Option<&str>) -> Invitation {
    Invitation {
        id: slug.into(),
        sent_at: Some(datetime!(2026-11-20 10:00 UTC)),
        message: note.map(Into::into),
        profile: Profile {
            url: Some(format!("https://www.linkedin.com/in/{slug}").into()),
            ..Profile::named(name)
        },
        ..Invitation::default()
    }
}

/// A real person, as a saved profile shows one.
fn person(name: &str, note: Option<&str>) -> Invitation {
    let mut invitation = from_export(name, &name.to_lowercase().replace(' ', "-"), note);
    invitation.profile = Profile {
        headline: Some("Curriculum designer at Fernhill Press".into()),
        photo: Photo::Person,
        connections: Some(268),
        mutual_connections: Some(0),
        account_created: Some(date!(2014 - 03 - 02)),
        experience_count: Some(3),
        education_count: Some(1),
        ..invitation.profile
    };
    invitation
}

fn signals(a: &Assessment) -> Vec<&'static str> {
    a.reasons.iter().map(|r| r.signal).collect()
}

#[test]
fn a_business_or_a_phrase_for_a_name_decides_alone_under_every_policy() {
    let q = queue(vec![
        from_export("Resume Pro Services", "resume-pro-services-77a1b2", None),
        from_export("Remote Jobs Daily", "remote-jobs-daily", None),
        from_export("Growth Hacks Hub", "growthhackshub", Some("Hi!")),
        from_export("Bright Future", "bright-future-0b12", None),
    ]);
    for policy in Policy::ALL {
        for (a, inv) in assess(&q, policy).iter().zip(&q.invitations) {
            assert_eq!(
                a.suggestion.action,
                Some(Verdict::Ignore),
                "{policy}: {} {:?}",
                inv.profile.name,
                a.reasons
            );
            assert_ne!(a.suggestion.confidence, Confidence::High, "one sign alone");
            assert!(a.suggestion.doubt.is_some());
        }
    }
}

#[test]
fn with_only_the_exports_facts_an_accept_asks_for_a_look() {
    let q = queue(vec![from_export(
        "Maren Solberg",
        "maren-solberg-3c2",
        None,
    )]);
    let a = &assess(&q, Policy::Open)[0];
    assert_eq!(a.suggestion.action, Some(Verdict::Accept));
    assert_eq!(a.suggestion.confidence, Confidence::Low);
    assert_eq!(
        a.suggestion.doubt.as_deref(),
        Some("few facts known: open the profile before accepting")
    );
}

#[test]
fn an_accept_is_high_only_when_the_known_facts_agree() {
    let sure = person("Maren Solberg", None);
    let mut small = person("Ivo Lindqvist", None);
    small.profile.connections = Some(31);
    let q = queue(vec![sure, small]);
    let [sure, small] = assess(&q, Policy::Open).try_into().expect("two");
    assert_eq!(
        (sure.suggestion.confidence, sure.suggestion.doubt),
        (Confidence::High, None)
    );
    assert_ne!(small.suggestion.confidence, Confidence::High);
    let doubt = small.suggestion.doubt.expect("says why");
    assert!(doubt.contains("only 31 connections"), "{doubt}");
}

#[test]
fn a_days_old_account_with_a_tiny_network_and_a_dear_note_is_ignored() {
    let mut scam = person(
        "Lena Morris",
        Some(
            "Hello dear, I saw your profile and you look kind. I would like us to be friends. Please reply me.",
        ),
    );
    scam.profile.connections = Some(11);
    scam.profile.account_created = Some(date!(2026 - 11 - 17));
    scam.profile.mutual_connections = Some(0);
    let q = queue(vec![scam]);
    for policy in Policy::ALL {
        let a = &assess(&q, policy)[0];
        assert_eq!(
            a.suggestion.action,
            Some(Verdict::Ignore),
            "{policy}: {a:?}"
        );
    }
}

#[test]
fn a_note_several_inviters_sent_is_canned_and_no_common_ground() {
    let note = "Hi, I came across your profile and was impressed by your work. We worked together in spirit, let's connect!";
    let q = queue(vec![
        person("Ada Quist", Some(note)),
        person("Bo Lindahl", Some(note)),
        person("Cy Marlow", Some(note)),
    ]);
    for a in assess(&q, Policy::Selective) {
        assert!(a.canned);
        assert_eq!(
            (a.suggestion.action, a.suggestion.template),
            (Some(Verdict::Reply), Some("how-do-we-know"))
        );
        assert!(!signals(&a).contains(&"says_how_we_met"), "{:?}", a.reasons);
    }
}

#[test]
fn an_inviter_already_connected_needs_nothing() {
    let mut known = person("Gita Ramos", None);
    known.already_connected = true;
    let q = queue(vec![known]);
    for policy in Policy::ALL {
        let a = &assess(&q, policy)[0];
        assert_eq!(a.suggestion.action, None, "{policy}");
        assert_eq!(a.suggestion.action_str(), "none");
    }
}

#[test]
fn job_seekers_and_old_colleagues_are_read_as_such() {
    use inviteq::score::Intent;
    let mut open_to_work = person(
        "Ines Duarte",
        Some(
            "Hello Jordan, I saw Brightpath is hiring and would love to learn what the team looks for.",
        ),
    );
    open_to_work.profile.headline = Some("Former teacher | Open to work".into());
    let graduate = person(
        "Tomi Adeyemi",
        Some("Hi Jordan, I graduate in May and I'm looking for entry-level roles in support."),
    );
    let colleague = person(
        "Rafe Holm",
        Some("Jordan! We shared that tiny office on Alder Street. Would be great to reconnect."),
    );
    let worked = person(
        "Una Berg",
        Some("We worked together at Quillworks in 2015, good to find you here."),
    );
    let q = queue(vec![open_to_work, graduate, colleague, worked]);
    let a = assess(&q, Policy::KnowAndTrust);
    assert_eq!(a[0].intent, Intent::JobSeeking);
    assert_eq!(a[1].intent, Intent::JobSeeking);
    for met in &a[2..] {
        assert_eq!(met.intent, Intent::MetBefore);
        assert!(
            signals(met).contains(&"says_how_we_met"),
            "{:?}",
            met.reasons
        );
        assert_eq!(met.suggestion.action, Some(Verdict::Accept));
    }
}

#[test]
fn connection_counts_read_as_linkedin_shows_them() {
    let mut many = person("Odd Vik", None);
    many.profile.connections = Some(734);
    let q = queue(vec![many]);
    let a = &assess(&q, Policy::Open)[0];
    let detail = &a
        .reasons
        .iter()
        .find(|r| r.signal == "large_network")
        .expect("a large network")
        .detail;
    assert_eq!(detail, "500+ connections");
    assert_eq!(inviteq::model::connections_shown(734), "500+");
    assert_eq!(inviteq::model::connections_shown(499), "499");
}

#[test]
fn the_demos_calls() {
    let demo = inviteq::import::demo();
    let by_name = |policy: Policy, name: &str| -> Assessment {
        let settings = Settings {
            policy,
            ..Settings::default()
        };
        let scorer = Scorer::new(&demo, &settings, date!(2026 - 11 - 28));
        let inv = demo
            .invitations
            .iter()
            .find(|i| i.profile.name == name)
            .unwrap_or_else(|| panic!("{name} is in the demo"));
        scorer.assess(inv)
    };
    for policy in [Policy::Open, Policy::Selective] {
        let scam = by_name(policy, "Sophia Williams");
        assert_eq!(scam.suggestion.action, Some(Verdict::Ignore), "{policy}");
    }
    for same_note in ["Kevin Marsh", "Brianna Lowe", "Marcus Tate"] {
        let a = by_name(Policy::Selective, same_note);
        assert_eq!(a.suggestion.action, Some(Verdict::Reply), "{same_note}");
    }
    use inviteq::score::Intent;
    assert_eq!(
        by_name(Policy::Open, "Aisha Bello").intent,
        Intent::JobSeeking
    );
    assert_eq!(
        by_name(Policy::Open, "Noah Fitzgerald").intent,
        Intent::JobSeeking
    );
    let elijah = by_name(Policy::Open, "Elijah Brooks");
    assert_eq!(elijah.intent, Intent::MetBefore);
    assert!(signals(&elijah).contains(&"says_how_we_met"));
    let daniel = by_name(Policy::Open, "Daniel Okafor");
    assert!(
        daniel
            .reasons
            .iter()
            .any(|r| r.detail == "500+ connections")
    );
    let brand = by_name(Policy::Open, "Resume Pro Services");
    assert_eq!(brand.suggestion.action, Some(Verdict::Ignore));
}
