// Autosave in the article editor: about 3 s after the last change the form's fields are posted to
// data-autosave-url (one request at a time), and the result is announced in a polite live region.
// The server keeps them apart from the revision history. On a new article (data-autosave-creates)
// the first autosave creates the draft, and the form then moves to that article's address.
(function () {
  "use strict";

  const form = document.querySelector("form[data-article-form][data-autosave-url]");
  const status = document.querySelector("[data-autosave-status]");
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !status || !meta || !window.fetch || !window.FormData) return;

  const DELAY_MS = 3000;
  const RETRY_MS = 15000;
  let timer = null;
  let inFlight = null; // the running request's promise
  let again = false; // a change arrived while a request was running
  let lastSent = null; // what the server holds, to skip posts that would change nothing
  let submitting = false;

  function creating() {
    return form.hasAttribute("data-autosave-creates");
  }

  function show(message, state) {
    status.dataset.state = state;
    status.textContent = message;
  }

  // The form's fields as the browser would send them, without files (editor.js adds the body's HTML).
  function fields() {
    const data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach((input) => data.delete(input.name));
    return data;
  }

  function fingerprint(data) {
    return JSON.stringify(Array.from(data.entries()));
  }

  function schedule(delay) {
    if (submitting) return;
    clearTimeout(timer);
    timer = setTimeout(send, delay);
  }

  // After the first autosave of a new article: this page is now that article's editor.
  function moveTo(result) {
    form.setAttribute("action", result.edit_url);
    form.dataset.autosaveUrl = result.autosave_url;
    form.removeAttribute("data-autosave-creates");
    if (form.elements.version) form.elements.version.value = String(result.version);
    const section = form.elements.section_id;
    if (section && !section.value) section.value = result.section_id;
    history.replaceState(history.state, "", result.edit_url);
  }

  function send() {
    timer = null;
    if (submitting) return Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const data = fields();
    if (creating() && !String(data.get("title") || "").trim()) {
      show(status.dataset.needTitle, "idle");
      return Promise.resolve();
    }
    const print = fingerprint(data);
    if (print === lastSent) return Promise.resolve();
    inFlight = fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": meta.content, Accept: "application/json" },
    })
      .then((response) =>
        response
          .json()
          .catch(() => ({}))
          .then((result) => {
            if (!response.ok || !result.ok) {
              show(result.error || status.dataset.failed, "error");
              if (response.status >= 500) schedule(RETRY_MS);
              return;
            }
            lastSent = print;
            if (result.edit_url) moveTo(result);
            if (result.stale) show(result.message + ". " + result.warning, "warning");
            else show(result.message, "saved");
          }),
      )
      .catch(() => {
        show(status.dataset.offline, "error");
        schedule(RETRY_MS);
      })
      .finally(() => {
        inFlight = null;
        if (again) {
          again = false;
          schedule(DELAY_MS);
        }
      });
    return inFlight;
  }

  // Nothing changed yet: the loaded form is what the server holds (read once the editor has mounted).
  lastSent = creating() ? null : fingerprint(fields());

  form.addEventListener("input", () => schedule(DELAY_MS));
  form.addEventListener("change", () => schedule(DELAY_MS));

  // A manual save replaces the autosave, so a running autosave finishes first: the save then deletes
  // it (instead of the autosave landing after the save), and a new article's save goes to the draft
  // the autosave is creating instead of creating a second one.
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (inFlight) {
      event.preventDefault();
      const button = event.submitter;
      inFlight.then(() => {
        submitting = true;
        form.requestSubmit(button);
      });
      return;
    }
    submitting = true;
  });

  // Leaving with a change still waiting for its timer: send it now (the browser finishes it).
  window.addEventListener("pagehide", () => {
    if (!timer || submitting || creating() || inFlight) return;
    clearTimeout(timer);
    timer = null;
    const data = fields();
    if (fingerprint(data) === lastSent) return;
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": meta.content, Accept: "application/json" },
      keepalive: true,
    }).catch(() => {});
  });
})();
