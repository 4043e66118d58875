//! `inviteq score`'s table and JSON, and the assessment the console renders.

use inviteq::model::{Invitation, Owner, Photo, Profile, Queue, Verdict};
use inviteq::score::{Pattern, Policy, Scorer, Settings, Summary, report};
use serde_json::Value;
use time::macros::{date, datetime};

fn queue() -> Queue {
    let person = Invitation {
        id: "inv-0001".into(),
        sent_at: Some(datetime!(2013-04-11 09:05 UTC)),
        message: Some("I'd like to add you to my professional network on LinkedIn.".into()),
        profile: Profile {
            headline: Some("Sales engineer at Example Co".into()),
            photo: Photo::Person,
            connections: Some(12),
            ..Profile::named("Charlie Example")
        },
        ..Invitation::default()
    };
    let brand = Invitation {
        id: "inv-0002".into(),
        sent_at: None,
        message: None,
        profile: Profile {
            headline: Some("Resumes".into()),
            photo: Photo::Logo,
            connections: Some(3),
            account_created: Some(date!(2026 - 01 - 20)),
            ..Profile::named("Resume Girl")
        },
        ..Invitation::default()
    };
    let stranger = Invitation {
        id: "inv-0003".into(),
        sent_at: None,
        message: Some("Hi Jason, your article on job boards was spot on.".into()),
        profile: Profile::named("王小明"),
        ..Invitation::default()
    };
    Queue {
        owner: Owner {
            name: Some("Jason Example".into()),
            ..Owner::default()
        },
        invitations: vec![person, brand, stranger],
        ..Queue::default()
    }
}

fn scorer(queue: &Queue, policy: Policy) -> Scorer {
    let settings = Settings {
        policy,
        ..Settings::default()
    };
    Scorer::new(queue, &settings, date!(2026 - 01 - 31))
}

#[test]
fn json_follows_the_contract_in_queue_order() {
    let queue = queue();
    let text = report::json(&queue, &scorer(&queue, Policy::Selective));
    let rows: Vec<Value> = serde_json::from_str(&text).expect("one JSON array");
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["inv-0001", "inv-0002", "inv-0003"]);
    for row in &rows {
        let mut keys: Vec<&str> = row
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        // "doubt", an extension of the contract, is there when the
        // confidence is not high, saying why in one line.
        let doubt = row["confidence"] != "high";
        assert_eq!(
            row.get("doubt").is_some_and(Value::is_string),
            doubt,
            "{row}"
        );
        keys.retain(|&k| k != "doubt");
        assert_eq!(
            keys,
            [
                "canned",
                "confidence",
                "id",
                "intent",
                "name",
                "reasons",
                "score",
                "suggestion",
                "template"
            ]
        );
        for reason in row["reasons"].as_array().expect("reasons") {
            assert!(
                reason["signal"].is_string()
                    && reason["points"].is_i64()
                    && reason["detail"].is_string()
            );
        }
    }
    assert_eq!(rows[0]["suggestion"], "reply");
    assert_eq!(rows[0]["template"], "how-do-we-know");
    assert_eq!(rows[0]["canned"], true);
    assert_eq!(rows[0]["intent"], "networking");
    assert_eq!(rows[1]["suggestion"], "ignore");
    assert_eq!(rows[1]["template"], Value::Null);
    assert_eq!(rows[1]["confidence"], "high");
    assert_eq!(rows[2]["suggestion"], "accept");
    assert_eq!(rows[2]["name"], "王小明");
}

#[test]
fn the_table_is_aligned_and_ends_with_the_counts() {
    let queue = queue();
    let table = report::table(&queue, &scorer(&queue, Policy::Selective));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "policy selective, non-person threshold 60");
    let header = lines[2];
    let score_at = header.find("SCORE").expect("a SCORE column");
    for row in &lines[3..6] {
        let before: String = row.chars().take_while(|c| !c.is_ascii_digit()).collect();
        let columns: usize = before
            .chars()
            .map(|c| {
                if c == '王' || c == '小' || c == '明' {
                    2
                } else {
                    1
                }
            })
            .sum();
        assert!(columns <= score_at + 5, "{row}");
    }
    assert!(lines[4].contains("ignore") && lines[4].contains("the photo is a logo"));
    assert!(lines[3].contains("reply: how-do-we-know"));
    assert_eq!(
        lines.last().copied(),
        Some("3 invitations: 1 accept, 1 reply (1 how-do-we-know), 1 ignore")
    );
}

#[test]
fn an_assessment_is_ready_to_render() {
    let queue = queue();
    let scorer = scorer(&queue, Policy::Open);
    let a = scorer.assess(&queue.invitations[1]);
    let points: Vec<i32> = a.reasons.iter().map(|r| r.points.abs()).collect();
    assert!(
        points.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {points:?}"
    );
    assert_eq!(a.threshold, 60);
    assert!(a.unknown.contains(&"mutual connections") && a.unknown.contains(&"company"));
    let age = a
        .reasons
        .iter()
        .find(|r| r.signal == "very_new_account")
        .expect("a new account");
    assert_eq!(age.detail, "the account was opened 11 days before today");
    let summary: Summary = scorer.summary(&queue.invitations[1]);
    let copy = summary;
    assert_eq!(
        (copy.score, copy.suggestion),
        (a.score, Some(Verdict::Ignore))
    );
}

#[test]
fn account_age_is_measured_to_the_sending_day_when_known() {
    let mut queue = queue();
    queue.invitations[1].sent_at = Some(datetime!(2026-01-21 10:00 UTC));
    let a = scorer(&queue, Policy::Open).assess(&queue.invitations[1]);
    let age = a
        .reasons
        .iter()
        .find(|r| r.signal == "very_new_account")
        .expect("a new account");
    assert_eq!(
        age.detail,
        "the account was opened 1 day before the invitation"
    );
}

#[test]
fn the_users_lists_and_points_change_the_outcome() {
    let queue = queue();
    let mut settings = Settings::default();
    settings.allow.names.push(Pattern::new("resume girl"));
    settings.deny.names.push(Pattern::new("Charlie *"));
    let scorer = Scorer::new(&queue, &settings, date!(2026 - 01 - 31));
    let brand = scorer.assess(&queue.invitations[1]);
    assert_eq!(brand.suggestion.action, Some(Verdict::Accept));
    assert!(brand.score < brand.threshold);
    assert_eq!(brand.reasons[0].signal, "allow_listed");
    let person = scorer.assess(&queue.invitations[0]);
    assert_eq!(
        (person.score, person.suggestion.action),
        (100, Some(Verdict::Ignore))
    );

    let mut lenient = Settings::default();
    lenient.points.set(inviteq::score::Signal::LogoPhoto, 0);
    lenient.points.set(inviteq::score::Signal::BusinessName, 0);
    lenient.non_person_threshold = 90;
    let brand = Scorer::new(&queue, &lenient, date!(2026 - 01 - 31)).assess(&queue.invitations[1]);
    assert_eq!(brand.suggestion.action, Some(Verdict::Accept));
    assert!(brand.reasons.iter().all(|r| r.signal != "logo_photo"));
}
