// The ops view: the lines waiting for a provider now, urgent first and the longest waiting next, in every district
// the official reaches; and this month's holds and last-resort matches (Seoul). Refreshed while the page is open.
(function () {
  "use strict";
  const D = window.Dashboard;
  const caller = D.requireSignIn();
  if (!caller) {
    return;
  }
  D.header(caller);
  D.exportsFor((table) => "dolbom-" + table.replace("table-", "") + "-" + D.seoulMonth() + ".csv");

  // the workbook is one district's queue: for an official of that district, not for the city's list of all
  D.sheetsFor(() => caller.district && caller.role !== "CITY_ADMIN"
    ? { path: "/api/v1/kpis/queue.xlsx?district=" + encodeURIComponent(caller.district),
      name: "dolbom-queue-" + caller.district + ".xlsx" }
    : null);

  const REFRESH_MS = 30000;

  function summary(kpis, queue) {
    const o = kpis.orders;
    return {
      district: kpis.district,
      urgentWaiting: queue.urgent,
      waiting: queue.lines,
      longestWaitDays: queue.groups.reduce((longest, g) => Math.max(longest, g.longestWaitDays), 0),
      linesRequested: o.linesRequested,
      linesAssigned: o.linesAssigned,
      onHold: Math.max(0, o.changes.held - o.changes.resumed),
      lastResort: o.lastResort,
    };
  }

  async function load() {
    const month = D.seoulMonth();
    document.getElementById("heading-month").textContent = month;
    const months = caller.role === "CITY_ADMIN"
      ? (await D.api("/api/v1/kpis/city?month=" + month)).districts
      : [await D.api("/api/v1/kpis/monthly?district=" + encodeURIComponent(caller.district) + "&month=" + month)];
    const queues = await Promise.all(
      months.map((m) => D.api("/api/v1/kpis/queue?district=" + encodeURIComponent(m.district))));
    const rows = months.map((m, i) => summary(m, queues[i]))
      .sort((a, b) => b.urgentWaiting - a.urgentWaiting || b.waiting - a.waiting
        || a.district.localeCompare(b.district));
    ["waiting", "urgentWaiting", "onHold", "lastResort"].forEach((key) => {
      const total = rows.reduce((sum, row) => sum + row[key], 0);
      D.figure(document.getElementById("kpi-" + key), total, D.number(total));
    });
    const n = (v) => [v, D.number(v)];
    const groups = queues.flatMap((q) => q.groups.map((g) => Object.assign({ district: q.district }, g)))
      .sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.longestWaitDays - a.longestWaitDays
        || a.district.localeCompare(b.district));
    D.fillTable(document.getElementById("table-queue"), groups.map((g) => [
      g.district, [g.urgent ? "URGENT" : "REGULAR", D.t(g.urgent ? "urgency.urgent" : "urgency.normal")],
      [g.serviceType, D.t("service." + g.serviceType)], g.dong, n(g.lines), g.oldestRequestedOn, n(g.longestWaitDays),
    ]));
    D.fillTable(document.getElementById("table-ops"), rows.map((r) => [
      r.district, n(r.urgentWaiting), n(r.waiting), n(r.longestWaitDays), n(r.linesRequested), n(r.linesAssigned),
      n(r.onHold), n(r.lastResort),
    ]));
    document.getElementById("updated").textContent = D.seoulNow();
    document.getElementById("error").hidden = true;
    D.ready();
  }

  load().catch(D.showError);
  setInterval(() => load().catch(D.showError), REFRESH_MS);
})();
