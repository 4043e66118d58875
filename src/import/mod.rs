//! Everything that reads a user's input: the queue file, LinkedIn's data
//! export, text cleaning, ids and dates. Whatever leaves this module is
//! cleaned and validated.

pub mod clean;
pub mod dates;
mod error;
pub mod id;
pub mod inputs;
pub mod join;
pub mod linkedin;
pub mod mail;
#[cfg(test)]
mod noise;
pub mod page;
pub mod queue_json;
pub mod sighting;

pub use error::ImportError;

use std::path::Path;

use crate::model::Queue;
use crate::problem::Problem;

/// Loads a queue from one source, told by its content: a queue file,
/// LinkedIn's data export, a saved invitation page, e-mails, or a folder of
/// these (see [`inputs::load_all`] for several).
pub fn load(path: &Path) -> Result<Queue, ImportError> {
    inputs::load_all(&[path.to_path_buf()], &mut |_| {}).map(|loaded| loaded.queue)
}

/// Parses a queue file's bytes; problems are told by line and column.
pub fn parse_queue_json(bytes: &[u8]) -> Result<Queue, Vec<Problem>> {
    queue_json::parse(bytes)
}

/// Reads the built-in demo queue.
pub fn demo() -> Queue {
    const DEMO: &str = include_str!("../../assets/demo_queue.json");
    queue_json::parse(DEMO.as_bytes()).unwrap_or_else(|problems| {
        unreachable!("the embedded demo queue is checked by a test: {problems:?}")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_demo_queue_loads_cleanly() {
        let queue = super::queue_json::parse(include_bytes!("../../assets/demo_queue.json"))
            .expect("the demo queue is valid");
        assert!((20..=40).contains(&queue.invitations.len()));
        assert!(queue.warnings.is_empty(), "{:?}", queue.warnings);
        assert!(queue.owner.name.is_some());
    }
}
