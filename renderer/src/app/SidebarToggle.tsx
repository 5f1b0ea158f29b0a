// The button that hides and shows the sidebar (also Ctrl/Cmd+\ and View ▸ Toggle Sidebar).
import { IS_MAC, keyName } from '../common/keys.ts';
import { SIDEBAR_KEY } from './shortcuts.ts';

const SHORTCUT = SIDEBAR_KEY.map(keyName).join(IS_MAC ? '' : '+');

export function SidebarToggle({ hidden, onToggle }: { hidden: boolean; onToggle(): void }) {
  const label = hidden ? 'Show sidebar' : 'Hide sidebar';
  return (
    <button
      type="button"
      className={`sidebar-toggle${hidden ? '' : ' on'}`}
      aria-label={label}
      aria-controls="sidebar"
      aria-expanded={!hidden}
      aria-keyshortcuts={IS_MAC ? 'Meta+\\' : 'Control+\\'}
      title={`${label} (${SHORTCUT})`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M6 3v10" stroke="currentColor" strokeWidth="1.3" />
        <path d="M3.4 5.5h1.2M3.4 7.5h1.2M3.4 9.5h1.2" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
      </svg>
    </button>
  );
}
