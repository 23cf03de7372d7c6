(function () {
  "use strict";
  var section = document.getElementById("figures");
  if (!section) { return; }
  var groups = Array.prototype.slice.call(section.querySelectorAll("details.fig"));
  var select = document.getElementById("fig-measure");
  var count = document.getElementById("fig-count");
  var empty = document.getElementById("fig-empty");
  function filter() {
    var want = select ? select.value : "", shown = 0;
    groups.forEach(function (group) {
      var ok = !want || group.getAttribute("data-measure") === want;
      group.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = "Showing " + shown + " of " + groups.length + " groups"; }
    if (empty) { empty.hidden = shown !== 0; }
  }
  function key(row, index, numeric) {
    var cell = row.cells[index], raw = cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
    if (!numeric) { return raw.toLowerCase(); }
    var n = parseFloat(raw);
    return isNaN(n) ? Infinity : n;
  }
  function sortBy(th) {
    var table = th.closest("table"), body = table.tBodies[0], index = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    var up = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      other.setAttribute("aria-sort", "none");
    });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return {row: row, key: key(row, index, numeric), i: i};
    });
    rows.sort(function (a, b) {
      if (a.key < b.key) { return up ? -1 : 1; }
      if (a.key > b.key) { return up ? 1 : -1; }
      return a.i - b.i;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
  }
  Array.prototype.forEach.call(section.querySelectorAll("th[data-type] button"), function (button) {
    button.addEventListener("click", function () { sortBy(button.closest("th")); });
  });
  Array.prototype.forEach.call(section.querySelectorAll(".fig-filters"), function (nav) { nav.hidden = false; });
  if (select) { select.addEventListener("change", filter); }
  filter();
}());
