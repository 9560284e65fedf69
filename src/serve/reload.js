// planportal serve: reloads the page after each rebuild and shows build
// problems over the page until they are fixed. Injected only by `serve`.
(function () {
  var es = new EventSource("/__planportal/events");
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(problems) {
    hide();
    box = document.createElement("div");
    box.id = "planportal-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;" +
      "background:#fff;color:#1a1a1a;border-top:6px solid #b10e1e;padding:1rem 1.25rem;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)";
    var h = document.createElement("p");
    h.style.cssText = "margin:0 0 .5rem;font-weight:700;color:#b10e1e";
    h.textContent = "Lỗi khi dựng trang – trang đang hiển thị bản tốt gần nhất (" + problems.length + ")";
    box.appendChild(h);
    var ul = document.createElement("ul");
    ul.style.cssText = "margin:0;padding-left:1.25rem";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = p.location || "";
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + p.message + (p.help ? " — " + p.help : "")));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Ẩn";
    close.style.cssText = "margin-top:.75rem;font:inherit";
    close.onclick = hide;
    box.appendChild(close);
    document.body.appendChild(box);
  }
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
  es.addEventListener("ok", hide);
})();
