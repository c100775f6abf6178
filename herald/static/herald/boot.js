// Runs before the page is painted so GOV.UK Frontend's JavaScript-only styles apply at once.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
