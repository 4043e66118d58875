//! Many sources, one queue, as a member would name them: LinkedIn's export,
//! the saved "Manage invitations" page and invitation e-mails, apart or in
//! one folder, through the real binary.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::Home;
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// An export naming two people of the page and one of the e-mails by their
/// profile addresses, with the whole notes the page cuts short.
fn export(dir: &Path) -> PathBuf {
    let folder = dir.join("Basic_LinkedInDataExport_11-28-2026");
    std::fs::create_dir_all(&folder).unwrap();
    let rows = [
        (
            "Mara Quist",
            "mara-quist-7b21a9",
            "Hi Jordan, we met at the Northgate design sprint in October and I'd love to keep in touch about the wayfinding project we sketched.",
        ),
        ("Tobiah Fenn", "tobiah-fenn", ""),
        ("Dana Whitfield", "dana-whitfield-8c41b2", ""),
    ];
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n");
    for (name, slug, note) in rows {
        csv.push_str(&format!(
            "{name},Jordan Avery,\"11/20/26, 9:05 AM\",\"{note}\",INCOMING,https://www.linkedin.com/in/{slug}/,https://www.linkedin.com/in/jordan-avery\r\n"
        ));
    }
    std::fs::write(folder.join("Invitations.csv"), csv).unwrap();
    folder
}

