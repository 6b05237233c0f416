// check.mjs: an optional end-to-end check of newsd from a real browser, the way
// a single-page app on another origin uses it (make browser-check). It starts
// newsd on the samples and a blank page on a second loopback port, drives
// Debian's Chromium (headless) through playwright-core, and runs fetch() from
// the page: lists, Link paging, ETag revalidation, gzip, writes with the key,
// problem+json errors, refusals, non-ASCII search, configured origins. Every
// check names what a page would see; the exit status is 1 when any fails.
// Not part of `make test`: CI has no Chromium.
//
//   node tools/browser/check.mjs [NEWSD_BIN]     (CHROMIUM=/usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const BIN = path.resolve(process.argv[2] || 'build/newsd');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const KEY = 'browser-key';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsd-browser-'));
const DB = path.join(tmp, 'news.db');
const children = [];
const servers = [];

// Starts `newsd serve` with extra environment; resolves to its base URL.
function serve(env, args = []) {
  const child = spawn(BIN, ['serve', '--db', DB, '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (l) => {
      const m = /listening on (http:\/\/\S+)/.exec(l);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`newsd exited (${code}) before listening`)));
  });
}

// Serves a blank page on a free loopback port: the app's origin.
function pageServer() {
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>newsd browser check</title>');
  });
  servers.push(s);
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${s.address().port}`)));
}

// The checks, run inside the page: each returns [name, ok, detail].
async function pageChecks({ API, KEY }) {
  const out = [];
  const check = async (name, f) => {
    try {
      const [ok, detail] = await f();
      out.push([name, ok, detail]);
    } catch (e) {
      out.push([name, false, `threw ${e} (a CORS refusal shows as "Failed to fetch")`]);
    }
  };
  const abs = (link) => new URL(link, API).href; // links are relative to the API, not the page

  await check('list /articles: body, ETag, Link, X-Total-Count readable', async () => {
    const r = await fetch(`${API}/articles?limit=2`);
    const j = await r.json();
    const h = ['ETag', 'Link', 'X-Total-Count', 'X-Request-Id'].map((n) => [n, r.headers.get(n)]);
    return [r.status === 200 && j.data.length === 2 && h.every(([, v]) => v),
      JSON.stringify(Object.fromEntries(h))];
  });
  await check('follow Link rel=next (resolved against the API origin)', async () => {
    const r = await fetch(`${API}/articles?limit=2`);
    const first = (await r.json()).data.map((a) => a.id);
    const next = /<([^>]*)>;\s*rel="next"/.exec(r.headers.get('Link'))[1];
    const r2 = await fetch(abs(next));
    const ids = (await r2.json()).data.map((a) => a.id);
    return [r2.status === 200 && ids.length > 0 && !ids.some((i) => first.includes(i)),
      `${first} then ${ids}`];
  });
  await check('list /quotes and follow links.next', async () => {
    const j = await (await fetch(`${API}/quotes?limit=3`)).json();
    const j2 = await (await fetch(abs(j.links.next))).json();
    return [j.data.length === 3 && j2.data.length === 3 && j2.data[0].id !== j.data[0].id,
      `total ${j.meta.total}`];
  });
  await check('If-None-Match from JS answers 304 with the ETag readable', async () => {
    const r = await fetch(`${API}/articles?limit=3`, { cache: 'no-store' });
    const etag = r.headers.get('ETag');
    const r2 = await fetch(`${API}/articles?limit=3`,
      { cache: 'no-store', headers: { 'If-None-Match': etag } });
    return [r2.status === 304 && r2.headers.get('ETag') === etag, `${etag} -> ${r2.status}`];
  });
  await check("the browser's own revalidation (cache: 'no-cache') gives the page a 200", async () => {
    const a = await (await fetch(`${API}/quotes?limit=4`, { cache: 'no-cache' })).text();
    const r = await fetch(`${API}/quotes?limit=4`, { cache: 'no-cache' });
    return [r.status === 200 && (await r.text()) === a, `status ${r.status}`];
  });
  await check('gzip: the browser takes the -gz form of a large article', async () => {
    const r = await fetch(`${API}/articles/2`, { cache: 'no-store' });
    const j = await r.json();
    const etag = r.headers.get('ETag') || '';
    return [r.status === 200 && j.id === 2 && etag.endsWith('-gz"'), etag];
  });
  let created = 0;
  await check('POST with the key (preflight: Authorization, Content-Type): 201 + Location', async () => {
    const r = await fetch(`${API}/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Zürich night tram returns to Höngg',
        body: 'ZÜRICH — The night tram is back on the Höngg line, the operator said on Monday.\n\n' +
          '"We missed it," said Ida Brändli, who rides it home from her late shift.',
        published_at: '2026-03-09',
      }),
    });
    const j = await r.json();
    created = j.id;
    return [r.status === 201 && r.headers.get('Location') === `/articles/${j.id}`,
      `${r.status} ${r.headers.get('Location')}`];
  });
  await check('non-ASCII search finds it (q=Höngg, q=Zürich)', async () => {
    const a = await (await fetch(`${API}/articles?q=${encodeURIComponent('Höngg')}`,
      { cache: 'no-store' })).json();
    const b = await (await fetch(`${API}/articles?q=Zürich&fields=id,title`,
      { cache: 'no-store' })).json();
    return [a.meta.total === 1 && a.data[0].id === created && b.meta.total >= 1 &&
      a.links.self === '/articles?q=H%C3%B6ngg', `${a.meta.total} ${b.meta.total} ${a.links.self}`];
  });
  await check('non-ASCII entity prefix (q=São)', async () => {
    const j = await (await fetch(`${API}/entities?q=${encodeURIComponent('São')}`)).json();
    return [j.meta.total >= 1 && j.data.every((e) => e.name.startsWith('São')),
      j.data.map((e) => e.name).join(', ')];
  });
  await check('DELETE with the key: 204, then 404 problem+json readable', async () => {
    const init = { method: 'DELETE', headers: { Authorization: `Bearer ${KEY}` } };
    const r = await fetch(`${API}/articles/${created}`, init);
    const r2 = await fetch(`${API}/articles/${created}`, init);
    const p = await r2.json();
    return [r.status === 204 && r2.status === 404 && p.status === 404 && p.detail,
      `${r.status}, ${r2.status} ${p.detail}`];
  });
  await check('401 without the key: problem+json readable', async () => {
    const r = await fetch(`${API}/articles`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const p = await r.json();
    return [r.status === 401 && r.headers.get('Content-Type') === 'application/problem+json' &&
      p.title === 'Unauthorized', `${r.status} ${p.detail}`];
  });
  await check('400 problem+json readable', async () => {
    const r = await fetch(`${API}/articles?limit=abc`);
    const p = await r.json();
    return [r.status === 400 && /limit/.test(p.detail), p.detail];
  });
  await check('405 with Allow readable', async () => {
    const r = await fetch(`${API}/health`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` } });
    return [r.status === 405 && r.headers.get('Allow') === 'GET, HEAD, OPTIONS',
      `${r.status} Allow: ${r.headers.get('Allow')}`];
  });
  await check('414 for a long search URL is readable, not a network error', async () => {
    const r = await fetch(`${API}/articles?q=${'a'.repeat(2100)}`);
    const p = await r.json();
    return [r.status === 414 && p.status === 414, `${r.status} ${p.detail}`];
  });
  await check('CSV export from JS', async () => {
    const r = await fetch(`${API}/quotes?limit=2`, { headers: { Accept: 'text/csv' } });
    const t = await r.text();
    return [r.status === 200 && t.startsWith('id,') && r.headers.get('X-Total-Count'),
      r.headers.get('Content-Type')];
  });
  await check('X-Request-Id sent by the page is echoed and readable', async () => {
    const r = await fetch(`${API}/health`, { headers: { 'X-Request-Id': 'page-1' } });
    return [r.headers.get('X-Request-Id') === 'page-1', r.headers.get('X-Request-Id')];
  });
  return out;
}

// Fetches url from the page; resolves to the status, or to the error's text.
async function fetchFrom(page, url) {
  return page.evaluate(async (u) => {
    try { return (await fetch(u)).status; } catch (e) { return String(e); }
  }, url);
}

async function main() {
  const ingest = spawnSync(BIN, ['ingest', '--db', DB, 'samples'], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const API = await serve({ NEWSD_API_KEY: KEY });
  const PAGE = await pageServer();
  const OTHER = await pageServer();
  // An origin list as an operator types it: the page's address with a '/'.
  const LISTED = await serve({ NEWSD_CORS_ORIGINS: `${PAGE}/` }, ['--read-only']);
  const profile = mkdtempSync(path.join(tmp, 'profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    const page = await ctx.newPage();
    await page.goto(PAGE);
    const results = await page.evaluate(pageChecks, { API, KEY });
    results.push(['configured origin (with a trailing /) is granted',
      (await fetchFrom(page, `${LISTED}/articles?limit=1`)) === 200, LISTED]);
    const other = await ctx.newPage();
    await other.goto(OTHER);
    const refused = await fetchFrom(other, `${LISTED}/articles?limit=1`);
    results.push(['an origin not listed is refused by the browser',
      /Failed to fetch/.test(String(refused)), String(refused)]);
    for (const [name, ok, detail] of results) {
      if (!ok) failed++;
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  [${detail}]` : ''}`);
    }
    console.log(`browser-check: ${results.length - failed} of ${results.length} passed ` +
      `(${await ctx.browser()?.version() ?? 'chromium'})`);
  } finally {
    await ctx.close();
  }
  return failed ? 1 : 0;
}

const timer = setTimeout(() => { console.error('browser-check: timed out'); cleanup(); process.exit(2); },
  120000);
function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  for (const s of servers) s.close();
  rmSync(tmp, { recursive: true, force: true });
}
main().then((code) => { clearTimeout(timer); cleanup(); process.exit(code); },
  (e) => { clearTimeout(timer); console.error(`browser-check: ${e.stack || e}`); cleanup(); process.exit(2); });
