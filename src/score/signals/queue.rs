//! Signs that only show across the queue: the same note sent by several
//! inviters (template reuse), several addresses made the same way, many
//! accounts opened on the same day. LinkedIn's own work on fake accounts
//! found such clusters among the strongest signs; one account alone says
//! little, a batch of them says "made in bulk".
//!
//! Everything is counted once, in one pass, when the scorer is built, so
//! that assessing one invitation stays a few lookups.

use std::hash::{BuildHasher, Hasher};

use foldhash::HashMap;
use time::Date;

use super::address::random_tail;
use super::{Findings, Signal};
use crate::model::{Invitation, Kind, Queue};
use crate::score::canned::is_canned;
use crate::score::text::{Text, same_word};

/// Notes shorter than this ("Hi!", "Thanks") are not templates.
const MIN_NOTE_WORDS: usize = 5;
/// This many inviters sending the same note make it a template.
const REUSED_NOTE_MIN: u32 = 3;
/// This many patterned addresses make a batch.
const SHARED_PATTERN_MIN: u32 = 5;
/// This many accounts opened on one day make a burst, in a small queue...
const SAME_DAY_MIN: u32 = 5;
/// ...and in a large one, this many times the queue's average per day.
const SAME_DAY_FACTOR: u64 = 10;

/// What the whole queue says, counted once.
#[derive(Debug, Default)]
pub(crate) struct QueueFacts {
    /// The owner's name, folded, word by word: left out of note texts.
    owner: Vec<String>,
    note_senders: HashMap<u64, u32>,
    patterned_addresses: u32,
    opened_on: HashMap<Date, u32>,
    same_day_min: u32,
}

/// What one stretch of the queue counts; the stretches are counted on
/// cores of their own and added up.
#[derive(Default)]
struct Counts {
    note_senders: HashMap<u64, u32>,
    patterned_addresses: u32,
    opened_on: HashMap<Date, u32>,
    opened: u64,
    /// The first and last day an account was opened on.
    span: Option<(Date, Date)>,
}

/// Queues shorter than this are counted on one core: a thread costs more
/// than it saves.
const ONE_CORE_BELOW: usize = 20_000;

impl Counts {
    fn of(facts: &QueueFacts, invitations: &[Invitation]) -> Counts {
        let mut counts = Counts::default();
        for inv in invitations.iter().filter(|i| i.kind == Kind::Person) {
            let note = inv.message.as_deref().filter(|n| !is_canned(Some(n)));
            if let Some(key) = note.and_then(|n| facts.note_key(&Text::new(n), &inv.profile.name)) {
                *counts.note_senders.entry(key).or_default() += 1;
            }
            let p = &inv.profile;
            if p.url
                .as_deref()
                .is_some_and(|u| random_tail(&p.name, u).is_some())
            {
                counts.patterned_addresses += 1;
            }
            if let Some(day) = p.account_created {
                counts.count_opened(day);
            }
        }
        counts
    }

    /// One more account opened on `day`.
    fn count_opened(&mut self, day: Date) {
        *self.opened_on.entry(day).or_default() += 1;
        self.opened += 1;
        self.span = Some(
            self.span
                .map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))),
        );
    }

    fn add(&mut self, other: Counts) {
        for (key, senders) in other.note_senders {
            *self.note_senders.entry(key).or_default() += senders;
        }
        self.patterned_addresses += other.patterned_addresses;
        for (day, opened) in other.opened_on {
            *self.opened_on.entry(day).or_default() += opened;
        }
        self.opened += other.opened;
        self.span = match (self.span, other.span) {
            (Some((lo, hi)), Some((other_lo, other_hi))) => {
                Some((lo.min(other_lo), hi.max(other_hi)))
            }
            (span, None) | (None, span) => span,
        };
    }
}

impl QueueFacts {
    pub fn gather(queue: &Queue) -> Self {
        let owner = Text::new(queue.owner.name.as_deref().unwrap_or(""));
        let mut facts = QueueFacts {
            owner: owner.words().map(str::to_string).collect(),
            ..QueueFacts::default()
        };
        let counts = facts.count(&queue.invitations);
        let days = counts
            .span
            .map_or(1, |(lo, hi)| (hi - lo).whole_days().unsigned_abs() + 1);
        let expected = (SAME_DAY_FACTOR * counts.opened).div_ceil(days);
        facts.same_day_min = SAME_DAY_MIN.max(u32::try_from(expected).unwrap_or(u32::MAX));
        // Into the map whose seed made the notes' keys (see `note_key`),
        // never in place of it.
        facts.note_senders.extend(counts.note_senders);
        facts.patterned_addresses = counts.patterned_addresses;
        facts.opened_on = counts.opened_on;
        facts
    }

