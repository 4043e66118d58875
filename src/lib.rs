//! inviteq: a terminal console for reviewing LinkedIn connection invitations.
//!
//! The domain (`model`, `import`, `score`, `store`, `templates`) never
//! touches the terminal; `tui` never parses files.

pub mod commands;
pub mod config;
mod cores;
pub mod export;
pub mod files;
pub mod import;
pub mod model;
pub mod output;
pub mod problem;
pub mod progress;
pub mod review;
pub mod score;
pub mod store;
pub mod templates;
pub mod tui;
