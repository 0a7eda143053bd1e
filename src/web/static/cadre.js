// Cadre's one script, optional: every page works without it. It only keeps a form from
// being sent twice by a double click (the button is disabled once the form is sent).
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement)) { return; }
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
  }, 0);
});
