import { describe, expect, it } from 'vitest';

import { guardAgainstDropNavigation } from './dropGuard';

function dispatch(type: 'dragover' | 'drop'): boolean {
  const event = new Event(type, { bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('guardAgainstDropNavigation', () => {
  it('cancels dragover and drop anywhere in the page, until removed', () => {
    expect(dispatch('drop')).toBe(false);

    const remove = guardAgainstDropNavigation(window);
    expect(dispatch('dragover')).toBe(true);
    expect(dispatch('drop')).toBe(true);

    remove();
    expect(dispatch('dragover')).toBe(false);
    expect(dispatch('drop')).toBe(false);
  });
});
