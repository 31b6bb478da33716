/**
 * The long tables (`--table faults|remedies|statutes`): their documented columns, and their rows
 * read against seed 18 009 360 by hand. Paragraph numbers are the live page's, which run on
 * through the statement (the seed's HTML reconstruction has them as <ol start>): the complaint
 * is 1-2, "The Ombudsman's role and powers" 3-5, the findings' last part 76-85, "Agreed action" 86-89.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DecisionSummarySchema } from '../../lib/schema';
import { buildCli, csvRecords, runCli } from './run-cli';

beforeAll(buildCli, 60_000);

const SEED = 'seeds/18-009-360.txt';
const DECISION = ['reference', 'url', 'authority', 'decisionDate', 'outcome.kind'];

function table(name: string, ...files: string[]) {
  const { status, stdout, stderr } = runCli(['--format', 'csv', '--table', name, ...files]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return { header: stdout.slice(0, stdout.indexOf('\n')), rows: csvRecords(stdout) };
}

/** The decision's own JSON summary, for the number of items each table must have. */
function summary(file: string) {
  return DecisionSummarySchema.parse(JSON.parse(runCli([file]).stdout));
}

describe('--table', { timeout: 60_000 }, () => {
  it('faults: one row per fault, its paragraph, strand, injustice and the sentences', () => {
    const { header, rows } = table('faults', SEED);
    expect(header.split(',')).toEqual([
      ...DECISION,
      'fault.index',
      'fault.paragraph',
      'fault.heading',
      'fault.injustice',
      'fault.text',
      'fault.injusticeParagraph',
      'fault.injusticeEvidence',
    ]);
    expect(rows).toHaveLength(summary(SEED).faults.length);
    expect(rows.map((r) => r['fault.index'])).toEqual(rows.map((_, i) => String(i + 1)));
    for (const row of rows) {
      expect(row).toMatchObject({
        reference: '18 009 360',
        url: '',
        authority: 'Hertfordshire County Council',
        decisionDate: '2019-08-21',
        'outcome.kind': 'upheld',
      });
    }
    // Paragraph 85 (the findings' tenth, on recording meetings): "That was wrong and justifies a finding
    // of fault against the Council. ... The confusion it caused added something to Mr C’s injustice in this case".
    const recording = rows.find((r) => r['fault.paragraph'] === '85');
    expect(recording).toMatchObject({
      'fault.heading': 'The Council’s complaint handling',
      'fault.injustice': 'caused',
      'fault.text': 'That was wrong and justifies a finding of fault against the Council.',
      'fault.injusticeParagraph': '85',
    });
    expect(recording!['fault.injusticeEvidence']).toMatch(/^The confusion it caused added something to Mr C’s injustice in this case/);
  });

  it('remedies: one row per remedy, with its amount, payee and deadline in columns of their own', () => {
    const { header, rows } = table('remedies', SEED);
    expect(header.split(',')).toEqual([
      ...DECISION,
      'remedy.index',
      'remedy.paragraph',
      'remedy.kind',
      'remedy.amount',
      'remedy.payee',
      'remedy.purpose',
      'remedy.deadline',
      'remedy.deadline.count',
      'remedy.deadline.unit',
      'remedy.text',
    ]);
    expect(rows).toHaveLength(summary(SEED).remedies.length);
    // Paragraph 88: "Within 20 working days of this decision it will: ... b) Pay Mr C £500 in recognition of his distress ..."
    const payments = rows.filter((r) => r['remedy.kind'] === 'payment');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      'remedy.paragraph': '88',
      'remedy.amount': '500',
      'remedy.payee': 'Mr C',
      'remedy.deadline': 'Within 20 working days of this decision',
      'remedy.deadline.count': '20',
      'remedy.deadline.unit': 'working-day',
    });
    expect(payments[0]!['remedy.text']).toMatch(/^Pay Mr C £500 in recognition of his distress and time and trouble/);
    // a) "Provide a written apology to Mr C accepting the findings of this investigation."
    expect(rows.find((r) => r['remedy.kind'] === 'apology')).toMatchObject({ 'remedy.paragraph': '88', 'remedy.amount': '' });
    // Paragraph 89: "within three months of a decision on this complaint the Council will have taken steps to ensure ..."
    expect(rows.find((r) => r['remedy.paragraph'] === '89')).toMatchObject({
      'remedy.kind': 'service-improvement',
      'remedy.deadline': 'within three months of a decision on this complaint',
      'remedy.deadline.count': '3',
      'remedy.deadline.unit': 'month',
    });
  });

  it('statutes: one row per provision, its Act, section and subsection apart, the paragraphs listed', () => {
    const { header, rows } = table('statutes', SEED);
    expect(header.split(',')).toEqual([
      ...DECISION,
      'statute.index',
      'statute.act',
      'statute.section',
      'statute.subsection',
      'statute.label',
      'statute.jurisdiction',
      'statute.paragraphs',
      'statute.url',
      'statute.text',
    ]);
    expect(rows).toHaveLength(summary(SEED).statutes.length);
    // Paragraph 3: "(Local Government Act 1974, section 34(3), as amended)" — the Ombudsman's own powers.
    expect(rows.find((r) => r['statute.section'] === '34' && r['statute.act'] === 'Local Government Act 1974')).toMatchObject({
      'statute.subsection': '(3)',
      'statute.label': 'Local Government Act 1974 s.34(3)',
      'statute.jurisdiction': 'true',
      'statute.paragraphs': '3',
      'statute.text': '(Local Government Act 1974, section 34(3), as amended)',
    });
    // Paragraph 4: "sections 26(1) and 26A(1)": two provisions from one citation.
    const para4 = rows.filter((r) => r['statute.paragraphs'] === '4').map((r) => `${r['statute.section']}${r['statute.subsection']}`);
    expect(para4).toEqual(['26(1)', '26A(1)']);
    // "Section 47 of the Children’s Act" (paragraph 10 onwards): the Children Act 1989, not the Ombudsman's.
    expect(rows.find((r) => r['statute.section'] === '47')).toMatchObject({
      'statute.act': 'Children Act 1989',
      'statute.jurisdiction': 'false',
      'statute.text': 'Section 47 of the Children’s Act',
    });
    expect(rows.find((r) => r['statute.section'] === '47')?.['statute.paragraphs']?.split('; ')[0]).toBe('10');
  });

  it('leads each row with its own decision, and writes no row for a decision without such items', () => {
    // 19 015 077 is not upheld: no remedy. Its summary has none, so the table holds only 18 009 360's.
    expect(summary('seeds/19-015-077.txt').remedies).toEqual([]);
    const { rows } = table('remedies', 'seeds/19-015-077.txt', SEED, 'seeds/23-017-456.html');
    const refs = [...new Set(rows.map((r) => r.reference))];
    expect(refs[0]).toBe('18 009 360');
    expect(refs).not.toContain('19 015 077');
  });

  it('writes JSON Lines of the same columns with --format jsonl', () => {
    const { stdout } = runCli(['--table', 'remedies', SEED]);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const payment = rows.find((r) => r['remedy.kind'] === 'payment');
    expect(payment).toMatchObject({ reference: '18 009 360', url: null, 'remedy.amount': 500, 'remedy.deadline.count': 20 });
  });
});
