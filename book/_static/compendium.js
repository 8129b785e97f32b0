/* Figures open enlarged on a click (and close on a click or Escape): an overlay with the image at its
   full size, no script from elsewhere, works from file://. */
(function () {
  "use strict";
  function close() {
    var open = document.querySelector(".compendium-zoom");
    if (open) open.remove();
  }
  function enlarge(img) {
    close();
    var overlay = document.createElement("div");
    overlay.className = "compendium-zoom";
    overlay.setAttribute("role", "dialog");
    var big = document.createElement("img");
    big.src = img.src;
    big.alt = img.alt || "";
    overlay.appendChild(big);
    overlay.addEventListener("click", close);
    document.body.appendChild(overlay);
  }
  document.addEventListener("click", function (event) {
    var img = event.target.closest && event.target.closest("article figure img, article .cell_output img");
    if (img && !img.closest(".compendium-zoom")) { event.preventDefault(); enlarge(img); }
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
})();
