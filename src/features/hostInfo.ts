import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { HostKind } from './platform';
import type { NotesHost } from './notesHost';

/** What "Show Extension Host Info" reports (and returns, for tests). */
export interface HostInfo {
  host: HostKind;
  notes: number;
  /** Milliseconds from activation to the first load of the notes. */
  loadMs?: number;
  /** Milliseconds from activation to the tree's first rows of notes (undefined: the tree has not shown them yet). */
  treeMs?: number;
  /** The last load's note cache hits and misses (a warm start reads its notes from the cache). */
  cacheHits: number;
  cacheMisses: number;
  /** Milliseconds of the first concept hover with a formula, its SVG included. */
  firstHoverMs?: number;
}

export async function hostInfo(host: NotesHost): Promise<HostInfo> {
  const t = host.timings;
  const stats = (await host.noteCache.catch(() => undefined))?.stats ?? { hits: 0, misses: 0 };
  return {
    cacheHits: stats.hits,
    cacheMisses: stats.misses,
    host: host.hostKind,
    notes: host.kb.current?.notes.size ?? 0,
    loadMs: t.firstLoad === undefined ? undefined : t.firstLoad - t.activated,
    treeMs: t.treePopulated === undefined ? undefined : t.treePopulated - t.activated,
    firstHoverMs: t.firstHoverMs,
  };
}

/** "AI Notes: Show Extension Host Info": which host runs the extension (Node or the browser's web worker), and its timings. */
export function activateHostInfo(context: vscode.ExtensionContext, host: NotesHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showHostInfo, async () => {
      const info = await hostInfo(host);
      const ms = (n: number | undefined) => (n === undefined ? '–' : String(n));
      const where = info.host === 'web' ? vscode.l10n.t('the web extension host (browser)') : vscode.l10n.t('the node extension host');
      const message = vscode.l10n.t('AI Notes runs in {0} [host={1}]: {2} notes; loaded {3} ms and tree shown {4} ms after activation (note cache: {5} hits, {6} misses); first formula hover {7} ms.', where, info.host, info.notes, ms(info.loadMs), ms(info.treeMs), info.cacheHits, info.cacheMisses, ms(info.firstHoverMs));
      // Not localised: numbers for a bug report and the e2e output.
      const t = host.timings;
      const load = t.loadStarted !== undefined && t.firstLoad !== undefined ? ` [load ${t.firstLoad - t.loadStarted} ms from its start ${t.loadStarted - t.activated} ms after activation]` : '';
      const full = `${message}${load}${t.firstHoverStages ? ` (${t.firstHoverStages})` : ''}`;
      host.log.info(full);
      void vscode.window.showInformationMessage(full);
      return info;
    }),
  );
}
