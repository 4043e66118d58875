//! Where an invitation's facts came from: the kind of each source and the
//! day it was saved, so the detail pane can say "from: page of 27 Nov".

use time::Date;

/// Which kind of source an invitation, or one of its facts, came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// The project's own queue file.
    QueueFile,
    /// LinkedIn's data export.
    Export,
    /// The "Manage invitations" page, saved by the browser.
    Page,
    /// An invitation e-mail (or its reminder).
    Email,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::QueueFile => "queue",
            SourceKind::Export => "export",
            SourceKind::Page => "page",
            SourceKind::Email => "e-mail",
        }
    }
}

/// One source of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    /// The day the source was saved or sent, when known.
    pub date: Option<Date>,
    /// Joined to the others by name and date, no profile address matching.
    pub by_name: bool,
    /// The facts this source gave that stand (of those several sources
    /// give: one of [`Source::FACTS`]); empty for a single source.
    pub facts: Vec<&'static str>,
}

impl Source {
    /// The facts whose source is told.
    pub const FACTS: [&'static str; 7] = [
        "headline",
        "location",
        "photo",
        "mutual_connections",
        "message",
        "sent_at",
        "badges",
    ];
}

/// What an invitation is an invitation to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    /// To connect with a person: the only kind that is scored.
    #[default]
    Person,
    /// To subscribe to a newsletter.
    Newsletter,
    /// To follow a company's or a school's page.
    Page,
    /// To attend an event.
    Event,
    /// To join a group.
    Group,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Newsletter => "newsletter",
            Kind::Page => "page",
            Kind::Event => "event",
            Kind::Group => "group",
        }
    }
}
