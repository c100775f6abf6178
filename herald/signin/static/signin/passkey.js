// Passkeys: ask the browser for a WebAuthn credential and send its answer with the form.
// The server's options come as JSON in #passkey-options; the answer goes back as JSON in the
// hidden "credential" field. Without WebAuthn the form is sent empty and the server says why.
const form = document.querySelector("form[data-passkey]");
const optionsElement = document.getElementById("passkey-options");

for (const note of document.querySelectorAll("[data-passkey-no-js]")) {
  note.hidden = true;
}

if (form && optionsElement && window.PublicKeyCredential) {
  const mode = form.dataset.passkey;
  form.addEventListener("submit", async (event) => {
    if (form.dataset.passkeyDone) {
      return;
    }
    event.preventDefault();
    const options = JSON.parse(optionsElement.textContent);
    try {
      const credential =
        mode === "create"
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      form.querySelector("input[name=credential]").value = JSON.stringify(credential.toJSON());
    } catch (error) {
      form.querySelector("input[name=credential]").value = "";
    }
    form.dataset.passkeyDone = "1";
    form.requestSubmit();
  });
}
