//! The real binary in a real pseudo-terminal: decisions survive SIGKILL,
//! hostile text never reaches the terminal, bad queues are refused without
//! harm, and the terminal is always given back.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Home, decide_records, queue_of};

/// A queue of `count` people opened in the console, the first accepted.
fn one_accepted(home: &Home, count: usize) -> (std::path::PathBuf, common::Console) {
    let queue = home.file("queue.json", queue_of(count));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for(&format!("0/{count} decided"));
    console.keys("a");
    console.wait_for(&format!("1/{count} decided"));
    (queue, console)
}

#[test]
fn decisions_survive_sigkill_and_the_review_resumes_where_it_stopped() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    for (taken, key) in ["a", "i", "a", "a", "i"].into_iter().enumerate() {
        console.keys(key);
        console.wait_for(&format!("{}/10 decided", taken + 1));
    }
    console.signal("KILL");
    console.wait();
    assert_eq!(decide_records(&home.journal()).len(), 5);

    let mut again = home.console(&[]);
    let screen = again.wait_for("5/10 decided");
    let cursor_row = screen.lines().find(|l| l.contains('▶')).unwrap_or_default();
    assert!(
        cursor_row.contains("· ") && cursor_row.contains("Person Number6"),
        "{screen}"
    );
    again.keys("q");
    assert_eq!(again.wait(), 0);
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let home = Home::new();
    let nasty = [
        "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
        "\u{1b}]0;owned title\u{1b}\\",
        "\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
        "\u{9b}2J",
        "\u{202e}desrever",
        "zero\u{200b}width\u{feff}",
    ];
    let invitations: Vec<String> = nasty
        .iter()
        .enumerate()
        .map(|(n, bad)| {
            let text = serde_json::to_string(&format!("Ann {bad} Lee")).unwrap();
            format!(
                r#"{{"id": "x{n}", "message": {text}, "profile": {{"name": {text}, "headline": {text}, "company": {text}, "photo": "person"}}}}"#
            )
        })
        .collect();
    let queue = home.file("hostile.json", format!("[{}]", invitations.join(",")));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/6 decided");
    console.keys(&"j".repeat(nasty.len()));
    console.keys("r");
    console.wait_for("Ctrl-s keep");
    // Esc on its own: with a key right behind it, it reads as Alt and that key.
    console.keys("\u{1b}");
    console.wait_for("Reply dropped");
    console.keys("q");
    console.wait();

    let raw = console.raw();
    let forbidden: [&[u8]; 8] = [
        b"\x1b]52",
        b"\x1b]0;",
        b"\x1b]8;",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
        "\u{200b}".as_bytes(),
        "\u{feff}".as_bytes(),
        b"\x07",
    ];
    for bytes in forbidden {
        assert!(
            !raw.windows(bytes.len()).any(|w| w == bytes),
            "the terminal received {bytes:?}"
        );
    }
}

#[test]
fn bad_queues_are_refused_with_file_and_line_and_the_journal_is_untouched() {
    let home = Home::new();
    let (queue, mut console) = one_accepted(&home, 4);
    console.keys("q");
    console.wait();
    let journal = std::fs::read(home.journal()).unwrap();

    let valid = queue_of(4);
    let bad: [(&str, Vec<u8>, &str); 5] = [
        (
            "truncated",
            valid.as_bytes()[..valid.len() / 2].to_vec(),
            "ends too early",
        ),
        (
            "wrong type",
            br#"{"invitations": [{"profile": {"name": ["A"]}}]}"#.to_vec(),
            "invalid type",
        ),
        (
            "no name",
            b"[\n{\"profile\": {\"headline\": \"CEO\"}}\n]".to_vec(),
            "missing field `name`",
        ),
        ("empty", Vec::new(), "empty"),
        (
            "binary",
            vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 1, 2],
            "not UTF-8",
        ),
    ];
    for (what, contents, expected) in bad {
        std::fs::write(&queue, &contents).unwrap();
        let (status, _, stderr) = home.run(&[queue.to_str().unwrap()]);
        assert_eq!(status, 1, "{what}: {stderr}");
        let place = format!("error: {}:", queue.display());
        assert!(stderr.starts_with(&place), "{what}: {stderr}");
        assert!(stderr.contains(expected), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert!(!stderr.contains("internal fault"), "{what}: {stderr}");
        assert_eq!(std::fs::read(home.journal()).unwrap(), journal, "{what}");
        assert_eq!(std::fs::read(&queue).unwrap(), contents, "{what}");

        let (status, _, stderr) = home.run(&["check", queue.to_str().unwrap()]);
        assert_eq!(status, 1, "check {what}: {stderr}");
        assert!(stderr.contains(&place), "check {what}: {stderr}");
    }
}

