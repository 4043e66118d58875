//! Opening a web address in the reviewer's browser: each command of
//! `$BROWSER` (a list split by `:`, as `man`, `git` and Python's
//! `webbrowser` read it), then the desktop's openers, each run as a program
//! of its own with the address as an argument: never through a shell.

use std::ffi::OsString;
use std::io;
use std::process::{Command, Stdio};

/// The openers tried after `$BROWSER`, in order.
const OPENERS: &[&str] = if cfg!(target_os = "macos") {
    &["open"]
} else {
    &["xdg-open", "sensible-browser", "x-www-browser"]
};

/// Opens `url` with the first opener that starts; the error names every
/// one tried and the address, for the reviewer to open it by hand.
pub fn open(url: &str) -> io::Result<()> {
    open_with(&commands(std::env::var_os("BROWSER"), url), url)
}

/// The commands to try for `url`: `$BROWSER`'s, then the desktop's. A
/// `$BROWSER` command is split at spaces into a program and its arguments;
/// `%s` in them is the address, which otherwise comes last.
fn commands(browser: Option<OsString>, url: &str) -> Vec<Vec<String>> {
    let browser = browser.map(|b| b.to_string_lossy().into_owned());
    let mut commands: Vec<Vec<String>> = browser
        .iter()
        .flat_map(|list| list.split(':'))
        .filter_map(|command| {
            let mut words: Vec<String> = command.split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                return None;
            }
            if words.iter().any(|w| w.contains("%s")) {
                for word in &mut words {
                    *word = word.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            Some(words)
        })
        .collect();
    commands.extend(
        OPENERS
            .iter()
            .map(|opener| vec![opener.to_string(), url.to_string()]),
    );
    commands
}

fn open_with(commands: &[Vec<String>], url: &str) -> io::Result<()> {
    let mut tried = Vec::new();
    for command in commands {
        let Some((program, args)) = command.split_first() else {
            continue;
        };
        let started = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => tried.push(program.clone()),
            Err(error) => tried.push(format!("{program} ({error})")),
        }
    }
    Err(io::Error::other(format!(
        "tried {} (none could be started); set $BROWSER, or open {url} yourself",
        tried.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://www.linkedin.com/in/x";

    #[test]
    fn browser_commands_come_first_with_the_address_as_an_argument() {
        let commands = commands(Some("firefox -new-tab:lynx '%s'".into()), URL);
        assert_eq!(commands[0], ["firefox", "-new-tab", URL]);
        assert_eq!(commands[1], ["lynx", &format!("'{URL}'")]);
        assert_eq!(commands[2][0], OPENERS[0]);
        assert_eq!(commands.len(), 2 + OPENERS.len());
        assert_eq!(
            super::commands(Some(" : ".into()), URL).len(),
            OPENERS.len()
        );
    }

    #[test]
    fn when_nothing_starts_the_error_names_every_command_tried_and_the_address() {
        let missing = |name: &str| vec![name.to_string(), URL.to_string()];
        let error = open_with(
            &[
                missing("inviteq-no-such-browser"),
                missing("inviteq-no-such-opener"),
            ],
            URL,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            format!(
                "tried inviteq-no-such-browser, inviteq-no-such-opener (none could be started); set $BROWSER, or open {URL} yourself"
            )
        );
    }
}
