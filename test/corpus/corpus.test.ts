/**
 * The parser on the corpus of real decisions (README.md here), held to issue #16's thresholds.
 * `npm run corpus` prints the same table with every miss: run it to see what a failure here is.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, formatScore, loadCorpus, scoreCorpus, type CorpusScore } from './score';

const cases = loadCorpus();
const score = scoreCorpus(cases);

function field(s: CorpusScore, name: string) {
  const f = s.fields.find((x) => x.field === name);
  if (!f) throw new Error(`no field "${name}" in the score`);
  return f;
}

/** The misses of a field, printed when its threshold fails. */
function missesOf(name: string): string {
  return formatScore({ ...score, fields: [field(score, name)], misses: score.misses.filter((m) => m.field === name) });
}

describe('the corpus', () => {
  it('has the 80 labelled files of its README: 61 openings, 14 short decisions, 5 reports', () => {
    expect(cases.length).toBe(80);
    expect(cases.filter((c) => c.set === 'openings').length).toBe(61);
    expect(cases.filter((c) => c.set === 'short').length).toBe(14);
    expect(cases.filter((c) => c.set === 'reports').length).toBe(5);
    // Each labels the file it names, under its own reference.
    for (const c of cases) expect(c.label.file.replace(/-/g, ' ')).toContain(c.label.reference);
  });

  it('compares every field it is labelled on', () => {
    expect(field(score, FIELDS.read).compared).toBe(80);
    expect(field(score, FIELDS.outcomeDecisionLine).compared + field(score, FIELDS.outcomeInferred).compared).toBe(80);
    expect(field(score, FIELDS.statutes).compared).toBe(66);
    expect(field(score, FIELDS.reportRemedies).compared).toBe(5);
    expect(field(score, FIELDS.shortRemedies).compared).toBe(14);
  });
});

describe('the parser on the corpus (issue #16: done when)', () => {
  it.each([FIELDS.read, FIELDS.reference, FIELDS.authority, FIELDS.area, FIELDS.topic, FIELDS.decisionDate, FIELDS.outcomeLabel])(
    '%s: 100 %',
    (name) => {
      expect(field(score, name).score, missesOf(name)).toBe(1);
    },
  );

  it('outcome with a Decision line: 100 %', () => {
    expect(field(score, FIELDS.outcomeDecisionLine).score, missesOf(FIELDS.outcomeDecisionLine)).toBe(1);
  });

  it('outcome from the wording (no Decision line): at least 95 %', () => {
    expect(field(score, FIELDS.outcomeInferred).score, missesOf(FIELDS.outcomeInferred)).toBeGreaterThanOrEqual(0.95);
  });

  it('statutes (act and section): F1 at least 0.98', () => {
    expect(field(score, FIELDS.statutes).score, missesOf(FIELDS.statutes)).toBeGreaterThanOrEqual(0.98);
  });

  it.each([FIELDS.apology, FIELDS.payments, FIELDS.refunds])(
    '%s (read from summaries where the excerpt has no other): at least 95 %',
    (name) => {
      expect(field(score, name).score, missesOf(name)).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('every report read, its remedies (kind and amount): F1 at least 0.95', () => {
    expect(cases.filter((c) => c.set === 'reports').every((c) => !score.unread.some((u) => u.file === c.label.file))).toBe(true);
    expect(field(score, FIELDS.reportRemedies).score, missesOf(FIELDS.reportRemedies)).toBeGreaterThanOrEqual(0.95);
  });

  it('every short decision read, with its outcome, and no fault or remedy', () => {
    const short = cases.filter((c) => c.set === 'short').map((c) => c.label.file);
    expect(score.unread.filter((u) => short.includes(u.file))).toEqual([]);
    const outcomeMisses = score.misses.filter((m) => short.includes(m.file) && m.field.startsWith('outcome'));
    expect(outcomeMisses).toEqual([]);
    expect(field(score, FIELDS.shortFaults).score, missesOf(FIELDS.shortFaults)).toBe(1);
    expect(field(score, FIELDS.shortRemedies).score, missesOf(FIELDS.shortRemedies)).toBe(1);
  });

  it('regulators and the summary: at least 95 %', () => {
    expect(field(score, FIELDS.regulators).score, missesOf(FIELDS.regulators)).toBeGreaterThanOrEqual(0.95);
    expect(field(score, FIELDS.summaryStart).score, missesOf(FIELDS.summaryStart)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the scorer', () => {
  // A scorer that agreed with anything would pass every threshold above: it must see a wrong summary.
  it('counts a wrong outcome, a missing payment and a spurious statute as misses', () => {
    const one = cases.find((c) => c.label.file === 'openings/18-007-848.txt')!;
    const wrong = {
      ...one,
      label: {
        ...one.label,
        outcomeKind: 'not-upheld' as const,
        payments: [250, 99],
        statutes: [...(one.label.statutes ?? []), { act: 'Care Act 2014', section: '42' }],
      },
    };
    const s = scoreCorpus([wrong]);
    expect(field(s, FIELDS.outcomeDecisionLine).agreed).toBe(0);
    expect(field(s, FIELDS.payments).agreed).toBe(0);
    expect(field(s, FIELDS.statutes).recall).toBeLessThan(1);
    expect(s.misses.map((m) => m.field).sort()).toEqual([FIELDS.outcomeDecisionLine, FIELDS.payments, FIELDS.statutes].sort());
  });
});
