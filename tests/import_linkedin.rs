//! LinkedIn's data export, through `import::load` as the commands call it,
//! on fixtures written for this project in the export's real formats.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

use inviteq::import::{self, ImportError};
use inviteq::model::{Invitation, Queue};
use tempfile::TempDir;
use zip::write::SimpleFileOptions;

#[path = "import_linkedin/robustness.rs"]
mod robustness;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/linkedin")
        .join(name)
}

fn load(path: &Path) -> Queue {
    import::load(path).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(queue: &Queue) -> Vec<&str> {
    queue.invitations.iter().map(|i| i.id.as_str()).collect()
}

fn by_name<'q>(queue: &'q Queue, name: &str) -> &'q Invitation {
    queue
        .invitations
        .iter()
        .find(|i| i.profile.name == name)
        .unwrap_or_else(|| panic!("no invitation from {name}"))
}

/// The warning about `line` of `file`, told as `FILE:LINE: message`.
fn warning_at<'q>(queue: &'q Queue, file: &str, line: usize) -> &'q str {
    let place = format!("{file}:{line}: ");
    queue
        .warnings
        .iter()
        .find(|w| w.contains(&place))
        .unwrap_or_else(|| panic!("no warning at {place} in {:#?}", queue.warnings))
}

/// Zips the files of `folder` under `prefix` inside the archive, the way
/// LinkedIn mails an export.
fn zip_folder(folder: &Path, prefix: &str, into: &Path) {
    let mut writer = zip::ZipWriter::new(std::fs::File::create(into).unwrap());
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}{}", path.file_name().unwrap().to_str().unwrap());
        writer
            .start_file(name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    writer
        .start_file(
            format!("{prefix}messages.csv"),
            SimpleFileOptions::default(),
        )
        .unwrap();
    writer.write_all(b"CONVERSATION ID,FROM,TO\n").unwrap();
    writer.finish().unwrap();
}

#[test]
fn reads_only_incoming_rows_of_a_newer_export() {
    let queue = load(&fixture("export-day1"));
    let names: Vec<&str> = queue
        .invitations
        .iter()
        .map(|i| i.profile.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ann Lee",
            "José Ruiz",
            "Resume Girl",
            "Carl Berg",
            "Eve Stone",
            "Nora Quinn",
            "Gus Hale"
        ],
        "OUTGOING rows are left out; a lower-case direction still counts"
    );
    let ann = by_name(&queue, "Ann Lee");
    assert_eq!(ann.id, "linkedin.com/in/ann-lee");
    assert_eq!(
        ann.profile.url.as_deref(),
        Some("https://www.linkedin.com/in/ann-lee")
    );
    let sent = ann.sent_at.expect("a date");
    assert_eq!(
        (
            sent.year(),
            u8::from(sent.month()),
            sent.day(),
            sent.hour(),
            sent.minute()
        ),
        (2026, 2, 7, 9, 5)
    );
    assert_eq!(
        ann.profile.headline, None,
        "an export says nothing of the profile"
    );
    assert_eq!(ann.profile.connections, None);
}

#[test]
fn a_note_keeps_its_quoted_line_breaks_and_doubled_quotes() {
    let queue = load(&fixture("export-day1"));
    assert_eq!(
        by_name(&queue, "Ann Lee").message.as_deref(),
        Some("Hi Jason,\n\nwe met at the \"Open Networkers\" meetup in Salt Lake.\nAnn")
    );
    assert_eq!(
        by_name(&queue, "Gus Hale").message,
        None,
        "an empty note is no note"
    );
}

#[test]
fn a_latin1_byte_is_decoded_with_a_warning_naming_its_line() {
    let queue = load(&fixture("export-day1"));
    by_name(&queue, "José Ruiz");
    assert!(warning_at(&queue, "Invitations.csv", 7).contains("not UTF-8"));
}

#[test]
fn unreadable_rows_are_skipped_counted_and_told_by_line() {
    let queue = load(&fixture("export-day1"));
    assert_eq!(queue.skipped_rows, 4);
    assert!(warning_at(&queue, "Invitations.csv", 9).contains("only a date"));
    assert!(warning_at(&queue, "Invitations.csv", 10).contains("5 fields where the header has 7"));
    assert!(warning_at(&queue, "Invitations.csv", 11).contains("8 fields where the header has 7"));
    assert!(warning_at(&queue, "Invitations.csv", 16).contains("quote"));
    assert!(
        warning_at(&queue, "Invitations.csv", 16)
            .starts_with(fixture("export-day1").to_str().unwrap())
    );
}

