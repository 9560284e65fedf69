#!/usr/bin/env node
// Browser XSS test: builds a site whose every field carries script payloads
// (front matter, heading attributes, every Markdown URL form, raw HTML,
// `<!--<script>` titles, a javascript: base_url), loads every page in
// Debian's Chromium (playwright-core), focuses and hovers every element,
// clicks every link whose scheme is not http(s)/mailto/tel, and exits 1 on
// any dialog, any page error or console error, any event-handler attribute,
// any script URL, or a page cut short (its footer missing).
//
//   node tests/browser/xss.mjs
//
// Uses target/release/planportal when it exists (PLANPORTAL overrides it),
// else `cargo run --release`. CHROMIUM sets the browser path.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './run.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const failures = [];
const fail = (m) => { failures.push(m); console.log(`  FAIL ${m}`); };
const ok = (m) => console.log(`  ok   ${m}`);

const md = (fm, body) => `---\n${fm}---\n${body}`;
const PLAN = (n, extra = '') => `number: ${n}/KH-UBND\nissuer: Ủy ban nhân dân tỉnh Lào Cai\njurisdiction: Lào Cai\ndate: 2026-01-15\n${extra}`;
const BODY = `# Tiêu đề {onfocus=alert(1) autofocus tabindex=0}

## Mục hai {.x onmouseover=alert(2) id=y}

[a](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](java&#x09;script:alert(5))
[d](&#106;avascript:alert(6)) [e](%6Aavascript:alert(7)) [f](vbscript:msgbox(8))
[g](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==) [h](  javascript:alert(10)  )
[i](<javascript:alert(11)>) [j](javascript&colon;alert(12)) [k][r]
![l](javascript:alert(13)) ![m](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTQpPjwvc3ZnPg==)
<javascript:alert(15)> <vbscript:alert(16)>

| cột | liên kết |
|---|---|
| x | [n](javascript:alert(17)) |

<script>alert(18)</script>
<img src=x onerror=alert(19)>
<a href="javascript:alert(20)" onclick="alert(21)">raw</a>
<iframe src="javascript:alert(22)"></iframe>

[ok](https://example.org/) [rel](/plans/) [frag](#muc-hai) [mail](mailto:a@example.org) [tel](tel:+84123)

[r]: javascript:alert(23)

Nội dung cuối trang.
`;

