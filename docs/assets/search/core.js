// sarabun search: the query side of the index that `sarabun search-index` writes into
// <site>/search-index/. No DOM here (ui.js draws); this file can run in any modern browser.
//
// A page matches a query when every part of the query (split at spaces) occurs, after
// normalisation, in one block of the page's text. normalise() and canonical() are twins of
// scripts/sarabun/search/text.py and must stay identical to it (the browser test compares them).
//
// How a query runs, per index segment (newest documents first):
//   1. each part is cut into character trigrams (a part of up to 3 characters is one gram);
//   2. the gram shards holding those grams are fetched once, and the posting lists intersected:
//      these candidates are every page that can contain the query;
//   3. filters (type, year, issuer, province, status) remove candidates;
//   4. candidates are confirmed against the page text (a part of up to 3 characters needs no
//      confirmation: its posting list is exact) and ranked: the whole query as one contiguous
//      phrase first, then a match on word boundaries (Intl.Segmenter) before one inside a longer
//      word, then a match in the title, then the number of matches, then the newest.

const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060]/g;
const NIKHAHIT_AA = /\u0e4d([\u0e48-\u0e4b]?)\u0e32/g;
const TONE_BEFORE_UPPER = /([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])/g;
const THAI_DOT = /(?<=[\u0e01-\u0e4e])\./g;
const SPACES = /\s+/g;
const THAI_DIGIT = /[\u0e50-\u0e59]/g;

export function canonical(text) {
  return text
    .normalize("NFC")
    .replace(NIKHAHIT_AA, "$1\u0e33")
    .replaceAll("\u0e40\u0e40", "\u0e41")
    .replace(TONE_BEFORE_UPPER, "$2$1")
    .replace(INVISIBLE, "");
}

export function foldDigits(text) {
  return text.replace(THAI_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48));
}

export function toThaiDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0x0e50));
}

export function normalise(text) {
  return foldDigits(canonical(text).toLowerCase()).replace(THAI_DOT, "").replace(SPACES, "");
}

export function queryParts(query) {
  const parts = [];
  for (const word of canonical(query).split(SPACES)) {
    const part = normalise(word);
    if (part.startsWith("ๆ") && parts.length) parts[parts.length - 1] += part; // ต่าง ๆ = ต่างๆ
    else if (part) parts.push(part);
  }
  return parts;
}

/** The same text normalised, with map[i] = offset in `text` (already canonical) of norm char i. */
export function normaliseWithMap(text) {
  let norm = "";
  const map = [];
  let offset = 0;
  let prevThai = false;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    const isThaiLetter = code >= 0x0e01 && code <= 0x0e4e;
    if (/\s/.test(ch)) {
      prevThai = false; // a space does not carry the "after a Thai letter" state ...
      offset += ch.length;
      continue;
    }
    if (ch === "." && prevThai) {
      prevThai = false;
      offset += ch.length;
      continue;
    }
    const out = foldDigits(ch.toLowerCase());
    for (const c of out) {
      norm += c;
      for (let k = 0; k < c.length; k++) map.push(offset);
    }
    prevThai = isThaiLetter;
    offset += ch.length;
  }
  map.push(offset);
  return { norm, map };
}

/** Move the end of a match past the marks of its last letter and a removed abbreviation dot. */
function matchEnd(text, to) {
  while (to < text.length && /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(text[to])) to += 1;
  if (text[to] === "." && to > 0 && /[\u0e01-\u0e4e]/.test(text[to - 1])) to += 1;
  return to;
}

export function grams(part, n = 3) {
  const cps = Array.from(part);
  if (cps.length <= n) return [part];
  const out = [];
  for (let i = 0; i + n <= cps.length; i++) out.push(cps.slice(i, i + n).join(""));
  return out;
}

/** The grams a query part is looked up by: non-overlapping trigrams covering it, at most 8. */
export function lookupGrams(part, n = 3) {
  const cps = Array.from(part);
  if (cps.length <= n) return [part];
  const starts = [];
  for (let s = 0; s + n <= cps.length; s += n) starts.push(s);
  if (starts[starts.length - 1] !== cps.length - n) starts.push(cps.length - n);
  let chosen = starts;
  if (starts.length > MAX_LOOKUP_GRAMS) {
    const k = MAX_LOOKUP_GRAMS - 1;
    chosen = [];
    for (let i = 0; i <= k; i++) chosen.push(starts[roundHalfEven((i * (starts.length - 1)) / k)]);
  }
  return [...new Set(chosen.map((s) => cps.slice(s, s + n).join("")))];
}

