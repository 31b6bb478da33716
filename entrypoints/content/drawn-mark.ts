/**
 * The end of the extension's work on a page, for the bench's long-task figure: the frame in which no
 * list of the sidebar is still arriving in portions (components/use-portions.ts shows `.ol-more` until
 * its list is whole). On a decision that is the frame of the findings themselves.
 */
export const DRAWN_MARK = 'ombudsman-lens:drawn';

export function markWhenDrawn(root: ParentNode, mark: () => void = () => performance.mark(DRAWN_MARK)): void {
  const check = () => {
    if (root.querySelector('.ol-more')) requestAnimationFrame(check);
    else mark();
  };
  check();
}
