/**
 * Text clean-up shared by both front ends. Decision pages mix curly and straight
 * apostrophes, non-breaking spaces and (in copies) zero-width characters; matching
 * is done on normalised text, but what is shown to a reader keeps the page's quotes.
 */

/** Collapse whitespace (including NBSP) and drop invisible format characters. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g, '')
      // Every run of spaces (\s covers NBSP and the other Unicode spaces) becomes one plain
      // space. A lone plain space is left alone rather than replaced by itself: matching each
      // one was the costliest part of the parse. Runs start at a space followed by more, or at
      // any other space.
      .replace(/ \s+|[^\S ]\s*/g, ' ')
      .trim()
  );
}

/** For matching only: straight apostrophes and quotes, lower case. */
export function matchKey(text: string): string {
  return cleanText(text)
    .replace(/[\u2018\u2019\u02BC\u2032]/g, "'")
    .replace(/[\u201C\u201D\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase();
}
