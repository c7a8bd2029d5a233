// Navigations the console makes in code (the command palette's router.push) ask the page first, as links do:
// a page with unsaved changes (UnsavedChangesGuard) registers a guard that takes the navigation over.

type Guard = (href: string) => boolean;
let guard: Guard | null = null;

/** Registers the page's guard: given an href, it returns true when it has taken the navigation over. */
export function setLeaveGuard(next: Guard | null) {
  guard = next;
}

/** Goes to `href` with `go`, unless the page's guard takes the navigation over (to ask first). */
export function leave(href: string, go: (href: string) => void) {
  if (!guard?.(href)) go(href);
}

// The Back button: a page with unsaved changes adds a second history entry for its own URL (the guard's
// entry). Back then only moves to the page's first entry, which changes nothing on screen, and the page asks.
const guardKey = "registrarLeaveGuard";
/** Where the administrator was going when Back was pressed (the leave dialog's destination). */
export const backInHistory = "#back";

/** The Navigation API where the browser has it (Chromium): entry keys survive the App Router rewriting history.state. */
type NavigationLike = { currentEntry?: { key: string } | null; canGoBack?: boolean };
const navigationApi = () => (window as unknown as { navigation?: NavigationLike }).navigation;
let guardEntryKey: string | null = null;

/**
 * Whether the current history entry is the guard's: by its mark in history.state, or by its key (the App Router
 * drops other keys from history.state when it refreshes the page).
 */
export function onGuardEntry() {
  if ((window.history.state as Record<string, unknown> | null)?.[guardKey]) return true;
  const key = navigationApi()?.currentEntry?.key;
  return key !== undefined && key === guardEntryKey;
}

/** Adds the guard's entry on top of the page's own (once). The App Router's state is kept, so it treats both alike. */
export function armBackGuard() {
  leaving = 0; // a page with something to lose again: whatever was being left has been left
  if (onGuardEntry()) return;
  window.history.pushState({ ...(window.history.state as object | null), [guardKey]: true }, "", window.location.href);
  guardEntryKey = navigationApi()?.currentEntry?.key ?? null;
}

/**
 * Takes the guard's entry away when the page has nothing unsaved any more (undone, or saved without leaving):
 * Back then leaves at once instead of seeming to do nothing. The step back lands on the page's own entry.
 */
export function disarmBackGuard() {
  if (!onGuardEntry() || isLeavingOnPurpose()) return;
  guardEntryKey = null;
  leaveOnPurpose();
  window.history.back();
}

// Set while the page is being left on purpose; each purposeful leave starts its own window.
let leaving = 0;
function leaveOnPurpose() {
  const mine = ++leaving;
  setTimeout(() => mine === leaving && (leaving = 0), 5_000);
}

/** Whether the page is being left on purpose (the administrator chose to, or the changes were saved): no more asking. */
export const isLeavingOnPurpose = () => leaving !== 0;

type Router = { push: (href: string) => void; replace: (href: string) => void };

/**
 * Leaves the page on purpose for `href`. From the guard's entry the navigation replaces it rather than staying
 * behind it, where Back would seem to do nothing.
 */
export function navigateAway(router: Router, href: string) {
  leaveOnPurpose();
  if (onGuardEntry()) router.replace(href);
  else router.push(href);
  guardEntryKey = null;
}

/**
 * Goes back on purpose, past the page's own entry (Back was pressed and the administrator chose to leave). A page
 * opened in a new tab has nothing before it: then `fallback` is where it goes.
 */
export function goBackOnPurpose(router: Router, fallback: string) {
  if (navigationApi()?.canGoBack === false) return navigateAway(router, fallback);
  leaveOnPurpose();
  window.history.back();
}
