// A publish run's words and colours: each asset's publication state (where it stands on the
// tier at the preview), as the preview and the report show it.
import type { PublicationState } from '../../ipc/bindings/PublicationState';

export const PUBLICATION_WORDS: Record<PublicationState, string> = {
  never_published: 'bulk-publication-never-published',
  modified: 'bulk-publication-modified',
  up_to_date: 'bulk-publication-up-to-date',
  unpublished: 'bulk-publication-unpublished',
};

export const PUBLICATION_TONES: Record<PublicationState, 'neutral' | 'warning' | 'success' | 'danger'> = {
  never_published: 'neutral',
  modified: 'warning',
  up_to_date: 'success',
  unpublished: 'neutral',
};
