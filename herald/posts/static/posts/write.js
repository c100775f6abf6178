// Choosing or removing media or accounts, or ticking the captions box, changes what the check finds:
// ask every text box to check itself again (its hx-trigger listens for herald:recheck).
document.addEventListener("change", (event) => {
  const form = event.target.closest("#post-form");
  if (!form || !["media", "video_captions", "accounts"].includes(event.target.name)) return;
  for (const box of form.querySelectorAll("textarea.herald-post-text")) {
    box.dispatchEvent(new CustomEvent("herald:recheck"));
  }
});
