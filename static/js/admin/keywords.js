// Keyword autocomplete in the back office: suggestions from the server fill a <datalist>.
// Inputs marked data-keyword-suggest="list" hold comma-separated names (only the last one is completed);
// "one" holds a single name. Without JavaScript the inputs still work as plain text.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.suggestUrl;
  if (!url || !window.fetch) return;

  Array.prototype.forEach.call(document.querySelectorAll("[data-keyword-suggest]"), function (input, index) {
    var many = input.dataset.keywordSuggest === "list";
    var list = document.createElement("datalist");
    var timer = null;
    var controller = null;
    var asked = null;
    list.id = "keyword-suggestions-" + index;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    function parts() {
      var value = input.value;
      if (!many) return { head: "", term: value.trim() };
      var cut = value.lastIndexOf(",");
      return { head: cut < 0 ? "" : value.slice(0, cut + 1).trim() + " ", term: value.slice(cut + 1).trim() };
    }

    function suggest() {
      var wanted = parts();
      if (!wanted.term || wanted.term === asked) return;
      asked = wanted.term;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(wanted.term), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (keywords) {
          list.textContent = "";
          keywords.forEach(function (keyword) {
            var option = document.createElement("option");
            option.value = wanted.head + keyword.name;
            list.appendChild(option);
          });
        })
        .catch(function () { /* an aborted or failed lookup leaves the field as typed */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
  });
})();
