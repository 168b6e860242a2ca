// Connection facts in the words the page shows: dates in the user's locale, and one status
// line per connection ("Certificate expires in 12 days", "Acts as … · ends 14 May, 14:05").
import type { ConnectionView } from '../../ipc/types';

export const SANDBOX_LABEL = 'Sandbox — a simulated AEM on this computer';

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export type Tone = 'ok' | 'warning' | 'danger';

export function statusTone(c: ConnectionView): Tone {
  if (c.status.state === 'expired') return 'danger';
  if (c.status.state === 'expiresSoon') return 'warning';
  return 'ok';
}

/** The status in a sentence, naming what expires. */
export function statusLine(c: ConnectionView): string {
  const state = c.status.state;
  if (c.certificateExpiresAt) {
    return state === 'ok' ? `Certificate valid until ${formatDay(c.certificateExpiresAt)}` : `Certificate ${c.statusText}`;
  }
  if (c.tokenExpiresAt) {
    const who = c.actsAs ? `Acts as ${c.actsAs} · ` : '';
    return state === 'ok' ? `${who}token ends ${formatDateTime(c.tokenExpiresAt)}` : `${who}token ${c.statusText}`;
  }
  return state === 'ok' ? 'Ok' : c.statusText;
}

/** True for addresses on this computer, where plain http is allowed. */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * A quick check of an AEM address before it is sent (the app core checks again and its words
 * win): returns a problem in words, or null.
 */
export function urlProblem(raw: string): string | null {
  const text = raw.trim();
  if (!text) return 'Type the AEM author address, like https://author-p12345-e67890.adobeaemcloud.com.';
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return `“${text}” is not a web address.`;
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return 'Use an https address. Plain http is allowed only for an AEM on this computer (localhost).';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `“${text}” is not a web address.`;
  return null;
}
