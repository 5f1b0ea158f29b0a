// The keyboard shortcuts, grouped by where they act (? or Help ▸ Keyboard Shortcuts).
import { Fragment } from 'react';
import { IS_MAC, keyName } from '../common/keys.ts';
import { Modal } from '../common/Modal.tsx';
import { SHORTCUTS, type Chord } from './shortcuts.ts';

export function Keys({ chord }: { chord: Chord }) {
  // A Mac writes chords as adjacent symbols (⌘F); elsewhere they are joined with "+".
  return (
    <span className="chord">
      {chord.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && !IS_MAC && <span className="chord-plus">+</span>}
          <kbd>{keyName(k)}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

export function ShortcutsDialog({ desktop, onClose }: { desktop: boolean; onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcuts-modal">
      <div className="shortcut-groups">
        {SHORTCUTS.filter((g) => desktop || !g.desktopOnly).map((g) => (
          <section key={g.title} className="shortcut-group">
            <h3>{g.title}</h3>
            <dl>
              {g.shortcuts.map((s) => (
                <div key={s.what} className="shortcut">
                  <dt>{s.what}</dt>
                  <dd>
                    {s.keys.map((chord, i) => (
                      <Fragment key={chord.join('+')}>
                        {i > 0 && <span className="chord-or">or</span>}
                        <Keys chord={chord} />
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
