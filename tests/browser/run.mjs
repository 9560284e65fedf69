#!/usr/bin/env node
// Browser test of a built portal, in Debian's Chromium driven by playwright-core.
//
//   node tests/browser/run.mjs SITE_DIR [FIXTURE_SITE_DIR]
//
// SITE_DIR is the built bundled portal (`planportal build --out SITE_DIR`).
// The small fixture site in tests/browser/fixture-site/ is built by this script
// (with target/release/planportal when it exists, else `cargo run --release`)
// unless an already built copy is given as FIXTURE_SITE_DIR. Both are served
// by a tiny static server (node:http) on free ports of 127.0.0.1.
//
// At 390 px wide it checks, and exits 1 on any failure:
// - axe-core (WCAG 2.0/2.1/2.2 A+AA and best practice) on home, a plan, a
//   document, the calendar and search: serious/critical violations fail,
//   moderate/minor ones are printed as warnings;
// - every page: 200, non-empty og:title and meta description, no script
//   errors, no failed requests, no request to another host, no web font;
// - a plan page's HTML (without the `.prose` body text) + CSS < 60 KB;
// - a plan page renders its text with JavaScript off;
// - search on the fixture site: queries without diacritics, numbers, ?q=.
// Full-page screenshots go to tests/browser/screenshots/ (git-ignored).
//
// Environment: CHROMIUM (browser path, default /usr/bin/chromium),
// SOURCE_DATE_EPOCH (for the fixture build, default 1780000000).

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SHOTS = path.join(HERE, 'screenshots');
const VIEWPORT = { width: 390, height: 844 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const WEIGHT_LIMIT = 60 * 1024;
const WAIT_MS = 10_000; // bound of every wait for search results
const WATCHDOG_MS = 5 * 60_000;
const FOCUS_PAGES = /^(home|plan|fixture-plan|search|(fixture-)?plans-.*)$/; // pages whose Tab order is walked
const FONT_URL = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

const failures = [];
const warnings = [];
const fail = (msg) => { failures.push(msg); console.log(`  FAIL ${msg}`); };
const warn = (msg) => { warnings.push(msg); console.log(`  warn ${msg}`); };
const ok = (msg) => console.log(`  ok   ${msg}`);

function usage(msg) {
  console.error(`${msg}\nusage: node tests/browser/run.mjs SITE_DIR [FIXTURE_SITE_DIR]`);
  process.exit(2);
}

// ---------------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};
const typeOf = (file) => (path.basename(file) === 'atom.xml'
  ? 'application/atom+xml; charset=utf-8'
  : TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream');

// Serves dir like a static host: folder → index.html (a folder URL without
// its final slash redirects), missing → 404.html with status 404.
export function serve(dir) {
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const body = file ? fs.readFileSync(file) : Buffer.from(`${status}\n`);
      res.writeHead(status, {
        'Content-Type': file ? typeOf(file) : 'text/plain; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, { Allow: 'GET, HEAD' });
    let url, rel;
    try {
      url = new URL(req.url, 'http://localhost');
      rel = decodeURIComponent(url.pathname);
    } catch {
      return send(400, null);
    }
    const file = path.join(dir, path.normalize(rel));
    if (rel.includes('\0') || (file !== dir && !file.startsWith(dir + path.sep))) return send(400, null);
    let st = fs.statSync(file, { throwIfNoEntry: false });
    let target = file;
    if (st?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return send(301, null, { Location: `${url.pathname}/${url.search}` });
      target = path.join(file, 'index.html');
      st = fs.statSync(target, { throwIfNoEntry: false });
    }
    if (st?.isFile()) return send(200, target);
    const notFound = path.join(dir, '404.html');
    return send(404, fs.existsSync(notFound) ? notFound : null);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

// ---------------------------------------------------------------- fixture build

function buildFixture() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'planportal-browser-')), 'site');
  const args = ['build', '--root', path.join(HERE, 'fixture-site'), '--out', out];
  const bin = path.join(ROOT, 'target', 'release', process.platform === 'win32' ? 'planportal.exe' : 'planportal');
  const [cmd, argv] = fs.existsSync(bin) ? [bin, args] : ['cargo', ['run', '--release', '--quiet', '--', ...args]];
  const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || '1780000000' };
  const r = spawnSync(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`fixture build failed: ${cmd} ${argv.join(' ')} (${r.error || `exit ${r.status}`})`);
    process.exit(1);
  }
  return out;
}

function readDocuments(dir) {
  const file = path.join(dir, 'data', 'documents.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).documents;
  } catch (e) {
    usage(`cannot read ${file}: ${e.message}`);
  }
}
const firstOf = (docs, prefix) => docs.find((d) => d.id.startsWith(prefix) && d.stub === false);

