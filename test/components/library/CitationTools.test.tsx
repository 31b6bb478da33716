// @vitest-environment happy-dom
/**
 * The library's citation controls: Copy citations over the selection with the form beside it, and
 * the template editor (placeholders, a live preview on a real case, problems that block saving,
 * reset). Preview lines were written from seeds/18-009-360.txt's header, not from the code.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationTools, type CitationToolsProps } from '../../../components/library/CitationTools';
import { TemplateEditor, type TemplateEditorProps } from '../../../components/library/TemplateEditor';
import { PLACEHOLDERS } from '../../../lib/case-citation/placeholders';
import { DEFAULT_TEMPLATE } from '../../../lib/case-citation/template';
import { SEED_URLS, seedText, summaryOf } from '../../helpers/seeds';

afterEach(cleanup);

const herts = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);

function renderTools(overrides: Partial<CitationToolsProps> = {}) {
  const props: CitationToolsProps = {
    selectedCount: 2,
    settings: { form: 'site', template: DEFAULT_TEMPLATE },
    copyState: 'idle',
    onCopy: vi.fn(),
    onFormChange: vi.fn(),
    ...overrides,
  };
  render(<CitationTools {...props} />);
  return props;
}

function renderEditor(overrides: Partial<TemplateEditorProps> = {}) {
  const props: TemplateEditorProps = {
    template: DEFAULT_TEMPLATE,
    previewCase: herts,
    onSave: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
  render(<TemplateEditor {...props} />);
  return props;
}

const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Citation template' });
const type = (value: string) => fireEvent.input(field(), { target: { value } });

describe('Copy citations', () => {
  it('copies the selection, says how many it copied, and is off with nothing selected', () => {
    const props = renderTools();
    fireEvent.click(screen.getByRole('button', { name: 'Copy citations (2 selected)' }));
    expect(props.onCopy).toHaveBeenCalledOnce();
    cleanup();
    renderTools({ copyState: 'copied' });
    expect(screen.getByRole('button', { name: 'Copied 2 citations (2 selected)' })).toBeTruthy();
    cleanup();
    renderTools({ selectedCount: 0 });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy citations (0 selected)' }).disabled).toBe(true);
  });

  it('shows the chosen form and asks for the other', () => {
    const props = renderTools({ settings: { form: 'site', template: DEFAULT_TEMPLATE } });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Site form' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Template' }).checked).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: 'Template' }));
    expect(props.onFormChange).toHaveBeenCalledWith('template');
  });

  it('has the editor on the library page, and only a way to it in the popup', async () => {
    const onEditInTab = vi.fn();
    renderTools({ onEditInTab });
    expect(screen.queryByRole('textbox', { name: 'Citation template' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit template…' }));
    expect(onEditInTab).toHaveBeenCalledOnce();
    cleanup();
    renderTools({ editor: { previewCase: herts, onSave: vi.fn() } });
    // The editor's code is a chunk loaded when it is first drawn (components/lazy-view.tsx).
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Citation template' })).value).toBe(DEFAULT_TEMPLATE);
  });
});

describe('the template editor', () => {
  it('lists every placeholder and previews the template on a real case as it is typed', () => {
    renderEditor();
    for (const p of PLACEHOLDERS) expect(screen.getByText(`{${p.name}}`)).toBeTruthy();
    const preview = () => document.querySelector('output')?.textContent;
    expect(preview()).toBe('Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)');
    type('{reference}, {ombudsman}, {isodate}');
    expect(preview()).toBe('18 009 360, Local Government and Social Care Ombudsman, 2019-08-21');
  });

  it('names an unknown placeholder, and will not save the template', async () => {
    const props = renderEditor();
    type('{organisation} [{yeer}] {reference}');
    expect(screen.getByRole('alert').textContent).toContain('Unknown placeholder {yeer}');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save template' });
    expect(save.disabled).toBe(true);
    fireEvent.submit(field().form!);
    expect(props.onSave).not.toHaveBeenCalled();
    expect(document.querySelector('output')).toBeNull();
  });

  it('saves a valid template and says so', async () => {
    const props = renderEditor();
    type('{organisation} ({reference})');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(props.onSave).toHaveBeenCalledWith('{organisation} ({reference})');
    await waitFor(() => expect(screen.getByText('Template saved.').getAttribute('role')).toBe('status'));
  });

  it('says why the storage refused it', async () => {
    renderEditor({ onSave: vi.fn(async () => ({ ok: false as const, message: 'The setting could not be saved: quota' })) });
    type('{reference}');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The setting could not be saved: quota'));
  });

  it('resets to the default template and saves it', () => {
    const props = renderEditor({ template: '{reference}' });
    expect(field().value).toBe('{reference}');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect(props.onSave).toHaveBeenCalledWith(DEFAULT_TEMPLATE);
    expect(field().value).toBe(DEFAULT_TEMPLATE);
  });
});
