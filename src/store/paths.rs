use std::path::{Path, PathBuf};

/// Where inviteq keeps its files: configuration (human-edited TOML) and
/// data (sessions and journals), in the platform's usual places. On Linux
/// `XDG_CONFIG_HOME` and `XDG_DATA_HOME` move them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    /// The user's folders, or `None` where the system names no home folder.
    pub fn for_user() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "inviteq")?;
        Some(Paths {
            config_dir: dirs.config_dir().to_path_buf(),
            data_dir: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn templates_file(&self) -> PathBuf {
        self.config_dir.join("templates.toml")
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.data_dir.join("sessions")
    }

    pub fn last_session_file(&self) -> PathBuf {
        self.data_dir.join("last-session.json")
    }

    pub fn session_dir(&self, name: &str) -> PathBuf {
        self.sessions_dir().join(name)
    }
}

/// A folder name for a session, readable and stable: a slug of its key
/// and a checksum of the whole key, so that different keys never meet.
pub fn session_folder_name(key: &str) -> String {
    let tail = Path::new(key)
        .file_name()
        .map_or(key.into(), |n| n.to_string_lossy());
    let mut slug = String::new();
    for c in tail.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 32 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "queue" } else { slug };
    format!("{slug}-{:08x}", crc32fast::hash(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_folders_are_readable_and_distinct() {
        let a = session_folder_name("/home/ann/Downloads/queue.json");
        let b = session_folder_name("/home/ann/Desktop/queue.json");
        assert!(a.starts_with("queue-json-"), "{a}");
        assert_ne!(a, b);
        assert_eq!(a, session_folder_name("/home/ann/Downloads/queue.json"));
        assert!(session_folder_name("owner:王芳").starts_with("owner-"));
        assert!(session_folder_name("../..").starts_with("queue-"));
    }
}
