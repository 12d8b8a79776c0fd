// Progressive enhancement: voting without a page reload. Without JavaScript the form posts normally.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.classList || !form.classList.contains("vote-form")) return;
  event.preventDefault();
  const action = form.querySelector("input[name=action]");
  const up = action.value === "vote";
  const response = await fetch("/api/v1/papers/" + form.dataset.paper + "/vote", {
    method: up ? "POST" : "DELETE",
    headers: { "X-CSRF-Token": form.querySelector("input[name=csrf]").value },
    credentials: "same-origin",
  });
  if (!response.ok) { form.submit(); return; }
  const state = await response.json();
  const button = form.querySelector("button");
  form.querySelector(".vote-count").textContent = state.votes;
  form.querySelector(".vote-label").textContent = state.voted ? "Voted" : "Vote";
  button.classList.toggle("voted", state.voted);
  button.setAttribute("aria-pressed", String(state.voted));
  action.value = state.voted ? "unvote" : "vote";
});

// The private feed URLs (/for-you, /library): "Copy" puts the URL on the clipboard; without JavaScript it can be
// selected in its read-only field.
document.addEventListener("click", async (event) => {
  const button = event.target;
  if (!button.classList || !button.classList.contains("copy-link")) return;
  const field = button.parentElement.querySelector("input.feed-url");
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = "Copied";
  } catch (e) {
    document.execCommand("copy");
  }
});
