//! The command line: parses it, runs the command, and is the one place
//! where errors become exit codes (0 done, 1 an error, 2 a usage error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

use inviteq::commands::{self, Sources, console::Choice, export::Format};
use inviteq::export::Formulas;
use inviteq::output::{terminal_text, write_line};
use inviteq::score::Policy;
use inviteq::tui::Ending;

/// What a SOURCE is, as every command that reads sources tells it.
const SOURCES: &str = "What to read, joined into one queue: queue files (JSON), LinkedIn's \
export (.zip, folder or Invitations.csv), the saved \"Manage invitations\" page (.html), \
e-mails (.eml, mbox, Maildir), or folders holding them";

/// Review LinkedIn connection invitations in the terminal: a spam score that
/// explains itself, and accept, ignore or reply in one keystroke.
#[derive(Parser)]
#[command(name = "inviteq", version)]
struct Cli {
    /// What to review, joined into one queue: queue files, LinkedIn's export
    /// (.zip, folder or Invitations.csv), the saved "Manage invitations"
    /// page (.html), e-mails (.eml, mbox, Maildir), or folders holding them.
    /// None: the last session, else the built-in demo.
    #[arg(value_name = "SOURCE")]
    sources: Vec<PathBuf>,
    /// Use the built-in demo queue instead of sources.
    #[arg(long, global = true)]
    demo: bool,
    /// The connection policy that suggests what to do: open, selective,
    /// know-and-trust, meet-first or recruiter (default: `policy` in config.toml).
    #[arg(long, global = true, value_name = "NAME")]
    policy: Option<Policy>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Score the sources' invitations without the console.
    Score {
        #[arg(value_name = "SOURCE", help = SOURCES)]
        sources: Vec<PathBuf>,
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Validate the sources: what was found in each, and every problem with
    /// its file, line and column.
    Check {
        #[arg(value_name = "SOURCE", help = SOURCES)]
        sources: Vec<PathBuf>,
    },
    /// The sources joined into one queue, as queue-format JSON, each
    /// invitation with the list of sources its facts came from.
    Queue {
        #[arg(value_name = "SOURCE", help = SOURCES)]
        sources: Vec<PathBuf>,
    },
    /// The decisions taken, with reply texts, for carrying them out on LinkedIn.
    ///
    /// In CSV, a cell of names or text that begins with `=`, `+`, `-`, `@`,
    /// a tab or a line break gets a leading `'`, so that a spreadsheet shows
    /// it instead of running it as a formula (OWASP's advice against CSV
    /// injection: an inviter can be named `=HYPERLINK(...)`). `--raw` keeps
    /// the cells as they are, for a program that reads the file.
    Export {
        /// The sources whose review to export (see `inviteq score --help`);
        /// without them, the last session.
        #[arg(value_name = "SOURCE")]
        sources: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// CSV cells as they are: no leading `'` before a formula (for a
        /// program, never a spreadsheet).
        #[arg(long)]
        raw: bool,
    },
    /// The saved sessions and how far each review has come.
    Sessions,
    /// The reply templates and the file they live in.
    Templates,
    /// A shell completion script, to print into your shell's completions.
    Completions { shell: clap_complete::Shell },
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let _ = write_line(
            &mut io::stderr(),
            &format!(
                "error: inviteq stopped on an internal fault ({info}); decisions already shown as taken are saved"
            ),
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes what was typed (`--policy VALUE`), so it is
        // told cleaned, and plain; help and the version are ours, in colour.
        Err(error) if error.use_stderr() => {
            let _ = write!(io::stderr(), "{}", terminal_text(&error.to_string()));
            return ExitCode::from(2);
        }
        Err(error) => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        // A reader that stopped reading (`| head`) is not an error.
        Ok(Err(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            // Errors quote paths and values from the user's files.
            let _ = write_line(&mut io::stderr(), &format!("error: {error:#}"));
            ExitCode::from(1)
        }
        Err(_) => ExitCode::from(1),
    }
}

/// Tells a usage error as clap tells its own, with the command's usage, and
/// exits with status 2.
fn usage_error(command: &str, kind: ErrorKind, message: &str) -> ! {
    let mut cli = Cli::command();
    cli.build();
    cli.find_subcommand_mut(command)
        .cloned()
        .unwrap_or_default()
        .error(kind, message)
        .exit()
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = &mut io::stdout().lock();
    let named = |sources: Vec<PathBuf>| -> anyhow::Result<Sources> {
        if cli.demo && !sources.is_empty() {
            anyhow::bail!("--demo reads the built-in demo: name no sources with it");
        }
        Ok(if cli.demo {
            Sources::Demo
        } else {
            Sources::Paths(sources)
        })
    };
    // `--demo` may come before the command or after it, so clap cannot
    // require sources itself.
    let required = |command: &str, sources: Vec<PathBuf>| -> anyhow::Result<Sources> {
        if sources.is_empty() && !cli.demo {
            usage_error(
                command,
                ErrorKind::MissingRequiredArgument,
                "name at least one SOURCE, or --demo for the built-in demo",
            );
        }
        named(sources)
    };
    match cli.command {
        Some(Command::Score { sources, json }) => {
            commands::score::run(&required("score", sources)?, json, cli.policy, stdout)
                .map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Queue { sources }) => {
            commands::queue::run(&required("queue", sources)?, stdout).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Export {
            sources,
            format,
            raw,
        }) => {
            if raw && format != Format::Csv {
                usage_error(
                    "export",
                    ErrorKind::ArgumentConflict,
                    "--raw is for --format csv: JSON holds no formulas",
                );
            }
            let formulas = if raw {
                Formulas::Raw
            } else {
                Formulas::Defused
            };
            commands::export::run(&named(sources)?, format, formulas, stdout)
                .map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Sessions) => commands::sessions::run(stdout).map(|()| ExitCode::SUCCESS),
        Some(Command::Templates) => commands::templates::run(stdout).map(|()| ExitCode::SUCCESS),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "inviteq", stdout);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { sources }) => {
            let valid =
                commands::check::run(&required("check", sources)?, stdout, &mut io::stderr())?;
            Ok(if valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        None => {
            let choice = match named(cli.sources)? {
                Sources::Demo => Choice::Demo,
                Sources::Paths(paths) if paths.is_empty() => Choice::Last,
                Sources::Paths(paths) => Choice::Paths(paths),
            };
            match commands::console::run(choice, cli.policy)? {
                Ending::Quit => Ok(ExitCode::SUCCESS),
                Ending::Signal(number) => Ok(ExitCode::from(128u8.saturating_add(number as u8))),
            }
        }
    }
}
