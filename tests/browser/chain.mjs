#!/usr/bin/env node
// Browser check of the basis chain ("Căn cứ pháp lý") on a built portal.
//
//   node tests/browser/chain.mjs SITE_DIR
//
// On the document with the longest chain, at 320, 390 and 1280 px wide, with
// text at 100 % and 200 %, it checks (exit 1 on any failure):
// - the chain reads top-down: its first node is a root (a document without a
//   basis) and the last line is "Văn bản này";
// - every node shows type and number, issuer and date;
// - a plain sentence explains the chain, and a link near the top jumps to it;
// - no horizontal overflow of the page.
// Screenshots of the chain go to tests/browser/screenshots/chain-<width>-<zoom>.png.
//
// Environment: CHROMIUM (browser path, default /usr/bin/chromium).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots');
const WIDTHS = [320, 390, 1280];

const dir = process.argv[2] && path.resolve(process.argv[2]);
if (!dir || !fs.existsSync(path.join(dir, 'data', 'documents.json'))) {
  console.error('usage: node tests/browser/chain.mjs SITE_DIR (a built portal)');
  process.exit(2);
}

const failures = [];
const fail = (m) => { failures.push(m); console.log(`  FAIL ${m}`); };
const ok = (m) => console.log(`  ok   ${m}`);

// The document whose basis chain is deepest (ties: the first by id).
const docs = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'documents.json'), 'utf8')).documents;
const byId = new Map(docs.map((d) => [d.id, d]));
const depth = (d, seen = new Set()) => {
  if (seen.has(d.id)) return 0;
  seen.add(d.id);
  return 1 + Math.max(0, ...d.basis.map((l) => depth(byId.get(l.target), seen)));
};
const target = docs.filter((d) => !d.stub && d.basis.length).sort((a, b) => depth(b) - depth(a) || a.id.localeCompare(b.id))[0];
if (!target) {
  console.error('no document with a basis in this portal');
  process.exit(1);
}
console.log(`chain of ${target.url} (${depth(target) - 1} levels)`);

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(dir, path.normalize(rel));
  if (!file.startsWith(dir)) { res.writeHead(400); return res.end(); }
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
fs.mkdirSync(SHOTS, { recursive: true });
try {
  for (const width of WIDTHS) {
    for (const zoom of [100, 200]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(origin + target.url);
      // Text at 200 %: the user's font size setting, which rem and em follow.
      if (zoom !== 100) await page.addStyleTag({ content: `html { font-size: ${zoom}% !important; }` });
      const tag = `${width} px, text ${zoom} %`;
      const r = await page.evaluate(() => {
        const chain = document.querySelector('.chain');
        const nodes = [...document.querySelectorAll('.chain .tree > li')];
        const first = nodes[0]?.querySelector(':scope > a')?.getAttribute('href');
        const lines = nodes.map((li) => li.firstChild && li.innerText.split('\n')[0]);
        const jump = [...document.querySelectorAll('a[href="#chain-title"]')].map((a) => a.getBoundingClientRect().top + window.scrollY);
        return {
          hasChain: !!chain,
          first,
          lines,
          last: chain?.lastElementChild?.innerText || '',
          hint: document.querySelector('.relations .hint')?.innerText || '',
          jumpTop: jump.length ? Math.min(...jump) : null,
          chainTop: chain ? chain.getBoundingClientRect().top + window.scrollY : null,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(-3)
            .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.innerText || '').slice(0, 30)}`),
        };
      });
      if (!r.hasChain) { fail(`${tag}: no .chain`); await page.close(); continue; }
      const rootId = r.first && r.first.replace(/^\/|\/$/g, '');
      const root = byId.get(rootId);
      if (!root || root.basis.length) fail(`${tag}: first node ${r.first} is not a root`);
      else ok(`${tag}: starts at the root ${root.number}`);
      if (!/^↓ Văn bản này/.test(r.last.trim())) fail(`${tag}: the chain does not end with this document (${r.last})`);
      const bare = r.lines.filter((l) => !/ · .* · /.test(l));
      if (bare.length) fail(`${tag}: nodes without issuer and date: ${bare.join(' | ')}`);
      else ok(`${tag}: ${r.lines.length} nodes with type, number, issuer and date`);
      if (r.hint.length < 40) fail(`${tag}: no sentence explaining the chain`);
      if (r.jumpTop === null || r.jumpTop > r.chainTop) fail(`${tag}: no "Căn cứ pháp lý" link above the chain`);
      else ok(`${tag}: jump link at ${Math.round(r.jumpTop)} px, chain at ${Math.round(r.chainTop)} px`);
      if (r.overflow > 0) fail(`${tag}: page overflows horizontally by ${r.overflow} px: ${r.wide.join('; ')}`);
      else ok(`${tag}: no horizontal overflow`);
      await page.locator('.relations').screenshot({ path: path.join(SHOTS, `chain-${width}-${zoom}.png`) });
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log('chain: all checks passed');
