import * as vscode from 'vscode';
import { Commands, toNoteTarget, type NoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { writeClipboard } from './clipboard';
import { parsePreviewState } from '../../shared/previewProtocol';
import { NotePreview, PREVIEW_VIEW_TYPE, previewWebviewOptions } from './notePreview';

export { PREVIEW_VIEW_TYPE } from './notePreview';

/** The preview panels of the window. Notes open in the most recently focused one; there is normally one. */
class NotePreviews implements vscode.Disposable {
  private readonly previews = new Set<NotePreview>();

  constructor(private readonly host: NotesHost) {}

  /** The panel notes open in: the last one focused. */
  get current(): NotePreview | undefined {
    let best: NotePreview | undefined;
    for (const p of this.previews) if (!best || p.lastActive > best.lastActive) best = p;
    return best;
  }

  open(target: NoteTarget, options: { side?: boolean; preserveFocus?: boolean } = {}): NotePreview {
    let preview = this.current;
    const column = options.side ? vscode.ViewColumn.Beside : preview?.panel.viewColumn ?? vscode.ViewColumn.Active;
    if (preview) {
      preview.panel.reveal(column, options.preserveFocus);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        target.id,
        { viewColumn: column, preserveFocus: options.preserveFocus },
        { ...previewWebviewOptions(this.host), enableFindWidget: true, retainContextWhenHidden: false },
      );
      preview = this.adopt(panel);
    }
    preview.lastActive = Date.now();
    preview.show(target);
    return preview;
  }

  /** A panel VS Code restored after a window reload. */
  async restore(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    const state = parsePreviewState(rawState);
    const preview = this.adopt(panel);
    await this.host.ready();
    if (!state) {
      // Nothing to show: a blank panel would only confuse.
      preview.dispose();
      return;
    }
    preview.show({ id: state.id }, { kind: 'offset', top: state.top, line: state.line, delta: state.delta });
  }

  refresh(): void {
    for (const p of this.previews) p.refresh();
  }

  private adopt(panel: vscode.WebviewPanel): NotePreview {
    const preview = new NotePreview(panel, this.host);
    this.previews.add(preview);
    preview.onDidDispose(() => this.previews.delete(preview));
    return preview;
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    this.previews.clear();
  }
}

/** `[[id]]` or `[[id#heading]]`: the wiki-link form notes use to link each other (the preview follows it). */
export function noteLink(target: NoteTarget): string {
  return target.heading ? `[[${target.id}#${target.heading}]]` : `[[${target.id}]]`;
}

/**
 * The rendered note preview: `Open Note` (from the tree, lookup and hovers) shows a note in a reusable
 * webview panel (`{ side: true }` opens it beside the active editor), and `Copy Link` copies a wiki link.
 */
export function activatePreview(context: vscode.ExtensionContext, host: NotesHost): void {
  const previews = new NotePreviews(host);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(Commands.openNote, async (arg: unknown) => {
      const target = toNoteTarget(arg);
      if (!target) return;
      const side = typeof arg === 'object' && arg !== null && (arg as { side?: unknown }).side === true;
      await host.ready();
      const note = host.kb.getNote(target.id);
      if (!note) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No note with id "{0}".', target.id));
        return;
      }
      host.markOpened(note.id);
      previews.open(target, { side });
    }),
    vscode.commands.registerCommand(Commands.copyLink, async (arg: unknown) => {
      const target = toNoteTarget(arg) ?? (previews.current?.currentId ? { id: previews.current.currentId } : undefined);
      if (!target) return undefined;
      const link = noteLink(target);
      if (await writeClipboard(link)) vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', link), 3000);
      else void vscode.window.showWarningMessage(vscode.l10n.t('Could not copy {0} to the clipboard.', link));
      return link;
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => previews.restore(panel, state),
    }),
    host.onDidChange(() => previews.refresh()),
  );
}
