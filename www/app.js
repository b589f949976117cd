// The page: sends the pasted text to the worker and renders what comes back. User text is only ever put into
// the page as text nodes (never as HTML), and every highlight is a slice of the original string by UTF-16 offsets.

const $ = (id) => document.getElementById(id);
const textarea = $('text');
const analyzeButton = $('analyze');
const live = $('live');
const topSelect = $('top');
const statusEl = $('status');
const results = $('results');
const statsEl = $('stats');
const keywordsEl = $('keywords');
const highlighted = $('highlighted');
const cleanBox = $('clean');
const algorithmSelect = $('algorithm');
const documentsEl = $('documents');
const documentSelect = $('document');

// Blocks the user restored after cleaning removed them (by their text), for the current text.
let restored = [];
const REASONS = {
  uiPhrase: 'interface phrase', shareBar: 'share buttons', relatedLink: 'link to another article', teaser: 'teaser',
  templateArtefact: 'template residue', footer: 'footer', navigation: 'navigation', prompt: 'site prompt', byline: 'byline',
};

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let ready = false;
let nextId = 1;
let latestId = 0;
let current = null; // { text, result }
let activeKeyword = -1;
const pending = new Map();

worker.onmessage = ({ data }) => {
  if ('ready' in data) {
    ready = data.ready;
    analyzeButton.disabled = !ready;
    setStatus(ready ? `Ready (Maqal ${data.version}).` : `The analyzer failed to load: ${data.error}`);
    if (ready && textarea.value.trim() !== '') run();
    return;
  }
  const request = pending.get(data.id);
  pending.delete(data.id);
  if (request?.html) {
    // Pasted or opened HTML: its main text goes into the text box, then it is analyzed like any text.
    if (data.error) {
      setStatus(`${data.error.name}: ${data.error.message}`);
      return;
    }
    const { selectionStart, selectionEnd } = request;
    textarea.setRangeText(data.extracted.text, selectionStart, selectionEnd, 'end');
    restored = [];
    run();
    return;
  }
  if (!request || data.id !== latestId) return; // a newer request supersedes this one
  if (data.error) {
    setStatus(`${data.error.name}: ${data.error.message}`);
    return;
  }
  if (data.corpus) {
    // Several files analyzed together: one view per document.
    corpus = data.corpus;
    documentSelect.replaceChildren(...corpus.map((d, i) => {
      const option = document.createElement('option');
      option.value = String(i);
      option.textContent = d.name;
      return option;
    }));
    documentsEl.hidden = false;
    showDocument(0);
    setStatus(`Analyzed ${corpus.length} documents together in ${data.elapsed.toFixed(1)} ms.`);
    return;
  }
  corpus = null;
  documentsEl.hidden = true;
  current = { text: request.text, result: data.result };
  activeKeyword = -1;
  render();
  setStatus(`Analyzed in ${data.elapsed.toFixed(1)} ms.`);
};

worker.onerror = (event) => setStatus(`The analyzer stopped: ${event.message ?? 'unknown error'}`);

function setStatus(message) {
  statusEl.textContent = message;
}

function options() {
  return {
    keywords: { top: Number(topSelect.value), algorithm: algorithmSelect.value },
    clean: { enabled: cleanBox.checked, keep: restored },
  };
}

// The documents of the last multi-file analysis ([{ name, text, result }]), or null.
let corpus = null;
let corpusFiles = null;

function showDocument(index) {
  const d = corpus[index];
  documentSelect.value = String(index);
  textarea.value = d.text;
  current = { text: d.text, result: d.result };
  activeKeyword = -1;
  render();
}

function runCorpus() {
  if (!ready || !corpusFiles) return;
  const id = nextId++;
  latestId = id;
  pending.set(id, { corpus: true });
  setStatus(`Analyzing ${corpusFiles.length} documents…`);
  worker.postMessage({ id, corpus: corpusFiles, options: options() });
}

function run() {
  if (!ready) return;
  if (corpusFiles) {
    runCorpus();
    return;
  }
  const text = textarea.value;
  const id = nextId++;
  latestId = id;
  pending.set(id, { text });
  setStatus('Analyzing…');
  worker.postMessage({ id, text, options: options() });
}

