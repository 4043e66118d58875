//! Personal names never read as a non-person. `tests/data/names/` holds
//! hundreds of names as people display them, across languages and scripts;
//! each is scored as LinkedIn's export gives an invitation (a name, a
//! profile address, a day, no note), under every policy.

use std::path::Path;

use inviteq::model::{Invitation, Profile, Queue, Verdict};
use inviteq::score::{Policy, Scorer, Settings};
use time::macros::{date, datetime};

/// The signals that read the name itself.
const NAME_SIGNALS: &[&str] = &[
    "business_name",
    "word_name",
    "digits_in_name",
    "emoji_in_name",
    "all_caps_name",
    "handle_like_name",
];

/// (language, name) for every line of the list.
fn names() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/names/personal-names.tsv");
    let text = std::fs::read_to_string(&path).expect("the list of names");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let (language, name) = line.split_once('\t').expect("LANGUAGE<TAB>NAME");
            (language.to_string(), name.to_string())
        })
        .collect()
}

/// The address LinkedIn makes by default: the name's Latin letters in
/// words, then a few hexadecimal digits.
fn default_address(name: &str, n: usize) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut slug = words.join("-");
    if !slug.is_empty() {
        slug.push('-');
    }
    format!(
        "https://www.linkedin.com/in/{slug}{:x}",
        0x1a2b3c + n * 7919
    )
}

fn export_queue(names: &[(String, String)]) -> Queue {
    let invitations = names
        .iter()
        .enumerate()
        .map(|(n, (_, name))| Invitation {
            id: format!("name-{n}").into(),
            sent_at: Some(datetime!(2026-11-20 09:00 UTC)),
            profile: Profile {
                url: Some(default_address(name, n).into()),
                ..Profile::named(name.as_str())
            },
            ..Invitation::default()
        })
        .collect();
    Queue {
        invitations,
        ..Queue::default()
    }
}

#[test]
fn the_list_is_wide_enough() {
    let names = names();
    let mut languages: Vec<&str> = names
        .iter()
        .map(|(l, _)| l.split('-').next().unwrap_or(l))
        .collect();
    languages.sort_unstable();
    languages.dedup();
    assert!(names.len() >= 300, "{} names", names.len());
    assert!(languages.len() >= 30, "{} languages", languages.len());
}

#[test]
fn no_personal_name_reads_as_a_non_person_under_any_policy() {
    let names = names();
    let queue = export_queue(&names);
    let mut wrong = Vec::new();
    for policy in Policy::ALL {
        let settings = Settings {
            policy,
            ..Settings::default()
        };
        let scorer = Scorer::new(&queue, &settings, date!(2026 - 11 - 28));
        for (invitation, (language, name)) in queue.invitations.iter().zip(&names) {
            let a = scorer.assess(invitation);
            let fired: Vec<&str> = a
                .reasons
                .iter()
                .map(|r| r.signal)
                .filter(|s| NAME_SIGNALS.contains(s))
                .collect();
            if a.suggestion.action == Some(Verdict::Ignore) || !fired.is_empty() {
                wrong.push(format!(
                    "{policy}: {language} {name:?} scores {} ({fired:?}), suggested {}",
                    a.score,
                    a.suggestion.action_str()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
