// Word segmentation in Chromium: Maqal's tokens against Intl.Segmenter (ICU) on the fixtures. Where they differ,
// the difference must be one of the documented rules:
//  1. special tokens: Maqal keeps URLs, e-mail addresses, @mentions, #hashtags, dates and times whole, ICU splits them;
//  2. letters joined by a full stop (U.S, e.g, z.B, One.Two): one word in UAX #29 (WB6/WB7, MidNumLet), split by
//     Chromium's ICU rules;
//  3. Chinese and Japanese: ICU segments with a dictionary, UAX #29 gives one ideograph (or kana) per token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const cases = JSON.parse(fixture('segment_cases.json')).cases;
const texts = {
  '000 seed': fixture('000_4a5a4cae09b4e272.txt'),
  '004 seed': fixture('004_8936998626512ca3.txt'),
  'arabic_vocalized.txt': fixture('arabic_vocalized.txt'),
  'segment_cases.json inputs': cases.map((c) => c.input).join('\n'),
};

let server;
let browser;
let context;
before(async () => {
  server = await serve({ port: 0 });
  ({ browser, context } = await launch());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('word segmentation agrees with Intl.Segmenter except for documented rules', async () => {
  const page = await context.newPage();
  await page.goto(server.url);
  const results = await page.evaluate(async (texts) => {
    const m = await import('./pkg/maqal.js');
    await m.default();
    const out = {};
    for (const [name, text] of Object.entries(texts)) {
      const t = m.tokenize(text);
      const ours = [];
      for (let i = 0; i < t.start.length; i++) ours.push({ start: t.start[i], end: t.end[i], kind: t.kind[i] });
      const theirs = [];
      for (const s of new Intl.Segmenter('ar', { granularity: 'word' }).segment(text)) {
        if (s.isWordLike) theirs.push({ start: s.index, end: s.index + s.segment.length });
      }
      out[name] = { ours, theirs };
    }
    return out;
  }, texts);
  await page.close();

  const WORD_LIKE = new Set([0, 1, 4, 5, 6, 7]);
  const SPECIAL = new Set([4, 5, 6, 7]);
  const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
  let compared = 0;
  for (const [name, { ours, theirs }] of Object.entries(results)) {
    const text = texts[name];
    const key = (r) => `${r.start}:${r.end}`;
    const theirSet = new Set(theirs.map(key));
    const oursWords = ours.filter((r) => WORD_LIKE.has(r.kind));
    const ourSet = new Set(oursWords.map(key));
    const rule = (r) => {
      const s = text.slice(r.start, r.end);
      if (SPECIAL.has(r.kind) || (r.kind === 1 && /[/:\-]/.test(s))) return 'special';
      if (/\p{L}\.\p{L}/u.test(s)) return 'dotted';
      if (cjk.test(s)) return 'dictionary';
      return null;
    };
    const unexplained = [];
    for (const r of oursWords) {
      if (!theirSet.has(key(r)) && !rule(r)) unexplained.push(`Maqal only: ${JSON.stringify(text.slice(r.start, r.end))}`);
    }
    for (const r of theirs) {
      if (ourSet.has(key(r))) continue;
      const s = text.slice(r.start, r.end);
      const inside = oursWords.find((o) => o.start <= r.start && r.end <= o.end && rule(o));
      if (!inside && !cjk.test(s)) unexplained.push(`ICU only: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(unexplained, [], `${name}: differences not covered by a documented rule`);
    compared += theirs.length;
  }
  assert.ok(compared > 1500, `${compared} ICU words compared`);
  // On the seed articles the two agree exactly.
  for (const name of ['000 seed', '004 seed']) {
    const { ours, theirs } = results[name];
    assert.equal(ours.filter((r) => WORD_LIKE.has(r.kind)).length, theirs.length, name);
  }
});

test('tokenize in Chromium reads the string as UTF-16: same tokens as segment(), buffers reused, lone surrogates', async () => {
  const page = await context.newPage();
  await page.goto(server.url);
  const copier = [...readFileSync(new URL('../../src/utf16_copy.wasm', import.meta.url))];
  const results = await page.evaluate(async ({ texts, copier }) => {
    const m = await import('./pkg/maqal.js');
    await m.default();
    // The engine takes src/utf16_copy.wasm (JS String Builtins and GC arrays), so tokenize() takes the UTF-16 path.
    const copy = new WebAssembly.Instance(
      new WebAssembly.Module(new Uint8Array(copier), { builtins: ['js-string'] }),
      { maqal: { memory: new WebAssembly.Memory({ initial: 1 }) } },
    ).exports.copy;
    const spans = (text) => {
      const t = m.tokenize(text);
      return [...t.start].map((s, i) => text.slice(s, t.end[i]));
    };
    const same = Object.entries(texts).map(([name, text]) => {
      const t = m.tokenize(text);
      const s = m.segment(text).tokens;
      return [name, t.start.length > 50 && [...t.start].join() === [...s.start].join()
        && [...t.end].join() === [...s.end].join() && [...t.kind].join() === [...s.kind].join()];
    });
    const long = 'المغرب يعزز التعاون. '.repeat(50000);
    return {
      copy: typeof copy,
      same,
      long: spans(long).length,
      short: spans('نص قصير'),
      empty: spans(''),
      lone: spans('a \uD800 كلمة b'),
      lone2: spans('x\uDC00y z'),
      pair: spans('😀 نص'),
    };
  }, { texts, copier });
  await page.close();
  assert.equal(results.copy, 'function');
  for (const [name, ok] of results.same) assert.ok(ok, name);
  assert.equal(results.long, 200000);
  // A shorter text after a longer one: nothing of the longer text is left over.
  assert.deepEqual(results.short, ['نص', 'قصير']);
  assert.deepEqual(results.empty, []);
  assert.deepEqual(results.lone, ['a', '\uD800', 'كلمة', 'b']);
  assert.deepEqual(results.lone2, ['x', '\uDC00', 'y', 'z']);
  assert.deepEqual(results.pair, ['😀', 'نص']);
});
