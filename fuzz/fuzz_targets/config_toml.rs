//! `config.toml`: any text is read or refused with its line and key.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(error) = inviteq::config::Config::parse(&text, Path::new("config.toml")) {
        let _ = error.to_string();
    }
});
