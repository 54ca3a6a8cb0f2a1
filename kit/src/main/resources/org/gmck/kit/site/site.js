// The matrix's filters: by profile, level, verdict (in any implementation) and text. No library, no network.
(function () {
  "use strict";
  var table = document.getElementById("matrix");
  if (!table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var profile = document.getElementById("f-profile");
  var level = document.getElementById("f-level");
  var verdict = document.getElementById("f-verdict");
  var text = document.getElementById("f-text");
  var shown = document.getElementById("shown");
  var params = new URLSearchParams(window.location.search);
  if (params.get("profile")) { profile.value = params.get("profile"); }
  if (params.get("level")) { level.value = params.get("level"); }
  if (params.get("verdict")) { verdict.value = params.get("verdict"); }
  if (params.get("q")) { text.value = params.get("q"); }

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var visible = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var show = (!profile.value || d.profile === profile.value)
        && (!level.value || d.level === level.value)
        && (!verdict.value || d.verdicts.split(" ").indexOf(verdict.value) >= 0)
        && words.every(function (w) { return d.text.indexOf(w) >= 0; });
      row.hidden = !show;
      if (show) { visible++; }
    });
    shown.textContent = visible + " of " + rows.length + " rules shown";
    shown.dataset.visible = String(visible);
  }

  [profile, level, verdict].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  apply();
  if (window.location.hash) {
    var target = document.getElementById(window.location.hash.substring(1));
    if (target && target.hidden) {
      profile.value = ""; level.value = ""; verdict.value = ""; text.value = "";
      apply();
    }
    if (target) { target.scrollIntoView(); }
  }
})();
