// Keyboard access to wide tables. Material wraps each table in a box that scrolls sideways when
// the table is wider than the page; a keyboard user can scroll it only if the box takes focus
// (axe-core: scrollable-region-focusable). Runs on every page load (Material's document$).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "ตาราง (เลื่อนซ้ายขวาได้)");
    }
  });
});

// Filter box over a committee's resolutions (browse/issuers/<id>/#resolutions): shows only the
// rows whose text contains what is typed. The box is hidden until this script runs, so without
// script the full table is shown.
document$.subscribe(function () {
  document.querySelectorAll("input[data-sarabun-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-sarabun-filter"));
    if (!table) return;
    input.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.trim().split(/\s+/).filter(Boolean);
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var text = row.textContent;
        row.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
  });
});
