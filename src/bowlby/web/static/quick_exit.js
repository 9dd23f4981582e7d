/* Quick exit: leave at once for a neutral page that Back cannot return to, and end the
   session. Without JavaScript the form still posts to /exit, which does the same. */
(function () {
  "use strict";
  var form = document.querySelector("form.quick-exit");
  var neutral = (form && form.getAttribute("data-neutral")) || "/weather";
  var presses = [];
  var leaving = false;

  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    document.documentElement.classList.add("leaving");
    try {
      if (!(navigator.sendBeacon && navigator.sendBeacon("/exit"))) {
        fetch("/exit", { method: "POST", credentials: "same-origin", keepalive: true });
      }
    } catch (error) { /* leaving comes first */ }
    window.location.replace(neutral);
  }

  if (form) { form.addEventListener("submit", leave); }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    presses = presses.filter(function (when) { return now - when < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(event); }
  });
}());
