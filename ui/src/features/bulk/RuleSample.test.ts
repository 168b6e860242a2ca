// The live example under the edit rows, with the IPC seam mocked: asked once typing settles
// (not per keystroke), with the scope and the rows that can be sent; "before → after" per
// asset, a per-asset reason, a refused rule's words; an answer overtaken by newer typing is
// dropped; waiting, reading, empty and error states; French words.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))), ruleSample: vi.fn() }));

import { ruleSample } from '../../ipc/commands';
import type { RuleSample as Sample } from '../../ipc/bindings/RuleSample';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import RuleSample from './RuleSample.svelte';
import { SetupModel } from './setup.svelte';

const FOLDER = '/content/dam/wknd/en';

function answer(over: Partial<Sample> = {}): Sample {
  return {
    assets: [
      { path: `${FOLDER}/a.jpg`, name: 'a.jpg', changes: [{ property: 'dc:title', before: 'WKND Surf', after: 'Surf, WKND', reason: null }] },
      { path: `${FOLDER}/b.jpg`, name: 'b.jpg', changes: [{ property: 'dc:title', before: 'Lake', after: 'Lake', reason: null }] },
    ],
    refused: [null],
    ...over,
  };
}

function setupWith(i18n: I18n): SetupModel {
  const setup = new SetupModel(i18n, () => false);
  setup.form.connectionId = 'c-1';
  setup.chooseFolder(FOLDER);
  const edit = setup.form.edits[0]!;
  edit.action = 'replace';
  edit.rule.find = '^(\\w+) (\\w+)$';
  edit.rule.replace = '$2, $1';
  edit.rule.regex = true;
  return setup;
}

function show(setup: SetupModel, i18n = new I18n('en'), disabled = false) {
  return render(RuleSample, { props: { setup, disabled }, context: i18nContext(i18n) });
}

const sampleBox = () => screen.getByTestId('rule-sample');

