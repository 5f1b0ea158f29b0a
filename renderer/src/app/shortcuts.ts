// Every keyboard shortcut of the window, as the shortcuts dialog lists them. The keys
// themselves are handled where they act (use-window-keys.ts, the search box, the list, the tag
// field, the timeline, menus and dialogs, and in the desktop app the application menu's
// accelerators in electron/shell/menu-template.ts); a shortcut added there belongs here too.

/** One way to press it: keys held together ("Mod" is ⌘ on a Mac, Ctrl elsewhere). */
export type Chord = string[];

export interface Shortcut {
  what: string;
  /** Alternatives, any one of which does it. */
  keys: Chord[];
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
  /** The application menu's accelerators: listed only in the desktop app. */
  desktopOnly?: boolean;
}

/** The key that shows or hides the sidebar (the desktop app's menu has the same accelerator, CmdOrCtrl+\). */
export const SIDEBAR_KEY: Chord = ['Mod', '\\'];

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Window',
    shortcuts: [
      { what: 'Search the library', keys: [['/'], ['Mod', 'F']] },
      { what: 'Show or hide the sidebar', keys: [SIDEBAR_KEY] },
      { what: 'Show the keyboard shortcuts', keys: [['?'], ['Mod', '/']] },
      { what: 'Export clips', keys: [['Mod', 'Shift', 'E']] },
      { what: 'Compile a press review', keys: [['Mod', 'Shift', 'P']] },
    ],
  },
  {
    title: 'Application menu',
    desktopOnly: true,
    shortcuts: [
      { what: 'Import files', keys: [['Mod', 'O']] },
      { what: 'Import a folder', keys: [['Mod', 'Shift', 'O']] },
      { what: 'Zoom in or out', keys: [['Mod', '+'], ['Mod', '-']] },
      { what: 'Actual size', keys: [['Mod', '0']] },
    ],
  },
  {
    title: 'Clip list',
    shortcuts: [
      { what: 'Previous or next clip', keys: [['↑'], ['↓']] },
      { what: 'A screen up or down', keys: [['Page Up'], ['Page Down']] },
      { what: 'First or last clip', keys: [['Home'], ['End']] },
      { what: 'Extend the selection', keys: [['Shift', '↑'], ['Shift', '↓']] },
      { what: 'Select all', keys: [['Mod', 'A']] },
      { what: 'Add a clip to the selection', keys: [['Mod', 'Click']] },
      { what: 'Select a range', keys: [['Shift', 'Click']] },
      { what: 'Open the clip; again to focus on it', keys: [['Enter']] },
      { what: 'Leave focus, or clear the search', keys: [['Esc']] },
      { what: 'Tag the selected clips', keys: [['T']] },
      { what: 'Delete the selected clips', keys: [['Delete'], ['Backspace']] },
      { what: 'Menu of the clip', keys: [['Shift', 'F10'], ['Menu']] },
    ],
  },
  {
    title: 'Clip record',
    shortcuts: [
      { what: 'Correct the headline, outlet, author, date or link', keys: [['E']] },
      { what: 'Next or previous field', keys: [['Tab'], ['Shift', 'Tab']] },
      { what: 'Save the correction', keys: [['Enter']] },
      { what: 'Cancel the correction', keys: [['Esc']] },
    ],
  },
  {
    title: 'Search box',
    shortcuts: [
      { what: 'Go to the results', keys: [['↓']] },
      { what: 'Search whole words, go to the results', keys: [['Enter']] },
      { what: 'Clear the search; again to leave', keys: [['Esc']] },
    ],
  },
  {
    title: 'Tags and notes',
    shortcuts: [
      { what: 'Choose a suggested tag', keys: [['↑'], ['↓']] },
      { what: 'Add the tag', keys: [['Enter'], [',']] },
      { what: 'Clear the tag field; again to leave', keys: [['Esc']] },
      { what: 'Leave the note (it is kept)', keys: [['Esc']] },
    ],
  },
  {
    title: 'Highlights',
    shortcuts: [
      { what: 'Highlight the words selected in the article', keys: [['H']] },
      { what: 'Highlight them and write a note', keys: [['Shift', 'H']] },
      { what: 'Save the note on a highlight', keys: [['Mod', 'Enter']] },
    ],
  },
  {
    title: 'Timeline',
    shortcuts: [
      { what: 'Show the clips of a period', keys: [['Enter'], ['Space']] },
      { what: 'Show the clips of several periods', keys: [['Drag']] },
    ],
  },
  {
    title: 'Menus and dialogs',
    shortcuts: [
      { what: 'Move between items', keys: [['↑'], ['↓']] },
      { what: 'First or last item', keys: [['Home'], ['End']] },
      { what: 'Choose', keys: [['Enter']] },
      { what: 'Close', keys: [['Esc']] },
    ],
  },
];
