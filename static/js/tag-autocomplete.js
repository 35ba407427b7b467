// Offers existing tags for the tag being typed in a comma-separated tag field.
// Each suggestion is the whole field value with the last tag completed, because a
// <datalist> completes the entire input, not just the word under the cursor.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-suggest-url]")) {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const typed = input.value.split(",");
        const last = typed.pop().trim();
        if (!last) {
          list.replaceChildren();
          return;
        }
        const before = typed.map((tag) => tag.trim()).filter(Boolean);
        const response = await fetch(`${input.dataset.suggestUrl}?q=${encodeURIComponent(last)}`);
        if (!response.ok) return;
        const {tags} = await response.json();
        list.replaceChildren(
          ...tags.filter((tag) => !before.includes(tag))
            .map((tag) => new Option([...before, tag].join(", ")))
        );
      }, 150);
    });
  }
});
