/**
 * What the app has to say above whatever view is shown: a problem (a write refused, an export that
 * failed) and a notice (something done that the person should know, not a failure). Each stays until
 * dismissed or replaced.
 */
import { useState } from 'preact/hooks';

export function useMessages() {
  const [problem, setProblem] = useState<string | null>(null);
  // Something done that the person should know, not a failure: an undo that merged into a copy saved since.
  const [notice, setNotice] = useState<string | null>(null);
  return { problem, setProblem, notice, setNotice };
}

export type Messages = ReturnType<typeof useMessages>;
