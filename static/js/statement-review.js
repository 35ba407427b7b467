// A story's statements decided one by one, by mouse or keyboard, without leaving the page.
//
// Each Confirm or Reject posts the small #statement-review form (the story's version as this
// page opened it) to the statement's own address; the server claims that version, so a
// story someone saved meanwhile is refused. On success the page carries on from the new
// version: the story form's hidden version and the statement's own review field take the
// decision, so saving the form afterwards keeps it. Without this script the buttons post
// the same form and the page reloads.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const reviewForm = document.getElementById("statement-review");
  const group = document.querySelector(".statement-review");
  if (!reviewForm || !group) return;
  const status = group.querySelector(".statement-review__status");
  const lines = () => [...group.querySelectorAll(".statement-line[data-statement]")];

  function setVersion(version) {
    reviewForm.querySelector("input[name=version]").value = version;
    const storyVersion = document.getElementById("id_version");
    if (storyVersion) storyVersion.value = version;
  }

  function show(line, review, label) {
    line.dataset.review = review;
    const badge = line.querySelector(".statement-line__review");
    badge.className = `badge badge--${review} statement-line__review`;
    badge.textContent = label;
    const field = line.querySelector("select[name$='-review']");
    if (field) field.value = review;
    const flag = line.querySelector("input[name$='-needs_check']");
    if (flag) flag.checked = false;
    for (const button of line.querySelectorAll(".statement-decision")) {
      button.hidden = (button.dataset.decision === "confirm") === (review === "confirmed");
    }
  }

  function next(line, step) {
    const all = lines();
    return all[all.indexOf(line) + step];
  }

  // One decision at a time: each must carry the version the one before it made.
  let busy = false;

  async function decide(button) {
    if (busy) return;
    busy = true;
    group.setAttribute("aria-busy", "true");
    try {
      await send(button);
    } finally {
      busy = false;
      group.removeAttribute("aria-busy");
    }
  }

  async function send(button) {
    const line = button.closest(".statement-line");
    const failed = {error: "The decision was not saved: try again."};
    const response = await fetch(button.formAction, {
      method: "POST",
      body: new FormData(reviewForm),
      headers: {Accept: "application/json"},
      credentials: "same-origin",
    }).catch(() => null);
    const answer = response ? await response.json().catch(() => failed) : failed;
    if (!response || !response.ok) {
      status.textContent = answer.error || "The decision was not saved: try again.";
      status.classList.add("statement-review__status--error");
      line.focus();
      return;
    }
    status.classList.remove("statement-review__status--error");
    setVersion(answer.version);
    show(line, answer.review, answer.label);
    const sentence = line.querySelector(".statement-line__sentence");
    status.textContent = `${answer.label}: ${sentence ? sentence.textContent.trim().slice(0, 80) : ""}`;
    // On to the next statement still waiting, as a reviewer reads down the story.
    const waiting = lines().slice(lines().indexOf(line) + 1).find((other) => other.dataset.review === "suggested");
    (waiting || line).focus();
  }

  group.addEventListener("click", (event) => {
    const button = event.target.closest(".statement-decision");
    if (!button) return;
    event.preventDefault();
    decide(button);
  });

  group.addEventListener("keydown", (event) => {
    const line = event.target;
    if (!line.matches || !line.matches(".statement-line[data-statement]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = {ArrowDown: 1, j: 1, ArrowUp: -1, k: -1}[event.key];
    if (move) {
      const target = next(line, move);
      if (target) target.focus();
      event.preventDefault();
      return;
    }
    const decision = {c: "confirm", r: "reject"}[event.key];
    const button = decision && line.querySelector(`.statement-decision[data-decision=${decision}]`);
    if (button && !button.hidden) {
      event.preventDefault();
      decide(button);
    }
  });
});
