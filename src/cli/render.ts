import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createKnowledgeBase, displayTitle, isInsideRoot, renderNote, type Lang } from '../core';
import { bundledNotesFolder, langOption, notesOption, type CliCommand } from './shared';
import { nodeNoteFiles } from '../node/nodeNoteFiles';

export const renderCommand: CliCommand = {
  usage: 'render <file.md> [--notes <folder>] [--lang zh|en]   print the HTML body the preview shows (problems go to stderr)',
  options: { ...notesOption, ...langOption },
  async run(args) {
    const file = args.positional[0];
    if (!file) {
      console.error('render: give a note file (.md) to render');
      return 2;
    }
    const abs = path.resolve(file);
    await fs.stat(abs); // a clear ENOENT before anything else
    const roots = [bundledNotesFolder()];
    if (typeof args.flags.notes === 'string') roots.push(path.resolve(args.flags.notes));
    // A file outside every notes folder is rendered as a note of its own folder.
    if (!roots.some((r) => isInsideRoot(abs, r))) roots.push(path.dirname(abs));
    const kb = createKnowledgeBase({ files: nodeNoteFiles, roots });
    const snapshot = await kb.load();
    const note = kb.noteAtPath(abs) ?? [...snapshot.notes.values()].find((n) => path.resolve(n.path) === abs);
    if (!note) {
      console.error(`render: ${file} is not a note (notes are .md files not starting with "_" or ".")`);
      return 2;
    }
    const lang: Lang = args.flags.lang === 'en' ? 'en' : 'zh';
    const rendered = renderNote(note, {
      noteTitle: (id) => {
        const n = snapshot.notes.get(id);
        return n ? displayTitle(n, lang) : undefined;
      },
    });
    process.stdout.write(rendered.html);
    const shown = path.relative(process.cwd(), abs) || abs;
    if (note.error) console.error(`${shown}:1: ${note.error}`);
    for (const p of rendered.problems) console.error(`${shown}:${p.line + 1}: ${p.message}`);
    return note.error ? 1 : 0;
  },
};
