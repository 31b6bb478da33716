/**
 * The checks every case passes on its way into the library (lib/library/record-checks.ts),
 * one by one, then the same checks met through each way in: save, import (both backup
 * versions), undo and re-parse. Each test names what its check refuses; each fails when
 * that check is taken out.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { MAX_LINE_CHARS, exportBackupBlob, importBackupFile } from '../../lib/library/backup-stream';
import {
  DEFAULT_LIST_LIMIT,
  DEFAULT_TEXT_LIMIT,
  LIST_LIMITS,
  MAX_SUMMARY_CHARS,
  TEXT_LIMITS,
  checkCase,
  latestDate,
  type CaseDraft,
} from '../../lib/library/record-checks';
import { gzipText } from '../../lib/library/text-codec';
import type { Backup } from '../../lib/library/saved-case';
import { parseText } from '../../lib/parser/parse-decision';
import type { DecisionSummary } from '../../lib/schema';
import { ROOT, SEED_REFS, SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

/** "Today" for these tests: 3 December 2026. */
const NOW = new Date(Date.UTC(2026, 11, 3, 12, 0, 0));

let dbCount = 0;
function freshDb(): LensDatabase {
  return new LensDatabase(`record-checks-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

const summaries = new Map<SeedRef, DecisionSummary>();
function summaryFor(ref: SeedRef): DecisionSummary {
  if (!summaries.has(ref)) summaries.set(ref, summaryOf(seedText(ref), SEED_URLS[ref]));
  return structuredClone(summaries.get(ref)!);
}

const gzips = new Map<SeedRef, Uint8Array>();
beforeAll(async () => {
  for (const ref of SEED_REFS) gzips.set(ref, await gzipText(seedText(ref)));
});

function draft(ref: SeedRef, patch: Partial<CaseDraft> = {}): CaseDraft {
  const summary = summaryFor(ref);
  return {
    reference: summary.reference,
    url: SEED_URLS[ref],
    savedAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    summary,
    textGzip: gzips.get(ref)!,
    textLength: seedText(ref).length,
    tags: ['contact'],
    note: 'Mine.',
    reparseError: null,
    ...patch,
  };
}

function refusal(check: ReturnType<typeof checkCase>): { code: string; problems: string[] } {
  if (check.ok) throw new Error('expected the case to be refused');
  return { code: check.code, problems: check.problems };
}

describe('real decisions pass', () => {
  it('every seed and every decision of the corpus the parser reads passes every check', () => {
    const labels = JSON.parse(readFileSync(`${ROOT}test/corpus/labels.json`, 'utf8')) as { file: string; url: string }[];
    let read = 0;
    for (const { file, url } of labels) {
      const result = parseText(readFileSync(`${ROOT}test/corpus/${file}`, 'utf8'), { url });
      if (!result.ok) continue;
      read++;
      // A few corpus copies come from a mirror: a case is only ever saved from the decision's own page, so give it that address.
      const page = /^https:\/\/www\.lgo\.org\.uk\//.test(url)
        ? url
        : `https://www.lgo.org.uk/decisions/${result.summary.reference.replaceAll(' ', '-')}`;
      const summary = { ...result.summary, url: page };
      const check = checkCase({ ...draft('19-015-077'), reference: summary.reference, url: page, summary }, NOW);
      expect(check.ok ? [] : check.problems, file).toEqual([]);
    }
    expect(read).toBeGreaterThanOrEqual(60);
    for (const ref of SEED_REFS) expect(checkCase(draft(ref), NOW).ok, ref).toBe(true);
  });
});

