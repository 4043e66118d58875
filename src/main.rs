//! The command line: parses it, runs the command, and is the one place
//! where errors become exit codes (0 done, 1 an error, 2 a usage error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use inviteq::commands::{self, console::Choice, export::Format};
use inviteq::score::Policy;
use inviteq::tui::Ending;

/// Review LinkedIn connection invitations in the terminal: a spam score that
/// explains itself, and accept, ignore or reply in one keystroke.
#[derive(Parser)]
#[command(name = "inviteq", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// The queue to review (a queue JSON file). Without it: the last
    /// session, else the built-in demo.
    queue: Option<PathBuf>,
    /// Open the built-in demo queue.
    #[arg(long, conflicts_with = "queue")]
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
    /// Score a queue without the console.
    Score {
        queue: PathBuf,
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Validate a queue and tell every problem with its line and column.
    Check { queue: PathBuf },
    /// The decisions taken, with reply texts, for carrying them out on LinkedIn.
    Export {
        /// The queue whose review to export; without it, the last session.
        queue: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
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
        let _ = writeln!(
            io::stderr(),
            "error: inviteq stopped on an internal fault ({info}); decisions already shown as taken are saved"
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        // A reader that stopped reading (`| head`) is not an error.
        Ok(Err(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            let _ = writeln!(io::stderr(), "error: {error:#}");
            ExitCode::from(1)
        }
        Err(_) => ExitCode::from(1),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = &mut io::stdout().lock();
    match cli.command {
        Some(Command::Score { queue, json }) => {
            commands::score::run(&queue, json, cli.policy, stdout).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Export { queue, format }) => {
            commands::export::run(queue.as_deref(), format, stdout).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Sessions) => commands::sessions::run(stdout).map(|()| ExitCode::SUCCESS),
        Some(Command::Templates) => commands::templates::run(stdout).map(|()| ExitCode::SUCCESS),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "inviteq", stdout);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { queue }) => {
            let valid = commands::check::run(&queue, stdout, &mut io::stderr())?;
            Ok(if valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        None => {
            let choice = match (cli.demo, cli.queue) {
                (true, _) => Choice::Demo,
                (false, Some(path)) => Choice::Path(path),
                (false, None) => Choice::Last,
            };
            match commands::console::run(choice, cli.policy)? {
                Ending::Quit => Ok(ExitCode::SUCCESS),
                Ending::Signal(number) => Ok(ExitCode::from(128u8.saturating_add(number as u8))),
            }
        }
    }
}
