// The checkout's small enhancements; every page works without them except the card step.
// - The card step: the card goes from this browser to the provider's tokenization endpoint,
//   and only the token it answers is put in our form (the card never reaches our server).
// - Showing the card and address inputs for the method chosen.
// - Polling a waiting payment's status, reloading when it changes.
// - Copy buttons for the PIX code and the boleto line.
(() => {
  function cardFieldset(form) {
    return form.querySelector("[data-card-step]");
  }

  function chosenMethod(form) {
    const checked = form.querySelector('input[type="radio"][name="method"]:checked');
    return checked ? checked.value : "";
  }

  function showForMethod(form) {
    const method = chosenMethod(form);
    const card = cardFieldset(form);
    if (card) card.hidden = method !== "card";
    const checked = form.querySelector('input[type="radio"][name="method"]:checked');
    const address = form.querySelector("[data-address]");
    const hint = form.querySelector("[data-address-hint]");
    if (address && hint && checked) {
      const required = checked.dataset.needsAddress === "true";
      hint.textContent = required ? hint.dataset.hintRequired : hint.dataset.hintOptional;
    }
  }

  function cardBody(fieldset) {
    const body = {};
    for (const input of fieldset.querySelectorAll("[data-card]")) {
      const key = input.getAttribute("name") || input.className;
      let value = input.value.trim();
      const role = input.dataset.card;
      if (role === "number") value = value.replace(/[\s-]/g, "");
      if (role === "expMonth") value = Number(value);
      if (role === "expYear") value = value.length === 2 ? 2000 + Number(value) : Number(value);
      body[key] = value;
    }
    const tokenField = fieldset.dataset.accessTokenField;
    if (tokenField) body[tokenField] = fieldset.dataset.accessToken;
    return body;
  }

  async function tokenize(fieldset) {
    const error = fieldset.querySelector("[data-card-error]");
    const body = cardBody(fieldset);
    const encoding = fieldset.dataset.postEncoding;
    const response = await fetch(fieldset.dataset.postUrl, {
      method: "POST",
      headers: {
        "content-type": encoding === "form" ? "application/x-www-form-urlencoded" : "application/json",
      },
      body: encoding === "form" ? new URLSearchParams(body).toString() : JSON.stringify(body),
      credentials: "omit",
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.token) {
      error.textContent = fieldset.dataset[response.status === 401 ? "msgExpired" : "msgInvalid"] || "";
      error.hidden = false;
      return false;
    }
    fieldset.querySelector("[data-card-token]").value = answer.token;
    fieldset.querySelector("[data-card-brand]").value = answer.brand || "";
    for (const input of fieldset.querySelectorAll("[data-card]")) input.value = "";
    return true;
  }

  // Cielo's Silent Order Post script (docs.cielo.com.br, "Integrando com o Silent Order
  // Post"): it reads the inputs by their `bp-sop-*` classes, sends the card to Cielo, and
  // answers a PaymentToken (and, with the BIN query, the brand) to `onSuccess`.
  function tokenizeBySilentOrderPost(fieldset) {
    const error = fieldset.querySelector("[data-card-error]");
    const fail = (message) => {
      error.textContent = message || "";
      error.hidden = false;
    };
    return new Promise((resolve) => {
      window.bpSop_silentOrderPost({
        accessToken: fieldset.dataset.accessToken,
        environment: fieldset.dataset.environment,
        language: (document.documentElement.lang || "pt").slice(0, 2).toUpperCase(),
        enableBinQuery: true,
        enableTokenize: false,
        cvvRequired: true,
        onSuccess(answer) {
          if (!answer?.PaymentToken) {
            fail(fieldset.dataset.msgInvalid);
            return resolve(false);
          }
          fieldset.querySelector("[data-card-token]").value = answer.PaymentToken;
          fieldset.querySelector("[data-card-brand]").value = answer.brand || answer.Brand || "";
          for (const input of fieldset.querySelectorAll("[data-card]")) input.value = "";
          resolve(true);
        },
        onInvalid() {
          fail(fieldset.dataset.msgInvalid);
          resolve(false);
        },
        onError(problem) {
          const code = problem && String(problem.Code);
          fail(code === "401" ? fieldset.dataset.msgExpired : fieldset.dataset.msgUnreachable);
          resolve(false);
        },
      });
    });
  }

  for (const form of document.querySelectorAll("[data-checkout-form]")) {
    showForMethod(form);
    form.addEventListener("change", () => showForMethod(form));
    form.addEventListener("submit", async (event) => {
      const fieldset = cardFieldset(form);
      if (!fieldset || chosenMethod(form) !== "card") return;
      if (fieldset.querySelector("[data-card-token]").value) return;
      const bySilentOrderPost = typeof window.bpSop_silentOrderPost === "function";
      // A provider's script this page does not know does the step itself.
      if (fieldset.dataset.providerScript === "true" && !bySilentOrderPost) return;
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
      try {
        if (await (bySilentOrderPost ? tokenizeBySilentOrderPost(fieldset) : tokenize(fieldset)))
          form.submit();
      } catch {
        const error = fieldset.querySelector("[data-card-error]");
        error.textContent = fieldset.dataset.msgUnreachable || "";
        error.hidden = false;
      } finally {
        if (button) button.disabled = false;
      }
    });
  }

  for (const button of document.querySelectorAll("[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      try {
        await navigator.clipboard.writeText(source.value);
      } catch {
        source.select();
        document.execCommand("copy");
      }
      button.textContent = button.dataset.copied;
    });
  }

  const poll = document.querySelector("[data-status-poll]");
  if (poll) {
    const started = Date.now();
    const every = 3000;
    const giveUpAfter = 30 * 60 * 1000;
    const check = async () => {
      try {
        const response = await fetch(poll.dataset.statusUrl, { headers: { accept: "application/json" } });
        if (response.ok) {
          const { state } = await response.json();
          if (state !== poll.dataset.state) {
            window.location.reload();
            return;
          }
        }
      } catch {
        // A dropped connection on a phone: try again at the next tick.
      }
      if (Date.now() - started < giveUpAfter) setTimeout(check, every);
    };
    setTimeout(check, every);
  }
})();
