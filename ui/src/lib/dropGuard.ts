/**
 * A file dropped on a webview navigates it to that file by default (a known pitfall with
 * Tauri on Linux when the native handler misses a drop). Cancelling `dragover` and `drop` at the
 * window keeps the app on screen. The real drop is handled natively by the Rust side, which
 * reads the files itself; the page never sees paths or contents.
 *
 * Returns a function that removes the guard (used by tests).
 */
export function guardAgainstDropNavigation(target: Window): () => void {
  const cancel = (event: Event) => event.preventDefault();
  target.addEventListener('dragover', cancel);
  target.addEventListener('drop', cancel);
  return () => {
    target.removeEventListener('dragover', cancel);
    target.removeEventListener('drop', cancel);
  };
}