const MAX_LOOKUP_GRAMS = 8;

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  if (Math.abs(d - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

/** The trigrams of the joined query that cross from one part into the next. */
function boundaryGrams(parts, n) {
  const cps = Array.from(parts.join(""));
  const out = new Set();
  let pos = 0;
  for (const p of parts.slice(0, -1)) {
    pos += Array.from(p).length;
    for (let s = Math.max(0, pos - n + 1); s < pos && s + n <= cps.length; s++) {
      out.add(cps.slice(s, s + n).join(""));
    }
  }
  return [...out];
}

export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function occurrences(haystack, needle) {
  const out = [];
  if (!needle) return out;
  let i = haystack.indexOf(needle);
  while (i >= 0) {
    out.push(i);
    i = haystack.indexOf(needle, i + 1);
  }
  return out;
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return bytes; // the server already removed the gzip layer
}

const decoder = new TextDecoder();

async function fetchJson(url) {
  return JSON.parse(decoder.decode(await fetchBytes(url)));
}

function parseShard(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = decoder.decode(bytes.subarray(0, 4));
  if (magic !== "SBG1") throw new Error("search index: bad shard");
  const count = view.getUint32(4, true);
  const table = new Map();
  let off = 8;
  for (let k = 0; k < count; k++) {
    const keyLength = view.getUint8(off);
    const n = view.getUint32(off + 1, true);
    off += 5;
    const key = decoder.decode(bytes.subarray(off, off + keyLength));
    off += keyLength;
    const ids = new Uint32Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += view.getUint32(off + 4 * i, true);
      ids[i] = acc;
    }
    off += 4 * n;
    table.set(key, { ids, weights: bytes.subarray(off, off + n) });
    off += n;
  }
  return table;
}

/** Where the word boundaries of `text` are (UTF-16 offsets), by the browser's ICU. */
const segmenter = typeof Intl !== "undefined" && Intl.Segmenter
  ? new Intl.Segmenter("th", { granularity: "word" })
  : null;

function wordBoundaries(text) {
  const out = new Set([0, text.length]);
  if (!segmenter) return out;
  for (const s of segmenter.segment(text)) {
    out.add(s.index);
    out.add(s.index + s.segment.length);
  }
  return out;
}

export const FACETS = ["type", "year", "issuer", "province", "status"];

/** Pieces of a long text read beyond the parts, looking for the whole phrase (ranking only). */
const PHRASE_PIECES = 2;

export class SearchIndex {
  constructor(baseUrl) {
    this.base = new URL(baseUrl, document.baseURI);
    this.manifest = null;
    this.shards = new Map(); // "seg/shard" -> Promise<Map>
    this.facetData = new Map(); // seg -> Promise<object>
    this.records = new Map(); // doc id -> Promise<{doc, blocks, norm, more}>
    this.pieces = new Map(); // "id-k" -> Promise<{blocks, norm}>
  }

  url(rel) {
    const u = new URL(rel, this.base);
    if (this.manifest) u.searchParams.set("v", this.manifest.build);
    return u.href;
  }

  async load() {
    if (!this.manifestPromise) {
      this.manifestPromise = fetch(new URL("index.json", this.base), { cache: "no-cache" })
        .then((r) => {
          if (!r.ok) throw new Error(`search index: ${r.status}`);
          return r.json();
        })
        .then((m) => {
          this.manifest = m;
          return m;
        });
    }
    return this.manifestPromise;
  }

  /** A cached fetch that is forgotten if it fails, so that a later query can try again. */
  cached(map, key, load) {
    if (!map.has(key)) {
      const promise = load();
      map.set(key, promise);
      promise.catch(() => map.delete(key));
    }
    return map.get(key);
  }

  shard(seg, j) {
    return this.cached(this.shards, `${seg}/${j}`,
      () => fetchBytes(this.url(`s${seg}/g${j}.gz`)).then(parseShard));
  }

  facets(seg) {
    return this.cached(this.facetData, seg, () => fetchJson(this.url(`s${seg}/facets.json.gz`)));
  }

  /** One document: what a result shows, and the first blocks of its text (also normalised). */
  record(id) {
    const dir = Math.floor(id / this.manifest.textDirSize);
    return this.cached(this.records, id, () => fetchJson(this.url(`t/${dir}/${id}.gz`)).then((row) => {
      const [url, title, type, number, date, issuer, provinces, status, year, bodyStart, blocks, more] = row;
      return {
        doc: { id, url, title, type, number, date, issuer, provinces, status, year, bodyStart },
        blocks,
        norm: blocks.map(normalise),
        more,
      };
    }));
  }

  /** Piece k (1, 2, ...) of the rest of a long document's text, after the blocks of record(). */
  piece(id, k) {
    const dir = Math.floor(id / this.manifest.textDirSize);
    return this.cached(this.pieces, `${id}-${k}`, () => fetchJson(this.url(`r/${dir}/${id}-${k}.gz`))
      .then((blocks) => ({ blocks, norm: blocks.map(normalise) })));
  }

  /** Start a query; call next() on the result to get results. */
  query(text, filters = {}) {
    return new Query(this, text, filters);
  }

  /** Every matching document, confirmed (for tests and the benchmark). */
  async searchAll(text, filters = {}) {
    const q = this.query(text, filters);
    while (!q.done) await q.next(1000);
    return q;
  }
}

export class Query {
  constructor(index, text, filters) {
    this.index = index;
    this.text = text;
    this.filters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
    this.parts = queryParts(text);
    this.phrase = this.parts.join("");
    this.results = []; // confirmed, in display order
    this.pending = []; // candidates not yet confirmed: {id, prior}
    this.segment = 0;
    this.done = this.parts.length === 0;
    this.candidates = 0; // candidates found in the segments searched so far
    this.rejected = 0;
    this.searchedDocs = 0;
    this.exactGrams = this.parts.every((p) => Array.from(p).length <= 3);
  }

  /**
   * The number of matching documents if it is known exactly, else null. It is known once
   * every candidate is confirmed, or, when every part has at most three characters (each part
   * is then one gram, whose posting list is exact), once every segment has been searched.
   */
  get total() {
    if (this.done) return this.results.length;
    const searchedAll = this.index.manifest && this.segment >= this.index.manifest.segments.length;
    return this.exactGrams && searchedAll ? this.results.length + this.pending.length : null;
  }

  /** An upper bound: confirmed results plus unconfirmed candidates (segments searched only). */
  get upperBound() {
    return this.results.length + this.pending.length;
  }

  /** Confirm candidates until `want` more results are shown (or nothing is left). */
  async next(want = 10) {
    const m = await this.index.load();
    const goal = this.results.length + want;
    while (!this.done && this.results.length < goal) {
      if (this.pending.length === 0) {
        if (this.segment >= m.segments.length) {
          this.done = true;
          break;
        }
        await this.searchSegment(this.segment);
        this.segment += 1;
        continue;
      }
      // Few candidates: confirm them all (exact count, best order). Many: a batch at a time.
      const take = this.pending.length <= 40 ? this.pending.length
        : Math.max(goal - this.results.length + 5, 12);
      const batch = this.pending.splice(0, take);
      const confirmed = await this.confirm(batch);
      confirmed.sort(compareResults);
      this.results.push(...confirmed);
      if (this.pending.length === 0 && this.segment >= m.segments.length) this.done = true;
    }
    if (this.pending.length === 0 && this.segment >= m.segments.length) this.done = true;
    return this;
  }

  /** Segments left to search (older documents), and how many documents they hold. */
  remainingDocuments() {
    const m = this.index.manifest;
    if (!m) return 0;
    return m.segments.slice(this.segment).reduce((n, s) => n + s.count, 0);
  }

  segmentWanted(seg) {
    const year = this.filters.year;
    if (!year || !seg.years.length) return true;
    return seg.years[0] <= year && year <= seg.years[1];
  }

  async searchSegment(segNo) {
    const m = this.index.manifest;
    const seg = m.segments[segNo];
    this.searchedDocs += seg.count;
    if (!this.segmentWanted(seg)) return;
    const shardCount = seg.shards;
    const partGrams = this.parts.map((p) => lookupGrams(p, m.gram));
    const joinedGrams = this.parts.length > 1 ? boundaryGrams(this.parts, m.gram) : [];
    const all = [...new Set([...partGrams.flat(), ...joinedGrams])];
    const shardIds = [...new Set(all.map((g) => fnv1a(g) & (shardCount - 1)))];
    const wanted = this.filterIndexes();
    const filtering = Object.keys(wanted).length > 0;
    const [tables, facets] = await Promise.all([
      Promise.all(shardIds.map((j) => this.index.shard(segNo, j))),
      filtering ? this.index.facets(segNo) : null,
    ]);
    const lookup = (g) => {
      const j = fnv1a(g) & (shardCount - 1);
      return tables[shardIds.indexOf(j)].get(g) || null;
    };
    const n = seg.count;
    const hits = new Uint16Array(n);
    const prior = new Uint32Array(n);
    let needed = 0;
    for (const gs of partGrams) {
      const minW = new Uint8Array(n).fill(255);
      const seen = new Uint16Array(n);
      for (const g of gs) {
        const list = lookup(g);
        if (!list) return; // a gram no page has: nothing in this segment
        for (let i = 0; i < list.ids.length; i++) {
          const d = list.ids[i];
          seen[d] += 1;
          if (list.weights[i] < minW[d]) minW[d] = list.weights[i];
        }
      }
      for (let d = 0; d < n; d++) {
        if (seen[d] === gs.length) {
          hits[d] += 1;
          prior[d] += minW[d];
        }
      }
      needed += 1;
    }
    // Pages that have every gram of the joined phrase are likely to hold it contiguously.
    const phraseBonus = new Uint8Array(n);
    if (joinedGrams.length) {
      const count = new Uint16Array(n);
      let usable = true;
      for (const g of joinedGrams) {
        const list = lookup(g);
        if (!list) {
          usable = false;
          break;
        }
        for (const d of list.ids) count[d] += 1;
      }
      if (usable) for (let d = 0; d < n; d++) phraseBonus[d] = count[d] === joinedGrams.length ? 1 : 0;
    } else if (this.parts.length > 1) {
      phraseBonus.fill(1); // too short to have a joining gram: every page may hold the phrase
    }
    const found = [];
    for (let d = 0; d < n; d++) {
      if (hits[d] !== needed) continue;
      if (filtering && !this.passes(facets, d, wanted)) continue;
      found.push({
        id: seg.start + d, seg: segNo, local: d, prior: prior[d] + 1000 * phraseBonus[d],
        phraseLikely: phraseBonus[d] === 1,
      });
    }
    found.sort((a, b) => b.prior - a.prior || a.id - b.id);
    this.candidates += found.length;
    this.pending.push(...found);
  }

  filterIndexes() {
    const m = this.index.manifest;
    const out = {};
    for (const facet of FACETS) {
      const value = this.filters[facet];
      if (!value) continue;
      out[facet] = (m.facets[facet] || []).findIndex((e) => e.value === value);
    }
    return out;
  }

  passes(facets, d, wanted) {
    for (const [facet, idx] of Object.entries(wanted)) {
      if (idx < 0) return false;
      if (facet === "province") {
        if (!facets.province[d].includes(idx)) return false;
      } else if (facets[facet][d] !== idx) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many results each filter value has: over the confirmed results once the query is done,
   * else over results and unconfirmed candidates (segments searched so far).
   */
  async counts() {
    const m = this.index.manifest;
    const out = {};
    for (const facet of FACETS) out[facet] = new Map();
    const rows = [...this.results, ...(this.done ? [] : this.pending)];
    const segs = [...new Set(rows.map((r) => r.seg))];
    const data = new Map(await Promise.all(segs.map(async (g) => [g, await this.index.facets(g)])));
    for (const row of rows) {
      const f = data.get(row.seg);
      for (const facet of FACETS) {
        const v = f[facet][row.local];
        for (const idx of Array.isArray(v) ? v : [v]) {
          if (idx < 0) continue;
          const value = m.facets[facet][idx].value;
          out[facet].set(value, (out[facet].get(value) || 0) + 1);
        }
      }
    }
    return out;
  }

  async confirm(batch) {
    const out = [];
    const CONCURRENCY = 16;
    for (let i = 0; i < batch.length; i += CONCURRENCY) {
      const group = batch.slice(i, i + CONCURRENCY);
      const done = await Promise.all(group.map((c) => this.check(c)));
      for (const r of done) {
        if (r) out.push(r);
        else this.rejected += 1;
      }
    }
    return out;
  }

  /**
   * Confirm one candidate against its text; return the ranked result, or null. The first file of
   * a document usually settles it; the rest of a long text is read only when a part (or, for
   * several parts, the whole phrase) is not in the first blocks.
   */
  async check(candidate) {
    const record = await this.index.record(candidate.id);
    const { doc } = record;
    let { blocks, norm } = record;
    const has = (s) => norm.some((b) => b.includes(s));
    let all = this.parts.every(has);
    // A page without every gram that joins two parts cannot hold the whole phrase: no need to
    // read on to look for it.
    const phraseWanted = this.parts.length > 1 && candidate.phraseLikely;
    let phrase = this.parts.length === 1 ? all : phraseWanted && has(this.phrase);
    // Read on until every part is found (or the text ends: then the page does not match), and
    // then at most PHRASE_PIECES more pieces looking for the whole phrase (for ranking only).
    let k = 1;
    let extra = 0;
    while (k <= record.more && (!all || (phraseWanted && !phrase && extra < PHRASE_PIECES))) {
      if (all) extra += 1;
      const piece = await this.index.piece(candidate.id, k);
      k += 1;
      blocks = blocks.concat(piece.blocks);
      norm = norm.concat(piece.norm);
      all = this.parts.every(has);
      phrase = this.parts.length === 1 ? all : phraseWanted && has(this.phrase);
    }
    if (!all) return null;
    const needle = phrase ? this.phrase : this.parts[0];
    const titleNorm = normalise(doc.title);
    const excerpt = this.excerpt(blocks, norm, needle, doc.bodyStart ?? 1);
    return {
      ...doc,
      phrase,
      aligned: excerpt.aligned,
      titleHit: this.parts.every((p) => titleNorm.includes(p)),
      prior: candidate.prior,
      excerpt: excerpt.pieces,
      seg: candidate.seg,
      local: candidate.local,
    };
  }

  /**
   * The best block for an excerpt, cut around the first (preferably word-aligned) match: a
   * block of the document's own text before a metadata value, and either before the title,
   * which the result shows anyway.
   */
  excerpt(blocks, norm, needle, bodyStart) {
    let best = null;
    for (let b = 0; b < blocks.length; b++) {
      if (!norm[b].includes(needle)) continue;
      const { norm: n2, map } = normaliseWithMap(blocks[b]);
      const starts = occurrences(n2, needle);
      if (!starts.length) continue;
      const bounds = wordBoundaries(blocks[b]);
      let chosen = null;
      for (const s of starts.slice(0, 50)) {
        const from = map[s];
        const realTo = matchEnd(blocks[b], map[s + needle.length - 1] + 1);
        const aligned = bounds.has(from) && bounds.has(realTo);
        if (!chosen || (aligned && !chosen.aligned)) chosen = { from, to: realTo, aligned, b };
        if (aligned) break;
      }
      const zone = b >= bodyStart ? 2 : b > 0 ? 1 : 0;
      const score = 2 * zone + (chosen.aligned ? 1 : 0);
      if (!best || score > best.score) best = { ...chosen, score, n2, map };
      if (score === 5) break;
    }
    if (!best) return { pieces: [{ text: blocks[0] || "", hit: false }], aligned: false, match: "" };
    const block = blocks[best.b];
    const BEFORE = 70;
    const AFTER = 150;
    let start = Math.max(0, best.from - BEFORE);
    let end = Math.min(block.length, best.to + AFTER);
    const bounds = wordBoundaries(block);
    while (start > 0 && !bounds.has(start)) start -= 1;
    while (end < block.length && !bounds.has(end)) end += 1;
    // Highlight every occurrence of every part inside the window.
    const { norm: n2, map } = normaliseWithMap(block);
    const ranges = [];
    for (const p of this.parts) {
      for (const s of occurrences(n2, p)) {
        const from = map[s];
        const to = matchEnd(block, map[s + p.length - 1] + 1);
        if (to > start && from < end) ranges.push([Math.max(from, start), Math.min(to, end)]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([...r]);
    }
    const pieces = [];
    let pos = start;
    if (start > 0) pieces.push({ text: "…", hit: false });
    for (const [a, b] of merged) {
      if (a > pos) pieces.push({ text: block.slice(pos, a), hit: false });
      pieces.push({ text: block.slice(a, b), hit: true });
      pos = b;
    }
    if (pos < end) pieces.push({ text: block.slice(pos, end), hit: false });
    if (end < block.length) pieces.push({ text: "…", hit: false });
    return { pieces, aligned: best.aligned, match: block.slice(best.from, best.to) };
  }
}

/** The kind of result that is one of the site's own pages, not a document (manifest kinds). */
export const SITE_PAGE = "page";

/**
 * Result order: the whole query as one phrase, then a match on word boundaries, then a match
 * in the title, then documents before the site's own pages, then how often the query's grams
 * occur (from the index), then the newest.
 */
export function compareResults(a, b) {
  return (
    Number(b.phrase) - Number(a.phrase) ||
    Number(b.aligned) - Number(a.aligned) ||
    Number(b.titleHit) - Number(a.titleHit) ||
    Number(a.type === SITE_PAGE) - Number(b.type === SITE_PAGE) ||
    b.prior - a.prior ||
    a.id - b.id
  );
}
