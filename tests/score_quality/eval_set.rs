//! The labelled evaluation set, split in two halves, and the facts a member
//! would have of each account depending on where the queue came from.

use std::collections::HashMap;
use std::path::PathBuf;

use inviteq::model::{Invitation, Photo, Profile};

/// One labelled account.
pub struct Account {
    pub invitation: Invitation,
    pub fake: bool,
}

/// Which half of the set: the rules are tuned on `Design` only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Design,
    Test,
}

impl Half {
    pub fn as_str(self) -> &'static str {
        match self {
            Half::Design => "design",
            Half::Test => "test",
        }
    }

    /// By a stable hash of the id (FNV-1a, 64 bits): even goes to design.
    pub fn of(id: &str) -> Half {
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        if hash % 2 == 0 {
            Half::Design
        } else {
            Half::Test
        }
    }
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/cresci-2015")
}

fn labels() -> HashMap<String, bool> {
    let text = std::fs::read_to_string(data_dir().join("labels.csv")).expect("labels.csv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (id, label) = line.trim().split_once(',').expect("id,label");
            assert!(matches!(label, "fake" | "genuine"), "label {label:?}");
            (id.to_string(), label == "fake")
        })
        .collect()
}

/// The accounts of one half, in the set's order.
pub fn load(half: Half) -> Vec<Account> {
    let queue =
        inviteq::import::load(&data_dir().join("queue.json")).expect("the eval queue loads");
    let labels = labels();
    queue
        .invitations
        .into_iter()
        .filter(|i| Half::of(&i.id) == half)
        .map(|invitation| Account {
            fake: labels[invitation.id.as_str()],
            invitation,
        })
        .collect()
}

/// What is known of an inviter, by where the queue came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facts {
    /// Every fact the set has.
    All,
    /// What the saved "Manage invitations" page shows: name, headline,
    /// photo, mutual connections, location and note.
    Page,
    /// What LinkedIn's `Invitations.csv` holds: name, note, profile address
    /// and the day it was sent.
    Export,
}

impl Facts {
    pub const ALL: [Facts; 3] = [Facts::All, Facts::Page, Facts::Export];

    pub fn as_str(self) -> &'static str {
        match self {
            Facts::All => "all facts",
            Facts::Page => {
                "the saved page's facts (name, headline, photo, mutual connections, location, note)"
            }
            Facts::Export => "the export's facts (name, note, address, date)",
        }
    }

    /// The invitation with only these facts known.
    pub fn keep(self, invitation: &Invitation) -> Invitation {
        let p = &invitation.profile;
        let profile = match self {
            Facts::All => p.clone(),
            Facts::Page => Profile {
                headline: p.headline.clone(),
                photo: p.photo,
                mutual_connections: p.mutual_connections,
                location: p.location.clone(),
                ..Profile::named(p.name.clone())
            },
            Facts::Export => Profile {
                url: p.url.clone(),
                photo: Photo::Unknown,
                ..Profile::named(p.name.clone())
            },
        };
        Invitation {
            profile,
            ..invitation.clone()
        }
    }
}
