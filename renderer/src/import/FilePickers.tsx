// Browser mode's Import… and Folder…: hidden file inputs that the buttons open. (The desktop
// app shows its native dialog instead; see chooseAndImport in use-importer.ts.)
import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { DroppedFile } from './dropped-files.ts';

export interface FilePickersHandle {
  open(kind: 'files' | 'folder'): void;
}

export const FilePickers = forwardRef<FilePickersHandle, { onPick(files: DroppedFile[]): void }>(function FilePickers({ onPick }, ref) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  useImperativeHandle(ref, () => ({
    open(kind) {
      (kind === 'files' ? files : folder).current?.click();
    },
  }));

  const picked = (input: HTMLInputElement) => {
    if (!input.files) return;
    const chosen: DroppedFile[] = Array.from(input.files)
      .filter((f) => !f.name.startsWith('.'))
      .map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    // Cleared, so that choosing the same files again is a change too.
    input.value = '';
    onPick(chosen);
  };

  return (
    <>
      <input ref={files} type="file" multiple hidden onChange={(e) => picked(e.currentTarget)} aria-label="Choose files to import" />
      <input
        ref={(el) => {
          folder.current = el;
          // Not in React's attribute list: set by hand.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        onChange={(e) => picked(e.currentTarget)}
        aria-label="Choose a folder to import"
      />
    </>
  );
});
