// @vitest-environment happy-dom
/**
 * The sidebar rendered for each seed summary: what a reader sees, checked
 * against the decisions' text (values hand-checked in test/lib/seed-decisions.test.ts).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import { analyseReading, readDecisionPage } from '../../lib/parser/parse-decision';
import { partialReadingMessage } from '../../entrypoints/content/page-limit';
import type { DecisionSummary } from '../../lib/schema';
import { SEED_URLS, htmlDocument, seedHtml, seedText, summaryOf } from '../helpers/seeds';
import { sidebarProps } from '../helpers/sidebar-props';

afterEach(cleanup);

function renderSidebar(summary: DecisionSummary, overrides: Partial<SidebarProps> = {}) {
  const props = sidebarProps(summary, overrides);
  render(<Sidebar {...props} />);
  return props;
}

function section(name: string): HTMLElement {
  const heading = screen.getByRole('button', { name: new RegExp(`^${name} \\d+ items$`) });
  return heading.closest('section')!;
}

function count(name: string): string {
  return within(section(name)).getByLabelText(/items$/).textContent;
}

describe('the header', () => {
  it('shows organisation, reference, outcome badge, date, area and complainant (19 015 077)', () => {
    renderSidebar(summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Stoke-on-Trent City Council');
    expect(screen.getByText('19 015 077')).toBeTruthy();
    const badge = screen.getByText('Not upheld');
    expect(badge.className).toContain('ol-outcome-not-upheld');
    expect(screen.getByText('8 Feb 2021')).toBeTruthy();
    expect(screen.getByText("Children's care services › Child protection")).toBeTruthy();
    expect(screen.getByText('Ms V')).toBeTruthy();
  });

  it('says when the outcome was inferred from the wording', () => {
    const text = seedText('20-003-139').replace(/^Decision :.*$/m, '');
    renderSidebar(summaryOf(text));
    const badge = screen.getByText(/^Upheld/);
    expect(badge.className).toContain('ol-outcome-upheld');
    expect(badge.textContent).toBe('Upheld (inferred)');
    expect(screen.getByText(/Not everything could be read \(1\)/)).toBeTruthy();
  });
});

describe('before the analysis has run', () => {
  function headlineOf18009360() {
    const reading = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url: SEED_URLS['18-009-360'] });
    if (!reading.ok) throw new Error(reading.message);
    return reading.headline;
  }

  it('paints the header from the headline alone and says the findings are being read', () => {
    const onSave = vi.fn();
    renderSidebar(summaryOf(seedText('18-009-360')), {
      headline: headlineOf18009360(),
      summary: null,
      save: { state: 'unsaved', onSave, onUnsave: vi.fn() },
    });
    // 18 009 360's header: "Decision : Upheld", "Decision date : 21 Aug 2019".
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Hertfordshire County Council');
    expect(screen.getByText('18 009 360')).toBeTruthy();
    expect(screen.getByText('Upheld').className).toContain('ol-outcome-upheld');
    expect(screen.getByText('21 Aug 2019')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Reading the decision…');
    expect(screen.queryByRole('button', { name: /^Faults found/ })).toBeNull();
    // Nothing to save or mark yet; the citation needs only the header.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Mark in text' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy citation' }).disabled).toBe(false);
  });

  it('keeps the header and says why when the analysis failed', () => {
    renderSidebar(summaryOf(seedText('18-009-360')), {
      headline: headlineOf18009360(),
      summary: null,
      analysisError: 'The decision could not be read: boom',
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Hertfordshire County Council');
    expect(screen.getByRole('alert').textContent).toBe('The decision could not be read: boom');
    expect(screen.queryByText('Reading the decision…')).toBeNull();
  });
});

describe('faults', () => {
  it('lists 20 003 139’s five faults with their injustice tags and strands', () => {
    renderSidebar(summaryOf(seedText('20-003-139')));
    expect(count('Faults found')).toBe('5');
    const items = within(section('Faults found')).getAllByRole('listitem');
    expect(
      items.map((li) => within(li).getByText(/^(Injustice caused|No injustice|Already remedied|Injustice not stated)$/).textContent),
    ).toEqual(['Already remedied', 'No injustice', 'Injustice not stated', 'No injustice', 'Injustice caused']);
    expect(items[0]!.textContent).toContain('c) The Council failed to properly involve Mr X');
    expect(within(items[0]!).getAllByRole('button')[0]!.textContent).toBe('¶ 16');
  });

  it('says "None found" for a decision without fault (23 020 284)', () => {
    renderSidebar(summaryOf(seedText('23-020-284')));
    expect(count('Faults found')).toBe('0');
    expect(within(section('Faults found')).getByText('None found.')).toBeTruthy();
  });

  it('takes the reader to the paragraph and sentence when its number is clicked', () => {
    const summary = summaryOf(seedText('23-017-456'));
    const props = renderSidebar(summary);
    const first = within(section('Faults found')).getAllByRole('listitem')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Show paragraph 61 in the decision text' }));
    expect(props.onLocate).toHaveBeenCalledWith({
      block: summary.faults[0]!.block,
      sentence: 'I have seen no good reason for these delays, so I have found fault with the Council.',
      kind: 'fault',
    });
  });
});

describe('remedies', () => {
  it('shows 18 009 360’s remedies with amount, payee, purpose, deadline and the total paid', () => {
    renderSidebar(summaryOf(seedText('18-009-360')));
    expect(count('Remedies')).toBe('5');
    expect(within(section('Remedies')).getByText('Total paid £500')).toBeTruthy();
    const payment = within(section('Remedies'))
      .getAllByRole('listitem')
      .find((li) => li.dataset.kind === 'payment')!;
    expect(within(payment).getByText('£500')).toBeTruthy();
    expect(within(payment).getByText('Mr C')).toBeTruthy();
    expect(within(payment).getByText('distress and time and trouble')).toBeTruthy();
    expect(within(payment).getByText('Within 20 working days of this decision')).toBeTruthy();
    const staff = within(section('Remedies'))
      .getAllByRole('listitem')
      .find((li) => li.dataset.kind === 'service-improvement')!;
    expect(within(staff).getByText('within three months of a decision on this complaint')).toBeTruthy();
  });

  it('shows 20 003 139’s single apology, with no total', () => {
    renderSidebar(summaryOf(seedText('20-003-139')));
    expect(count('Remedies')).toBe('1');
    const item = within(section('Remedies')).getByRole('listitem');
    expect(within(item).getByText('Apology')).toBeTruthy();
    expect(within(item).getByText('within one month of my final decision')).toBeTruthy();
    expect(screen.queryByText(/Total paid/)).toBeNull();
  });
});

describe('law cited', () => {
  it('puts the law of the case first, linked, and folds the jurisdiction provisions (23 020 284)', () => {
    renderSidebar(summaryOf(seedText('23-020-284')));
    const law = section('Law cited');
    expect(count('Law cited')).toBe('2');
    const links = within(law).getAllByRole('link');
    expect(links[0]!.textContent).toBe('Children Act 1989, s.17');
    expect(links[0]!.getAttribute('href')).toBe('https://www.legislation.gov.uk/ukpga/1989/41/section/17');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1]!.textContent).toBe('Children Act 1989, s.47');
    const fold = within(law).getByRole('button', { name: 'The Ombudsman’s jurisdiction (6)' });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(law.textContent).not.toContain('Local Government Act 1974, s.26(6)(c)');
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(fold.getAttribute('aria-controls')!)!.textContent).toContain('Local Government Act 1974, s.26(6)(c)');
    // No <details>: adding one makes Chromium renumber every list item of the page (StatuteList.tsx).
    expect(document.querySelector('details')).toBeNull();
  });
});

describe('guidance, regulators and points of complaint', () => {
  it('shows Ofsted, the guidance and the four complaint points (23 017 456)', () => {
    renderSidebar(summaryOf(seedText('23-017-456')));
    expect(count('Shared with regulators')).toBe('1');
    expect(within(section('Shared with regulators')).getByText('Ofsted')).toBeTruthy();
    expect(within(section('Guidance')).getByText('Working Together to Safeguard Children')).toBeTruthy();
    expect(count('Points of complaint')).toBe('4');
    // Folded by default: the findings matter more than the complaint as put.
    const complaints = section('Points of complaint');
    expect(within(complaints).getByRole('button', { expanded: false })).toBeTruthy();
    fireEvent.click(within(complaints).getByRole('button', { expanded: false }));
    expect(within(complaints).getAllByRole('listitem')).toHaveLength(4);
  });
});

describe('buttons and views', () => {
  it('has labelled buttons that call back', () => {
    const props = renderSidebar(summaryOf(seedText('19-015-077')));
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark in text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse the sidebar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the sidebar' }));
    expect(props.onCopyCitation).toHaveBeenCalledOnce();
    expect(props.onToggleMarks).toHaveBeenCalledOnce();
    expect(props.onCollapse).toHaveBeenCalledOnce();
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(screen.getByRole('complementary', { name: 'Ombudsman Lens summary' })).toBeTruthy();
  });

  it('shows a legend while the marks are on', () => {
    renderSidebar(summaryOf(seedText('19-015-077')), { marksOn: true });
    expect(screen.getByRole('button', { name: 'Hide marks in text' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Legend').textContent).toContain('Fault');
  });

  it('collapses to a tab', () => {
    const props = renderSidebar(summaryOf(seedText('19-015-077')), { view: 'collapsed' });
    expect(screen.queryByRole('complementary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the Ombudsman Lens summary' }));
    expect(props.onExpand).toHaveBeenCalledOnce();
  });

  it('renders page text as text, never as markup', () => {
    const summary = summaryOf(seedText('20-003-139'));
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    summary.faults[0] = { ...summary.faults[0]!, text: hostile, heading: `<b>${hostile}</b>` };
    renderSidebar(summary);
    const item = within(section('Faults found')).getAllByRole('listitem')[0]!;
    expect(item.querySelector('img, script, b')).toBeNull();
    expect(item.textContent).toContain(hostile);
  });
});

describe('saving', () => {
  const onSave = vi.fn();
  const onUnsave = vi.fn();

  it('offers Save, then shows Saved with Unsave', () => {
    const summary = summaryOf(seedText('19-015-077'));
    renderSidebar(summary, { save: { state: 'unsaved', onSave, onUnsave } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledOnce();
    cleanup();
    renderSidebar(summary, {
      save: { state: 'saved', savedAt: '2026-11-22T10:00:00Z', onSave, onUnsave },
      notes: { tags: ['late complaint'], note: '', state: 'idle', onSave: vi.fn() },
    });
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Saved');
    fireEvent.click(screen.getByRole('button', { name: 'Unsave' }));
    expect(onUnsave).toHaveBeenCalledOnce();
    expect(screen.getByText('Tags and note (late complaint)')).toBeTruthy();
  });

  it('says why a save failed', () => {
    renderSidebar(summaryOf(seedText('19-015-077')), {
      save: { state: 'error', message: 'Not saved: the browser’s storage for extensions is full.', onSave, onUnsave },
    });
    expect(screen.getByRole('alert').textContent).toMatch(/storage for extensions is full/);
  });

  it('edits tags and note', () => {
    const onSaveNotes = vi.fn();
    renderSidebar(summaryOf(seedText('19-015-077')), {
      save: { state: 'saved', savedAt: null, onSave, onUnsave },
      notes: { tags: [], note: '', state: 'idle', onSave: onSaveNotes },
    });
    fireEvent.input(screen.getByLabelText('Tags (comma separated)'), { target: { value: 'cross-border, late complaint, cross-border' } });
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Wales council involved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags and note' }));
    expect(onSaveNotes).toHaveBeenCalledWith(['cross-border', 'late complaint'], 'Wales council involved', { tags: [], note: '' });
  });
});

describe('a page read only in part', () => {
  it('says so above the findings, and shows what was found in the part read', () => {
    const url = SEED_URLS['18-009-360'];
    const part = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url, maxChars: 10_000 });
    if (!part.ok || !part.cut) throw new Error('expected a reading cut at 10,000 characters');
    const result = analyseReading(part);
    if (!result.ok) throw new Error(result.message);
    const message = partialReadingMessage(part.doc, 10_000);
    renderSidebar(result.summary, { partial: message });
    const note = screen.getByRole('note');
    expect(note.textContent).toBe(message);
    expect(note.textContent).toMatch(/^This page is too long to read whole \(over 10,000 characters\)\./);
    // The headline is the page's, and the findings are there as for any page.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Hertfordshire County Council');
    expect(screen.queryByText('Reading the decision…')).toBeNull();
  });

  it('says nothing of the kind for a page read whole', () => {
    renderSidebar(summaryOf(seedText('19-015-077')));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
