/**
 * The benchmark's generated library: every generated case passes the real
 * import (CaseStore over fake-indexeddb), references are unique, texts differ,
 * and each filter query's last letter really narrows the list.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { emptyFilter, filterCases } from '../../lib/library/filters';
import { BACKUP_FORMAT, type BackupCase } from '../../lib/library/saved-case';
import { FILTER_QUERIES, generateCase, ORGANISATIONS, referenceFor } from '../../scripts/bench/library-generator';
import { SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

let n = 0;
const freshDb = () => new LensDatabase(`bench-generator-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });

let templates: BackupCase[];
let parserVersion: string;

beforeAll(async () => {
  // As the benchmark does: the seed cases as the store itself exports them.
  const store = new CaseStore(freshDb());
  for (const ref of SEED_REFS) {
    const saved = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
    expect(saved.ok).toBe(true);
  }
  const backup = await store.exportBackup();
  templates = backup.cases;
  parserVersion = backup.parserVersion;
  expect(templates).toHaveLength(5);
});

function generate(count: number): BackupCase[] {
  const payment = templates.flatMap((c) => c.summary.remedies).find((r) => r.kind === 'payment') ?? null;
  return Array.from({ length: count }, (_, i) => generateCase(templates[i % templates.length]!, i, payment));
}

describe('referenceFor', () => {
  it('gives the "YY NNN NNN" form, unique per index', () => {
    expect(referenceFor(0, 2020)).toBe('19 000 000');
    expect(referenceFor(12_345, 2024)).toBe('23 012 345');
    const refs = new Set(Array.from({ length: 20_000 }, (_, i) => referenceFor(i, 2013 + (i % 13)).slice(3)));
    expect(refs.size).toBe(20_000);
  });
});

describe('generateCase', () => {
  it('is deterministic: the same index gives the same case', () => {
    expect(generate(3)).toEqual(generate(3));
  });

  it('varies organisation, dates, outcome, payments, law and text', () => {
    const cases = generate(200);
    expect(new Set(cases.map((c) => c.reference)).size).toBe(200);
    expect(new Set(cases.map((c) => c.summary.authority)).size).toBe(ORGANISATIONS.length);
    expect(new Set(cases.map((c) => c.summary.decisionDate)).size).toBeGreaterThan(150);
    expect(new Set(cases.map((c) => c.summary.outcome.kind)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.summary.totalPayments)).size).toBeGreaterThan(10);
    expect(
      new Set(cases.flatMap((c) => c.summary.statutes.filter((s) => !s.jurisdiction).map((s) => `${s.act} ${s.section}`))).size,
    ).toBeGreaterThan(3);
    expect(new Set(cases.map((c) => c.text)).size).toBe(200);
    for (const c of cases) {
      expect(c.summary.reference).toBe(c.reference);
      expect(c.summary.title).toBe(`${c.summary.authority} (${c.reference})`);
      expect(c.textLength).toBe(c.text.length);
      const paid = c.summary.remedies.filter((r) => r.kind === 'payment' || r.kind === 'refund').reduce((s, r) => s + (r.amount ?? 0), 0);
      expect(c.summary.totalPayments).toBe(paid);
    }
  });

  it('every generated case passes the real import, and the library lists them all', async () => {
    const cases = generate(60);
    const store = new CaseStore(freshDb());
    const report = await store.importBackup({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      parserVersion,
      cases,
    });
    expect(report).toEqual({ ok: true, added: 60, merged: 0 });
    const { cases: listed, corrupted } = await store.list();
    expect(corrupted).toEqual([]);
    expect(listed).toHaveLength(60);
  });

  it('each filter query’s last letter narrows the matches (so the timed keystroke changes the list)', async () => {
    const store = new CaseStore(freshDb());
    const report = await store.importBackup({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      parserVersion,
      cases: generate(300),
    });
    expect(report.ok).toBe(true);
    const { cases } = await store.list();
    for (const query of FILTER_QUERIES) {
      const before = filterCases(cases, { ...emptyFilter(), text: query.slice(0, -1) }).length;
      const after = filterCases(cases, { ...emptyFilter(), text: query }).length;
      expect(after, query).toBeGreaterThan(0);
      expect(after, query).toBeLessThan(before);
    }
  });
});
