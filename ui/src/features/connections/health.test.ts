// The token and certificate status in words: durations, each token state, the development
// token's countdown and its end, certificate levels at 30 and 3 days, and the test's facts.
import { describe, expect, it } from 'vitest';

import type { CertificateStatus, ConnectionHealth, ConnectionTestReport, TokenStatus } from '../../ipc/types';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { certificateLevel, certificateLine, hostReached, reportFacts, tokenLine } from './health';

const en = new I18n('en');
const formatDuration = en.duration;

const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();
const H = 3600;
const DAY = 24 * H;

function health(token: TokenStatus, certificate: CertificateStatus | null = null): ConnectionHealth {
  return { level: 'ok', summary: '', token, certificate, advice: null };
}

function cert(secondsLeft: number): CertificateStatus {
  return { expiresAt: at(secondsLeft), daysLeft: Math.floor(secondsLeft / DAY), level: 'ok', message: 'What to do.' };
}

describe('durations', () => {
  it('reads like the app core words them', () => {
    expect(formatDuration(30)).toBe('less than a minute');
    expect(formatDuration(4 * 60)).toBe('4 min');
    expect(formatDuration(3 * H)).toBe('3 h');
    expect(formatDuration(23 * H + 12 * 60 + 59)).toBe('23 h 12 min');
    expect(formatDuration(47 * H)).toBe('47 h');
    expect(formatDuration(12 * DAY)).toBe('12 days');
  });
});

describe('the token line', () => {
  it('counts a valid token down from its end, not from what was sent', () => {
    const valid = health({ state: 'valid', expiresAt: at(23 * H + 12 * 60 + 30), secondsLeft: 99 });
    expect(tokenLine(valid, NOW, en)).toEqual({ text: 'token valid 23 h 12 min', tone: 'ok', advice: null });
    expect(tokenLine(valid, NOW + 2 * H * 1000, en).text).toBe('token valid 21 h 12 min');
    expect(tokenLine(valid, NOW + 24 * H * 1000, en).text).toBe('token ended — a new one is fetched when next needed');
  });

  it('says renewing, not yet fetched, and no token needed', () => {
    expect(tokenLine(health({ state: 'renewing' }), NOW, en)).toMatchObject({ text: 'renewing…', tone: 'busy' });
    expect(tokenLine(health({ state: 'notYetObtained' }), NOW, en).text).toBe('no token yet — it is fetched when first needed');
    expect(tokenLine(health({ state: 'notNeeded' }), NOW, en).text).toMatch(/user name and password/);
  });

  it('gives a failure in one line and the whole reason as advice', () => {
    const reason =
      'Adobe IMS refused the client id: this environment has not allow-listed it. Ask an administrator to add it in Cloud Manager.';
    const line = tokenLine(health({ state: 'failed', code: 'auth', reason }), NOW, en);
    expect(line.text).toBe('failed: Adobe IMS refused the client id: this environment has not allow-listed it.');
    expect(line.tone).toBe('danger');
    expect(line.advice).toBe(reason);
    expect(tokenLine(health({ state: 'failed', code: 'network', reason: 'Could not reach IMS' }), NOW, en).advice).toBeNull();
  });

  it('counts a development token down and says what to do when it ends', () => {
    const dev = (seconds: number) => health({ state: 'devToken', expiresAt: at(seconds), secondsLeft: seconds, expired: false });
    expect(tokenLine(dev(20 * H), NOW, en)).toEqual({ text: 'development token ends in 20 h', tone: 'ok', advice: null });
    const soon = tokenLine(dev(H + 5 * 60), NOW, en);
    expect(soon.text).toBe('development token ends in 1 h 5 min');
    expect(soon.tone).toBe('warning');
    const ended = tokenLine(dev(-60), NOW, en);
    expect(ended.text).toBe('development token ended');
    expect(ended.tone).toBe('danger');
    expect(ended.advice).toMatch(/AEM Developer Console .*Local token.*drop the downloaded file on this window/);
    // It ends while the page is open.
    expect(tokenLine(dev(60), NOW + 61_000, en).text).toBe('development token ended');
  });
});

