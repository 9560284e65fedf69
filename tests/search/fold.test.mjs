// The JS fold must equal the Rust one (src/search/folding.rs) for Vietnamese:
// these are the pairs of FOLD_PAIRS in src/search/tests.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { fold } = require('../../themes/default/static/search.js');

const PAIRS = [
  ['Đạo', 'dao'],
  ['Hưng Đạo', 'hung dao'],
  ['hóa', 'hoa'],
  ['hoá', 'hoa'],
  ['HÓA', 'hoa'],
  ['Dân số thế giới', 'dan so the gioi'],
  ['kế hoạch hóa gia đình', 'ke hoach hoa gia dinh'],
  ['KẾ HOẠCH HOÁ GIA ĐÌNH', 'ke hoach hoa gia dinh'],
  ['ĐẢNG CỘNG SẢN VIỆT NAM', 'dang cong san viet nam'],
  ['Nguyễn Thị Minh Khai', 'nguyen thi minh khai'],
  ['Quyết định 1745/QĐ-TTg', 'quyet dinh 1745/qd-ttg'],
  ['149-KL/TW', '149-kl/tw'],
  ['Ủy ban nhân dân tỉnh Lào Cai', 'uy ban nhan dan tinh lao cai'],
  ['Uỷ ban', 'uy ban'],
  ['ỨNG DỤNG', 'ung dung'],
  ['Thừa Thiên Huế', 'thua thien hue'],
  ['Bà Rịa – Vũng Tàu', 'ba ria – vung tau'],
  ['“Ngày Dân số”', '“ngay dan so”'],
  ['Ho\u0301a ta\u0300i', 'hoa tai'],
  ['Ơn ƠN ơn', 'on on on'],
  ['plain ASCII 123', 'plain ascii 123'],
  ['Café Ångström', 'cafe angstrom'],
  ['', ''],
];

const spec = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

test('fold pairs match the Rust fold', () => {
  for (const [input, want] of PAIRS) assert.equal(fold(input), want, input);
});

test('fold is the documented expression', () => {
  for (const [input] of PAIRS) assert.equal(fold(input), spec(input));
});

test('every Vietnamese letter folds to ASCII', () => {
  const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
  for (const c of letters + letters.toUpperCase()) assert.match(fold(c), /^[a-z]$/, c);
});
