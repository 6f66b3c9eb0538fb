import * as vscode from 'vscode';
import { createConceptUseFinder, displayTitle, findConceptUses, type Note } from '../../core';
import { readConfiguration } from '../configuration';
import { toNoteTarget } from '../noteTarget';
import type { NotesHost } from '../notesHost';
import type { ConceptAnalyses } from './conceptAnalyses';
import { listCodeFiles } from './workspaceCodeFiles';
import { HAS_WHERE_USED, WHERE_USED_VIEW_ID, type WhereUsedProvider, type WhereUsedState } from './whereUsedView';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const PROGRESS_EVERY_MS = 150;

/**
 * "Find Where Used": the workspace's Python files and notebooks that use a note's concept, read by the same engine
 * as the hover, shown in the Where Used view. One search at a time: a new one cancels the last.
 */
export class WhereUsedSearch {
  private running: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly host: NotesHost,
    private readonly analyses: ConceptAnalyses,
    private readonly provider: WhereUsedProvider,
    private readonly view: vscode.TreeView<unknown>,
  ) {}

  /** Runs for a note id or tree node, else the concept at the cursor, else asks; resolves with the view's final state. */
  async run(arg?: unknown): Promise<WhereUsedState | undefined> {
    const note = await this.noteFor(arg);
    if (!note) return undefined;
    this.running?.cancel();
    const cancel = (this.running = new vscode.CancellationTokenSource());
    const title = displayTitle(note, this.host.lang());
    await vscode.commands.executeCommand('setContext', HAS_WHERE_USED, true);
    await vscode.commands.executeCommand(`${WHERE_USED_VIEW_ID}.focus`);
    this.view.description = title;
    this.show({ kind: 'searching', noteId: note.id, title, scanned: 0, total: 0 });
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding where {0} is used', title), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => cancel.cancel());
          return this.search(note, title, cancel.token, progress);
        },
      );
    } finally {
      if (this.running === cancel) this.running = undefined;
      cancel.dispose();
    }
  }

  private async search(note: Note, title: string, token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<WhereUsedState> {
    const t0 = Date.now();
    const { maxFiles, maxSeconds } = readConfiguration().whereUsed;
    const [{ matcher }, listed] = await Promise.all([this.analyses.ready(), listCodeFiles(maxFiles, token, (l) => this.host.log.warn(l))]);
    const uris = new Map(listed.files.map((u) => [u.toString(), u]));
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    let lastReport = 0;
    let reported = 0;
    const result = await findConceptUses({
      finder: createConceptUseFinder(matcher, note.id),
      files: [...uris.keys()],
      read: async (key) => {
        const document = open.get(key);
        if (document) return document.getText();
        const uri = uris.get(key)!;
        const size = (await vscode.workspace.fs.stat(uri)).size;
        if (size > MAX_FILE_BYTES) return { skipped: vscode.l10n.t('larger than {0} MiB; not read', MAX_FILE_BYTES / 1024 / 1024) };
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.subarray(0, 8000).includes(0)) return { skipped: vscode.l10n.t('binary content; not read') };
        return new TextDecoder().decode(bytes);
      },
      maxFiles,
      maxMillis: maxSeconds * 1000 - (Date.now() - t0),
      isCancelled: () => token.isCancellationRequested,
      onProgress: (scanned, total, uses) => {
        const now = Date.now();
        if (now - lastReport < PROGRESS_EVERY_MS && scanned < total) return;
        lastReport = now;
        const percent = total ? (scanned / total) * 100 : 100;
        progress.report({ message: vscode.l10n.t('{0} of {1} files, {2} uses', scanned, total, uses), increment: percent - reported });
        reported = percent;
        this.show({ kind: 'searching', noteId: note.id, title, scanned, total });
      },
      yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
    });
    for (const p of result.problems) this.host.log.warn(`where used: ${vscode.Uri.parse(p.file).fsPath}: ${p.message}`);
    const millis = Date.now() - t0;
    this.host.log.info(`where used ${note.id}: ${result.files.length} files with uses, ${result.scanned} searched (${result.parsed} parsed) of ${result.total} in ${millis} ms${result.stopped ? `, stopped: ${result.stopped}` : ''}`);
    const state: WhereUsedState = { kind: 'done', noteId: note.id, title, result, millis, truncatedList: listed.truncated, maxFiles };
    this.show(state);
    return state;
  }

  private show(state: WhereUsedState): void {
    this.provider.set(state);
    this.view.message = this.provider.message();
  }

  private async noteFor(arg: unknown): Promise<Note | undefined> {
    const target = toNoteTarget(arg);
    if (target) return this.host.requireNote(target);
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'python') {
      const hit = await this.analyses.at(editor.document, editor.selection.active);
      if (hit) return this.host.kb.getNote(hit.match.concept.id);
    }
    const snapshot = await this.host.ready();
    const lang = this.host.lang();
    const items = [...snapshot.notes.values()].map((n) => ({ label: displayTitle(n, lang), description: n.id, note: n }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Find where which concept is used?'), matchOnDescription: true });
    return picked?.note;
  }

  dispose(): void {
    this.running?.cancel();
  }
}