describe('addresses: a saved page is on lgo.org.uk', () => {
  const url = SEED_URLS['19-015-077'];
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'https://example.com/decisions/19-015-077',
    'https://www.lgo.org.uk.example.com/decisions/19-015-077',
    'https://www.lgo.org.uk@example.com/decisions/19-015-077',
    'https://evil-lgo.org.uk/decisions/19-015-077',
    'ftp://www.lgo.org.uk/decisions/19-015-077',
    `https://www.lgo.org.uk/${'x'.repeat(2000)}`,
  ])("refuses %s as the case's address and as the summary's", (bad) => {
    expect(refusal(checkCase(draft('19-015-077', { url: bad }), NOW)).problems).toEqual([expect.stringMatching(/^url: /)]);
    const summary = { ...summaryFor('19-015-077'), url: bad };
    expect(refusal(checkCase(draft('19-015-077', { summary }), NOW)).problems).toEqual([expect.stringMatching(/^summary\.url: /)]);
  });

  it.each([url, url.replace('https://www.', 'http://'), url.replace('www.lgo', 'WWW.LGO'), `${url}?page=2#para-12`])(
    'accepts %s',
    (good) => {
      expect(checkCase(draft('19-015-077', { url: good, summary: { ...summaryFor('19-015-077'), url: good } }), NOW).ok).toBe(true);
    },
  );

  it('accepts a summary parsed without its address (url null)', () => {
    expect(checkCase(draft('19-015-077', { summary: { ...summaryFor('19-015-077'), url: null } }), NOW).ok).toBe(true);
  });
});

describe('dates: days of the calendar, from 1974 to a year from today', () => {
  const withDates = (patch: Partial<DecisionSummary>) => draft('18-009-360', { summary: { ...summaryFor('18-009-360'), ...patch } });

  it.each(['2099-13-45', '2021-02-29', '2021-04-31', '2021-00-10', '2100-02-29'])(
    'refuses the decision date %s, a day that does not exist, and as a satisfied date',
    (bad) => {
      expect(refusal(checkCase(withDates({ decisionDate: bad }), NOW)).problems).toEqual([
        'summary.decisionDate: Invalid date: not a day of the calendar (yyyy-mm-dd)',
      ]);
      expect(refusal(checkCase(withDates({ satisfiedDate: bad }), NOW)).problems).toEqual([
        'summary.satisfiedDate: Invalid date: not a day of the calendar (yyyy-mm-dd)',
      ]);
    },
  );

  it.each(['21 Aug 2019', '2019-8-21', '2019-08-21T00:00'])('refuses the decision date %s, not written yyyy-mm-dd', (bad) => {
    expect(refusal(checkCase(withDates({ decisionDate: bad }), NOW)).problems).toEqual([
      expect.stringMatching(/^summary\.decisionDate: Invalid string/),
    ]);
  });

  it('accepts 29 February in a leap year (2000 was one)', () => {
    expect(checkCase(withDates({ decisionDate: '2024-02-29' }), NOW).ok).toBe(true);
    expect(checkCase(withDates({ decisionDate: '2000-02-29' }), NOW).ok).toBe(true);
  });

  it('refuses a decision dated more than a year from today, or before the Ombudsman began (1974)', () => {
    expect(latestDate(NOW)).toBe('2027-12-04');
    expect(checkCase(withDates({ decisionDate: '2027-12-04' }), NOW).ok).toBe(true);
    expect(refusal(checkCase(withDates({ decisionDate: '2027-12-05' }), NOW)).problems).toEqual([
      'summary.decisionDate: 2027-12-05 is later than 2027-12-04, a year from today',
    ]);
    expect(refusal(checkCase(withDates({ satisfiedDate: '2099-01-01' }), NOW)).problems).toEqual([
      'summary.satisfiedDate: 2099-01-01 is later than 2027-12-04, a year from today',
    ]);
    expect(checkCase(withDates({ decisionDate: '1974-01-01' }), NOW).ok).toBe(true);
    expect(refusal(checkCase(withDates({ decisionDate: '1973-12-31' }), NOW)).problems).toEqual([
      'summary.decisionDate: 1973-12-31 is before 1974-01-01, when the Ombudsman began',
    ]);
  });

  it("a computer whose clock says 1970 still saves this year's decisions", () => {
    expect(checkCase(withDates({ decisionDate: '2026-06-01' }), new Date(0)).ok).toBe(true);
  });

  it('refuses saved and updated times that are not ISO times, or are more than a year from today', () => {
    for (const field of ['savedAt', 'updatedAt'] as const) {
      for (const bad of ['yesterday', '2026-02-30T10:00:00.000Z', '2026-11-22 09:00', '2026-11-22T25:00:00.000Z']) {
        expect(refusal(checkCase(draft('18-009-360', { [field]: bad }), NOW)).problems, bad).toEqual([
          expect.stringMatching(new RegExp(`^${field}: Invalid time`)),
        ]);
      }
      expect(refusal(checkCase(draft('18-009-360', { [field]: '2099-01-01T00:00:00.000Z' }), NOW)).problems).toEqual([
        `${field}: 2099-01-01T00:00:00.000Z is later than 2027-12-04, a year from today`,
      ]);
    }
  });
});

