/** Where decisions live (both host names, either capitalisation the site uses): the content scripts' match patterns. */
export const DECISION_PAGES = [
  '*://www.lgo.org.uk/decisions/*',
  '*://lgo.org.uk/decisions/*',
  '*://www.lgo.org.uk/Decisions/*',
  '*://lgo.org.uk/Decisions/*',
];
