/**
 * Corrections stored with a case: the list, figures and filters follow them (the entry's index
 * fields and card are of the corrected summary), a save or re-parse keeps them, the checks refuse bad
 * ones, and CSV, backups and the corrections report carry them.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { applyCorrections, correctionKey, remedyRef, type Correction } from '../../lib/library/corrections';
import { CorrectionsReportSchema, correctionsReport } from '../../lib/library/corrections-report';
import { casesToCsv } from '../../lib/library/exports';
import { exportCasePackBlob } from '../../lib/library/case-pack-export';
import { backupLines, importBackupFile } from '../../lib/library/backup-stream';
import { checkCase } from '../../lib/library/record-checks';
import { computeFigures } from '../../lib/library/figures';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { parseText } from '../../lib/parser/parse-decision';
import { PARSER_VERSION, type DecisionSummary } from '../../lib/schema';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';
import { parseCsv as readCsv } from '../helpers/csv';

let dbCount = 0;
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
function freshStore(): { db: LensDatabase; store: CaseStore } {
  const db = new LensDatabase(`corrections-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let t = NOW;
  return { db, store: new CaseStore(db, () => new Date((t += 60_000))) };
}

const REF = '18 009 360';
const summary18 = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
const payIndex = summary18.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
const AT = '2026-12-01T10:00:00.000Z';
const toAmount = (to: number): Correction => ({ field: 'amount', target: remedyRef(summary18.remedies, payIndex), from: 500, to, at: AT });
const toOutcome: Correction = { field: 'outcome', from: 'upheld', to: 'not-upheld', at: AT };

async function saved(summary: DecisionSummary = summary18) {
  const env = freshStore();
  const result = await env.store.save({ summary: structuredClone(summary), text: seedText('18-009-360'), url: SEED_URLS['18-009-360'] });
  expect(result.ok).toBe(true);
  return env;
}

describe('a corrected case in the library', () => {
  it('the entry (list, filters, figures) shows the corrected amount and outcome; the summary stays the parser’s', async () => {
    const { store } = await saved();
    expect((await store.correct(REF, { set: toAmount(750) })).ok).toBe(true);
    expect((await store.correct(REF, { set: toOutcome })).ok).toBe(true);
    const [entry] = (await store.list()).cases;
    expect(entry!.totalPayments).toBe(750);
    expect(entry!.outcomeKind).toBe('not-upheld');
    expect(entry!.card.outcome.kind).toBe('not-upheld');
    expect(entry!.corrections).toHaveLength(2);
    expect(computeFigures([entry!]).payments.total).toBe(750);
    const [full] = (await store.full([REF])).cases;
    expect(full!.summary.totalPayments).toBe(500);
    expect(full!.summary.outcome.kind).toBe('upheld');
  });

  it('the case pack shows the corrected amount, not the parser’s', async () => {
    const { store } = await saved();
    const before = await (await exportCasePackBlob(store, [REF])).blob.text();
    expect(before).toContain('£500');
    expect((await store.correct(REF, { set: toAmount(750) })).ok).toBe(true);
    const after = await (await exportCasePackBlob(store, [REF])).blob.text();
    // The table's total and the remedy's amount; the verbatim text still says £500, as the decision does.
    expect(after.split('£750').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('reverting a correction puts the parser’s value back everywhere', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    await store.correct(REF, { revert: correctionKey(toAmount(750)) });
    const [entry] = (await store.list()).cases;
    expect(entry!.totalPayments).toBe(500);
    expect(entry!.corrections ?? []).toEqual([]);
  });

  it('saving the page again keeps the corrections', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    await store.save({ summary: structuredClone(summary18), text: seedText('18-009-360'), url: SEED_URLS['18-009-360'] });
    const [entry] = (await store.list()).cases;
    expect(entry!.totalPayments).toBe(750);
  });

  it('a case not saved cannot be corrected, and says so', async () => {
    const { store } = freshStore();
    const result = await store.correct(REF, { set: toAmount(750) });
    expect(result).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('the background answers a correction with the status, which carries the corrections for the sidebar', async () => {
    const { store } = await saved();
    const reply = await handleMessage(store, { type: 'correct-case', reference: REF, set: toAmount(750) });
    expect(reply.ok && reply.status?.corrections).toEqual([toAmount(750)]);
    const bad = await handleMessage(store, { type: 'correct-case', reference: REF, set: { ...toAmount(750), to: -1 } });
    expect(bad).toMatchObject({ ok: false, error: 'invalid-message' });
  });
});

describe('a re-parse after a parser update', () => {
  it('keeps the corrections and applies them to the new summary, matched by sentence', async () => {
    const { store } = await saved({ ...summary18, parserVersion: '1.0.0' });
    await store.correct(REF, { set: toAmount(750) });
    const result = await store.reparseAll((text, url) => parseText(text, { url }), PARSER_VERSION);
    expect(result.reparsed).toBe(1);
    const [full] = (await store.full([REF])).cases;
    expect(full!.parserVersion).toBe(PARSER_VERSION);
    expect(full!.corrections).toEqual([toAmount(750)]);
    expect(full!.totalPayments).toBe(750);
    expect(applyCorrections(full!.summary, full!.corrections ?? []).unmatched).toEqual([]);
  });

  it('keeps a correction whose sentence the new parser reads differently, listed as unmatched, never dropped', async () => {
    const { store } = await saved({ ...summary18, parserVersion: '1.0.0' });
    await store.correct(REF, { set: toAmount(750) });
    // A "newer parser" that reads the payment's sentence shorter: the correction no longer finds its item.
    const newer = (text: string, url: string) => {
      const result = parseText(text, { url });
      if (!result.ok) return result;
      const remedies = result.summary.remedies.map((r, i) => (i === payIndex ? { ...r, text: 'Pay Mr C £500.' } : r));
      return { ...result, summary: { ...result.summary, remedies, parserVersion: '9.0.0' } };
    };
    await store.reparseAll(newer, '9.0.0');
    const [full] = (await store.full([REF])).cases;
    expect(full!.corrections).toEqual([toAmount(750)]);
    expect(applyCorrections(full!.summary, full!.corrections!).unmatched).toEqual([toAmount(750)]);
    expect(full!.totalPayments).toBe(500);
  });
});

describe('the checks every case passes', () => {
  const draft = (corrections: unknown[]) => ({
    reference: REF,
    url: SEED_URLS['18-009-360'],
    savedAt: AT,
    updatedAt: AT,
    summary: summary18,
    textGzip: new Uint8Array(0),
    textLength: 1,
    tags: [],
    note: '',
    reparseError: null,
    corrections: corrections as Correction[],
  });

  it('accepts a valid correction and refuses a bad enum value, a negative amount or a time far in the future, saying where', () => {
    expect(checkCase(draft([toAmount(750)]), new Date(NOW)).ok).toBe(true);
    const kind = checkCase(draft([{ ...toAmount(1), field: 'kind', from: 'payment', to: 'bribe' }]), new Date(NOW));
    expect(kind.ok === false && kind.problems[0]).toMatch(/^corrections\[0\]/);
    const negative = checkCase(draft([toAmount(-20)]), new Date(NOW));
    expect(negative.ok === false && negative.problems[0]).toMatch(/^corrections\[0\]\.to/);
    const future = checkCase(draft([{ ...toAmount(750), at: '2099-01-01T00:00:00.000Z' }]), new Date(NOW));
    expect(future.ok === false && future.problems[0]).toMatch(/^corrections\[0\]\.at: .* later than/);
  });

  it('a case without corrections is written without the field, as before they existed', () => {
    const check = checkCase(draft([]), new Date(NOW));
    expect(check.ok && 'corrections' in check.record).toBe(false);
  });
});

describe('exports', () => {
  it('CSV rows hold the corrected values and name the corrected fields', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    const { cases } = await store.full();
    const [header, row] = readCsv(casesToCsv(cases));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('totalPayments')).toBe('750');
    expect(cell('corrected')).toBe('remedies.amount; totalPayments');
    const [, plain] = readCsv(casesToCsv([{ ...cases[0]!, corrections: undefined }]));
    expect(plain![header!.indexOf('corrected')]).toBe('');
    expect(plain![header!.indexOf('totalPayments')]).toBe('500');
  });

  it('a version 2 backup carries the corrections into another library', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    const lines: string[] = [];
    for await (const line of backupLines(store)) lines.push(line);
    expect(JSON.parse(lines[1]!).corrections).toEqual([toAmount(750)]);
    const other = freshStore();
    const report = await importBackupFile(other.store, new Blob(lines));
    expect(report.ok).toBe(true);
    const [entry] = (await other.store.list()).cases;
    expect(entry!.corrections).toEqual([toAmount(750)]);
    expect(entry!.totalPayments).toBe(750);
  });

  it('importing into a library that has the case keeps its corrections and adds the file’s others', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    const lines: string[] = [];
    for await (const line of backupLines(store)) lines.push(line);
    const other = await saved();
    await other.store.correct(REF, { set: toAmount(900) });
    await other.store.correct(REF, { set: toOutcome });
    const [entry] = (await (await importBackupFile(other.store, new Blob(lines)), other.store.list())).cases;
    expect(entry!.corrections).toEqual([toAmount(900), toOutcome]);
  });

  it('"Export corrections" writes each correction with its case, parser version, sentence, paragraph and values', async () => {
    const { store } = await saved();
    await store.correct(REF, { set: toAmount(750) });
    const { cases } = await store.full();
    const report = correctionsReport(cases, new Date(NOW));
    expect(CorrectionsReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(report.cases).toEqual([
      {
        reference: REF,
        url: SEED_URLS['18-009-360'],
        parserVersion: PARSER_VERSION,
        corrections: [
          {
            field: 'amount',
            from: 500,
            to: 750,
            at: AT,
            // Seed line 166: the second agreed action under "3. To remedy this complaint...", the 88th numbered
            // paragraph of the statement (numbers run on through it; counted by hand in seeds/18-009-360.txt).
            sentence: 'Pay Mr C £500 in recognition of his distress and time and trouble resulting from the Council’s faults.',
            paragraph: 88,
            matched: true,
            correction: toAmount(750),
          },
        ],
      },
    ]);
  });
});
