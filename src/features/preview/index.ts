import * as vscode from 'vscode';
import { Commands, noteLink, toNoteTarget } from '../commands';
import { readConfiguration } from '../configuration';
import type { NotesHost } from '../notesHost';
import { writeClipboard } from './clipboard';
import { PREVIEW_VIEW_TYPE } from './notePreview';
import { NotePreviews } from './previewManager';

export { PREVIEW_VIEW_TYPE } from './notePreview';

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
      const flags = typeof arg === 'object' && arg !== null ? (arg as { side?: unknown; fromCode?: unknown }) : {};
      // A note opened from code (a hover, Explain, Look Up in an editor) goes beside the code unless set otherwise.
      const glance = flags.fromCode === true && vscode.window.activeTextEditor !== undefined && readConfiguration().openFromCode === 'beside';
      const note = await host.requireNote(target);
      if (!note) return;
      host.markOpened(note.id);
      previews.open(target, { side: flags.side === true, glance });
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
