// Tests of the npm package as a user gets it (pkg/, imported as 'maqal' through its package.json exports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  analyze, analyzeCorpus, Analyzer, clean, detectLanguage, detectParagraphLanguages, groupKey, normalize, segment, stemLanguages, stemWords,
  stopwordLanguages, tokenize, version,
} from 'maqal';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const SEEDS = ['000_4a5a4cae09b4e272.txt', '004_8936998626512ca3.txt'];

test('version matches Cargo.toml', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(version(), cargo.match(/^version = "([^"]+)"/m)[1]);
});

test('the package has every file its package.json lists, the data licences among them', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../pkg/package.json', import.meta.url), 'utf8'));
  for (const file of manifest.files) {
    assert.ok(readFileSync(new URL(`../../pkg/${file}`, import.meta.url)).length > 0, file);
  }
  assert.ok(manifest.files.includes('THIRD_PARTY.md') && manifest.files.includes('WORDNET-LICENSE'));
});

for (const seed of SEEDS) {
  test(`${seed}: result shape, UTF-16 spans and keyphrases`, () => {
    const text = fixture(seed);
    const a = analyze(text);
    assert.equal(a.language, 'ar');
    assert.equal(a.direction, 'rtl');
    assert.equal(a.stats.utf16Length, text.length);
    for (const key of ['words', 'sentences', 'paragraphs', 'characters', 'readingSeconds']) {
      assert.ok(Number.isInteger(a.stats[key]) && a.stats[key] > 0, key);
    }
    assert.equal(a.sentences.length, a.stats.sentences);
    assert.equal(a.paragraphs.length, a.stats.paragraphs);

    // Sentences are in order, do not overlap, and slice to trimmed text.
    let last = 0;
    for (const s of a.sentences) {
      assert.ok(s.start >= last && s.end > s.start, JSON.stringify(s));
      const slice = text.slice(s.start, s.end);
      assert.equal(slice, slice.trim());
      last = s.end;
    }

    // Keywords: best first, scores in (0, 1], every span slices to the keyword or a variant of it (the display form
    // is one spelling, possibly without a leading proclitic: جبهة البوليساريو in لجبهة البوليساريو).
    assert.equal(a.keywords.length, 10);
    assert.equal(a.keywords[0].score, 1);
    for (let i = 1; i < a.keywords.length; i++) assert.ok(a.keywords[i].score <= a.keywords[i - 1].score);
    for (const k of a.keywords) {
      assert.equal(k.count, k.spans.length);
      assert.ok(k.spans.some((s) => text.slice(s.start, s.end).endsWith(k.text)), k.text);
      for (const s of k.spans) {
        assert.equal(s.text, 'original');
        const bytes = Buffer.from(text, 'utf8');
        assert.equal(bytes.subarray(s.byteStart, s.byteEnd).toString('utf8'), text.slice(s.start, s.end));
      }
    }
    const texts = a.keywords.map((k) => k.text);
    assert.ok(texts.includes('المغرب'), texts.join(' | '));

    // Tokens as typed arrays, consistent with the text.
    const t = a.tokens;
    assert.ok(t.start instanceof Uint32Array && t.kind instanceof Uint8Array);
    assert.equal(t.start.length, t.end.length);
    assert.ok(t.start.length >= a.stats.words);
    const words = [...t.kind].filter((k) => k <= 1).length;
    assert.equal(words, a.stats.words);
  });
}

test('UTF-16 offsets with astral characters (emoji) and combining marks', () => {
  const text = '😀😀 Solar power 😀 is cheap. Solar power is clean. Solar power wins. Café au lait.';
  const a = analyze(text);
  const k = a.keywords.find((x) => x.key === 'solar power');
  assert.ok(k);
  for (const s of k.spans) assert.equal(text.slice(s.start, s.end), 'Solar power');
});

test('an Analyzer is reusable and accepts partial options', () => {
  const analyzer = new Analyzer({ keywords: { top: 3 }, normalize: { caseFold: true } });
  for (const seed of SEEDS) {
    const a = analyzer.analyze(fixture(seed));
    assert.equal(a.keywords.length, 3);
  }
  analyzer.free();
});

