//! Many sources, one queue: the export, queue files, saved pages and
//! e-mails joined per person.
//!
//! Sources join by profile slug; failing that, by name and a sent date
//! within a week ("joined by name"). Each fact remembers the date of the
//! source that gave it, and a newer source's fact wins, except that a note
//! cut short never replaces a whole one and a date worked out from "2 days
//! ago" never replaces an exact one.

use std::collections::HashMap;

use time::{Date, Duration};

use super::id::derive_id;
use super::sighting::{Sighting, profile_slug};
use crate::model::{Invitation, Kind, Photo, Queue, Source, SourceKind, Text};

/// Sources a week apart or closer, with the same name, are one invitation.
const SAME_INVITATION: Duration = Duration::days(7);
/// LinkedIn reminds of a pending invitation within weeks of it.
const REMINDED_WITHIN: Duration = Duration::days(31);

/// One input, read whole.
pub enum Input {
    /// A queue file or an export: invitations of their own.
    Queue {
        kind: SourceKind,
        /// The day the input was saved, when known.
        date: Option<Date>,
        queue: Box<Queue>,
    },
    /// A saved page or a mailbox: inviters as they were seen.
    Sightings {
        kind: SourceKind,
        /// The day the page was saved; for e-mails, each one's own date.
        date: Option<Date>,
        sightings: Vec<Sighting>,
        /// What did not stop the reading, each naming its place.
        warnings: Vec<String>,
    },
}

/// Joins every input into one queue, in the order given; the owner is the
/// first input's that names one.
pub fn join(mut inputs: Vec<Input>) -> Queue {
    // One queue alone has nothing to join: it is taken as it is, at no cost
    // however large.
    if let [Input::Queue { .. }] = inputs.as_slice()
        && let Some(Input::Queue { queue, .. }) = inputs.pop()
    {
        return *queue;
    }
    let mut joiner = Joiner::default();
    for input in inputs {
        match input {
            Input::Queue { kind, date, queue } => joiner.add_queue(kind, date, *queue),
            Input::Sightings {
                kind,
                date,
                sightings,
                warnings,
            } => {
                joiner.queue.warnings.extend(warnings);
                for sighting in sightings {
                    let seen = date.or(sighting.sent.map(|s| s.at.date()));
                    joiner.add_sighting(kind, seen, sighting);
                }
            }
        }
    }
    joiner.finish()
}

/// Which of an invitation's sources gave a fact, and that source's date.
#[derive(Default, Clone, Copy)]
struct Origin {
    date: Option<Date>,
    /// Its place in the invitation's `sources`.
    source: usize,
}

/// The origin of each fact that more than one source gives.
#[derive(Default, Clone, Copy)]
struct Origins {
    headline: Origin,
    location: Origin,
    photo: Origin,
    mutual: Origin,
    note: Origin,
    sent: Origin,
    badges: Origin,
}

#[derive(Default)]
struct Joiner {
    queue: Queue,
    origins: Vec<Origins>,
    by_slug: HashMap<String, usize>,
    by_id: HashMap<Text, usize>,
    /// Every invitation of each name, for joining by name in one lookup.
    by_name: HashMap<String, Vec<usize>>,
}

impl Joiner {
    fn add_queue(&mut self, kind: SourceKind, date: Option<Date>, queue: Queue) {
        let Queue {
            owner,
            invitations,
            warnings,
            skipped_rows,
        } = queue;
        if self.queue.owner.name.is_none() {
            self.queue.owner = owner;
        }
        self.queue.warnings.extend(warnings);
        self.queue.skipped_rows += skipped_rows;
        for invitation in invitations {
            self.add(invitation, kind, date, false);
        }
    }

    fn add_sighting(&mut self, kind: SourceKind, date: Option<Date>, sighting: Sighting) {
        let reminder = sighting.reminder;
        self.add(invitation_of(sighting), kind, date, reminder);
    }

    /// A reminder is sent days after the invitation it reminds of: its
    /// date is no sent date, and it joins across a longer span.
    fn add(
        &mut self,
        mut invitation: Invitation,
        kind: SourceKind,
        date: Option<Date>,
        reminder: bool,
    ) {
        let window = if reminder {
            REMINDED_WITHIN
        } else {
            SAME_INVITATION
        };
        match self.find(&invitation, window) {
            Some((at, by_name)) => {
                invitation.sources = vec![Source {
                    kind,
                    date,
                    by_name,
                    facts: Vec::new(),
                }];
                if reminder {
                    invitation.sent_at = None;
                }
                self.merge(at, invitation, date);
            }
            None => {
                invitation.sources.push(Source {
                    kind,
                    date,
                    by_name: false,
                    facts: Vec::new(),
                });
                // Sent before the reminder, by how much is not told.
                invitation.sent_approximate |= reminder;
                let source = invitation.sources.len() - 1;
                self.push(invitation, Origins::all(Origin { date, source }));
            }
        }
    }