describe('RuleSample', () => {
  beforeEach(() => {
    vi.mocked(ruleSample).mockReset();
  });

  it('asks once typing settles and shows each asset before → after', async () => {
    vi.mocked(ruleSample).mockResolvedValue(answer());
    const i18n = new I18n('en');
    const setup = setupWith(i18n);
    show(setup, i18n);
    await waitFor(() => expect(sampleBox().dataset.state).toBe('shown'));
    expect(ruleSample).toHaveBeenCalledTimes(1);
    expect(ruleSample).toHaveBeenCalledWith({
      scope: { connectionId: 'c-1', scope: { kind: 'folder', folder: FOLDER, recursive: false }, name: null, formats: [] },
      edits: [
        {
          property: 'dc:title',
          op: { kind: 'replace', find: '^(\\w+) (\\w+)$', replace: '$2, $1', regex: true, ignoreCase: false, wholeWord: false },
        },
      ],
    });
    const rows = screen.getAllByTestId('sample-row');
    expect(rows.map((r) => r.dataset.path)).toEqual([`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`]);
    expect(within(rows[0]!).getByTestId('cell-before').textContent).toBe('WKND Surf');
    expect(within(rows[0]!).getByTestId('cell-after').textContent).toBe('Surf, WKND');
    expect(screen.getByRole('columnheader', { name: 'Title (dc:title)' })).toBeInTheDocument();

    // Three keystrokes in a row (each one shown): one request, for the text as it ends.
    const edit = setup.form.edits[0]!;
    for (const typed of ['$2,', '$2, ', '$2 — $1']) {
      edit.rule.replace = typed;
      await tick();
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor(() => expect(ruleSample).toHaveBeenCalledTimes(2));
    expect(vi.mocked(ruleSample).mock.calls[1]?.[0]?.edits[0]?.op).toMatchObject({ replace: '$2 — $1' });
    await new Promise((r) => setTimeout(r, 400));
    expect(ruleSample).toHaveBeenCalledTimes(2);
  });

  it('says it is settling from a keystroke until its answer is shown, so nothing below is clicked as it moves', async () => {
    let resolve: (s: Sample) => void = () => {};
    vi.mocked(ruleSample).mockImplementation(() => new Promise((r) => (resolve = r)));
    const i18n = new I18n('en');
    show(setupWith(i18n), i18n);
    // Once the folder is known, before the typing settles: nothing is asked yet, but the box
    // already says it will change.
    await waitFor(() => expect(sampleBox().dataset.settling).toBe('true'));
    expect(ruleSample).not.toHaveBeenCalled();
    await waitFor(() => expect(ruleSample).toHaveBeenCalledTimes(1));
    expect(sampleBox().dataset.settling).toBe('true');
    resolve(answer());
    await waitFor(() => expect(sampleBox().dataset.state).toBe('shown'));
    expect(sampleBox().dataset.settling).toBe('false');
  });

  it('drops an answer overtaken by newer typing', async () => {
    let first: (s: Sample) => void = () => {};
    vi.mocked(ruleSample)
      .mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
      .mockResolvedValueOnce(answer({ assets: [{ path: `${FOLDER}/new.jpg`, name: 'new.jpg', changes: [] }] }));
    const i18n = new I18n('en');
    const setup = setupWith(i18n);
    show(setup, i18n);
    await waitFor(() => expect(ruleSample).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('rule-sample-busy')).toHaveTextContent('Reading the first assets…');
    setup.form.edits[0]!.rule.replace = '$1';
    await waitFor(() => expect(ruleSample).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(sampleBox().dataset.state).toBe('shown'));
    first(answer());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByTestId('sample-row').map((r) => r.dataset.path)).toEqual([`${FOLDER}/new.jpg`]);
    expect(screen.queryByTestId('rule-sample-busy')).toBeNull();
  });

  it('says a refused rule in its words and a skipped asset with its reason', async () => {
    vi.mocked(ruleSample).mockResolvedValue({
      assets: [
        {
          path: `${FOLDER}/a.jpg`,
          name: 'a.jpg',
          changes: [{ property: 'dc:description', before: null, after: null, reason: 'the asset has no dc:creator' }],
        },
      ],
      refused: ['The pattern of dc:title, "(", is not a valid regular expression.', null],
    });
    const i18n = new I18n('en');
    const setup = setupWith(i18n);
    setup.addEdit();
    const second = setup.form.edits[1]!;
    second.picked = 'dc:description';
    second.action = 'template';
    second.rule.template = '{dc:creator}';
    show(setup, i18n);
    await waitFor(() => expect(sampleBox().dataset.state).toBe('shown'));
    expect(screen.getByTestId('rule-sample-refused')).toHaveTextContent(
      'Title (dc:title): The pattern of dc:title, "(", is not a valid regular expression.',
    );
    // Only the rule that computes has a column.
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Asset', 'Description (dc:description)']);
    expect(screen.getByTestId('sample-reason')).toHaveTextContent('Would be skipped: the asset has no dc:creator');
  });

  it('sends only the rows without a problem, and nothing without a folder', async () => {
    vi.mocked(ruleSample).mockResolvedValue(answer());
    const i18n = new I18n('en');
    const setup = setupWith(i18n);
    setup.chooseFolder('');
    show(setup, i18n);
    expect(sampleBox().dataset.state).toBe('waiting');
    expect(sampleBox()).toHaveTextContent('Choose what to edit and fill in a change to see it here on the first assets.');
    await new Promise((r) => setTimeout(r, 400));
    expect(ruleSample).not.toHaveBeenCalled();

    // A row still without its text to find is not sent; the other is.
    setup.chooseFolder(FOLDER);
    setup.addEdit();
    const incomplete = setup.form.edits[1]!;
    incomplete.picked = 'dc:description';
    incomplete.action = 'replace';
    await waitFor(() => expect(ruleSample).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ruleSample).mock.calls[0]?.[0]?.edits.map((e) => e.property)).toEqual(['dc:title']);
  });

  it('shows an empty scope and a failure in words, in French too', async () => {
    vi.mocked(ruleSample).mockResolvedValueOnce(answer({ assets: [] }));
    const fr = new I18n('fr');
    const first = show(setupWith(fr), fr);
    await waitFor(() => expect(sampleBox().dataset.state).toBe('empty'));
    expect(screen.getByTestId('rule-sample-empty')).toHaveTextContent('La sélection n’a aucune ressource sur laquelle montrer un exemple.');
    expect(screen.getByRole('heading', { name: 'Exemple sur les premières ressources' })).toBeInTheDocument();
    first.unmount();

    vi.mocked(ruleSample).mockRejectedValueOnce({ code: 'not_found', message: 'The folder /content/dam/wknd/en does not exist.' });
    const en = new I18n('en');
    show(setupWith(en), en);
    await waitFor(() => expect(sampleBox().dataset.state).toBe('error'));
    expect(screen.getByTestId('rule-sample-error')).toHaveTextContent('The folder /content/dam/wknd/en does not exist.');
  });

  it('asks nothing while a preview or an apply runs', async () => {
    vi.mocked(ruleSample).mockResolvedValue(answer());
    const i18n = new I18n('en');
    show(setupWith(i18n), i18n, true);
    await new Promise((r) => setTimeout(r, 400));
    expect(ruleSample).not.toHaveBeenCalled();
  });
});
