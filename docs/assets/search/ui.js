// sarabun search: the header box (search as you type) and the search page (search.html).
// The search itself is in core.js; this file only draws. Text goes into the page with
// textContent, never innerHTML, so nothing from a document can become markup.

import { SearchIndex, toThaiDigits, FACETS } from "./core.js";

const SITE_ROOT = new URL("../../", import.meta.url);
const INDEX_URL = new URL("search-index/", SITE_ROOT);
const SEARCH_PAGE = new URL("search.html", SITE_ROOT);
const HEADER_RESULTS = 5;
const PAGE_RESULTS = 20;

const TYPE_LABELS = {}; // filled from the manifest
const STATUS_LABELS = {};

let sharedIndex = null;
function getIndex() {
  if (!sharedIndex) sharedIndex = new SearchIndex(INDEX_URL.href);
  return sharedIndex;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function thaiCount(n) {
  return toThaiDigits(n.toLocaleString("en-US"));
}

function learnLabels(manifest) {
  for (const e of manifest.facets.type || []) TYPE_LABELS[e.value] = e.label;
  // results that are not documents: the site's own pages ("หน้าเว็บ")
  for (const [kind, label] of Object.entries(manifest.kinds || {})) TYPE_LABELS[kind] = label;
  for (const e of manifest.facets.status || []) STATUS_LABELS[e.value] = e.label;
}

function resultUrl(r) {
  return new URL(r.url, SITE_ROOT).href;
}

function excerptNode(pieces) {
  const p = el("p", { class: "sarabun-result__excerpt" });
  for (const piece of pieces) {
    p.append(piece.hit ? el("mark", { text: piece.text }) : document.createTextNode(piece.text));
  }
  return p;
}

/** "สำนักนายกรัฐมนตรี (นร.)" -> "นร." for the narrow result list of the header box. */
function shortIssuer(name) {
  const m = /\(([^()]+)\)$/.exec(name || "");
  return m ? m[1] : name;
}

function metaNode(r, { compact = false } = {}) {
  const meta = el("div", { class: "sarabun-result__meta" });
  const add = (text, cls) => text && meta.append(el("span", { class: cls, text }));
  add(TYPE_LABELS[r.type] || r.type, "sarabun-result__type");
  if (r.number) add(`${r.type === "minutes" ? "ครั้งที่" : "เลขที่"} ${r.number}`);
  add(r.date);
  add(compact ? shortIssuer(r.issuer) : r.issuer, "sarabun-result__issuer");
  if (!compact && r.status) {
    meta.append(el("span", {
      class: `sarabun-badge sarabun-badge--${r.status}`, text: STATUS_LABELS[r.status] || r.status,
    }));
  }
  return meta;
}

function resultItem(r, { compact = false } = {}) {
  const li = el("li", { class: "sarabun-result" });
  li.append(el("a", { class: "sarabun-result__title", href: resultUrl(r), text: r.title }));
  li.append(metaNode(r, { compact }));
  li.append(excerptNode(r.excerpt));
  return li;
}

function summaryText(q) {
  const quoted = `“${q.text.trim()}”`;
  // "รายการ", not "เอกสาร": the site's own pages (หน้าเว็บ) are results too
  if (!q.results.length && q.done) return `ไม่พบหน้าที่มี ${quoted}`;
  const total = q.total;
  let text = total !== null
    ? `พบ ${thaiCount(total)} รายการที่มี ${quoted}`
    : `พบประมาณ ${thaiCount(q.upperBound)} รายการที่มี ${quoted}`;
  const shown = q.results.length;
  if (total === null || shown < total) text += ` (แสดง ${thaiCount(shown)} รายการ)`;
  const rest = q.remainingDocuments();
  if (rest > 0) {
    text += ` ค้นแล้วในเอกสาร ${thaiCount(q.searchedDocs)} ฉบับล่าสุด ยังเหลือเอกสารเก่าอีก ${thaiCount(rest)} ฉบับ`;
  }
  return text;
}

function errorText(err) {
  console.error(err);
  return "ค้นหาไม่ได้ในขณะนี้: ไม่พบดัชนีค้นหาของเว็บไซต์ (สร้างด้วยคำสั่ง sarabun search-index)";
}

// --- the header box --------------------------------------------------------------------

function initHeader(root) {
  const form = root.querySelector(".sarabun-search__form");
  const input = root.querySelector(".sarabun-search__input");
  const panel = root.querySelector(".sarabun-search__panel");
  const opener = root.querySelector(".sarabun-search__open");
  const closer = root.querySelector(".sarabun-search__close");
  let timer = null;
  let serial = 0;

  const open = () => {
    root.classList.add("sarabun-search--open");
    input.focus();
  };
  const closePanel = () => {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const close = () => {
    closePanel();
    root.classList.remove("sarabun-search--open");
  };
  opener.addEventListener("click", (e) => {
    e.preventDefault();
    open();
  });
  closer.addEventListener("click", () => {
    input.value = "";
    close();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && (root.contains(document.activeElement) || !panel.hidden)) {
      close();
      input.blur();
    }
    // "/" focuses the box, as on many sites (not while typing elsewhere).
    if (e.key === "/" && !/input|textarea|select/i.test(document.activeElement?.tagName || "")) {
      e.preventDefault();
      open();
    }
  });
  document.addEventListener("click", (e) => {
    if (!root.contains(e.target)) closePanel();
  });

  const run = async () => {
    const text = input.value;
    const mine = ++serial;
    if (!text.trim()) {
      closePanel();
      return;
    }
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
    panel.replaceChildren(el("p", { class: "sarabun-search__note", text: "กำลังค้นหา…" }));
    try {
      const index = getIndex();
      learnLabels(await index.load());
      const q = await index.query(text).next(HEADER_RESULTS);
      if (mine !== serial) return;
      const list = el("ol", { class: "sarabun-results sarabun-results--compact" });
      for (const r of q.results.slice(0, HEADER_RESULTS)) list.append(resultItem(r, { compact: true }));
      const all = new URL(SEARCH_PAGE);
      all.searchParams.set("q", text);
      const label = q.results.length ? "ดูทั้งหมดและกรองผล" : "ไปหน้าค้นหา";
      const head = el("p", { class: "sarabun-search__note" },
        el("span", { text: summaryText(q) }),
        el("a", { class: "sarabun-search__all", href: all.href, text: label }));
      panel.replaceChildren(head, q.results.length ? list : "");
      if (q.results.length > HEADER_RESULTS || !q.done) {
        panel.append(el("a", { class: "sarabun-search__more", href: all.href,
          text: "ดูผลการค้นหาทั้งหมดในหน้าค้นหา" }));
      }
    } catch (err) {
      if (mine === serial) panel.replaceChildren(el("p", { class: "sarabun-search__note", text: errorText(err) }));
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 180);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && panel.childElementCount) {
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && !panel.hidden) {
      const first = panel.querySelector("a");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  panel.addEventListener("keydown", (e) => {
    const links = [...panel.querySelectorAll("a")];
    const i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i >= 0 && i < links.length - 1) {
      e.preventDefault();
      links[i + 1].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : links[i - 1]).focus();
    }
  });
  form.addEventListener("submit", () => {
    clearTimeout(timer);
  });
}