    /// Where the same invitation already is, and whether it was found by
    /// name only.
    fn find(&self, invitation: &Invitation, window: Duration) -> Option<(usize, bool)> {
        if let Some(&at) = self.by_id.get(&invitation.id) {
            return Some((at, false));
        }
        if let Some(at) = slug_key(invitation).and_then(|slug| self.by_slug.get(&slug)) {
            return Some((*at, false));
        }
        let sent = invitation.sent_at?;
        let named = self.by_name.get(&name_key(&invitation.profile.name))?;
        named
            .iter()
            .copied()
            .find(|&at| {
                let other = &self.queue.invitations[at];
                other.kind == invitation.kind
                    && other
                        .sent_at
                        .is_some_and(|at| (at - sent).abs() <= window)
                    // Two profile addresses that differ are two people.
                    && (slug_key(other).is_none() || slug_key(invitation).is_none())
            })
            .map(|at| (at, true))
    }

    fn push(&mut self, invitation: Invitation, origins: Origins) {
        let at = self.queue.invitations.len();
        if let Some(slug) = slug_key(&invitation) {
            self.by_slug.insert(slug, at);
        }
        self.by_id.insert(invitation.id.clone(), at);
        self.by_name
            .entry(name_key(&invitation.profile.name))
            .or_default()
            .push(at);
        self.queue.invitations.push(invitation);
        self.origins.push(origins);
    }

    /// The facts of `new`, from a source of `date`, into the invitation at `at`.
    fn merge(&mut self, at: usize, new: Invitation, date: Option<Date>) {
        let old = &mut self.queue.invitations[at];
        let origins = &mut self.origins[at];
        let origin = Origin {
            date,
            source: old.sources.len(),
        };
        let p = &mut old.profile;
        let n = new.profile;
        newer(&mut p.headline, &mut origins.headline, n.headline, origin);
        newer(&mut p.location, &mut origins.location, n.location, origin);
        newer(
            &mut p.mutual_connections,
            &mut origins.mutual,
            n.mutual_connections,
            origin,
        );
        let photo = |photo: Photo| (photo != Photo::Unknown).then_some(photo);
        let mut known_photo = photo(p.photo);
        newer(&mut known_photo, &mut origins.photo, photo(n.photo), origin);
        p.photo = known_photo.unwrap_or(Photo::Unknown);
        // The two badges come together from the page: one source for both.
        let badges = |verified: Option<bool>, follows: Option<bool>| {
            (verified.is_some() || follows.is_some()).then_some((verified, follows))
        };
        let mut known_badges = badges(p.verified, p.follows_you);
        let new_badges = badges(n.verified, n.follows_you);
        newer(&mut known_badges, &mut origins.badges, new_badges, origin);
        if let Some(known) = known_badges {
            (p.verified, p.follows_you) = known;
        }
        fill(&mut p.url, n.url);
        fill(&mut p.about, n.about);
        fill(&mut p.company, n.company);
        fill(&mut p.connections, n.connections);
        fill(&mut p.account_created, n.account_created);
        fill(&mut p.experience_count, n.experience_count);
        fill(&mut p.education_count, n.education_count);
        whole_or_newer(
            (&mut old.message, &mut old.note_cut, &mut origins.note),
            new.message,
            new.note_cut,
            origin,
        );
        whole_or_newer(
            (
                &mut old.sent_at,
                &mut old.sent_approximate,
                &mut origins.sent,
            ),
            new.sent_at,
            new.sent_approximate,
            origin,
        );
        old.already_connected |= new.already_connected;
        old.sources.extend(new.sources);
        if let Some(slug) = slug_key(old) {
            self.by_slug.entry(slug).or_insert(at);
        }
    }

