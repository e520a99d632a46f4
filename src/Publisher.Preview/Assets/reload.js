// Publisher preview: reloads the page when the site has been rebuilt. Served only by `publisher serve`.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var source = new EventSource("/__publisher/events");
  source.addEventListener("reload", function () {
    window.location.reload();
  });
}());
