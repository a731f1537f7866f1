// The city view: every district's month side by side, for the city's administrators (시 복지정책과).
(function () {
  "use strict";
  const D = window.Dashboard;
  const caller = D.requireSignIn();
  if (!caller) {
    return;
  }
  D.header(caller);

  const month = (D.params.get("month") || D.seoulMonth()).trim();
  document.getElementById("month").value = month;
  D.exportsFor(() => "dolbom-city-" + month + ".csv");
  D.sheetsFor(() => ({ path: "/api/v1/kpis/city.xlsx?month=" + month, name: "dolbom-city-" + month + ".xlsx" }));

  function districtLink(district) {
    const link = document.createElement("a");
    link.href = "/dashboard/district.html?district=" + encodeURIComponent(district) + "&month=" + month;
    link.textContent = district;
    return link;
  }

  // the district's meals against its plan's target this month; none without a target
  function mealsTarget(d) {
    const meals = d.targets.find((a) => a.kpi === "MEALS");
    return meals ? [meals.share, D.percent(meals.share) + " (" + D.number(meals.target) + ")"] : [null, D.t("none")];
  }

  async function load() {
    if (!D.validMonth(month)) {
      throw new Error(D.t("filter.badMonth"));
    }
    document.getElementById("heading-month").textContent = month;
    const city = await D.api("/api/v1/kpis/city?month=" + month);
    const districts = city.districts;
    const names = districts.map((d) => d.district);
    D.chart("cityUsers", "chart-city-users", {
      type: "bar",
      data: { labels: names, datasets: [{ label: D.t("kpi.usersServed"), data: districts.map((d) => d.usersServed.total) }] },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    D.chart("cityCharges", "chart-city-charges", {
      type: "bar",
      data: {
        labels: names,
        datasets: [
          { label: D.t("kpi.publicShare"), data: districts.map((d) => d.charges.publicShare) },
          { label: D.t("kpi.coPayment"), data: districts.map((d) => d.charges.coPayment) },
        ],
      },
      options: { indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } },
    });
    const n = (v) => [v, D.number(v)];
    D.fillTable(document.getElementById("table-city"), districts.map((d) => [
      districtLink(d.district), n(d.orders.placed), n(d.orders.urgent), n(d.orders.linesRequested),
      n(d.orders.linesAssigned), [d.orders.matchRate, D.percent(d.orders.matchRate)],
      [d.orders.lastResortShare, D.percent(d.orders.lastResortShare)], n(d.usersServed.total), n(d.meals),
      n(d.charges.amount), n(d.charges.publicShare), n(d.charges.coPayment), n(d.orders.firstService.medianDays),
      mealsTarget(d),
    ]));
    D.ready();
  }

  load().catch(D.showError);
})();
