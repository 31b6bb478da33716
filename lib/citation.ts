/** How a provision of an Act is named. (How a decision is cited: lib/case-citation/.) */
type Provision = { act: string; section: string | null; subsection: string | null };

/** "s.47" for a section, "Schedule 5" as is. */
function sectionLabel(section: string): string {
  return section.startsWith('Schedule') ? section : `s.${section}`;
}

/**
 * One way to name a provision everywhere: "Children Act 1989, s.47(1)" in the
 * sidebar, "Children Act 1989 s.47(1)" in CSV (`separator: ' '`), and without
 * the subsection ("Children Act 1989 s.47") as the library's filter key.
 */
export function statuteLabel(statute: Provision, options: { separator?: string; subsection?: boolean } = {}): string {
  if (!statute.section) return statute.act;
  const { separator = ', ', subsection = true } = options;
  return `${statute.act}${separator}${sectionLabel(statute.section)}${subsection ? (statute.subsection ?? '') : ''}`;
}
