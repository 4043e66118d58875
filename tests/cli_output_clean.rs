//! Whatever the command line prints, on stdout or stderr, reaches the
//! terminal as clean as the screen: no escape sequence (7- or 8-bit), no C1
//! control, no bidi override, even where it quotes the user's own files (a
//! config value, a template, a folder's name, a journal record).
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{Home, binary};
use inviteq::model::{Decision, Verdict};
use time::macros::datetime;

/// An OSC that retitles the window, a C1 CSI that turns text red, and a
/// right-to-left override: what a hostile file would hide in its text.
const HOSTILE: &str = "\u{1b}]0;pwned\u{07}\u{9b}31m\u{202e}";
/// The same in a TOML string, whose escapes are the only way to write C0
/// controls there.
const HOSTILE_TOML: &str = "\\u001b]0;pwned\\u0007\u{9b}31m\u{202e}";

/// `inviteq ARGS` in `home`, with its raw output bytes: (status, stdout, stderr).
fn run_raw(home: &Home, args: &[&std::ffi::OsStr]) -> (i32, Vec<u8>, Vec<u8>) {
    let output = Command::new(binary())
        .args(args)
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_DATA_HOME", home.data())
        .env("HOME", home.root.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        output.stdout,
        output.stderr,
    )
}

fn run(home: &Home, args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run_raw(home, &args)
}

/// Fails naming the first byte or character the terminal must not receive.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t' && c != '\r')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
    });
    if let Some((at, c)) = bad {
        panic!("{what} holds {c:?} at byte {at}: {text:?}");
    }
    // A lone 0x9b byte (8-bit CSI in Latin-1 terminals) would show above as
    // U+FFFD; say so plainly.
    assert!(
        !bytes.contains(&0x9b) || text.contains('\u{9b}'),
        "{what}: raw 0x9b"
    );
    assert!(!bytes.contains(&0x1b), "{what} holds a raw ESC: {text:?}");
}

fn config_file(home: &Home, text: &str) {
    let folder = home.config().join("inviteq");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), text).unwrap();
}

#[test]
fn a_config_error_quoting_the_value_prints_it_clean() {
    let home = Home::new();
    config_file(&home, &format!("policy = \"open{HOSTILE_TOML}\"\n"));
    let (status, stdout, stderr) = run(&home, &["score", "--demo"]);
    assert_eq!(status, 1, "{}", String::from_utf8_lossy(&stderr));
    let told = String::from_utf8_lossy(&stderr);
    assert!(told.contains("config.toml:1"), "{told}");
    assert!(told.contains("open"), "the value is still quoted: {told}");
    assert_clean("stderr", &stderr);
    assert_clean("stdout", &stdout);
}

#[test]
fn a_usage_error_quoting_what_was_typed_prints_it_clean() {
    let home = Home::new();
    let value = format!("open{HOSTILE}");
    let (status, stdout, stderr) = run(&home, &["score", "--demo", "--policy", &value]);
    assert_eq!(status, 2, "{}", String::from_utf8_lossy(&stderr));
    let told = String::from_utf8_lossy(&stderr);
    assert!(told.contains("invalid value 'open"), "{told}");
    assert_clean("stderr", &stderr);
    assert_clean("stdout", &stdout);
}

#[test]
fn templates_print_their_body_and_about_clean_with_their_lines() {
    let home = Home::new();
    let folder = home.config().join("inviteq");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("templates.toml"),
        format!(
            "[[template]]\nname = \"hello\"\nabout = \"for {HOSTILE_TOML}friends\"\n\
             body = \"Hi {HOSTILE_TOML}{{first_name}},\\nsee you.\"\n"
        ),
    )
    .unwrap();
    let (status, stdout, stderr) = run(&home, &["templates"]);
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
    let listing = String::from_utf8_lossy(&stdout);
    assert!(listing.contains("Hi {first_name},"), "{listing}");
    assert!(listing.contains("for friends"), "{listing}");
    assert_clean("stdout", &stdout);
    assert_clean("stderr", &stderr);
}

