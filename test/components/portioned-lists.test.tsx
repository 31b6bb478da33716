// @vitest-environment happy-dom
/**
 * Long lists in the sidebar arrive in portions (components/use-portions.ts): on a page of the largest
 * seed's statement ×7 (scripts/bench/big-page.ts; the seed has 7 faults, 5 remedies, 4 points of
 * complaint, Children Act s.47 cited in 8 paragraphs and s.17 in 3, guidance in 4), the counts are
 * whole at once, the first 20 items of a list past 30 are drawn at once and the rest after the page
 * has had turns; every seed's lists are whole in the first draw. No time is read: the test waits for
 * the DOM.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import { PORTION, WHOLE } from '../../components/use-portions';
import { inflateDecisionPage } from '../../scripts/bench/big-page';
import type { DecisionSummary } from '../../lib/schema';
import { htmlDocument, SEED_REFS, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';
import { sidebarProps } from '../helpers/sidebar-props';

afterEach(cleanup);

/** Waits for the later portions: a frame and a task each, slow on a shared machine (a bound, not a time asserted). */
const later = { timeout: 20_000 };

let long: DecisionSummary;
beforeAll(() => {
  const page = inflateDecisionPage(seedHtml('18-009-360'), 300_000);
  expect(page.factor).toBe(7);
  long = summaryOf(htmlDocument(page.html), SEED_URLS['18-009-360']);
}, 120_000);

function renderSidebar(summary: DecisionSummary, overrides: Partial<SidebarProps> = {}) {
  const props = sidebarProps(summary, overrides);
  const view = render(<Sidebar {...props} />);
  return { props, rerender: (next: Partial<SidebarProps>) => view.rerender(<Sidebar {...props} {...next} />) };
}

function section(name: string): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^${name} \\d+ items$`) }).closest('section')!;
}

const items = (name: string, kind: string) => section(name).querySelectorAll(`li.ol-${kind}`);

describe('a long page: lists past 30 items', { timeout: 60_000 }, () => {
  it('counts every item at once and draws the first 20, saying the rest follow', () => {
    renderSidebar(long);
    expect(long.faults).toHaveLength(49);
    expect(long.remedies).toHaveLength(35);
    expect(within(section('Faults found')).getByLabelText('49 items').textContent).toBe('49');
    expect(within(section('Remedies')).getByLabelText('35 items').textContent).toBe('35');
    expect(items('Faults found', 'fault')).toHaveLength(PORTION);
    expect(items('Remedies', 'remedy')).toHaveLength(PORTION);
    expect(within(section('Faults found')).getByText('20 of 49 faults shown; the rest follow')).toBeTruthy();
    expect(within(section('Remedies')).getByText('20 of 35 remedies shown; the rest follow')).toBeTruthy();
    // The first portion is the list's beginning, each item with its own paragraph link.
    const first = Array.from(items('Faults found', 'fault'));
    first.forEach((li, i) => {
      expect(li.querySelector('blockquote')!.textContent).toBe(long.faults[i]!.text);
      expect(li.querySelector('.ol-item-head .ol-para')!.textContent).toBe(`¶ ${long.faults[i]!.paragraph}`);
    });
  });

  it('draws the rest after the page has had turns, in order, with evidence intact, and the notes go', async () => {
    const { props } = renderSidebar(long);
    await waitFor(() => expect(items('Faults found', 'fault')).toHaveLength(49), later);
    await waitFor(() => expect(items('Remedies', 'remedy')).toHaveLength(35), later);
    expect(Array.from(items('Faults found', 'fault')).map((li) => li.querySelector('blockquote')!.textContent)).toEqual(
      long.faults.map((f) => f.text),
    );
    expect(section('Faults found').querySelector('.ol-more')).toBeNull();
    expect(section('Remedies').querySelector('.ol-more')).toBeNull();
    // A fault of the last portion takes the reader to its own sentence.
    const last = items('Faults found', 'fault')[48]!;
    fireEvent.click(last.querySelector('.ol-item-head .ol-para')!);
    expect(props.onLocate).toHaveBeenCalledWith({ block: long.faults[48]!.block, sentence: long.faults[48]!.text, kind: 'fault' });
  });

  it('draws a statute cited in 56 paragraphs 20 links first, then all 56, in order', async () => {
    renderSidebar(long);
    const s47 = long.statutes.find((s) => !s.jurisdiction && s.section === '47')!;
    expect(s47.evidence).toHaveLength(56);
    const row = () => within(section('Law cited')).getByText('Children Act 1989, s.47').closest('li')!;
    expect(row().querySelectorAll('.ol-para')).toHaveLength(PORTION);
    expect(row().querySelector('.ol-more')!.textContent).toBe('…');
    await waitFor(() => expect(row().querySelectorAll('.ol-para')).toHaveLength(56), later);
    expect(Array.from(row().querySelectorAll('.ol-para')).map((b) => b.textContent)).toEqual(s47.evidence.map((e) => `¶ ${e.paragraph}`));
    expect(row().querySelector('.ol-more')).toBeNull();
  });

  it('keeps a list whole once it is whole, when an item is added to it', async () => {
    const { rerender } = renderSidebar(long);
    await waitFor(() => expect(items('Faults found', 'fault')).toHaveLength(49), later);
    const added = { ...long.faults[0]!, text: 'An added fault.' };
    rerender({ summary: { ...long, faults: [...long.faults, added] } });
    expect(items('Faults found', 'fault')).toHaveLength(50);
    expect(section('Faults found').querySelector('.ol-more')).toBeNull();
  });
});

describe('lists of up to 30 items', () => {
  it('are drawn whole at once on the long page: 28 points of complaint, 28 guidance links', () => {
    renderSidebar(long);
    expect(WHOLE).toBe(30);
    expect(long.complaints).toHaveLength(28);
    expect(items('Points of complaint', 'complaint')).toHaveLength(28);
    expect(section('Guidance').querySelectorAll('.ol-para')).toHaveLength(28);
    expect(section('Points of complaint').querySelector('.ol-more')).toBeNull();
  });

  it.each(SEED_REFS)('are every list of seed %s, whole in the first draw', (ref) => {
    const summary = summaryOf(seedText(ref), SEED_URLS[ref]);
    renderSidebar(summary);
    expect(document.querySelectorAll('li.ol-fault')).toHaveLength(summary.faults.length);
    expect(document.querySelectorAll('li.ol-remedy')).toHaveLength(summary.remedies.length);
    expect(document.querySelectorAll('li.ol-complaint')).toHaveLength(summary.complaints.length);
    const links = summary.statutes.filter((s) => !s.jurisdiction).reduce((n, s) => n + s.evidence.length, 0);
    expect(section('Law cited').querySelectorAll('.ol-para')).toHaveLength(links);
    expect(document.querySelector('.ol-more')).toBeNull();
  });
});
