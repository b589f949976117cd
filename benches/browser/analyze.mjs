// Browser benchmark: times the Wasm analyzer on the seed articles in headless Chromium (main thread, release
// build from www/pkg), with Intl.Segmenter word segmentation of the same text as the in-page peer.
// Usage: node benches/browser/analyze.mjs   (after scripts/build-wasm.sh). Prints JSON.
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const SEEDS = ['000_4a5a4cae09b4e272.txt', '004_8936998626512ca3.txt'];
const texts = Object.fromEntries(SEEDS.map((s) => [s, readFileSync(new URL(`../../tests/fixtures/${s}`, import.meta.url), 'utf8')]));

const server = await serve({ port: 0 });
const { browser, context } = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.url);
  const results = await page.evaluate(async (texts) => {
    const m = await import('./pkg/maqal.js');
    await m.default();
    const analyzer = new m.Analyzer();
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    // Median over samples of the mean time of `batch` calls, in milliseconds.
    const time = (fn, samples = 31, batch = 20) => {
      for (let i = 0; i < batch * 3; i++) fn();
      const out = [];
      for (let s = 0; s < samples; s++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) fn();
        out.push((performance.now() - t0) / batch);
      }
      return median(out);
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
    res.userAgent = navigator.userAgent;
    return res;
  }, texts);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  await server.close();
}
