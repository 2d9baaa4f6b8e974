/* Filters and sorting of the list pages (briefs, actors, figures, quotes, agreements, timeline).
   Offline, no library: every row carries data- attributes written by the templates (briefing/lists.py),
   each filter a data-filter name; a select lists the values its rows hold. Rows that do not match get the
   hidden attribute; a group (data-group) whose rows are all hidden is hidden too. */
(function () {
  "use strict";
  var SEPARATOR = "|";

  function values(row, name) {
    var text = row.getAttribute("data-" + name);
    return text ? text.split(SEPARATOR) : [];
  }

  /* The first and last day a date of any precision (2024, 2024-05, 2024-05-02) may mean. */
  function earliest(date) { return date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date; }
  function latest(date) { return date.length === 4 ? date + "-12-31" : date.length === 7 ? date + "-31" : date; }

  function fillSelect(select, rows) {
    var name = select.getAttribute("data-filter"), seen = {}, list = [];
    rows.forEach(function (row) {
      values(row, name).forEach(function (value) {
        if (!seen[value]) { seen[value] = true; list.push(value); }
      });
    });
    list.sort(function (a, b) { return a.localeCompare(b); });
    var fragment = document.createDocumentFragment();
    list.forEach(function (value) {
      var option = document.createElement("option");
      option.value = option.textContent = value;
      fragment.appendChild(option);
    });
    select.appendChild(fragment);
    if (!list.length) { select.closest("label").hidden = true; }
  }

  function setUp(form) {
    var container = form.closest("[data-filterable]");
    var rows = Array.prototype.slice.call(container.querySelectorAll("[data-row]"));
    var groups = Array.prototype.slice.call(container.querySelectorAll("[data-group]"));
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var count = form.querySelector(".list-filter__count");
    controls.forEach(function (control) { if (control.tagName === "SELECT") { fillSelect(control, rows); } });

    function apply() {
      var wanted = {};
      controls.forEach(function (control) {
        var value = control.value.trim();
        if (value) { wanted[control.getAttribute("data-filter")] = control.getAttribute("data-filter") === "actor" ? value.toLowerCase() : value; }
      });
      if (wanted.confidence === "low") {  // low-confidence rows are hidden by the page until asked for
        var showLow = document.getElementById("show-low");
        if (showLow && !showLow.checked) { showLow.checked = true; }
      }
      var shown = 0;
      rows.forEach(function (row) {
        var date = row.getAttribute("data-date") || "";
        var keep = true;
        if (wanted.from && (!date || latest(date) < wanted.from)) { keep = false; }
        if (keep && wanted.to && (!date || earliest(date) > wanted.to)) { keep = false; }
        for (var name in wanted) {
          if (!keep || name === "from" || name === "to") { continue; }
          if (name === "actor") {
            keep = (row.getAttribute("data-actor") || "").toLowerCase().indexOf(wanted.actor) >= 0;
          } else {
            keep = values(row, name).indexOf(wanted[name]) >= 0;
          }
        }
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      groups.forEach(function (group) { group.hidden = !group.querySelector("[data-row]:not([hidden])"); });
      count.textContent = Object.keys(wanted).length ? shown + " of " + rows.length + " shown" : "";
    }

    var pending = null;
    function later() { clearTimeout(pending); pending = setTimeout(apply, 120); }
    form.addEventListener("change", apply);
    form.addEventListener("input", later);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
  }

  /* Sorting: a click on a th[data-sort] orders the rows of its table by that column (data-value of the
     cell when it has one, else its text), ascending, then descending on the next click. */
  function cellValue(row, column, kind) {
    var cell = row.cells[column];
    if (!cell) { return ""; }
    var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (kind === "date" && !cell.hasAttribute("data-value")) { value = row.getAttribute("data-date") || value; }
    if (kind === "number") { var number = parseFloat(value.replace(/[^0-9.\-]/g, "")); return isNaN(number) ? -Infinity : number; }
    return value.toLowerCase();
  }

  function sortable(head) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "list-sort";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    head.appendChild(button);
    button.addEventListener("click", function () {
      var table = head.closest("table"), body = table.tBodies[0];
      var column = Array.prototype.indexOf.call(head.parentNode.children, head);
      var kind = head.getAttribute("data-sort");
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(head.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows).map(function (row, n) {
        return { row: row, key: cellValue(row, column, kind), n: n };
      });
      rows.sort(function (a, b) {
        var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.n - b.n;
        return ascending ? order : -order;
      });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (item) { fragment.appendChild(item.row); });
      body.appendChild(fragment);
    });
  }

  /* Each cell learns its column's name, which a narrow screen shows before it (extra.css). */
  function labelCells(table) {
    var heads = table.tHead ? Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.trim();
    }) : [];
    if (!heads.length) { return; }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, n) {
          if (heads[n]) { cell.setAttribute("data-label", heads[n]); }
        });
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content table:not([class])"), labelCells);
    Array.prototype.forEach.call(document.querySelectorAll("form.list-filter"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll("th[data-sort]"), sortable);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