test('bad arguments throw real errors with clear messages', () => {
  assert.throws(() => analyze(42), { name: 'TypeError', message: /text must be a string, got number/ });
  assert.throws(() => analyze(undefined), TypeError);
  assert.throws(() => analyze('x', 'options'), { name: 'TypeError', message: /options must be a plain object/ });
  assert.throws(() => analyze('x', { keyword: {} }), { name: 'TypeError', message: /unknown field `keyword`/ });
  assert.throws(() => analyze('x', { keywords: { top: 'ten' } }), TypeError);
  assert.throws(() => analyze('x', { keywords: { maxWords: 0 } }), { name: 'RangeError', message: /keywords\.maxWords/ });
  assert.throws(() => analyze('x', { language: 'klingon' }), { name: 'RangeError', message: /unknown language/ });
  assert.throws(() => new Analyzer({ wordsPerMinute: -1 }), RangeError);
  // After errors the module still works.
  assert.equal(analyze('Still working after errors, the analyzer keeps going.').stats.words, 8);
});

test('edge inputs give well-defined results', () => {
  for (const text of ['', ' ', '\n\n\n', '...', '\u200f\u200e', '\ud800 lone surrogate', 'a'.repeat(10000)]) {
    const a = analyze(text);
    assert.equal(a.stats.utf16Length, text.length);
    for (const k of a.keywords) for (const s of k.spans) assert.ok(s.end <= text.length);
  }
  assert.deepEqual(analyze('').keywords, []);
});

test('forcing a language', () => {
  const a = analyze('Le gouvernement a annoncé un plan pour les transports publics.', { language: 'fr' });
  assert.equal(a.language, 'fr');
  assert.equal(a.languageInfo.confidence, 1);
});

test('normalize: options as plain objects, spans both ways in UTF-16', () => {
  const text = '😀 كِتَابٌ   جـديد «نعم»';
  const n = normalize(text);
  assert.equal(n.text, '😀 كتاب جديد "نعم"');
  assert.equal(n.changed, true);
  const at = n.text.indexOf('جديد');
  const span = n.toOriginal(at, at + 'جديد'.length);
  assert.equal(span.text, 'original');
  assert.equal(text.slice(span.start, span.end), 'جـديد');
  const back = n.toNormalized(span.start, span.end);
  assert.equal(back.text, 'normalized');
  assert.equal(n.text.slice(back.start, back.end), 'جديد');
  // The emoji is two UTF-16 code units on both sides.
  const e = n.toOriginal(0, 2);
  assert.deepEqual([e.start, e.end], [0, 2]);
  assert.throws(() => n.toOriginal(5, 2), RangeError);
  assert.throws(() => n.toOriginal(0, 1e9), RangeError);
  n.free();

  const kept = normalize('Crème  BRÛLÉE', { latinAccents: true, caseFold: true });
  assert.equal(kept.text, 'creme brulee');
  const persian = normalize('كتاب يك', { language: 'fa' });
  assert.equal(persian.text, 'کتاب یک');
  assert.equal(normalize('مدرسة', { arabic: { tehMarbuta: true } }).text, 'مدرسه');
  assert.equal(normalize('same text').changed, false);
  assert.throws(() => normalize('x', { arabic: { tatweal: true } }), { name: 'TypeError', message: /unknown field `tatweal`/ });
  assert.throws(() => normalize('x', { form: 'nfd' }), TypeError);
});

