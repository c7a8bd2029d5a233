import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/auth/return-path";

// Server components cannot see the URL; pages that send a signed-out visitor to /sign-in need it for `next`.
// Any value a client sends in this header is replaced here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the auth API, assets, or the machine-facing protocol paths.
  matcher: ["/((?!api/|_next/|register|\\.well-known/|favicon\\.ico).*)"],
};
