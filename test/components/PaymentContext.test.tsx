// @vitest-environment happy-dom
/**
 * Payments in context in the sidebar: beside 18 009 360's payment ("Pay Mr C £500 in recognition
 * of his distress and time and trouble", ¶88 item 2), what the reader's other saved cases paid for
 * each purpose it names, asked of the background by SidebarApp; nothing beside its apology or its
 * other actions, and nothing when the decision agreed no payment.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import type { BackgroundRequestInput, PurposeFigures, Reply } from '../../lib/messages';
import { renderSidebarApp } from '../helpers/sidebar-app';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

afterEach(cleanup);

const payer = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
const FIGURES: PurposeFigures[] = [
  { purpose: 'distress', cases: 5, min: 150, median: 250, max: 3000 },
  { purpose: 'time and trouble', cases: 2, min: null, median: null, max: null },
];

function renderSidebar(overrides: Partial<SidebarProps>) {
  render(
    <Sidebar
      headline={payer}
      summary={payer}
      view="expanded"
      marksOn={false}
      copyState="idle"
      save={null}
      onLocate={vi.fn()}
      onToggleMarks={vi.fn()}
      onCopyCitation={vi.fn()}
      onCollapse={vi.fn()}
      onExpand={vi.fn()}
      onClose={vi.fn()}
      {...overrides}
    />,
  );
}

function remedyItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('li.ol-remedy')];
}

describe('payments in context', () => {
  it('shows the saved cases’ payments for each purpose beside the payment, and says when there are too few', () => {
    renderSidebar({ paymentContext: FIGURES });
    const payment = remedyItems().find((li) => li.dataset.kind === 'payment')!;
    expect(payment.textContent).toContain('Pay Mr C £500');
    const lines = within(payment).getByRole('list', { name: 'Payments in your saved cases' });
    expect(
      within(lines)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'For distress: your saved cases paid £150–£3,000, median £250, in 5 cases.',
      'For time and trouble: 2 of your saved cases paid, too few to compare.',
    ]);
    expect(remedyItems().filter((li) => li.querySelector('.ol-payment-context'))).toHaveLength(1);
  });

  it('shows nothing for a purpose no saved case paid for, and nothing before the figures arrive', () => {
    renderSidebar({ paymentContext: [{ purpose: 'distress', cases: 0, min: null, median: null, max: null }] });
    expect(document.querySelector('.ol-payment-context')).toBeNull();
    cleanup();
    renderSidebar({ paymentContext: null });
    expect(document.querySelector('.ol-payment-context')).toBeNull();
  });

  function renderApp(
    summary = payer,
    request = vi.fn(async (r: BackgroundRequestInput): Promise<Reply> =>
      r.type === 'payment-context' ? { ok: true, payments: FIGURES } : { ok: true },
    ),
  ) {
    renderSidebarApp(summary, { library: { request, text: () => 'text', url: summary.url! } });
    return request;
  }

  it('asks the background for the figures, leaving this decision out, and shows them', async () => {
    const request = renderApp();
    await waitFor(() => expect(document.querySelector('.ol-payment-context')?.textContent).toContain('median £250'));
    expect(request).toHaveBeenCalledWith({ type: 'payment-context', exclude: '18 009 360' });
  });

  it('does not ask when the decision agreed no payment', async () => {
    const none = summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']);
    const request = renderApp(none);
    await waitFor(() => expect(request).toHaveBeenCalledWith({ type: 'case-status', reference: '20 003 139' }));
    expect(request.mock.calls.map(([r]) => r.type)).not.toContain('payment-context');
    expect(screen.queryByRole('list', { name: 'Payments in your saved cases' })).toBeNull();
  });
});
