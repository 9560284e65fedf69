// Drives search.js's page code (init) with a tiny fake DOM: ?q= on load,
// rendering, typing → replaceState, and that data only becomes text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { init } = require('../../themes/default/static/search.js');
const FIXTURE = new URL('./fixture/search/index/', import.meta.url);
const SITE = 'https://example.org/portal/';

class Text {
  constructor(t) { this.data = String(t); }
  get textContent() { return this.data; }
}

class Element {
  constructor(doc, tag) {
    Object.assign(this, { doc, tagName: tag.toUpperCase(), childNodes: [], attrs: {}, listeners: {} });
    Object.assign(this, { dataset: {}, hidden: false, className: '', parent: null });
  }
  append(...nodes) {
    for (const n of nodes) {
      const node = typeof n === 'string' ? new Text(n) : n;
      node.parent = this;
      this.childNodes.push(node);
    }
  }
  replaceChildren(...nodes) { this.childNodes = []; this.append(...nodes); }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }
  set textContent(t) { this.replaceChildren(String(t)); }
  set innerHTML(_) { throw new Error('innerHTML must not be used'); }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  dispatch(type, props = {}) {
    const e = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...props };
    for (const fn of this.listeners[type] || []) fn(e);
    return e;
  }
  focus() { this.doc.activeElement = this; }
  all() { return this.childNodes.flatMap((n) => (n instanceof Element ? [n, ...n.all()] : [])); }
  querySelector(sel) { return this.all().find((e) => e.tagName === sel.toUpperCase()) || null; }
  querySelectorAll(sel) {
    assert.equal(sel, 'li > a');
    return this.all().filter((e) => e.tagName === 'A' && e.parent.tagName === 'LI');
  }
}

function page(query) {
  const created = [];
  const doc = {
    readyState: 'complete', listeners: {}, activeElement: null,
    createElement(tag) { created.push(tag); return new Element(doc, tag); },
    getElementById(id) { return { 'search-q': input, 'search-results': root }[id] || null; },
    addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); },
  };
  const form = new Element(doc, 'form');
  const input = Object.assign(new Element(doc, 'input'), { value: '', form });
  const root = new Element(doc, 'div');
  root.dataset = { index: '/portal/search/index/', base: '/portal/' };
  root.append('Tìm kiếm cần JavaScript.');
  const urls = [];
  const win = {
    location: { href: `${SITE}search/${query}`, search: query },
    history: { state: null, replaceState(_s, _t, url) { urls.push(url); } },
    async fetch(url) {
      const rel = url.replace(/\?v=.*$/, '').replace(`${SITE}search/index/`, '');
      assert.ok(!rel.startsWith('http'), `fetch outside the index: ${url}`);
      const body = await readFile(new URL(rel, FIXTURE), 'utf8');
      return { ok: true, json: async () => JSON.parse(body), text: async () => body };
    },
  };
  return { doc, win, form, input, root, urls, created };
}

const items = (root) => root.all().filter((e) => e.tagName === 'LI');

test('?q= runs on load and renders safe results', async () => {
  const p = page('?q=hung%20dao');
  await init(p.doc, p.win);
  assert.equal(p.input.value, 'hung dao');
  const [status, list, more] = p.root.childNodes;
  assert.equal(status.textContent, '1 kết quả cho “hung dao”');
  assert.equal(list.tagName, 'OL');
  assert.equal(list.attrs['aria-live'], 'off');
  assert.equal(more.hidden, true);
  const [li] = items(p.root);
  const [a, meta, snip] = li.childNodes;
  assert.equal(a.href, '/portal/plans/hung-dao-2025/');
  assert.equal(a.textContent, 'Kế hoạch tổ chức kỷ niệm ngày mất của Đức Thánh Trần Hưng Đạo');
  assert.deepEqual(a.all().map((m) => m.textContent), ['Hưng', 'Đạo']);
  assert.equal(meta.textContent, '45/KH-UBND · UBND tỉnh Lào Cai · 01/08/2025');
  assert.equal(snip.tagName, 'P');
  assert.deepEqual(snip.all().map((m) => [m.tagName, m.textContent]), [['MARK', 'Hưng'], ['MARK', 'Đạo']]);
  assert.deepEqual([...new Set(p.created)].sort(), ['a', 'button', 'div', 'li', 'mark', 'ol', 'p']);
});

test('typing searches after a pause and updates the URL', async () => {
  const p = page('');
  await init(p.doc, p.win);
  assert.equal(p.root.childNodes[0].textContent, '\u00a0');
  p.input.value = 'dan so';
  p.input.dispatch('input');
  p.input.value = 'dan so ';
  p.input.dispatch('input');
  await new Promise((r) => setTimeout(r, 400));
  assert.deepEqual(p.urls, [`${SITE}search/?q=dan+so`]);
  assert.equal(p.root.childNodes[0].textContent, '3 kết quả cho “dan so”');
  // Markup in the body text arrives as text, never as elements.
  const text = items(p.root)[0].childNodes[2];
  assert.ok(text.textContent.includes('<b>không</b>'));
  assert.ok(!text.all().some((e) => e.tagName !== 'MARK'));
  // Arrow keys walk from the box into the results and back.
  p.doc.listeners.keydown[0]({ key: 'ArrowDown', target: p.input, preventDefault() {} });
  assert.equal(p.doc.activeElement, items(p.root)[0].childNodes[0]);
  p.doc.listeners.keydown[0]({ key: 'ArrowUp', target: p.doc.activeElement, preventDefault() {} });
  assert.equal(p.doc.activeElement, p.input);
});

test('submit runs at once; no match and empty query', async () => {
  const p = page('');
  await init(p.doc, p.win);
  p.input.value = 'khong co tu nay';
  const e = p.form.dispatch('submit');
  assert.ok(e.defaultPrevented);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(p.root.childNodes[0].textContent, 'Không tìm thấy kết quả nào cho “khong co tu nay”');
  p.input.value = '';
  p.form.dispatch('submit');
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(items(p.root).length, 0);
  assert.deepEqual(p.urls.at(-1), `${SITE}search/`);
});
