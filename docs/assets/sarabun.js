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
