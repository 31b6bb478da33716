/**
 * Issue #6: no regular expression in lib/ may backtrack catastrophically on a crafted page.
 *
 * Every regex is found by parsing lib/**\/*.ts with the TypeScript compiler (literals, and
 * `new RegExp(...)` / `RegExp(...)`, whose built source each module exports in BUILT_REGEXPS),
 * then checked by recheck twice, never by a wall clock:
 * - `auto`: the automaton checker, an exact analysis of the pattern, wherever it applies
 *   (it hands patterns with lookaround to the fuzzer);
 * - `fuzz`: attack strings up to 100 000 characters against a step budget (`attackLimit`).
 * Then each regex is run over 100 KB adversarial strings, only to see that it returns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkSync, type Diagnostics, type Parameters } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seeds';

const ATTACK_SIZE = 100_000;

const RECHECK: Parameters = {
  randomSeed: 6, // the fuzzer makes the same choices on every run
  maxAttackStringSize: ATTACK_SIZE,
  maxRecallStringSize: ATTACK_SIZE,
  // The step budget: 1 000 VM steps per character of a 100 KB attack. A linear pattern stays far
  // below it; a quadratic one crosses it from about 14 000 characters.
  attackLimit: 100_000_000,
  // Steps, not milliseconds, decide: no per-attack clocks, and no recall validation (it times the
  // host's own regex engine).
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
  // Only bounds the checker itself: a timeout comes back 'unknown' and fails the test. Raise it
  // rather than accept 'unknown'.
  timeout: 180_000,
};

interface Found {
  /** "lib/file.ts:line:column", the test name (a line can hold more than one). */
  where: string;
  file: string;
  literal: RegExp | null;
  /** For RegExp(...): the const it initialises, looked up in the module's BUILT_REGEXPS. */
  binding: string | null;
  flagsArg: string | null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(`${ROOT}${dir}`, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  );
}

function scan(file: string): Found[] {
  const sf = ts.createSourceFile(file, readFileSync(`${ROOT}${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const where = (node: ts.Node) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return `${file}:${line + 1}:${character + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = (node as ts.RegularExpressionLiteral).text;
      const slash = text.lastIndexOf('/');
      const literal = new RegExp(text.slice(1, slash), text.slice(slash + 1));
      out.push({ where: where(node), file, literal, binding: null, flagsArg: null });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const decl = node.parent;
      const topLevel =
        ts.isVariableDeclaration(decl) &&
        decl.initializer === node &&
        ts.isIdentifier(decl.name) &&
        ts.isSourceFile(decl.parent.parent.parent);
      const flags = node.arguments?.[1];
      out.push({
        where: where(node),
        file,
        literal: null,
        binding: topLevel ? decl.name.text : null,
        flagsArg: flags && ts.isStringLiteralLike(flags) ? flags.text : flags ? '?' : '',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const found = tsFiles('lib').flatMap(scan);

interface Case {
  where: string;
  re: RegExp;
}

/** Why a RegExp(...) the scan found cannot be checked, if it cannot. */
const unchecked: string[] = [];
const built: Case[] = [];
for (const file of [...new Set(found.filter((f) => !f.literal).map((f) => f.file))]) {
  const calls = found.filter((f) => f.file === file && !f.literal);
  const mod = (await import(/* @vite-ignore */ `${ROOT}${file}`)) as { BUILT_REGEXPS?: Record<string, RegExp> };
  const exported = mod.BUILT_REGEXPS ?? {};
  for (const f of calls) {
    const re = f.binding === null ? undefined : exported[f.binding];
    if (!re) unchecked.push(`${f.where}: bind it to a top-level const and list that in ${file}'s BUILT_REGEXPS`);
    else if (f.flagsArg !== '?' && [...re.flags].sort().join('') !== [...(f.flagsArg ?? '')].sort().join(''))
      unchecked.push(`${f.where}: BUILT_REGEXPS.${f.binding} has flags "${re.flags}", the code "${f.flagsArg}"`);
    else built.push({ where: f.where, re });
  }
  for (const name of Object.keys(exported))
    if (!calls.some((f) => f.binding === name)) unchecked.push(`${file}: BUILT_REGEXPS.${name} is not a RegExp(...) the scan found`);
}

const cases: Case[] = [...found.flatMap((f) => (f.literal ? [{ where: f.where, re: f.literal }] : [])), ...built];

/**
 * 'safe' (constant, linear or safe complexity) or why not. 'unknown' always fails: a timeout means
 * raising RECHECK.timeout; an unsupported feature (none in lib/ today) means a pattern nobody has
 * checked, so rewrite it in what recheck reads rather than exempt it.
 */
function verdict(d: Diagnostics): string {
  if (d.status === 'safe') return 'safe';
  if (d.status === 'vulnerable') return `vulnerable (${d.checker}): ${d.complexity.summary}, attack ${d.attack.pattern}`;
  if (d.error.kind === 'timeout') return 'unknown: recheck timed out; raise RECHECK.timeout';
  return `unknown (${d.error.kind}): ${'message' in d.error ? d.error.message : ''}`;
}

const ODD_END = '\u0000';

/** One representative character for an escape at source[i] ('' for zero-width ones), and its length. */
function escapeAt(source: string, i: number): [string, number] {
  const c = source[i + 1] ?? '';
  const braced = (from: number) => {
    const close = source.indexOf('}', from);
    return close < 0 ? 2 : close + 1 - i;
  };
  if (c === 'u' && source[i + 2] === '{') {
    const len = braced(i);
    return [String.fromCodePoint(parseInt(source.slice(i + 3, i + len - 1), 16) || 0x61), len];
  }
  if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6)))
    return [String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)), 6];
  if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4)))
    return [String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)), 4];
  if ((c === 'p' || c === 'P') && source[i + 2] === '{') return [c === 'p' ? 'a' : ' ', braced(i)];
  if (c === 'k' && source[i + 2] === '<') return ['', Math.max(2, source.indexOf('>', i) + 1 - i)];
  const simple: Record<string, string> = {
    d: '0',
    D: 'a',
    w: 'a',
    W: ' ',
    s: ' ',
    S: 'a',
    n: '\n',
    t: '\t',
    r: '\r',
    f: '\f',
    v: '\v',
    b: '',
    B: '',
    '0': '\0',
  };
  if (c in simple) return [simple[c]!, 2];
  if (/[1-9]/.test(c)) return ['', 2];
  return [c, 2];
}

