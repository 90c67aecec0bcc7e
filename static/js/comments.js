// The comment box on the article page: the form (with its per-visitor token and captcha) is fetched
// in place when the reader asks for it, and "another code" swaps the captcha without losing the text.
// Without JavaScript the same links and buttons lead to the form page and work the same way.
(function () {
  "use strict";
  var slot = document.querySelector("[data-comment-slot]");
  if (!slot || !window.fetch || !window.FormData) return;
  var open = slot.querySelector("[data-comment-open]");

  function fetchForm(url, options) {
    return fetch(url, Object.assign({ credentials: "same-origin" }, options)).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    });
  }

  function fragmentUrl(url) {
    return url + (url.indexOf("?") === -1 ? "?" : "&") + "khung=1";
  }

  function install(html, focusId) {
    slot.innerHTML = html;
    var form = slot.querySelector("[data-comment-form]");
    if (!form) return;
    var refresh = form.querySelector("[data-captcha-refresh]");
    refresh.addEventListener("click", function (event) {
      event.preventDefault();
      fetchForm(fragmentUrl(refresh.getAttribute("formaction")), { method: "POST", body: new FormData(form) })
        .then(function (next) { install(next, "captcha_answer"); })
        .catch(function () { form.requestSubmit(refresh); });
    });
    var target = document.getElementById(focusId);
    if (target) target.focus();
    slot.setAttribute("data-enhanced", "");
  }

  open.addEventListener("click", function (event) {
    event.preventDefault();
    fetchForm(slot.getAttribute("data-src"))
      .then(function (html) { install(html, "author_name"); })
      .catch(function () { window.location.href = open.href; });
  });
  slot.setAttribute("data-ready", "");
})();
