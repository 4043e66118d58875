//! inviteq: a terminal console for reviewing LinkedIn connection invitations.
//!
//! The domain (`model`, `import`, `score`, `store`) never touches the
//! terminal; `tui` never parses files.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod config;
pub mod import;
pub mod model;
pub mod score;
pub mod store;
