// What the window shows for each dropped file. For now a file is only "received"; the import
// feature will add outcomes (imported, not a credential file, …) with a detail line.
export interface DropResult {
  /** Unique within the list, so Svelte keeps rows stable when new drops arrive. */
  key: number;
  name: string;
  outcome: 'received';
}

let nextKey = 0;

export function receivedFiles(names: readonly string[]): DropResult[] {
  return names.map((name) => ({ key: nextKey++, name, outcome: 'received' }));
}
