// Copy TeX (the site's own script; nothing from another host).
// - Every display formula gets a small "Copy TeX" button that copies exactly the TeX the checker
//   verified (the data-tex attribute hooks/formulas.py writes).
// - Copying a selection that contains formulas puts their TeX in the clipboard ($...$ inline,
//   $$...$$ display), from each formula's MathML annotation, instead of the MathML's glyphs.
(function () {
  "use strict";
  var ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 ' +
    '2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';

  function texOf(math) {
    var display = math.closest(".math.display");
    if (display && display.hasAttribute("data-tex")) return display.getAttribute("data-tex");
    var note = math.querySelector('annotation[encoding="application/x-tex"]');
    // The renderer typesets `:=` as \coloneqq (matcheck/render.py); give back what was written.
    return note ? note.textContent.replace(/\\coloneqq ?/g, ":=") : "";
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      ok ? resolve() : reject(new Error("copy refused"));
    });
  }

  function addButtons(root) {
    root.querySelectorAll(".math.display[data-tex]").forEach(function (box) {
      if (box.querySelector(":scope > .mc-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mc-copy";
      button.title = "Copy TeX";
      button.setAttribute("aria-label", "Copy TeX");
      button.innerHTML = ICON;
      box.appendChild(button);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".mc-copy");
    if (!button) return;
    var tex = button.parentElement.getAttribute("data-tex");
    writeClipboard(tex).then(function () {
      button.classList.add("mc-copied");
      button.title = "Copied";
      button.setAttribute("aria-label", "TeX copied");
      setTimeout(function () {
        button.classList.remove("mc-copied");
        button.title = "Copy TeX";
        button.setAttribute("aria-label", "Copy TeX");
      }, 2000);
    });
  });

  // A selection with formulas in it: copy their TeX, and the text around them as it reads.
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    var scope = range.commonAncestorContainer;
    scope = scope.nodeType === 1 ? scope : scope.parentElement;
    var inside = scope.closest("math");
    var maths = inside ? [inside] : [].slice.call(scope.querySelectorAll("math")).filter(function (m) {
      return range.intersectsNode(m);
    });
    if (!maths.length || event.target.closest && event.target.closest("textarea, input")) return;
    var fragment = range.cloneContents();
    var clones = fragment.querySelectorAll("math");
    var holder = document.createElement("div");
    if (inside) {
      holder.textContent = maths[0].getAttribute("display") === "block"
        ? "$$" + texOf(maths[0]) + "$$" : "$" + texOf(maths[0]) + "$";
    } else {
      clones.forEach(function (clone, k) {
        var tex = texOf(maths[k]);
        var text = maths[k].getAttribute("display") === "block" ? "\n$$\n" + tex + "\n$$\n" : "$" + tex + "$";
        clone.replaceWith(document.createTextNode(text));
      });
      fragment.querySelectorAll(".mc-copy, .mc-mark").forEach(function (e) { e.remove(); });
      holder.appendChild(fragment);
    }
    holder.style.position = "fixed";
    holder.style.left = "-10000px";
    holder.style.whiteSpace = "pre-wrap";
    document.body.appendChild(holder);
    var text = holder.innerText;
    holder.remove();
    event.clipboardData.setData("text/plain", text.replace(/\n{3,}/g, "\n\n").trim());
    event.preventDefault();
  });

  // Material's instant navigation swaps the page without reloading: add buttons on every page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { addButtons(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { addButtons(document); });
  } else {
    addButtons(document);
  }
})();
