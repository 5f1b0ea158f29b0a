// The sidebar's changes to the library's tags and saved searches. A tag renamed, merged away
// or deleted is changed in the list's tag filter too, so the list keeps showing the same clips.
import type { Dispatch, SetStateAction } from 'react';
import type { Api, Tag } from '../../../electron/api.ts';
import { plural } from '../common/format.ts';
import type { ShowToast } from '../common/toasts.tsx';

interface Options {
  api: Api;
  setFilterTags: Dispatch<SetStateAction<string[]>>;
  refresh(): void;
  show: ShowToast;
  toastError(message: string): void;
}

export function useTagActions({ api, setFilterTags, refresh, show, toastError }: Options) {
  /** Runs a change, then refreshes; a failure is a toast. */
  const libraryAction = async (f: () => Promise<unknown>) => {
    try {
      await f();
      refresh();
    } catch (e) {
      toastError((e as Error).message);
    }
  };

  const deleteTag = async (tag: Tag) => {
    try {
      const r = await api.deleteTag({ id: tag.id });
      setFilterTags((ts) => ts.filter((t) => t.toLowerCase() !== tag.name.toLowerCase()));
      refresh();
      show({
        message: `Deleted tag “${r.name}”${r.clipIds.length ? ` from ${plural(r.clipIds.length, 'clip')}` : ''}.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.createTag({ name: r.name, colour: r.colour });
              if (r.clipIds.length) await api.tagClips({ ids: r.clipIds, tags: [r.name] });
              refresh();
            } catch (e) {
              toastError((e as Error).message);
            }
          },
        },
      });
    } catch (e) {
      toastError((e as Error).message);
    }
  };

  const renameTag = (t: Tag, name: string) => {
    setFilterTags((ts) => ts.map((x) => (x.toLowerCase() === t.name.toLowerCase() ? name : x)));
    void libraryAction(() => api.renameTag({ id: t.id, name }));
  };

  const mergeTags = (from: Tag, into: Tag) => {
    setFilterTags((ts) => ts.filter((x) => x.toLowerCase() !== from.name.toLowerCase()));
    void libraryAction(async () => {
      await api.mergeTags({ from: [from.id], into: into.id });
      show({ message: `Merged “${from.name}” into “${into.name}”.` });
    });
  };

  const recolourTag = (t: Tag, colour: string) => libraryAction(() => api.recolourTag({ id: t.id, colour }));

  return { libraryAction, deleteTag, renameTag, mergeTags, recolourTag };
}