test('tokenize and segment: typed arrays of UTF-16 offsets, typed kinds', () => {
  const text = '😀 See https://maqal.org/a, at 10:30 #المغرب. Dr. Smith came.';
  const t = tokenize(text);
  assert.ok(t.start instanceof Uint32Array && t.kind instanceof Uint8Array);
  const tokens = [...t.start].map((s, i) => [text.slice(s, t.end[i]), t.kind[i]]);
  assert.deepEqual(tokens[0], ['😀', 8]);
  assert.ok(tokens.some(([s, k]) => s === 'https://maqal.org/a' && k === 4));
  assert.ok(tokens.some(([s, k]) => s === '10:30' && k === 1));
  assert.ok(tokens.some(([s, k]) => s === '#المغرب' && k === 7));
  const plain = tokenize(text, { mode: 'plain' });
  assert.ok(plain.start.length > t.start.length);
  const s = segment(text);
  assert.deepEqual(s.sentences.map((x) => text.slice(x.start, x.end)), ['😀 See https://maqal.org/a, at 10:30 #المغرب.', 'Dr. Smith came.']);
  assert.equal(s.paragraphs.length, 1);
  assert.equal(s.tokens.sentence.length, s.tokens.start.length);
  assert.throws(() => tokenize(text, { mode: 'fancy' }), TypeError);
  assert.throws(() => segment(null), TypeError);
  assert.throws(() => tokenize(42), { name: 'TypeError', message: /tokenize: text must be a string, got number/ });
});

test('tokenize: buffers reused across calls of any size; lone surrogates keep offsets aligned', () => {
  const long = 'المغرب يعزز التعاون. '.repeat(5000);
  const spans = (text) => {
    const t = tokenize(text);
    return [...t.start].map((s, i) => text.slice(s, t.end[i]));
  };
  const all = spans(long);
  assert.equal(all.length, 20000);
  assert.deepEqual(all.slice(-4), ['المغرب', 'يعزز', 'التعاون', '.']);
  // A shorter text after a longer one: nothing of the longer text is left over.
  assert.deepEqual(spans('نص قصير'), ['نص', 'قصير']);
  assert.deepEqual(spans(''), []);
  // A lone surrogate is one UTF-16 unit in JavaScript and U+FFFD in UTF-8: the offsets after it still match.
  assert.deepEqual(spans('a \uD800 كلمة b'), ['a', '\uD800', 'كلمة', 'b']);
  assert.deepEqual(spans('x\uDC00y z'), ['x', '\uDC00', 'y', 'z']);
  // The same tokens as the segmentation, which receives the text the usual way.
  const s = segment(long.slice(0, 2000));
  const t = tokenize(long.slice(0, 2000));
  assert.deepEqual([...t.start], [...s.tokens.start]);
  assert.deepEqual([...t.end], [...s.tokens.end]);
});

test('languages: detection per text and per paragraph, stems, grouping keys', () => {
  const text = fixture(SEEDS[1]);
  const info = detectLanguage(text);
  assert.equal(info.code, 'ar');
  assert.equal(info.direction, 'rtl');
  const paragraphs = detectParagraphLanguages(text);
  assert.ok(paragraphs.length > 3);
  for (const p of paragraphs) {
    assert.equal(typeof p.language.code, 'string');
    if (text.slice(p.start, p.end).trim() === 'Link copied') assert.equal(p.language.code, 'und');
  }
  const uncleaned = analyze(text, { clean: { enabled: false } });
  assert.deepEqual(uncleaned.paragraphs.map((p) => p.language.code), paragraphs.map((p) => p.language.code));
  assert.ok(stemLanguages().length >= 30 && stemLanguages().includes('ar'));
  assert.ok(stopwordLanguages().length >= 50);
  assert.deepEqual(stemWords(['Cooperation', 'cooperations'], 'en'), ['cooper', 'cooper']);
  assert.equal(groupKey('بالمغرب', 'ar'), groupKey('المغرب', 'ar'));
  assert.equal(groupKey('Israéliens', 'fr'), groupKey('israélien', 'fr'));
  assert.notEqual(groupKey('إلى', 'ar'), groupKey('إلا', 'ar'));
  assert.throws(() => stemWords(['x'], 'xx'), (e) => e instanceof RangeError && /no stemmer/.test(e.message));
  assert.throws(() => stemWords('x', 'en'), TypeError);
  assert.throws(() => groupKey('x', 5), TypeError);
});

