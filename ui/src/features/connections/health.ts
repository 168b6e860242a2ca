// Token and certificate status in the words the connections page shows: "token valid 23 h
// 12 min", "renewing…", "failed: why", certificate warnings at 30 and 3 days, a development
// token's countdown. Times are counted down here from the `expiresAt` the app core sent, so the
// page stays right between two asks (the Rust side decides the states; this only words them).
import type { CertificateStatus, ConnectionHealth, ConnectionTestReport, TestStep } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';

export type HealthTone = 'ok' | 'busy' | 'muted' | 'warning' | 'danger';

/** One status line, with what to do when something needs doing. */
export interface StatusLine {
  text: string;
  tone: HealthTone;
  advice: string | null;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Warn about a development token this long before it ends (they last 24 h). */
const DEV_TOKEN_WARNING = 2 * HOUR;
/** Certificate warnings, as Adobe's own emails: at 30 days, then urgently at 3. */
export const CERTIFICATE_WARNING_DAYS = 30;
export const CERTIFICATE_URGENT_DAYS = 3;

/** Whole seconds from `now` (ms) until `iso`; negative once it has passed. */
export function secondsUntil(iso: string, now: number): number {
  return Math.floor((Date.parse(iso) - now) / 1000);
}

/** The first sentence of a reason, for the one-line status (the whole reason is the advice). */
function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end === -1 ? text : text.slice(0, end + 1);
}

/** The access token's line on a connection card. */
export function tokenLine(health: ConnectionHealth, now: number, i18n: I18n): StatusLine {
  const { t, duration } = i18n;
  const token = health.token;
  switch (token.state) {
    case 'notNeeded':
      return { text: t('token-not-needed'), tone: 'ok', advice: null };
    case 'notYetObtained':
      return { text: t('token-not-yet'), tone: 'muted', advice: null };
    case 'renewing':
      return { text: t('token-renewing'), tone: 'busy', advice: null };
    case 'failed': {
      const short = firstSentence(token.reason);
      return { text: t('token-failed', { reason: short }), tone: 'danger', advice: short === token.reason ? null : token.reason };
    }
    case 'valid': {
      const left = secondsUntil(token.expiresAt, now);
      // Expired while the page was open: the app core fetches a new one at the next use.
      if (left <= 0) return { text: t('token-ended'), tone: 'muted', advice: null };
      return { text: t('token-valid', { duration: duration(left) }), tone: 'ok', advice: null };
    }
    case 'devToken': {
      if (token.expiresAt === null) {
        return {
          text: t('dev-token-unknown'),
          tone: 'warning',
          advice: t('dev-token-unknown-advice'),
        };
      }
      const left = secondsUntil(token.expiresAt, now);
      if (token.expired || left <= 0) {
        return {
          text: t('dev-token-ended'),
          tone: 'danger',
          advice: t('dev-token-ended-advice'),
        };
      }
      if (left < DEV_TOKEN_WARNING) {
        return {
          text: t('dev-token-ends', { duration: duration(left) }),
          tone: 'warning',
          advice: t('dev-token-ends-advice'),
        };
      }
      return { text: t('dev-token-ends', { duration: duration(left) }), tone: 'ok', advice: null };
    }
  }
}

export type CertificateLevelNow = 'ok' | 'soon' | 'urgent' | 'expired';

/** The certificate's level at `now`: amber under 30 days, red under 3, refused once expired. */
export function certificateLevel(cert: CertificateStatus, now: number): CertificateLevelNow {
  const left = secondsUntil(cert.expiresAt, now);
  if (left <= 0) return 'expired';
  const days = Math.floor(left / DAY);
  if (days < CERTIFICATE_URGENT_DAYS) return 'urgent';
  if (days < CERTIFICATE_WARNING_DAYS) return 'soon';
  return 'ok';
}

/** The certificate's line on a card of service credentials. */
export function certificateLine(cert: CertificateStatus, now: number, i18n: I18n): StatusLine {
  const { t, duration } = i18n;
  const level = certificateLevel(cert, now);
  const day = i18n.date(cert.expiresAt);
  const left = secondsUntil(cert.expiresAt, now);
  const days = Math.floor(left / DAY);
  switch (level) {
    case 'ok':
      return { text: t('certificate-valid', { day }), tone: 'ok', advice: null };
    case 'soon':
      return { text: t('certificate-expires-days', { days, day }), tone: 'warning', advice: cert.message };
    case 'urgent':
      return {
        text: days < 1 ? t('certificate-expires-in', { duration: duration(left), day }) : t('certificate-expires-days', { days, day }),
        tone: 'danger',
        advice: cert.message,
      };
    case 'expired':
      return { text: t('certificate-expired', { day }), tone: 'danger', advice: cert.message };
  }
}

/** Did "Test connection" reach AEM? `null` when it did not try (the credentials failed). */
export function hostReached(report: ConnectionTestReport): boolean | null {
  const aemSteps = report.steps.slice(1).filter((s: TestStep) => s.outcome !== 'skipped');
  if (aemSteps.length === 0) return null;
  return !aemSteps.some((s) => s.outcome === 'failed' && s.code === 'network');
}

/** The facts "Test connection" found, as short sentences, in the order the panel lists them. */
export function reportFacts(
  report: ConnectionTestReport,
  now: number,
  i18n: I18n,
): { key: string; text: string; ok: boolean | null }[] {
  const { t, duration } = i18n;
  const host = report.host;
  const facts: { key: string; text: string; ok: boolean | null }[] = [];
  const reached = hostReached(report);
  facts.push({
    key: 'host',
    text: t(reached === null ? 'fact-host-not-tried' : reached ? 'fact-host-reached' : 'fact-host-unreachable', { host }),
    ok: reached,
  });
  if (report.actingAs) {
    facts.push({ key: 'account', text: t('fact-account', { user: report.actingAs }), ok: true });
  } else if (report.api === 'openApi' && reached) {
    facts.push({ key: 'account', text: t('fact-account-unknown'), ok: null });
  }
  if (report.tokenExpiresAt) {
    const left = secondsUntil(report.tokenExpiresAt, now);
    facts.push({
      key: 'token',
      text: left > 0 ? t('fact-token-valid', { duration: duration(left) }) : t('fact-token-ended'),
      ok: left > 0,
    });
  }
  if (report.certificate) {
    const level = certificateLevel(report.certificate, now);
    facts.push({ key: 'certificate', text: report.certificate.message, ok: level === 'ok' ? true : level === 'expired' ? false : null });
  }
  if (report.damReadable !== null) {
    facts.push({
      key: 'dam',
      text: t(report.damReadable ? 'fact-dam-readable' : 'fact-dam-unreadable'),
      ok: report.damReadable,
    });
  }
  return facts;
}
