// Which AEM an address is, in words: AEM as a Cloud Service names an environment only by its
// program and environment numbers (`author-p14726-e686683.adobeaemcloud.com`), so a connection's
// card and a run's facts say them beside the name (issue 68). Other addresses say nothing more
// than their host, which is shown already.

type Translate = (id: string, args?: Record<string, string | number>) => string;

const CLOUD_HOST = /^(author|publish|preview)-p(\d+)-e(\d+)(?:-[a-z0-9]+)?\.adobeaemcloud\.(?:com|net)$/i;

/** The program, environment and tier of a Cloud Service address (or host); `null` otherwise. */
export function aemPlace(address: string): { program: string; environment: string; tier: string } | null {
  let host = address.trim();
  try {
    host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    return null;
  }
  const found = CLOUD_HOST.exec(host);
  if (!found) return null;
  const [, tier, program, environment] = found as unknown as [string, string, string, string];
  return { program, environment, tier: tier.toLowerCase() };
}

/** "Program 14726 · environment 686683", in the reader's words; `null` where the address does
 *  not say them. */
export function aemPlaceWords(t: Translate, address: string): string | null {
  const place = aemPlace(address);
  return place ? t('aem-place', { program: place.program, environment: place.environment }) : null;
}
