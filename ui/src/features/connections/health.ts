// Token and certificate status in the words the connections page shows: "token valid 23 h
// 12 min", "renewing…", "failed: why", certificate warnings at 30 and 3 days, a development
// token's countdown. Times are counted down here from the `expiresAt` the app core sent, so the
// page stays right between two asks (the Rust side decides the states; this only words them).
import type { CertificateStatus, ConnectionHealth, ConnectionTestReport, TestStep } from '../../ipc/types';
import { formatDay } from './wording';

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

export const NEW_DEV_TOKEN =
  'Get a new one in the AEM Developer Console of this environment (Integrations → Local token → ' +
  'Get Local Development Token), then drop the downloaded file on this window.';

/** "less than a minute", "4 min", "3 h", "23 h 12 min", "12 days" (as the app core words it). */
export function formatDuration(seconds: number): string {
  if (seconds < MINUTE) return 'less than a minute';
  if (seconds >= 2 * DAY) return `${Math.floor(seconds / DAY)} days`;
  const hours = Math.floor(seconds / HOUR);
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

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
export function tokenLine(health: ConnectionHealth, now: number): StatusLine {
  const token = health.token;
  switch (token.state) {
    case 'notNeeded':
      return { text: 'signs in with user name and password (no token needed)', tone: 'ok', advice: null };
    case 'notYetObtained':
      return { text: 'no token yet — it is fetched when first needed', tone: 'muted', advice: null };
    case 'renewing':
      return { text: 'renewing…', tone: 'busy', advice: null };
    case 'failed': {
      const short = firstSentence(token.reason);
      return { text: `failed: ${short}`, tone: 'danger', advice: short === token.reason ? null : token.reason };
    }
    case 'valid': {
      const left = secondsUntil(token.expiresAt, now);
      // Expired while the page was open: the app core fetches a new one at the next use.
      if (left <= 0) return { text: 'token ended — a new one is fetched when next needed', tone: 'muted', advice: null };
      return { text: `token valid ${formatDuration(left)}`, tone: 'ok', advice: null };
    }
    case 'devToken': {
      if (token.expiresAt === null) {
        return {
          text: 'development token (its end is unknown; they last at most 24 h)',
          tone: 'warning',
          advice: `When AEM stops accepting it: ${NEW_DEV_TOKEN}`,
        };
      }
      const left = secondsUntil(token.expiresAt, now);
      if (token.expired || left <= 0) {
        return {
          text: 'development token ended',
          tone: 'danger',
          advice: `Development tokens last 24 hours and cannot be renewed. ${NEW_DEV_TOKEN}`,
        };
      }
      if (left < DEV_TOKEN_WARNING) {
        return {
          text: `development token ends in ${formatDuration(left)}`,
          tone: 'warning',
          advice: `Finish or pause long runs before it ends. When it has ended: ${NEW_DEV_TOKEN}`,
        };
      }
      return { text: `development token ends in ${formatDuration(left)}`, tone: 'ok', advice: null };
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
export function certificateLine(cert: CertificateStatus, now: number): StatusLine {
  const level = certificateLevel(cert, now);
  const day = formatDay(cert.expiresAt);
  const left = secondsUntil(cert.expiresAt, now);
  const days = Math.floor(left / DAY);
  switch (level) {
    case 'ok':
      return { text: `Certificate valid until ${day}`, tone: 'ok', advice: null };
    case 'soon':
      return { text: `Certificate expires in ${days} days (${day})`, tone: 'warning', advice: cert.message };
    case 'urgent':
      return {
        text: days < 1 ? `Certificate expires in ${formatDuration(left)} (${day})` : `Certificate expires in ${days === 1 ? '1 day' : `${days} days`} (${day})`,
        tone: 'danger',
        advice: cert.message,
      };
    case 'expired':
      return { text: `Certificate expired on ${day} — Adobe refuses these credentials`, tone: 'danger', advice: cert.message };
  }
}

/** Did "Test connection" reach AEM? `null` when it did not try (the credentials failed). */
export function hostReached(report: ConnectionTestReport): boolean | null {
  const aemSteps = report.steps.slice(1).filter((s: TestStep) => s.outcome !== 'skipped');
  if (aemSteps.length === 0) return null;
  return !aemSteps.some((s) => s.outcome === 'failed' && s.code === 'network');
}

/** The facts "Test connection" found, as short sentences, in the order the panel lists them. */
export function reportFacts(report: ConnectionTestReport, now: number): { key: string; text: string; ok: boolean | null }[] {
  const facts: { key: string; text: string; ok: boolean | null }[] = [];
  const reached = hostReached(report);
  facts.push({
    key: 'host',
    text: reached === null ? `AEM at ${report.host} was not tried` : reached ? `Reached AEM at ${report.host}` : `Could not reach AEM at ${report.host}`,
    ok: reached,
  });
  if (report.actingAs) {
    facts.push({ key: 'account', text: `AEM says you are ${report.actingAs}`, ok: true });
  } else if (report.api === 'openApi' && reached) {
    facts.push({ key: 'account', text: 'The Folders API does not say which account this is', ok: null });
  }
  if (report.tokenExpiresAt) {
    const left = secondsUntil(report.tokenExpiresAt, now);
    facts.push({
      key: 'token',
      text: left > 0 ? `Token valid ${formatDuration(left)}` : 'Token ended — a new one is fetched when next needed',
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
      text: report.damReadable ? 'The DAM can be read' : 'The DAM cannot be read',
      ok: report.damReadable,
    });
  }
  return facts;
}
