//! No row of the public evaluation set is ever quoted in the project: a
//! display name, a profile address or a run of a bio copied into the code
//! would let the score learn the test set. This test reads every row of
//! `tests/data/cresci-2015/queue.json` and fails, naming the file and what
//! was found, when any of them occurs in a file of `src/`, `tests/`,
//! `benches/` or `assets/`, or in the README. The data sets themselves are
//! left out: `tests/data/` and the word lists of `assets/names/`.
//!
//! What counts as a quote, compared case-insensitively on word tokens
//! (runs of letters, digits and `_`; punctuation and spacing are ignored):
//! - a display name of two words or more and 8 characters or more;
//! - a profile-address slug (last path segment) of 6 characters or more,
//!   without a hyphen, unless it is ordinary vocabulary;
//! - any 6 consecutive words of a headline or about text, 25 characters or
//!   more once joined by single spaces.
//!
//! "Ordinary vocabulary" is judged from the set itself: a letters-only slug
//! or a display name that occurs as a word or phrase in the bios of two
//! rows or more ("photography", "kind words") is language, not a row.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const MIN_NAME_WORDS: usize = 2;
const MIN_NAME_CHARS: usize = 8;
const MIN_SLUG_CHARS: usize = 6;
const BIO_WINDOW_WORDS: usize = 6;
const MIN_BIO_WINDOW_CHARS: usize = 25;
/// A word or phrase in this many rows' bios is ordinary vocabulary.
const VOCABULARY_MIN_ROWS: usize = 2;

/// What a row offers to be quoted.
#[derive(Debug, Clone)]
struct Row {
    name: String,
    slug: String,
    bios: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Slug,
    Bio,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Slug => "slug",
            Kind::Bio => "bio",
        }
    }
}

/// Lowercase word tokens: runs of alphanumeric characters and `_`.
fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn hash_words<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.len().hash(&mut hasher);
    for w in words {
        w.as_ref().hash(&mut hasher);
    }
    hasher.finish()
}

fn joined_len<S: AsRef<str>>(words: &[S]) -> usize {
    words
        .iter()
        .map(|w| w.as_ref().chars().count())
        .sum::<usize>()
        + words.len().saturating_sub(1)
}

/// The last path segment of a profile URL, without query or fragment.
fn slug_of(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.trim_end_matches('/').rsplit('/').next().unwrap_or(url)
}

struct Needle {
    kind: Kind,
    words: Vec<String>,
}

/// Every quotable token sequence of the rows, indexed by the hash of its
/// words and grouped by length so a source is scanned once per length.
struct Needles {
    by_hash: HashMap<u64, Vec<Needle>>,
    lengths: Vec<usize>,
}

impl Needles {
    fn new(rows: &[Row]) -> Self {
        let vocabulary = Self::vocabulary(rows);
        let mut by_hash: HashMap<u64, Vec<Needle>> = HashMap::new();
        let mut add = |kind: Kind, words: Vec<String>| {
            let bucket = by_hash.entry(hash_words(&words)).or_default();
            if !bucket.iter().any(|n| n.words == words) {
                bucket.push(Needle { kind, words });
            }
        };
        for row in rows {
            let name = tokens(&row.name);
            if row.name.split_whitespace().count() >= MIN_NAME_WORDS
                && name.len() >= MIN_NAME_WORDS
                && joined_len(&name) >= MIN_NAME_CHARS
                && !vocabulary.contains(&hash_words(&name))
            {
                add(Kind::Name, name);
            }

            let slug = row.slug.trim();
            let slug_words = tokens(slug);
            let plain_word = slug.chars().all(char::is_alphabetic)
                && vocabulary.contains(&hash_words(&slug_words));
            if slug.chars().count() >= MIN_SLUG_CHARS
                && !slug.contains('-')
                && !slug_words.is_empty()
                && !plain_word
            {
                add(Kind::Slug, slug_words);
            }

            for bio in &row.bios {
                for window in tokens(bio).windows(BIO_WINDOW_WORDS) {
                    if joined_len(window) >= MIN_BIO_WINDOW_CHARS {
                        add(Kind::Bio, window.to_vec());
                    }
                }
            }
        }
        let mut lengths: Vec<usize> = by_hash
            .values()
            .flatten()
            .map(|n| n.words.len())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        lengths.sort_unstable();
        Needles { by_hash, lengths }
    }

    /// Hashes of the word sequences (up to the longest name) that occur in
    /// the bios of `VOCABULARY_MIN_ROWS` rows or more.
    fn vocabulary(rows: &[Row]) -> HashSet<u64> {
        let longest = rows
            .iter()
            .map(|r| tokens(&r.name).len().max(tokens(&r.slug).len()))
            .max()
            .unwrap_or(0);
        let mut rows_with: HashMap<u64, usize> = HashMap::new();
        for row in rows {
            let mut seen = HashSet::new();
            for bio in &row.bios {
                let words = tokens(bio);
                for n in 1..=longest.min(words.len()) {
                    for window in words.windows(n) {
                        seen.insert(hash_words(window));
                    }
                }
            }
            for h in seen {
                *rows_with.entry(h).or_default() += 1;
            }
        }
        rows_with
            .into_iter()
            .filter(|&(_, rows)| rows >= VOCABULARY_MIN_ROWS)
            .map(|(h, _)| h)
            .collect()
    }

