import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NoteParser, ParseOutcome, ParseRequest } from '../core/parseRequests';

export type ParseReply = { seq: number; results: ParseOutcome[]; error?: undefined } | { seq: number; error: string; results?: undefined };

/** Workers idle this long are stopped (each holds its own heap); the next load starts them again. */
const IDLE_MS = 5000;

export interface ParsePool extends NoteParser {
  /** How many workers it runs at most. */
  readonly size: number;
  dispose(): void;
}

/**
 * How many parse workers suit this machine: one per core, at most four. The extension host's own thread is mostly
 * waiting while they work (on 2 cores, 10,000 notes: 1 worker 3.1 s, 2 workers 2.5 s; loadBench).
 */
export function defaultParseWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve(r: ParseOutcome[]): void; reject(e: Error): void }>;
}

/**
 * Note parsing in worker threads (`script` is the bundled parseWorker.js), so a large notes folder loads without
 * blocking the extension host's thread. Workers start on the first batch and stop when idle. A worker that fails
 * to start or dies rejects its batches (the loader then parses them itself) and the pool gives up on workers.
 */
export function createParsePool(script: string, size = defaultParseWorkers(), log: (m: string) => void = () => {}): ParsePool {
  let slots: Slot[] = [];
  let broken: Error | undefined;
  let seq = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    for (const s of slots) void s.worker.terminate();
    slots = [];
  };
  const fail = (slot: Slot, e: Error) => {
    broken ??= e;
    log(`note parse worker failed (${e.message}); notes are parsed on the extension host's thread from now on`);
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
    slots = slots.filter((s) => s !== slot);
  };
  const start = (): Slot => {
    const worker = new Worker(script);
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: ParseReply) => {
      const p = slot.pending.get(reply.seq);
      if (!p) return;
      slot.pending.delete(reply.seq);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.results);
      if (slot.pending.size === 0) worker.unref();
      if (slots.every((s) => s.pending.size === 0)) scheduleStop();
    });
    worker.on('error', (e) => fail(slot, e));
    worker.on('exit', (code) => {
      if (slot.pending.size > 0) fail(slot, new Error(`worker exited with code ${code}`));
      slots = slots.filter((s) => s !== slot);
    });
    return slot;
  };
  /** An idle worker, else a new one while there are fewer than `size`, else the least busy. */
  const pick = (): Slot => {
    const free = slots.find((s) => s.pending.size === 0);
    if (free) return free;
    if (slots.length < size) {
      slots.push(start());
      return slots[slots.length - 1];
    }
    return slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };
  const scheduleStop = () => {
    clearTimeout(idle);
    idle = setTimeout(stop, IDLE_MS);
    idle.unref?.();
  };

  return {
    size,
    readsFiles: true,
    parse(requests: ParseRequest[]) {
      if (broken) return Promise.reject(broken);
      clearTimeout(idle);
      let slot: Slot;
      try {
        slot = pick();
      } catch (e) {
        broken = e as Error;
        log(`note parse worker could not start (${broken.message}); notes are parsed on the extension host's thread`);
        return Promise.reject(broken);
      }
      const id = ++seq;
      return new Promise<ParseOutcome[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        // Held (ref) only while it has work: an idle worker never keeps a CLI process alive.
        slot.worker.ref();
        slot.worker.postMessage({ seq: id, requests });
      });
    },
    dispose() {
      clearTimeout(idle);
      broken ??= new Error('disposed');
      for (const s of slots) for (const p of s.pending.values()) p.reject(broken);
      stop();
    },
  };
}
