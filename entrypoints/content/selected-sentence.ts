/**
 * The sentence a person selected in the decision, for "Add from selection": which block of the parsed
 * document the selection is in (its page element), and which of that block's sentences (split as the
 * parser splits them) holds it. An added item carries that sentence, block and paragraph as its
 * evidence, like any item the parser read: nothing is added from text that is not one of the
 * statement's sentences.
 *
 * The selection is remembered as it changes (`trackSelection`): pressing a button in the sidebar can
 * clear the page's selection before the click is handled.
 */
import type { DecisionDoc } from '../../lib/parser/model';
import { splitSentences } from '../../lib/parser/sentences/sentences';
import type { SelectedSentence } from '../../components/CorrectionControls';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The selected sentence, or in words why there is none. */
export function sentenceOfSelection(
  selection: Selection | null,
  doc: DecisionDoc,
  elements: readonly Element[],
): SelectedSentence | string {
  const chosen = selection && selection.rangeCount > 0 ? normalise(selection.toString()) : '';
  if (!selection || !chosen) return 'Select a sentence of the decision first, then press this again.';
  const node = selection.getRangeAt(0).startContainer;
  // Items of a list come after the paragraph that holds them: the last element containing the selection is the innermost.
  let block = -1;
  elements.forEach((el, i) => {
    if (el.contains(node)) block = i;
  });
  const text = doc.blocks[block]?.text;
  if (block < 0 || !text) return 'The selection is not in the decision’s statement: select a sentence of a numbered paragraph.';
  const sentences = splitSentences(text);
  const start = chosen.slice(0, 40);
  const sentence = sentences.find((s) => s.includes(chosen)) ?? sentences.find((s) => s.includes(start));
  if (!sentence) return 'The selection could not be matched to one sentence: select text within a single sentence.';
  return { block, paragraph: doc.blocks[block]!.paragraph, sentence };
}

/** Follows the page's selection; `current()` is the last sentence selected in the decision (or why there is none). */
export function trackSelection(
  document: Document,
  doc: DecisionDoc,
  elements: readonly Element[],
): { current: () => SelectedSentence | string; stop: () => void } {
  let last: SelectedSentence | string = sentenceOfSelection(null, doc, elements);
  const onChange = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed) return; // a click elsewhere (the sidebar's button) keeps the last one
    last = sentenceOfSelection(selection, doc, elements);
  };
  document.addEventListener('selectionchange', onChange);
  return { current: () => last, stop: () => document.removeEventListener('selectionchange', onChange) };
}
