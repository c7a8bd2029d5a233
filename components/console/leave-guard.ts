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
let leavingOnPurpose = false;

/** Whether the current history entry is the guard's. */
export const onGuardEntry = () => Boolean((window.history.state as Record<string, unknown> | null)?.[guardKey]);

/** Adds the guard's entry on top of the page's own (once). The App Router's state is kept, so it treats both alike. */
export function armBackGuard() {
  if (!onGuardEntry()) window.history.pushState({ ...(window.history.state as object | null), [guardKey]: true }, "", window.location.href);
}

/** Whether the page is being left on purpose (the administrator chose to, or the changes were saved): no more asking. */
export const isLeavingOnPurpose = () => leavingOnPurpose;

/**
 * Leaves the page on purpose for `href`. From the guard's entry the navigation replaces it rather than staying
 * behind it, where Back would seem to do nothing.
 */
export function navigateAway(router: { push: (href: string) => void; replace: (href: string) => void }, href: string) {
  leavingOnPurpose = true;
  setTimeout(() => (leavingOnPurpose = false), 1_000);
  if (onGuardEntry()) router.replace(href);
  else router.push(href);
}

/** Goes back on purpose, past the page's own entry (Back was pressed and the administrator chose to leave). */
export function goBackOnPurpose() {
  leavingOnPurpose = true;
  setTimeout(() => (leavingOnPurpose = false), 1_000);
  window.history.back();
}
