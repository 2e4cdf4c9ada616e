/** The page's side of the inference worker: promise-returning calls plus progress/backend events. */
import type { BackendReport } from './backend-choice';
import type { CallName, Calls, Task, WorkerMessage } from './protocol';

export class WorkerCallError extends Error {
  constructor(message: string, readonly kind: string) {
    super(message);
    this.name = 'WorkerCallError';
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface WorkerEvents {
  progress: (task: Task, loadedBytes: number, totalBytes: number) => void;
  backend: (report: BackendReport) => void;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: { [K in keyof WorkerEvents]: Set<WorkerEvents[K]> } = { progress: new Set(), backend: new Set() };

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      const error = new WorkerCallError(`The model worker stopped: ${event.message || 'unknown error'}. Reload the page to start it again.`, 'runtime');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  call<K extends CallName>(call: K, params: Calls[K]['params'], transfer: Transferable[] = []): Promise<Calls[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, call, params }, transfer);
    });
  }

  on<K extends keyof WorkerEvents>(event: K, listener: WorkerEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  private receive(message: WorkerMessage) {
    switch (message.type) {
      case 'progress':
        for (const l of this.listeners.progress) l(message.task, message.loadedBytes, message.totalBytes);
        return;
      case 'backend':
        for (const l of this.listeners.backend) l(message.report);
        return;
      case 'result':
      case 'error': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (message.type === 'result') pending.resolve(message.value);
        else pending.reject(new WorkerCallError(message.message, message.kind));
      }
    }
  }
}
