// The article body editor: SunEditor mounted over the body textarea, which stays what the form submits.
// Every change is copied back into the textarea with an `input` event, so autosave sees the editor like a field.
(function () {
  "use strict";

  const SunEditor = window.SUNEDITOR;
  const lang = window.SUNEDITOR_LANG && window.SUNEDITOR_LANG.vi;
  if (!SunEditor || !lang) return; // the plain HTML textarea stays usable

  const PLUGINS = ["blockStyle", "align", "list_numbered", "list_bulleted", "blockquote", "link", "image", "table"];
  const BUTTONS = [
    ["undo", "redo"],
    ["blockStyle"],
    ["bold", "italic", "underline", "strike", "subscript", "superscript"],
    ["align", "list_numbered", "list_bulleted", "blockquote"],
    ["link", "image", "table"],
    ["removeFormat"],
    ["fullScreen", "codeView"],
  ];
  // The page title is the article's h1, so the body starts at h2.
  const HEADING_LEVELS = [2, 3, 4];
  const ZERO_WIDTH_SPACE = /\u200B/g;

  function blockStyles() {
    return [{ tag: "p", command: "line", name: lang.tag_p }].concat(
      HEADING_LEVELS.map((level) => ({ tag: "h" + level, command: "line", name: lang.tag_h + " " + level })),
    );
  }

  function pick(source, names) {
    const picked = {};
    names.forEach((name) => {
      picked[name] = source[name];
    });
    return picked;
  }

  function mount(wrapper) {
    const textarea = wrapper.querySelector("textarea");
    if (!textarea) return;
    const label = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null;
    let editor = null;

    // The editor parks the caret in zero-width spaces; they must not reach the stored article.
    function currentHtml() {
      const context = editor.$.frameContext;
      if (context.get("isCodeView")) return context.get("code").value.replace(ZERO_WIDTH_SPACE, "");
      return editor.isEmpty() ? "" : editor.$.html.get().replace(ZERO_WIDTH_SPACE, "");
    }

    // Copy the editor's HTML into the textarea; `announce` fires the `input` event autosave listens for.
    function sync(announce) {
      if (!editor) return;
      const html = currentHtml();
      if (textarea.value === html) return;
      textarea.value = html;
      if (announce) textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    editor = SunEditor.create(textarea, {
      lang: lang,
      plugins: pick(SunEditor.plugins, PLUGINS),
      buttonList: BUTTONS,
      blockStyle: { items: blockStyles() },
      image: { createFileInput: false, createUrlInput: true },
      convertTextTags: { strike: "s" },
      width: "100%",
      height: "auto",
      minHeight: "20rem",
      // Tab leaves the editor for the next field instead of indenting: no keyboard trap (WCAG 2.1.2).
      tabDisable: true,
      events: {
        onload: () => {
          const editable = editor.$.frameContext.get("wysiwyg");
          if (label) {
            if (!label.id) label.id = textarea.id + "-label";
            editable.setAttribute("aria-labelledby", label.id);
            label.addEventListener("click", () => editor.$.focusManager.focus());
          }
          // The list buttons' arrows (list styles) come from SunEditor without a name: give them one.
          wrapper.querySelectorAll(".se-side-btn-after:not([aria-label])").forEach((arrow) => {
            const main = arrow.parentElement.querySelector(".se-side-btn-a[aria-label]");
            const name = main && main.getAttribute("aria-label") + ": " + wrapper.dataset.wysiwygListStyles;
            if (main) arrow.setAttribute("aria-label", name); // e.g. "Danh sách đánh số: các kiểu"
          });
          const code = editor.$.frameContext.get("code");
          if (code) code.addEventListener("input", () => sync(true));
        },
        onChange: () => sync(true),
        onBlur: () => sync(true),
        onToggleCodeView: () => sync(true),
        // Images come by address only; the media library, not the editor, stores uploads.
        onImageUploadBefore: ({ info }) => {
          if (!info.url) {
            editor.$.ui.alertOpen(wrapper.dataset.wysiwygFileRefused, "error");
            return false;
          }
          // SunEditor 3.3.3 puts "/" before any address without "://", turning "/media/a.jpg" into "//media/a.jpg".
          if (/^\/\/[^/]/.test(info.url)) return { ...info, url: info.url.slice(1) };
          return true;
        },
      },
    });
    wrapper.classList.add("body-field--wysiwyg");
    // The media library's insert dialog (uploads.js) puts images in at the caret through this.
    wrapper.insertHtml = (html) => {
      try {
        editor.$.html.insert(html);
      } catch (error) {
        editor.$.html.set(currentHtml() + html);
      }
      sync(true);
    };

    const form = textarea.form;
    if (!form) return;
    // Capture phase: the value is in place before any other submit handler (or the browser) reads it.
    form.addEventListener("submit", () => sync(true), true);
    // Code that builds `new FormData(form)` itself (autosave) gets the editor's latest HTML too.
    form.addEventListener("formdata", (event) => {
      sync(false);
      event.formData.set(textarea.name, textarea.value);
    });
  }

  document.querySelectorAll("[data-wysiwyg]").forEach(mount);
})();
