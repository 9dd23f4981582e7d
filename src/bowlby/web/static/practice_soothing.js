// Self-soothing, enhanced: the breathing pacer, grounding one step at a time, and the
// twenty-minute countdown. Without this script the steps are plain text and the form saves.
(function () {
  "use strict";

  var WORDS = { in: "In", hold: "Hold", out: "Out" };
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function fillMinutes(seconds) {
    var field = document.getElementById("minutes");
    if (field) { field.value = String(Math.round(seconds / 6) / 10); }
  }

  function roundsWanted(fallback) {
    var field = document.getElementById("rounds");
    var rounds = field ? parseInt(field.value, 10) : NaN;
    return rounds >= 1 && rounds <= 100 ? rounds : fallback;
  }

  // The breathing pacer: a list of [phase, seconds] steps, one timer tick per second.
  function setupPacer(pacer) {
    var circle = pacer.querySelector(".pacer-circle");
    var word = pacer.querySelector(".pacer-word");
    var count = pacer.querySelector(".pacer-count");
    var status = pacer.querySelector(".pacer-status");
    var start = pacer.querySelector(".pacer-start");
    var phases = ["in", "hold", "out"].map(function (name) {
      return [name, parseInt(pacer.dataset[name], 10) || 0];
    }).filter(function (phase) { return phase[1] > 0; });
    pacer.hidden = false;
    if (reducedMotion) { pacer.classList.add("is-reduced"); }

    function showPhase(name, seconds) {
      circle.classList.remove("is-in", "is-hold", "is-out");
      circle.style.transitionDuration = seconds + "s";
      circle.classList.add("is-" + name);
      word.textContent = WORDS[name];
    }

    function run(rounds) {
      var plan = [];
      for (var r = 1; r <= rounds; r += 1) {
        phases.forEach(function (phase) { plan.push([phase[0], phase[1], r]); });
      }
      var total = 0;
      function next() {
        var step = plan.shift();
        if (!step) { return finish(rounds, total); }
        showPhase(step[0], step[1]);
        status.textContent = "Round " + step[2] + " of " + rounds;
        var left = step[1];
        count.textContent = String(left);
        var timer = window.setInterval(function () {
          left -= 1;
          total += 1;
          if (left > 0) { count.textContent = String(left); return; }
          window.clearInterval(timer);
          next();
        }, 1000);
      }
      next();
    }

    function finish(rounds, seconds) {
      circle.classList.remove("is-in", "is-hold", "is-out");
      word.textContent = "Done";
      count.textContent = "";
      status.textContent = "Well done: " + rounds + (rounds === 1 ? " round" : " rounds") +
        ". How anxious are you now?";
      pacer.dataset.state = "done";
      start.hidden = false;
      start.textContent = "Breathe again";
      fillMinutes(seconds);
    }

    start.addEventListener("click", function () {
      start.hidden = true;
      pacer.dataset.state = "running";
      run(roundsWanted(1));
    });
  }

  // Grounding: one sense at a time, with a button to move on.
  function setupGrounding(list) {
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var button = document.createElement("button");
    var started = Date.now();
    var current = 0;
    button.type = "button";
    button.className = "button grounding-next";
    button.textContent = "Next step";
    list.classList.add("is-stepping");
    items[0].classList.add("is-current");
    list.insertAdjacentElement("afterend", button);
    button.addEventListener("click", function () {
      items[current].classList.remove("is-current");
      items[current].classList.add("is-done");
      current += 1;
      if (current < items.length) {
        items[current].classList.add("is-current");
        if (current === items.length - 1) { button.textContent = "Done"; }
        return;
      }
      button.remove();
      fillMinutes((Date.now() - started) / 1000);
    });
  }

  // The wait: a countdown from data-minutes, which may be stopped early.
  function setupCountdown(box) {
    var time = box.querySelector(".countdown-time");
    var status = box.querySelector(".countdown-status");
    var button = box.querySelector(".countdown-start");
    var total = (parseFloat(box.dataset.minutes) || 20) * 60;
    var timer = null;
    var elapsed = 0;
    box.hidden = false;

    function show(secondsLeft) {
      var minutes = Math.floor(secondsLeft / 60);
      var seconds = secondsLeft % 60;
      time.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    }

    function stop(message) {
      window.clearInterval(timer);
      timer = null;
      status.textContent = message;
      button.textContent = "Start again";
      fillMinutes(elapsed);
    }

    button.addEventListener("click", function () {
      if (timer) { return stop("Stopped early; that is fine."); }
      elapsed = 0;
      show(total);
      status.textContent = "The urge fades with time. Do something kind meanwhile.";
      button.textContent = "Stop early";
      timer = window.setInterval(function () {
        elapsed += 1;
        show(total - elapsed);
        if (elapsed >= total) { stop("Time is up. Decide calmly what, if anything, to send."); }
      }, 1000);
    });
  }

  document.querySelectorAll("[data-pacer]").forEach(setupPacer);
  document.querySelectorAll("[data-grounding]").forEach(setupGrounding);
  document.querySelectorAll("[data-countdown]").forEach(setupCountdown);
})();
