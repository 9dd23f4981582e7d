// The composer, enhanced: as the person types, the draft is read by /api/text/analyze (on this
// computer only) and the four horsemen are flagged live, naming the words behind each flag.
// The page works without it; every word shown comes from the server (data- attributes, the API).
(function () {
  "use strict";

  var WAIT_MS = 400;

  function setUp(form) {
    var field = form.querySelector("textarea[name=text]");
    var box = form.querySelector("#live-flags");
    var status = box.querySelector(".live-flags-status");
    var flags = box.querySelectorAll(".flag");
    var timer = null;
    var asked = 0;

    function wordsFor(label, evidence) {
      var words = [];
      evidence.forEach(function (item) {
        if (item.label === label && words.indexOf(item.text) === -1) { words.push(item.text); }
      });
      return words;
    }

    function showWords(holder, words) {
      holder.textContent = "";
      words.forEach(function (word, index) {
        var quoted = document.createElement("q");
        quoted.textContent = word;
        if (index > 0) { holder.appendChild(document.createTextNode(", ")); }
        holder.appendChild(quoted);
      });
    }

    function show(analysis) {
      var any = false;
      flags.forEach(function (flag) {
        var label = flag.dataset.label;
        var found = analysis.labels.indexOf(label) !== -1;
        flag.hidden = !found;
        if (found) {
          any = true;
          showWords(flag.querySelector(".flag-words"), wordsFor(label, analysis.evidence || []));
        }
      });
      status.textContent = any ? "" : box.dataset.clear;
    }

    function clear() {
      flags.forEach(function (flag) { flag.hidden = true; });
      status.textContent = "";
    }

    function read() {
      var text = field.value;
      if (!text.trim()) { clear(); return; }
      asked += 1;
      var mine = asked;
      fetch(form.dataset.analyze, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": form.dataset.csrfToken },
        body: JSON.stringify({ text: text })
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (analysis) {
        if (mine === asked) { show(analysis); }
      }).catch(function () {
        if (mine === asked) { status.textContent = box.dataset.failed; }
      });
    }

    field.addEventListener("input", function () {
      if (timer !== null) { clearTimeout(timer); }
      timer = setTimeout(read, WAIT_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector(".composer-form");
    if (form) { setUp(form); }
  });
})();
