// Starts GOV.UK Frontend's components and sends the CSRF token with every HTMX (v4) request.
import { initAll } from "/static/vendor/govuk/govuk-frontend.min.js";

initAll();

const token = document.querySelector('meta[name="csrf-token"]')?.content;
document.addEventListener("htmx:config:request", (event) => {
  if (token && event.detail && event.detail.ctx && event.detail.ctx.request) {
    event.detail.ctx.request.headers["X-CSRFToken"] = token;
  }
});
