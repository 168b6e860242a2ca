// What an asset is, from its name, for the picture that stands in for it (Thumbnail's icons),
// and a long name shortened in its middle so its start and its extension stay readable.

export type FileKind = 'image' | 'pdf' | 'video' | 'fragment' | 'other';

const IMAGE = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'tif', 'tiff', 'svg', 'bmp', 'heic', 'avif', 'psd', 'eps', 'ai']);
const VIDEO = new Set(['mp4', 'mov', 'webm', 'avi', 'm4v', 'mkv', 'wmv', 'mpg', 'mpeg']);

/** The extension of a path's last segment, lower case; '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The kind of asset a path names. A name without an extension is a content fragment: AEM
 *  keeps fragments as nodes named like folders, files keep their extension. */
export function fileKind(path: string): FileKind {
  const ext = extensionOf(path);
  if (ext === '') return 'fragment';
  if (IMAGE.has(ext)) return 'image';
  if (VIDEO.has(ext)) return 'video';
  if (ext === 'pdf') return 'pdf';
  return 'other';
}

/** `text` at most `max` characters long, an ellipsis in its middle: the end kept (a file's
 *  extension, a path's last folders) as well as the start. The whole goes in a title and to
 *  screen readers where it is shown. */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max || max < 5) return text;
  const keepEnd = Math.max(Math.floor((max - 1) / 2), Math.min(extensionOf(text).length + 1, max - 4));
  const keepStart = max - 1 - keepEnd;
  return `${chars.slice(0, keepStart).join('')}…${chars.slice(chars.length - keepEnd).join('')}`;
}
