//! Windows only: the Microsoft Edge WebView2 Runtime, which draws the window. Windows 11 has it
//! and Windows 10 nearly always; without it Tauri cannot make the window. `run()` asks first, and
//! where it is missing says so in the system's own message box (there is no window to speak in)
//! with the advice the installer gives (`scripts/windows-installer/webview2.nsh`): get it from
//! Microsoft's download page, which the box offers to open.
//!
//! Not here: installing the runtime (never done by Metadesk), anything on Linux or macOS.

use metadesk_core::i18n::{Localizer, arg};

/// Microsoft's download page for the runtime (its Evergreen Bootstrapper is there).
pub const DOWNLOAD_PAGE: &str = "https://developer.microsoft.com/microsoft-edge/webview2/";

/// Whether the runtime is installed, as Microsoft documents to ask it: the WebView2 loader's
/// `GetAvailableCoreWebView2BrowserVersionString` (through wry, Tauri's web view layer).
pub fn runtime_found() -> bool {
    match tauri::webview_version() {
        Ok(version) => {
            tracing::info!(%version, "Microsoft Edge WebView2 Runtime");
            true
        }
        Err(e) => {
            tracing::error!(
                error = %e,
                page = DOWNLOAD_PAGE,
                "the Microsoft Edge WebView2 Runtime is missing: the window cannot open"
            );
            false
        }
    }
}

/// Tells the user the runtime is missing, in a native message box (rfd: the crate Tauri's
/// dialog plugin already uses for the system's dialogs), and opens the download page if asked.
pub fn explain_missing(l: &Localizer) {
    let open = l.text("webview2-open-page");
    let answer = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(l.text("webview2-missing-title"))
        .set_description(l.msg("webview2-missing", &[("page", arg(DOWNLOAD_PAGE))]))
        .set_buttons(rfd::MessageButtons::OkCancelCustom(
            open.clone(),
            l.text("webview2-close"),
        ))
        .show();
    if answer == rfd::MessageDialogResult::Custom(open) {
        open_download_page();
    }
}

/// The default browser, through the URL handler Windows has had since Windows 95 (the
/// workspace forbids the `unsafe` a direct ShellExecute would need).
fn open_download_page() {
    let opened = std::process::Command::new("rundll32.exe")
        .args(["url.dll,FileProtocolHandler", DOWNLOAD_PAGE])
        .status();
    match opened {
        Ok(status) if status.success() => tracing::info!("opened {DOWNLOAD_PAGE}"),
        Ok(status) => tracing::warn!(%status, "could not open {DOWNLOAD_PAGE}"),
        Err(e) => tracing::warn!(error = %e, "could not open {DOWNLOAD_PAGE}"),
    }
}
