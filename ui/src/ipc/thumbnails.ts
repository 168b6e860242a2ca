// Thumbnails are served by the Rust side's `thumb:` protocol: it fetches the asset's rendition
// from AEM with the connection's credentials and caches it on disk. The page only builds the
// address; it never talks to AEM and never sees a token (the CSP allows images from `thumb:`).
import { convertFileSrc } from '@tauri-apps/api/core';

/** The address of `assetPath`'s thumbnail on stored connection `connectionId`. */
export function thumbnailUrl(connectionId: string, assetPath: string): string {
  // `thumb://localhost/…` here, `http://thumb.localhost/…` on Windows: Tauri picks the form.
  return convertFileSrc(`${connectionId}${assetPath}`, 'thumb');
}