let debounce = 0;
function scheduleRun() {
  if (!live.checked) return;
  clearTimeout(debounce);
  debounce = setTimeout(run, 300);
}

// Pasting: insert the clipboard's plain text ourselves, so that a paste event carrying data (from the user or
// from a test) behaves the same, then analyze at once.
// Pasting HTML (copied from a web page): the worker extracts the main text from the markup, without running or
// rendering it.
function insertHtml(html, selectionStart, selectionEnd) {
  if (!ready) return false;
  const id = nextId++;
  pending.set(id, { html: true, selectionStart, selectionEnd });
  setStatus('Reading the pasted page…');
  worker.postMessage({ id, html });
  return true;
}

textarea.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html');
  if (html && html.trim() !== '' && insertHtml(html, textarea.selectionStart, textarea.selectionEnd)) {
    event.preventDefault();
    return;
  }
  const data = event.clipboardData?.getData('text/plain');
  if (data === undefined || data === null || data === '') return;
  event.preventDefault();
  const { selectionStart, selectionEnd } = textarea;
  textarea.setRangeText(data, selectionStart, selectionEnd, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  clearTimeout(debounce);
  run();
});

textarea.addEventListener('input', () => {
  restored = [];
  // Editing the text leaves the set of files: from now on the text box is analyzed alone.
  corpusFiles = null;
  scheduleRun();
});
documentSelect.addEventListener('change', () => showDocument(Number(documentSelect.value)));
algorithmSelect.addEventListener('change', run);
cleanBox.addEventListener('change', run);
analyzeButton.addEventListener('click', run);
topSelect.addEventListener('change', run);
$('clear').addEventListener('click', () => {
  textarea.value = '';
  corpusFiles = null;
  corpus = null;
  documentsEl.hidden = true;
  current = null;
  results.hidden = true;
  textarea.focus();
});
const isHtml = (file) => /\.html?$/i.test(file.name) || file.type === 'text/html';

$('file').addEventListener('change', async (event) => {
  const files = [...(event.target.files ?? [])];
  if (files.length > 1) {
    corpusFiles = await Promise.all(files.map(async (f) => (isHtml(f)
      ? { name: f.name, html: await f.text() }
      : { name: f.name, text: await f.text() })));
    restored = [];
    run();
    return;
  }
  corpusFiles = null;
  const file = files[0];
  if (!file) return;
  const content = await file.text();
  if (isHtml(file)) {
    textarea.value = '';
    insertHtml(content, 0, 0);
    return;
  }
  textarea.value = content;
  run();
});

function formatDuration(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

const LANGUAGE_NAMES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

function languageName(code) {
  if (code === 'und') return 'undetermined';
  try {
    return LANGUAGE_NAMES?.of(code) ?? code;
  } catch {
    return code;
  }
}

function render() {
  const { text, result } = current;
  results.hidden = false;
  const direction = result.direction;
  const lang = result.language === 'und' ? '' : result.language;

  // Statistics.
  statsEl.replaceChildren();
  const stats = [
    ['Language', languageName(result.language)],
    ['Script', result.languageInfo.script],
    ['Direction', direction === 'rtl' ? 'right to left' : 'left to right'],
    ['Words', result.stats.words.toLocaleString('en')],
    ['Sentences', result.stats.sentences.toLocaleString('en')],
    ['Paragraphs', result.stats.paragraphs.toLocaleString('en')],
    ['Characters', result.stats.characters.toLocaleString('en')],
    ['Reading time', formatDuration(result.stats.readingSeconds)],
    ['Left out', `${result.removed.length} block${result.removed.length === 1 ? '' : 's'}`],
  ];
  for (const [name, value] of stats) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = name;
    dd.textContent = value;
    div.append(dt, dd);
    statsEl.append(div);
  }

  // Keyphrases.
  keywordsEl.replaceChildren();
  keywordsEl.dir = direction;
  if (lang) keywordsEl.lang = lang;
  result.keywords.forEach((k, i) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'keyword';
    button.dataset.index = String(i);
    button.setAttribute('aria-pressed', 'false');
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = k.text;
    const meter = document.createElement('meter');
    meter.min = 0;
    meter.max = 1;
    meter.value = k.score;
    meter.title = `score ${k.score.toFixed(3)}`;
    const score = document.createElement('span');
    score.className = 'score';
    score.dir = 'ltr';
    score.textContent = `${k.score.toFixed(2)} · ×${k.count}`;
    button.append(label, meter, score);
    button.addEventListener('click', () => toggleKeyword(i));
    li.append(button);
    keywordsEl.append(li);
  });
  if (result.keywords.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = 'No keyphrases: the text is empty or too short.';
    keywordsEl.append(li);
  }

  // Text with every keyphrase occurrence marked.
  highlighted.dir = direction;
  if (lang) highlighted.lang = lang;
  else highlighted.removeAttribute('lang');
  textarea.dir = direction;
  renderText(text, result.keywords, result.removed);
}

