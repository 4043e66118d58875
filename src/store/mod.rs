//! What inviteq keeps on disk: the decision journal, the session state, and
//! where they live. Every write either lands whole or leaves the old file.

mod atomic;
pub mod journal;
mod kept;
mod paths;
pub mod seen;
pub mod session;
pub mod snapshot;

pub use atomic::atomic_write;
pub use paths::Paths;
