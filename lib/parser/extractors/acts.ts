/**
 * The checked table of Acts the extension can link to legislation.gov.uk (its rows are
 * vocabulary/acts), looked up by the names decisions write.
 */
import { matchKey } from '../front-ends/text-normalise';
import { ACT_ROWS } from '../vocabulary/acts';

export interface ActEntry {
  /** As titled on legislation.gov.uk: "Children Act 1989". */
  title: string;
  /** The title without its year: "Children Act". */
  name: string;
  type: 'ukpga';
  year: number;
  chapter: number;
  /** The Ombudsman's own powers: shown apart from the law of the case. */
  jurisdiction: boolean;
  /** Other spellings of `name` (without the year) that decisions use for this Act. */
  aliases: readonly string[];
  /**
   * Whether the name written without a year ("the Care Act") may be taken to mean this Act.
   * Uniqueness within this table is not enough: "the Housing Act" could be the 1985, 1988 or
   * 2004 Act, none of which is here, so it must not silently become the 1996 Act.
   */
  yearless: boolean;
}

export const ACTS: readonly ActEntry[] = ACT_ROWS.map((row) => ({
  title: `${row.name} ${row.year}`,
  name: row.name,
  type: 'ukpga' as const,
  year: row.year,
  chapter: row.chapter,
  jurisdiction: row.jurisdiction ?? false,
  aliases: row.aliases ?? [],
  yearless: row.yearless,
}));

const JURISDICTION = new Set(ACTS.filter((act) => act.jurisdiction).map((act) => act.title));

const NAME_KEYS = new Map<string, string>();
const MAX_NAME_KEYS = 2000;

/**
 * Key for comparing Act names: case, apostrophe style, commas and spacing vary between
 * decisions ("Housing Grants Construction and Regeneration"), the words do not.
 */
export function actNameKey(name: string): string {
  // A decision asks for the same few names over and over (each capitalised word before every
  // "Act", then the name read), and each key costs a dozen regex passes: keep the ones made.
  // Bounded, since the names come from the page: past the bound the cache starts again.
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    key = matchKey(name).replace(/,/g, ' ').replace(/&/g, ' and ').replace(/ +/g, ' ').replace(/ act$/, '').trim();
    if (NAME_KEYS.size >= MAX_NAME_KEYS) NAME_KEYS.clear();
    NAME_KEYS.set(name, key);
  }
  return key;
}

const BY_NAME = new Map<string, ActEntry[]>();
const CANONICAL_NAME = new Map<string, string>();
for (const act of ACTS) {
  for (const n of [act.name, ...act.aliases]) {
    const key = actNameKey(n);
    const list = BY_NAME.get(key) ?? [];
    list.push(act);
    BY_NAME.set(key, list);
    CANONICAL_NAME.set(key, act.name);
  }
}

/** The name as legislation.gov.uk spells it, when the table knows it ("Children’s Act" -> "Children Act"). */
export function canonicalActName(name: string): string | null {
  return CANONICAL_NAME.get(actNameKey(name)) ?? null;
}

/** True when the words before "Act" (without year) name an Act of the table, under any alias. */
export function isKnownActName(name: string): boolean {
  return BY_NAME.has(actNameKey(name));
}

/**
 * The table entry for a name and year. Without a year, only an Act whose yearless name is
 * safe (see `yearless`) is returned; callers should try the decision's own earlier
 * citations first, since "the Housing Act" after "Housing Act 1996" is unambiguous.
 */
export function lookupAct(name: string, year: number | null): ActEntry | null {
  const list = BY_NAME.get(actNameKey(name));
  if (!list) return null;
  if (year !== null) return list.find((a) => a.year === year) ?? null;
  return list.length === 1 && list[0]!.yearless ? list[0]! : null;
}

export function findActByTitle(title: string): ActEntry | null {
  const m = /^(.*) (\d{4})$/.exec(title.trim());
  if (!m) return null;
  return lookupAct(m[1]!, Number(m[2]));
}

export function isJurisdictionAct(title: string): boolean {
  return JURISDICTION.has(title);
}

const BASE = 'https://www.legislation.gov.uk';

export function actUrl(act: ActEntry): string {
  return `${BASE}/${act.type}/${act.year}/${act.chapter}/contents`;
}

/** `section` is the base section as written in law: "26A", "33ZA". */
export function sectionUrl(act: ActEntry, section: string): string {
  return `${BASE}/${act.type}/${act.year}/${act.chapter}/section/${encodeURIComponent(section)}`;
}

/** `schedule` is the schedule number: "5", "5A", "35B". */
export function scheduleUrl(act: ActEntry, schedule: string): string {
  return `${BASE}/${act.type}/${act.year}/${act.chapter}/schedule/${encodeURIComponent(schedule)}`;
}

/**
 * The link for a provision as the Statute contract holds it: section "26A", schedule
 * "Schedule 5A", or null for the whole Act. Null when the Act is not in the checked table.
 */
export function provisionUrl(actTitle: string, section: string | null): string | null {
  const act = findActByTitle(actTitle);
  if (!act) return null;
  if (section === null) return actUrl(act);
  const sched = /^Schedule (\d{1,3}[A-Z]{0,2})$/.exec(section);
  if (sched) return scheduleUrl(act, sched[1]!);
  if (/^\d{1,4}[A-Z]{0,3}$/.test(section)) return sectionUrl(act, section);
  return null;
}
