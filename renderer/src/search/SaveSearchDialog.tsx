// Save search: the query on screen kept in the sidebar under a name (the query itself, at first).
import { useState } from 'react';
import { Modal } from '../common/Modal.tsx';

export function SaveSearchDialog({ query, onClose, onSave }: { query: string; onClose(): void; onSave(name: string): void }) {
  const [name, setName] = useState(query);
  return (
    <Modal title="Save search" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="modal-text subtle">Query: {query}</p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
