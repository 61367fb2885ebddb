// Point in time (sarabun.render_pointintime): "อ่านฉบับที่มีผล ณ วันที่" on a regulation's page.
// The answers for every interval are computed at build time and sit in the form's data-pit
// attribute; this script only reads the BE date the reader types and picks the last interval
// starting on or before it. The form is hidden until this runs, so without script the reader has
// the list of periods under it.
(function () {
  "use strict";

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var MIN_BE_YEAR = 2400; // as sarabun.thai: a smaller year is a CE year
  var BE_OFFSET = 543;

  function toArabic(text) {
    return text.replace(/[๐-๙]/g, function (c) { return String(THAI_DIGITS.indexOf(c)); });
  }

  function toThai(text) {
    return String(text).replace(/[0-9]/g, function (c) { return THAI_DIGITS[Number(c)]; });
  }

  function squash(text) { return text.replace(/[.\s]/g, ""); }

  // The month (1-12) a word names: full names and abbreviations, with or without dots.
  function monthOf(word, months) {
    var w = squash(word);
    for (var i = 0; i < 12; i++) {
      if (w === months[0][i] || w === squash(months[1][i])) return i + 1;
    }
    return 0;
  }

  function daysIn(beYear, month) {
    return new Date(Date.UTC(beYear - BE_OFFSET, month, 0)).getUTCDate();
  }

  // Parse a date typed by a reader: "๑ มกราคม ๒๕๖๕", "1 ม.ค. 2565", "2565-01-01", "1/1/2565",
  // "มกราคม 2565", "2565". Returns {year, month, day, ce} (BE year; ce: the year was read as CE
  // and converted) or {error: Thai message}. months = [[full names], [abbreviations]].
  function parse(input, months) {
    var text = toArabic(String(input || "")).replace(/\s+/g, " ").trim();
    text = text.replace(/^วันที่\s*/, "");
    var ce = /ค\.?\s*ศ\.?/.test(text);
    text = text.replace(/(พ|ค)\.?\s*ศ\.?/g, " ").replace(/\s+/g, " ").trim();
    if (!text) return { error: "กรุณาพิมพ์วันที่ เช่น ๑ มกราคม ๒๕๖๕" };
    var y, m, d, match;
    if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) {
      y = +match[1]; m = +match[2]; d = +match[3];
    } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text))) {
      d = +match[1]; m = +match[2]; y = +match[3];
    } else if ((match = /^(\d{1,2})\s*([^\d\s].*?)\s*(\d{2}|\d{4})$/.exec(text))) {
      d = +match[1]; m = monthOf(match[2], months); y = +match[3];
      if (!m) return { error: "ไม่รู้จักชื่อเดือน \"" + match[2] + "\"" };
    } else if ((match = /^([^\d\s].*?)\s*(\d{4})$/.exec(text))) {
      m = monthOf(match[1], months); y = +match[2]; d = 1;
      if (!m) return { error: "ไม่รู้จักชื่อเดือน \"" + match[1] + "\"" };
    } else if ((match = /^(\d{4})$/.exec(text))) {
      y = +match[1]; m = 1; d = 1;
    } else {
      return { error: "อ่านวันที่ \"" + input + "\" ไม่ได้ ให้พิมพ์เช่น ๑ มกราคม ๒๕๖๕ หรือ 2565-01-01" };
    }
    if (y < 100) y += 2500; // "1/1/65": the usual short BE year
    else if (ce || y < MIN_BE_YEAR) { y += BE_OFFSET; ce = true; }
    if (m < 1 || m > 12) return { error: "ไม่มีเดือนที่ " + toThai(m) };
    if (d < 1 || d > daysIn(y, m)) {
      return { error: months[0][m - 1] + " พ.ศ. " + toThai(y) + " มี " + toThai(daysIn(y, m)) + " วัน" };
    }
    return { year: y, month: m, day: d, ce: ce };
  }

  function before(a, b) { // [y, m, d] <= [y, m, d]
    for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return true;
  }

  // The interval in force on a parsed date: the last one starting on or before it.
  function find(intervals, date) {
    var key = [date.year, date.month, date.day], best = intervals[0];
    intervals.forEach(function (item) { if (item.from && before(item.from, key)) best = item; });
    return best;
  }

  function thaiDate(date, months) {
    return toThai(date.day + " " + months[0][date.month - 1] + " " + date.year);
  }

  function show(form, answer, nodes, isError) {
    answer.textContent = "";
    nodes.forEach(function (n) { answer.appendChild(n); });
    answer.classList.toggle("sarabun-pit__answer--error", !!isError);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href; a.textContent = text;
    return a;
  }

  function setup(form) {
    if (form.dataset.sarabunReady) return;
    form.dataset.sarabunReady = "1";
    var intervals = JSON.parse(form.getAttribute("data-pit"));
    var months = JSON.parse(form.getAttribute("data-months"));
    var input = form.querySelector("input");
    var answer = form.querySelector(".sarabun-pit__answer");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = parse(input.value, months);
      if (date.error) {
        input.setAttribute("aria-invalid", "true");
        show(form, answer, [document.createTextNode(date.error)], true);
        return;
      }
      input.removeAttribute("aria-invalid");
      var item = find(intervals, date);
      var nodes = [document.createTextNode("ณ " + thaiDate(date, months) +
        (date.ce ? " (อ่านปีที่พิมพ์เป็น ค.ศ.)" : "") + ": ")];
      if (!item.version) nodes.push(document.createTextNode("ไม่มีฉบับที่มีผลใช้บังคับ"));
      else if (item.url) nodes.push(link(item.url, "อ่าน" + item.version));
      else nodes.push(document.createTextNode(item.version + " (ไม่มีหน้าของฉบับนี้ในเว็บไซต์)"));
      nodes.push(document.createTextNode(" — " + item.note));
      item.amendments.forEach(function (a) {
        nodes.push(document.createElement("br"));
        nodes.push(document.createTextNode("แก้ไขเพิ่มเติมโดย "));
        nodes.push(link(a.url, a.title));
        nodes.push(document.createTextNode(" (มีผลตั้งแต่ " + a.from_thai +
          ") ซึ่งยังไม่ได้รวมไว้ในข้อความของฉบับนี้"));
      });
      show(form, answer, nodes, false);
    });
  }

  window.sarabunPointInTime = { parse: parse, find: find };
  function run() { document.querySelectorAll("form.sarabun-pit").forEach(setup); }
  if (typeof document$ !== "undefined") document$.subscribe(run); // Material's page load
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
