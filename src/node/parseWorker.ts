// The entry of a note-parsing worker thread (dist/parseWorker.js): reads and parses the notes of each batch it is
// sent and posts them back as plain data. Reading here is synchronous: it blocks this thread only, and it is several
// times faster than Node's promise-based reads. The parsing is the core's `parseRequests`, which a web worker can run.
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseRequests, type ParseRequest, type SyncFiles } from '../core/parseRequests';
import type { ParseReply } from './parsePool';

const files: SyncFiles = {
  stat(path) {
    const s = fs.statSync(path);
    if (!s.isFile()) throw new Error('not a file');
    return { size: s.size, mtimeMs: s.mtimeMs };
  },
  read: (path) => fs.readFileSync(path),
};

parentPort?.on('message', (message: { seq: number; requests: ParseRequest[] }) => {
  let reply: ParseReply;
  try {
    reply = { seq: message.seq, results: parseRequests(message.requests, files) };
  } catch (e) {
    reply = { seq: message.seq, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
