// The app's sections, in navigation order.
export type SectionId = 'connections' | 'bulk' | 'activity' | 'console';

export interface Section {
  id: SectionId;
  label: string;
  /** `data-testid` of the navigation item (used by the WebDriver suite). */
  testId: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'connections', label: 'Connections', testId: 'nav-connections' },
  { id: 'bulk', label: 'Bulk edit', testId: 'nav-bulk' },
  { id: 'activity', label: 'Activity', testId: 'nav-activity' },
  { id: 'console', label: 'API console', testId: 'nav-console' },
];
