// Progressive enhancements for the article page: text size (remembered) and printing.
(function () {
  "use strict";
  var tools = document.querySelector(".story__tools");
  if (!tools) return;
  var root = document.documentElement;
  var sizes = [1, 1.125, 1.25, 1.375, 1.5];
  var stored = parseInt(localStorage.getItem("bantin.fontStep") || "1", 10);
  var step = isNaN(stored) ? 1 : Math.min(Math.max(stored, 0), sizes.length - 1);
  function apply() {
    root.style.setProperty("--story-size", sizes[step] + "rem");
    localStorage.setItem("bantin.fontStep", String(step));
  }
  tools.hidden = false;
  apply();
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-print")) { window.print(); return; }
    var delta = parseInt(button.getAttribute("data-font-step"), 10);
    step = Math.min(Math.max(step + delta, 0), sizes.length - 1);
    apply();
    // Said aloud, so a screen-reader user knows the press worked (or that the limit is reached).
    var status = tools.querySelector("[data-font-size-said]");
    if (status) {
      status.textContent = status.getAttribute("data-font-size-said").replace("{percent}", Math.round(sizes[step] * 100));
    }
  });
})();

// Search-as-you-type in the header box: keywords and article titles offered in its <datalist>.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var last = "";
  function fetchJson(url, text) {
    return fetch(url + "?q=" + encodeURIComponent(text))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; });
  }
  function fill(values) {
    list.textContent = "";
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      list.appendChild(option);
    });
  }
  input.addEventListener("input", function () {
    var text = input.value.trim();
    clearTimeout(timer);
    if (text.length < 2 || text === last) return;
    timer = setTimeout(function () {
      last = text;
      Promise.all([
        fetchJson(input.getAttribute("data-keywords-url"), text),
        fetchJson(input.getAttribute("data-suggest-url"), text)
      ]).then(function (answers) {
        if (input.value.trim() !== text) return;
        var keywords = (answers[0].keywords || []).map(function (keyword) { return keyword.name; });
        var titles = (answers[1].articles || []).map(function (article) { return article.title; });
        fill(keywords.concat(titles));
      });
    }, 200);
  });
})();

// The share box's copy-link button: shown only with JavaScript, copies the canonical URL and says so aloud.
(function () {
  "use strict";
  var box = document.querySelector("[data-share]");
  if (!box) return;
  var button = box.querySelector("[data-copy-link]");
  var status = box.querySelector("[role=status]");
  var url = button.getAttribute("data-copy-link");
  function copyWithSelection() {
    var field = document.createElement("textarea");
    field.value = url;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function say(attribute) {
    status.textContent = "";
    // A fresh text node after clearing, so screen readers announce a repeated message again.
    window.setTimeout(function () { status.textContent = status.getAttribute(attribute); }, 50);
  }
  box.querySelectorAll("[data-copy-link-part]").forEach(function (part) { part.hidden = false; });
  button.addEventListener("click", function () {
    var copying = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(url).catch(copyWithSelection)
      : copyWithSelection();
    copying.then(function () { say("data-copied"); }, function () { say("data-copy-failed"); });
  });
})();
