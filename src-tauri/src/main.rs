//! Desktop entry point of the Jifen app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    jifen_app::run();
}
