//! How the window's web view paints, on Linux only (WebKitGTK): who paints the page's tiles
//! (the CPU or OpenGL) and whether WebKit composites with OpenGL at all. Everything here must
//! run before the web view exists; nothing else about the window lives here.
//!
//! Tiles are painted on the CPU when the machine has no GPU, and by WebKit's default otherwise.
//! Without a GPU (a virtual machine, a remote desktop, Xvfb) Mesa runs OpenGL on the CPU
//! (llvmpipe): WebKit's "GPU" painting is then CPU painting plus a shader program compiled by
//! LLVM for every kind of drawing the page does, which costs the web process ≈36 MiB for
//! Metadesk's first page (≈24 MiB for a bare window; BENCHMARKS.md §5). Compositing (scrolling,
//! layers) stays on OpenGL either way: WebKitWebDriver drives such a window (E2E runs with it),
//! unlike one with compositing off (§5c).
//!
//! - `METADESK_GPU_PAINTING=on|off` overrides the choice; WebKit's own switch
//!   (`WEBKIT_SKIA_ENABLE_CPU_RENDERING`), when set, is obeyed as it is.
//! - `METADESK_GPU_COMPOSITING=off` turns WebKit's hardware-acceleration policy to "never"
//!   (lighter still, but then WebKitWebDriver stops answering after the first page load, so it
//!   is not the default).
//!
//! Per OS: Windows (WebView2) and macOS (WKWebView) have neither switch; nothing happens there,
//! and what only Linux uses is compiled only for Linux (and for the tests, which run everywhere).

/// `off` paints tiles on the CPU, `on` leaves WebKit's default; unset: decided by the machine.
#[cfg(any(target_os = "linux", test))]
pub const PAINTING_ENV: &str = "METADESK_GPU_PAINTING";
/// `off` turns compositing off (software painting); unset or anything else: WebKit decides.
#[cfg(any(target_os = "linux", test))]
pub const COMPOSITING_ENV: &str = "METADESK_GPU_COMPOSITING";
/// WebKitGTK's switch for painting tiles with Skia on the CPU (read by its web process).
#[cfg(any(target_os = "linux", test))]
pub const WEBKIT_CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// How a switch reads: `Some(false)` off, `Some(true)` on, `None` unset or not understood.
#[cfg(any(target_os = "linux", test))]
fn switch(name: &str, value: Option<&str>) -> Option<bool> {
    let value = value.map(|v| v.trim().to_ascii_lowercase());
    match value.as_deref() {
        Some("off" | "0" | "false" | "no") => Some(false),
        Some("on" | "1" | "true" | "yes") => Some(true),
        None | Some("" | "auto") => None,
        Some(other) => {
            tracing::warn!(value = other, "{name} is not on or off; ignored");
            None
        }
    }
}

/// Who paints the page's tiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Painting {
    /// WebKit's own switch was set before Metadesk started (by the user).
    #[cfg(any(target_os = "linux", test))]
    CpuBySwitch,
    /// To be painted on the CPU: the machine has no GPU, or [`PAINTING_ENV`] is `off`.
    #[cfg(any(target_os = "linux", test))]
    CpuWanted,
    /// WebKit's default (OpenGL where it can).
    WebKit,
}

/// Who should paint, from [`PAINTING_ENV`] (`ours`), WebKit's switch and the machine.
#[cfg(any(target_os = "linux", test))]
pub fn decide(ours: Option<&str>, webkit_switch: Option<&str>, has_gpu: bool) -> Painting {
    if let Some(value) = webkit_switch {
        // WebKit paints on the CPU when its switch is set to anything but "0".
        return if value.trim() == "0" {
            Painting::WebKit
        } else {
            Painting::CpuBySwitch
        };
    }
    let cpu = match switch(PAINTING_ENV, ours) {
        Some(gpu) => !gpu,
        None => !has_gpu,
    };
    if cpu {
        Painting::CpuWanted
    } else {
        Painting::WebKit
    }
}

/// Whether `value` (of [`COMPOSITING_ENV`]) asks for compositing off.
#[cfg(any(target_os = "linux", test))]
pub fn compositing_off(value: Option<&str>) -> bool {
    switch(COMPOSITING_ENV, value) == Some(false)
}

/// Whether the machine has a GPU that Mesa can render with: a DRM render node
/// (`/dev/dri/renderD*`, which every kernel GPU driver with rendering creates). Without one,
/// OpenGL is Mesa's software rasteriser.
#[cfg(target_os = "linux")]
fn has_gpu() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Chooses who paints the tiles; call it first thing in `run`, before logging, any window or any
/// other thread. WebKit reads its switch in the web process, which inherits this process's
/// environment, so the switch is set here, in the environment: through GLib's `g_setenv` (this
/// crate forbids `unsafe`, and `std::env::set_var` is unsafe). Setting the environment is not
/// thread-safe on POSIX (another thread reading it meanwhile could see it half-written), hence
/// "first thing". Starting the program again with the switch set (`exec`) would need no such
/// care but costs ≈70 ms of start-up, measured. Returns who paints, for the log.
pub fn choose_painting() -> Result<Painting, String> {
    #[cfg(target_os = "linux")]
    {
        let ours = std::env::var(PAINTING_ENV).ok();
        let webkit_switch = std::env::var(WEBKIT_CPU_PAINTING).ok();
        let painting = decide(ours.as_deref(), webkit_switch.as_deref(), has_gpu());
        if painting == Painting::CpuWanted {
            webkit2gtk::glib::setenv(WEBKIT_CPU_PAINTING, "1", true).map_err(|e| e.to_string())?;
        }
        Ok(painting)
    }
    #[cfg(not(target_os = "linux"))]
    Ok(Painting::WebKit)
}

/// Applies [`COMPOSITING_ENV`] to `window`'s web view (Linux); nothing elsewhere.
pub fn apply_compositing<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    if compositing_off(std::env::var(COMPOSITING_ENV).ok().as_deref()) {
        let set = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        match set {
            Ok(()) => {
                tracing::info!("web view compositing off (software painting, {COMPOSITING_ENV})")
            }
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
    fn without_a_gpu_tiles_are_painted_on_the_cpu() {
        assert_eq!(decide(None, None, false), Painting::CpuWanted);
        assert_eq!(decide(Some("auto"), None, false), Painting::CpuWanted);
        assert_eq!(decide(None, None, true), Painting::WebKit);
    }

    #[test]
    fn the_users_switches_win() {
        assert_eq!(decide(Some("on"), None, false), Painting::WebKit);
        assert_eq!(decide(Some(" OFF "), None, true), Painting::CpuWanted);
        assert_eq!(decide(Some("maybe"), None, true), Painting::WebKit);
        // WebKit's own switch, set by the user, is obeyed as it is.
        assert_eq!(decide(Some("off"), Some("1"), true), Painting::CpuBySwitch);
        assert_eq!(decide(None, Some("0"), false), Painting::WebKit);
    }

    #[test]
    fn only_off_turns_compositing_off() {
        for off in ["off", " OFF ", "0", "false", "no"] {
            assert!(compositing_off(Some(off)), "{off}");
        }
        for default in [None, Some(""), Some("on"), Some("auto"), Some("maybe")] {
            assert!(!compositing_off(default), "{default:?}");
        }
    }
}
