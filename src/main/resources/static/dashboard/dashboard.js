// The dashboard page (/dashboard) refreshes itself: every data-refresh-seconds it fetches the server-rendered
// content (same origin, same login) and swaps it in, keeping the tables the user opened open. The organization
// selector shows its choice at once. No inline scripts or handlers, so the Content-Security-Policy stays strict.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var select = document.getElementById('org-select');
  if (select && select.form) {
    select.addEventListener('change', function () {
      select.form.submit();
    });
  }
  if (!window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(root.getAttribute('data-refresh-seconds'), 10) || 60;
  var url = root.getAttribute('data-content-url');

  function showStale() {
    var status = document.getElementById('dashboard-status');
    if (status) {
      status.classList.add('stale');
      status.textContent = 'Не удалось обновить данные, показаны прежние. Следующая попытка через ' + seconds + ' с.';
    }
  }

  function swap(html) {
    var current = document.getElementById('dashboard-content');
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('dashboard-content');
    if (!current || !fresh) {
      showStale();
      return;
    }
    current.querySelectorAll('details[open][id]').forEach(function (open) {
      var same = fresh.querySelector('details[id="' + open.id + '"]');
      if (same) {
        same.open = true;
      }
    });
    current.replaceWith(document.importNode(fresh, true));
  }

  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch(url, {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'text/html'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(swap)
      .catch(showStale);
  }

  window.setInterval(refresh, seconds * 1000);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
