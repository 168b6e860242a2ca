// The app's sections, in navigation order.
export type SectionId = 'connections' | 'bulk' | 'upload' | 'health' | 'activity' | 'tags' | 'console' | 'settings';

export interface Section {
  id: SectionId;
  /** The catalogue id of its name. */
  labelId: string;
  /** `data-testid` of the navigation item (used by the WebDriver suite). */
  testId: string;
  /** The catalogue id of a note under its name (what it lacks), if any. */
  noteId?: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'connections', labelId: 'nav-connections', testId: 'nav-connections' },
  { id: 'bulk', labelId: 'nav-bulk', testId: 'nav-bulk' },
  { id: 'upload', labelId: 'nav-upload', testId: 'nav-upload' },
  { id: 'health', labelId: 'nav-health', testId: 'nav-health' },
  { id: 'activity', labelId: 'nav-activity', testId: 'nav-activity' },
  { id: 'tags', labelId: 'nav-tags', testId: 'nav-tags' },
  { id: 'settings', labelId: 'nav-settings', testId: 'nav-settings' },
];

/** Under "Developer tools", folded away: tools that write to AEM with no preview and no undo. */
export const DEVELOPER_SECTIONS: readonly Section[] = [
  { id: 'console', labelId: 'nav-console', testId: 'nav-console', noteId: 'nav-console-note' },
];