function writeSite(root, siteYaml) {
  const files = {
    'site.yaml': siteYaml,
    'content/plans/xss-title.md': md(`title: '<!--<script> Kế hoạch <script>alert(30)</script>'\n${PLAN(10, `signer: '<svg/onload=alert(31)>'\ncampaigns:\n  - Ngày Dân số thế giới (11/7)\nbasis:\n  - 'Quyết định số 1745/QĐ-TTg ngày 15/8/2025 <script>alert(32)</script>'\n`)}`, 'Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025.\n\nNội dung cuối trang.\n'),
    'content/plans/md-links.md': md(`title: Kế hoạch liên kết "><img src=x onerror=alert(33)>\n${PLAN(11)}`, BODY),
    'content/plans/u2028.md': md(`title: "Kế hoạch \\u2028\\u2029 </script><!--<script>"\n${PLAN(12)}`, 'Nội dung cuối trang.\n'),
    'content/documents/qd-1745-ttg-2025.md': md("title: '</script><script>alert(34)</script><!--<script>'\nnumber: 1745/QĐ-TTg\nissuer: Thủ tướng Chính phủ\njurisdiction: Trung ương\ndate: 2025-08-15\n", '[x](javascript:alert(35))\n'),
    'content/campaigns/ngay-dan-so-the-gioi.md': md('title: Ngày Dân số thế giới\n', '[y](javascript:alert(36)) <img src=x onerror=alert(37)>\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

function build(root, out, extra = []) {
  const bin = process.env.PLANPORTAL || path.join(ROOT, 'target', 'release', 'planportal');
  const args = ['build', '--root', root, '--out', out, ...extra];
  const [cmd, argv] = fs.existsSync(bin) ? [bin, args] : ['cargo', ['run', '--release', '--quiet', '--', ...args]];
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1780000000', NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr || '' };
}

const htmlFiles = (dir) => fs.readdirSync(dir, { recursive: true })
  .filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/')).sort();

async function checkSite(browser, name, dir) {
  const { server, origin } = await serve(dir);
  const page = await browser.newPage();
  let current = '';
  page.on('dialog', async (d) => { fail(`${name} ${current}: ${d.type()} dialog "${d.message()}"`); await d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => fail(`${name} ${current}: page error ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) fail(`${name} ${current}: console error ${m.text()}`); });
  const pages = htmlFiles(dir);
  for (const rel of pages) {
    current = `/${rel.replace(/index\.html$/, '')}`;
    await page.goto(`${origin}${current}`, { waitUntil: 'load' });
    const found = await page.evaluate(() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}="${a.value}">`);
        }
        for (const attr of ['href', 'src', 'action', 'formaction']) {
          const v = el.getAttribute(attr);
          if (v && /^(javascript|vbscript|data):/i.test(v.replace(/[\u0000-\u0020]/g, ''))) bad.push(`<${el.localName} ${attr}="${v}">`);
        }
      }
      return { bad, footer: !!document.querySelector('footer'), iframes: document.querySelectorAll('iframe').length };
    });
    for (const b of found.bad) fail(`${name} ${current}: ${b}`);
    if (!found.footer) fail(`${name} ${current}: no <footer>: the page was cut short`);
    if (found.iframes) fail(`${name} ${current}: ${found.iframes} iframe(s)`);
    // Focus and hover everything; click links a browser would run as script.
    await page.evaluate(async () => {
      for (const el of document.querySelectorAll('body *')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (typeof el.focus === 'function') el.focus();
      }
      for (const a of document.querySelectorAll('a[href], area[href]')) {
        if (!/^(https?|mailto|tel):$/.test(a.protocol)) a.click();
      }
      await new Promise((r) => setTimeout(r, 50));
    }).catch((e) => fail(`${name} ${current}: ${e.message}`));
  }
  const text = await (await page.goto(`${origin}/plans/md-links/`)).text();
  for (const href of ['https://example.org/', '/plans/', 'mailto:a@example.org', 'tel:+84123']) {
    if (!text.includes(`href="${href}"`)) fail(`${name}: the safe link ${href} was lost`);
  }
  ok(`${name}: ${pages.length} pages loaded, focused, hovered`);
  await page.close();
  server.close();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planportal-xss-'));
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  for (const [name, yaml] of [
    ['escape', "title: '</title><script>alert(40)</script>'\ndescription: '\"><svg onload=alert(41)>'\n"],
    ['safe', 'title: An toàn\nraw_html: safe\n'],
  ]) {
    const root = path.join(tmp, name);
    writeSite(root, yaml);
    const r = build(root, path.join(tmp, `${name}-out`));
    if (r.code !== 0) { fail(`${name}: build failed (exit ${r.code})\n${r.stderr}`); continue; }
    await checkSite(browser, name, path.join(tmp, `${name}-out`));
  }
  // A script base_url must be refused; if it builds, its pages are checked.
  for (const [name, yaml, extra] of [
    ['base_url in site.yaml', "base_url: 'javascript:alert(50)//'\n", []],
    ['--base-url', 'title: A\n', ['--base-url', 'javascript:alert(51)//']],
  ]) {
    const root = path.join(tmp, name.replace(/\W/g, '_'));
    writeSite(root, yaml);
    const out = `${root}-out`;
    const r = build(root, out, extra);
    if (r.code === 0) await checkSite(browser, name, out);
    else if (/base.url/i.test(r.stderr)) ok(`${name}: refused (exit ${r.code})`);
    else fail(`${name}: failed without naming base_url (exit ${r.code})\n${r.stderr}`);
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`\nxss: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('\nxss: no script ran');