#[test]
fn without_a_terminal_the_console_says_what_to_use_instead() {
    let home = Home::new();
    let (status, _, stderr) = home.run(&["--demo"]);
    assert_eq!(status, 1);
    assert!(
        stderr.starts_with("error: the console needs a terminal"),
        "{stderr}"
    );
    let (status, _, stderr) = home.run(&["no-such-queue.json"]);
    assert_eq!(status, 1);
    assert!(stderr.contains("no-such-queue.json"), "{stderr}");
}

#[test]
fn check_tells_every_problem_with_line_and_column() {
    let home = Home::new();
    let queue = home.file(
        "queue.json",
        "[\n{\"profile\": {\"name\": \"Fine\"}},\n{\"profile\": {}},\n{\"profile\": {\"name\": \"X\", \"photo\": \"cat\"}}\n]",
    );
    let (status, _, stderr) = home.run(&["check", queue.to_str().unwrap()]);
    assert_eq!(status, 1);
    let path = queue.display().to_string();
    assert!(stderr.contains(&format!("{path}:3:")), "{stderr}");
    assert!(stderr.contains(&format!("{path}:4:")), "{stderr}");
    assert!(stderr.contains("2 problems"), "{stderr}");

    std::fs::write(&queue, queue_of(3)).unwrap();
    let (status, stdout, _) = home.run(&["check", queue.to_str().unwrap()]);
    assert_eq!(status, 0);
    assert!(stdout.contains("3 invitations, no problems"), "{stdout}");
}

#[test]
fn quitting_gives_the_terminal_back() {
    let home = Home::new();
    let mut shell = home.shell();
    shell.keys(&format!(
        "{} --demo; stty -a; echo done-$?\r",
        common::binary()
    ));
    shell.wait_for("decided");
    let entered = shell.raw().len();
    shell.keys("q");
    let screen = shell.wait_for("done-0");
    shell.wait_for_bytes(b"\x1b[?1049l", entered);
    assert!(
        screen.contains(" icanon") && screen.contains(" echo "),
        "{screen}"
    );
    assert!(!screen.contains("-icanon"), "{screen}");
    shell.keys("exit\r");
    shell.wait();
}

#[test]
fn a_signal_saves_and_restores() {
    let home = Home::new();
    let (_, mut console) = one_accepted(&home, 3);
    let entered = console.raw().len();
    console.signal("TERM");
    assert_eq!(console.wait(), 128 + 15);
    // The reader may still be taking the last bytes when the program ends.
    console.wait_for_bytes(b"\x1b[?1049l", entered);
    assert_eq!(decide_records(&home.journal()).len(), 1);
}

#[test]
fn a_terminal_that_hangs_up_ends_the_console_and_keeps_the_decisions() {
    let home = Home::new();
    let (_, mut console) = one_accepted(&home, 3);
    console.hang_up();
    assert_eq!(
        console.wait(),
        128 + 1,
        "ended as by SIGHUP, not left running"
    );
    assert_eq!(decide_records(&home.journal()).len(), 1);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let home = Home::new();
    let mut shell = home.shell();
    shell.keys(&format!("{} --demo\r", common::binary()));
    shell.wait_for("0/32 decided");
    shell.keys("\u{1a}");
    shell.wait_for("Stopped");
    shell.keys("clear; fg\r");
    shell.wait_for("0/32 decided");
    shell.keys("a");
    shell.wait_for("1/32 decided");
    let resumed = shell.raw().len();
    shell.keys("q");
    shell.wait_for_bytes(b"\x1b[?1049l", resumed);
    shell.keys("exit\r");
    shell.wait();
}

#[test]
fn a_small_terminal_gets_a_message_and_a_resize_brings_the_console_back() {
    let home = Home::new();
    let mut console = home.console(&["--demo"]);
    console.wait_for("0/32 decided");
    console.resize(40, 10);
    console.wait_for("needs a larger terminal");
    console.resize(100, 30);
    console.wait_for("0/32 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}

#[test]
fn an_unusable_data_folder_stops_before_any_decision() {
    let home = Home::new();
    std::fs::write(home.data(), "a file where the data folder should be").unwrap();
    let mut console = home.console(&["--demo"]);
    console.wait_for("error: cannot use the data folder");
    assert_eq!(console.wait(), 1);
}

/// At 80×24 the help is taller than the screen: it scrolls to its last
/// line, `q quit`, with the status bar still in sight, and closes.
#[test]
fn the_help_reaches_its_end_at_80_by_24() {
    let home = Home::new();
    let mut console = home.console(&["--demo"]);
    console.wait_for("0/32 decided");
    console.resize(80, 24);
    console.wait_for("policy: open");
    console.keys("?");
    let screen = console.wait_for("Keys (");
    assert!(!screen.contains("suspend to the shell"), "{screen}");
    console.keys("G");
    let screen = console.wait_for("suspend to the shell");
    assert!(screen.contains("q Ctrl-c      quit"), "{screen}");
    assert!(
        screen.contains("0/32 decided"),
        "the status bar stays: {screen}"
    );
    console.keys("?");
    console.wait_for("a accept");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}
