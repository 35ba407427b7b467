// The desk's fixes to the admin's autocomplete boxes (select2) for screen readers and
// keyboards, applied whenever select2 draws one, as it does again after every change:
// its search field gets the name of the field it belongs to, and its "clear" button moves
// out of the list of chosen items, which may hold list items only.
"use strict";

(() => {
  function labelOf(select) {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    return label ? label.textContent.replace(/:\s*$/, "").trim() : select.name;
  }

  function mend(container) {
    const select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT") return;
    const name = labelOf(select);
    for (const field of container.querySelectorAll(".select2-search__field:not([aria-label])")) {
      field.setAttribute("aria-label", `Search ${name}`);
    }
    for (const combobox of container.querySelectorAll("[role=combobox]:not([aria-label])")) {
      combobox.setAttribute("aria-label", name);
    }
    for (const clear of container.querySelectorAll("ul > .select2-selection__clear")) {
      clear.closest(".select2-selection").append(clear);
    }
  }

  function mendAll(root) {
    for (const container of root.querySelectorAll(".select2-container")) mend(container);
  }

  document.addEventListener("DOMContentLoaded", () => {
    mendAll(document);
    new MutationObserver((changes) => {
      for (const change of changes) {
        const container = change.target.closest && change.target.closest(".select2-container");
        if (container) mend(container);
        else for (const node of change.addedNodes) if (node.querySelectorAll) mendAll(node.parentNode || node);
      }
    }).observe(document.body, {childList: true, subtree: true});
  });
})();