/// An export unpacked into a folder whose name holds escapes, with a row
/// that is skipped: the warning names the folder.
#[test]
fn warnings_naming_an_export_subfolder_print_clean() {
    let home = Home::new();
    let export = home.root.path().join("export");
    let inner = export.join(format!("Basic{HOSTILE}Export"));
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(
        inner.join("Invitations.csv"),
        "From,To,Sent At,Message,Direction\r\n\
         Ana Ruiz,Jason Example,\"4/11/13, 9:05 AM\",Hello,INCOMING\r\n\
         Bo Lee,Jason Example,\"4/11/13, 9:05 AM\",Hello,SIDEWAYS\r\n",
    )
    .unwrap();
    let (status, stdout, stderr) = run_raw(&home, &["check".as_ref(), export.as_os_str()]);
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
    let told = String::from_utf8_lossy(&stderr);
    assert!(
        told.contains("warning: ") && told.contains("SIDEWAYS"),
        "{told}"
    );
    assert!(told.contains("BasicExport"), "{told}");
    assert_clean("stderr", &stderr);
    assert_clean("stdout", &stdout);
}

#[test]
fn an_error_naming_a_file_prints_the_name_clean() {
    let home = Home::new();
    let missing: PathBuf = home.root.path().join(format!("gone{HOSTILE}.json"));
    for command in ["check", "score", "queue"] {
        let (status, stdout, stderr) = run_raw(&home, &[command.as_ref(), missing.as_os_str()]);
        assert_eq!(status, 1, "{command}");
        assert!(
            String::from_utf8_lossy(&stderr).contains("gone"),
            "{command}"
        );
        assert_clean(command, &stderr);
        assert_clean(command, &stdout);
    }
}

/// A journal record holding hostile text (hand-edited, or written by an
/// older version) is exported without a raw byte of it, in JSON as escapes
/// that read back the same, in CSV cleaned.
#[test]
fn export_of_a_hostile_journal_prints_clean_json_and_csv() {
    let home = Home::new();
    let name = format!("Eve{HOSTILE} Mallory");
    home.decided_on_demo(
        "inv-evil",
        &name,
        Decision {
            action: Verdict::Reply,
            template: Some("how-do-we-know".to_string()),
            reply: Some(format!("Hi{HOSTILE},\nhow do we know each other?")),
            decided_at: datetime!(2026-11-27 08:15 UTC),
            carried_out_at: None,
        },
    );

    let (status, stdout, stderr) = run(&home, &["export", "--demo"]);
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
    assert_clean("export JSON", &stdout);
    let records: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(
        records[0]["name"],
        name.as_str(),
        "JSON keeps the data, escaped"
    );

    let (status, stdout, stderr) = run(&home, &["export", "--demo", "--format", "csv"]);
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
    assert_clean("export CSV", &stdout);
    let csv = String::from_utf8_lossy(&stdout);
    assert!(csv.contains("\"Hi,\nhow do we know"), "{csv}");
}

/// At a terminal, as a person starts it: the console refuses a config
/// whose value holds an OSC that would retitle the window, and the
/// terminal receives the error without it.
#[test]
fn the_console_refusing_a_hostile_config_writes_no_escape_to_the_terminal() {
    let home = Home::new();
    config_file(&home, &format!("policy = \"open{HOSTILE_TOML}\"\n"));
    let mut console = home.console(&["--demo"]);
    let screen = console.wait_for("unknown policy");
    assert_eq!(console.wait(), 1, "{screen}");
    let raw = console.raw();
    let shown = String::from_utf8_lossy(&raw);
    assert!(!shown.contains("]0;pwned"), "{shown:?}");
    assert!(
        !shown.contains('\u{9b}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    assert!(!raw.contains(&0x1b), "{shown:?}");
}
