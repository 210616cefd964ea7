// Small helpers the interactive components call; kept in one file so the CSP can stay strict later.
window.portal = {
    setThemeCookie: function (theme) {
        document.cookie = "portal-theme=" + encodeURIComponent(theme) + "; path=/; max-age=31536000; samesite=lax";
        document.body.classList.toggle("portal-dark", theme === "dark");
        document.body.classList.toggle("portal-light", theme !== "dark");
    }
};