test('cleaning: removed blocks with reasons and spans in the pasted text; switchable', () => {
  const text = fixture(SEEDS[1]);
  const a = analyze(text);
  const removed = a.removed.map((r) => [text.slice(r.start, r.end), r.reason]);
  assert.deepEqual(removed, [
    ['Share', 'uiPhrase'], ['Link copied', 'uiPhrase'], ['Share', 'uiPhrase'], ['Link copied', 'uiPhrase'], ['المقال التالي', 'uiPhrase'],
  ]);
  assert.ok(!a.keywords.some((k) => /link|copied|share/i.test(k.text)));
  for (const s of a.sentences) assert.ok(!/Link copied/.test(text.slice(s.start, s.end)));
  assert.equal(a.keySentences.length, 3);
  assert.ok(a.keySentences.every((i, j, xs) => Number.isInteger(i) && i < a.sentences.length && (j === 0 || xs[j - 1] < i)));
  assert.equal(analyze(text, { keySentences: 1 }).keySentences.length, 1);
  const off = analyze(text, { clean: { enabled: false } });
  assert.equal(off.removed.length, 0);
  assert.ok(off.stats.paragraphs > a.stats.paragraphs);
  const extra = analyze('Breaking\n\nThe council met on Monday and agreed on a plan for the buses.', { clean: { extraPhrases: ['breaking'] } });
  assert.deepEqual(extra.removed.map((r) => r.reason), ['uiPhrase']);
  assert.throws(() => analyze(text, { clean: { enable: true } }), TypeError);
  const c = clean(text);
  assert.equal(c.changed, true);
  assert.deepEqual(c.removed.map((r) => text.slice(r.start, r.end)), ['Share', 'Link copied', 'Share', 'Link copied', 'المقال التالي']);
  assert.ok(c.text.startsWith('معهد أمريكي'));
  assert.ok(!c.text.includes('Link copied'));
  const plain = 'One plain sentence here.\n\nAnd another one there.';
  assert.deepEqual(clean(plain), { text: plain, changed: false, removed: [] });
  assert.throws(() => clean(text, { language: 'xx-nope' }), RangeError);
  assert.throws(() => clean(42), TypeError);
});

test('the README example runs and prints what it says', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.match(/<!-- example:js -->\s*```js\n([\s\S]*?)```/);
  assert.ok(block, 'README has a JS example marked <!-- example:js -->');
  mkdirSync(`${root}target`, { recursive: true });
  const file = `${root}target/readme-example.mjs`;
  writeFileSync(file, block[1]);
  const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  assert.equal(lines[0], 'ar rtl');
  assert.ok(lines.length >= 3);
  assert.ok(lines.some((l) => l.startsWith('خطة عمل عسكرية')), out);
});

test('TypeScript declarations type-check a typical use', () => {
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, ['-p', fileURLToPath(new URL('./tsconfig.json', import.meta.url))], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

test('keyphrase methods and corpus mode', () => {
  const docs = [
    'Daily Planet report. The harbour bridge reopened after repairs; the harbour bridge carries trams.',
    'Daily Planet report. The city council approved the budget; the council budget rises by a tenth.',
    'Daily Planet report. Heavy rain flooded the old market; market stalls stayed closed all week.',
  ];
  for (const algorithm of ['combined', 'yake', 'tfidf', 'positionrank']) {
    const a = analyze(docs[0], { keywords: { algorithm, top: 5 } });
    assert.ok(a.keywords.length > 0 && a.keywords.length <= 5, algorithm);
    assert.equal(a.keywords[0].score, 1);
  }
  assert.throws(() => analyze('x', { keywords: { algorithm: 'textrank' } }), TypeError);
  const results = analyzeCorpus(docs, { keywords: { top: 3 } });
  assert.equal(results.length, 3);
  assert.equal(results[0].keywords[0].text, 'harbour bridge');
  assert.ok(results.every((r) => !/Daily Planet/.test(r.keywords[0].text)));
  assert.ok(results[2].tokens.start instanceof Uint32Array);
  const analyzer = new Analyzer({ keywords: { minWords: 2 } });
  assert.equal(analyzer.analyzeCorpus(docs).length, 3);
  analyzer.free();
  assert.throws(() => analyzeCorpus('not an array'), { name: 'TypeError', message: /array of strings/ });
  assert.throws(() => analyzeCorpus(['ok', 3]), { name: 'TypeError', message: /texts\[1\]/ });
  assert.deepEqual(analyzeCorpus([]), []);
});
