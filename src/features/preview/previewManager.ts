import * as vscode from 'vscode';
import type { NoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { Disposable } from '../util/dispose';
import { parsePreviewState } from '../../shared/previewProtocol';
import { NotePreview, PREVIEW_VIEW_TYPE, previewWebviewOptions } from './notePreview';

/** The preview panels of the window. Notes open in the most recently focused one; there is normally one. */
export class NotePreviews extends Disposable {
  private readonly previews = new Set<NotePreview>();

  constructor(private readonly host: NotesHost) {
    super();
  }

  /** The panel notes open in: the last one focused. */
  get current(): NotePreview | undefined {
    let best: NotePreview | undefined;
    for (const p of this.previews) if (!best || p.lastActive > best.lastActive) best = p;
    return best;
  }

  /**
   * Shows a note. `side` opens it beside the active editor; `glance` (a note opened from code) opens it beside the
   * code with the focus left in the editor, reusing the preview panel when it already sits in another column.
   */
  open(target: NoteTarget, options: { side?: boolean; preserveFocus?: boolean; glance?: boolean } = {}): NotePreview {
    let preview = this.current;
    let column = options.side ? vscode.ViewColumn.Beside : preview?.panel.viewColumn ?? vscode.ViewColumn.Active;
    if (options.glance) {
      options = { ...options, preserveFocus: true };
      const editorColumn = vscode.window.activeTextEditor?.viewColumn;
      const previewColumn = preview?.panel.viewColumn;
      column = previewColumn !== undefined && previewColumn !== editorColumn ? previewColumn : vscode.ViewColumn.Beside;
    }
    if (options.side && preview && preview.panel.active) {
      // "Open to the side" from the preview itself (Ctrl/Cmd+click): a second preview beside this one.
      preview = undefined;
    } else if (options.side && preview && preview.panel.viewColumn !== undefined && preview.panel.viewColumn !== vscode.window.activeTextEditor?.viewColumn) {
      // A preview already beside the editor is the side panel.
      column = preview.panel.viewColumn;
    }
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

  override dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    this.previews.clear();
    super.dispose();
  }
}