    /// Every needle quoted in `source`, as "kind: \"words\"", each once.
    fn find(&self, source: &str) -> Vec<String> {
        let words = tokens(source);
        let mut found = Vec::new();
        for &n in &self.lengths {
            for window in words.windows(n) {
                let Some(bucket) = self.by_hash.get(&hash_words(window)) else {
                    continue;
                };
                for needle in bucket {
                    if needle.words.as_slice() == window {
                        let hit = format!("{}: \"{}\"", needle.kind.label(), window.join(" "));
                        if !found.contains(&hit) {
                            found.push(hit);
                        }
                    }
                }
            }
        }
        found
    }
}

/// What of `rows` is quoted in `source_text`.
fn find_quotes(rows: &[Row], source_text: &str) -> Vec<String> {
    Needles::new(rows).find(source_text)
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn eval_rows() -> Vec<Row> {
    let path = manifest_dir().join("tests/data/cresci-2015/queue.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let queue: serde_json::Value = serde_json::from_str(&text).expect("queue.json is JSON");
    let invitations = queue["invitations"].as_array().expect("invitations[]");
    assert!(
        !invitations.is_empty(),
        "no invitations in {}",
        path.display()
    );
    invitations
        .iter()
        .map(|inv| {
            let profile = &inv["profile"];
            let field = |key: &str| profile[key].as_str().unwrap_or("").to_string();
            let mut bios = vec![field("headline")];
            let about = field("about");
            if about != bios[0] {
                bios.push(about);
            }
            bios.retain(|b| !b.trim().is_empty());
            Row {
                name: field("name"),
                slug: slug_of(&field("url")).to_string(),
                bios,
            }
        })
        .collect()
}

/// Where the project's own words are.
const SEARCHED: &[&str] = &["src", "tests", "benches", "assets", "README.md"];

/// Data, not words of ours: the evaluation sets and the shipped lists.
fn is_data(path: &Path, root: &Path) -> bool {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.starts_with("tests/data")
        || (relative.starts_with("assets/names") && path.extension().is_some_and(|e| e == "txt"))
}

fn source_files(path: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    if is_data(path, root) {
        return;
    }
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for entry in entries {
        source_files(&entry.expect("directory entry").path(), root, out);
    }
}

#[test]
fn no_evaluation_row_is_quoted_in_the_project() {
    let rows = eval_rows();
    let needles = Needles::new(&rows);
    let root = manifest_dir();
    let mut files = Vec::new();
    for searched in SEARCHED {
        source_files(&root.join(searched), &root, &mut files);
    }
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("src/score/mod.rs")),
        "the sources are searched"
    );

    let mut report = Vec::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        // Text files only: anything that is not UTF-8 is not source.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        for hit in needles.find(&text) {
            report.push(format!("{shown}: {hit}"));
        }
    }
    assert!(
        report.is_empty(),
        "{} quote(s) of the evaluation set found:\n{}",
        report.len(),
        report.join("\n")
    );
}

fn invented_row() -> Row {
    Row {
        name: "Quillon Marraway".to_string(),
        slug: "quillonmarrawayzq".to_string(),
        bios: vec!["an invented bio line that nobody ever wrote here".to_string()],
    }
}

#[test]
fn a_quoted_row_is_found() {
    let rows = [invented_row()];
    let source = r#"
        #[test]
        fn quotes() {
            check("QUILLON  marraway", "https://x.invalid/QuillonMarrawayZQ/");
            // An invented bio line, that nobody ever wrote.
        }
    "#;
    let found = find_quotes(&rows, source);
    assert_eq!(
        found.iter().filter(|f| f.starts_with("name: ")).count(),
        1,
        "{found:?}"
    );
    assert!(
        found.contains(&"slug: \"quillonmarrawayzq\"".to_string()),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.starts_with("bio: ")), "{found:?}");

    let unrelated = r#"
        const NOTE: &str = "I would like to add you to my professional network.";
        fn quill(on: u8) -> u8 { on } // an invented line
    "#;
    assert_eq!(find_quotes(&rows, unrelated), Vec::<String>::new());
}

#[test]
fn ordinary_vocabulary_is_not_a_quote() {
    let rows = [
        Row {
            name: "kind words".to_string(),
            slug: "photography".to_string(),
            bios: vec!["Weddings and photography, kind words for all".to_string()],
        },
        Row {
            name: "Quillon Marraway".to_string(),
            slug: "quillonmarrawayzq".to_string(),
            bios: vec!["street photography and kind words".to_string()],
        },
    ];
    let source = "const WORDS: &[&str] = &[\"photography\", \"kind words\"];";
    assert_eq!(find_quotes(&rows, source), Vec::<String>::new());
}
