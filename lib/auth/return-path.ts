// Where to go after signing in. Only a path on this site is followed, so a crafted sign-in link
// (`?next=https://evil.example`, `//evil.example`, `/\evil.example`) cannot send an administrator elsewhere.

/** The console's home, which opens the first service the administrator may see (app/page.tsx). */
export const defaultReturnPath = "/";

/** `next` if it is a same-origin relative path, otherwise the console's home. */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return defaultReturnPath;
  // Browsers ignore tabs and newlines in URLs ("/\t/evil.example" is "//evil.example"); the URL parser agrees.
  const base = "http://registrar.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return defaultReturnPath;
  }
  if (url.origin !== base || url.pathname.startsWith("/sign-in")) return defaultReturnPath;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page that brings the administrator back to `path` afterwards. */
export function signInPath(path?: string | null): string {
  return path ? `/sign-in?next=${encodeURIComponent(safeReturnPath(path))}` : "/sign-in";
}