// Marks for every occurrence; where occurrences overlap, the better keyphrase (listed first) wins. Blocks that
// cleaning left out are struck through; a click on one restores it.
function renderText(text, keywords, removed) {
  const placed = [];
  for (const r of removed) placed.push({ start: r.start, end: r.end, removed: r });
  keywords.forEach((k, index) => {
    for (const span of k.spans) {
      if (!placed.some((p) => span.start < p.end && p.start < span.end)) {
        placed.push({ start: span.start, end: span.end, index });
      }
    }
  });
  placed.sort((a, b) => a.start - b.start);
  const fragment = document.createDocumentFragment();
  let pos = 0;
  for (const p of placed) {
    if (p.start > pos) fragment.append(document.createTextNode(text.slice(pos, p.start)));
    if (p.removed) {
      const del = document.createElement('del');
      del.className = 'removed';
      del.tabIndex = 0;
      del.title = `Left out (${REASONS[p.removed.reason] ?? p.removed.reason}): click to restore`;
      del.textContent = text.slice(p.start, p.end);
      const restore = () => {
        restored = [...restored, text.slice(p.start, p.end)];
        run();
      };
      del.addEventListener('click', restore);
      del.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          restore();
        }
      });
      fragment.append(del);
    } else {
      const mark = document.createElement('mark');
      mark.dataset.index = String(p.index);
      mark.textContent = text.slice(p.start, p.end);
      fragment.append(mark);
    }
    pos = p.end;
  }
  if (pos < text.length) fragment.append(document.createTextNode(text.slice(pos)));
  highlighted.replaceChildren(fragment);
}

function toggleKeyword(index) {
  activeKeyword = activeKeyword === index ? -1 : index;
  for (const b of keywordsEl.querySelectorAll('button.keyword')) {
    b.setAttribute('aria-pressed', String(Number(b.dataset.index) === activeKeyword));
  }
  let first = null;
  for (const m of highlighted.querySelectorAll('mark')) {
    const on = Number(m.dataset.index) === activeKeyword;
    m.classList.toggle('active', on);
    if (on && first === null) first = m;
  }
  highlighted.classList.toggle('focused', activeKeyword >= 0);
  first?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvField(value) {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

$('export-json').addEventListener('click', () => {
  if (!current) return;
  const { tokens, ...rest } = current.result;
  const plain = { ...rest, tokens: { start: [...tokens.start], end: [...tokens.end], kind: [...tokens.kind], sentence: [...tokens.sentence] } };
  download('maqal-analysis.json', 'application/json', JSON.stringify({ text: current.text, analysis: plain }, null, 2));
});

$('export-csv').addEventListener('click', () => {
  if (!current) return;
  const rows = [['rank', 'keyphrase', 'score', 'count', 'first_start_utf16', 'first_end_utf16']];
  current.result.keywords.forEach((k, i) => rows.push([i + 1, k.text, k.score.toFixed(4), k.count, k.spans[0]?.start ?? '', k.spans[0]?.end ?? '']));
  download('maqal-keyphrases.csv', 'text/csv', '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n');
});

if ('serviceWorker' in navigator && location.protocol !== 'file:' && !navigator.webdriver) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