    /// Counts `invitations`, a stretch on each core when there are many:
    /// the counts are the same however the queue is cut, and the notes'
    /// keys all come from this one map's seed.
    fn count(&self, invitations: &[Invitation]) -> Counts {
        let cores = crate::cores::available();
        if cores < 2 || invitations.len() < ONE_CORE_BELOW {
            return Counts::of(self, invitations);
        }
        let stretch = invitations.len().div_ceil(cores);
        std::thread::scope(|scope| {
            let counting: Vec<_> = invitations
                .chunks(stretch)
                .map(|part| scope.spawn(move || Counts::of(self, part)))
                .collect();
            let mut total = Counts::default();
            for part in counting {
                match part.join() {
                    Ok(counts) => total.add(counts),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            total
        })
    }

    /// `note` is the invitation's note unless it is canned; `patterned` says
    /// whether its address is patterned. Says whether several inviters sent
    /// the note.
    pub fn check(
        &self,
        inv: &Invitation,
        note: Option<&Text>,
        patterned: bool,
        f: &mut Findings,
    ) -> bool {
        let key = note.and_then(|n| self.note_key(n, &inv.profile.name));
        let senders = key.and_then(|k| self.note_senders.get(&k)).copied();
        let reused = senders.filter(|&n| n >= REUSED_NOTE_MIN);
        if let Some(senders) = reused {
            f.fire(
                Signal::ReusedNote,
                format_args!("the same note was sent by {senders} inviters in this queue"),
            );
        }
        if patterned && self.patterned_addresses >= SHARED_PATTERN_MIN {
            f.fire(
                Signal::SharedAddressPattern,
                format_args!(
                    "one of {} addresses in this queue made this way",
                    self.patterned_addresses
                ),
            );
        }
        if let Some(day) = inv.profile.account_created {
            let same_day = self.opened_on.get(&day).copied().unwrap_or(0);
            if same_day >= self.same_day_min {
                f.fire(
                    Signal::SameDayAccounts,
                    format_args!(
                        "opened on {}, with {} other inviters' accounts",
                        day,
                        same_day - 1
                    ),
                );
            }
        }
        reused.is_some()
    }
}

impl QueueFacts {
    /// A key for a (not canned) note's text, leaving out the inviter's and
    /// the owner's names, so that "Hi Jason ... Best, Kim" and "Hi Jason ...
    /// Best, Lee" are one template, and case, diacritics and punctuation.
    /// Short notes have none.
    fn note_key(&self, note: &Text, inviter: &str) -> Option<u64> {
        let inviter = Text::new(inviter);
        let is_name = |w: &str| {
            inviter.words().any(|n| same_word(n, w)) || self.owner.iter().any(|n| same_word(n, w))
        };
        // The map's own seed for every note, so one text gets one key.
        let mut hasher = self.note_senders.hasher().build_hasher();
        let mut count = 0;
        for word in note.words().filter(|w| !is_name(w)) {
            hasher.write(word.as_bytes());
            hasher.write_u8(b' ');
            count += 1;
        }
        (count >= MIN_NOTE_WORDS).then(|| hasher.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Owner, Profile};
    use crate::score::signals::Points;
    use time::macros::date;

    fn invitation(name: &str, note: Option<&str>) -> Invitation {
        Invitation {
            id: name.into(),
            sent_at: None,
            message: note.map(Into::into),
            profile: Profile::named(name),
            ..Invitation::default()
        }
    }

    fn fired(queue: &Queue, inv: &Invitation) -> Vec<&'static str> {
        let facts = QueueFacts::gather(queue);
        let points = Points::default();
        let mut f = Findings::new(&points);
        let p = &inv.profile;
        let patterned = p
            .url
            .as_deref()
            .is_some_and(|u| random_tail(&p.name, u).is_some());
        let note = inv
            .message
            .as_deref()
            .filter(|n| !is_canned(Some(n)))
            .map(Text::new);
        facts.check(inv, note.as_ref(), patterned, &mut f);
        f.reasons.iter().map(|r| r.signal).collect()
    }

    fn queue(invitations: Vec<Invitation>) -> Queue {
        let owner = Owner {
            name: Some("Jason Example".into()),
            ..Owner::default()
        };
        Queue {
            owner,
            invitations,
            ..Queue::default()
        }
    }

    /// A queue large enough to be counted a stretch on each core, with
    /// notes sent by many, some by one, patterned addresses and accounts
    /// opened across a year.
    fn large_queue() -> Queue {
        let notes = [
            "Hi Jason, grow your pipeline with our team today, friend.",
            "We met at the Provo meetup and talked about maps for an hour.",
        ];
        let invitations = (0..ONE_CORE_BELOW * 2 + 7)
            .map(|n| {
                // The inviter's name is left out of a note's key: the number
                // here is never the name's.
                let unique = format!("A note about {} things and more, truly.", n * 7 + 3);
                let note = match n % 3 {
                    0 => notes[n % 2],
                    1 => &unique,
                    _ => "Hi",
                };
                let mut inv = invitation(&format!("Person {n}"), Some(note));
                inv.profile.url =
                    Some(format!("https://www.linkedin.com/in/person-{n}a8f3{}", n % 10).into());
                inv.profile.account_created =
                    date!(2024 - 01 - 01).checked_add(time::Duration::days((n % 400) as i64));
                inv
            })
            .collect();
        queue(invitations)
    }

    #[test]
    fn a_queue_counted_on_several_cores_counts_as_on_one() {
        let q = large_queue();
        let facts = QueueFacts::gather(&q);
        let one = Counts::of(&facts, &q.invitations);
        assert_eq!(facts.note_senders, one.note_senders);
        assert_eq!(facts.patterned_addresses, one.patterned_addresses);
        assert_eq!(facts.opened_on, one.opened_on);
        assert!(
            facts.note_senders.values().any(|&n| n > 1000),
            "shared notes counted"
        );
        // The keys the checks make are the ones counted.
        assert_eq!(fired(&q, &q.invitations[0]), ["reused_note"]);
        assert!(!fired(&q, &q.invitations[1]).contains(&"reused_note"));
    }

    #[test]
    fn a_note_sent_by_three_inviters_is_a_template_whatever_the_names() {
        let pitch =
            |who: &str| format!("Hi Jason, grow your pipeline with our team today. Best, {who}");
        let q = queue(vec![
            invitation("Kim Park", Some(&pitch("Kim"))),
            invitation("Lee Chan", Some(&pitch("Lee"))),
            invitation("Ola Berg", Some(&pitch("Ola"))),
            invitation(
                "Ann Roe",
                Some("Hi Jason, we met at the Provo meetup last May."),
            ),
        ]);
        assert_eq!(fired(&q, &q.invitations[0]), ["reused_note"]);
        assert!(fired(&q, &q.invitations[3]).is_empty());
    }

    #[test]
    fn canned_and_short_notes_are_never_templates() {
        let canned = "I'd like to add you to my professional network on LinkedIn.";
        let q = queue(
            (0..4)
                .map(|i| invitation(&format!("P{i}"), Some(canned)))
                .collect(),
        );
        assert!(fired(&q, &q.invitations[0]).is_empty());
        let q = queue(
            (0..4)
                .map(|i| invitation(&format!("P{i}"), Some("Hi there!")))
                .collect(),
        );
        assert!(fired(&q, &q.invitations[0]).is_empty());
    }

    #[test]
    fn five_patterned_addresses_are_a_batch() {
        let names = [
            "Tamsin Edevane",
            "Bertil Marsh",
            "Odile Vance",
            "Pim Harlow",
            "Ruta Kell",
        ];
        let tails = ["ncc", "ctpy", "zargg", "lwo", "nj"];
        let make = |n: usize| {
            let mut inv = invitation(names[n], None);
            let slug: String = names[n].to_lowercase().split(' ').collect::<String>() + tails[n];
            inv.profile.url = Some(format!("https://x.invalid/{slug}").into());
            inv
        };
        let q = queue((0..5).map(make).collect());
        assert_eq!(fired(&q, &q.invitations[0]), ["shared_address_pattern"]);
        let q = queue((0..4).map(make).collect());
        assert!(fired(&q, &q.invitations[0]).is_empty());
    }

    #[test]
    fn many_accounts_opened_the_same_day_are_a_burst() {
        let opened = |name: &str, day| {
            let mut inv = invitation(name, None);
            inv.profile.account_created = Some(day);
            inv
        };
        let mut invitations: Vec<_> = (0..5)
            .map(|i| opened(&format!("P{i}"), date!(2012 - 06 - 23)))
            .collect();
        invitations.push(opened("Old Friend", date!(2008 - 01 - 02)));
        let q = queue(invitations);
        assert_eq!(fired(&q, &q.invitations[0]), ["same_day_accounts"]);
        assert!(fired(&q, &q.invitations[5]).is_empty());
        let unknown = invitation("Nobody Known", None);
        assert!(fired(&q, &unknown).is_empty());
    }
}
