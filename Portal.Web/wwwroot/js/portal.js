// Small helpers the interactive components call; kept in one file so the Content-Security-Policy stays strict
// (no inline script, no inline event handler: see Security/SecurityHeaders.cs).
document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
        window.print();
    }
});

window.portal = {
    setThemeCookie: function (theme) {
        document.cookie = "portal-theme=" + encodeURIComponent(theme) + "; path=/; max-age=31536000; samesite=lax";
        document.body.classList.toggle("portal-dark", theme === "dark");
        document.body.classList.toggle("portal-light", theme !== "dark");
    }
};
