// The item page's script: Ctrl+Enter submits the judgment, and the heartbeat. Paid time
// is measured by the server from heartbeats, so the page sends one only while it is
// visible and the expert was active recently (a key, a click, a scroll or a pointer move
// within the idle window). Hidden, idle or finished work sends nothing. The CSRF token
// travels in a header; it is read from the page's own judgment form. Without this script
// the page still works, but only time that heartbeats cover is counted.
"use strict";
// Keyboard: radios and checkboxes work with Tab, the arrows and Space as everywhere;
// Ctrl+Enter (Cmd+Enter) submits the judgment from anywhere in its form.
document.addEventListener("keydown", function (e) {
  var form = document.getElementById("judgment");
  if (!form || e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) { return; }
  if (form.contains(document.activeElement) && form.requestSubmit) {
    e.preventDefault();
    form.requestSubmit();
  }
});
(function () {
  var box = document.querySelector("[data-heartbeat]");
  if (!box) { return; }
  var url = box.getAttribute("data-heartbeat");
  var every = Math.max(5, parseInt(box.getAttribute("data-interval"), 10) || 60) * 1000;
  var idle = Math.max(10, parseInt(box.getAttribute("data-idle"), 10) || 300) * 1000;
  var tokenField = document.querySelector("input[name=csrf_token]");
  var token = tokenField ? tokenField.value : "";
  var lastActive = Date.now();
  var lastSent = 0;
  var stopped = false;

  function visible() { return document.visibilityState === "visible"; }

  function beat() {
    if (stopped || !visible() || Date.now() - lastActive > idle) { return; }
    lastSent = Date.now();
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRF-Token": token }
    }).then(function (r) {
      // Signed out, finished, declined or expired work: nothing more to measure.
      if (!r.ok) { stopped = true; }
    }).catch(function () { /* offline for a moment: the next beat tries again */ });
  }

  function active() {
    var was = lastActive;
    lastActive = Date.now();
    // Back after an idle spell: measure from now, not from the next tick.
    if (lastActive - was > every && lastActive - lastSent > every) { beat(); }
  }

  ["keydown", "pointerdown", "pointermove", "scroll", "input", "focus"].forEach(function (e) {
    window.addEventListener(e, active, { passive: true, capture: true });
  });
  document.addEventListener("visibilitychange", function () {
    if (visible()) { active(); }
  });
  window.setInterval(beat, every);
  beat();
})();
