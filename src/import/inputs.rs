//! What each path a user names holds, told from its content: a queue file,
//! LinkedIn's export, a saved invitation page, e-mails, or a folder of
//! several of these. Each is read, then all are joined into one queue.

use std::fmt;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use time::{Date, OffsetDateTime};

use super::dates::from_system_time;
use super::join::{Input, join};
use super::queue_json::{self, ReadError};
use super::sighting::Sighting;
use super::{ImportError, linkedin, mail, page};
use crate::files;
use crate::model::{Queue, SourceKind};
use crate::problem::Problem;

/// Files this big say so while they are read.
const LARGE_FILE: u64 = 32 * 1024 * 1024;
/// Maildirs of this many e-mails say so too.
const LARGE_MAILDIR: usize = 2_000;
/// Enough of a file's start to tell what it is.
const SNIFF_BYTES: usize = 64 * 1024;

/// One input found, and what it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub what: What,
    /// Invitations (or inviters seen) it gave.
    pub invitations: usize,
    /// E-mails that were not invitations, or rows left out.
    pub skipped: usize,
}

/// The kinds of input inviteq reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    QueueFile,
    Export,
    Page,
    Eml,
    Mbox,
    Maildir,
}

impl What {
    fn source(self) -> SourceKind {
        match self {
            What::QueueFile => SourceKind::QueueFile,
            What::Export => SourceKind::Export,
            What::Page => SourceKind::Page,
            What::Eml | What::Mbox | What::Maildir => SourceKind::Email,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            What::QueueFile => "queue file",
            What::Export => "LinkedIn export",
            What::Page => "saved invitation page",
            What::Eml => "e-mail",
            What::Mbox => "mbox",
            What::Maildir => "Maildir",
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}, {} invitation{}",
            self.path.display(),
            self.what.as_str(),
            self.invitations,
            if self.invitations == 1 { "" } else { "s" }
        )?;
        match (self.what, self.skipped) {
            (_, 0) => Ok(()),
            (What::Eml | What::Mbox | What::Maildir, n) => {
                write!(f, " ({n} other e-mails skipped)")
            }
            (_, n) => write!(f, " ({n} rows skipped)"),
        }
    }
}

/// Every source joined, and what was found in each.
#[derive(Debug)]
pub struct Loaded {
    pub queue: Queue,
    pub found: Vec<Found>,
}

/// Reads every path and joins them into one queue. `progress` is told of
/// files large enough to take a while.
pub fn load_all(paths: &[PathBuf], progress: &mut dyn FnMut(&str)) -> Result<Loaded, ImportError> {
    let mut inputs = Vec::new();
    let mut found = Vec::new();
    for path in paths {
        for Discovered { what, path, text } in discover(path)? {
            if let Some(size) = large(what, &path) {
                progress(&format!("reading {} ({size})…", path.display()));
            }
            let (input, invitations, skipped) = read(what, &path, text)?;
            found.push(Found {
                path,
                what,
                invitations,
                skipped,
            });
            inputs.push(input);
        }
    }
    Ok(Loaded {
        queue: join(inputs),
        found,
    })
}

/// How big an input is, in words, when it is big enough to take a while.
fn large(what: What, path: &Path) -> Option<String> {
    if what == What::Maildir {
        let files: usize = ["cur", "new"]
            .iter()
            .filter_map(|sub| fs::read_dir(path.join(sub)).ok())
            .map(Iterator::count)
            .sum();
        return (files >= LARGE_MAILDIR).then(|| format!("{files} e-mails"));
    }
    let bytes = fs::metadata(path).ok()?.len();
    (bytes >= LARGE_FILE).then(|| format!("{} MB", bytes / (1024 * 1024)))
}

/// One input found at a path.
struct Discovered {
    what: What,
    path: PathBuf,
    /// The page's text, when telling what it is took reading it whole.
    text: Option<String>,
}

/// The inputs at `path`: itself, or what a folder holds.
fn discover(path: &Path) -> Result<Vec<Discovered>, ImportError> {
    let io = |error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    };
    let meta = files::check(path).map_err(io)?;
    if !meta.is_dir() {
        return match sniff(path, Named::ByUser).map_err(io)? {
            Some((what, text)) => Ok(vec![Discovered {
                what,
                path: path.to_path_buf(),
                text,
            }]),
            None => Err(ImportError::Unrecognised {
                path: path.to_path_buf(),
            }),
        };
    }
    if let Some(what) = folder_kind(path) {
        return Ok(vec![Discovered {
            what,
            path: path.to_path_buf(),
            text: None,
        }]);
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(path)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let mut found = Vec::new();
    for entry in entries {
        let sniffed = if entry.is_dir() {
            folder_kind(&entry).map(|what| (what, None))
        } else if entry.is_file() {
            // In a folder of many things, what is not ours is passed over.
            sniff(&entry, Named::InFolder).ok().flatten()
        } else {
            // A pipe or a device would be read forever.
            None
        };
        if let Some((what, text)) = sniffed {
            found.push(Discovered {
                what,
                path: entry,
                text,
            });
        }
    }
    if found.is_empty() {
        return Err(ImportError::NothingFound {
            path: path.to_path_buf(),
        });
    }
    Ok(found)
}

/// A folder that is one input: a Maildir, or the unpacked export.
fn folder_kind(folder: &Path) -> Option<What> {
    if mail::is_maildir(folder) {
        Some(What::Maildir)
    } else if holds_export_files(folder) {
        Some(What::Export)
    } else {
        None
    }
}

