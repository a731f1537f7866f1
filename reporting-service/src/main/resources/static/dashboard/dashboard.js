// What every page of the dashboard shares: the signed-in official's token, the language, calls to the KPI API,
// number formats and CSV exports. No figure is kept here: each page asks the API, whose access rules decide.
(function () {
  "use strict";

  const TOKEN = "dolbom.token";
  const LANG = "dolbom.lang";
  const params = new URLSearchParams(window.location.search);

  // ?lang= wins and is remembered for the tab; then the browser's first language; Korean unless it is English.
  function chooseLanguage() {
    const asked = params.get("lang");
    if (asked === "ko" || asked === "en") {
      sessionStorage.setItem(LANG, asked);
      return asked;
    }
    const kept = sessionStorage.getItem(LANG);
    if (kept === "ko" || kept === "en") {
      return kept;
    }
    const browser = (navigator.languages && navigator.languages[0]) || navigator.language || "ko";
    return browser.toLowerCase().startsWith("en") ? "en" : "ko";
  }

  const lang = chooseLanguage();
  const labels = window.DOLBOM_LABELS;

  function t(key) {
    return (labels[lang] && labels[lang][key]) || labels.ko[key] || key;
  }

  function translatePage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((element) => {
      element.textContent = t(element.dataset.i18n);
    });
    document.title = t(document.body.dataset.title || "title") + " · " + t("title");
  }

  // The payload of a JWT, only to know where to go and until when: the service checks the signature.
  function claimsOf(token) {
    const parts = token.split(".");
    if (parts.length !== 3) {
      return null;
    }
    try {
      const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
      const json = decodeURIComponent(
        Array.from(atob(base64), (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function signedIn() {
    const token = sessionStorage.getItem(TOKEN);
    const claims = token ? claimsOf(token) : null;
    if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
      return null;
    }
    return { token: token, role: claims.role, district: claims.district || null };
  }

  function toSignIn(reason) {
    sessionStorage.removeItem(TOKEN);
    const next = window.location.pathname + window.location.search;
    window.location.assign("/dashboard/index.html?reason=" + encodeURIComponent(reason || "")
      + "&next=" + encodeURIComponent(next));
  }

  // Every page but the sign-in needs a caller; without one it goes to the sign-in and comes back (null: stop).
  function requireSignIn() {
    const caller = signedIn();
    if (!caller) {
      toSignIn("expired");
    }
    return caller;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || "HTTP " + status);
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, token, method) {
    const caller = token || (signedIn() || {}).token;
    const answer = await fetch(path, {
      method: method || "GET",
      headers: { Accept: "application/json", Authorization: "Bearer " + caller },
    });
    if (answer.status === 401 && !token) {
      toSignIn("expired");
    }
    if (!answer.ok) {
      let problem = null;
      try {
        problem = await answer.json();
      } catch (e) {
        // not a problem document: the status says it
      }
      throw new ApiError(answer.status, problem);
    }
    return answer.json();
  }

  function post(path) {
    return api(path, null, "POST");
  }

  // The current month in Seoul, whatever the browser's time zone: months follow Asia/Seoul.
  function seoulMonth() {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit" })
      .formatToParts(new Date());
    const part = (type) => parts.find((p) => p.type === type).value;
    return part("year") + "-" + part("month");
  }

  function seoulNow() {
    return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ko-KR", {
      timeZone: "Asia/Seoul", dateStyle: "medium", timeStyle: "medium",
    }).format(new Date());
  }

  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

  function validMonth(month) {
    return MONTH.test(month || "");
  }

  function number(value) {
    return value === null || value === undefined ? t("none") : Number(value).toLocaleString("ko-KR");
  }

  function percent(share) {
    return share === null || share === undefined ? t("none") : (Number(share) * 100).toFixed(1) + "%";
  }

  // A figure as shown, with its exact value kept beside it for exports and tests.
  function figure(element, value, shown) {
    element.textContent = shown;
    element.dataset.value = value === null || value === undefined ? "" : String(value);
  }

  function cell(row, value, shown) {
    const td = document.createElement("td");
    figure(td, value, shown === undefined ? String(value) : shown);
    row.appendChild(td);
    return td;
  }

  function fillTable(table, rows) {
    const body = table.tBodies[0];
    body.replaceChildren();
    rows.forEach((values) => {
      const row = body.insertRow();
      values.forEach((v) => {
        if (v instanceof Node) {
          const td = row.insertCell();
          td.appendChild(v);
          td.dataset.value = v.textContent;
        } else if (Array.isArray(v)) {
          cell(row, v[0], v[1]);
        } else {
          cell(row, v);
        }
      });
    });
  }

  function csvField(value) {
    const text = String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // A table as CSV: the header as shown, the cells' exact values (no thousands separators, shares as decimals).
  // The byte order mark lets Excel read the Korean as UTF-8.
  function tableCsv(table) {
    const lines = [];
    Array.from(table.rows).forEach((row) => {
      lines.push(Array.from(row.cells)
        .map((c) => csvField(row.parentElement.tagName === "THEAD" ? c.textContent.trim()
          : (c.dataset.value !== undefined ? c.dataset.value : c.textContent.trim())))
        .join(","));
    });
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  }

  function download(name, content) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(content instanceof Blob ? content
      : new Blob([content], { type: "text/csv;charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 60000);
  }

  function exportsFor(fileName) {
    document.querySelectorAll("button[data-export]").forEach((button) => {
      button.onclick = () => {
        const table = document.getElementById(button.dataset.export);
        download(fileName(button.dataset.export), tableCsv(table));
      };
    });
  }

  // An Excel workbook of the same figures, written by the service (in the page's language), fetched with the token.
  async function sheet(path, name) {
    const answer = await fetch(path, {
      headers: { Authorization: "Bearer " + (signedIn() || {}).token, "Accept-Language": lang },
    });
    if (!answer.ok) {
      throw new ApiError(answer.status, null);
    }
    download(name, await answer.blob());
  }

  // Each button[data-xlsx] names its table; sheetOf(table) gives the API path and the file name, or null.
  function sheetsFor(sheetOf) {
    document.querySelectorAll("button[data-xlsx]").forEach((button) => {
      const target = sheetOf(button.dataset.xlsx);
      button.hidden = !target;
      button.onclick = () => sheet(target.path, target.name).catch(showError);
    });
  }

  function header(caller) {
    const who = document.getElementById("who");
    if (who && caller) {
      who.textContent = t("signIn.as") + t("role." + caller.role) + (caller.district ? " · " + caller.district : "");
    }
    const city = document.getElementById("nav-city");
    if (city && caller && caller.role !== "CITY_ADMIN") {
      city.hidden = true;
    }
    const district = document.getElementById("nav-district");
    if (district && caller && caller.district) {
      district.href = "/dashboard/district.html?district=" + encodeURIComponent(caller.district);
    }
    // switching the language keeps the district and month in view
    document.querySelectorAll("a[data-keep]").forEach((link) => {
      const kept = new URLSearchParams(window.location.search);
      kept.set("lang", new URLSearchParams(link.getAttribute("href").slice(1)).get("lang"));
      link.href = "?" + kept.toString();
    });
    const out = document.getElementById("sign-out");
    if (out) {
      out.onclick = () => {
        sessionStorage.removeItem(TOKEN);
        window.location.assign("/dashboard/index.html");
      };
    }
  }

  function showError(error) {
    const box = document.getElementById("error");
    box.hidden = false;
    box.textContent = error.message.startsWith(t("filter.")) ? error.message : t("error") + error.message;
    document.body.dataset.ready = "error";
  }

  // Drawn: the page says so, with the milliseconds since navigation began (what a page load costs, for the record).
  function ready() {
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.ready = "true";
  }

  function chartDefaults() {
    if (window.Chart) {
      Chart.defaults.font.family = "'NanumGothic', 'Nanum Gothic', 'Noto Sans KR', sans-serif";
      Chart.defaults.animation = false; // the figures, not a show; and screenshots of the final state
      Chart.defaults.maintainAspectRatio = false;
    }
  }

  // Every chart the page drew, by name: for anyone (a test, a curious official) to read what it shows.
  window.dashboardCharts = {};

  function chart(name, canvasId, config) {
    if (window.dashboardCharts[name]) {
      window.dashboardCharts[name].destroy();
    }
    window.dashboardCharts[name] = new Chart(document.getElementById(canvasId), config);
    return window.dashboardCharts[name];
  }

  const SERVICES = ["TEMPORARY_HOME_CARE", "MOBILITY_SUPPORT", "MEAL_SUPPORT", "HOUSING_REPAIR"];

  window.Dashboard = {
    TOKEN, params, lang, t, translatePage, claimsOf, signedIn, requireSignIn, api, post, ApiError, seoulMonth,
    seoulNow, validMonth, number, percent, figure, fillTable, tableCsv, exportsFor, sheetsFor, header, showError, ready,
    chartDefaults, chart, SERVICES,
  };
  translatePage();
  chartDefaults();
})();
