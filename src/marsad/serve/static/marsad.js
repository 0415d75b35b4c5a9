// Marsad: a little vanilla JS. Highlight toggles on the story page; filters submit on change.
(function () {
  "use strict";
  var sources = document.getElementById("sources");
  document.querySelectorAll("#toggles input[data-hl]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (sources) sources.classList.toggle("hide-" + box.dataset.hl, !box.checked);
    });
  });
  var filters = document.getElementById("filters");
  if (filters) {
    // Empty fields stay out of the URL, so links stay short and shareable.
    var dropEmpty = function () {
      filters.querySelectorAll("input, select").forEach(function (f) { f.disabled = !f.value; });
    };
    var enableAll = function () {
      filters.querySelectorAll("input, select").forEach(function (f) { f.disabled = false; });
    };
    filters.addEventListener("submit", dropEmpty);
    window.addEventListener("pageshow", enableAll);  // back button: fields usable again
    filters.querySelectorAll("select, input[type=date]").forEach(function (el) {
      el.addEventListener("change", function () { dropEmpty(); filters.submit(); });
    });
  }
})();
