// Progressive enhancement for list pages: a box that narrows the items shown
// on this page as you type, without diacritics ("lao cai" finds "Lào Cai").
// Without JavaScript the filter links above the list do the same job.
(function () {
  var list = document.querySelector("[data-filterable]");
  if (!list) return;
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var items = Array.prototype.slice.call(list.children);
  var texts = items.map(function (li) { return fold(li.textContent); });
  var wrap = document.createElement("div");
  wrap.className = "quick-filter";
  var label = document.createElement("label");
  label.htmlFor = "quick-filter";
  label.textContent = "Lọc nhanh trong trang này";
  var input = document.createElement("input");
  input.type = "search";
  input.id = "quick-filter";
  input.autocomplete = "off";
  var status = document.createElement("p");
  status.className = "hint";
  status.setAttribute("aria-live", "polite");
  wrap.appendChild(label);
  wrap.appendChild(input);
  wrap.appendChild(status);
  list.parentNode.insertBefore(wrap, list);
  input.addEventListener("input", function () {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = words.length ? shown + " / " + items.length + " văn bản khớp" : "";
  });
})();
