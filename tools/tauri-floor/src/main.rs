//! The floor: a Tauri v2 app with one static page and no commands, built with the
//! same Tauri and WebKitGTK as jifen-app. `tests/e2e/floor.mjs` measures both side
//! by side; what jifen-app costs above this app is the app's own share.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("jifen-tauri-floor: {e}");
        std::process::exit(1);
    }
}
