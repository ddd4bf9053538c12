/* biaskit HTML report: sortable tables, a filter, and span reasons on hover.
   Reads only the page's own DOM and never builds markup from strings: reasons shown on
   hover are copies (cloneNode) of list items already in the page. */
(function () {
  "use strict";

  function key(cell, type) {
    var raw = cell ? cell.getAttribute("data-v") : null;
    if (raw === null || raw === "") { return null; }
    if (type === "num") {
      var x = parseFloat(raw);
      return isNaN(x) ? null : x;
    }
    return raw.toLocaleLowerCase();
  }

  function sortTable(table, th) {
    var row = th.parentNode;
    var index = Array.prototype.indexOf.call(row.children, th);
    var type = th.getAttribute("data-type") || "text";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r, i) { return [key(r.children[index], type), i, r]; });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) {
        if (a[0] === b[0]) { return a[1] - b[1]; }
        return a[0] === null ? 1 : -1;  /* missing values last, either way */
      }
      var c = type === "num" ? a[0] - b[0] : a[0].localeCompare(b[0]);
      if (!ascending) { c = -c; }
      return c !== 0 ? c : a[1] - b[1];
    });
    Array.prototype.forEach.call(row.children, function (h) {
      if (h.hasAttribute("aria-sort")) { h.setAttribute("aria-sort", "none"); }
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var frag = document.createDocumentFragment();
    keyed.forEach(function (k) { frag.appendChild(k[2]); });
    body.appendChild(frag);
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      var button = th.querySelector("button");
      if (button) {
        button.addEventListener("click", function () { sortTable(table, th); });
      }
    });
  });

  var filter = document.getElementById("filter");
  var articleTable = document.getElementById("article-table");
  if (filter && articleTable) {
    filter.addEventListener("input", function () {
      var q = filter.value.toLocaleLowerCase().trim();
      Array.prototype.forEach.call(articleTable.tBodies[0].rows, function (r) {
        r.hidden = q !== "" && r.textContent.toLocaleLowerCase().indexOf(q) === -1;
      });
    });
  }

  var tip = document.getElementById("tip");
  var shown = null;

  function notesOf(mark) {
    var ids = (mark.getAttribute("data-n") || "").split(" ");
    var out = [];
    ids.forEach(function (id) {
      var note = id ? document.getElementById(id) : null;
      if (note) { out.push(note); }
    });
    /* innermost (shortest) first: the most specific reason leads */
    out.sort(function (a, b) {
      return (a.getAttribute("data-end") - a.getAttribute("data-start")) -
             (b.getAttribute("data-end") - b.getAttribute("data-start"));
    });
    return out;
  }

  function showTip(mark) {
    if (!tip || shown === mark) { return; }
    shown = mark;
    tip.textContent = "";
    notesOf(mark).forEach(function (note) {
      var copy = note.cloneNode(true);
      copy.removeAttribute("id");
      tip.appendChild(copy);
    });
    tip.hidden = false;
    /* placed in page coordinates, so it scrolls along with the words it explains */
    var r = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hideTip() {
    if (tip) { tip.hidden = true; }
    shown = null;
  }

  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest ? e.target.closest("mark.hl") : null;
    if (mark) { showTip(mark); } else { hideTip(); }
  });

  document.addEventListener("click", function (e) {
    if (!e.target.closest) { return; }
    var mark = e.target.closest("mark.hl");
    if (mark) {
      var doc = mark.closest("article");
      Array.prototype.forEach.call(doc.querySelectorAll("li.note.on"), function (n) {
        n.classList.remove("on");
      });
      var notes = notesOf(mark);
      notes.forEach(function (n) { n.classList.add("on"); });
      if (notes.length) {
        var panel = notes[0].closest("aside");
        panel.scrollTop = notes[0].offsetTop - panel.offsetTop - 8;
      }
      return;
    }
    var note = e.target.closest("li.note");
    if (note && note.id) {
      var marks = document.querySelectorAll('mark.hl[data-n~="' + note.id + '"]');
      Array.prototype.forEach.call(document.querySelectorAll("mark.flash"), function (m) {
        m.classList.remove("flash");
      });
      Array.prototype.forEach.call(marks, function (m) { m.classList.add("flash"); });
      if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
    }
  });
})();
