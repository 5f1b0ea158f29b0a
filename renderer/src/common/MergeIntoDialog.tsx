// "Merge “X” into…": one choice among the others of its kind (outlets, entities), with what a
// merge does said above it. The one chosen keeps its name; the caller merges and offers Undo.
import { useState, type ReactNode } from 'react';
import { Modal } from './Modal.tsx';

interface Props<T> {
  /** The name of what is merged away. */
  name: string;
  text: ReactNode;
  choices: T[];
  keyOf(choice: T): string | number;
  labelOf(choice: T): string;
  onClose(): void;
  onMerge(into: T): void;
}

export function MergeIntoDialog<T>({ name, text, choices, keyOf, labelOf, onClose, onMerge }: Props<T>) {
  const [into, setInto] = useState(choices[0] === undefined ? '' : String(keyOf(choices[0])));
  const target = choices.find((c) => String(keyOf(c)) === into);
  return (
    <Modal title={`Merge “${name}”`} onClose={onClose}>
      <p className="modal-text">{text}</p>
      <label className="field">
        <span>Merge into</span>
        <select value={into} onChange={(e) => setInto(e.target.value)}>
          {choices.map((c) => (
            <option key={keyOf(c)} value={String(keyOf(c))}>
              {labelOf(c)}
            </option>
          ))}
        </select>
      </label>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" disabled={!target} onClick={() => target && onMerge(target)}>
          Merge
        </button>
      </div>
    </Modal>
  );
}
