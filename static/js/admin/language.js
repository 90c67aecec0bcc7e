// Marks the words selected in the article editor as another language (<span lang="en">…</span>), or whole
// paragraphs when the selection spans several, so screen readers switch voice there (WCAG 3.1.2). An empty
// choice removes the mark. The server keeps only well-formed language tags (app/core/html.py).
// Loaded before editor.js: SunEditor drops `lang` attributes, and bare spans, unless told otherwise, so the
// editor is created with `lang` allowed and marked spans carry a "__se__" class (SunEditor keeps those;
// the server's sanitizer removes the class again).
(function () {
  "use strict";

  const SunEditor = window.SUNEDITOR;
  const control = document.querySelector("[data-language-mark]");
  if (!SunEditor || !control) return;
  const MARK_CLASS = "__se__lang";

  function withMarkedSpans(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    template.content.querySelectorAll("span[lang]").forEach((span) => span.classList.add(MARK_CLASS));
    return template.innerHTML;
  }

  const create = SunEditor.create;
  SunEditor.create = function (element, options) {
    if (element && element.tagName === "TEXTAREA") element.value = withMarkedSpans(element.value);
    const allowed = Object.assign({}, options && options.attributeWhitelist);
    allowed["*"] = allowed["*"] ? allowed["*"] + "|lang" : "lang";
    return create.call(this, element, Object.assign({}, options, { attributeWhitelist: allowed }));
  };

  const select = control.querySelector("select");
  const said = control.querySelector("[data-language-said]");
  let saved = null;

  function editable() {
    return document.querySelector("[data-wysiwyg] .sun-editor-editable");
  }

  // The selection is remembered while it is in the editor: choosing the language moves the focus away.
  document.addEventListener("selectionchange", () => {
    const area = editable();
    const selection = document.getSelection();
    if (!area || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (area.contains(range.commonAncestorContainer)) saved = range.cloneRange();
  });

  function mark(area, range, language) {
    if (range.commonAncestorContainer === area) {
      Array.from(area.children).filter((block) => range.intersectsNode(block)).forEach((block) => {
        if (language) block.setAttribute("lang", language);
        else block.removeAttribute("lang");
      });
      return;
    }
    if (!language) {
      const start = range.startContainer;
      const marked = (start.nodeType === Node.ELEMENT_NODE ? start : start.parentElement).closest("[lang]");
      if (marked && area.contains(marked)) marked.removeAttribute("lang");
      return;
    }
    const span = document.createElement("span");
    span.setAttribute("lang", language);
    span.className = MARK_CLASS;
    span.appendChild(range.extractContents());
    range.insertNode(span);
  }

  control.querySelector("[data-language-apply]").addEventListener("click", () => {
    const area = editable();
    if (!area || !saved || (saved.collapsed && select.value)) {
      said.textContent = control.dataset.nothingSelected;
      return;
    }
    mark(area, saved, select.value);
    saved = null;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    said.textContent = control.dataset.done.replace("{language}", select.selectedOptions[0].text);
  });
  control.hidden = false;
})();