#[test]
fn duplicate_rows_are_merged_keeping_the_note() {
    let queue = load(&fixture("export-day1"));
    let resume: Vec<_> = queue
        .invitations
        .iter()
        .filter(|i| i.profile.name == "Resume Girl")
        .collect();
    assert_eq!(resume.len(), 1);
    assert!(
        resume[0]
            .message
            .as_deref()
            .unwrap()
            .starts_with("I help professionals")
    );
    assert!(warning_at(&queue, "Invitations.csv", 12).contains("same invitation as line 8"));
}

#[test]
fn an_unreadable_date_is_unknown_with_a_warning() {
    let queue = load(&fixture("export-day1"));
    assert_eq!(by_name(&queue, "Eve Stone").sent_at, None);
    assert!(warning_at(&queue, "Invitations.csv", 14).contains("\"yesterday\""));
}

#[test]
fn without_a_url_the_id_is_name_and_day() {
    let queue = load(&fixture("export-day1"));
    assert_eq!(by_name(&queue, "Nora Quinn").id, "Nora Quinn 2026-01-30");
}

#[test]
fn connections_mark_inviters_and_profile_names_the_owner() {
    let queue = load(&fixture("export-day1"));
    let connected: Vec<&str> = queue
        .invitations
        .iter()
        .filter(|i| i.already_connected)
        .map(|i| i.profile.name.as_str())
        .collect();
    assert_eq!(
        connected,
        ["Carl Berg"],
        "matched by URL however it is written"
    );
    let network = queue
        .owner
        .network
        .as_ref()
        .expect("Connections.csv was read");
    assert_eq!(network.count, 3);
    assert_eq!(network.connections_at("ACME CORP"), 2);
    assert_eq!(network.connections_at("Initech, Inc."), 1);
    assert_eq!(queue.owner.name.as_deref(), Some("Jason Example"));
    assert_eq!(
        queue.owner.headline.as_deref(),
        Some("Open networker, LinkedIn trainer")
    );
    assert_eq!(
        queue.owner.company.as_deref(),
        Some("Example Training"),
        "the position not finished, from Positions.csv"
    );
}

#[test]
fn an_older_export_without_urls_or_preamble() {
    let queue = load(&fixture("export-2019"));
    assert_eq!(ids(&queue), ["Pat Doe 2013-04-11", "Quinn Ray 2013-03-02"]);
    let quinn = by_name(&queue, "Quinn Ray");
    let sent = quinn
        .sent_at
        .expect("a four-digit year and a 24-hour clock read");
    assert_eq!((sent.year(), sent.hour(), sent.minute()), (2013, 17, 45));
    assert!(
        quinn.already_connected,
        "matched by full name when there are no URLs"
    );
    assert!(!by_name(&queue, "Pat Doe").already_connected);
    assert_eq!(
        queue.owner.name.as_deref(),
        Some("Jason Example"),
        "from To, without Profile.csv"
    );
    assert!(queue.warnings.is_empty(), "{:?}", queue.warnings);
    assert_eq!(queue.skipped_rows, 0);
}

#[test]
fn same_export_as_folder_zip_and_lone_csv_gives_the_same_ids() {
    let folder = fixture("export-day1");
    let dir = TempDir::new().unwrap();
    let zipped = dir.path().join("Basic_LinkedIn_DataExport_02-08-2026.zip");
    zip_folder(&folder, "", &zipped);
    let nested = dir.path().join("nested.ZIP");
    zip_folder(&folder, "Basic_LinkedIn_DataExport/", &nested);

    let from_folder = load(&folder);
    let from_zip = load(&zipped);
    let from_nested = load(&nested);
    let from_csv = load(&folder.join("Invitations.csv"));
    assert_eq!(ids(&from_folder), ids(&from_zip));
    assert_eq!(ids(&from_folder), ids(&from_nested));
    assert_eq!(ids(&from_folder), ids(&from_csv));
    assert_eq!(
        from_zip.invitations, from_folder.invitations,
        "Connections.csv read from the zip too"
    );
    assert_eq!(from_zip.owner, from_folder.owner);
    assert_eq!(from_zip.skipped_rows, from_folder.skipped_rows);
    assert!(
        warning_at(
            &from_zip,
            "Basic_LinkedIn_DataExport_02-08-2026.zip/Invitations.csv",
            7
        )
        .contains("UTF-8")
    );
}