/**
 * The characters a pattern names (a class by its members, an escape by one representative), and
 * its runs of literal text: the cheap material of adversarial inputs, as in recheck's attacks
 * ("....x" against /[:.]+$/).
 */
function literalsOf(source: string): { chars: Set<string>; runs: string[] } {
  const chars = new Set<string>();
  const runs: string[] = [];
  let run = '';
  const endRun = () => {
    if (run.length > 1) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const [ch, len] = escapeAt(source, i);
      for (const x of ch) chars.add(x);
      run += ch;
      i += len - 1;
    } else if (c === '[') {
      const negated = source[i + 1] === '^';
      let j = negated ? i + 2 : i + 1;
      let first = '';
      for (; j < source.length && source[j] !== ']'; j++) {
        let ch = source[j]!;
        if (ch === '\\') {
          const [e, len] = escapeAt(source, j);
          ch = e;
          j += len - 1;
        }
        if (!negated) for (const x of ch) chars.add(x);
        first ||= ch;
      }
      if (negated || !first) endRun();
      else run += first;
      i = j;
    } else if (c === '(') {
      endRun();
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      if (prefix) i += prefix[0].length - 1;
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
    } else if ('|)'.includes(c)) {
      endRun();
    } else if (!'^$.*+?'.includes(c)) {
      chars.add(c);
      run += c;
    }
  }
  endRun();
  return { chars, runs };
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** All of its literals in a row, each run, each character: each repeated to 100 KB, then a character that fails. */
function literalInputs(source: string): string[] {
  const { chars, runs } = literalsOf(source);
  const units = [[...runs, ...chars].join(''), ...runs, ...chars].filter((unit) => unit !== '');
  return units.map((unit) => repeatTo(unit, ATTACK_SIZE) + ODD_END);
}

/** Every match from every start position: the most work a caller can ask of the pattern. */
function scanAll(re: RegExp, input: string): number {
  const everywhere = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
  let n = 0;
  for (const _ of input.matchAll(everywhere)) n++;
  return n;
}

describe('regular expressions in lib/', () => {
  it('are all found', () => {
    expect(found.filter((f) => f.literal).length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('built with RegExp(...) are all known, by their source as built', () => {
    expect(unchecked).toEqual([]);
    expect(built.length).toBe(found.filter((f) => !f.literal).length);
  });

  // No vitest timeouts: RECHECK.timeout bounds the checker, and the concrete runs are bounded by construction.
  describe.each(cases)('$where', ({ re }) => {
    const attacks: string[] = [];
    const verdicts: string[] = [];
    const run = (checker: 'auto' | 'fuzz') => {
      const d = checkSync(re.source, re.flags, { ...RECHECK, checker });
      if (d.status === 'vulnerable') attacks.push(d.attack.string);
      verdicts.push(verdict(d));
      expect(verdict(d), `${re}`).toBe('safe');
    };

    it('recheck, automaton where it applies: linear or better', { timeout: 0 }, () => run('auto'));

    it('recheck, fuzzing 100 KB attacks: within the step budget', { timeout: 0 }, () => run('fuzz'));

    it("returns on adversarial strings: 100 KB of its literals, or recheck's attack", { timeout: 0 }, ({ skip }) => {
      // recheck sizes an attack to exhaust its budget, so it returns even against an exponential
      // pattern; 100 KB of literals might not, so they are not run on a pattern not found safe.
      if (attacks.length === 0 && verdicts.some((v) => v !== 'safe')) skip('recheck gave no verdict and no attack');
      const inputs = attacks.length > 0 ? attacks : literalInputs(re.source);
      for (const input of inputs) expect(scanAll(re, input)).toBeGreaterThanOrEqual(0);
    });
  });
});
