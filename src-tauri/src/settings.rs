//! App preferences kept between runs (`<data dir>/app/settings.json`): the UI
//! language, the wallet opened last, and how this device is used. Nothing
//! secret lives here.
//!
//! The mode **fails closed**: a damaged file or an unknown mode is not read
//! as "wallet" (online) — the app starts as an offline cold signer and says
//! why, until the person chooses a mode again. Anything at the path that is
//! not a regular file of at most [`MAX_SETTINGS_BYTES`] (a FIFO, a device,
//! a huge file) counts as damaged and is refused without blocking.
//!
//! Files go through `jifen-files`: the data and `app/` folders are 0700, the
//! file is written 0600 and crash-safely (temporary file, fsync, rename,
//! fsync of the folder) under `settings.json.lock`; a failed save leaves no
//! temporary file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_files::{
    FileError, Lock, create_private_dir_all, lock_path, read_bounded, remove_leftover_temps,
    write_atomic,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppRefusal;

/// The UI languages.
pub const LANGUAGES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// Largest settings file read: the settings are under 200 bytes.
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// How long a save waits for another app window's save of the same file.
const SAVE_LOCK_WAIT: Duration = Duration::from_secs(5);

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
/// (not a regular file, too large, not JSON, an unknown field or mode), or
/// cannot be read.
pub fn load(path: &Path) -> Result<AppSettings, AppRefusal> {
    let corrupt = |reason: String| AppRefusal::SettingsCorrupt { reason };
    let bytes = match read_bounded(path, MAX_SETTINGS_BYTES) {
        Ok(bytes) => bytes,
        Err(FileError::NotFound { .. }) => return Ok(AppSettings::default()),
        Err(e) => return Err(corrupt(e.to_string())),
    };
    serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))
}

/// Writes the settings crash-safely (mode 0600; the folders 0700).
///
/// # Errors
/// [`AppRefusal::SettingsIo`]; the previous file is then unchanged.
pub fn save(path: &Path, settings: &AppSettings) -> Result<(), AppRefusal> {
    let io = |e: FileError| AppRefusal::SettingsIo {
        reason: e.to_string(),
    };
    let app_dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    // The data folder too: the app may be the first to create it.
    for dir in [app_dir.and_then(Path::parent), app_dir]
        .into_iter()
        .flatten()
        .filter(|d| !d.as_os_str().is_empty())
    {
        create_private_dir_all(dir).map_err(io)?;
    }
    let bytes = serde_json::to_vec_pretty(settings).map_err(|e| AppRefusal::SettingsIo {
        reason: e.to_string(),
    })?;
    let _lock = Lock::acquire_within(lock_path(path), SAVE_LOCK_WAIT).map_err(io)?;
    // Under the lock, a temporary file of this name is a killed save's.
    remove_leftover_temps(path).map_err(io)?;
    write_atomic(path, &bytes).map_err(io)
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

    /// A FIFO or an oversized file at the settings path is damaged: refused
    /// at once (never blocking the start-up), and the app starts offline.
    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_huge_file_is_damaged_and_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = settings_path(dir.path());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let fifo = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load(&fifo));
        });
        let loaded = rx
            .recv_timeout(jifen_testenv::DEADLINE)
            .expect("loading a FIFO blocked");
        assert!(
            matches!(&loaded, Err(AppRefusal::SettingsCorrupt { reason }) if reason.contains("fifo")),
            "{loaded:?}"
        );
        std::fs::remove_file(&path).unwrap();
        let huge = format!(r#"{{"language":"{}"}}"#, "x".repeat(70_000));
        std::fs::write(&path, huge).unwrap();
        assert!(matches!(
            load(&path),
            Err(AppRefusal::SettingsCorrupt { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn saved_settings_are_private_and_a_failed_save_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let path = settings_path(&data);
        save(&path, &AppSettings::default()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&path), 0o600);

        // A killed save's leftover is removed by the next save.
        std::mem::forget(jifen_files::TempFile::beside(&path).unwrap());
        assert_eq!(jifen_files::leftover_temps(&path).unwrap().len(), 1);
        save(&path, &AppSettings::default()).unwrap();
        assert!(jifen_files::leftover_temps(&path).unwrap().is_empty());

        // The rename fails (a folder is in the way): an error, the folder
        // untouched, and no 0-byte temporary file beside it.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("keep"), b"x").unwrap();
        let failed = save(&path, &AppSettings::default());
        assert!(
            matches!(failed, Err(AppRefusal::SettingsIo { .. })),
            "{failed:?}"
        );
        assert!(jifen_files::leftover_temps(&path).unwrap().is_empty());
        assert!(path.join("keep").exists());
        // And the damaged path still fails closed.
        assert!(matches!(
            load(&path),
            Err(AppRefusal::SettingsCorrupt { .. })
        ));
    }
}
