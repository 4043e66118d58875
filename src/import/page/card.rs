//! Reads one card's items into a sighting, by the order of what a person
//! sees: photo, name, the "is inviting you" line, headline, common ground,
//! time, the Ignore and Accept buttons, then the note.

use time::OffsetDateTime;

use super::items::{Item, Run, Target};
use super::words;
use crate::import::clean::{LINE_CAP, TEXT_CAP, clean_line, clean_name, clean_text};
use crate::import::sighting::{Note, Sent, Sighting, profile_url};
use crate::model::{Kind, Photo};

/// One line of the card as a person reads it: the visible runs between two
/// breaks.
struct Line<'i> {
    /// Each run with its index among the card's items.
    runs: Vec<(usize, &'i Run)>,
    /// The runs joined, spaces collapsed.
    text: String,
}

impl Line<'_> {
    fn start(&self) -> usize {
        self.runs.first().map_or(0, |(index, _)| *index)
    }
}

struct Card<'i> {
    items: &'i [Item],
    lines: Vec<Line<'i>>,
    /// Index of the first Accept or Ignore control, and of the last.
    first_control: usize,
    last_control: usize,
}

/// The sighting of one card (`place` counts from 1), or why it cannot be
/// read.
pub(super) fn read(
    items: &[Item],
    place: usize,
    saved: OffsetDateTime,
) -> Result<Sighting, String> {
    let card = Card::new(items);
    let place = format!("card {place}");
    let kind = card
        .head()
        .find_map(|line| words::invitation_kind(&line.text))
        .unwrap_or(Kind::Person);
    let mut sighting = match kind {
        Kind::Person => card.person(&place)?,
        kind => card.thing(kind, &place)?,
    };
    sighting.sent = card.sent(saved);
    Ok(sighting)
}

impl<'i> Card<'i> {
    fn new(items: &'i [Item]) -> Self {
        let is_control = |item: &Item| matches!(item, Item::Control(_));
        Card {
            items,
            lines: lines(items),
            first_control: items.iter().position(is_control).unwrap_or(items.len()),
            last_control: items.iter().rposition(is_control).unwrap_or(items.len()),
        }
    }

