// Quitting while an import runs asks first, and the library is closed only once the import
// has really stopped: a clip is never left half-stored because the window went away.

export interface QuitSteps {
  /** Imports still running. */
  activeImports(): readonly string[];
  /** "An import is running: stop it and quit?" — true to stop and quit. */
  confirmStop(): Promise<boolean>;
  stopImports(): Promise<void>;
  /** Closes the library (after the imports have stopped). */
  close(): Promise<void>;
  /** Quits for real; the guard lets this second request through. */
  quit(): void;
}

export class QuitGuard {
  private state: 'open' | 'asking' | 'closing' | 'closed' = 'open';

  constructor(private readonly steps: QuitSteps) {}

  /** For app's before-quit: `preventDefault` is called unless the app may go now. */
  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.state === 'closed') return;
    event.preventDefault();
    if (this.state !== 'open') return; // already asking or closing: one at a time
    void this.run();
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  private async run(): Promise<void> {
    if (this.steps.activeImports().length > 0) {
      this.state = 'asking';
      const stop = await this.steps.confirmStop().catch(() => false);
      if (!stop) {
        this.state = 'open';
        return;
      }
    }
    this.state = 'closing';
    try {
      await this.steps.stopImports();
    } finally {
      await this.steps.close().catch(() => undefined);
      this.state = 'closed';
      this.steps.quit();
    }
  }
}
