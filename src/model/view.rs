use serde::{Deserialize, Serialize};

/// Which invitations the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    #[default]
    All,
    Pending,
    Decided,
    /// New since the last session.
    New,
}

impl Filter {
    pub fn next(self) -> Self {
        match self {
            Filter::All => Filter::Pending,
            Filter::Pending => Filter::Decided,
            Filter::Decided => Filter::New,
            Filter::New => Filter::All,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Pending => "pending",
            Filter::Decided => "decided",
            Filter::New => "new",
        }
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// As the queue lists them.
    #[default]
    Queue,
    /// Highest score first.
    Score,
    /// Alphabetical by name.
    Name,
}

impl Sort {
    pub fn next(self) -> Self {
        match self {
            Sort::Queue => Sort::Score,
            Sort::Score => Sort::Name,
            Sort::Name => Sort::Queue,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Queue => "queue",
            Sort::Score => "score",
            Sort::Name => "name",
        }
    }
}
