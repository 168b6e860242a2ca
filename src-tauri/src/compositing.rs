//! Whether the window's web view paints with WebKitGTK's accelerated compositing (OpenGL) or in
//! software, on Linux only. WebKit decides by default; `METADESK_GPU_COMPOSITING=off` turns its
//! hardware-acceleration policy to "never". On a machine without a GPU (a virtual machine, a
//! remote desktop) Mesa runs OpenGL on the CPU, and software painting then costs ≈90 MiB less in
//! the web process (BENCHMARKS.md §5c).
//!
//! Not the default there, although it is lighter: with the policy "never", WebKitWebDriver
//! stops answering after the first page load (seen under Xvfb, WebKitGTK 2.4x), so the window
//! as shipped could no longer be tested end to end; and nothing shows that every frame-driven
//! part of the page (animations, scrolling) behaves the same.
//!
//! Per OS: Windows (WebView2) and macOS (WKWebView) have no such policy; nothing happens there.

/// `off` (software painting) or `on` (WebKit's default); unset or anything else: the default.
pub const ENV: &str = "METADESK_GPU_COMPOSITING";

/// Whether `value` (of [`ENV`]) asks for software painting.
pub fn software_painting(value: Option<&str>) -> bool {
    let value = value.map(|v| v.trim().to_ascii_lowercase());
    match value.as_deref() {
        Some("off" | "0" | "false" | "no") => true,
        None | Some("" | "on" | "1" | "true" | "yes" | "auto") => false,
        Some(other) => {
            tracing::warn!(value = other, "{ENV} is not on or off; WebKit decides");
            false
        }
    }
}

/// Applies [`ENV`] to `window`'s web view (Linux); nothing elsewhere.
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    if software_painting(std::env::var(ENV).ok().as_deref()) {
        let set = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        match set {
            Ok(()) => tracing::info!("web view compositing off (software painting, {ENV})"),
            Err(e) => tracing::warn!(error = %e, "web view compositing could not be turned off"),
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_off_asks_for_software_painting() {
        for off in ["off", " OFF ", "0", "false", "no"] {
            assert!(software_painting(Some(off)), "{off}");
        }
        for default in [None, Some(""), Some("on"), Some("auto"), Some("maybe")] {
            assert!(!software_painting(default), "{default:?}");
        }
    }
}
