// Sign-in: the official presents an access token of the platform's issuer; it is tried against the KPI API once
// (the service, not this page, checks it) and kept in this tab's sessionStorage for the other pages.
(function () {
  "use strict";
  const D = window.Dashboard;
  const error = document.getElementById("error");

  function say(key, detail) {
    error.hidden = false;
    error.textContent = D.t(key) + (detail ? " (" + detail + ")" : "");
  }

  if (D.params.get("reason") === "expired") {
    say("signIn.expired");
  }

  // Only a page of the dashboard itself, never another site, is where a sign-in returns to.
  function next(claims) {
    const asked = D.params.get("next") || "";
    if (/^\/dashboard\/[a-z]+\.html(\?[^\s]*)?$/.test(asked) && !asked.startsWith("/dashboard/index.html")) {
      return asked;
    }
    if (claims.role === "CITY_ADMIN") {
      return "/dashboard/city.html";
    }
    return "/dashboard/district.html?district=" + encodeURIComponent(claims.district || "");
  }

  document.getElementById("sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = document.getElementById("token").value.trim();
    const claims = D.claimsOf(token);
    if (!claims) {
      say("signIn.notAToken");
      return;
    }
    const probe = claims.role === "CITY_ADMIN"
      ? "/api/v1/kpis/city?month=" + D.seoulMonth()
      : "/api/v1/kpis/orders?district=" + encodeURIComponent(claims.district || "") + "&month=" + D.seoulMonth();
    try {
      await D.api(probe, token);
    } catch (e) {
      say("signIn.rejected", e.status ? e.status + " " + e.message : e.message);
      return;
    }
    sessionStorage.setItem(D.TOKEN, token);
    window.location.assign(next(claims));
  });
  D.ready();
})();
