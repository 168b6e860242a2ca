import { describe, expect, it, vi } from 'vitest';

import { LazyPage } from './lazyPage.svelte';

describe('LazyPage', () => {
  it('imports the page once, however often it is opened', async () => {
    const component = () => {};
    const importer = vi.fn().mockResolvedValue({ default: component });
    const page = new LazyPage(importer);
    expect(page.component).toBeNull();

    await Promise.all([page.load(), page.load()]);
    await page.load();

    expect(importer).toHaveBeenCalledTimes(1);
    expect(page.component).toBe(component);
    expect(page.error).toBeNull();
  });

  it('says so in plain words when the code cannot be loaded, and tries again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const component = () => {};
    const importer = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
      .mockResolvedValueOnce({ default: component });
    const page = new LazyPage(importer);

    await page.load();
    expect(page.component).toBeNull();
    expect(page.error).toMatch(/could not be opened/);
    expect(page.error).not.toMatch(/module script/);

    await page.load();
    expect(importer).toHaveBeenCalledTimes(2);
    expect(page.component).toBe(component);
    expect(page.error).toBeNull();
  });
});
