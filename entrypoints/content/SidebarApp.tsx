/**
 * The sidebar's state: view (expanded / collapsed / closed), marks in the page,
 * citation copying. Wires the presentational <Sidebar> to the page through
 * injected functions, so it has no extension API of its own and tests can drive it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DecisionSummary } from '../../lib/schema';
import { citation } from '../../lib/citation';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import type { LocateTarget } from '../../components/ParagraphLink';
import type { PageMarks } from './page-marks';
import type { SidebarView } from './sidebar-view';

export interface SidebarAppProps {
  summary: DecisionSummary;
  marks: PageMarks;
  initialView: SidebarView;
  onViewChange: (view: SidebarView) => void;
  copyText: (text: string) => Promise<boolean>;
  /** Lets the content script toggle the sidebar (keyboard shortcut) from outside. */
  registerToggle: (toggle: () => void) => void;
  save?: SidebarProps['save'];
  notice?: string | null;
}

export function SidebarApp(props: SidebarAppProps) {
  const { summary, marks } = props;
  const [view, setView] = useState<SidebarView>(props.initialView);
  const [marksOn, setMarksOn] = useState(false);
  const [copyState, setCopyState] = useState<SidebarProps['copyState']>('idle');
  const changedByUser = useRef(false);
  const hostRef = useRef<HTMLDivElement>(null);

  const changeView = useCallback(
    (next: SidebarView) => {
      changedByUser.current = true;
      setView(next);
      props.onViewChange(next);
    },
    [props.onViewChange],
  );

  useEffect(() => {
    props.registerToggle(() => changeView(view === 'expanded' ? 'closed' : 'expanded'));
  }, [view, changeView]);

  // Move focus only after the reader acted: never steal it from the page on load.
  useEffect(() => {
    if (!changedByUser.current) return;
    const root = hostRef.current;
    if (view === 'expanded') root?.querySelector<HTMLElement>('.ol-toolbar button')?.focus();
    if (view === 'collapsed') root?.querySelector<HTMLElement>('.ol-tab')?.focus();
  }, [view]);

  useEffect(() => () => marks.dispose(), [marks]);

  const onLocate = useCallback((target: LocateTarget) => marks.locate(target), [marks]);

  const onToggleMarks = () => {
    if (marksOn) marks.clearMarks();
    else
      marks.markAll(
        summary.faults.map((f) => ({ block: f.block, sentence: f.text })),
        summary.remedies.map((r) => ({ block: r.block, sentence: r.text })),
      );
    setMarksOn(!marksOn);
  };

  const onCopyCitation = async () => {
    const ok = await props.copyText(citation(summary));
    setCopyState(ok ? 'copied' : 'failed');
  };

  if (view === 'closed') return null;
  return (
    <div ref={hostRef}>
      <Sidebar
        summary={summary}
        view={view}
        marksOn={marksOn}
        copyState={copyState}
        save={props.save ?? null}
        notice={props.notice ?? null}
        onLocate={onLocate}
        onToggleMarks={onToggleMarks}
        onCopyCitation={onCopyCitation}
        onCollapse={() => changeView('collapsed')}
        onExpand={() => changeView('expanded')}
        onClose={() => {
          if (marksOn) {
            marks.clearMarks();
            setMarksOn(false);
          }
          changeView('closed');
        }}
      />
    </div>
  );
}
