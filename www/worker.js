// Runs the WebAssembly analyzer off the main thread. Messages:
//   in:  { id, text, options }          out: { id, result } or { id, error: { name, message } }
//   in:  { id, html }                   out: { id, extracted: { text, title } } (the main text of pasted HTML)
//   in:  { id, corpus: [{ name, text?, html? }], options }
//                                       out: { id, corpus: [{ name, text, result }], elapsed } (analyzed together)
// The first message after start-up is { ready: true, version } (or { ready: false, error }).
import init, { Analyzer, htmlToText, version } from './pkg/maqal.js';

let analyzer = null;
let analyzerOptions = '';

function analyzerFor(options) {
  const key = JSON.stringify(options ?? {});
  if (analyzer === null || key !== analyzerOptions) {
    if (analyzer !== null) analyzer.free();
    analyzer = null;
    analyzer = new Analyzer(options ?? {});
    analyzerOptions = key;
  }
  return analyzer;
}

const ready = init().then(
  () => self.postMessage({ ready: true, version: version() }),
  (error) => self.postMessage({ ready: false, error: String(error) }),
);

self.onmessage = async ({ data }) => {
  await ready;
  if ('html' in data) {
    try {
      self.postMessage({ id: data.id, extracted: htmlToText(data.html) });
    } catch (error) {
      self.postMessage({ id: data.id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
    }
    return;
  }
  if ('corpus' in data) {
    try {
      const started = performance.now();
      const texts = data.corpus.map((d) => (d.html !== undefined ? htmlToText(d.html).text : d.text));
      const results = analyzerFor(data.options).analyzeCorpus(texts);
      const elapsed = performance.now() - started;
      const buffers = new Set();
      for (const r of results) for (const a of Object.values(r.tokens)) buffers.add(a.buffer);
      const corpus = results.map((result, i) => ({ name: data.corpus[i].name, text: texts[i], result }));
      self.postMessage({ id: data.id, corpus, elapsed }, [...buffers]);
    } catch (error) {
      self.postMessage({ id: data.id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
    }
    return;
  }
  const { id, text, options } = data;
  try {
    const started = performance.now();
    const result = analyzerFor(options).analyze(text);
    const elapsed = performance.now() - started;
    const t = result.tokens;
    // The typed arrays are moved, not copied; start and end share one buffer, and a buffer may be listed once.
    const buffers = new Set([t.start.buffer, t.end.buffer, t.kind.buffer, t.sentence.buffer]);
    self.postMessage({ id, result, elapsed }, [...buffers]);
  } catch (error) {
    self.postMessage({ id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
};
