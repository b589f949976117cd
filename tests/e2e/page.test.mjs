// End-to-end: serve www/, paste a seed article into the page in headless Chromium, click Analyze, and check what
// a person would see: keyphrases, right-to-left text with highlights, and no request outside the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
let server;
let browser;
let context;
let requests;

before(async () => {
  server = await serve({ port: 0 });
  ({ browser, context, requests } = await launch());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage() {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Ready'));
  return { page, errors };
}

// A real paste: a ClipboardEvent carrying the text, dispatched on the focused textarea.
async function paste(page, text) {
  await page.focus('#text');
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

for (const seed of ['000_4a5a4cae09b4e272.txt', '004_8936998626512ca3.txt']) {
  test(`pasting ${seed} shows keyphrases and right-to-left highlighted text`, async () => {
    const text = fixture(seed);
    const { page, errors } = await openPage();
    await paste(page, text);
    assert.equal(await page.inputValue('#text'), text, 'the paste lands in the textarea unchanged');
    await page.click('#analyze');
    await page.waitForFunction(() => document.querySelectorAll('#keywords button.keyword').length > 0 && document.getElementById('status').textContent.startsWith('Analyzed'));

    const keywords = await page.$$eval('#keywords .label', (els) => els.map((e) => e.textContent));
    assert.equal(keywords.length, 10);
    assert.ok(keywords.includes('المغرب'), `المغرب among ${keywords}`);
    assert.ok(keywords.some((k) => k.includes('إسرائيل') || k.includes('الإسرائيلي')), `a form of إسرائيل among ${keywords}`);

    // Direction: attribute and what the browser computes.
    assert.equal(await page.getAttribute('#highlighted', 'dir'), 'rtl');
    assert.equal(await page.$eval('#highlighted', (e) => getComputedStyle(e).direction), 'rtl');
    assert.equal(await page.$eval('#keywords', (e) => getComputedStyle(e).direction), 'rtl');

    // The highlighted view shows exactly the pasted text, with marks on keyphrase occurrences.
    assert.equal(await page.$eval('#highlighted', (e) => e.textContent), text);
    const marks = await page.$$eval('#highlighted mark', (els) => els.map((e) => e.textContent));
    assert.ok(marks.length >= 10, `${marks.length} marks`);
    assert.ok(marks.includes('المغرب'));

    // Selecting a keyphrase marks its occurrences as active.
    await page.click('#keywords button.keyword >> nth=0');
    assert.equal(await page.getAttribute('#keywords button.keyword >> nth=0', 'aria-pressed'), 'true');
    assert.ok((await page.$$('#highlighted mark.active')).length >= 1);

    // Stats are shown.
    const stats = await page.$eval('#stats', (e) => e.textContent);
    assert.match(stats, /Arabic/);
    assert.match(stats, /right to left/);

    // Page furniture is struck through, no keyphrase comes from it, and a click restores a block.
    const removed = await page.$$eval('#highlighted del.removed', (els) => els.map((e) => e.textContent));
    const furniture = seed.startsWith('000') ? ['ذات صلة', 'أحدث المقالات'] : ['Share', 'Link copied', 'المقال التالي'];
    for (const f of furniture) assert.ok(removed.includes(f), `${f} struck through among ${removed}`);
    assert.ok(!keywords.some((k) => /Link|copied|صلة/.test(k)), `${keywords}`);
    const before = removed.length;
    await page.click('#highlighted del.removed >> nth=0');
    await page.waitForFunction((n) => document.querySelectorAll('#highlighted del.removed').length < n, before);
    assert.equal(await page.$eval('#highlighted', (e) => e.textContent), text);

    mkdirSync('target/e2e', { recursive: true });
    await page.screenshot({ path: `target/e2e/${seed.replace('.txt', '')}.png`, fullPage: true });
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('pasting HTML puts its main text in the box, runs nothing, and analyzes it', async () => {
  const { page, errors } = await openPage();
  const html = `<html><head><title>T</title><script>window.__owned = 1</script></head><body>
    <nav><a href="/">Home</a> <a href="/w">World</a></nav>
    <article><h1>Solar power keeps getting cheaper</h1>
    <p>Solar power is now the cheapest source of electricity in many countries, the agency said on Monday.</p>
    <p>Solar power plants are built faster than wind farms <img src="x" onerror="window.__owned = 2">and cost less.</p></article>
    <div class="related"><a href="/a">Another story</a></div><footer>© 2024 The Courier</footer></body></html>`;
  await page.focus('#text');
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.setData('text/html', data);
    dt.setData('text/plain', 'plain fallback');
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelectorAll('#keywords button.keyword').length > 0 && document.getElementById('status').textContent.startsWith('Analyzed'));
  const value = await page.inputValue('#text');
  assert.equal(value, 'Solar power keeps getting cheaper\n\nSolar power is now the cheapest source of electricity in many countries, the agency said on Monday.\n\nSolar power plants are built faster than wind farms and cost less.');
  const keywords = await page.$$eval('#keywords .label', (els) => els.map((e) => e.textContent));
  assert.ok(keywords.some((k) => /Solar power/i.test(k)), `${keywords}`);
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing analyzes after a pause, and an empty text shows no keyphrases', async () => {
  const { page, errors } = await openPage();
  await page.fill('#text', 'Solar power is now the cheapest source of electricity in many countries. Solar power plants are built faster than wind farms, and solar power keeps getting cheaper every year.');
  await page.waitForFunction(() => document.querySelectorAll('#keywords button.keyword').length > 0);
  assert.equal(await page.getAttribute('#highlighted', 'dir'), 'ltr');
  const keywords = await page.$$eval('#keywords .label', (els) => els.map((e) => e.textContent));
  assert.ok(keywords.includes('Solar power'), `${keywords}`);
  await page.fill('#text', ' ');
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelector('#keywords li.empty') !== null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('user text is never interpreted as HTML', async () => {
  const { page, errors } = await openPage();
  const hostile = '<img src=x onerror="window.__owned=1"> <b>bold</b> script <script>window.__owned=2</script> markup markup markup';
  await paste(page, hostile);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analyzed'));
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  assert.equal(await page.$$eval('#highlighted img, #highlighted b, #highlighted script', (e) => e.length), 0);
  assert.equal(await page.$eval('#highlighted', (e) => e.textContent), hostile);
  assert.deepEqual(errors, []);
  await page.close();
});

test('several files are analyzed together, one view per document', async () => {
  const { page, errors } = await openPage();
  const shared = 'Daily Planet report. ';
  await page.setInputFiles('#file', [
    { name: 'bridge.txt', mimeType: 'text/plain', buffer: Buffer.from(`${shared}The harbour bridge reopened after repairs; the harbour bridge carries trams.`) },
    { name: 'council.txt', mimeType: 'text/plain', buffer: Buffer.from(`${shared}The city council approved the budget; the council budget rises by a tenth.`) },
    { name: 'market.html', mimeType: 'text/html', buffer: Buffer.from(`<article><p>${shared}Heavy rain flooded the old market; market stalls stayed closed all week.</p></article>`) },
  ]);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analyzed 3 documents'));
  assert.equal(await page.isVisible('#documents'), true);
  assert.deepEqual(await page.$$eval('#document option', (o) => o.map((e) => e.textContent)), ['bridge.txt', 'council.txt', 'market.html']);
  const first = () => page.$eval('#keywords .label', (e) => e.textContent);
  assert.equal(await first(), 'harbour bridge');
  await page.selectOption('#document', '2');
  assert.match(await page.inputValue('#text'), /Heavy rain flooded the old market/);
  assert.doesNotMatch(await first(), /Daily Planet/);
  // Another method re-runs the whole set.
  await page.selectOption('#algorithm', 'yake');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analyzed 3 documents'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('no request left the page origin', () => {
  assert.ok(requests.length > 0);
  const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
});
