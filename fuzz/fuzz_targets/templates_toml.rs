//! `templates.toml`: any text is read or refused; what is read is checked,
//! written back and read again, without a panic.
#![no_main]

use inviteq::templates::Templates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(templates) = Templates::from_toml(&text) {
        let _ = templates.problems();
        let _ = Templates::from_toml(&templates.to_toml());
    }
});
