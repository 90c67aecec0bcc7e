// The comment box on the article page: the form (with its per-visitor token and captcha) is fetched
// in place when the reader asks for it, sent in place, and "another code" swaps the captcha without
// losing the text. Without JavaScript the same links and buttons lead to the form page and work alike.
(function () {
  "use strict";

  // Enter in a field sends the comment: the browser would otherwise press the form's first submit
  // button, "another code", and swap the captcha the reader just typed.
  function sendOnEnter(form) {
    var send = form.querySelector("[data-comment-send]");
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.isComposing || !send) return;
      if (!event.target.matches("input:not([type=checkbox]):not([type=radio])")) return;
      event.preventDefault();
      form.requestSubmit(send);
    });
  }

  var standalone = document.querySelector(".comment-page [data-comment-form]");
  if (standalone) sendOnEnter(standalone);
  var slot = document.querySelector("[data-comment-slot]");
  if (!slot || !window.fetch || !window.FormData) return;
  var open = slot.querySelector("[data-comment-open]");

  function fragmentUrl(url) {
    return url + (url.indexOf("?") === -1 ? "?" : "&") + "khung=1";
  }

  // Resolves with [status, html] for the answers the form understands; anything else rejects.
  function request(url, options, accepted) {
    return fetch(fragmentUrl(url), Object.assign({ credentials: "same-origin" }, options)).then(function (response) {
      if (accepted.indexOf(response.status) === -1) throw new Error("HTTP " + response.status);
      return response.text().then(function (html) { return [response.status, html]; });
    });
  }

  function install(html, focusSelector) {
    slot.innerHTML = html;
    var target = slot.querySelector(focusSelector);
    if (target) target.focus();
    var form = slot.querySelector("[data-comment-form]");
    if (form) enhance(form);
    slot.setAttribute("data-enhanced", "");
  }

  function enhance(form) {
    sendOnEnter(form);
    var refresh = form.querySelector("[data-captcha-refresh]");
    refresh.addEventListener("click", function (event) {
      event.preventDefault();
      request(refresh.getAttribute("formaction"), { method: "POST", body: new FormData(form) }, [200])
        .then(function (answer) { install(answer[1], "#captcha_answer"); })
        .catch(function () { form.requestSubmit(refresh); });
    });
    form.addEventListener("submit", function (event) {
      if (event.submitter === refresh || form.hasAttribute("data-native")) return;
      event.preventDefault();
      request(form.getAttribute("action"), { method: "POST", body: new FormData(form) }, [201, 400])
        .then(function (answer) {
          install(answer[1], answer[0] === 201 ? "[data-comment-posted]" : "[aria-invalid=true], .form-errors");
        })
        .catch(function () {
          form.setAttribute("data-native", "");
          form.requestSubmit();
        });
    });
  }

  open.addEventListener("click", function (event) {
    event.preventDefault();
    request(open.getAttribute("href"), {}, [200])
      .then(function (answer) { install(answer[1], "#author_name"); })
      .catch(function () { window.location.href = open.href; });
  });
  slot.setAttribute("data-ready", "");
})();
