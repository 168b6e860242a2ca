//! The footprint benchmark's yardstick: a Tauri window with the same Tauri version, features and
//! release profile as Metadesk, the same window size, and a page that is one heading. It prints
//! `page loaded` when its page has loaded (Metadesk logs the same words), so the benchmark can
//! time both the same way.

fn main() {
    let built = tauri::Builder::default()
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                println!("page loaded");
            }
        })
        .run(tauri::generate_context!());
    if let Err(e) = built {
        eprintln!("bare window: {e}");
        std::process::exit(1);
    }
}
