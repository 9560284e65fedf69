/* planportal search, in the browser, over the static index written by
 * src/search (Rust; the file format is documented in src/search/mod.rs).
 * No dependencies, no third-party requests.
 *
 * Page contract (the /search/ template provides this markup):
 *   <form role="search" action="…/search/" method="get">
 *     <label for="search-q">…</label><input id="search-q" name="q" type="search"></form>
 *   <div id="search-results" aria-live="polite" data-index="…/search/index/" data-base="…/"></div>
 * data-index: URL of the index folder; data-base: site base URL, prefixed to
 * result URLs (site-relative, starting with "/"). The script fills #search-results:
 *   <p class="search-status">N kết quả cho “…”</p>
 *   <ol class="search-list" aria-live="off"><li><a href>title</a>
 *     <div class="search-meta">number · issuer · date</div>
 *     <p class="search-snippet">… <mark>match</mark> …</p></li>…</ol>
 *   <button type="button" class="search-more">Xem thêm kết quả</button>
 * Only the status line is announced. `?q=…` runs on load; typing updates it.
 */
(() => {
  'use strict';
  const MAX_PREFIX_SHARDS = 3; // a longer prefix range is matched exactly
  const MAX_PARTS = 2; // text parts read per result looking for a snippet
  const PAGE = 10;
  const WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu; // Rust: is_alphanumeric || mark
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const VAL = new Int8Array(128);
  for (let i = 0; i < 64; i++) VAL[ALPHA.charCodeAt(i)] = i;
  const [ANY, TITLE, NUM, EXACT, WHOLE, TITLE_WHOLE] = [1, 2, 4, 8, 16, 32];

  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const hasDigit = (s) => /[0-9]/.test(s);

  // As src/search/tokens.rs: words joined by one "-" or "/" with a digit among
  // them make one token ("149-kl" → "149kl"), prefix-matched against numbers.
  function queryTokens(q) {
    const groups = [], out = [], seen = new Set();
    let prevEnd = -1;
    for (const m of q.matchAll(WORD)) {
      const joined = prevEnd >= 0 && m.index === prevEnd + 1 && '-/'.includes(q[prevEnd]);
      prevEnd = m.index + m[0].length;
      const f = fold(m[0]);
      if (!f) continue;
      const item = [f, m[0].toLowerCase().normalize('NFC')];
      if (joined && groups.length) groups[groups.length - 1].push(item);
      else groups.push([item]);
    }
    for (const g of groups) {
      if (g.length > 1 && g.some((x) => hasDigit(x[0]))) {
        const parts = g.map((x) => x[0]);
        out.push({ key: parts.join(''), variant: null, prefix: true, parts });
      } else {
        for (const [f, v] of g) out.push({ key: f, variant: v !== f ? v : null, prefix: false, parts: [f] });
      }
    }
    // The last word is a prefix while the user is still typing it.
    if (out.length && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(q)) out[out.length - 1].prefix = true;
    return out.filter((t) => !seen.has(t.key) && seen.add(t.key));
  }

  // Code point order, as Rust sorts the shard boundaries.
  function cmp(a, b) {
    const x = [...a], y = [...b];
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }

  // [first, last] shard holding key (and, for a prefix, every key it starts),
  // or null when a prefix would fetch too many shards.
  function shardRange(firsts, key, prefix) {
    let lo = 0, hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(lo - 1, 0);
    let end = start;
    if (prefix) while (end + 1 < firsts.length && firsts[end + 1].startsWith(key)) end++;
    return end - start < MAX_PREFIX_SHARDS ? [start, end] : null;
  }

  // Posting list (src/search/postings.rs) → flags[id] |= bits.
  function decodeInto(s, flags, bits) {
    if (s[0] === '~') {
      for (let k = 1; k < s.length; k++) {
        const v = VAL[s.charCodeAt(k)];
        for (let j = 0; j < 6; j++) if (v & (1 << j)) flags[(k - 1) * 6 + j] |= bits;
      }
      return;
    }
    let prev = -1, acc = 0, mul = 1;
    for (let k = 0; k < s.length; k++) {
      const v = VAL[s.charCodeAt(k)];
      acc += (v & 31) * mul;
      if (v & 32) mul *= 32;
      else { prev += acc + 1; flags[prev] |= bits; acc = 0; mul = 1; }
    }
  }

  function decodePostings(s, n) {
    const flags = new Uint8Array(n);
    decodeInto(s, flags, 1);
    return [...flags.keys()].filter((i) => flags[i]);
  }

  // fetchFile(url, json, fresh) → Promise of parsed JSON or text.
  function Searcher(indexUrl, fetchFile) {
    const cache = new Map();
    let manifest = null;
    const load = () => (manifest ||= fetchFile(indexUrl + 'manifest.json', true, true).then((m) => {
      if (m.format !== 1) throw new Error('search index format ' + m.format);
      return m;
    }).catch((e) => { manifest = null; throw e; }));
    // The build hash keeps a cached file of an older build from being mixed in.
    const get = (m, path, json) => {
      if (!cache.has(path)) {
        cache.set(path, fetchFile(`${indexUrl}${path}?v=${m.build}`, json, false)
          .catch((e) => { cache.delete(path); throw e; }));
      }
      return cache.get(path);
    };

    async function tokenFlags(m, t) {
      let prefix = t.prefix && [...t.key].length >= 2;
      let r = shardRange(m.shards, t.key, prefix);
      if (!r) { prefix = false; r = shardRange(m.shards, t.key, false); }
      const loads = [];
      for (let i = r[0]; i <= r[1]; i++) loads.push(get(m, `s/${i}.json`, true));
      const flags = new Uint8Array(m.docs);
      for (const shard of await Promise.all(loads)) {
        for (const [k, e] of Object.entries(shard)) {
          const whole = k === t.key;
          if (!whole && !(prefix && k.startsWith(t.key))) continue;
          for (const [sp, list] of Object.entries(e[0])) {
            const s = sp || k;
            const exact = t.variant && (prefix ? s.startsWith(t.variant) : s === t.variant);
            decodeInto(list, flags, ANY | (whole ? WHOLE : 0) | (exact ? EXACT : 0));
          }
          if (e[1]) decodeInto(e[1], flags, TITLE | (whole ? TITLE_WHOLE : 0));
          if (e[2]) decodeInto(e[2], flags, NUM);
        }
      }
      return flags;
    }

    // Ranked ids: every token in the number > title > exact diacritics >
    // number > whole words; then newer (lower id) first.
    this.search = async (q) => {
      const tokens = queryTokens(q), m = await load();
      if (!tokens.length || !m.docs) return { tokens, ids: [] };
      const all = await Promise.all(tokens.map((t) => tokenFlags(m, t)));
      const digits = tokens.some((t) => hasDigit(t.key)), hits = [];
      for (let d = 0; d < m.docs; d++) {
        const c = [0, 0, 0, 0, 0, 0];
        if (!all.every((f) => { for (let b = 1; b < 6; b++) if (f[d] & (1 << b)) c[b]++; return f[d] & ANY; })) continue;
        const numAll = digits && c[2] === all.length ? 1 : 0;
        hits.push([numAll * 1e8 + (c[1] + c[5]) * 1e6 + c[3] * 1e4 + c[2] * 100 + c[4], d]);
      }
      hits.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      return { tokens, ids: hits.map((h) => h[1]) };
    };

    // Results ids[from, to) with metadata and highlighted title and snippet.
    this.page = async (res, from, to) => {
      const m = await load(), terms = termsOf(res.tokens);
      return Promise.all(res.ids.slice(from, to).map(async (id) => {
        const d = (await get(m, `d/${Math.floor(id / m.chunk)}.json`, true))[id % m.chunk];
        const r = { id, url: d[0], title: d[1], number: d[2], kind: d[3], issuer: d[4], date: d[5] };
        r.titleSegs = highlight(d[1], terms, 0, d[1].length);
        r.numberHit = numberHit(d[2], res.tokens);
        r.snippet = [];
        for (let p = 0; p < Math.min(d[6], MAX_PARTS); p++) {
          const s = snippet(await get(m, `t/${Math.floor(id / 1000)}/${id}-${p}.txt`, false), terms);
          if (!p) r.snippet = s; // no match anywhere: show the beginning
          if (s.some((x) => x.m)) { r.snippet = s; break; }
        }
        return r;
      }));
    };
  }

  // Terms to mark in titles and snippets. A number query ("45/kh") is marked
  // on the result's number line instead: its parts alone ("kh") would mark
  // unrelated words ("khẩu").
  const termsOf = (tokens) => tokens.filter((t) => t.parts.length === 1).flatMap((t) =>
    t.parts.map((key, i) => ({ key, prefix: t.prefix && i === t.parts.length - 1 })));

  // True when a query token with a digit is the start of the document's number
  // ("1745" and "1745/qđ" both mark 1745/QĐ-TTg).
  const compact = (s) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');
  const numberHit = (number, tokens) => !!number &&
    tokens.some((t) => hasDigit(t.key) && compact(number).startsWith(t.key));

  // Folded text, and for each folded code unit the index of its source char.
  function foldMap(text) {
    let f = '';
    const map = [];
    for (let i = 0; i < text.length;) {
      const len = text.codePointAt(i) > 0xffff ? 2 : 1, ch = text.slice(i, i + len);
      const ff = ch < '\x80' ? ch.toLowerCase() : fold(ch);
      for (let k = 0; k < ff.length; k++) map.push(i);
      f += ff;
      i += len;
    }
    map.push(text.length);
    return { f, map };
  }

  // Matched words [start, end, term index] in folded text.
  const matches = (f, terms) => [...f.matchAll(WORD)].flatMap((m) => {
    const i = terms.findIndex((t) => m[0] === t.key || (t.prefix && m[0].startsWith(t.key)));
    return i < 0 ? [] : [[m.index, m.index + m[0].length, i]];
  });

  // Segments [{t: text, m: marked}] of text[from, to).
  function highlight(text, terms, from, to, fm = foldMap(text)) {
    const segs = [];
    let at = from;
    for (const [fs, fe] of matches(fm.f, terms)) {
      const s = fm.map[fs], e = fm.map[fe];
      if (s < at || e > to) continue;
      if (s > at) segs.push({ t: text.slice(at, s), m: false });
      segs.push({ t: text.slice(s, e), m: true });
      at = e;
    }
    if (at < to) segs.push({ t: text.slice(at, to), m: false });
    return segs;
  }

  // About 220 chars around the spot with the most distinct query terms.
  function snippet(text, terms) {
    const fm = foldMap(text), ms = matches(fm.f, terms);
    let best = -1, bestN = 0;
    ms.forEach((x, i) => {
      const seen = new Set();
      for (let j = i; j < ms.length && ms[j][0] < x[0] + 160; j++) seen.add(ms[j][2]);
      if (seen.size > bestN) { bestN = seen.size; best = i; }
    });
    let from = best < 0 ? 0 : Math.max(0, fm.map[ms[best][0]] - 60);
    const sp = text.indexOf(' ', from);
    if (from > 0 && sp >= 0 && sp < from + 20) from = sp + 1;
    let to = Math.min(text.length, from + 220);
    const sp2 = text.lastIndexOf(' ', to);
    if (to < text.length && sp2 > from + 150) to = sp2;
    const segs = highlight(text, terms, from, to, fm);
    if (from > 0) segs.unshift({ t: '… ', m: false });
    if (to < text.length) segs.push({ t: ' …', m: false });
    return segs;
  }

  function init(doc, win) {
    const input = doc.getElementById('search-q'), root = doc.getElementById('search-results');
    if (!input || !root) return;
    const base = (root.dataset.base || '/').replace(/\/?$/, '/');
    const searcher = new Searcher(new URL(root.dataset.index || 'index/', win.location.href).href,
      (url, json, fresh) => win.fetch(url, fresh ? { cache: 'no-cache' } : {}).then((r) => {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return json ? r.json() : r.text();
      }));
    const el = (tag, cls, text) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    };
    // Data only ever reaches the page as text nodes and textContent.
    const fill = (e, segs) => { for (const s of segs) e.append(s.m ? el('mark', null, s.t) : s.t); return e; };
    const status = el('p', 'search-status', '\u00a0'), list = el('ol', 'search-list');
    const more = el('button', 'search-more', 'Xem thêm kết quả');
    list.setAttribute('aria-live', 'off');
    more.type = 'button';
    more.hidden = true;
    root.replaceChildren(status, list, more);

    const item = (r) => {
      const li = el('li'), a = fill(el('a'), r.titleSegs);
      a.href = base + r.url.replace(/^\//, '');
      const meta = el('div', 'search-meta');
      meta.append(r.numberHit ? el('mark', null, r.number) : (r.number || r.kind));
      const rest = [r.issuer, r.date].filter(Boolean).join(' · ');
      if (rest) meta.append(' · ' + rest);
      li.append(a, meta, fill(el('p', 'search-snippet'), r.snippet));
      return li;
    };

    let seq = 0, current = null, timer = 0;
    async function run(q) {
      const my = ++seq, shown = q.trim();
      if (!shown) {
        current = null;
        list.replaceChildren();
        status.textContent = '\u00a0';
        more.hidden = true;
        return;
      }
      const slow = setTimeout(() => { if (my === seq) status.textContent = 'Đang tìm…'; }, 400);
      try {
        const res = await searcher.search(q), items = my === seq ? await searcher.page(res, 0, PAGE) : [];
        if (my !== seq) return;
        // Old results stay until the new ones are complete: no flicker, no shift.
        current = { res, shown: items.length };
        list.replaceChildren(...items.map(item));
        const n = res.ids.length;
        status.textContent = n ? `${n.toLocaleString('vi-VN')} kết quả cho “${shown}”`
          : `Không tìm thấy kết quả nào cho “${shown}”`;
        more.hidden = n <= items.length;
      } catch (e) {
        if (my === seq) status.textContent = 'Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.';
      } finally {
        clearTimeout(slow);
      }
    }
    const setUrl = (q) => {
      const u = new URL(win.location.href);
      if (q.trim()) u.searchParams.set('q', q.trim());
      else u.searchParams.delete('q');
      win.history.replaceState(win.history.state, '', u.href);
    };
    const now = () => { clearTimeout(timer); setUrl(input.value); return run(input.value); };
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(now, 200); });
    input.form?.addEventListener('submit', (e) => { e.preventDefault(); now(); });
    more.addEventListener('click', async () => {
      const c = current, my = seq;
      if (!c) return;
      try {
        const items = await searcher.page(c.res, c.shown, c.shown + PAGE);
        if (my !== seq || !items.length) return;
        const nodes = items.map(item);
        list.append(...nodes);
        c.shown += items.length;
        more.hidden = c.shown >= c.res.ids.length;
        nodes[0].querySelector('a').focus();
      } catch (e) {
        status.textContent = 'Không tải được kết quả. Vui lòng thử lại.';
      }
    });
    // Arrow keys move between the search box and the result links.
    doc.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const links = [...list.querySelectorAll('li > a')];
      const i = e.target === input ? -1 : links.indexOf(e.target);
      const j = i + (e.key === 'ArrowDown' ? 1 : -1);
      if ((i < 0 && e.target !== input) || j < -1 || j >= links.length) return;
      e.preventDefault();
      (j < 0 ? input : links[j]).focus();
    });

    const q = new URLSearchParams(win.location.search).get('q');
    if (q) {
      input.value = q;
      return run(q);
    }
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { fold, queryTokens, shardRange, decodePostings, Searcher, snippet, termsOf, init };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => init(document, window));
  } else {
    init(document, window);
  }
})();
