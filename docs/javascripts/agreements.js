// The Agreements page's filters: show the rows ([data-agreement-record]) whose data-parties holds the
// chosen party and whose data-status is the chosen status. Offline, no library; a page without the
// filters is left alone.
document.addEventListener("change", function (event) {
  var filters = event.target.closest("[data-agreement-filters]");
  if (!filters) return;
  var party = filters.querySelector('[data-filter="party"]').value;
  var status = filters.querySelector('[data-filter="status"]').value;
  document.querySelectorAll("[data-agreement-record]").forEach(function (row) {
    row.hidden = Boolean((party && row.dataset.parties.split(" ").indexOf(party) < 0) ||
                         (status && row.dataset.status !== status));
  });
});
