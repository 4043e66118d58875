//! `inviteq templates`: the reply templates and the file they live in.

use std::io::Write;

use anyhow::Result;

use crate::templates::{Created, Templates, templates_listing};

pub fn run(out: &mut impl Write) -> Result<()> {
    let path = super::user_paths()?.templates_file();
    let (templates, created) = Templates::load_or_create(&path)?;
    if created == Created::NewDefault {
        writeln!(out, "Wrote the default templates to {}\n", path.display())?;
    }
    write!(out, "{}", templates_listing(&templates, &path))?;
    Ok(())
}
