// Short notes at the bottom of the window, some with an action (Undo).
import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run(): void | Promise<void> };
  tone?: 'info' | 'error';
}

export type ShowToast = (t: Omit<Toast, 'id'>) => void;

export function useToasts(): { toasts: Toast[]; show: ShowToast; dismiss(id: number): void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>(
    (t) => {
      const id = next.current++;
      setToasts((ts) => [...ts.slice(-2), { ...t, id }]);
      window.setTimeout(() => dismiss(id), t.action || t.tone === 'error' ? 12_000 : 5_000);
    },
    [dismiss],
  );
  return { toasts, show, dismiss };
}

export function ToastStack({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast${t.tone === 'error' ? ' error' : ''}`}>
          <span className="toast-text">{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(t.id);
                void t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