/// A Downloads folder: the export, the saved page and one e-mail, beside
/// things inviteq does not read.
fn downloads(home: &Home) -> PathBuf {
    let dir = home.root.path().join("Downloads");
    std::fs::create_dir_all(&dir).unwrap();
    export(&dir);
    std::fs::copy(
        fixture("page/ember-html-only.html"),
        dir.join("Manage invitations | LinkedIn.html"),
    )
    .unwrap();
    std::fs::copy(
        fixture("mail/2023-i-want-to-connect.eml"),
        dir.join("I want to connect.eml"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "shopping: milk").unwrap();
    std::fs::write(dir.join("settings.ini"), "[user]\nname = Jordan\n").unwrap();
    let mut other = zip::ZipWriter::new(std::fs::File::create(dir.join("photos.zip")).unwrap());
    other
        .start_file("holiday.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    other.finish().unwrap();
    std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    dir
}

fn queue_json(home: &Home, args: &[&str]) -> Value {
    let mut all = vec!["queue"];
    all.extend_from_slice(args);
    let (status, stdout, stderr) = home.run(&all);
    assert_eq!(status, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("queue JSON")
}

fn by_name<'q>(queue: &'q Value, name: &str) -> &'q Value {
    queue["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["profile"]["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {queue:#}"))
}

fn kinds(invitation: &Value) -> Vec<&str> {
    invitation["sources"]
        .as_array()
        .map(|s| s.iter().map(|s| s["kind"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn a_folder_of_export_page_and_email_joins_per_person() {
    let home = Home::new();
    let dir = downloads(&home);
    let (status, stdout, stderr) = home.run(&["check", dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    for what in ["LinkedIn export", "saved invitation page", "e-mail"] {
        assert!(stdout.contains(what), "{what}: {stdout}");
    }
    for passed_over in ["notes.txt", "settings.ini", "photos.zip"] {
        assert!(!stdout.contains(passed_over), "{passed_over}: {stdout}");
    }

    let queue = queue_json(&home, &[dir.to_str().unwrap()]);
    let mara = by_name(&queue, "Mara Quist");
    assert_eq!(kinds(mara), ["export", "page"]);
    assert_eq!(mara["id"], "linkedin.com/in/mara-quist-7b21a9");
    assert_eq!(
        mara["profile"]["headline"],
        "Senior Product Designer at Fernwood Labs"
    );
    assert_eq!(mara["profile"]["mutual_connections"], 9);
    assert_eq!(mara["profile"]["photo"], "person");
    // The export's whole note beats the page's cut one.
    assert!(mara["message"].as_str().unwrap().ends_with("we sketched."));
    assert!(mara.get("note_cut").is_none());
    assert_eq!(mara["sent_at"], "2026-11-20T09:05:00Z");
    assert_eq!(
        mara["sources"][0]["facts"],
        serde_json::json!(["message", "sent_at"])
    );
    let from_page = &mara["sources"][1]["facts"];
    for fact in ["headline", "photo", "mutual_connections"] {
        assert!(
            from_page.as_array().unwrap().contains(&fact.into()),
            "{from_page}"
        );
    }

    let dana = by_name(&queue, "Dana Whitfield");
    assert_eq!(kinds(dana), ["export", "e-mail"]);
    assert_eq!(dana["profile"]["mutual_connections"], 12);

    let ids: Vec<&str> = queue["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        ids.len(),
        unique.len(),
        "one invitation per person: {ids:?}"
    );
}

#[test]
fn the_joined_queue_reads_back_as_a_queue_file() {
    let home = Home::new();
    let dir = downloads(&home);
    let (_, stdout, _) = home.run(&["queue", dir.to_str().unwrap()]);
    let file = home.file("joined.json", &stdout);
    let again = queue_json(&home, &[file.to_str().unwrap()]);
    let first: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(again, first);
}

#[test]
fn tomorrows_page_and_export_keep_todays_ids() {
    let home = Home::new();
    let page = fixture("page/ember-html-only.html");
    let today = queue_json(&home, &[page.to_str().unwrap()]);
    let dir = home.root.path().join("tomorrow");
    std::fs::create_dir_all(&dir).unwrap();
    let export = export(&dir);
    let copy = dir.join("page.html");
    std::fs::copy(&page, &copy).unwrap();
    let tomorrow = queue_json(&home, &[export.to_str().unwrap(), copy.to_str().unwrap()]);
    for name in ["Mara Quist", "Tobiah Fenn"] {
        assert_eq!(by_name(&today, name)["id"], by_name(&tomorrow, name)["id"]);
    }
}

#[test]
fn what_is_not_an_invitation_source_is_an_error_naming_the_file() {
    let home = Home::new();
    let feed = fixture("page/feed.html");
    let (status, _, stderr) = home.run(&["check", feed.to_str().unwrap()]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("feed.html"), "{stderr}");
    let other_page = home.file("hello.html", "<html><body>hello</body></html>");
    let (status, _, stderr) = home.run(&["score", other_page.to_str().unwrap()]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("hello.html:1:1: not LinkedIn's Manage invitations page"),
        "{stderr}"
    );
    let garbled = home.file(
        "garbled.html",
        b"<html><div data-view-name=\"pending-invitation\"><a href=\"/in/x\"><<<\xff\xfe",
    );
    let (status, _, stderr) = home.run(&["score", garbled.to_str().unwrap()]);
    // A panic would say "internal fault" (main's hook) and exit 1.
    assert!(!stderr.contains("internal fault"), "{stderr}");
    assert!(status == 0 || stderr.contains("garbled.html"), "{stderr}");
    let mime = home.file(
        "broken.eml",
        b"From: Ana <invitations@linkedin.com>\r\nContent-Type: multipart/alternative; boundary=\"x\r\n\r\n--x\r\n\xff",
    );
    let (status, _, stderr) = home.run(&["check", mime.to_str().unwrap()]);
    assert!(!stderr.contains("internal fault"), "{stderr}");
    assert!(status == 0 || stderr.contains("broken.eml"), "{stderr}");
}

#[test]
fn the_console_shows_the_pages_facts_for_the_exports_people() {
    let home = Home::new();
    let dir = home.root.path().join("sources");
    std::fs::create_dir_all(&dir).unwrap();
    let export = export(&dir);
    let page = fixture("page/ember-html-only.html");
    let mut console = home.console(&[export.to_str().unwrap(), page.to_str().unwrap()]);
    console.wait_for("Mara Quist");
    // The first invitation, Mara Quist, is selected.
    let screen = console.wait_for("Senior Product Designer at Fernwood Labs");
    assert!(screen.contains("Mutual      9"), "{screen}");
    assert!(screen.contains("from: export"), "{screen}");
    assert!(screen.contains("page of"), "{screen}");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}

/// The system's reason is told once, after the file it is about: an error
/// that both says its cause and hands it on as its source would be told
/// twice by the chain that `main` prints.
#[test]
fn a_missing_file_is_told_once_with_the_systems_reason() {
    let home = Home::new();
    let missing = home.root.path().join("no-such-queue.json");
    for command in ["score", "check", "queue", "export"] {
        let (status, _, stderr) = home.run(&[command, missing.to_str().unwrap()]);
        assert_eq!(status, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("no-such-queue.json: "),
            "{command}: {stderr}"
        );
        assert_eq!(
            stderr.matches("(os error 2)").count(),
            1,
            "{command}: {stderr}"
        );
    }
}

/// `--demo` goes before the command or after it, as the README shows it,
/// and every command that reads sources says what a source may be.
#[test]
fn every_command_that_reads_sources_takes_the_demo_and_says_what_a_source_is() {
    let home = Home::new();
    for command in ["score", "check", "queue"] {
        for args in [["--demo", command], [command, "--demo"]] {
            let (status, stdout, stderr) = home.run(&args);
            assert_eq!(status, 0, "{args:?}: {stderr}");
            assert!(!stdout.is_empty(), "{args:?}");
        }
        let (status, _, stderr) = home.run(&[command]);
        assert_eq!(status, 2, "{command} with no source is a usage error");
        assert!(stderr.contains("SOURCE, or --demo"), "{stderr}");
        let (_, help, _) = home.run(&[command, "--help"]);
        for words in [
            "queue files (JSON)",
            "LinkedIn's export",
            "Manage invitations",
            "mbox",
        ] {
            assert!(
                help.contains(words),
                "{command} --help lacks {words:?}: {help}"
            );
        }
    }
    let (status, _, stderr) = home.run(&["--demo", "export"]);
    assert_eq!(status, 1);
    assert!(stderr.contains("open it with `inviteq --demo`"), "{stderr}");
}