/** The path of the first field called `key` (any depth) holding a value of `kind`, in any seed's summary. */
function fieldPath(key: string, kind: 'text' | 'list'): { ref: SeedRef; path: (string | number)[] } {
  const search = (value: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const found = search(item, [...path, i]);
        if (found) return found;
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const fits = kind === 'list' ? Array.isArray(v) && v.length > 0 : typeof v === 'string' || v === null;
        if (k === key && fits) return [...path, k];
        const found = search(v, [...path, k]);
        if (found) return found;
      }
    }
    return null;
  };
  for (const ref of SEED_REFS) {
    const path = search(summaryFor(ref), []);
    if (path) return { ref, path };
  }
  throw new Error(`no seed summary has a ${kind} field "${key}"`);
}

function setAt(target: unknown, path: (string | number)[], value: unknown): void {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

const shown = (path: (string | number)[]) => `summary${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

describe('sizes: every text field and list of the summary has a limit', () => {
  // `summary` and a fault's `text` stand for every field without a limit of its own; `paragraphs` for every list.
  const texts = [
    ...Object.entries(TEXT_LIMITS).filter(([k]) => k !== 'warnings'),
    ['summary', DEFAULT_TEXT_LIMIT],
    ['text', DEFAULT_TEXT_LIMIT],
  ] as const;
  it.each(texts)('%s: %i characters pass, one more is refused, naming the field', (key, limit) => {
    const { ref, path } = fieldPath(key, 'text');
    const at = draft(ref);
    setAt(at.summary, path, 'x'.repeat(limit));
    const passing = checkCase(at, NOW);
    expect(passing.ok ? [] : passing.problems.filter((p) => p.startsWith(`${shown(path)}:`))).toEqual([]);
    setAt(at.summary, path, 'x'.repeat(limit + 1));
    expect(refusal(checkCase(at, NOW))).toEqual({
      code: 'too-large',
      problems: [`${shown(path)}: ${limit + 1} characters, more than ${limit}`],
    });
  });

  it('warnings: each at most 1,000 characters', () => {
    const at = draft('18-009-360');
    at.summary.warnings = ['w'.repeat(1_001)];
    expect(refusal(checkCase(at, NOW))).toEqual({ code: 'too-large', problems: ['summary.warnings[0]: 1001 characters, more than 1000'] });
  });

  const lists = [...Object.entries(LIST_LIMITS), ['paragraphs', DEFAULT_LIST_LIMIT]] as const;
  it.each(lists)('%s: %i items pass, one more is refused, naming the list', (key, limit) => {
    const { ref, path } = key === 'warnings' ? { ref: '18-009-360' as SeedRef, path: ['warnings'] } : fieldPath(key, 'list');
    const at = draft(ref);
    const item =
      key === 'warnings'
        ? 'A warning.'
        : (path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], at.summary) as unknown[])[0];
    setAt(
      at.summary,
      path,
      Array.from({ length: limit }, () => item),
    );
    const passing = checkCase(at, NOW);
    expect(passing.ok ? [] : passing.problems.filter((p) => p.startsWith(`${shown(path)}:`))).toEqual([]);
    setAt(
      at.summary,
      path,
      Array.from({ length: limit + 1 }, () => item),
    );
    expect(refusal(checkCase(at, NOW))).toEqual({
      code: 'too-large',
      problems: [`${shown(path)}: ${limit + 1} items, more than ${limit}`],
    });
  });

  it('a 5 MB title and 200,000 faults are refused', () => {
    const title = draft('19-015-077');
    title.summary.title = 'T'.repeat(5_000_000);
    expect(refusal(checkCase(title, NOW))).toEqual({ code: 'too-large', problems: ['summary.title: 5000000 characters, more than 500'] });
    const faults = draft('18-009-360');
    faults.summary.faults = Array.from({ length: 200_000 }, () => faults.summary.faults[0]!);
    expect(refusal(checkCase(faults, NOW))).toEqual({ code: 'too-large', problems: ['summary.faults: 200000 items, more than 500'] });
  });

  it('the decision text, the note and the tags: limits a person can reach, said in words', async () => {
    const store = new CaseStore(freshDb(), () => NOW);
    const input = { summary: summaryFor('18-009-360'), text: seedText('18-009-360'), url: SEED_URLS['18-009-360'] };
    expect(await store.save({ ...input, text: 'x'.repeat(2_000_001) })).toEqual({
      ok: false,
      error: 'too-large',
      message: 'Not saved: the decision text is 2000001 characters, more than 2000000.',
    });
    expect(refusal(checkCase(draft('18-009-360'), NOW, 2_000_001)).problems).toEqual([
      'the decision text is 2000001 characters, more than 2000000',
    ]);
    expect(refusal(checkCase(draft('18-009-360', { note: 'n'.repeat(20_001) }), NOW)).problems).toEqual([
      'a note can have at most 20000 characters; this one would have 20001',
    ]);
    expect(refusal(checkCase(draft('18-009-360', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), NOW)).problems).toEqual([
      'a case can have at most 50 tags; this one would have 51',
    ]);
  });

  it('the whole summary has a limit too, for many fields each within its own', () => {
    const at = draft('18-009-360');
    const fault = at.summary.faults[0]!;
    at.summary.faults = Array.from({ length: 400 }, () => ({ ...fault, text: 'f'.repeat(2_000) }));
    const { code, problems } = refusal(checkCase(at, NOW));
    expect(code).toBe('too-large');
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^summary: \\d+ characters as JSON, more than ${MAX_SUMMARY_CHARS}$`))]);
  });
});

