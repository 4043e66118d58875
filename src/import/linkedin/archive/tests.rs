//! Zips built in memory: bombs, too many entries, two exports in one zip,
//! names that point outside it.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::*;

const HEADER: &str = "From,To,Sent At,Message,Direction\n";
const ROW: &str = "Ann Lee,Me,\"4/11/13, 9:05 AM\",Hi,INCOMING\n";

/// A zip of `entries`, each a name and what the entry holds, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Cursor<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    let mut zip = writer.finish().unwrap();
    zip.set_position(0);
    zip
}

fn read(zip: Cursor<Vec<u8>>, limits: Limits) -> Result<Export, ImportError> {
    read_zip(zip, Path::new("export.zip"), limits)
}

const SMALL: Limits = Limits {
    entries: 50,
    bytes: 1 << 20,
};

#[test]
fn the_bytes_inflated_are_capped_across_the_archive() {
    // Four entries each under the cap, together over it.
    let quarter = vec![b'a'; (SMALL.bytes / 3) as usize];
    let mut zip = Vec::new();
    for name in [
        "Invitations.csv",
        "Connections.csv",
        "Profile.csv",
        "Positions.csv",
    ] {
        zip.push((name, quarter.as_slice()));
    }
    let err = read(zip_of(&zip), SMALL).map(|_| ()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "export.zip: cannot be read as a zip archive: its files inflate to more than 1 MiB, \
         far past any export; not read"
    );
    // Three of them fit.
    assert!(read(zip_of(&zip[..3]), SMALL).is_ok());
}

#[test]
fn a_bomb_of_one_entry_is_refused_past_the_cap() {
    let bomb = vec![b'0'; 3 << 20];
    let err = read(zip_of(&[("Invitations.csv", &bomb)]), SMALL)
        .map(|_| ())
        .unwrap_err();
    assert!(err.to_string().contains("more than 1 MiB"), "{err}");
}

#[test]
fn a_zip_of_too_many_entries_is_refused_before_any_is_read() {
    let names: Vec<String> = (0..60).map(|n| format!("junk/{n}.txt")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    entries.push(("Invitations.csv", HEADER.as_bytes()));
    let err = read(zip_of(&entries), SMALL).map(|_| ()).unwrap_err();
    assert!(
        err.to_string()
            .contains("it holds 61 entries, more than the 50"),
        "{err}"
    );
}

#[test]
fn two_invitations_in_one_folder_are_refused_naming_both() {
    let csv = format!("{HEADER}{ROW}");
    let zip = zip_of(&[
        ("export/Invitations.csv", csv.as_bytes()),
        ("export/INVITATIONS.CSV", csv.as_bytes()),
    ]);
    let err = read(zip, SMALL).map(|_| ()).unwrap_err();
    assert!(
        err.to_string().contains(
            "two Invitations.csv in one folder, export/INVITATIONS.CSV and export/Invitations.csv"
        ),
        "{err}"
    );
}

#[test]
fn of_two_exports_the_one_read_is_named_and_its_files_go_together() {
    let older = format!("{HEADER}{ROW}");
    let newer = format!("{HEADER}{ROW}{}", ROW.replace("Ann Lee", "Bo Chen"));
    let zip = zip_of(&[
        ("Basic_2026-02/Invitations.csv", newer.as_bytes()),
        (
            "Basic_2026-02/Connections.csv",
            b"First Name,Last Name\nBo,Chen\n",
        ),
        ("Basic_2025-01/Invitations.csv", older.as_bytes()),
        (
            "Basic_2025-01/Connections.csv",
            b"First Name,Last Name\nAnn,Lee\n",
        ),
    ]);
    let export = read(zip, SMALL).unwrap();
    assert_eq!(
        export.notes,
        ["export.zip: holds 2 exports; read the one in Basic_2025-01/, not Basic_2026-02/"]
    );
    assert_eq!(export.invitations.bytes, older.as_bytes());
    let connections = export.connections.unwrap();
    assert_eq!(connections.bytes, b"First Name,Last Name\nAnn,Lee\n");
    assert_eq!(
        connections.path,
        Path::new("export.zip/Basic_2025-01/Connections.csv")
    );
}

#[test]
fn an_entry_named_from_the_root_is_told_as_inside_the_zip() {
    let csv = format!("{HEADER}{ROW}");
    let export = read(zip_of(&[("/etc/Invitations.csv", csv.as_bytes())]), SMALL).unwrap();
    assert_eq!(
        export.invitations.path,
        Path::new("export.zip/etc/Invitations.csv")
    );
    assert!(export.notes.is_empty());
}

#[test]
fn an_entry_name_is_cleaned_before_it_is_shown() {
    let csv = format!("{HEADER}{ROW}");
    let export = read(
        zip_of(&[("a\u{1b}[31m/Invitations.csv", csv.as_bytes())]),
        SMALL,
    )
    .unwrap();
    let shown = export.invitations.path.to_string_lossy().into_owned();
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}
