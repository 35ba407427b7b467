// "Copy link" on the story page: without JavaScript the button stays hidden and the link
// can be selected in its field.
document.querySelectorAll("[data-copy]").forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector("[role=status]");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = "Link copied.";
    } catch {
      field.select();
      status.textContent = "Press Ctrl+C or ⌘C to copy the selected link.";
    }
  });
});
