import type * as vscode from 'vscode';
import { activateConcepts, type ConceptsApi } from './concepts';
import type { NotesHost } from './notesHost';
import { activateAuthoring } from './authoring';
import { activateFirstRun } from './firstRun';
import { activateHostInfo } from './hostInfo';
import { activateHover } from './hover';
import { activateLookup, type LookupApi } from './lookup';
import { activateNavigation } from './navigation';
import { activateNotesWatcher } from './notes-watcher';
import { activatePreview } from './preview';
import { activateTree } from './tree';
import type { NoteTreeProvider } from './tree/noteTreeProvider';

/** What features expose on the extension's API (tests read them). */
export interface FeatureApi {
  tree?: NoteTreeProvider;
  concepts?: ConceptsApi;
  lookup?: LookupApi;
}

/** A feature registers its surface and may return part of the extension's API. */
export type Feature = (context: vscode.ExtensionContext, host: NotesHost) => void | FeatureApi;

/** Every surface of the extension, each a thin module over the core. */
export const features: Feature[] = [activateTree, activateNavigation, activatePreview, activateNotesWatcher, activateHover, activateLookup, activateAuthoring, activateConcepts, activateFirstRun, activateHostInfo];
