// Writing to the system clipboard from a click, when the text is still being computed (by an
// IPC call). Not here: what is copied (the core builds the curl line).
//
// WebKit (the webview on macOS and Linux) lets a page write the clipboard only while it handles
// the click: after an await on an IPC answer the write is refused (measured in the E2E run under
// WebKitGTK: NotAllowedError). So the write starts at once with a ClipboardItem whose content is a
// promise, which WebKit and Chromium (WebView2 on Windows) both accept; writeText is the fallback
// where ClipboardItem is missing.

/** Puts `text` on the clipboard once it resolves; rejects when either fails. */
export async function copyText(text: Promise<string>): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard.write === 'function') {
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
    return;
  }
  await navigator.clipboard.writeText(await text);
}
