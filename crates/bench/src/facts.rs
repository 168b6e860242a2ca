//! Facts about the machine and the build that the report records: date, nproc, CPU model,
//! memory, kernel, build profile and compiler.

/// What BENCHMARKS.md says about where and how it was measured.
#[derive(Debug, Clone)]
pub struct Facts {
    pub date: String,
    pub nproc: usize,
    pub cpu: String,
    pub memory: String,
    pub kernel: String,
    pub build: String,
    pub rustc: String,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The value of the first `key: value` line of a /proc file.
fn proc_field(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key).then(|| v.trim().to_owned())
    })
}

pub fn gather() -> Facts {
    let date = time::OffsetDateTime::now_utc().date().to_string();
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let cpu =
        proc_field(&read("/proc/cpuinfo"), "model name").unwrap_or_else(|| "unknown CPU".into());
    let memory = proc_field(&read("/proc/meminfo"), "MemTotal")
        .and_then(|v| v.trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    let kernel = read("/proc/sys/kernel/osrelease").trim().to_owned();
    let build = if cfg!(debug_assertions) {
        "DEBUG build (numbers are not representative: use --release)".to_owned()
    } else {
        "release build (workspace release profile: opt-level 3, fat LTO, 1 codegen unit, symbols stripped)".to_owned()
    };
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "rustc version unknown".into());
    Facts {
        date,
        nproc,
        cpu,
        memory,
        kernel,
        build,
        rustc,
    }
}
