/**
 * The mock's stand-in for Cielo's `silentorderpost-1.0.min.js`, with the same page-facing
 * contract (docs.cielo.com.br "Integrando com o Silent Order Post", step 3): the page marks
 * its inputs with the `bp-sop-*` classes and calls `bpSop_silentOrderPost(options)` with
 * `accessToken`, `environment`, `language`, `enableBinQuery`, `enableTokenize`,
 * `cvvRequired` and the `onSuccess`/`onError`/`onInvalid` callbacks; the card goes from the
 * browser to the provider, and `onSuccess` receives `{PaymentToken, brand}`. Where it posts
 * is the script's business: this one posts to the mock's `/post/api/public/v2/card`.
 */
export const sopScript = `(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : location.origin;
  function value(name) {
    var element = document.getElementsByClassName(name)[0];
    return element ? String(element.value || "").trim() : "";
  }
  window.bpSop_silentOrderPost = function (options) {
    var fields = {
      HolderName: value("bp-sop-cardholdername"),
      RawNumber: value("bp-sop-cardnumber").replace(/\\D/g, ""),
      Expiration: value("bp-sop-cardexpirationdate"),
      SecurityCode: value("bp-sop-cardcvvc")
    };
    var invalid = [];
    if (!fields.HolderName) invalid.push({ Field: "HolderName", Message: "Nome obrigatório" });
    if (!/^\\d{12,19}$/.test(fields.RawNumber)) invalid.push({ Field: "RawNumber", Message: "Número inválido" });
    if (!/^(0[1-9]|1[0-2])\\/\\d{4}$/.test(fields.Expiration)) invalid.push({ Field: "Expiration", Message: "Validade inválida" });
    if (String(options.cvvRequired) !== "false" && !/^\\d{3,4}$/.test(fields.SecurityCode)) invalid.push({ Field: "SecurityCode", Message: "CVV inválido" });
    if (invalid.length > 0) { if (options.onInvalid) options.onInvalid(invalid); return; }
    var body = new URLSearchParams(fields);
    body.set("AccessToken", options.accessToken || "");
    body.set("EnableBinQuery", String(options.enableBinQuery === true || options.enableBinQuery === "true"));
    body.set("EnableTokenize", String(options.enableTokenize === true || options.enableTokenize === "true"));
    fetch(origin + "/post/api/public/v2/card", { method: "POST", body: body })
      .then(function (answer) { return answer.json().then(function (json) { return { status: answer.status, json: json }; }); })
      .then(function (result) {
        if (result.status === 201) { if (options.onSuccess) options.onSuccess(result.json); return; }
        if (options.onError) options.onError({ Code: String(result.status), Text: result.json.Message || "error" });
      })
      .catch(function (error) { if (options.onError) options.onError({ Code: "network", Text: String(error) }); });
  };
})();
`;
