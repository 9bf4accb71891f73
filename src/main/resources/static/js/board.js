// The board's "Show more": the link opens the next rows as a page of their own; with this script they are
// appended to the table in place, and the 15 s refresh (htmx) asks for as many rows as are on screen, so it does
// not take the appended ones away.
(function () {
    'use strict';

    function itemRows(table) {
        return Array.from(table.tBodies[0].rows).filter(function (row) {
            return row.querySelector('a[href^="/callbacks/"]') !== null;
        });
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('#board-more');
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        if (link.getAttribute('aria-busy') === 'true') {
            return;
        }
        link.setAttribute('aria-busy', 'true');
        fetch(link.href, {headers: {'HX-Request': 'true'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('board page ' + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var next = new DOMParser().parseFromString(html, 'text/html').getElementById('board');
                var table = document.getElementById('board');
                var body = table.tBodies[0];
                itemRows(next).forEach(function (row) {
                    body.appendChild(document.importNode(row, true));
                });
                if (table.tFoot) {
                    table.tFoot.remove();
                }
                if (next.tFoot) {
                    table.appendChild(document.importNode(next.tFoot, true));
                }
            })
            .catch(function () {
                window.location.href = link.href;
            });
    });

    document.addEventListener('htmx:configRequest', function (event) {
        var table = document.getElementById('board');
        if (event.detail.elt !== table) {
            return;
        }
        var shown = itemRows(table).length;
        if (shown > 200) {
            event.detail.parameters.size = Math.min(shown, 1000);
        }
    });
})();
