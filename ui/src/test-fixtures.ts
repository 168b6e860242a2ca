// Sample values of the Rust-side types, shared by the UI's tests.
import type { ConnectionView } from './ipc/types';

/** A saved connection as `list_connections` returns it; override what a test cares about. */
export function connection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'c1',
    name: 'p12345 · e67890',
    kind: 'serviceCredentials',
    kindLabel: 'AEM service credentials',
    kindDescription: 'A technical account.',
    aemUrl: 'https://author-p12345-e67890.adobeaemcloud.com',
    host: 'author-p12345-e67890.adobeaemcloud.com',
    imsBase: 'https://ims-na1.adobelogin.com',
    clientId: 'cm-p12345-e67890-integration',
    technicalAccountEmail: 'abc@techacct.adobe.com',
    actsAs: null,
    org: 'X@AdobeOrg',
    scopes: ['ent_aem_cloud_api'],
    certificateExpiresAt: '2026-02-14T00:00:00Z',
    tokenExpiresAt: null,
    production: false,
    sandbox: false,
    status: { state: 'expiresSoon', days: 12 },
    statusText: 'expires in 12 days',
    secretHints: ['client secret ••••1d47', 'private key (2048-bit RSA)'],
    importedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}
