// The note preview's page script (entry point; scripts/build.mjs bundles it into dist/webview/preview.js).
// It shows what the host sends (`show` messages with HTML the core rendered) and turns clicks into
// typed messages; it never builds HTML from strings other than that rendered body, and the page's CSP
// (script nonce, no inline handlers) backs this up. This file only wires the modules, in this order:
//   dom.ts      the page's elements, `el`, labels, the VS Code api and `post`
//   state.ts    the shared mutable state (the note on show)
//   show.ts     rendering a NoteView: breadcrumb, header, body, copy buttons
//   outline.ts  the outline, related notes and the outline toggle
//   scroll.ts   reading position, restore, scroll targets, saved state, outline highlight
//   links.ts    click routing, middle-clicks, the mouse's back/forward buttons
//   messages.ts the host-message pump and the toolbar
// The custom elements are defined first, before dom.ts looks up the page's elements.
import '@vscode-elements/elements/dist/vscode-toolbar-container/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import { post } from './dom';
import './state';
import { installLinkHandlers } from './links';
import { installHostMessages, installToolbar } from './messages';
import { installOutlineToggle } from './outline';
import { installScrollListener } from './scroll';

installScrollListener();
installLinkHandlers();
installToolbar();
installOutlineToggle();
installHostMessages();

post({ type: 'ready' });
