// Runs search.js against tests/search/fixture, the index that build_index writes
// for the documents of fixture_docs() in src/search/tests.rs (kept current by
// the Rust test fixture_is_current). The expectations mirror fixture_queries there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SCRIPT = new URL('../../themes/default/static/search.js', import.meta.url);
const search = require(SCRIPT.pathname);
const INDEX = new URL('./fixture/search/index/', import.meta.url);

function fixtureFetch(log) {
  return async (url, json) => {
    const path = url.replace(/\?v=.*$/, '');
    log?.push(path.slice(INDEX.href.length));
    const body = await readFile(new URL(path));
    return json ? JSON.parse(body.toString('utf8')) : body.toString('utf8');
  };
}

async function urls(q) {
  const s = new search.Searcher(INDEX.href, fixtureFetch());
  const res = await s.search(q);
  const page = await s.page(res, 0, 100);
  return page.map((r) => r.url);
}

const DATED = '/plans/dan-so-the-gioi-2025/';
const UNDATED = '/plans/kh-hoa-gia-dinh/';

test('queries without diacritics find the plans', async () => {
  assert.equal((await urls('dan so the gioi'))[0], DATED);
  assert.deepEqual(await urls('hung dao'), ['/plans/hung-dao-2025/']);
  assert.deepEqual(await urls('ke hoach hoa gia dinh'), [DATED, UNDATED]);
  assert.deepEqual(await urls('KHONG CO TU NAY'), []);
});

test('exact diacritics rank first', async () => {
  assert.deepEqual(await urls('kế hoạch hoá gia đình'), [UNDATED, DATED]);
  assert.deepEqual(await urls('kế hoạch hóa gia đình'), [DATED, UNDATED]);
  assert.deepEqual(await urls('dân số'), [DATED, '/legal/1745-qd-ttg/', '/plans/so-theo-doi/']);
  assert.deepEqual(await urls('dan so '), [DATED, '/plans/so-theo-doi/', '/legal/1745-qd-ttg/']);
});

test('document numbers', async () => {
  for (const q of ['1745', '1745/qđ-ttg', '1745/QĐ-TTg', '1745qd']) {
    assert.equal((await urls(q))[0], '/legal/1745-qd-ttg/', q);
  }
  for (const q of ['149-kl', '149-KL/TW', '149kl', '149 kl']) {
    assert.deepEqual(await urls(q), ['/legal/149-kl-tw/', '/plans/thuc-hien-149/'], q);
  }
});

test('prefix on the last word only while typing it', async () => {
  assert.deepEqual(await urls('hung da'), ['/plans/hung-dao-2025/']);
  assert.deepEqual(await urls('hung da '), []);
});

test('query tokens', () => {
  const t = search.queryTokens('Dân số 149-KL/TW hu');
  assert.deepEqual(t.map((x) => [x.key, x.variant, x.prefix]), [
    ['dan', 'dân', false],
    ['so', 'số', false],
    ['149kltw', null, true],
    ['hu', null, true],
  ]);
  assert.deepEqual(search.queryTokens('kinh tế - xã hội').map((x) => x.key), ['kinh', 'te', 'xa', 'hoi']);
  assert.deepEqual(search.queryTokens('  '), []);
});

test('posting lists decode', () => {
  assert.deepEqual(search.decodePostings('ABC', 10), [0, 2, 5]);
  assert.deepEqual(search.decodePostings('~D', 10), [0, 1]);
  assert.deepEqual(search.decodePostings('gB', 100), [32]);
});

test('snippets mark matches and keep the text verbatim', async () => {
  const log = [];
  const s = new search.Searcher(INDEX.href, fixtureFetch(log));
  const res = await s.search('dan so');
  const [first] = await s.page(res, 0, 1);
  assert.equal(first.number, '12/KH-UBND');
  assert.equal(first.date, '20/06/2025');
  const marked = first.snippet.filter((x) => x.m).map((x) => x.t);
  assert.ok(marked.includes('dân') && marked.includes('số'), JSON.stringify(first.snippet));
  assert.ok(first.titleSegs.some((x) => x.m && x.t === 'Dân'));
  // Markup in the text stays text; the DOM code only ever sets textContent.
  const all = first.snippet.map((x) => x.t).join('');
  assert.ok(all.includes('& <b>không</b>'), all);
  // Only the shards, one chunk and the one text part were fetched.
  assert.deepEqual(log.filter((p) => !p.startsWith('s/')), ['manifest.json', 'd/0.json', `t/0/${first.id}-0.txt`]);
});

test('snippet windows long text', () => {
  const text = 'mở đầu '.repeat(100) + 'Hưng Đạo ' + 'kết thúc '.repeat(100);
  const segs = search.snippet(text, search.termsOf(search.queryTokens('hung dao')));
  assert.equal(segs[0].t, '… ');
  assert.equal(segs.at(-1).t, ' …');
  assert.deepEqual(segs.filter((x) => x.m).map((x) => x.t), ['Hưng', 'Đạo']);
  assert.ok(segs.map((x) => x.t).join('').length < 260);
});
