// The district view: one district's month as cards, charts and tables, and its last twelve months.
(function () {
  "use strict";
  const D = window.Dashboard;
  const caller = D.requireSignIn();
  if (!caller) {
    return;
  }
  D.header(caller);

  const district = (D.params.get("district") || caller.district || "").trim();
  const month = (D.params.get("month") || D.seoulMonth()).trim();
  document.getElementById("district").value = district;
  document.getElementById("month").value = month;
  D.exportsFor((table) => "dolbom-" + table.replace("table-", "") + "-" + district + "-" + month + ".csv");
  const query = "district=" + encodeURIComponent(district);
  D.sheetsFor((table) => ({
    "table-trend": { path: "/api/v1/kpis/trend.xlsx?" + query + "&to=" + month, name: "dolbom-trend-" + district + "-" + month + ".xlsx" },
    "table-dongs": { path: "/api/v1/kpis/dongs.xlsx?" + query + "&month=" + month, name: "dolbom-dongs-" + district + "-" + month + ".xlsx" },
  })[table]);

  function card(key, value, shown) {
    D.figure(document.getElementById("kpi-" + key), value, shown === undefined ? D.number(value) : shown);
  }

  function cards(kpis) {
    const o = kpis.orders;
    card("placed", o.placed);
    card("rejected", o.rejected);
    card("urgent", o.urgent);
    card("linesRequested", o.linesRequested);
    card("linesAssigned", o.linesAssigned);
    card("matchRate", o.matchRate, D.percent(o.matchRate));
    card("lastResort", o.lastResort);
    card("lastResortShare", o.lastResortShare, D.percent(o.lastResortShare));
    card("usersServed", kpis.usersServed.total);
    card("emergencyUsers", kpis.emergencyCare.users);
    card("emergencyServiceDays", kpis.emergencyCare.serviceDays);
    card("meals", kpis.meals);
    card("amount", kpis.charges.amount);
    card("publicShare", kpis.charges.publicShare);
    card("coPayment", kpis.charges.coPayment);
    card("reversals", kpis.charges.reversals);
    card("reversedAmount", kpis.charges.reversedAmount);
    card("deliveriesHeldMonth", kpis.held);
    card("firstServices", o.firstService.orders);
    card("medianDays", o.firstService.medianDays);
    card("longestDays", o.firstService.longestDays);
    card("withinSevenDays", o.firstService.withinSevenDays);
    card("held", o.changes.held);
    card("cancelled", o.changes.cancelled);
    card("completed", o.changes.completed);
  }

  function services(kpis) {
    const names = D.SERVICES.map((s) => D.t("service." + s));
    D.chart("services", "chart-services", {
      type: "bar",
      data: {
        labels: names,
        datasets: [
          { label: D.t("kpi.usersServed"), data: D.SERVICES.map((s) => kpis.usersServed.byService[s]) },
          { label: D.t("kpi.deliveries"), data: D.SERVICES.map((s) => kpis.deliveries[s].deliveries) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    D.chart("charges", "chart-charges", {
      type: "doughnut",
      data: {
        labels: [D.t("kpi.publicShare"), D.t("kpi.coPayment")],
        datasets: [{ data: [kpis.charges.publicShare, kpis.charges.coPayment] }],
      },
    });
    const rows = D.SERVICES.map((s) => [
      D.t("service." + s),
      [kpis.usersServed.byService[s], D.number(kpis.usersServed.byService[s])],
      [kpis.deliveries[s].deliveries, D.number(kpis.deliveries[s].deliveries)],
      [kpis.deliveries[s].units, D.number(kpis.deliveries[s].units)],
      [kpis.deliveries[s].minutes, D.number(kpis.deliveries[s].minutes)],
    ]);
    // users are distinct across services: the total is not the sum of the rows
    rows.push([D.t("table.total"), [kpis.usersServed.total, D.number(kpis.usersServed.total)],
      ...["deliveries", "units", "minutes"].map((field) => {
        const sum = D.SERVICES.reduce((total, s) => total + kpis.deliveries[s][field], 0);
        return [sum, D.number(sum)];
      })]);
    D.fillTable(document.getElementById("table-services"), rows);
  }

  function trend(answer) {
    const months = answer.months;
    D.chart("trend", "chart-trend", {
      type: "line",
      data: {
        labels: months.map((m) => m.month),
        datasets: [
          { label: D.t("kpi.placed"), data: months.map((m) => m.orders.placed) },
          { label: D.t("kpi.linesAssigned"), data: months.map((m) => m.orders.linesAssigned) },
          { label: D.t("kpi.usersServed"), data: months.map((m) => m.usersServed.total) },
          { label: D.t("kpi.meals"), data: months.map((m) => m.meals) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const n = (v) => [v, D.number(v)];
    D.fillTable(document.getElementById("table-trend"), months.map((m) => [
      m.month, n(m.orders.placed), n(m.orders.rejected), n(m.orders.urgent), n(m.orders.linesRequested),
      n(m.orders.linesAssigned), [m.orders.matchRate, D.percent(m.orders.matchRate)], n(m.usersServed.total),
      n(m.meals), n(m.charges.amount), n(m.charges.publicShare), n(m.charges.coPayment),
      n(m.orders.firstService.medianDays),
    ]));
  }

  // 목표 대비 실적: each KPI with a target in force this month (a yearly one against the year so far)
  function targets(kpis) {
    document.getElementById("targets-none").hidden = kpis.targets.length > 0;
    D.fillTable(document.getElementById("table-targets"), kpis.targets.map((a) => [
      [a.kpi, D.t("target." + a.kpi)], [a.target, D.number(a.target)], [a.actual, D.number(a.actual)],
      [a.share, D.percent(a.share)], a.validFrom,
    ]));
  }

  function dongs(answer) {
    const names = answer.dongs.map((d) => d.dong);
    D.chart("dongs", "chart-dongs", {
      type: "bar",
      data: {
        labels: names,
        datasets: [
          { label: D.t("kpi.linesRequested"), data: answer.dongs.map((d) => d.linesRequested) },
          { label: D.t("kpi.linesAssigned"), data: answer.dongs.map((d) => d.linesAssigned) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    D.fillTable(document.getElementById("table-dongs"), answer.dongs.map((d) => [
      d.dong, [d.linesRequested, D.number(d.linesRequested)], [d.linesAssigned, D.number(d.linesAssigned)],
      [d.matchRate, D.percent(d.matchRate)],
    ]));
  }

  async function load() {
    if (!district) {
      throw new Error(D.t("filter.noDistrict"));
    }
    if (!D.validMonth(month)) {
      throw new Error(D.t("filter.badMonth"));
    }
    document.getElementById("heading-district").textContent = district;
    document.getElementById("heading-month").textContent = month;
    const [kpis, months, byDong] = await Promise.all([
      D.api("/api/v1/kpis/monthly?" + query + "&month=" + month),
      D.api("/api/v1/kpis/trend?" + query + "&to=" + month),
      D.api("/api/v1/kpis/dongs?" + query + "&month=" + month),
    ]);
    cards(kpis);
    targets(kpis);
    services(kpis);
    dongs(byDong);
    trend(months);
    D.ready();
  }

  load().catch(D.showError);
})();
