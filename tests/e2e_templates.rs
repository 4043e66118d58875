//! The template manager in the real binary, in a pseudo-terminal: a change
//! saved with Ctrl-s is in the templates file and in the next reply, and
//! `E` hands the template to the reviewer's own editor and takes it back.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use common::{Console, Home};

fn templates_file(home: &Home) -> PathBuf {
    home.config().join("inviteq").join("templates.toml")
}

fn templates_text(home: &Home) -> String {
    std::fs::read_to_string(templates_file(home)).expect("the templates file")
}

/// Opens the manager on the demo and waits for its preview.
fn open_manager(console: &mut Console) {
    console.wait_for("0/32 decided");
    console.keys("t");
    console.wait_for("Preview for Priya Raman");
}

/// Leaves the manager and quits, which must need no question. Each key
/// waits for the screen to answer the one before: an Esc with a key right
/// behind it reads as Alt and that key.
fn leave_and_quit(console: &mut Console) {
    console.keys("\u{1b}");
    console.wait_for("demo · 32 shown");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}

#[test]
fn a_template_changed_in_the_manager_is_saved_and_drafts_the_next_reply() {
    let home = Home::new();
    let mut console = home.console(&["--demo"]);
    open_manager(&mut console);
    console.keys("\r");
    console.keys("Hello from the manager. ");
    console.wait_for("how-do-we-know ●");
    console.keys("\u{13}");
    console.wait_for("Saved 4 templates");
    console.keys("\u{1b}");
    console.wait_for("back to invitations");
    leave_and_quit(&mut console);
    assert!(
        templates_text(&home).contains("\nHello from the manager. Hi {first_name|there},\n"),
        "{}",
        templates_text(&home)
    );

    let mut again = home.console(&["--demo"]);
    again.wait_for("0/32 decided");
    again.keys("r");
    let screen = again.wait_for("Ctrl-s keep");
    assert!(
        screen.contains("Hello from the manager. Hi Priya,"),
        "{screen}"
    );
    again.keys("\u{1b}");
    again.wait_for("Reply dropped");
    again.keys("q");
    assert_eq!(again.wait(), 0);
}

/// A stand-in for the reviewer's editor: appends a line to the file it is given.
fn editor_script(home: &Home) -> PathBuf {
    let script = home.file(
        "editor.sh",
        "#!/bin/sh\nprintf 'P.S. Written in the outside editor.\\n' >> \"$1\"\n",
    );
    let mut permissions = std::fs::metadata(&script).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&script, permissions).unwrap();
    script
}

/// `E` with `editor` as `$EDITOR`, then Ctrl-s: the file holds the new line.
fn edit_outside_and_save(editor: &str, home: &Home) {
    let mut console = home.console_with_env(&["--demo"], &[("EDITOR", editor), ("VISUAL", "")]);
    open_manager(&mut console);
    console.keys("E");
    let screen = console.wait_for("changed in the editor");
    assert!(
        screen.contains("Preview for Priya Raman"),
        "redrawn whole: {screen}"
    );
    assert!(
        screen.contains("P.S. Written in the outside editor."),
        "{screen}"
    );
    console.keys("\u{13}");
    console.wait_for("Saved 4 templates");
    leave_and_quit(&mut console);
    assert!(
        templates_text(home)
            .contains("do we know each other?\nP.S. Written in the outside editor.\n'''"),
        "{}",
        templates_text(home)
    );
}

#[test]
fn e_edits_the_template_in_the_editor_named_by_editor() {
    let home = Home::new();
    let script = editor_script(&home);
    edit_outside_and_save(script.to_str().unwrap(), &home);
}

#[test]
fn an_editor_with_arguments_runs_through_the_shell() {
    let home = Home::new();
    let script = editor_script(&home);
    edit_outside_and_save(&format!("sh {}", script.display()), &home);
}