    fn finish(mut self) -> Queue {
        if let Some(network) = &self.queue.owner.network {
            super::linkedin::mark_connections(network, &mut self.queue.invitations);
        }
        for (invitation, origins) in self.queue.invitations.iter_mut().zip(&self.origins) {
            if invitation.sources.len() == 1 {
                // One source needs no list of sources.
                invitation.sources.clear();
            } else {
                credit(invitation, origins);
            }
        }
        // Newsletters, pages, events and groups are listed apart, after
        // the people.
        self.queue
            .invitations
            .sort_by_key(|invitation| invitation.kind != Kind::Person);
        self.queue
    }
}

impl Origins {
    fn all(origin: Origin) -> Origins {
        Origins {
            headline: origin,
            location: origin,
            photo: origin,
            mutual: origin,
            note: origin,
            sent: origin,
            badges: origin,
        }
    }
}

/// Each source's list of the facts it gave that stand, so that `inviteq
/// queue` tells where each fact came from.
fn credit(invitation: &mut Invitation, o: &Origins) {
    let p = &invitation.profile;
    let known = [
        ("headline", o.headline, p.headline.is_some()),
        ("location", o.location, p.location.is_some()),
        ("photo", o.photo, p.photo != Photo::Unknown),
        (
            "mutual_connections",
            o.mutual,
            p.mutual_connections.is_some(),
        ),
        ("message", o.note, invitation.message.is_some()),
        ("sent_at", o.sent, invitation.sent_at.is_some()),
        (
            "badges",
            o.badges,
            p.verified.is_some() || p.follows_you.is_some(),
        ),
    ];
    for (fact, origin, is_known) in known {
        if let Some(source) = invitation.sources.get_mut(origin.source)
            && is_known
        {
            source.facts.push(fact);
        }
    }
}

/// A known fact from a source at least as new as the one behind the fact
/// held replaces it; an unknown one replaces nothing.
fn newer<T>(slot: &mut Option<T>, slot_origin: &mut Origin, new: Option<T>, origin: Origin) {
    let Some(new) = new else { return };
    if slot.is_none() || origin.date >= slot_origin.date {
        *slot = Some(new);
        *slot_origin = origin;
    }
}

fn fill<T>(slot: &mut Option<T>, new: Option<T>) {
    if slot.is_none() {
        *slot = new;
    }
}

/// A fact that a source may know only in part (a note cut short, a day
/// worked out from "2 days ago"): a whole one beats a partial one whatever
/// their dates; of two alike, the newer wins.
fn whole_or_newer<T>(
    (slot, partial, slot_origin): (&mut Option<T>, &mut bool, &mut Origin),
    new: Option<T>,
    new_partial: bool,
    origin: Origin,
) {
    let Some(new) = new else { return };
    let better = match (slot.is_some(), *partial, new_partial) {
        (false, _, _) | (true, true, false) => true,
        (true, false, true) => false,
        _ => origin.date >= slot_origin.date,
    };
    if better {
        *slot = Some(new);
        *partial = new_partial;
        *slot_origin = origin;
    }
}

/// An invitation as one sighting shows it, with an id that the same person
/// gets from every source and every day.
fn invitation_of(s: Sighting) -> Invitation {
    // "2 days ago" tells the day at best, not the moment the page was saved.
    let sent_at = s.sent.map(|sent| {
        if sent.approximate {
            sent.at.replace_time(time::Time::MIDNIGHT)
        } else {
            sent.at
        }
    });
    let id = match s.kind {
        Kind::Person => derive_id(s.url.as_deref(), &s.name, sent_at),
        other => match s.url.as_deref() {
            Some(url) => derive_id(Some(url), &s.name, None),
            None => format!("{} {}", other.as_str(), s.name),
        },
    };
    let (message, note_cut) = s.note.map_or((None, false), |n| (Some(n.text), n.cut));
    Invitation {
        id: id.into(),
        sent_at,
        message: message.map(Text::from),
        profile: crate::model::Profile {
            headline: s.headline.map(Text::from),
            location: s.location.map(Text::from),
            url: s.url.map(Text::from),
            photo: s.photo,
            mutual_connections: s.mutual_connections,
            verified: s.verified,
            follows_you: s.follows_you,
            ..crate::model::Profile::named(s.name)
        },
        kind: s.kind,
        sent_approximate: s.sent.is_some_and(|sent| sent.approximate),
        note_cut,
        ..Invitation::default()
    }
}

/// The slug, in one case: how every source's address is matched.
fn slug_key(invitation: &Invitation) -> Option<String> {
    let url = invitation.profile.url.as_deref()?;
    profile_slug(url).map(str::to_lowercase)
}

/// A name as matched across sources: case and spacing do not matter.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
