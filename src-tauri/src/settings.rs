//! App preferences kept between runs (`<data dir>/app/settings.json`): the UI
//! language, the wallet opened last, and how this device is used. Nothing
//! secret lives here.
//!
//! The mode **fails closed**: a damaged file or an unknown mode is not read
//! as "wallet" (online) — the app starts as an offline cold signer and says
//! why, until the person chooses a mode again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppRefusal;

/// The UI languages.
pub const LANGUAGES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// Largest settings file read.
const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// How this device is used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AppMode {
    /// An online wallet (the default).
    #[default]
    Wallet,
    /// An offline cold signer: the app opens no network connection at all.
    ColdSigner,
}

/// What the app remembers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppSettings {
    /// UI language tag (one of [`LANGUAGES`]); `None` until the person picks
    /// one (the UI then starts in zh-CN).
    #[serde(default)]
    pub language: Option<String>,
    /// The wallet opened last, offered first on the unlock screen.
    #[serde(default)]
    pub last_wallet: Option<String>,
    /// How this device is used.
    #[serde(default)]
    pub mode: AppMode,
}

/// Where the settings file lives.
pub fn settings_path(data_dir: &Path) -> PathBuf {
    data_dir.join("app").join("settings.json")
}

/// Reads the settings: the defaults when there is no file yet.
///
/// # Errors
/// [`AppRefusal::SettingsCorrupt`] for a file that is not these settings
/// (too large, not JSON, an unknown field or mode), or cannot be read.
pub fn load(path: &Path) -> Result<AppSettings, AppRefusal> {
    let corrupt = |reason: String| AppRefusal::SettingsCorrupt { reason };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(AppSettings::default()),
        Err(e) => return Err(corrupt(e.to_string())),
    };
    if !metadata.is_file() || metadata.len() > MAX_SETTINGS_BYTES {
        return Err(corrupt(format!(
            "not a regular file of at most {MAX_SETTINGS_BYTES} bytes"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| corrupt(e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))
}

/// Writes the settings crash-safely.
///
/// # Errors
/// [`AppRefusal::SettingsIo`].
pub fn save(path: &Path, settings: &AppSettings) -> Result<(), AppRefusal> {
    let io = |reason: String| AppRefusal::SettingsIo { reason };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io(e.to_string()))?;
    }
    let bytes = serde_json::to_vec_pretty(settings).map_err(|e| io(e.to_string()))?;
    jifen_wallet::chain::write_file_atomically(path, &bytes).map_err(|e| io(e.to_string()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn damaged_or_unknown_mode_is_refused_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let path = settings_path(dir.path());
        assert_eq!(load(&path).unwrap(), AppSettings::default());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        for text in [
            "{",
            r#"{"mode":"online"}"#,
            r#"{"mode":"cold-signer","extra":1}"#,
        ] {
            std::fs::write(&path, text).unwrap();
            assert!(
                matches!(load(&path), Err(AppRefusal::SettingsCorrupt { .. })),
                "{text}"
            );
        }
        let settings = AppSettings {
            mode: AppMode::ColdSigner,
            ..AppSettings::default()
        };
        save(&path, &settings).unwrap();
        assert_eq!(load(&path).unwrap(), settings);
    }
}
