import type * as vscode from 'vscode';

/** Disposes every item, even when one of them throws; rethrows the first error after all were tried. */
export function disposeAll(items: Iterable<vscode.Disposable>): void {
  let first: unknown;
  for (const d of items) {
    try {
      d.dispose();
    } catch (e) {
      first ??= e;
    }
  }
  if (first) throw first;
}

/**
 * A base for objects that own disposables, as in VS Code's markdown extension (`util/dispose.ts`):
 * `_register` keeps a disposable until this object is disposed; one registered after that is disposed at once.
 */
export abstract class Disposable implements vscode.Disposable {
  #disposed = false;
  protected readonly _disposables: vscode.Disposable[] = [];

  get isDisposed(): boolean {
    return this.#disposed;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeAll(this._disposables.splice(0));
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.#disposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }
}