    /// The lines above the buttons.
    fn head(&self) -> impl Iterator<Item = &Line<'i>> {
        self.lines
            .iter()
            .filter(|line| line.start() < self.first_control)
    }

    fn person(&self, place: &str) -> Result<Sighting, String> {
        // The inviter's link comes first (photo, name); a mutual
        // connection's may follow.
        let slug = self.first_profile();
        let name_run = slug.and_then(|slug| self.name_run(slug));
        let name = match name_run {
            Some((_, run)) => collapse(&run.text),
            None => self.name_from_words().ok_or_else(|| nameless(place))?,
        };
        let name = clean_name(&name);
        if name.is_empty() {
            return Err(nameless(place));
        }
        let after = name_run.map(|(index, _)| index);
        let (headline, shared_organisation) = {
            let mut free = self.free_lines(after, &name);
            (free.next(), free.next().is_some())
        };
        let mut sighting = Sighting::new(Kind::Person, name, place);
        sighting.url = slug.map(|slug| clean_line(&profile_url(slug), LINE_CAP));
        sighting.headline = headline.map(|h| clean_line(&h, LINE_CAP));
        sighting.photo = self.photo(after.unwrap_or(self.first_control));
        sighting.mutual_connections = self.mutual_connections(shared_organisation);
        sighting.note = self.note();
        sighting.verified = Some(self.verified());
        sighting.follows_you = Some(self.head().any(|l| words::says_follows_you(&l.text)));
        Ok(sighting)
    }

    /// A newsletter, page, event or group: its name and address as shown;
    /// the facts about a person stay unknown.
    fn thing(&self, kind: Kind, place: &str) -> Result<Sighting, String> {
        let same_kind =
            |run: &Run| matches!(run.link.as_deref(), Some(Target::Thing(k, _)) if *k == kind);
        let named_link = self
            .head()
            .flat_map(|line| &line.runs)
            .find(|(_, run)| same_kind(run) && !run.text.trim().is_empty());
        let name = match named_link {
            Some((_, run)) => Some(collapse(&run.text)),
            None => self
                .head()
                .find_map(|line| words::invited_to_name(&line.text).map(str::to_string))
                .or_else(|| self.label_name())
                .or_else(|| self.head().next().map(|line| line.text.clone())),
        };
        let name = clean_name(&name.unwrap_or_default());
        if name.is_empty() {
            return Err(nameless(place));
        }
        let url = self.items[..self.first_control]
            .iter()
            .find_map(|item| match item {
                Item::Link(target) => match target.as_ref() {
                    Target::Thing(k, url) if *k == kind => Some(clean_line(url, LINE_CAP)),
                    _ => None,
                },
                _ => None,
            });
        let mut sighting = Sighting::new(kind, name, place);
        sighting.url = url;
        Ok(sighting)
    }

    /// The first visible words inside a link to the inviter: the name.
    fn name_run(&self, slug: &str) -> Option<(usize, &'i Run)> {
        self.head()
            .flat_map(|line| line.runs.iter().copied())
            .find(|(_, run)| {
                matches!(run.link.as_deref(), Some(Target::Profile(s)) if s == slug)
                    && !words::is_filler(&run.text)
            })
    }

    /// The name where no link shows it: in a button's label, or before
    /// "is inviting you to connect".
    fn name_from_words(&self) -> Option<String> {
        self.label_name().or_else(|| {
            self.head()
                .find_map(|line| words::name_before_inviting(&line.text).map(str::to_string))
        })
    }

    fn label_name(&self) -> Option<String> {
        self.items.iter().find_map(|item| match item {
            Item::Control(control) => words::name_in_label(&control.label).map(collapse),
            _ => None,
        })
    }

    fn first_profile(&self) -> Option<&'i str> {
        self.items[..self.first_control]
            .iter()
            .find_map(|item| match item {
                Item::Link(target) => match target.as_ref() {
                    Target::Profile(slug) => Some(slug.as_str()),
                    Target::Thing(..) => None,
                },
                _ => None,
            })
    }

    /// The lines above the buttons that say something of their own, after
    /// the name: the headline, then a shared organisation. Lines about the
    /// invitation, mutual connections, the time or a badge are not free.
    fn free_lines<'c>(
        &'c self,
        after: Option<usize>,
        name: &'c str,
    ) -> impl Iterator<Item = String> + 'c {
        self.head()
            .filter(move |line| !is_told_line(&line.text))
            .filter_map(move |line| {
                let text: String = line
                    .runs
                    .iter()
                    .filter(|(index, run)| {
                        after.is_none_or(|a| *index > a) && !run.marks.time && !run.marks.note
                    })
                    .map(|(_, run)| run.text.as_str())
                    .collect();
                let text = collapse(&text);
                let said = words::is_filler(&text) || text.eq_ignore_ascii_case(name);
                (!said).then_some(text)
            })
    }

    /// The first picture before the name.
    fn photo(&self, before: usize) -> Photo {
        self.items[..before.min(self.items.len())]
            .iter()
            .find_map(|item| match item {
                Item::Picture(photo) => Some(*photo),
                _ => None,
            })
            .unwrap_or(Photo::Unknown)
    }

    /// The count the common-ground line tells. With no such line the page
    /// shows no mutual connection: 0. A shared organisation instead tells
    /// nothing of the count: unknown.
    fn mutual_connections(&self, shared_organisation: bool) -> Option<u32> {
        match self.head().find_map(|l| words::mutual_connections(&l.text)) {
            Some(count) => count,
            None if shared_organisation => None,
            None => Some(0),
        }
    }

    /// When the invitation was sent, from the `<time>` or a time line,
    /// counted back from when the page was saved.
    fn sent(&self, saved: OffsetDateTime) -> Option<Sent> {
        let timed = self
            .head()
            .flat_map(|line| &line.runs)
            .filter(|(_, run)| run.marks.time)
            .find_map(|(_, run)| words::ago(&run.text));
        let ago = timed.or_else(|| self.head().find_map(|line| words::ago(&line.text)))?;
        Some(Sent {
            at: saved.checked_sub(ago)?,
            approximate: true,
        })
    }

    /// A "Verified" badge above the buttons: a labelled icon, or the word
    /// alone (often for screen readers only).
    fn verified(&self) -> bool {
        self.items[..self.first_control]
            .iter()
            .any(|item| match item {
                Item::Verified => true,
                Item::Text(run) => collapse(&run.text).eq_ignore_ascii_case("verified"),
                _ => false,
            })
    }

    /// The lines below the buttons, or inside the note's own box, less the
    /// buttons and links around it. A "… see more" means the page showed
    /// the start only. A hidden one was never read (nothing hidden is): the
    /// newer page keeps it, hidden, under a note it shows whole.
    fn note(&self) -> Option<Note> {
        let mut cut = false;
        let mut kept = Vec::new();
        let in_note = |line: &&Line| {
            line.start() > self.last_control || line.runs.iter().all(|(_, run)| run.marks.note)
        };
        for line in self.lines.iter().filter(in_note) {
            match words::see_more(&line.text) {
                Some(0) => cut = true,
                Some(end) => {
                    cut = true;
                    kept.push(&line.text[..end]);
                }
                None if words::is_note_chrome(&line.text) => {}
                None => kept.push(line.text.as_str()),
            }
        }
        let text = clean_text(&kept.join("\n"), TEXT_CAP);
        (!text.is_empty()).then_some(Note { text, cut })
    }
}

/// The card's visible lines, split at breaks and controls; text for
/// screen readers is not a line.
fn lines(items: &[Item]) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut runs = Vec::new();
    for (index, item) in items.iter().enumerate() {
        match item {
            Item::Text(run) if !run.marks.aside => runs.push((index, run)),
            Item::Break | Item::Control(_) => finish_line(&mut lines, &mut runs),
            _ => {}
        }
    }
    finish_line(&mut lines, &mut runs);
    lines
}

fn finish_line<'i>(lines: &mut Vec<Line<'i>>, runs: &mut Vec<(usize, &'i Run)>) {
    let joined: String = runs.iter().map(|(_, run)| run.text.as_str()).collect();
    let text = collapse(&joined);
    let runs = std::mem::take(runs);
    if !text.is_empty() {
        lines.push(Line { runs, text });
    }
}

/// Lines that tell something other than a headline or an organisation.
fn is_told_line(text: &str) -> bool {
    words::is_inviting_line(text)
        || words::invitation_kind(text).is_some()
        || words::mutual_connections(text).is_some()
        || words::ago(text).is_some()
        || text.eq_ignore_ascii_case("verified")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nameless(place: &str) -> String {
    format!("{place} has Accept and Ignore buttons but no name to read")
}
