//! Tauri build step: config, capabilities, and one `allow-<command>` permission per
//! app command (so capabilities list exactly the commands the window may call).

#[path = "src/command_list.rs"]
mod command_list;

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(command_list::COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
