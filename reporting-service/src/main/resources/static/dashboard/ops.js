// The ops view: the lines waiting for a provider now, urgent first and the longest waiting next, in every district
// the official reaches; the deliveries held for the window now; and this month's holds and last-resort matches
// (Seoul). Refreshed while the page is open.
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

  // Live: the service sends the figures at once and again whenever they change (server-sent events). EventSource
  // sends no Authorization header, so the stream is opened with a one-time ticket that the page asks for with its
  // token. When the stream fails, the page fetches the figures every 30 s and tries the stream again.
  const REFRESH_MS = 30000;
  let source = null;
  let polling = null;

  function draw(snapshot) {
    document.getElementById("heading-month").textContent = snapshot.month;
    const rows = snapshot.districts.map((d) => ({
      district: d.district,
      urgentWaiting: d.queue.urgent,
      waiting: d.queue.lines,
      longestWaitDays: d.queue.groups.reduce((longest, g) => Math.max(longest, g.longestWaitDays), 0),
      linesRequested: d.linesRequested,
      linesAssigned: d.linesAssigned,
      onHold: d.onHold,
      deliveriesHeld: d.queue.deliveriesHeld,
      lastResort: d.lastResort,
    })).sort((a, b) => b.urgentWaiting - a.urgentWaiting || b.waiting - a.waiting
      || a.district.localeCompare(b.district));
    ["waiting", "urgentWaiting", "onHold", "deliveriesHeld", "lastResort"].forEach((key) => {
      const total = rows.reduce((sum, row) => sum + row[key], 0);
      D.figure(document.getElementById("kpi-" + key), total, D.number(total));
    });
    const n = (v) => [v, D.number(v)];
    const groups = snapshot.districts.flatMap((d) => d.queue.groups.map((g) => Object.assign({ district: d.district }, g)))
      .sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.longestWaitDays - a.longestWaitDays
        || a.district.localeCompare(b.district));
    D.fillTable(document.getElementById("table-queue"), groups.map((g) => [
      g.district, [g.urgent ? "URGENT" : "REGULAR", D.t(g.urgent ? "urgency.urgent" : "urgency.normal")],
      [g.serviceType, D.t("service." + g.serviceType)], g.dong, n(g.lines), g.oldestRequestedOn, n(g.longestWaitDays),
    ]));
    D.fillTable(document.getElementById("table-ops"), rows.map((r) => [
      r.district, n(r.urgentWaiting), n(r.waiting), n(r.longestWaitDays), n(r.linesRequested), n(r.linesAssigned),
      n(r.onHold), n(r.deliveriesHeld), n(r.lastResort),
    ]));
    document.getElementById("updated").textContent = D.seoulNow();
    document.getElementById("error").hidden = true;
    D.ready();
  }

  // The same snapshot from the plain API calls, for when the stream is not there.
  async function fetched() {
    const month = D.seoulMonth();
    const months = caller.role === "CITY_ADMIN"
      ? (await D.api("/api/v1/kpis/city?month=" + month)).districts
      : [await D.api("/api/v1/kpis/monthly?district=" + encodeURIComponent(caller.district) + "&month=" + month)];
    const queues = await Promise.all(
      months.map((m) => D.api("/api/v1/kpis/queue?district=" + encodeURIComponent(m.district))));
    return {
      month: month,
      districts: months.map((m, i) => ({
        district: m.district,
        queue: queues[i],
        linesRequested: m.orders.linesRequested,
        linesAssigned: m.orders.linesAssigned,
        onHold: Math.max(0, m.orders.changes.held - m.orders.changes.resumed),
        lastResort: m.orders.lastResort,
      })),
    };
  }

  function live(mode) {
    document.body.dataset.live = mode;
    document.getElementById("live").textContent = D.t("ops.live." + mode);
  }

  function poll() {
    live("polling");
    const load = () => fetched().then(draw).catch(D.showError);
    load();
    if (!polling) {
      polling = setInterval(load, REFRESH_MS);
    }
    setTimeout(stream, REFRESH_MS);
  }

  async function stream() {
    if (source) {
      return;
    }
    let ticket;
    try {
      ticket = await D.post("/api/v1/operations/stream-tickets");
    } catch (e) {
      poll();
      return;
    }
    source = new EventSource(ticket.stream);
    source.addEventListener("queue", (event) => {
      if (polling) {
        clearInterval(polling);
        polling = null;
      }
      live("stream");
      draw(JSON.parse(event.data));
    });
    // a refused or dropped stream (its token expired, the service restarted): fetch meanwhile, then a new ticket
    source.onerror = () => {
      source.close();
      source = null;
      if (!polling) {
        poll();
      }
    };
  }

  if (window.EventSource) {
    stream();
  } else {
    poll();
  }
})();
