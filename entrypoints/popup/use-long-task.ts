/**
 * A long export or import under way (a backup, a case pack): its progress in words, and the controller
 * that cancels it. One at a time; the list stops re-reading while an import writes (`importing`).
 */
import { useState } from 'preact/hooks';
import type { TaskProgress } from '../../components/library/ImportExport';

export function useLongTask() {
  const [task, setTask] = useState<{ progress: TaskProgress; controller: AbortController } | null>(null);
  return {
    progress: task?.progress ?? null,
    importing: task?.progress.kind === 'import',
    cancel: task ? () => task.controller.abort() : undefined,
    /** Shows a task's progress (with the controller Cancel aborts), or, given null, that none is under way. */
    setTask,
  };
}

export type LongTask = ReturnType<typeof useLongTask>;
