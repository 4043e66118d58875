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

const SMALL: Limits = Limits {
    entries: 50,
    bytes: 1 << 20,
};

fn open(zip: Cursor<Vec<u8>>) -> Result<Zip<Cursor<Vec<u8>>>, ImportError> {
    Zip::open(zip, Path::new("export.zip"), SMALL)
}

/// Each file of the export that the zip has, read whole: its path and bytes.
fn read_all(zip: &mut Zip<Cursor<Vec<u8>>>) -> Vec<(PathBuf, Vec<u8>)> {
    let mut read = Vec::new();
    for name in [
        "Invitations.csv",
        "Connections.csv",
        "Profile.csv",
        "Positions.csv",
    ] {
        if let Some(mut source) = zip.open(name).unwrap() {
            let mut bytes = Vec::new();
            // An error here is the bound, which `within_bounds` then tells.
            let _ = source.reader.read_to_end(&mut bytes);
            read.push((source.path.clone(), bytes));
        }
    }
    read
}

fn bound_error(zip: &Zip<Cursor<Vec<u8>>>) -> String {
    zip.within_bounds().unwrap_err().to_string()
}

#[test]
fn the_bytes_inflated_are_capped_across_the_archive() {
    // Four entries each under the cap, together over it.
    let third = vec![b'a'; (SMALL.bytes / 3) as usize];
    let mut entries = Vec::new();
    for name in [
        "Invitations.csv",
        "Connections.csv",
        "Profile.csv",
        "Positions.csv",
    ] {
        entries.push((name, third.as_slice()));
    }
    let mut zip = open(zip_of(&entries)).unwrap();
    read_all(&mut zip);
    assert_eq!(
        bound_error(&zip),
        "export.zip: cannot be read as a zip archive: its files inflate to more than 1 MiB, \
         far past any export; not read"
    );
    // Three of them fit.
    let mut zip = open(zip_of(&entries[..3])).unwrap();
    assert_eq!(read_all(&mut zip).len(), 3);
    assert!(zip.within_bounds().is_ok());
}

#[test]
fn a_bomb_is_read_no_further_than_the_bound() {
    let bomb = vec![b'0'; 3 << 20];
    let mut zip = open(zip_of(&[("Invitations.csv", &bomb)])).unwrap();
    let read = read_all(&mut zip);
    assert!(
        read[0].1.len() as u64 <= SMALL.bytes,
        "{} bytes",
        read[0].1.len()
    );
    assert!(bound_error(&zip).contains("more than 1 MiB"));
}

#[test]
fn a_zip_of_too_many_entries_is_refused_before_any_is_read() {
    let names: Vec<String> = (0..60).map(|n| format!("junk/{n}.txt")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    entries.push(("Invitations.csv", HEADER.as_bytes()));
    let err = open(zip_of(&entries)).map(|_| ()).unwrap_err();
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
    let err = open(zip).map(|_| ()).unwrap_err();
    assert!(
        err.to_string().contains(
            "two Invitations.csv in one folder, export/INVITATIONS.CSV and export/Invitations.csv"
        ),
        "{err}"
    );
}

#[test]
fn two_entries_of_one_name_are_refused() {
    let csv = format!("{HEADER}{ROW}");
    let zip = zip_of(&[
        ("Invitations.csv", csv.as_bytes()),
        ("Invitations.csX", csv.as_bytes()),
    ]);
    // The writer refuses two of one name, so the second is renamed after.
    let mut bytes = zip.into_inner();
    let mut at = 0;
    while let Some(found) = bytes[at..]
        .windows(15)
        .position(|w| w == b"Invitations.csX")
    {
        bytes[at + found + 14] = b'v';
        at += found + 15;
    }
    let err = open(Cursor::new(bytes)).map(|_| ()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "export.zip: cannot be read as a zip archive: two of its entries have the same name; \
         which to read cannot be told"
    );
}

#[test]
fn of_two_exports_the_one_read_is_named_and_its_files_go_together() {
    let older = format!("{HEADER}{ROW}");
    let newer = format!("{HEADER}{ROW}{}", ROW.replace("Ann Lee", "Bo Chen"));
    let mut zip = open(zip_of(&[
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
    ]))
    .unwrap();
    assert_eq!(
        zip.notes(),
        ["export.zip: holds 2 exports; read the one in Basic_2025-01/, not Basic_2026-02/"]
    );
    let read = read_all(&mut zip);
    assert_eq!(read[0].1, older.as_bytes());
    assert_eq!(
        read[1],
        (
            PathBuf::from("export.zip/Basic_2025-01/Connections.csv"),
            b"First Name,Last Name\nAnn,Lee\n".to_vec()
        )
    );
}

#[test]
fn an_entry_named_from_the_root_is_told_as_inside_the_zip() {
    let csv = format!("{HEADER}{ROW}");
    let mut zip = open(zip_of(&[("/etc/Invitations.csv", csv.as_bytes())])).unwrap();
    assert_eq!(
        read_all(&mut zip)[0].0,
        Path::new("export.zip/etc/Invitations.csv")
    );
    assert!(zip.notes().is_empty());
}

#[test]
fn an_entry_name_is_cleaned_before_it_is_shown() {
    let csv = format!("{HEADER}{ROW}");
    let mut zip = open(zip_of(&[("a\u{1b}[31m/Invitations.csv", csv.as_bytes())])).unwrap();
    let shown = read_all(&mut zip)[0].0.to_string_lossy().into_owned();
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}
