// Browser benchmark in headless Chromium (main thread, release build from www/pkg), peers measured in the same
// page run:
// - analysis of the seed articles, with Intl.Segmenter word segmentation of the same text as peer;
// - normalization throughput on Arabic and English news (../shared corpora, as in benches/corpus.rs), with the
//   usual hand-written JavaScript normalization (String.prototype.normalize + toLowerCase + regular expressions
//   for Arabic marks and letters, no offset map) as peer.
// Usage: node benches/browser/bench.mjs   (after scripts/build-wasm.sh). Prints JSON.
import { readFileSync, existsSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const SEEDS = ['000_4a5a4cae09b4e272.txt', '004_8936998626512ca3.txt'];
const texts = Object.fromEntries(SEEDS.map((s) => [s, readFileSync(new URL(`../../tests/fixtures/${s}`, import.meta.url), 'utf8')]));
// A 10 KB article: the two seeds one after the other, cut at the last line break before 10,000 bytes.
{
  const both = Buffer.from(Object.values(texts).join('\n\n'));
  const cut = both.subarray(0, 10000).lastIndexOf(0x0a);
  texts['seeds-10KB'] = both.subarray(0, cut).toString('utf8');
}

function corpus(envVar, relative) {
  const path = process.env[envVar] ?? new URL(`../../${relative}`, import.meta.url).pathname;
  if (!existsSync(path)) return null;
  let out = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out += (out ? '\n\n' : '') + JSON.parse(line).text;
    if (Buffer.byteLength(out) >= 300000) break;
  }
  return out;
}
const corpora = {
  arabic: corpus('MAQAL_ARABIC_CORPUS', '../shared/arabic/ar_news_dev.jsonl') ?? Object.values(texts).join('\n\n'),
  english: corpus('MAQAL_ENGLISH_CORPUS', '../shared/kp/500N-KPCrowd.jsonl') ?? 'The government announced a new plan. '.repeat(8000),
};

// The words of the stemmer fixtures (25,000 each).
const stemWords = Object.fromEntries(['ar', 'en'].map((lang) => [lang, readFileSync(new URL(`../../tests/fixtures/stems/${lang}.tsv`, import.meta.url), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0])]));

