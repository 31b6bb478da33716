/**
 * The vocabulary tables of lib/parser/vocabulary/ not covered by vocabulary.test.ts: every row's
 * example run through the parser (with the sentence index's word gates, as a page is read), and
 * the row's effect checked. Where an extractor skips sentences by a word gate, every row's example
 * must pass the gate, and the row's pattern must match the example through one of its words: a row
 * added without the words its gate lets through fails here.
 */
import { describe, expect, it } from 'vitest';
import { extractGuidance } from '../../lib/parser/extractors/extract-guidance';
import { extractRegulators } from '../../lib/parser/extractors/extract-regulators';
import { extractRemedies, readDeadline } from '../../lib/parser/extractors/extract-remedies';
import { extractStatutes } from '../../lib/parser/extractors/extract-statutes';
import { readSummaryRemedies } from '../../lib/parser/extractors/summary-remedies';
import { actUrl, lookupAct } from '../../lib/parser/extractors/acts';
import { lineKind, sectionRole } from '../../lib/parser/front-ends/page-vocabulary';
import { readText } from '../../lib/parser/front-ends/read-text';
import { cleanText, matchKey } from '../../lib/parser/front-ends/text-normalise';
import { SENTENCE_WORDS, sentenceWords } from '../../lib/parser/sentences/sentence-words';
import { splitSentences } from '../../lib/parser/sentences/sentences';
import { ACT_ROWS } from '../../lib/parser/vocabulary/acts';
import { CHARACTERS_TO_CLEAN } from '../../lib/parser/vocabulary/characters-to-clean';
import { DEADLINE_FROM, DEADLINE_UNITS } from '../../lib/parser/vocabulary/deadlines';
import { FAULT_FINDINGS, NOT_A_FINDING } from '../../lib/parser/vocabulary/fault-findings';
import { HONORIFICS } from '../../lib/parser/vocabulary/honorifics';
import { HARMS, HYPOTHETICAL_INJUSTICE, INJUSTICE_WORD, NO_INJUSTICE, REMEDIED } from '../../lib/parser/vocabulary/injustice';
import { KNOWN_GUIDANCE } from '../../lib/parser/vocabulary/known-guidance';
import { REGULATORS } from '../../lib/parser/vocabulary/regulators';
import { REPORTED, REPORTED_SPEECH } from '../../lib/parser/vocabulary/reported-speech';
import { FINDINGS_SUBHEADINGS, PAGE_LINES, SECTION_HEADINGS, type Layout } from '../../lib/parser/vocabulary/section-headings';
import { readRepoFile, seedText, summaryOf } from '../helpers/seeds';
import { paras } from '../helpers/sentence-refs';

/**
 * A decision with the given paragraphs: seed 23 017 456's title and header lines, then numbered
 * paragraphs under its section headings. Small, so that nothing else in it reads as a fault,
 * verdict or remedy: what the summary has comes from the row's example.
 */
function decision(parts: { complaint?: string[]; findings?: string[]; action?: string[] }): string {
  const lines = seedText('23-017-456').split('\n').slice(0, 4);
  lines.push('Summary: The Council took the complainant’s concerns seriously.');
  let n = 1;
  const section = (heading: string, texts: string[]) => {
    lines.push(heading);
    for (const text of texts) lines.push(`${n++}. ${text}`);
  };
  section('The complaint', parts.complaint ?? ['The complainant complains about how the Council managed risk to her children.']);
  section('What I found', parts.findings ?? ['The Council took the complainant’s concerns seriously.']);
  if (parts.action) section('Agreed action', parts.action);
  section('Final decision', ['I have completed my investigation.']);
  return lines.join('\n');
}

/** The part of the key the row's pattern matches holds one of the row's words: the gate is enough for it. */
function matchesThroughWords(row: { pattern: RegExp; words: readonly string[] }, example: string): void {
  const m = row.pattern.exec(matchKey(example));
  expect(m, `${row.pattern} on "${example}"`).not.toBeNull();
  expect(
    row.words.some((w) => m![0].includes(w)),
    `${row.pattern} matches "${m![0]}", which holds none of ${row.words.join(', ')}`,
  ).toBe(true);
}

const passes = (example: string, gate: number): boolean => (sentenceWords.scan(example) & gate) !== 0;

/** A fault the verdict examples below follow: seed 20 003 139's wording. */
const FAULT = 'The Council was at fault in that it did not advise Mr X of his appeal rights.';