// ---------------------------------------------------------------- page checks

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function runAxe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact })),
    }));
  }, AXE_TAGS);
  let bad = 0;
  for (const v of violations) {
    const serious = v.impact === 'serious' || v.impact === 'critical';
    const targets = v.nodes.slice(0, 5).map((n) => n.target).join(' | ') + (v.nodes.length > 5 ? ` | … (${v.nodes.length} nodes)` : '');
    const line = `axe ${name}: ${v.id} [${v.impact}] ${targets} — ${v.help} (${v.helpUrl})`;
    if (serious) { bad++; fail(line); } else warn(line);
  }
  if (!violations.length) ok(`axe ${name}: no violations`);
  else if (!bad) ok(`axe ${name}: no serious or critical violations`);
  return violations;
}

async function checkMeta(page, name) {
  const m = await page.evaluate(() => {
    const get = (sel) => document.querySelector(sel)?.getAttribute('content')?.trim() || '';
    return {
      ogTitle: get('meta[property="og:title"]'),
      description: get('meta[name="description"]'),
      ogDescription: get('meta[property="og:description"]'),
      title: document.title.trim(),
      lang: document.documentElement.lang,
    };
  });
  if (!m.ogTitle) fail(`${name}: og:title missing or empty`);
  if (!m.description) fail(`${name}: meta description missing or empty`);
  if (!m.title) fail(`${name}: <title> empty`);
  if (m.ogTitle && m.description) ok(`${name}: og:title "${m.ogTitle.slice(0, 60)}", description ${m.description.length} chars`);
  return m;
}

// Reflow (WCAG 1.4.10): at 390 px the page itself never scrolls sideways;
// wide tables scroll inside their own .table-wrap.
async function checkReflow(page, name) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (over > 0) {
      for (const e of document.body.querySelectorAll('*')) {
        const b = e.getBoundingClientRect();
        if (b.right > width + 1 && b.width > 0 && !e.closest('.table-wrap') && !e.closest('.skip-link')) {
          culprits.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(b.right)})`);
          if (culprits.length >= 5) break;
        }
      }
    }
    return { over, culprits };
  });
  if (r.over > 0) fail(`${name}: page scrolls sideways by ${r.over} px at ${VIEWPORT.width} px: ${r.culprits.join(', ')}`);
}

// An element with the hidden attribute must not show (a component's own
// `display` can override the browser's [hidden] rule).
async function checkHidden(page, name) {
  const shown = await page.evaluate(() => [...document.querySelectorAll('body [hidden]')]
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`));
  if (shown.length) fail(`${name}: hidden elements are shown: ${shown.join(', ')}`);
}

// Ids are unique (body heading ids are made from the text and could meet the
// template's own).
async function checkIds(page, name) {
  const dups = await page.evaluate(() => {
    const n = new Map();
    for (const e of document.querySelectorAll('[id]')) n.set(e.id, (n.get(e.id) || 0) + 1);
    return [...n].filter(([, c]) => c > 1).map(([id, c]) => `${id} ×${c}`);
  });
  if (dups.length) fail(`${name}: duplicate ids: ${dups.join(', ')}`);
}