const server = await serve({ port: 0 });
const { browser, context } = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.url);
  const results = await page.evaluate(async ({ texts, corpora, stemWords }) => {
    const m = await import('./pkg/maqal.js');
    await m.default();
    const analyzer = new m.Analyzer();
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    // Median over samples of the mean time of a batch of calls, in milliseconds. Browsers coarsen
    // performance.now() (to 100 µs without cross-origin isolation), so a batch is made long enough (≥ 20 ms) for
    // that not to matter.
    const time = (fn, samples = 31) => {
      // Warmed up first (≥ 300 ms), so that the engine's optimizing tiers are reached.
      const w0 = performance.now();
      while (performance.now() - w0 < 300) fn();
      let batch = 1;
      for (;;) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) fn();
        if (performance.now() - t0 >= 20) break;
        batch *= 2;
      }
      const out = [];
      for (let s = 0; s < samples; s++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) fn();
        out.push((performance.now() - t0) / batch);
      }
      return median(out);
    };
    // Maqal against a peer: both warmed up (≥ 300 ms each, so that the JIT tiers are reached), then samples taken
    // alternately, so that the machine's load drifts alike for both. Medians, and the median of the per-pair
    // ratios (peer time ÷ Maqal time).
    const compare = (maqal, peer, samples) => {
      const calibrate = (fn) => {
        const t0 = performance.now();
        while (performance.now() - t0 < 300) fn();
        let batch = 1;
        for (;;) {
          const t1 = performance.now();
          for (let i = 0; i < batch; i++) fn();
          if (performance.now() - t1 >= 20) return batch;
          batch *= 2;
        }
      };
      const batches = [calibrate(maqal), calibrate(peer)];
      const a = [];
      const b = [];
      for (let s = 0; s < samples; s++) {
        for (const [fn, batch, out] of [[maqal, batches[0], a], [peer, batches[1], b]]) {
          const t0 = performance.now();
          for (let i = 0; i < batch; i++) fn();
          out.push((performance.now() - t0) / batch);
        }
      }
      return { maqalMs: median(a), peerMs: median(b), ratio: median(a.map((x, i) => b[i] / x)) };
    };
    const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
    const res = {};
    for (const [name, text] of Object.entries(texts)) {
      let sink = 0;
      res[name] = {
        bytes: new TextEncoder().encode(text).length,
        analyzeMs: time(() => { sink += analyzer.analyze(text).keywords.length; }),
        analyzeFunctionMs: time(() => { sink += m.analyze(text).keywords.length; }),
        intlSegmenterWordsMs: time(() => {
          for (const s of segmenter.segment(text)) if (s.isWordLike) sink += s.index;
        }),
        sink,
      };
    }
    const jsNormalize = (t) =>
      t
        .normalize('NFC')
        .toLowerCase()
        .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
        .replace(/[أإآٱ]/g, 'ا')
        .replace(/ى/g, 'ي')
        .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
        .replace(/[ \t\u00A0]+/g, ' ');
    res.normalize = {};
    for (const [name, text] of Object.entries(corpora)) {
      const bytes = new TextEncoder().encode(text).length;
      let sink = 0;
      const maqalMs = time(() => {
        const n = m.normalize(text);
        sink += n.changed ? 1 : 0;
        n.free();
      }, 15);
      const maqalWithTextMs = time(() => {
        const n = m.normalize(text);
        sink += n.text.length;
        n.free();
      }, 15);
      const peerMs = time(() => { sink += jsNormalize(text).length; }, 15);
      res.normalize[name] = {
        bytes,
        maqalMs,
        maqalMBps: bytes / maqalMs / 1000,
        maqalWithTextMs,
        peerJsMs: peerMs,
        peerJsMBps: bytes / peerMs / 1000,
        sink,
      };
    }
    // Segmentation at 10 KB, 100 KB and 1 MB of Arabic news, offsets delivered to JavaScript on both sides.
    const sized = (t, n) => {
      let out = '';
      while (new TextEncoder().encode(out).length < n) out += t + '\n\n';
      const bytes = new TextEncoder().encode(out).slice(0, n);
      return new TextDecoder().decode(bytes).replace(/\uFFFD$/, '');
    };
    const words = new Intl.Segmenter('ar', { granularity: 'word' });
    const sentences = new Intl.Segmenter('ar', { granularity: 'sentence' });
    res.segment = {};
    for (const [label, n] of [['10KB', 10000], ['100KB', 100000], ['1MB', 1000000]]) {
      const text = sized(corpora.arabic, n);
      const bytes = new TextEncoder().encode(text).length;
      const samples = n >= 1000000 ? 7 : 11;
      let tokens = 0;
      let icuWords = 0;
      const w = compare(() => {
        const t = m.tokenize(text);
        tokens = t.start.length;
      }, () => {
        const starts = [];
        const ends = [];
        const wordLike = [];
        for (const s of words.segment(text)) {
          starts.push(s.index);
          ends.push(s.index + s.segment.length);
          wordLike.push(s.isWordLike);
        }
        icuWords = starts.length;
      }, samples);
      let maqalSentences = 0;
      let icuSentences = 0;
      const st = compare(() => {
        maqalSentences = m.segment(text).sentences.length;
      }, () => {
        const starts = [];
        for (const s of sentences.segment(text)) starts.push(s.index, s.index + s.segment.length);
        icuSentences = starts.length / 2;
      }, samples);
      const [maqalWordsMs, intlWordsMs, maqalSentencesMs, intlSentencesMs] = [w.maqalMs, w.peerMs, st.maqalMs, st.peerMs];
      res.segment[label] = {
        bytes,
        maqalTokens: tokens,
        maqalWordsMs,
        maqalTokensPerSec: tokens / maqalWordsMs * 1000,
        maqalWordsMBps: bytes / maqalWordsMs / 1000,
        intlSegments: icuWords,
        intlWordsMs,
        intlSegmentsPerSec: icuWords / intlWordsMs * 1000,
        wordsRatio: w.ratio,
        maqalSentences,
        maqalSentencesMs,
        intlSentences: icuSentences,
        intlSentencesMs,
        sentencesRatio: st.ratio,
      };
    }
    // Stemming: stems per second through stemWords() (one call per 25,000-word array, words copied in and stems
    // copied out), and groupKey() one word per call.
    res.stem = {};
    for (const [lang, words] of Object.entries(stemWords)) {
      const ms = time(() => m.stemWords(words, lang), 11);
      const keyMs = time(() => { for (const w of words) m.groupKey(w, lang); }, 5);
      res.stem[lang] = { words: words.length, stemWordsMs: ms, stemsPerSec: words.length / ms * 1000, groupKeyPerSec: words.length / keyMs * 1000 };
    }
    res.userAgent = navigator.userAgent;
    return res;
  }, { texts, corpora, stemWords });
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  await server.close();
}
