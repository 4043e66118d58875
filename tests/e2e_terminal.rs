//! The real binary in a pseudo-terminal: the colours it writes fit the
//! terminal it is told it runs in, and the mouse selects and scrolls.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Home, queue_of};

/// Whether `raw` holds `bytes` anywhere.
fn holds(raw: &[u8], bytes: &[u8]) -> bool {
    raw.windows(bytes.len()).any(|w| w == bytes)
}

/// The parameters of every SGR sequence (`ESC[…m`) in `raw`, each split
/// at `;`.
fn sgr(raw: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b[")
        .skip(1)
        .filter_map(|rest| {
            let end = rest.find(|c: char| ('@'..='~').contains(&c))?;
            (rest[end..].starts_with('m'))
                .then(|| rest[..end].split(';').map(str::to_string).collect())
        })
        .collect()
}

/// What the console writes on `env` for the first screen, then a quit.
fn first_screen_raw(env: &[(&str, &str)]) -> Vec<u8> {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console_with_env(&[queue.to_str().unwrap()], env);
    console.wait_for("0/10 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);
    console.raw()
}

#[test]
fn an_eight_colour_terminal_gets_only_the_eight_colour_codes() {
    let raw = first_screen_raw(&[("TERM", "xterm")]);
    assert!(!holds(&raw, b"38;5;"), "a 256-colour code");
    assert!(!holds(&raw, b"48;5;"), "a 256-colour code");
    assert!(!holds(&raw, b"\x1b[90"), "a bright colour");
    // crossterm sets both grounds at once: green on the default.
    assert!(holds(&raw, b"\x1b[32;49m"), "green scores, as SGR 32");
    assert!(holds(&raw, b"\x1b[2m"), "muted text, faint");
}

#[test]
fn a_256_colour_terminal_gets_the_grey() {
    let raw = first_screen_raw(&[("TERM", "xterm-256color")]);
    assert!(holds(&raw, b"\x1b[90;49m"), "muted text in grey");
}

#[test]
fn no_color_gets_no_colour() {
    let raw = first_screen_raw(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]);
    let codes = sgr(&raw);
    assert!(codes.iter().any(|c| c == &["1"]), "bold is kept");
    let coloured = |code: &String| {
        code.parse::<u8>()
            .is_ok_and(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
    };
    for code in &codes {
        assert!(!code.iter().any(coloured), "a colour: {code:?}");
    }
}

/// A left click at `column`, `row` (from 1), as a terminal reports it in
/// SGR mouse mode: the press, then the release.
fn click(column: u16, row: u16) -> String {
    format!("\x1b[<0;{column};{row}M\x1b[<0;{column};{row}m")
}

#[test]
fn a_click_selects_the_row_and_the_wheel_moves_on() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    assert!(
        holds(&console.raw(), b"\x1b[?1006h"),
        "SGR mouse reports asked for"
    );
    // The list's first row is the screen's second.
    console.keys(&click(10, 6));
    console.wait_for("Hello from person 5");
    console.keys("\x1b[<65;10;6M");
    console.wait_for("Hello from person 6");
    console.keys("a");
    console.wait_for("1/10 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);
    let exported = home.run(&["export", "--format", "csv"]).1;
    assert!(exported.contains("Person Number6"), "{exported}");
    assert!(
        holds(&console.raw(), b"\x1b[?1006l"),
        "mouse capture given back"
    );
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    let home = Home::new();
    std::fs::create_dir_all(home.config().join("inviteq")).unwrap();
    home.file("config/inviteq/config.toml", "mouse = false\n");
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("j");
    console.wait_for("Hello from person 2");
    console.keys("q");
    assert_eq!(console.wait(), 0);
    // Without capture asked for, the terminal reports no mouse at all.
    let raw = console.raw();
    assert!(!holds(&raw, b"\x1b[?1000h"), "no mouse capture");
    assert!(!holds(&raw, b"\x1b[?1006h"), "no mouse reports");
}
