//! App preferences kept between runs (`<data dir>/app/settings.json`). Nothing
//! secret lives here.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The UI languages.
pub const LANGUAGES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// What the app remembers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppSettings {
    /// UI language tag (one of [`LANGUAGES`]); `None` until the user picks one
    /// (the UI then starts in zh-CN).
    #[serde(default)]
    pub language: Option<String>,
    /// The wallet opened last, offered first on the unlock screen.
    #[serde(default)]
    pub last_wallet: Option<String>,
    /// How this device is used: `wallet` (the default) or `cold-signer` (offline:
    /// the app opens no network connection at all).
    #[serde(default)]
    pub mode: Option<String>,
}

/// The app's modes.
pub const MODES: [&str; 2] = ["wallet", "cold-signer"];

/// Where the settings file lives.
pub fn settings_path(data_dir: &Path) -> PathBuf {
    data_dir.join("app").join("settings.json")
}

/// Reads the settings; a missing or damaged file gives the defaults (they are
/// conveniences only).
pub fn load(path: &Path) -> AppSettings {
    fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the settings (temp file, then rename).
///
/// # Errors
/// `app-settings-io`.
pub fn save(path: &Path, settings: &AppSettings) -> Result<(), AppError> {
    let io = |_| AppError::new("app-settings-io");
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io)?;
    }
    let bytes =
        serde_json::to_vec_pretty(settings).map_err(|_| AppError::new("app-settings-io"))?;
    let tmp = path.with_extension("json.tmp");
    let mut file = fs::File::create(&tmp).map_err(io)?;
    file.write_all(&bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    fs::rename(&tmp, path).map_err(io)
}
