use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::import;
use crate::score::Scorer;

/// Scores a queue without the console, as a table or as JSON.
pub fn run(path: &Path, json: bool, out: &mut impl Write) -> Result<()> {
    let queue = import::load(path)?;
    let scorer = Scorer::new(&queue);
    if json {
        let rows: Vec<_> = queue
            .invitations
            .iter()
            .map(|inv| {
                let a = scorer.assess(inv);
                serde_json::json!({
                    "id": inv.id, "name": inv.profile.name, "score": a.score,
                    "suggestion": a.suggestion.action, "template": a.suggestion.template,
                    "confidence": a.suggestion.confidence, "canned": a.canned,
                    "intent": a.intent, "reasons": a.reasons,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for inv in &queue.invitations {
            let a = scorer.assess(inv);
            writeln!(
                out,
                "{:>3}  {:<7} {}",
                a.score,
                a.suggestion.action.as_str(),
                inv.profile.name
            )?;
        }
    }
    Ok(())
}
