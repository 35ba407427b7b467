// The desk's fixes to the admin's autocomplete boxes (select2) for screen readers and
// keyboards, applied whenever select2 draws one, as it does again after every change:
// its search field gets the name of the field it belongs to, and its "clear" button moves
// out of the list of chosen items, which may hold list items only. And the body's editor
// gets a name.
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

  // The body's editor (django-prose-editor) draws an editable box beside its hidden
  // textarea: the box gets the field's name and help text.
  function nameEditor(textarea) {
    const editable = textarea.closest(".prose-editor")?.querySelector("[contenteditable]");
    if (!editable || editable.hasAttribute("aria-label")) return;
    editable.setAttribute("aria-label", labelOf(textarea));
    const help = textarea.getAttribute("aria-describedby");
    if (help) editable.setAttribute("aria-describedby", help);
  }

  document.addEventListener("prose-editor:ready", (event) => nameEditor(event.detail.textarea));

  document.addEventListener("DOMContentLoaded", () => {
    for (const textarea of document.querySelectorAll(".prose-editor textarea")) nameEditor(textarea);
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