describe('derived figures are recomputed, whatever the record says', () => {
  it('totalPayments from the remedies (18 009 360: "Pay Mr C £500"), and the index fields and card from the summary', () => {
    const forged = draft('18-009-360');
    forged.summary.totalPayments = 999_999;
    const record = checkCase({ ...forged, authority: 'Forged Council', totalPayments: 1, year: 1900 } as CaseDraft, NOW);
    if (!record.ok) throw new Error(record.problems.join('; '));
    expect(record.record.summary.totalPayments).toBe(500);
    expect(record.record.totalPayments).toBe(500);
    expect(record.record.authority).toBe('Hertfordshire County Council');
    expect(record.record.year).toBe(2019);
    expect(record.record.card.title).toBe('Hertfordshire County Council (18 009 360)');
  });

  it("the entry's parserVersion is the summary's", () => {
    const record = checkCase({ ...draft('18-009-360'), parserVersion: '99.0.0' } as CaseDraft, NOW);
    expect(record.ok && record.record.parserVersion).toBe(summaryFor('18-009-360').parserVersion);
  });

  it("a case filed under another reference than its summary's is refused", () => {
    expect(refusal(checkCase(draft('18-009-360', { reference: '19 015 077' }), NOW)).problems).toEqual([
      'reference: "19 015 077" does not match summary.reference "18 009 360"',
    ]);
  });
});

