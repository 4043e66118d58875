//! The reviewer's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), run on
//! a file while the console has handed the terminal back.

use std::env;
use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

use tempfile::NamedTempFile;

/// A file holding `body` for the editor: private to the user, under the
/// system's temporary folder, removed when dropped.
pub fn file_for(body: &str) -> io::Result<NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix("inviteq-template-")
        .suffix(".txt")
        .tempfile()?;
    // Editors expect a text file to end with a line break.
    file.write_all(body.as_bytes())?;
    file.write_all(b"\n")?;
    file.flush()?;
    Ok(file)
}

/// Runs the editor on `file` and waits for it; an error says what went wrong.
pub fn run(file: &Path) -> Result<(), String> {
    let editor = choose(env::var_os("VISUAL"), env::var_os("EDITOR"));
    let shown = editor.to_string_lossy().into_owned();
    match command(&editor, file).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("The editor `{shown}` stopped with {status}")),
        Err(error) => Err(format!("Could not start the editor `{shown}`: {error}")),
    }
}

/// The first of `$VISUAL` and `$EDITOR` that says something, else `vi`.
fn choose(visual: Option<OsString>, editor: Option<OsString>) -> OsString {
    [visual, editor]
        .into_iter()
        .flatten()
        .find(|value| !value.to_string_lossy().trim().is_empty())
        .unwrap_or_else(|| OsString::from("vi"))
}

/// A plain program name runs directly. One with arguments (`code -w`) is
/// shell syntax written by the user, so a shell reads it, as git does; the
/// file goes in as `$1`, never into the script, so no file name can be
/// taken for shell code.
fn command(editor: &OsStr, file: &Path) -> Command {
    if editor.to_string_lossy().contains(char::is_whitespace) {
        let mut script = editor.to_os_string();
        script.push(" \"$1\"");
        let mut command = Command::new("sh");
        command.arg("-c").arg(script).arg("sh").arg(file);
        command
    } else {
        let mut command = Command::new(editor);
        command.arg(file);
        command
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(command: &Command) -> Vec<String> {
        std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|part| part.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_then_editor_then_vi() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(choose(some("nano"), some("emacs")), "nano");
        assert_eq!(choose(some("  "), some("emacs")), "emacs");
        assert_eq!(choose(None, some("")), "vi");
        assert_eq!(choose(None, None), "vi");
    }

    #[test]
    fn a_plain_editor_runs_directly_on_the_file() {
        let file = Path::new("/tmp/it's $(here).txt");
        assert_eq!(
            parts(&command(OsStr::new("nano"), file)),
            ["nano", "/tmp/it's $(here).txt"]
        );
    }

    #[test]
    fn an_editor_with_arguments_goes_through_sh_with_the_file_as_an_argument() {
        let file = Path::new("/tmp/it's $(here).txt");
        assert_eq!(
            parts(&command(OsStr::new("code -w"), file)),
            ["sh", "-c", "code -w \"$1\"", "sh", "/tmp/it's $(here).txt"]
        );
    }

    #[test]
    fn the_file_ends_with_a_line_break() {
        let file = file_for("Hi {first_name}").unwrap();
        assert_eq!(
            std::fs::read_to_string(file.path()).unwrap(),
            "Hi {first_name}\n"
        );
    }
}
