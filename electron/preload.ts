// The preload: exposes the Api (one function per contract method), its events and the
// paths of dropped files — nothing else. No ipcRenderer, no Node, no catch-all bridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_METHODS, type Api, type ApiEventName, type ApiEvents, type CuttingsBridge } from './api.ts';

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (args: unknown) => {
      const reply = (await ipcRenderer.invoke('cuttings:call', method, args ?? {})) as Reply;
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.result;
    },
  ]),
) as unknown as Api;

const bridge: CuttingsBridge = {
  api,
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as ApiEvents[E]);
    };
    ipcRenderer.on('cuttings:event', handler);
    return () => {
      ipcRenderer.removeListener('cuttings:event', handler);
    };
  },
  pathsForFiles(files: File[]) {
    return files.map((f) => webUtils.getPathForFile(f)).filter((p) => !!p);
  },
};

contextBridge.exposeInMainWorld('cuttings', bridge);
