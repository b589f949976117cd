// Compiled (not run) by the package tests: a typical use must type-check against the published declarations.
import { analyze, Analyzer, type AnalysisResult, type Keyword, type Options, type Span } from 'maqal';

const options: Options = { keywords: { top: 5, maxWords: 2 }, normalize: { arabic: { diacritics: true }, language: 'ar' } };
const result: AnalysisResult = analyze('نص قصير عن المغرب', options);
const direction: 'ltr' | 'rtl' = result.direction;
const best: Keyword | undefined = result.keywords[0];
const firstSpan: Span | undefined = best?.spans[0];
const slice: string | undefined = firstSpan ? 'text'.slice(firstSpan.start, firstSpan.end) : undefined;
const starts: Uint32Array = result.tokens.start;
const words: number = result.stats.words;
const analyzer = new Analyzer();
const again: AnalysisResult = analyzer.analyze('another text');
analyzer.free();
// @ts-expect-error: unknown option names are rejected by the types too
analyze('x', { keyword: {} });
export { direction, slice, starts, words, again };
import { normalize, type NormalizedText } from 'maqal';
const n: NormalizedText = normalize('نص', { arabic: { tehMarbuta: true, letterVariants: 'byLanguage' }, form: 'nfkc' });
const back: Span = n.toOriginal(0, 1);
export { back };
