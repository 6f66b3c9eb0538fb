import * as vscode from 'vscode';
import { searchLookup, type LayeredLookup, type LookupMatch } from '../../core';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { showLookup } from './conceptPick';
import { Indexes } from './indexes';
import { showSearchNotes } from './searchNotesPick';

/**
 * `Look Up Concept…` (notes, headings, topics: Chinese, English, pinyin, code names, typos) and `Search Notes`
 * (the same plus the lines of note bodies). Both accept an initial query, e.g. from a hover's "Look up…" link.
 */
export function activateLookup(context: vscode.ExtensionContext, host: NotesHost): { lookup: LookupApi } {
  const indexes = new Indexes(host);
  const initial = (arg: unknown) => (typeof arg === 'string' ? arg : '');
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.lookup, (arg?: unknown) => showLookup(host, indexes, initial(arg))),
    vscode.commands.registerCommand(Commands.searchNotes, (arg?: unknown) => showSearchNotes(host, indexes, initial(arg))),
  );
  return {
    lookup: {
      async search(query, limit = 10) {
        const lookup = indexes.lookup(await indexes.snapshot());
        return { matches: searchLookup(lookup, query, { limit }), lookup };
      },
    },
  };
}

/** For tests: what Look Up finds now, and the lookup it searched (layered after an update). */
export interface LookupApi {
  search(query: string, limit?: number): Promise<{ matches: LookupMatch[]; lookup: LayeredLookup }>;
}
