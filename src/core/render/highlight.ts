import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import cpp from 'highlight.js/lib/languages/cpp';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';

// Only the languages notes use: the full highlight.js would add ~900 KB to every bundle.
hljs.registerLanguage('python', python);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('json', json);
hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('cpp', cpp);
hljs.registerAliases(['shell', 'console', 'sh', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['c', 'cuda', 'cu'], { languageName: 'cpp' });

/** Code longer than this is shown unhighlighted: highlighting is the slowest part of a huge note. */
export const MAX_HIGHLIGHT_CHARS = 100_000;

/** Highlighted HTML (escaped, `hljs-*` spans) for a known language, or undefined. */
export function highlightCode(code: string, lang: string): { html: string; language: string } | undefined {
  const language = hljs.getLanguage(lang);
  if (!language || code.length > MAX_HIGHLIGHT_CHARS) return undefined;
  try {
    const result = hljs.highlight(code, { language: lang, ignoreIllegals: true });
    return { html: result.value, language: result.language ?? lang };
  } catch {
    return undefined;
  }
}
