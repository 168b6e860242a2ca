//! The commands driven through Tauri's mock runtime (`tauri::test`): the app as `run()` builds it
//! ([`crate::app`]) on `mock_builder()`, one webview with no window, requests shaped as the page
//! sends them (`ui/src/ipc/commands.ts`: camelCase names, Channels as `__CHANNEL__:id`), and what
//! comes back: answers, `{code, message}` errors in the window's language, events, Channel
//! messages.
//!
//! The app's data lives in a temporary folder. Tests that store a connection use the OS keychain
//! under a namespace of their own, so they run where a Secret Service runs (`scripts/test.sh`:
//! `private_session cargo test --workspace -- --include-ignored`), like the other keychain tests.

mod connections;
mod console;
mod language;
mod runs;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use metadesk_core::app::Workspace;
use metadesk_core::dirs::AppDirs;
use metadesk_core::secrets::{
    KeyringStore, RunOnlyKeychain, Secret, SecretStore, SecretStoreError,
};
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponseBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

/// The app on the mock runtime with its webview, and what it sent the page besides answers.
pub(super) struct MockApp {
    pub app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    /// Every message sent on a Channel, by the channel's id, in order.
    channels: Arc<Mutex<HashMap<u32, Vec<Value>>>>,
    /// Every event emitted, by name, in order.
    events: Arc<Mutex<HashMap<String, Vec<Value>>>>,
    /// The app's folders (config, data, logs, cache).
    pub dir: tempfile::TempDir,
}

impl MockApp {
    /// The app over a fresh temporary folder and `keychain`.
    pub fn new(keychain: Arc<dyn SecretStore>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::new(AppDirs::under(dir.path()), keychain).unwrap();
        let channels: Arc<Mutex<HashMap<u32, Vec<Value>>>> = Arc::default();
        let heard = Arc::clone(&channels);
        let builder = mock_builder().channel_interceptor(move |_, callback, _, body| {
            let InvokeResponseBody::Json(json) = body else {
                return false;
            };
            let value: Value = serde_json::from_str(json).unwrap();
            heard
                .lock()
                .unwrap()
                .entry(callback.0)
                .or_default()
                .push(value);
            true
        });
        let app = crate::app(builder, AppState::new(workspace))
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        MockApp {
            app,
            webview,
            channels,
            events: Arc::default(),
            dir,
        }
    }

    /// The app with the OS keychain, under a namespace of this test's own.
    pub fn with_os_keychain(test: &str) -> Self {
        let namespace = format!(
            "com.metadesk.tests.mock-runtime.{test}.{}",
            std::process::id()
        );
        Self::new(Arc::new(KeyringStore::new(namespace)))
    }

    /// The app with a keychain in memory that counts what is written to it.
    pub fn with_counted_keychain() -> (Self, Arc<CountedKeychain>) {
        let keychain = Arc::new(CountedKeychain::default());
        (Self::new(keychain.clone()), keychain)
    }

    /// Records every event named `name` from now on.
    pub fn listen(&self, name: &str) {
        let events = Arc::clone(&self.events);
        let key = name.to_owned();
        self.app.listen_any(name, move |event| {
            let payload: Value = serde_json::from_str(event.payload()).unwrap();
            events
                .lock()
                .unwrap()
                .entry(key.clone())
                .or_default()
                .push(payload);
        });
    }

    /// The payloads of the events named `name` heard since [`Self::listen`].
    pub fn heard(&self, name: &str) -> Vec<Value> {
        self.events
            .lock()
            .unwrap()
            .get(name)
            .cloned()
            .unwrap_or_default()
    }

    /// The messages sent so far on the Channel passed as [`channel`]`(id)`.
    pub fn channel(&self, id: u32) -> Vec<Value> {
        self.channels
            .lock()
            .unwrap()
            .get(&id)
            .cloned()
            .unwrap_or_default()
    }

    /// Calls `command` as the page does (`invoke(command, args)`): its answer, or the error it
    /// sent.
    pub fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        tauri::test::get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().unwrap())
    }

    /// A command's error as the page receives it: `{code, message}`, nothing else.
    pub fn refused(&self, command: &str, args: Value) -> (String, String) {
        let error = self
            .invoke(command, args)
            .expect_err(&format!("{command} should fail"));
        let object = error
            .as_object()
            .unwrap_or_else(|| panic!("not an IpcError: {error}"));
        assert_eq!(object.len(), 2, "{error}");
        (
            error["code"].as_str().unwrap().to_owned(),
            error["message"].as_str().unwrap().to_owned(),
        )
    }

    /// Switches the window's language as the settings do (`setLanguage`).
    pub fn set_language(&self, lang: &str) {
        let settings = self
            .invoke("set_language", json!({ "chosen": lang }))
            .unwrap();
        assert_eq!(settings["effective"], lang, "{settings}");
    }
}

/// A Channel as the page passes it in a command's arguments (`new Channel()` is sent as this).
pub(super) fn channel(id: u32) -> Value {
    json!(format!("__CHANNEL__:{id}"))
}

/// A keychain in memory that counts the entries written, so a test can say "nothing stored".
#[derive(Default)]
pub(super) struct CountedKeychain {
    inner: RunOnlyKeychain,
    writes: Mutex<usize>,
}

impl CountedKeychain {
    pub fn writes(&self) -> usize {
        *self.writes.lock().unwrap()
    }
}

impl SecretStore for CountedKeychain {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        *self.writes.lock().unwrap() += 1;
        self.inner.set(key, value)
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.inner.delete(key)
    }
    fn backend_name(&self) -> &'static str {
        "counted, in memory"
    }
}