describe('the certificate line', () => {
  it('is amber under 30 days, red under 3, and refused once expired', () => {
    expect(certificateLevel(cert(31 * DAY), NOW)).toBe('ok');
    expect(certificateLevel(cert(30 * DAY + 60), NOW)).toBe('ok');
    expect(certificateLevel(cert(29 * DAY + 23 * H), NOW)).toBe('soon');
    expect(certificateLevel(cert(3 * DAY + 60), NOW)).toBe('soon');
    expect(certificateLevel(cert(2 * DAY + 23 * H), NOW)).toBe('urgent');
    expect(certificateLevel(cert(-1), NOW)).toBe('expired');

    expect(certificateLine(cert(200 * DAY), NOW, en)).toMatchObject({ text: expect.stringMatching(/^Certificate valid until /), tone: 'ok', advice: null });
    expect(certificateLine(cert(12 * DAY + H), NOW, en)).toMatchObject({ text: expect.stringMatching(/^Certificate expires in 12 days/), tone: 'warning', advice: 'What to do.' });
    expect(certificateLine(cert(DAY + H), NOW, en)).toMatchObject({ text: expect.stringMatching(/^Certificate expires in 1 day /), tone: 'danger' });
    expect(certificateLine(cert(5 * H), NOW, en).text).toMatch(/^Certificate expires in 5 h/);
    expect(certificateLine(cert(-DAY), NOW, en)).toMatchObject({ text: expect.stringMatching(/expired on .* Adobe refuses/), tone: 'danger' });
  });
});

function report(overrides: Partial<ConnectionTestReport> = {}): ConnectionTestReport {
  return {
    ok: true,
    host: '127.0.0.1:4502',
    api: 'classic',
    actingAs: 'abc@techacct.adobe.com',
    tokenExpiresAt: at(23 * H + 12 * 60 + 5),
    tokenSecondsLeft: 23 * H + 12 * 60,
    certificate: null,
    damReadable: true,
    steps: [
      { step: 'readDam', label: 'Get an access token', outcome: 'passed', detail: 'Token valid for 23 h 12 min.', code: null },
      { step: 'readDam', label: 'Ask AEM who we are', outcome: 'passed', detail: 'AEM knows this connection as abc.', code: null },
      { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'passed', detail: 'The DAM root can be read.', code: null },
    ],
    allows: [],
    canDo: [],
    ...overrides,
  };
}

describe('the test facts', () => {
  it('name the host reached, the account, the time left and the DAM', () => {
    expect(reportFacts(report(), NOW, en).map((f) => f.text)).toEqual([
      'Reached AEM at 127.0.0.1:4502',
      'AEM says you are abc@techacct.adobe.com',
      'Token valid 23 h 12 min',
      'The DAM can be read',
    ]);
  });

  it('tell an unreachable host from one never tried', () => {
    const unreachable = report({
      ok: false,
      actingAs: null,
      damReadable: null,
      steps: [
        report().steps[0]!,
        { step: 'readDam', label: 'Ask AEM who we are', outcome: 'failed', detail: 'Could not reach 127.0.0.1:4502.', code: 'network' },
        { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'failed', detail: 'Could not reach 127.0.0.1:4502.', code: 'network' },
      ],
    });
    expect(hostReached(unreachable)).toBe(false);
    expect(reportFacts(unreachable, NOW, en)[0]).toEqual({ key: 'host', text: 'Could not reach AEM at 127.0.0.1:4502', ok: false });
    const refused = report({
      ok: false,
      steps: [
        { step: 'readDam', label: 'Get an access token', outcome: 'failed', detail: 'IMS said no.', code: 'auth' },
        { step: 'readDam', label: 'Ask AEM who we are', outcome: 'skipped', detail: 'Not tried.', code: null },
      ],
    });
    expect(hostReached(refused)).toBeNull();
    const forbidden = report({
      ok: false,
      damReadable: false,
      steps: [...report().steps.slice(0, 2), { step: 'readDam', label: 'Read', outcome: 'failed', detail: 'AEM answered 403.', code: 'remote' }],
    });
    expect(hostReached(forbidden)).toBe(true);
    expect(reportFacts(forbidden, NOW, en).at(-1)).toEqual({ key: 'dam', text: 'The DAM cannot be read', ok: false });
  });

  it('say when the OpenAPI family does not tell who we are', () => {
    const openApi = report({ api: 'openApi', actingAs: null });
    expect(reportFacts(openApi, NOW, en)[1]?.text).toBe('AEM does not say which account this connection uses');
  });
});
