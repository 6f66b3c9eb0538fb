import type * as vscode from 'vscode';
import type { NotesHost } from './notesHost';
import { activateHover } from './hover';
import { activateLookup } from './lookup';
import { activateNavigation } from './navigation';
import { activateNotesWatcher } from './notes-watcher';
import { activatePreview } from './preview';
import { activateTree } from './tree';

/** A feature may return objects it wants reachable from the extension's API (tests use them). */
export type Feature = (context: vscode.ExtensionContext, host: NotesHost) => void | Record<string, unknown>;

/** Every surface of the extension, each a thin module over the core. */
export const features: Feature[] = [activateTree, activateNavigation, activatePreview, activateNotesWatcher, activateHover, activateLookup];
