// The calendar page is built on one day and read on another: this moves
// "today", "upcoming" and the order of the months to the reader's date.
// Without JavaScript the page states the date it was built for.
(function () {
  var months = document.querySelector("[data-months]");
  if (!months) return;
  var now = new Date();
  var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  var first = today.getMonth() + 1;
  var items = Array.prototype.slice.call(months.children);
  items.sort(function (a, b) {
    var ma = (Number(a.dataset.month) - first + 12) % 12;
    var mb = (Number(b.dataset.month) - first + 12) % 12;
    return ma - mb;
  });
  items.forEach(function (li) { months.appendChild(li); });

  // Next occurrence [start, end) of an observance on or after today.
  function span(month, day, year) {
    if (day) {
      var d = new Date(year, month - 1, day);
      if (d.getMonth() !== month - 1) d = new Date(year, month - 1, day - 1); // 29/2
      return [d, new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)];
    }
    return [new Date(year, month - 1, 1), new Date(year, month, 1)];
  }
  function next(month, day) {
    var s = span(month, day, today.getFullYear());
    return s[1] > today ? s : span(month, day, today.getFullYear() + 1);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function vi(d) { return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear(); }
  function iso(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

  var obs = Array.prototype.slice.call(months.querySelectorAll("[data-name]")).map(function (li) {
    var s = next(Number(li.dataset.month), Number(li.dataset.day) || 0);
    return { li: li, start: s[0], now: s[0] <= today && today < s[1] };
  });
  var upcoming = obs.filter(function (o) { return !o.now; })
    .sort(function (a, b) { return a.start - b.start; }).slice(0, 3);
  obs.forEach(function (o) {
    o.li.classList.toggle("today", o.now);
    o.li.classList.toggle("next", upcoming.indexOf(o) >= 0);
    var tag = o.li.querySelector(".obs-tag");
    if (tag) {
      tag.innerHTML = o.now ? ' <strong class="tag tag-now">Hôm nay</strong>'
        : upcoming.indexOf(o) >= 0 ? ' <span class="tag tag-next">Sắp tới</span>' : "";
    }
  });
  var list = document.querySelector("[data-upcoming]");
  if (list) {
    list.textContent = "";
    obs.filter(function (o) { return o.now; }).concat(upcoming).slice(0, 3).forEach(function (o) {
      var li = document.createElement("li");
      if (o.now) li.className = "today";
      var a = document.createElement("a");
      a.href = o.li.dataset.href;
      a.textContent = o.li.dataset.name;
      var when = document.createElement("span");
      when.className = "when";
      var month = Number(o.li.dataset.month);
      if (o.now) {
        var strong = document.createElement("strong");
        strong.textContent = "Đang diễn ra";
        when.appendChild(strong);
        when.appendChild(document.createTextNode(" · "));
      }
      if (o.li.dataset.day) {
        var t = document.createElement("time");
        t.dateTime = iso(o.start);
        t.textContent = vi(o.start);
        when.appendChild(t);
      } else {
        when.appendChild(document.createTextNode("cả tháng " + month));
      }
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(when);
      list.appendChild(li);
    });
  }
  var stated = document.querySelector("[data-calendar-date]");
  if (stated) stated.textContent = "Hôm nay: " + vi(today) + ". Lịch bắt đầu từ tháng này.";
})();
