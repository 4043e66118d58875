//! `inviteq templates`: the reply templates and the file they live in.

use std::io::Write;

use anyhow::Result;

use crate::output::terminal_text;
use crate::templates::{Created, Templates, templates_listing};

pub fn run(out: &mut impl Write) -> Result<()> {
    let path = super::user_paths()?.templates_file();
    let (templates, created) = Templates::load_or_create(&path)?;
    if created == Created::NewDefault {
        let told = format!("Wrote the default templates to {}\n\n", path.display());
        write!(out, "{}", terminal_text(&told))?;
    }
    // The file is the user's to edit: its bodies and `about`s may hold
    // anything TOML can write, escapes included.
    write!(
        out,
        "{}",
        terminal_text(&templates_listing(&templates, &path))
    )?;
    Ok(())
}