/// Files only LinkedIn's export holds; a folder with some of them but no
/// `Invitations.csv` is an export that says what it lacks.
const EXPORT_FILES: &[&str] = &[
    "Invitations.csv",
    "Connections.csv",
    "Profile.csv",
    "Positions.csv",
];

fn holds_export_files(folder: &Path) -> bool {
    let Ok(entries) = fs::read_dir(folder) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        EXPORT_FILES.iter().any(|f| name.eq_ignore_ascii_case(f))
    })
}

/// How a file came to be read: named by the user, who means it to be read
/// (so a page that is not an invitation page is an error), or found in a
/// folder among other things (so only what is surely ours is taken).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    ByUser,
    InFolder,
}

/// What a file is, from its first bytes; for HTML found in a folder, from
/// the whole page, whose text comes back so it is not read twice.
fn sniff(path: &Path, named: Named) -> std::io::Result<Option<(What, Option<String>)>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    files::open(path)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    let text = String::from_utf8_lossy(&head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let extension = |wanted: &str| {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(wanted))
    };
    let in_folder = named == Named::InFolder;
    let what = if head.starts_with(b"PK\x03\x04") || extension("zip") {
        (!in_folder || zip_holds_invitations(path)).then_some(What::Export)
    } else if extension("json")
        || (!in_folder && (start.starts_with('{') || start.starts_with('[')))
    {
        Some(What::QueueFile)
    } else if start.starts_with("From,To,") || (!in_folder && extension("csv")) {
        Some(What::Export)
    } else if let Some(format) = mail::sniff(&head) {
        Some(match format {
            mail::MailFormat::Eml => What::Eml,
            mail::MailFormat::Mbox => What::Mbox,
        })
    } else if start.starts_with('<') || extension("html") || extension("htm") {
        if in_folder {
            let text = String::from_utf8_lossy(&files::read(path)?).into_owned();
            return Ok(page::looks_like_page(&text).then_some((What::Page, Some(text))));
        } else {
            // Named as a page: reading it says what is wrong if it is none.
            Some(What::Page)
        }
    } else {
        None
    };
    Ok(what.map(|what| (what, None)))
}

/// Whether a zip found in a folder is LinkedIn's export: it holds
/// `Invitations.csv`, in whatever folder of the archive.
fn zip_holds_invitations(path: &Path) -> bool {
    let Ok(file) = files::open(path) else {
        return false;
    };
    zip::ZipArchive::new(file).is_ok_and(|archive| {
        archive.file_names().flatten().any(|name| {
            name.rsplit('/')
                .next()
                .is_some_and(|f| f.eq_ignore_ascii_case("Invitations.csv"))
        })
    })
}

/// Reads one input: what it gives the join, its invitations and skips.
/// `text` is the page's, when it was read already.
fn read(
    what: What,
    path: &Path,
    text: Option<String>,
) -> Result<(Input, usize, usize), ImportError> {
    let io = |error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    };
    let kind = what.source();
    let saved = modified(path);
    let invalid = |problem: Problem| ImportError::Invalid {
        path: path.to_path_buf(),
        problems: vec![problem],
    };
    let sightings = |sightings: Vec<Sighting>, date: Option<Date>| Input::Sightings {
        kind,
        date,
        sightings,
        warnings: Vec::new(),
    };
    Ok(match what {
        What::QueueFile | What::Export => {
            let queue = if what == What::Export {
                linkedin::load(path)?
            } else {
                queue_file(path)?
            };
            let (count, skipped) = (queue.invitations.len(), queue.skipped_rows);
            let date = (what == What::Export).then(|| saved.date());
            let queue = Box::new(queue);
            (Input::Queue { kind, date, queue }, count, skipped)
        }
        What::Page => {
            let html = match text {
                Some(text) => text,
                None => String::from_utf8_lossy(&files::read(path).map_err(io)?).into_owned(),
            };
            let cards = page::read(&html, saved).map_err(invalid)?;
            let count = cards.len();
            (sightings(cards, Some(saved.date())), count, 0)
        }
        What::Eml | What::Mbox | What::Maildir => {
            let mailbox = match what {
                What::Maildir => mail::read_maildir(path)?,
                What::Eml => mail::read_eml(&files::read(path).map_err(io)?).map_err(invalid)?,
                // An mbox may be gigabytes: one message in memory at a time.
                _ => mail::read_mbox_from(BufReader::new(files::open(path).map_err(io)?))
                    .map_err(|e| e.at(path))?,
            };
            let count = mailbox.sightings.len();
            let input = Input::Sightings {
                kind,
                date: None,
                sightings: mailbox.sightings,
                warnings: prefixed(path, mailbox.warnings),
            };
            (input, count, mailbox.skipped)
        }
    })
}

/// Warnings that name their file, as the export's do.
fn prefixed(path: &Path, warnings: Vec<String>) -> Vec<String> {
    warnings
        .into_iter()
        .map(|w| format!("{}: {w}", path.display()))
        .collect()
}

/// A queue file, read from disk a buffer at a time.
fn queue_file(path: &Path) -> Result<Queue, ImportError> {
    let io = |error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    };
    let file = files::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let mut queue = queue_json::read(file, size).map_err(|error| match error {
        ReadError::Io(error) => io(error),
        ReadError::Invalid(problems) => ImportError::Invalid {
            path: path.to_path_buf(),
            problems,
        },
    })?;
    for warning in &mut queue.warnings {
        *warning = format!("{}:{warning}", path.display());
    }
    Ok(queue)
}

/// When the file was last written: for a saved page, when it was saved.
/// A time stamp that cannot be told as a date reads as now.
fn modified(path: &Path) -> OffsetDateTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(from_system_time)
        .unwrap_or_else(OffsetDateTime::now_utc)
}
