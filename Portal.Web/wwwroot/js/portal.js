// Small helpers the pages and components call; kept in one file so the Content-Security-Policy stays strict
// (no inline script, no inline event handler: see Security/SecurityHeaders.cs).
(function () {
    var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

    function cookie(name, value) {
        document.cookie = name + "=" + (value === null ? "; max-age=0" : encodeURIComponent(value) + "; max-age=31536000") + "; path=/; samesite=lax";
    }

    // "light", "dark" or "system": the class on <body> switches the MudBlazor palette (see Components/Theme/PortalTheme.cs).
    function apply(preference) {
        var dark = preference === "dark" || (preference !== "light" && darkQuery !== null && darkQuery.matches);
        document.body.dataset.theme = preference;
        document.body.classList.toggle("portal-dark", dark);
    }

    function followSystem() {
        if (darkQuery !== null) {
            cookie("portal-scheme", darkQuery.matches ? "dark" : "light");
        }
        if ((document.body.dataset.theme || "system") === "system") {
            apply("system");
        }
    }

    document.addEventListener("DOMContentLoaded", followSystem);
    if (darkQuery !== null && darkQuery.addEventListener) {
        darkQuery.addEventListener("change", followSystem);
    }

    document.addEventListener("click", function (event) {
        if (!(event.target instanceof Element)) {
            return;
        }
        if (event.target.closest("[data-print]")) {
            window.print();
        }
        if (event.target.closest("[data-reload]")) {
            location.reload();
        }
        if (event.target.closest("[data-reconnect]") && window.Blazor) {
            window.Blazor.reconnect().then(function (ok) { if (!ok) { location.reload(); } });
        }
        // The skip link moves the keyboard focus, not only the scroll position.
        var skip = event.target.closest("a.skip-link");
        if (skip) {
            var target = document.getElementById("main-content");
            if (target) {
                event.preventDefault();
                event.stopPropagation();
                target.focus();
            }
        }
    }, true); // capture: before blazor.web.js turns the skip link into a navigation to "/#main-content"

    window.portal = {
        themePreference: function () {
            return document.body.dataset.theme || "system";
        },
        setTheme: function (preference) {
            cookie("portal-theme", preference === "system" ? null : preference);
            apply(preference);
        },
        // Moves the keyboard focus to the first element the selector finds (e.g. a wizard step's heading).
        focus: function (selector) {
            var target = document.querySelector(selector);
            if (target) {
                target.focus();
            }
        }
    };
})();
