// The ops view: what is waiting this month (Seoul), urgent first, refreshed while the page is open. Reporting
// knows counts, not lines: "awaiting" is lines requested less lines matched in the month to date.
(function () {
  "use strict";
  const D = window.Dashboard;
  const caller = D.requireSignIn();
  if (!caller) {
    return;
  }
  D.header(caller);
  D.exportsFor(() => "dolbom-ops-" + D.seoulMonth() + ".csv");

  const REFRESH_MS = 30000;

  function waiting(kpis) {
    const o = kpis.orders;
    return {
      district: kpis.district,
      urgent: o.urgent,
      awaiting: Math.max(0, o.linesRequested - o.linesAssigned),
      linesRequested: o.linesRequested,
      linesAssigned: o.linesAssigned,
      onHold: Math.max(0, o.changes.held - o.changes.resumed),
      lastResort: o.lastResort,
    };
  }

  async function load() {
    const month = D.seoulMonth();
    document.getElementById("heading-month").textContent = month;
    const districts = caller.role === "CITY_ADMIN"
      ? (await D.api("/api/v1/kpis/city?month=" + month)).districts
      : [await D.api("/api/v1/kpis/monthly?district=" + encodeURIComponent(caller.district) + "&month=" + month)];
    const rows = districts.map(waiting)
      .sort((a, b) => b.urgent - a.urgent || b.awaiting - a.awaiting || a.district.localeCompare(b.district));
    ["awaiting", "urgent", "onHold", "lastResort"].forEach((key) => {
      const total = rows.reduce((sum, row) => sum + row[key], 0);
      D.figure(document.getElementById("kpi-" + key), total, D.number(total));
    });
    const n = (v) => [v, D.number(v)];
    D.fillTable(document.getElementById("table-ops"), rows.map((r) => [
      r.district, n(r.urgent), n(r.awaiting), n(r.linesRequested), n(r.linesAssigned), n(r.onHold), n(r.lastResort),
    ]));
    document.getElementById("updated").textContent = D.seoulNow();
    document.getElementById("error").hidden = true;
    D.ready();
  }

  load().catch(D.showError);
  setInterval(() => load().catch(D.showError), REFRESH_MS);
})();
