// The Tags page: the taxonomy in the reader's language, searched; AEM's refusal in words; and
// what to do without a connection.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { listTags } from '../../ipc/commands';
import type { Tag } from '../../ipc/bindings/Tag';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import TagsPage from './TagsPage.svelte';

vi.mock('../../ipc/commands', () => ({ listTags: vi.fn() }));

afterEach(() => {
  vi.clearAllMocks();
});

const tag = (id: string, title: string, fr: string, description: string | null = null): Tag => ({
  id,
  title,
  trail: title,
  titles: { fr },
  description,
  published: false,
});

const TAGS = [
  tag('wknd:', 'WKND', 'WKND'),
  tag('wknd:season', 'Season', 'Saison'),
  tag('wknd:season/summer', 'Summer', 'Été', 'June to August'),
  tag('wknd:season/winter', 'Winter', 'Hiver'),
];

const titles = () => screen.getAllByTestId('tag-row').map((row) => row.querySelector('.title')?.textContent);

describe('the Tags page', () => {
  it('shows the taxonomy in the reader’s language and searches it', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const user = userEvent.setup();
    render(TagsPage, { props: { connections: [connection()] }, context: i18nContext(new I18n('fr')) });
    await waitFor(() => expect(screen.getByTestId('tags-count')).toHaveTextContent('4 balises'));
    expect(listTags).toHaveBeenCalledWith('c1');
    expect(titles()).toEqual(['WKND', 'Saison', 'Été', 'Hiver']);
    expect(screen.getByText('June to August')).toBeInTheDocument();

    await user.type(screen.getByTestId('tags-search'), 'winter');
    expect(titles()).toEqual(['WKND', 'Saison', 'Hiver']);
    expect(screen.getByTestId('tags-count')).toHaveTextContent('3 balises sur 4');

    await user.clear(screen.getByTestId('tags-search'));
    await user.type(screen.getByTestId('tags-search'), 'nothing');
    expect(screen.getByTestId('tags-none')).toHaveTextContent('Aucune balise ne correspond à « nothing ».');
  });

  it('says why AEM’s tags could not be read', async () => {
    vi.mocked(listTags).mockRejectedValue({ code: 'not_found', message: 'AEM’s tags could not be read (403)' });
    render(TagsPage, { props: { connections: [connection()] }, context: i18nContext(new I18n('en')) });
    await waitFor(() => expect(screen.getByTestId('tags-error')).toHaveTextContent('AEM’s tags could not be read (403)'));
    expect(screen.getByTestId('tags-search')).toBeDisabled();
  });

  it('asks for a connection when there is none', () => {
    render(TagsPage, { props: { connections: [] }, context: i18nContext(new I18n('en')) });
    expect(screen.getByTestId('empty-tags')).toHaveTextContent('add one first');
    expect(listTags).not.toHaveBeenCalled();
  });
});