// Keyboard: the skip link comes first, is visible when focused and moves
// focus to <main> without painting it; every focus stop has a visible
// indicator and, when it is filled, text contrast of at least 4.5:1.
async function checkFocus(page, name, maxStops = 60) {
  const state = () => page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const cs = getComputedStyle(e);
    const b = e.getBoundingClientRect();
    const alpha = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); return m ? (m[1].split(/[ ,/]+/)[3] ?? '1') * 1 : 1; };
    return {
      what: `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
      tag: e.tagName.toLowerCase(),
      skip: e.classList.contains('skip-link'),
      color: cs.color,
      bg: cs.backgroundColor,
      filled: alpha(cs.backgroundColor) > 0,
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && alpha(cs.outlineColor) > 0,
      shadow: cs.boxShadow !== 'none',
      onScreen: b.width > 0 && b.height > 0 && b.bottom > 0 && b.right > 0 && b.left < innerWidth && b.top < innerHeight,
    };
  });
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

  let stops = 0, bad = 0;
  const seen = new Set();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const f = await state();
    if (!f) break;
    if (seen.has(f.what) && i > 2 && f.skip) break; // wrapped round
    seen.add(f.what);
    stops++;
    const problems = [];
    if (!f.filled && !f.outline && !f.shadow) problems.push('no visible focus indicator');
    if (f.filled && f.tag !== 'input' && contrast(f.color, f.bg) < 4.5) problems.push(`text ${f.color} on ${f.bg} = ${contrast(f.color, f.bg).toFixed(2)}:1`);
    if (problems.length) { bad++; fail(`${name}: focus on ${f.what}: ${problems.join(', ')}`); }
  }
  if (!bad) ok(`${name}: ${stops} focus stops, each visibly focused with readable text`);

  // The skip link, from the top of a freshly loaded page. of a freshly loaded page.
  await page.reload({ waitUntil: 'load' });
  await page.keyboard.press('Tab');
  const first = await state();
  if (!first?.skip) fail(`${name}: first Tab reaches ${first?.what ?? 'nothing'}, not the skip link`);
  else if (!first.onScreen) fail(`${name}: skip link is not visible when focused`);
  else {
    await page.keyboard.press('Enter');
    const m = await state();
    if (m?.tag !== 'main') fail(`${name}: skip link moves focus to ${m?.what ?? 'nothing'}, not <main>`);
    else if (m.filled || m.outline) fail(`${name}: focused <main> is painted (background ${m.bg})`);
  }
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

// Opens url in a new page of ctx, with the checks every page gets.
async function visit(ctx, name, url, { status = 200 } = {}) {
  console.log(`\n# ${name}: ${url}`);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => fail(`${name}: script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) warn(`${name}: console: ${m.text()}`); });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(status === 404 && r.url() === url)) fail(`${name}: ${r.status()} for ${r.url()}`);
  });
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) fail(`${name}: no response`);
  else if (res.status() !== status) fail(`${name}: status ${res.status()}, expected ${status}`);
  else if (!/^text\/html; charset=utf-8$/i.test(res.headers()['content-type'] || '')) fail(`${name}: content-type ${res.headers()['content-type']}`);
  return page;
}

// Plan page weight: HTML minus the body text (`.prose` innerHTML) + CSS.
async function checkWeight(ctx, name, url) {
  const page = await ctx.newPage();
  const loads = [];
  page.on('response', (r) => loads.push(r));
  await page.goto(url, { waitUntil: 'load' });
  let html = 0, htmlGz = 0, css = 0, cssGz = 0, other = 0;
  for (const r of loads) {
    const type = r.request().resourceType();
    const body = await r.body().catch(() => Buffer.alloc(0));
    if (type === 'document') { html += body.length; htmlGz += zlib.gzipSync(body).length; }
    else if (type === 'stylesheet') { css += body.length; cssGz += zlib.gzipSync(body).length; }
    else other += body.length;
  }
  const prose = await page.evaluate(() => [...document.querySelectorAll('.prose')]
    .reduce((n, e) => n + new TextEncoder().encode(e.innerHTML).length, 0));
  const total = html - prose + css;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const line = `${name} weight: HTML ${kb(html)} − body text ${kb(prose)} + CSS ${kb(css)} = ${kb(total)} `
    + `(limit ${kb(WEIGHT_LIMIT)}; gzip: HTML ${kb(htmlGz)}, CSS ${kb(cssGz)}; other resources ${kb(other)})`;
  if (total < WEIGHT_LIMIT) ok(line); else fail(line);
  await page.close();
  return { html, prose, css, total, htmlGz, cssGz };
}

async function checkNoJs(browser, name, url) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
  const page = await ctx.newPage();
  const res = await page.goto(url, { waitUntil: 'load' });
  const r = await page.evaluate(() => {
    const prose = document.querySelector('.prose');
    const h1 = document.querySelector('h1');
    const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return { prose: visible(prose), text: prose?.innerText.trim().length || 0, h1: visible(h1) };
  });
  if (res?.status() === 200 && r.prose && r.h1 && r.text > 20) ok(`${name} without JavaScript: title and ${r.text} chars of body text visible`);
  else fail(`${name} without JavaScript: ${JSON.stringify(r)}`);
  await shot(page, `${name}-nojs`);
  await ctx.close();
}

// ---------------------------------------------------------------- search

