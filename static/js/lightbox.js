// Photo story lightbox: a progressive enhancement over the plain list of photo links.
// Without this script every photo is a link to its largest version. Labels come from data- attributes.
(function () {
  "use strict";
  var gallery = document.querySelector("[data-lightbox]");
  if (!gallery) return;
  var links = Array.prototype.slice.call(gallery.querySelectorAll("[data-lightbox-item]"));
  if (!links.length) return;
  var data = gallery.dataset;
  var current = 0;
  var opener = null;
  var hiddenSiblings = [];

  function element(tag, className, attributes) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function button(className, label, symbol) {
    var node = element("button", "lightbox__button " + className, { type: "button", "aria-label": label });
    node.textContent = symbol;
    return node;
  }

  var dialog = element("div", "lightbox", {
    role: "dialog",
    "aria-modal": "true",
    "aria-labelledby": "lightbox-counter",
    "aria-describedby": "lightbox-caption",
    hidden: ""
  });
  var counter = element("p", "lightbox__counter", { id: "lightbox-counter", "aria-live": "polite" });
  var figure = element("figure", "lightbox__figure");
  var image = element("img", "lightbox__image", { alt: "" });
  var caption = element("figcaption", "lightbox__caption", { id: "lightbox-caption" });
  var previous = button("lightbox__previous", data.lightboxPrevious, "‹");
  var next = button("lightbox__next", data.lightboxNext, "›");
  var close = button("lightbox__close", data.lightboxClose, "×");
  figure.appendChild(image);
  figure.appendChild(caption);
  [counter, close, previous, figure, next].forEach(function (node) { dialog.appendChild(node); });
  document.body.appendChild(dialog);

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumbnail = link.querySelector("img");
    var text = link.closest("figure") && link.closest("figure").querySelector("figcaption");
    image.src = link.href;
    image.alt = thumbnail ? thumbnail.alt : "";
    caption.textContent = text ? text.textContent.trim() : "";
    counter.textContent = data.lightboxCounter.replace("{n}", current + 1).replace("{total}", links.length);
    previous.hidden = next.hidden = links.length < 2;
  }

  function open(index, from) {
    opener = from;
    show(index);
    hiddenSiblings = Array.prototype.filter.call(document.body.children, function (node) {
      return node !== dialog && !node.inert;
    });
    hiddenSiblings.forEach(function (node) { node.inert = true; });
    dialog.hidden = false;
    document.documentElement.classList.add("has-lightbox");
    close.focus();
  }

  function shut() {
    dialog.hidden = true;
    document.documentElement.classList.remove("has-lightbox");
    hiddenSiblings.forEach(function (node) { node.inert = false; });
    hiddenSiblings = [];
    image.removeAttribute("src");
    if (opener) opener.focus();
  }

  function focusables() {
    return Array.prototype.filter.call(dialog.querySelectorAll("button"), function (node) { return !node.hidden; });
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      open(index, link);
    });
  });
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", shut);
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) shut();
  });

  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); shut(); return; }
    if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); return; }
    if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); return; }
    if (event.key !== "Tab") return;
    var items = focusables();
    var first = items[0];
    var last = items[items.length - 1];
    var inside = items.indexOf(document.activeElement) !== -1;
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  });

  var touchX = null;
  dialog.addEventListener("touchstart", function (event) {
    touchX = event.changedTouches[0].clientX;
  }, { passive: true });
  dialog.addEventListener("touchend", function (event) {
    if (touchX === null) return;
    var distance = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(distance) > 40) show(current + (distance < 0 ? 1 : -1));
  });
  gallery.dataset.lightboxReady = "true";
})();