describe('the same checks on every way in', () => {
  const clock = () => NOW;

  function saveInput(ref: SeedRef, summary = summaryFor(ref)) {
    return { summary, text: seedText(ref), url: SEED_URLS[ref], tags: ['mine'], note: '' };
  }

  async function backupOf(ref: SeedRef): Promise<Backup> {
    const source = new CaseStore(freshDb(), clock);
    const saved = await source.save(saveInput(ref));
    if (!saved.ok) throw new Error(saved.message);
    return JSON.parse(JSON.stringify(await source.exportBackup())) as Backup;
  }

  it("save: a far-future decision date, an oversized title and another site's address are refused, nothing written", async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock);
    const future = await store.save(saveInput('18-009-360', { ...summaryFor('18-009-360'), decisionDate: '2099-01-01' }));
    expect(future).toEqual({
      ok: false,
      error: 'invalid-message',
      message: 'Not saved: the case is not valid (summary.decisionDate: 2099-01-01 is later than 2027-12-04, a year from today).',
    });
    const long = await store.save(saveInput('18-009-360', { ...summaryFor('18-009-360'), title: 'T'.repeat(501) }));
    expect(long).toEqual({ ok: false, error: 'too-large', message: 'Not saved: summary.title: 501 characters, more than 500.' });
    const elsewhere = await store.save({ ...saveInput('18-009-360'), url: 'https://example.com/decisions/18-009-360' });
    expect(elsewhere).toMatchObject({ ok: false, error: 'invalid-message' });
    expect(await db.cases.count()).toBe(0);
  });

  it('save: the stored totalPayments is recomputed from the remedies', async () => {
    const store = new CaseStore(freshDb(), clock);
    const saved = await store.save(saveInput('18-009-360', { ...summaryFor('18-009-360'), totalPayments: 12 }));
    expect(saved.ok && [saved.value.totalPayments, saved.value.summary.totalPayments]).toEqual([500, 500]);
  });

  const forgeries: [string, (b: Backup) => void, RegExp][] = [
    ['a javascript: address', (b) => (b.cases[0]!.url = 'javascript:alert(1)'), /^cases\[0\]\.url: Invalid address/],
    ['a data: address in the summary', (b) => (b.cases[0]!.summary.url = 'data:text/html,x'), /^cases\[0\]\.summary\.url: Invalid address/],
    ["another site's address", (b) => (b.cases[0]!.url = 'https://example.com/x'), /^cases\[0\]\.url: Invalid address/],
    [
      'the decision date 2099-13-45',
      (b) => (b.cases[0]!.summary.decisionDate = '2099-13-45'),
      /^cases\[0\]\.summary\.decisionDate: Invalid date/,
    ],
    [
      'the decision date 2099-01-01',
      (b) => (b.cases[0]!.summary.decisionDate = '2099-01-01'),
      /^cases\[0\]\.summary\.decisionDate: 2099-01-01 is later than/,
    ],
    [
      'a saved time in 2099',
      (b) => (b.cases[0]!.savedAt = '2099-01-01T00:00:00.000Z'),
      /^cases\[0\]\.savedAt: 2099-01-01T00:00:00\.000Z is later than/,
    ],
    [
      'a 5 MB title',
      (b) => (b.cases[0]!.summary.title = 'T'.repeat(5_000_000)),
      /^cases\[0\]\.summary\.title: 5000000 characters, more than 500$/,
    ],
    [
      '200,000 faults',
      (b) => (b.cases[0]!.summary.faults = Array.from({ length: 200_000 }, () => b.cases[0]!.summary.faults[0]!)),
      /^cases\[0\]\.summary\.faults: 200000 items/,
    ],
  ];

  it.each(forgeries)('import (version 1 object): %s is refused and nothing written', async (_what, forge, problem) => {
    const backup = await backupOf('18-009-360');
    forge(backup);
    const db = freshDb();
    const report = await new CaseStore(db, clock).importBackup(backup);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.problems[0]).toMatch(problem);
    expect(await db.cases.count()).toBe(0);
  });

  // A version 2 line of 200,000 faults is refused by its length alone (below); the list's limit is met with 501.
  const streamed = forgeries.map(([what, forge, problem]): (typeof forgeries)[number] =>
    what === '200,000 faults'
      ? [
          '501 faults',
          (b) => (b.cases[0]!.summary.faults = Array.from({ length: 501 }, () => b.cases[0]!.summary.faults[0]!)),
          /^cases\[0\]\.summary\.faults: 501 items, more than 500$/,
        ]
      : [what, forge, problem],
  );
  it.each(streamed)('import (version 2 file, a case at a time): %s is refused and nothing written', async (_what, forge, problem) => {
    const backup = await backupOf('18-009-360');
    forge(backup);
    const file = [
      JSON.stringify({ format: 'ombudsman-lens-backup', version: 2, exportedAt: NOW.toISOString(), parserVersion: '1.0.0' }),
      ...backup.cases.map((c) => JSON.stringify(c)),
      JSON.stringify({ end: true, cases: backup.cases.length }),
    ].join('\n');
    const db = freshDb();
    const report = await importBackupFile(new CaseStore(db, clock), new Blob([file]));
    expect(report).toMatchObject({ ok: false, cancelled: false, added: 0, merged: 0 });
    if (!report.ok) expect(report.problems[0]).toMatch(problem);
    expect(await db.cases.count()).toBe(0);
  });

  it('import (version 2 file): a line longer than any case can be is refused by its length, unread', async () => {
    const header = JSON.stringify({ format: 'ombudsman-lens-backup', version: 2, exportedAt: NOW.toISOString(), parserVersion: '1.0.0' });
    const db = freshDb();
    const report = await importBackupFile(new CaseStore(db, clock), new Blob([`${header}\n{"faults":[${' '.repeat(MAX_LINE_CHARS)}]}\n`]));
    expect(report).toMatchObject({
      ok: false,
      problems: [`line 2 (cases[0]): ${MAX_LINE_CHARS + 13} characters, longer than any case can be`],
    });
    expect(await db.cases.count()).toBe(0);
  }, 60_000);

  it('import: a forged totalPayments is replaced by the sum of the remedies (both versions)', async () => {
    const backup = await backupOf('18-009-360');
    backup.cases[0]!.summary.totalPayments = 1_000_000;
    backup.cases[0]!.totalPayments = 1_000_000;
    const store = new CaseStore(freshDb(), clock);
    expect(await store.importBackup(backup)).toEqual({ ok: true, added: 1, merged: 0 });
    const [entry] = (await store.full()).cases;
    expect([entry!.totalPayments, entry!.summary.totalPayments]).toEqual([500, 500]);

    const streamed = new CaseStore(freshDb(), clock);
    const { blob } = await exportBackupBlob(store);
    const forged = (await blob.text()).replace('"totalPayments":500', '"totalPayments":1000000');
    expect(forged).toContain('"totalPayments":1000000');
    expect(await importBackupFile(streamed, new Blob([forged]))).toEqual({ ok: true, added: 1, merged: 0, skipped: [] });
    expect((await streamed.full()).cases[0]!.summary.totalPayments).toBe(500);
  });

  it("undo: a deleted case handed back with another site's address is refused", async () => {
    const store = new CaseStore(freshDb(), clock);
    await store.save(saveInput('18-009-360'));
    const removed = await store.remove('18 009 360');
    if (!removed.ok || !removed.value) throw new Error('expected the removed case');
    const result = await store.restore({ ...removed.value, url: 'javascript:alert(1)' });
    expect(result).toMatchObject({
      ok: false,
      error: 'invalid-message',
      message: expect.stringMatching(/^Not restored: the case is not valid \(url: Invalid address/),
    });
    expect((await store.list()).cases).toEqual([]);
  });

  it('re-parse: a summary that fails a check is not written; the old one is kept and the case flagged', async () => {
    const store = new CaseStore(freshDb(), clock);
    await store.save(saveInput('18-009-360'));
    const future = (text: string, url: string) => {
      const result = parseText(text, { url });
      return result.ok ? { ...result, summary: { ...result.summary, parserVersion: '2.0.0', decisionDate: '2099-01-01' } } : result;
    };
    expect(await store.reparseAll(future, '2.0.0')).toEqual({ reparsed: 0, failed: ['18 009 360'] });
    const [kept] = (await store.full()).cases;
    expect(kept!.summary.decisionDate).toBe('2019-08-21');
    expect(kept!.reparseError).toContain('summary.decisionDate: 2099-01-01 is later than 2027-12-04');
  });
});