describe('characters to clean', () => {
  const rowOf = (c: string) => CHARACTERS_TO_CLEAN.find((r) => c.charCodeAt(0) >= r.from && c.charCodeAt(0) <= r.to);

  it('the spaces are what \\s matches, but the plain space and U+FEFF (dropped): cleanText and the rows agree', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const space = /\s/.test(c) && c !== ' ' && c !== '\uFEFF';
      if ((rowOf(c)?.becomes === 'space') !== space) differ.push(`U+${code.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('every character of every row is cleaned as the row says', () => {
    for (const row of CHARACTERS_TO_CLEAN) {
      for (let code = row.from; code <= row.to; code++) {
        const c = String.fromCharCode(code);
        expect(cleanText(`at${c}fault`), `U+${code.toString(16)}`).toBe(row.becomes === 'space' ? 'at fault' : 'atfault');
      }
    }
  });

  it.each(CHARACTERS_TO_CLEAN.map((row) => [row.name, row] as const))('%s: the example reads as without it', (_, row) => {
    const [c] = [...row.example].filter((x) => rowOf(x) === row);
    expect(c, 'the example holds a character of its row').toBeDefined();
    const plain = row.example.replace(c!, row.becomes === 'space' ? ' ' : '');
    const s = summaryOf(decision({ findings: [row.example] }));
    expect(s.faults.map((f) => f.text)).toEqual([splitSentences(plain)[0]]);
  });
});

describe('fault findings', () => {
  it.each(FAULT_FINDINGS.map((row) => [row.example, row] as const))('"%s" is a fault', (example, row) => {
    expect(passes(example, SENTENCE_WORDS.fault)).toBe(true);
    matchesThroughWords(row, example);
    expect(summaryOf(decision({ findings: [example] })).faults.map((f) => f.text)).toEqual([example]);
  });

  /** The example with the row's words taken out: a fault again, so the words are what made it none. */
  const without = (example: string, words: readonly string[]): string =>
    words.reduce((s, w) => s.replace(new RegExp(w.startsWith("n'") ? `n[’']${w.slice(2)}\\b` : `\\b${w}\\b ?`, 'gi'), ''), example);

  it.each(NOT_A_FINDING.map((row) => [row.kind, row.example, row] as const))('%s: "%s" is no fault', (_, example, row) => {
    expect(summaryOf(decision({ findings: [example] })).faults).toEqual([]);
    const control = without(example, row.words);
    expect(
      summaryOf(decision({ findings: [control] })).faults.map((f) => f.text),
      control,
    ).toEqual([control]);
  });
});

describe('injustice', () => {
  const verdictAfterFault = (example: string) => {
    expect(passes(example, SENTENCE_WORDS.verdict)).toBe(true);
    const faults = summaryOf(decision({ findings: [FAULT, example] })).faults;
    expect(faults.map((f) => f.text)).toEqual([FAULT]);
    return faults[0]!;
  };

  it.each(REMEDIED.map((row) => [row.example, row] as const))('"%s": remedied', (example, row) => {
    matchesThroughWords(row, example);
    expect(verdictAfterFault(example)).toMatchObject({ injustice: 'remedied', injusticeEvidence: { sentence: example } });
  });

  it.each(HARMS.map((row) => [row.example, row] as const))('"%s": caused (a harm named)', (example, row) => {
    matchesThroughWords(row, example);
    expect(verdictAfterFault(example)).toMatchObject({ injustice: 'caused', injusticeEvidence: { sentence: example } });
  });

  it('the word injustice: caused', () => {
    matchesThroughWords(INJUSTICE_WORD, INJUSTICE_WORD.example);
    expect(verdictAfterFault(INJUSTICE_WORD.example)).toMatchObject({ injustice: 'caused' });
  });

  it('injustice denied: none', () => {
    matchesThroughWords(NO_INJUSTICE, NO_INJUSTICE.example);
    expect(verdictAfterFault(NO_INJUSTICE.example)).toMatchObject({ injustice: 'none' });
  });

  it('injustice as a hypothesis: unstated', () => {
    expect(verdictAfterFault(HYPOTHETICAL_INJUSTICE.example)).toMatchObject({ injustice: 'unstated', injusticeEvidence: null });
  });
});

describe('reported speech', () => {
  /** Whether anything is read from the sentence: a fault, a verdict on the fault before it, or a remedy. */
  function readsSomething(sentence: string): boolean {
    const faults = summaryOf(decision({ findings: [FAULT, sentence] })).faults;
    return (
      faults.length > 1 ||
      faults[0]!.injustice !== 'unstated' ||
      readSummaryRemedies(sentence).length > 0 ||
      extractRemedies(paras([sentence])).length > 0
    );
  }

  it.each(REPORTED_SPEECH.map((row) => [row.example, row] as const))('"%s" states no finding and no remedy', (example, row) => {
    expect(REPORTED.exec(matchKey(example))?.[0]).toBeOneOf([...row.words]);
    expect(readsSomething(example)).toBe(false);
    // ...but would, in the words of the Ombudsman: the row's words are what make it someone else's.
    const control = row.words.reduce((s, w) => s.replace(new RegExp(`\\b${w}\\b`, 'gi'), 'noted'), example);
    expect(readsSomething(control), control).toBe(true);
  });
});

describe('honorifics', () => {
  it.each(HONORIFICS.map((row) => [row.title, row] as const))('%s: the complainant, and a payee', (title, row) => {
    const name = new RegExp(`${title.replace(/[&]/g, '\\$&')} [A-Z](?![A-Za-z])`).exec(row.example)![0];
    expect(summaryOf(decision({ complaint: [row.example] })).complainant).toBe(name);
    const remedies = summaryOf(decision({ action: [`The Council should pay ${name} £100 for the time and trouble caused.`] })).remedies;
    expect(remedies).toMatchObject([{ kind: 'payment', amount: 100, payee: name }]);
  });
});

describe('deadlines', () => {
  it.each([...DEADLINE_UNITS, DEADLINE_FROM].map((row) => [row.example, row.deadline] as const))('"%s"', (example, deadline) => {
    expect(readDeadline(example)).toEqual(deadline);
    const remedies = summaryOf(decision({ action: [example] })).remedies;
    expect(remedies.length).toBeGreaterThan(0);
    for (const r of remedies) expect(r.deadline).toEqual(deadline);
  });

  it('each unit row reads its own example: no earlier row takes its unit', () => {
    for (const row of DEADLINE_UNITS) expect(readDeadline(row.example)?.unit).toBe(row.unit);
  });
});

describe('section headings', () => {
  /** A real decision of the layout, with the heading and a paragraph under it put before its findings. */
  const BASES: Record<Layout, { text: string; before: string; line: (t: string) => string }> = {
    decision: { text: seedText('23-017-456'), before: '\nWhat I found\n', line: (t) => `- ${t}` },
    report: { text: readRepoFile('test/corpus/reports/15-017-863.txt'), before: '\nFinding\n', line: (t) => t },
  };
  const withHeading = (layout: Layout, heading: string) => {
    const base = BASES[layout];
    expect(base.text).toContain(base.before);
    return base.text.replace(base.before, `\n${heading}\n${base.line('Something happened in this case.')}${base.before}`);
  };

  const examples = SECTION_HEADINGS.flatMap((row) => row.examples.map((e) => [e.heading, e.layout, row.role] as const));

  it.each(examples)('"%s" (%s) starts a section of the role %s', (heading, layout, role) => {
    expect(sectionRole(heading, null)).toBe(role);
    const doc = readText(withHeading(layout, heading))!;
    expect(doc.layout).toBe(layout);
    expect(doc.sections).toContainEqual({ heading, level: 1, role });
  });

  it.each(FINDINGS_SUBHEADINGS.examples)('"%s" inside the findings is a sub-heading of them', (heading) => {
    expect(sectionRole(heading, 'findings')).toBeNull();
    const text = seedText('23-017-456').replace('\nWhat I found\n', `\nWhat I found\n- Something happened.\n${heading}\n`);
    expect(readText(text)!.sections).toContainEqual({ heading, level: 2, role: 'findings' });
  });

  it.each(PAGE_LINES.flatMap((row) => row.examples.map((e) => [e, row.kind] as const)))('"%s" is a %s line', (line, kind) => {
    expect(lineKind(cleanText(line))).toBe(kind);
    const seed = seedText('23-017-456');
    const doc = readText(seed.replace('\nWhat I found\n', `\n${line}\nWhat I found\n`))!;
    expect(doc.blocks.map((b) => b.text)).not.toContain(line);
    expect(doc.sections.map((s) => s.heading)).not.toContain(line);
    // The sign-off ends the statement: the findings and what follows are the site's.
    const findings = doc.sections.some((s) => s.role === 'findings');
    expect(findings).toBe(kind !== 'sign-off');
  });
});

describe('Acts', () => {
  it.each(ACT_ROWS.map((row) => [`${row.name} ${row.year}`, row] as const))('%s is read from its example, with its link', (title, row) => {
    const act = lookupAct(row.name, row.year)!;
    expect(act.title).toBe(title);
    const statutes = extractStatutes(paras([row.example])).filter((s) => s.act === title);
    expect(statutes.length).toBeGreaterThan(0);
    for (const s of statutes) {
      expect(s.jurisdiction).toBe(row.jurisdiction ?? false);
      expect(s.url).toMatch(
        new RegExp(
          `^${actUrl(act)
            .replace(/contents$/, '')
            .replace(/[.]/g, '\\.')}`,
        ),
      );
    }
  });
});

describe('guidance', () => {
  it.each(KNOWN_GUIDANCE.map((row) => [row.title, row] as const))('%s is read from its example', (title, row) => {
    expect(passes(row.example, SENTENCE_WORDS.guidance)).toBe(true);
    expect(extractGuidance(paras([row.example])).map((g) => g.title)).toContain(title);
  });

  it('every alias passes the guidance gate', () => {
    for (const row of KNOWN_GUIDANCE) for (const alias of row.aliases) expect(passes(alias, SENTENCE_WORDS.guidance), alias).toBe(true);
  });
});

describe('regulators', () => {
  it.each(REGULATORS.flatMap((row) => row.examples.map((e) => [e, row] as const)))('"%s"', (example, row) => {
    expect(passes(example, SENTENCE_WORDS.regulator)).toBe(true);
    matchesThroughWords(row, example);
    expect(extractRegulators(paras([example])).map((r) => r.name)).toEqual([row.name]);
  });
});
