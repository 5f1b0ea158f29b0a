// The context menu of clips in the list: which items it has, what they are called and which
// apply — the same for the native menu of the desktop app and the page's own in browser mode.
import type { MenuEntry } from '../common/ContextMenu.tsx';
import { IS_MAC, keyName } from '../common/keys.ts';

export type ClipMenuAction = 'open-original' | 'show-in-folder' | 'reextract' | 'copy-citation' | 'press-review' | 'tag' | 'star' | 'delete';

export interface ClipMenuState {
  /** How many clips the menu acts on. */
  count: number;
  /** Every one of them is starred: the item unstars. */
  allStarred: boolean;
  /** One clip whose original file is in the library. */
  originalAvailable: boolean;
  /** The desktop app: a file manager to show the file in. */
  desktop: boolean;
}

export function clipMenuItems(s: ClipMenuState): (MenuEntry & { id: ClipMenuAction })[] {
  const one = s.count === 1;
  const items: (MenuEntry & { id: ClipMenuAction })[] = [
    { id: 'open-original', label: 'Open Original', enabled: one && s.originalAvailable },
  ];
  if (s.desktop) items.push({ id: 'show-in-folder', label: IS_MAC ? 'Show in Finder' : 'Show in Folder', enabled: one && s.originalAvailable });
  items.push(
    // Opens the style picker (APA, Chicago, MLA), hence the ellipsis.
    { id: 'copy-citation', label: one ? 'Copy Citation…' : 'Copy Citations…' },
    { id: 'press-review', label: one ? 'Press Review…' : `Press Review of ${s.count} Clips…` },
    { id: 'tag', label: 'Tag…', hint: 'T', separatorBefore: true },
    { id: 'star', label: s.allStarred ? 'Unstar' : 'Star' },
    // Read again from the stored original(s); for several clips, one whose original is gone is named at the end.
    { id: 'reextract', label: one ? 'Re-extract' : `Re-extract ${s.count} Clips`, enabled: !one || s.originalAvailable, separatorBefore: true },
    { id: 'delete', label: one ? 'Delete' : `Delete ${s.count} Clips`, hint: IS_MAC ? keyName('Backspace') : 'Del', danger: true, separatorBefore: true },
  );
  return items;
}
