import * as vscode from 'vscode';
import type { Problem } from '../../core';

interface ProblemItem extends vscode.QuickPickItem {
  problem: Problem;
}

/** The files the last load found problems in, one row per problem; choosing one opens the file at its line. */
export async function showNoteProblems(problems: readonly Problem[], uriOf: (path: string) => vscode.Uri = vscode.Uri.file): Promise<void> {
  if (problems.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The notes have no problems.'));
    return;
  }
  const items: ProblemItem[] = problems.map((p) => ({
    label: `$(${p.severity === 'error' ? 'error' : 'warning'}) ${p.path.slice(p.path.replace(/\\/g, '/').lastIndexOf('/') + 1)}:${p.line}`,
    description: p.message,
    detail: p.path,
    problem: p,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('{0} problem(s) in the notes: choose one to open the file', problems.length),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const line = Math.max(0, picked.problem.line - 1);
  const stat = await vscode.workspace.fs.stat(uriOf(picked.problem.path)).then((s) => s, () => undefined);
  if (stat && stat.type & vscode.FileType.Directory) {
    await vscode.commands.executeCommand('revealInExplorer', uriOf(picked.problem.path));
    return;
  }
  await vscode.window.showTextDocument(uriOf(picked.problem.path), { selection: new vscode.Range(line, 0, line, 0), preview: true });
}
