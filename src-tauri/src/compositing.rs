//! Whether the window's web view paints with WebKitGTK's accelerated compositing (OpenGL) or in
//! software, on Linux only. Without a GPU, Mesa runs OpenGL on the CPU (llvmpipe/softpipe): the
//! compositing then costs ≈90 MiB more in the web process (BENCHMARKS.md §5b) and gives nothing
//! a software painter would not, so Metadesk turns WebKitGTK's hardware-acceleration policy to
//! "never" there, and leaves it alone (WebKit's default) where a GPU exists.
//!
//! Per OS: Windows (WebView2) and macOS (WKWebView) have no such policy and are not affected;
//! this module does nothing there. Not here: how the page looks (the same either way).

/// Set to `on` (WebKit's default policy, whatever the machine has) or `off` (software painting)
/// to override the detection; `auto` or unset: detect.
pub const ENV: &str = "METADESK_GPU_COMPOSITING";

/// What the machine offers OpenGL, as far as it can be known without starting OpenGL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Machine {
    /// A DRM render node (`/dev/dri/renderD*`): a GPU driver Mesa can use.
    pub render_node: bool,
    /// NVIDIA's own driver (`/dev/nvidiactl`), which does not always make a render node.
    pub nvidia: bool,
    /// `LIBGL_ALWAYS_SOFTWARE` set to a true value: Mesa was told to paint in software.
    pub always_software: bool,
    /// `GALLIUM_DRIVER`, lower-cased (`llvmpipe`, `softpipe`, `zink`…), when set.
    pub gallium_driver: Option<String>,
}

/// What was decided, and why (for the log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compositing {
    /// WebKit's own policy: accelerated compositing where it finds it worth it.
    Default(&'static str),
    /// The hardware-acceleration policy "never": software painting.
    Off(&'static str),
}

/// The decision for `machine`, with `overridden` the value of [`ENV`] if set.
pub fn decide(overridden: Option<&str>, machine: &Machine) -> Compositing {
    match overridden.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        Some("on" | "1" | "true" | "yes") => {
            return Compositing::Default("asked for by METADESK_GPU_COMPOSITING");
        }
        Some("off" | "0" | "false" | "no") => {
            return Compositing::Off("asked for by METADESK_GPU_COMPOSITING");
        }
        Some("auto" | "") | None => {}
        Some(other) => {
            tracing::warn!(
                value = other,
                "{ENV} is not on, off or auto; detecting instead"
            );
        }
    }
    if machine.always_software {
        return Compositing::Off("LIBGL_ALWAYS_SOFTWARE makes OpenGL run in software");
    }
    if matches!(
        machine.gallium_driver.as_deref(),
        Some("llvmpipe" | "softpipe" | "swrast")
    ) {
        return Compositing::Off("GALLIUM_DRIVER makes OpenGL run in software");
    }
    if !machine.render_node && !machine.nvidia {
        return Compositing::Off(
            "no GPU: no /dev/dri render node, so OpenGL would run in software",
        );
    }
    Compositing::Default("a GPU is present")
}

/// Reads what [`decide`] needs from this machine: a directory listing and two variables.
#[cfg(target_os = "linux")]
pub fn probe() -> Machine {
    use std::path::Path;
    let render_node = std::fs::read_dir("/dev/dri").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    let truthy = |v: String| !matches!(v.trim(), "" | "0" | "false");
    Machine {
        render_node,
        nvidia: Path::new("/dev/nvidiactl").exists(),
        always_software: std::env::var("LIBGL_ALWAYS_SOFTWARE").is_ok_and(truthy),
        gallium_driver: std::env::var("GALLIUM_DRIVER")
            .ok()
            .map(|v| v.trim().to_ascii_lowercase())
            .filter(|v| !v.is_empty()),
    }
}

/// Applies the decision to `window`'s web view (Linux); nothing elsewhere.
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let decision = decide(std::env::var(ENV).ok().as_deref(), &probe());
        match decision {
            Compositing::Default(why) => {
                tracing::info!(why, "web view compositing left to WebKit");
            }
            Compositing::Off(why) => {
                let set = window.with_webview(|webview| {
                    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
                    if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                        settings
                            .set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                    }
                });
                match set {
                    Ok(()) => tracing::info!(why, "web view compositing off (software painting)"),
                    Err(e) => {
                        tracing::warn!(error = %e, "web view compositing could not be turned off")
                    }
                }
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gpu() -> Machine {
        Machine {
            render_node: true,
            ..Machine::default()
        }
    }

    #[test]
    fn without_a_gpu_compositing_is_off() {
        assert!(matches!(
            decide(None, &Machine::default()),
            Compositing::Off(_)
        ));
        assert!(matches!(
            decide(Some("auto"), &Machine::default()),
            Compositing::Off(_)
        ));
    }

    #[test]
    fn with_a_gpu_webkit_decides() {
        assert!(matches!(decide(None, &gpu()), Compositing::Default(_)));
        let nvidia = Machine {
            nvidia: true,
            ..Machine::default()
        };
        assert!(matches!(decide(None, &nvidia), Compositing::Default(_)));
        let zink = Machine {
            gallium_driver: Some("zink".into()),
            ..gpu()
        };
        assert!(matches!(decide(None, &zink), Compositing::Default(_)));
    }

    #[test]
    fn software_opengl_asked_for_turns_it_off_even_with_a_gpu() {
        let always = Machine {
            always_software: true,
            ..gpu()
        };
        assert!(matches!(decide(None, &always), Compositing::Off(_)));
        for driver in ["llvmpipe", "softpipe", "swrast"] {
            let m = Machine {
                gallium_driver: Some(driver.into()),
                ..gpu()
            };
            assert!(matches!(decide(None, &m), Compositing::Off(_)), "{driver}");
        }
    }

    #[test]
    fn the_override_wins_and_a_bad_value_falls_back_to_detection() {
        assert!(matches!(
            decide(Some("on"), &Machine::default()),
            Compositing::Default(_)
        ));
        assert!(matches!(decide(Some(" OFF "), &gpu()), Compositing::Off(_)));
        assert!(matches!(decide(Some("0"), &gpu()), Compositing::Off(_)));
        assert!(matches!(
            decide(Some("maybe"), &gpu()),
            Compositing::Default(_)
        ));
        assert!(matches!(
            decide(Some("maybe"), &Machine::default()),
            Compositing::Off(_)
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_probe_reads_this_machine() {
        // The probe agrees with the device folder it reads (none on this CI machine, a render
        // node on a desktop with a GPU).
        let has_node = std::fs::read_dir("/dev/dri").is_ok_and(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        });
        assert_eq!(probe().render_node, has_node);
    }
}
