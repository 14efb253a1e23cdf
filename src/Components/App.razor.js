// The browser side of the statically rendered pages (home, meetings, meeting details): they hold no Blazor circuit,
// so what needs the browser is done here, keyed on data- attributes those pages render. Interactive pages render none
// of them, so this module does nothing there. Enhanced navigation swaps page content without reloading this module,
// hence the re-scan on every "enhancedload".

const zoneCookie = 'zp-tz';
let refreshTimer;
let liveBefore;

function browserZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
        return null;
    }
}

// The server renders times in the zone this cookie names (it validates it; anything unknown means UTC).
function rememberZone() {
    const zone = browserZone();
    if (zone) {
        const secure = location.protocol === 'https:' ? '; secure' : '';
        document.cookie = `${zoneCookie}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
    }
    return zone;
}

// Fetches the page again and patches the DOM (enhanced navigation): scroll, focus and open inputs stay.
function refresh() {
    window.Blazor?.navigateTo(location.href, { replaceHistoryEntry: true });
}

// A page rendered before the cookie existed (the first visit) or for another zone is rendered again, once.
function fixZone(zone) {
    const marker = document.querySelector('[data-viewer-zone]');
    if (!marker || !zone || marker.dataset.viewerZone === zone) {
        return;
    }
    const key = `zp-tz-refreshed:${location.pathname}:${zone}`;
    if (sessionStorage.getItem(key)) {
        return;
    }
    sessionStorage.setItem(key, '1');
    refresh();
}

function liveTopics() {
    return new Map([...document.querySelectorAll('[data-testid=section-live] [data-meeting-key]')]
        .map(li => [li.dataset.meetingKey, li.querySelector('a')?.textContent?.trim() ?? '']));
}

// Countdowns, join buttons and new meetings follow the server by re-rendering the page now and then, never under
// someone's typing and never in a hidden tab. Meetings that went live since are announced (the announcer is polite).
function scheduleRefresh() {
    clearInterval(refreshTimer);
    refreshTimer = undefined;
    const board = document.querySelector('[data-refresh-seconds]');
    if (!board) {
        return;
    }
    const seconds = Math.max(5, Number(board.dataset.refreshSeconds) || 30);
    refreshTimer = setInterval(() => {
        if (document.visibilityState !== 'visible' || document.activeElement?.matches('input, select, textarea')) {
            return;
        }
        liveBefore = liveTopics();
        refresh();
    }, seconds * 1000);
}

function announce() {
    const before = liveBefore;
    liveBefore = undefined;
    const announcer = document.querySelector('[data-testid=announcer]');
    if (!before || !announcer) {
        return;
    }
    // The sentence comes from the page, in the user's language, with {0} for the topic.
    const sentence = announcer.dataset.nowLive || '{0} is now live.';
    const newlyLive = [...liveTopics()].filter(([key]) => !before.has(key)).map(([, topic]) => sentence.replace('{0}', topic));
    if (newlyLive.length > 0) {
        announcer.textContent = newlyLive.join(' ');
    }
}

async function preloadSdk() {
    const marker = document.querySelector('[data-join-preload]');
    if (!marker) {
        return;
    }
    try {
        const module = await import('/src/Features/Join/JoinPreload.razor.js');
        await module.preload(marker.dataset.joinPreload, JSON.parse(marker.dataset.joinConfig ?? '{}'));
    } catch {
        // Only a head start; the join page loads the SDK itself.
    }
}

async function copyLink(button) {
    const text = button.dataset.copyLink;
    const status = button.parentElement?.querySelector('[data-testid=copy-status]');
    let copied = false;
    try {
        if (typeof text === 'string' && text.length <= 2048) {
            await navigator.clipboard.writeText(text);
            copied = true;
        }
    } catch {
        copied = false;
    }
    if (status) {
        // The page's words, in the user's language ({0}: the link).
        status.textContent = copied
            ? button.dataset.copied || 'Link copied.'
            : (button.dataset.copyRefused || 'Your browser did not allow copying. The link is {0}').replace('{0}', text ?? '');
    }
}

// The layout's menu button on a static page: MudBlazor's drawer classes, switched here instead of by a circuit.
function toggleDrawer(button) {
    const drawer = document.querySelector('.mud-drawer');
    const layout = document.querySelector('.mud-layout');
    if (!drawer) {
        return;
    }
    const open = !drawer.classList.contains('mud-drawer--open');
    drawer.classList.remove('mud-drawer--initial');
    drawer.classList.toggle('mud-drawer--open', open);
    drawer.classList.toggle('mud-drawer--closed', !open);
    layout?.classList.toggle('mud-drawer-open-responsive-md-left', open);
    layout?.classList.toggle('mud-drawer-close-responsive-md-left', !open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
}

// The app bar's account menu on a phone (UserMenu.razor): a disclosure button. Opening moves focus to its first item;
// Escape closes it and returns focus to the button; a click or focus outside closes it. Works with or without a circuit:
// Blazor renders aria-expanded="false" and never changes it, so its diffing leaves what this sets alone.
function setAccountMenu(menu, open, focus) {
    const button = menu?.querySelector('[data-account-menu-toggle]');
    if (!menu || !button) {
        return;
    }
    menu.classList.toggle('account-menu--open', open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && focus) {
        menu.querySelector('.account-menu-panel a, .account-menu-panel button')?.focus();
    } else if (!open && focus) {
        button.focus();
    }
}

function openAccountMenu() {
    return document.querySelector('[data-account-menu].account-menu--open');
}

document.addEventListener('keydown', event => {
    const open = openAccountMenu();
    if (event.key === 'Escape' && open) {
        event.preventDefault();
        setAccountMenu(open, false, true);
    }
});

document.addEventListener('focusin', event => {
    const open = openAccountMenu();
    if (open && event.target instanceof Node && !open.contains(event.target)) {
        setAccountMenu(open, false, false);
    }
});

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const toggle = target?.closest('[data-account-menu-toggle]');
    if (toggle) {
        const menu = toggle.closest('[data-account-menu]');
        setAccountMenu(menu, !menu.classList.contains('account-menu--open'), true);
        return;
    }
    const open = openAccountMenu();
    if (open && !open.contains(target)) {
        setAccountMenu(open, false, false);
    }
    const copy = target?.closest('[data-copy-link]');
    if (copy) {
        event.preventDefault();
        copyLink(copy);
        return;
    }
    const drawerToggle = target?.closest('[data-static-drawer-toggle]');
    if (drawerToggle) {
        toggleDrawer(drawerToggle);
    }
});

function onPage() {
    fixZone(rememberZone());
    scheduleRefresh();
    announce();
    preloadSdk();
}

window.Blazor?.addEventListener('enhancedload', onPage);
onPage();