#[test]
fn a_newer_export_keeps_the_ids_of_the_rows_in_common() {
    let today = load(&fixture("export-day1"));
    let tomorrow = load(&fixture("export-day2"));
    assert!(tomorrow.warnings.is_empty(), "{:?}", tomorrow.warnings);
    let (today, tomorrow) = (ids(&today), ids(&tomorrow));
    let new: Vec<&str> = tomorrow
        .iter()
        .copied()
        .filter(|id| !today.contains(id))
        .collect();
    let gone: Vec<&str> = today
        .iter()
        .copied()
        .filter(|id| !tomorrow.contains(id))
        .collect();
    assert_eq!(new, ["linkedin.com/in/kim-lo", "linkedin.com/in/lee-ma"]);
    assert_eq!(gone, ["linkedin.com/in/ann-lee"]);
    assert_eq!(tomorrow.len(), today.len() + 1);
}

#[test]
fn a_folder_holding_the_unpacked_folder_is_read_too() {
    let dir = TempDir::new().unwrap();
    let inner = dir.path().join("Basic_LinkedIn_DataExport");
    std::fs::create_dir(&inner).unwrap();
    for file in ["Invitations.csv", "Connections.csv"] {
        std::fs::copy(fixture("export-2019").join(file), inner.join(file)).unwrap();
    }
    assert_eq!(ids(&load(dir.path())), ids(&load(&fixture("export-2019"))));
}

#[test]
fn a_missing_or_broken_export_is_an_error_naming_the_path() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let err = import::load(&empty).unwrap_err();
    assert!(matches!(err, ImportError::NothingFound { .. }), "{err}");
    assert!(
        err.to_string().contains("empty: nothing inviteq reads"),
        "{err}"
    );
    std::fs::write(empty.join("Connections.csv"), "First Name,Last Name\n").unwrap();
    let err = import::load(&empty).unwrap_err();
    assert!(matches!(err, ImportError::MissingFile { .. }), "{err}");
    assert!(
        err.to_string().contains("empty: no Invitations.csv"),
        "{err}"
    );

    let fake = dir.path().join("export.zip");
    std::fs::write(&fake, "First Name,Last Name\n").unwrap();
    let err = import::load(&fake).unwrap_err();
    assert!(matches!(err, ImportError::NotAnArchive { .. }), "{err}");
    assert!(err.to_string().starts_with(fake.to_str().unwrap()), "{err}");

    let without = dir.path().join("without.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&without).unwrap());
    writer
        .start_file("Connections.csv", SimpleFileOptions::default())
        .unwrap();
    writer.finish().unwrap();
    assert!(matches!(
        import::load(&without),
        Err(ImportError::MissingFile { .. })
    ));

    let headerless = dir.path().join("Invitations.csv");
    std::fs::write(
        &headerless,
        "Ann Lee,Jason,\"4/11/13, 9:05 AM\",,INCOMING\n",
    )
    .unwrap();
    let err = import::load(&headerless).unwrap_err();
    assert!(
        err.to_string()
            .contains("Invitations.csv:1:1: no header row"),
        "{err}"
    );

    let missing = dir.path().join("gone.csv");
    assert!(matches!(
        import::load(&missing),
        Err(ImportError::Io { .. })
    ));
}

#[test]
fn other_files_are_still_read_as_queue_files() {
    let dir = TempDir::new().unwrap();
    let queue = dir.path().join("queue.json");
    std::fs::write(&queue, r#"[{"profile": {"name": "Ann Lee"}}]"#).unwrap();
    assert_eq!(load(&queue).invitations[0].profile.name, "Ann Lee");
}

/// A zip whose one valid row is repeated: one invitation and one warning
/// with its count, not a warning per row.
#[test]
fn a_repeated_row_gives_one_warning_with_its_count() {
    let dir = TempDir::new().unwrap();
    let mut csv = String::from("From,To,Sent At,Message,Direction\n");
    for _ in 0..10_000 {
        csv.push_str("Ann Lee,Me,\"4/11/13, 9:05 AM\",Hi,INCOMING\n");
    }
    let zipped = dir.path().join("export.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
    writer
        .start_file("Invitations.csv", SimpleFileOptions::default())
        .unwrap();
    writer.write_all(csv.as_bytes()).unwrap();
    writer.finish().unwrap();
    let queue = load(&zipped);
    assert_eq!(queue.invitations.len(), 1);
    assert_eq!(
        queue.warnings,
        [format!(
            "{}/Invitations.csv:3: the same invitation as line 2; the two are merged (9,999 times)",
            zipped.display()
        )]
    );
}