async function searchState(page) {
  return page.evaluate(() => ({
    status: document.querySelector('#search-results .search-status')?.textContent.trim() || '',
    value: document.getElementById('search-q')?.value,
    results: [...document.querySelectorAll('#search-results li')].map((li) => {
      const a = li.querySelector('a');
      return {
        path: a ? new URL(a.href).pathname : '',
        title: a?.textContent.trim() || '',
        meta: li.querySelector('.search-meta')?.textContent.trim() || '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      };
    }),
  }));
}

// Waits (bounded) until the status line reports query q and expected is listed.
async function expectResult(page, q, expected, label = `"${q}"`) {
  const deadline = Date.now() + WAIT_MS;
  let s;
  for (;;) {
    s = await searchState(page);
    const done = s.status.includes(`“${q.trim()}”`);
    const hit = s.results.findIndex((r) => r.path === expected.path);
    if (done && hit >= 0) {
      const r = s.results[hit];
      const problems = [];
      if (expected.number && !r.meta.includes(expected.number)) problems.push(`number ${expected.number} not in "${r.meta}"`);
      if (expected.issuer && !r.meta.includes(expected.issuer)) problems.push(`issuer not in "${r.meta}"`);
      if (expected.marks !== false && !r.marks.length) problems.push('no highlighted match');
      if (problems.length) fail(`search ${label}: ${expected.path} listed but ${problems.join(', ')}`);
      else ok(`search ${label}: ${expected.path} listed at rank ${hit + 1} of ${s.results.length} (${s.status}); highlighted: ${[...new Set(r.marks)].slice(0, 6).join(', ')}`);
      if (hit !== 0 && expected.first) warn(`search ${label}: expected ${expected.path} first, got ${s.results[0].path}`);
      return s;
    }
    if (Date.now() > deadline) {
      fail(`search ${label}: ${expected.path} not listed within ${WAIT_MS} ms; status "${s.status}", results ${JSON.stringify(s.results.map((r) => r.path))}`);
      return s;
    }
    await page.waitForTimeout(100);
  }
}

async function checkSearch(ctx, fx, site) {
  const docs = readDocuments(fx.dir);
  // The fixture document whose id starts with prefix and whose title or number holds text.
  const find = (prefix, text) => {
    const d = docs.find((x) => x.stub === false && x.id.startsWith(prefix) && `${x.title} ${x.number || ''}`.includes(text));
    if (!d) { fail(`fixture has no ${prefix} document with "${text}"`); return { path: '/missing/' }; }
    return { path: d.url, number: d.number, issuer: d.issuer, first: true };
  };
  const danSo = find('plans/', 'Dân số thế giới');
  const hungDao = find('plans/', 'Hưng Đạo');
  const khhgd = find('plans/', 'kế hoạch hóa gia đình');
  const qd1745 = find('documents/', '1745/QĐ-TTg');

  const page = await visit(ctx, 'fixture-search', `${fx.origin}/search/`);
  await checkMeta(page, 'fixture-search');
  const input = page.locator('#search-q');
  await input.fill('dan so the gioi');
  await expectResult(page, 'dan so the gioi', danSo);

  // Typed key by key, as a person would.
  await input.fill('');
  await input.focus();
  await page.keyboard.type('hung dao', { delay: 30 });
  await expectResult(page, 'hung dao', hungDao);

  await input.fill('ke hoach hoa gia dinh');
  await expectResult(page, 'ke hoach hoa gia dinh', khhgd);

  await input.fill('1745');
  // The number is in the result's meta line, which is not highlighted.
  await expectResult(page, '1745', { ...qd1745, marks: false });

  await input.fill('45/kh');
  await expectResult(page, '45/kh', danSo);

  // Enter submits without reloading the page.
  await input.fill('Hưng Đạo');
  await input.press('Enter');
  await expectResult(page, 'Hưng Đạo', hungDao, '"Hưng Đạo" + Enter');
  await checkHidden(page, 'fixture-search (with results)');
  await checkReflow(page, 'fixture-search (with results)');
  await shot(page, 'fixture-search-results');
  await runAxe(page, 'fixture-search (with results)');
  await page.close();

  // Document numbers of the bundled portal, as the issue names them.
  const bundled = readDocuments(site.dir);
  const numbered = [['149-kl', '149-KL/TW'], ['1745', '1745/QĐ-TTg']]
    .map(([q, n]) => [q, bundled.find((d) => d.number === n && d.stub === false)])
    .filter(([, d]) => d);
  if (numbered.length) {
    const bp = await visit(ctx, 'search-numbers', `${site.origin}/search/`);
    for (const [q, d] of numbered) {
      await bp.locator('#search-q').fill(q);
      await expectResult(bp, q, { path: d.url, number: d.number, first: true, marks: false }, `"${q}" (bundled)`);
    }
    await bp.close();
  }

  const linked = await visit(ctx, 'fixture-search-link', `${fx.origin}/search/?q=dan%20so`);
  const s = await expectResult(linked, 'dan so', { ...danSo, first: false }, '/search/?q=dan%20so');
  if (s.value === 'dan so') ok('search link: box pre-filled with "dan so"');
  else fail(`search link: box holds ${JSON.stringify(s.value)}, expected "dan so"`);
  await linked.close();
}

// ---------------------------------------------------------------- main

async function main() {
  const siteArg = process.argv[2];
  if (!siteArg) usage('missing SITE_DIR');
  const site = { dir: path.resolve(siteArg) };
  if (!fs.existsSync(path.join(site.dir, 'index.html'))) usage(`${site.dir} has no index.html: build the site first`);
  const fixture = { dir: process.argv[3] ? path.resolve(process.argv[3]) : buildFixture() };
  const cleanup = () => { if (!process.argv[3]) fs.rmSync(path.dirname(fixture.dir), { recursive: true, force: true }); };
  process.on('exit', cleanup);

  const docs = readDocuments(site.dir);
  const fxDocs = readDocuments(fixture.dir);
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

  const servers = [];
  for (const s of [site, fixture]) {
    const { server, origin } = await serve(s.dir);
    servers.push(server);
    s.origin = origin;
  }
  const origins = new Set([site.origin, fixture.origin]);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const watchdog = setTimeout(() => {
    console.error(`\nFAIL: browser test still running after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', serviceWorkers: 'block' });
    ctx.on('request', (req) => {
      const u = new URL(req.url());
      if (!['data:', 'blob:', 'about:'].includes(u.protocol) && !origins.has(u.origin)) fail(`request to another host: ${req.url()}`);
      if (req.resourceType() === 'font' || FONT_URL.test(u.pathname)) fail(`web font requested: ${req.url()}`);
    });

    const bundledPlan = firstOf(docs, 'plans/');
    const plan = bundledPlan ? { ...site, doc: bundledPlan, name: 'plan' } : { ...fixture, doc: firstOf(fxDocs, 'plans/'), name: 'fixture-plan' };
    if (!bundledPlan) warn(`${site.dir} has no plan yet: plan checks use the fixture site's ${plan.doc?.id}`);
    if (!plan.doc) throw new Error('no plan page in either site');
    const doc = firstOf(docs, 'documents/');
    if (!doc) throw new Error(`${site.dir}/data/documents.json has no non-stub document`);
    const fxPlan = firstOf(fxDocs, 'plans/');

    const pages = [
      ['home', `${site.origin}/`],
      [plan.name, `${plan.origin}${plan.doc.url}`],
      ['document', `${site.origin}${doc.url}`],
      ['calendar', `${site.origin}/calendar/`],
      ['search', `${site.origin}/search/`],
      ['plans-list', `${bundledPlan ? site.origin : fixture.origin}/plans/`],
    ];
    // A few more bundled plans (imported text varies), and every fixture plan
    // (a wide table, a basis chain, an observance).
    for (const d of docs.filter((x) => x.id.startsWith('plans/') && !x.stub && x !== plan.doc).slice(0, 2)) {
      pages.push([d.id.replace('/', '-'), `${site.origin}${d.url}`]);
    }
    for (const d of fxDocs.filter((x) => x.id.startsWith('plans/') && !x.stub && x !== plan.doc)) {
      pages.push([`fixture-${d.id.replace('/', '-')}`, `${fixture.origin}${d.url}`]);
    }
    for (const [name, url] of pages) {
      const page = await visit(ctx, name, url);
      await checkMeta(page, name);
      await checkReflow(page, name);
      await checkHidden(page, name);
      await checkIds(page, name);
      await shot(page, name);
      await runAxe(page, name);
      if (FOCUS_PAGES.test(name)) await checkFocus(page, name);
      await page.close();
    }
    const nf = await visit(ctx, 'not-found', `${site.origin}/khong-co-trang-nay/`, { status: 404 });
    await checkMeta(nf, 'not-found');
    await runAxe(nf, 'not-found');
    await nf.close();

    console.log('\n# page weight, fonts, third parties, no JavaScript');
    await checkWeight(ctx, plan.name, `${plan.origin}${plan.doc.url}`);
    if (bundledPlan) await checkWeight(ctx, 'fixture-plan', `${fixture.origin}${fxPlan.url}`);

    await checkNoJs(browser, plan.name, `${plan.origin}${plan.doc.url}`);

    console.log('\n# search (fixture site)');
    await checkSearch(ctx, fixture, site);
    await ctx.close();
  } catch (e) {
    fail(`test error: ${e.stack || e}`);
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }

  console.log(`\n${failures.length} failure(s), ${warnings.length} warning(s); screenshots in ${path.relative(ROOT, SHOTS)}/`);
  if (failures.length) {
    console.log('\nFailures:');
    for (const f of failures) console.log(`- ${f}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
