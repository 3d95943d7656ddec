// htmx requests carry the CSRF token, as forms do.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Switching language keeps the page and its filters.
document.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-lang]');
    if (!link) {
        return;
    }
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set('lang', link.dataset.lang);
    window.location.href = url.toString();
});

// The export link follows the filters the list shows.
document.addEventListener('htmx:pushedIntoHistory', function () {
    var link = document.getElementById('export-link');
    if (link) {
        link.href = link.href.split('?')[0] + window.location.search.replace(/([?&])page=\d+&?/, '$1');
    }
});
