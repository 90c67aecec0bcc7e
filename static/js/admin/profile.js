// The editor's exemplary profile: shown only while the format is "exemplary".
// Without JavaScript the fieldset stays visible with its hint, and the server ignores it for other formats.
(function () {
  "use strict";
  var fieldset = document.querySelector("[data-profile-fields]");
  var format = document.getElementById("format");
  if (!fieldset || !format) return;

  function update() {
    fieldset.hidden = format.value !== "exemplary";
  }

  format.addEventListener("change", update);
  update();
})();
