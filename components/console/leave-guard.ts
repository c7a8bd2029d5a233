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
