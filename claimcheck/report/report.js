(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("article.cc"));
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  function allowed(group) {
    var chosen = null;
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") !== group) { return; }
      chosen = chosen || {};
      if (box.checked) { chosen[box.value] = true; }
    });
    return chosen;
  }
  function apply() {
    var severity = allowed("severity"), kind = allowed("kind"), status = allowed("status"), shown = 0;
    items.forEach(function (item) {
      var ok = (!severity || severity[item.getAttribute("data-severity")] === true) &&
        (!kind || kind[item.getAttribute("data-kind")] === true) &&
        (!status || status[item.getAttribute("data-status")] === true);
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = "Showing " + shown + " of " + items.length; }
    if (empty) { empty.hidden = shown !== 0 || items.length === 0; }
  }
  function openTarget() {
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    var target = id ? document.getElementById(id) : null;
    var details = target ? target.closest("details") : null;
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView({block: "center"});
    }
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  window.addEventListener("hashchange", openTarget);
  apply();
  openTarget();
}());
