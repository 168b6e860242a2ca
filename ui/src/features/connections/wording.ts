// Connection facts in the words the page shows: dates in the user's locale, and one status
// line per connection ("Certificate expires in 12 days", "Acts as … · ends 14 May, 14:05").
import type { ConnectionView, SecretHint } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';

export type Tone = 'ok' | 'warning' | 'danger';

export function statusTone(c: ConnectionView): Tone {
  if (c.status.state === 'expired') return 'danger';
  if (c.status.state === 'expiresSoon') return 'warning';
  return 'ok';
}

/** The status in a sentence, naming what expires. */
export function statusLine(c: ConnectionView, i18n: I18n): string {
  const { t } = i18n;
  const state = c.status.state;
  if (c.certificateExpiresAt) {
    const day = i18n.date(c.certificateExpiresAt);
    if (state === 'ok') return t('status-certificate-valid', { day });
    if (c.status.state === 'expiresSoon') return t('certificate-expires-days', { days: c.status.days, day });
    return t('status-certificate-expired', { day });
  }
  if (c.tokenExpiresAt) {
    const args = { actsAs: c.actsAs ?? 'none', at: i18n.dateTime(c.tokenExpiresAt) };
    if (state === 'ok') return t('status-token-ends', args);
    return t(state === 'expired' ? 'status-token-expired' : 'status-token-expires', args);
  }
  // Only a certificate or a token expires: without either, a connection is always ok.
  return t('status-ok');
}

/** What the card shows instead of a secret ("client secret ••••1d47"), in the user's language. */
export function secretHint(hint: SecretHint, i18n: I18n): string {
  switch (hint.kind) {
    case 'secret':
      return i18n.t('secret-hint', { field: hint.field, hint: hint.hint });
    case 'privateKey':
      // A string, so the size is not grouped like a count ("2 048").
      return i18n.t('secret-hint-private-key', { bits: String(hint.bits) });
    case 'words':
      // Words an older version stored that this one does not recognise: shown as stored.
      return hint.text;
  }
}

/** A credential kind's name in the user's language. */
export function kindLabel(kind: ConnectionView['kind'], i18n: I18n): string {
  return i18n.t(`kind-${kind}`);
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
export function urlProblem(raw: string, i18n: I18n): string | null {
  const { t } = i18n;
  const text = raw.trim();
  if (!text) return t('url-empty');
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return t('url-not-web', { text });
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return t('url-not-https');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('url-not-web', { text });
  return null;
}
