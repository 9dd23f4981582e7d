// The daily check-in, enhanced: a countdown with start and pause that fills in the minutes,
// and a reminder shown by the browser at the couple's time while this page stays open.
// The page works without it; every word shown comes from data- attributes set by the server.
(function () {
  "use strict";

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function setUpTimer(box) {
    var total = Number(box.dataset.minutes || "15") * 60000;
    var stepMinutes = (box.dataset.stepMinutes || "").split(" ").map(Number);
    var shown = box.querySelector("#timer-left");
    var display = box.querySelector(".timer-display");
    var status = box.querySelector(".timer-status");
    var buttons = box.querySelector(".timer-buttons");
    var start = box.querySelector('[data-timer="start"]');
    var pause = box.querySelector('[data-timer="pause"]');
    var reset = box.querySelector('[data-timer="reset"]');
    var steps = box.querySelectorAll(".script-steps li");
    var minutesField = document.getElementById("minutes");
    var minutesTyped = false;
    var used = 0;
    var since = null;
    var ticking = null;
    var finished = false;

    function elapsed() {
      return used + (since === null ? 0 : Date.now() - since);
    }

    function markStep(done) {
      var edge = 0;
      var current = -1;
      for (var i = 0; i < stepMinutes.length; i += 1) {
        edge += stepMinutes[i] * 60000;
        if (done < edge) { current = i; break; }
      }
      steps.forEach(function (step, index) {
        step.classList.toggle("current", index === current && (since !== null || used > 0));
      });
    }

    function draw() {
      var done = elapsed();
      var left = Math.max(0, total - done);
      var seconds = Math.ceil(left / 1000);
      shown.textContent = two(Math.floor(seconds / 60)) + ":" + two(seconds % 60);
      markStep(done);
      if (minutesField && !minutesTyped && done > 0) {
        minutesField.value = String(Math.max(1, Math.ceil(done / 60000)));
      }
      if (left === 0 && !finished) {
        finished = true;
        display.classList.add("finished");
        status.textContent = box.dataset.done;
        stop();
      }
    }

    function stop() {
      if (since !== null) { used += Date.now() - since; since = null; }
      if (ticking !== null) { clearInterval(ticking); ticking = null; }
      start.disabled = false;
      pause.disabled = true;
    }

    start.addEventListener("click", function () {
      if (finished) { reset.click(); }
      since = Date.now();
      ticking = setInterval(draw, 250);
      start.disabled = true;
      pause.disabled = false;
      status.textContent = box.dataset.running;
      draw();
    });
    pause.addEventListener("click", function () {
      stop();
      draw();
      status.textContent = box.dataset.paused;
    });
    reset.addEventListener("click", function () {
      stop();
      used = 0;
      finished = false;
      display.classList.remove("finished");
      status.textContent = "";
      draw();
    });
    if (minutesField) {
      minutesField.addEventListener("input", function () { minutesTyped = true; });
    }
    buttons.hidden = false;
  }

  function setUpReminder(button) {
    if (!("Notification" in window)) { return; }
    var status = document.querySelector(".remind-status");
    var hint = document.querySelector(".remind-hint");
    var times = (button.dataset.next || "").split(" ").filter(Boolean).map(function (iso) {
      return new Date(iso);
    });
    var waiting = null;
    var LONGEST = 2147483647; // setTimeout's limit, about 24 days

    function clockOf(when) {
      return two(when.getHours()) + ":" + two(when.getMinutes());
    }

    function scheduleNext() {
      var now = Date.now();
      var next = times.find(function (when) { return when.getTime() > now; });
      if (!next || next.getTime() - now > LONGEST) { return; }
      if (waiting !== null) { clearTimeout(waiting); }
      waiting = setTimeout(function () {
        new Notification(button.dataset.title, { body: button.dataset.body, tag: "checkin" });
        scheduleNext();
      }, next.getTime() - now);
      status.textContent = button.dataset.set.replace("{time}", clockOf(next));
    }

    button.addEventListener("click", function () {
      Notification.requestPermission().then(function (answer) {
        if (answer === "granted") {
          scheduleNext();
        } else {
          status.textContent = button.dataset.denied;
        }
      });
    });
    button.hidden = false;
    if (hint) { hint.hidden = false; }
    if (Notification.permission === "granted") { scheduleNext(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var timer = document.getElementById("timer");
    if (timer) { setUpTimer(timer); }
    var remind = document.getElementById("remind-here");
    if (remind) { setUpReminder(remind); }
  });
})();