// --- the search page -------------------------------------------------------------------

function initPage(root) {
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const selects = Object.fromEntries(
    [...form.querySelectorAll("select[data-facet]")].map((s) => [s.dataset.facet, s]));
  const status = root.querySelector(".sarabun-searchpage__status");
  const list = root.querySelector(".sarabun-results");
  const more = root.querySelector(".sarabun-searchpage__more");
  let current = null;
  let serial = 0;
  let manifest = null;

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";

  const fillSelects = (counts) => {
    for (const facet of FACETS) {
      const select = selects[facet];
      if (!select) continue;
      const chosen = select.value || params.get(facet) || "";
      const first = select.options[0];
      const entries = [...manifest.facets[facet]];
      if (facet === "year") entries.sort((a, b) => b.value.localeCompare(a.value));
      else entries.sort((a, b) => a.label.localeCompare(b.label, "th"));
      const options = [first];
      for (const e of entries) {
        const n = counts ? counts[facet].get(e.value) || 0 : e.count;
        if (counts && n === 0 && e.value !== chosen) continue;
        options.push(el("option", { value: e.value, text: `${e.label} (${thaiCount(n)})` }));
      }
      select.replaceChildren(...options);
      select.value = chosen;
    }
  };

  const filters = () => Object.fromEntries(
    Object.entries(selects).map(([facet, s]) => [facet, s.value]).filter(([, v]) => v));

  const syncAddress = () => {
    const url = new URL(location.href);
    url.search = "";
    if (input.value.trim()) url.searchParams.set("q", input.value.trim());
    for (const [facet, value] of Object.entries(filters())) url.searchParams.set(facet, value);
    history.replaceState(null, "", url);
  };

  const render = (q, counts) => {
    list.replaceChildren(...q.results.map((r) => resultItem(r)));
    status.textContent = summaryText(q);
    more.hidden = q.done;
    fillSelects(counts);
    root.dataset.state = q.done ? "done" : "partial";
  };

  const run = async () => {
    const mine = ++serial;
    syncAddress();
    if (!input.value.trim()) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "พิมพ์คำที่ต้องการค้นหาแล้วกด ค้นหา";
      fillSelects(null);
      root.dataset.state = "idle";
      return;
    }
    root.dataset.state = "busy";
    status.textContent = "กำลังค้นหา…";
    try {
      const q = getIndex().query(input.value, filters());
      await q.next(PAGE_RESULTS);
      const counts = await q.counts();
      if (mine !== serial) return;
      current = q;
      render(q, counts);
    } catch (err) {
      if (mine === serial) {
        status.textContent = errorText(err);
        root.dataset.state = "error";
      }
    }
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  for (const s of Object.values(selects)) s.addEventListener("change", run);
  more.addEventListener("click", async () => {
    if (!current) return;
    more.disabled = true;
    const shown = current.results.length;
    const q = current;
    await q.next(PAGE_RESULTS);
    const counts = await q.counts();
    more.disabled = false;
    if (q !== current) return;
    render(q, counts);
    const firstNew = list.children[shown]?.querySelector("a");
    if (firstNew) firstNew.focus();
  });

  (async () => {
    try {
      manifest = await getIndex().load();
      learnLabels(manifest);
      fillSelects(null);
      for (const facet of FACETS) {
        const v = params.get(facet);
        if (v && selects[facet]) selects[facet].value = v;
      }
    } catch (err) {
      status.textContent = errorText(err);
      root.dataset.state = "error";
      return;
    }
    if (input.value.trim()) run();
    else {
      status.textContent = "พิมพ์คำที่ต้องการค้นหาแล้วกด ค้นหา";
      root.dataset.state = "idle";
    }
  })();
}

for (const root of document.querySelectorAll("[data-sarabun-search=header]")) initHeader(root);
for (const root of document.querySelectorAll("[data-sarabun-search=page]")) initPage(root);

// For tests and the benchmark: the engine, on the same index the page uses.
window.sarabunSearch = { getIndex };
