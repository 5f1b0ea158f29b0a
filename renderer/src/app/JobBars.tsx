// The progress of an import and of a re-extraction, each with its Cancel: in the sidebar, or
// floating over the window while the sidebar is hidden.
import { ImportBar } from '../import/ImportViews.tsx';
import type { ImportView } from '../import/import-runs.ts';
import { ReextractBar } from '../reextract/ReextractViews.tsx';
import type { ReextractView } from '../reextract/use-reextract.ts';

interface Props {
  importView: ImportView | null;
  onCancelImport(): void;
  reextractView: ReextractView | null;
  onCancelReextract(): void;
}

export function JobBars({ importView, onCancelImport, reextractView, onCancelReextract }: Props) {
  return (
    <>
      {importView && <ImportBar view={importView} onCancel={onCancelImport} />}
      {reextractView && <ReextractBar view={reextractView} onCancel={onCancelReextract} />}
    </>
  );
}
