// Gallery page: drag a photo by its handle to reorder; the new order is posted at once.
// The ↑/↓ buttons are plain form posts and keep working without this script.
(function () {
  "use strict";
  var list = document.querySelector("[data-gallery-list]");
  var form = document.getElementById("gallery-texts");
  if (!list || !form) return;
  var status = document.querySelector("[data-gallery-status]");
  var token = form.querySelector("input[name=csrf_token]").value;
  var dragged = null;
  var before = "";

  function order() {
    return items().map(function (item) { return item.dataset.itemId; }).join(",");
  }

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-item-id]"));
  }

  function refreshButtons() {
    var all = items();
    all.forEach(function (item, index) {
      item.querySelector("button[value=up]").disabled = index === 0;
      item.querySelector("button[value=down]").disabled = index === all.length - 1;
    });
  }

  function saveOrder() {
    var body = new URLSearchParams();
    body.set("csrf_token", token);
    body.set("order", order());
    fetch(form.dataset.galleryOrderUrl, {
      method: "POST",
      headers: { Accept: "application/json", "X-CSRFToken": token },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      if (status) status.textContent = answer.message;
    }).catch(function () {
      window.location.reload();
    });
  }

  items().forEach(function (item) {
    var handle = item.querySelector(".gallery-admin__handle");
    if (handle) handle.hidden = false;
    item.draggable = true;
    item.addEventListener("dragstart", function (event) {
      if (event.target.closest("input, textarea, button")) { event.preventDefault(); return; }
      dragged = item;
      before = order();
      item.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.dataset.itemId);
    });
    item.addEventListener("dragend", function () {
      item.classList.remove("is-dragging");
      dragged = null;
      if (order() === before) return;
      refreshButtons();
      saveOrder();
    });
    item.addEventListener("dragover", function (event) {
      if (!dragged || dragged === item) return;
      event.preventDefault();
      var box = item.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? item.nextSibling : item);
    });
    item.addEventListener("drop", function (event) {
      event.preventDefault();
    });
  });
  list.dataset.galleryReady = "true";
})();
