// Renders the Longlink specification as one browsable site:
//
//   index.html            every message (linked to its part of the AsyncAPI page), the documents
//   asyncapi/index.html   asyncapi.yaml through the official AsyncAPI HTML template (one file)
//   protocol.html         PROTOCOL.md: every rule's ID is an anchor (protocol.html#LL-HB-3)
//   driver.html           DRIVER.md
//   asyncapi.yaml, schemas/   the sources the documents link to
//
// Everything the pages need is in the site: no CDN, no network, neither now nor at view time.
//
// Usage: node build-site.mjs SPEC_DIR OUT_DIR
// Skips the work when OUT_DIR was built from the same inputs (a hash of them in OUT_DIR).

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator from '@asyncapi/generator';
import { Parser, fromFile } from '@asyncapi/parser';
import hljs from 'highlight.js';
import MarkdownIt from 'markdown-it';

const here = dirname(fileURLToPath(import.meta.url));
const [specDir, outDir] = process.argv.slice(2);
if (!specDir || !outDir) {
  console.error('usage: node build-site.mjs SPEC_DIR OUT_DIR');
  process.exit(2);
}

const RULE_ID = /LL-[A-Z]+-[0-9]+/;
const started = Date.now();

// ---- up to date?

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]);
}

const inputs = [
  join(specDir, 'asyncapi.yaml'),
  join(specDir, 'PROTOCOL.md'),
  join(specDir, 'DRIVER.md'),
  ...filesUnder(join(specDir, 'schemas')),
  fileURLToPath(import.meta.url),
  join(here, 'site.css'),
  join(here, 'package-lock.json'),
].sort();
const hash = createHash('sha256');
for (const f of inputs) {
  hash.update(relative(specDir, f)).update('\0').update(readFileSync(f)).update('\0');
}
const inputsHash = hash.digest('hex');
const stamp = join(outDir, '.inputs.sha256');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputsHash
    && ['index.html', 'asyncapi/index.html', 'protocol.html', 'driver.html'].every((f) => existsSync(join(outDir, f)))) {
  console.log(`docs: ${outDir} is up to date`);
  process.exit(0);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// ---- the AsyncAPI page, with the official template

const asyncapiFile = join(specDir, 'asyncapi.yaml');
// By path, never by name: given a name, the generator looks for the template from the working
// directory and, not finding it there, installs it from the registry.
const template = join(here, 'node_modules', '@asyncapi', 'html-template');
if (!existsSync(join(template, 'package.json'))) {
  console.error(`docs: ${template} is missing: run npm ci in ${here}`);
  process.exit(1);
}
const generator = new Generator(template, join(outDir, 'asyncapi'), {
  forceWrite: true,
  install: false, // the template is a dependency of this folder, installed by npm ci
  templateParams: { singleFile: 'true' }, // CSS and JS inlined: the page needs nothing else
});
await generator.generateFromFile(asyncapiFile);

// ---- the document's messages, for the index

const { document, diagnostics } = await fromFile(new Parser(), asyncapiFile).parse();
if (!document) {
  console.error(diagnostics.map((d) => `${d.path.join('.')}: ${d.message}`).join('\n'));
  process.exit(1);
}
const info = document.info();
const messages = document.components().messages().all().map((m) => ({
  key: m.id(),
  name: m.name(),
  title: m.title(),
  summary: m.summary() ?? '',
  examples: m.examples().length,
}));

// ---- PROTOCOL.md and DRIVER.md

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function markdown(page) {
  const md = new MarkdownIt({
    html: false,
    linkify: false,
    typographer: false,
    highlight: (code, lang) => (lang && hljs.getLanguage(lang)
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : ''),
  });

  // Headings get GitHub's anchors (the documents link to #16-close-codes and so on).
  md.core.ruler.push('heading_ids', (state) => {
    const seen = new Map();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'heading_open') continue;
      const text = tokens[i + 1].children.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('');
      let slug = text.toLowerCase().trim().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      if (n > 0) slug = `${slug}-${n}`;
      tokens[i].attrSet('id', slug);
    }
  });

  // A rule's definition, **[LL-HB-3]**, becomes the anchor #LL-HB-3 (and a link to itself); a
  // mention of a rule, [LL-HB-3] or a table cell that is only an ID, links to its definition.
  const ruleHref = (id) => (page === 'protocol' ? `#${id}` : `protocol.html#${id}`);
  md.core.ruler.push('rule_ids', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline') continue;
      const out = [];
      const kids = block.children;
      let inLink = 0;
      for (let i = 0; i < kids.length; i++) {
        const t = kids[i];
        if (t.type === 'link_open') inLink++;
        if (t.type === 'link_close') inLink--;
        if (t.type !== 'text' || inLink > 0) {
          out.push(t);
          continue;
        }
        const definition = page === 'protocol' && kids[i - 1]?.type === 'strong_open' && kids[i + 1]?.type === 'strong_close'
          && new RegExp(`^\\[(${RULE_ID.source})\\]$`).exec(t.content);
        if (definition) {
          kids[i - 1].attrSet('id', definition[1]);
          kids[i - 1].attrSet('class', 'rule-id');
        }
        const mention = new RegExp(`\\[(${RULE_ID.source})\\]|^(${RULE_ID.source})$`, 'g');
        let last = 0;
        let m;
        while ((m = mention.exec(t.content)) !== null) {
          const id = m[1] ?? m[2];
          if (m[2] && !isTableCell(state.tokens, block)) continue;
          if (m.index > last) out.push(textToken(state, t.content.slice(last, m.index)));
          const open = new state.Token('link_open', 'a', 1);
          open.attrSet('href', ruleHref(id));
          out.push(open, textToken(state, m[0]), new state.Token('link_close', 'a', -1));
          last = m.index + m[0].length;
        }
        if (last === 0) out.push(t);
        else if (last < t.content.length) out.push(textToken(state, t.content.slice(last)));
      }
      block.children = out;
    }
  });

  // Links between the documents follow them into the site.
  md.core.ruler.push('site_links', (state) => {
    for (const block of state.tokens) {
      for (const t of block.children ?? []) {
        if (t.type !== 'link_open') continue;
        const href = t.attrGet('href');
        const rewritten = href.replace(/^PROTOCOL\.md(?=#|$)/, 'protocol.html').replace(/^DRIVER\.md(?=#|$)/, 'driver.html');
        t.attrSet('href', rewritten === 'schemas' ? 'schemas/' : rewritten);
      }
    }
  });
  return md;
}

function textToken(state, content) {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

function isTableCell(tokens, inline) {
  const i = tokens.indexOf(inline);
  return i > 0 && (tokens[i - 1].type === 'td_open' || tokens[i - 1].type === 'th_open');
}

const css = readFileSync(join(here, 'site.css'), 'utf8');
writeFileSync(join(outDir, 'site.css'), css);

function nav(current) {
  const items = [
    ['index.html', 'Overview'],
    ['asyncapi/index.html', 'Messages (AsyncAPI)'],
    ['protocol.html', 'Protocol'],
    ['protocol.html#16-close-codes', 'Close codes'],
    ['protocol.html#21-rule-summary', 'Rules'],
    ['driver.html', 'Driver contract'],
  ];
  return `<nav class="site">${items.map(([href, label]) =>
    `<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a>`).join('')}</nav>`;
}

function page(title, current, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="site.css">
</head>
<body>
${nav(current)}
<main>
${body}
</main>
<footer>Longlink ${escapeHtml(info.version())}, rendered from <code>spec/</code> by <code>spec/docs/build-site.mjs</code>.</footer>
</body>
</html>
`;
}

for (const [file, out, pageName, title] of [
  ['PROTOCOL.md', 'protocol.html', 'protocol', 'Longlink protocol'],
  ['DRIVER.md', 'driver.html', 'driver', 'Longlink driver contract'],
]) {
  const html = markdown(pageName).render(readFileSync(join(specDir, file), 'utf8'));
  writeFileSync(join(outDir, out), page(title, out, html));
}

// ---- the sources the documents link to

cpSync(asyncapiFile, join(outDir, 'asyncapi.yaml'));
cpSync(join(specDir, 'schemas'), join(outDir, 'schemas'), { recursive: true });

// ---- the index

const protocol = readFileSync(join(specDir, 'PROTOCOL.md'), 'utf8');
const ruleCount = new Set([...protocol.matchAll(new RegExp(`\\*\\*\\[(${RULE_ID.source})\\]\\*\\*`, 'g'))].map((m) => m[1])).size;
const rows = messages.map((m) => `<tr>
<td><a href="asyncapi/index.html#message-${escapeHtml(m.key)}"><code>${escapeHtml(m.name ?? m.key)}</code></a></td>
<td>${escapeHtml(m.title ?? '')}</td>
<td>${escapeHtml(m.summary)}</td>
<td>${m.examples}</td>
</tr>`).join('\n');
writeFileSync(join(outDir, 'index.html'), page(`${info.title()} ${info.version()}: protocol documentation`, 'index.html', `
<h1>${escapeHtml(info.title())} ${escapeHtml(info.version())}</h1>
<p>The Longlink WebSocket protocol, rendered from <code>spec/</code>:</p>
<ul>
<li><a href="asyncapi/index.html"><strong>Messages</strong></a>: <code>asyncapi.yaml</code> (AsyncAPI ${escapeHtml(document.version())}) through the official AsyncAPI HTML template: operations, every message with its payload schema and examples.</li>
<li><a href="protocol.html"><strong>Protocol</strong></a>: <code>PROTOCOL.md</code>, the normative text. Its ${ruleCount} rules each have an anchor named by their ID (<a href="protocol.html#LL-HB-3">protocol.html#LL-HB-3</a>); see the <a href="protocol.html#21-rule-summary">rule summary</a> and the <a href="protocol.html#16-close-codes">close codes</a> and <a href="protocol.html#17-error-codes">error codes</a>.</li>
<li><a href="driver.html"><strong>Driver contract</strong></a>: <code>DRIVER.md</code>, how the conformance kit drives a client under test.</li>
<li>Sources: <a href="asyncapi.yaml">asyncapi.yaml</a>, <a href="schemas/">schemas/</a> (JSON Schema).</li>
</ul>
<h2 id="messages">Messages</h2>
<table>
<thead><tr><th>Message</th><th>Title</th><th>Summary</th><th>Examples</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
`));

writeFileSync(stamp, inputsHash);
console.log(`docs: rendered ${messages.length} messages and ${ruleCount} rules into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
