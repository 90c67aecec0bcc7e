// Media uploads: the form's file input becomes a drop zone; each file is sent on its own XHR so it gets
// its own progress bar and its own result (the server's Vietnamese message when refused).
// Without JavaScript the form posts every chosen file at once and the page shows flashes.
(function () {
  "use strict";

  function uploadOne(zone, file, list) {
    const item = document.createElement("li");
    item.className = "upload-list__item";
    const name = document.createElement("span");
    name.textContent = file.name;
    const progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    const status = document.createElement("span");
    status.className = "upload-list__status";
    item.append(name, progress, status);
    list.append(item);

    const data = new FormData();
    data.append("csrf_token", zone.querySelector("[name=csrf_token]").value);
    data.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", zone.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    return new Promise((resolve) => {
      xhr.addEventListener("loadend", () => {
        let result = null;
        try {
          const body = JSON.parse(xhr.responseText);
          result = (body.results && body.results[0]) || { error: body.error };
        } catch (error) {
          result = { error: xhr.status === 413 ? zone.dataset.msgTooLarge : zone.dataset.msgFailed };
        }
        progress.value = 100;
        if (result.error) {
          item.classList.add("upload-list__item--error");
          status.textContent = result.error;
        } else {
          item.classList.add("upload-list__item--done");
          const link = document.createElement("a");
          link.href = result.edit_url;
          link.textContent = zone.dataset.msgDone;
          status.append(link);
        }
        resolve(result);
        zone.dispatchEvent(new CustomEvent("media:uploaded", { detail: result }));
      });
      xhr.send(data);
    });
  }

  function enhance(zone) {
    const input = zone.querySelector("input[type=file]");
    const list = zone.querySelector("[data-upload-list]");
    const send = (files) => Promise.all(Array.from(files).map((file) => uploadOne(zone, file, list)));

    zone.addEventListener("submit", (event) => {
      if (!input.files.length) return;
      event.preventDefault();
      send(input.files).then(() => {
        input.value = "";
      });
    });
    input.addEventListener("change", () => {
      if (input.files.length) zone.requestSubmit();
    });
    ["dragenter", "dragover"].forEach((type) =>
      zone.addEventListener(type, (event) => {
        event.preventDefault();
        zone.classList.add("upload-zone--over");
      }),
    );
    ["dragleave", "drop"].forEach((type) =>
      zone.addEventListener(type, () => zone.classList.remove("upload-zone--over")),
    );
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) send(event.dataTransfer.files);
    });
    zone.dataset.enhanced = "true"; // uploads now go one request per file, with progress
  }

  // The focal point: a click on the image fills the two number fields (which work on their own).
  function focalPicker(figure) {
    const image = figure.querySelector("img");
    const mark = figure.querySelector(".focal-picker__mark");
    const x = document.getElementById("focal_x");
    const y = document.getElementById("focal_y");
    if (!image || !x || !y) return;
    image.style.cursor = "crosshair";
    // Placed from data attributes: the Content-Security-Policy is why there is no style attribute.
    function place(left, top) {
      if (!mark) return;
      mark.style.left = left + "%";
      mark.style.top = top + "%";
    }
    if (mark) place(mark.dataset.x, mark.dataset.y);
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      const fx = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      const fy = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      x.value = fx.toFixed(3);
      y.value = fy.toFixed(3);
      place(fx * 100, fy * 100);
    });
  }

  // The article editor's "Insert an image": upload one or pick a recent one; the body gets our 1024-px JPEG.
  function imageHtml(image) {
    const img = document.createElement("img");
    img.src = image.url;
    img.alt = image.is_decorative ? "" : image.alt;
    if (image.width) img.width = image.width;
    if (image.height) img.height = image.height;
    return img.outerHTML;
  }

  function insertIntoBody(image) {
    const wrapper = document.querySelector("[data-wysiwyg]");
    if (wrapper && wrapper.insertHtml) {
      wrapper.insertHtml(imageHtml(image));
      return;
    }
    const textarea = document.querySelector(".body-field textarea");
    if (!textarea) return;
    const at = textarea.selectionEnd || textarea.value.length;
    textarea.value = textarea.value.slice(0, at) + "<p>" + imageHtml(image) + "</p>" + textarea.value.slice(at);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function mediaInsert(box) {
    const dialog = box.querySelector("dialog");
    const input = box.querySelector("input[type=file]");
    const progress = box.querySelector("progress");
    const error = box.querySelector("[data-media-insert-error]");
    const recent = box.querySelector("[data-media-insert-recent]");
    const notice = box.querySelector("[data-media-insert-notice]");
    const token = document.querySelector('meta[name="csrf-token"]').content;

    function chosen(image) {
      dialog.close();
      insertIntoBody(image);
      notice.textContent = "";
      if (!image.alt && !image.is_decorative && image.edit_url) {
        const link = document.createElement("a");
        link.href = image.edit_url;
        link.target = "_blank";
        link.textContent = box.dataset.msgNoAlt;
        notice.append(link);
      }
    }

    function showRecent() {
      fetch(box.dataset.recentUrl, { headers: { Accept: "application/json" } })
        .then((response) => response.json())
        .then((images) => {
          recent.replaceChildren(
            ...images.map((image) => {
              const item = document.createElement("li");
              const button = document.createElement("button");
              button.type = "button";
              button.className = "media-insert__pick";
              const thumb = document.createElement("img");
              thumb.src = image.url;
              thumb.alt = image.alt || image.filename;
              thumb.loading = "lazy";
              button.append(thumb);
              button.addEventListener("click", () => chosen(image));
              item.append(button);
              return item;
            }),
          );
        });
    }

    input.addEventListener("change", () => {
      if (!input.files.length) return;
      const data = new FormData();
      data.append("csrf_token", token);
      data.append("file", input.files[0], input.files[0].name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", box.dataset.uploadUrl);
      xhr.setRequestHeader("Accept", "application/json");
      progress.hidden = false;
      progress.value = 0;
      error.textContent = "";
      xhr.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener("loadend", () => {
        progress.hidden = true;
        input.value = "";
        let result = null;
        try {
          const body = JSON.parse(xhr.responseText);
          result = (body.results && body.results[0]) || { error: body.error };
        } catch (failure) {
          result = { error: xhr.status === 413 ? box.dataset.msgTooLarge : box.dataset.msgFailed };
        }
        if (result.error) error.textContent = result.error;
        else chosen(result);
      });
      xhr.send(data);
    });
    box.querySelector("[data-media-insert-open]").addEventListener("click", () => {
      error.textContent = "";
      showRecent();
      dialog.showModal();
    });
    box.querySelector("[data-media-insert-close]").addEventListener("click", () => dialog.close());
    box.hidden = false;
  }

  window.BantinUploads = { enhance: enhance };
  document.querySelectorAll("[data-upload-zone]").forEach(enhance);
  document.querySelectorAll("[data-media-insert]").forEach(mediaInsert);
  document.querySelectorAll("[data-focal-picker]").forEach(focalPicker);
})();
