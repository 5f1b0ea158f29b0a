// The preload: exposes the Api (one function per contract method), its events, and the
// desktop-only calls — nothing else. No ipcRenderer, no Node, no catch-all bridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  API_METHODS, IPC_CHANNEL, IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL,
  type Api, type ApiEventName, type ApiEvents, type CuttingsBridge, type DesktopBridge, type ExportRequest, type MenuChoice, type ReviewRequest, type ShellCommand, type ShellMethod, type ShellMethods,
} from './api.ts';

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

async function call(method: string, args: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(IPC_CHANNEL, method, args ?? {})) as Reply;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result;
}

const shellCall = <M extends ShellMethod>(method: M, args: ShellMethods[M]['args']) => call(method, args) as Promise<ShellMethods[M]['result']>;

const api = Object.fromEntries(API_METHODS.map((method) => [method, (args: unknown) => call(method, args)])) as unknown as Api;

const desktop: DesktopBridge = {
  importFiles(files: File[]) {
    // Only a File the user dropped or picked has a path; one made by a script in the page has
    // none, so the page cannot name a file of its own choosing.
    const paths = Array.from(files ?? [])
      .map((f) => {
        try {
          return webUtils.getPathForFile(f);
        } catch {
          return ''; // not a File at all
        }
      })
      .filter((p) => !!p);
    if (!paths.length) return Promise.reject(new Error('Nothing to import: those files have no place on this computer.'));
    return shellCall('importDropped', { paths });
  },
  chooseAndImport(kind: 'files' | 'folder') {
    return shellCall('chooseAndImport', { kind });
  },
  async popupMenu(items: MenuChoice[]) {
    return (await shellCall('popupMenu', { items })).chosen;
  },
  exportTo(request: ExportRequest) {
    return shellCall('exportTo', request);
  },
  compileReviewTo(request: ReviewRequest) {
    return shellCall('compileReviewTo', request);
  },
  onCommand(listener: (command: ShellCommand) => void) {
    const handler = (_e: Electron.IpcRendererEvent, command: ShellCommand) => listener(command);
    ipcRenderer.on(IPC_COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_COMMAND_CHANNEL, handler);
    };
  },
};

const bridge: CuttingsBridge = {
  api,
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as ApiEvents[E]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
  desktop,
};

contextBridge.exposeInMainWorld('cuttings', bridge);
