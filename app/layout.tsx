import type { Metadata } from "next";
import { headers } from "next/headers";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { Providers } from "@/components/providers";
import { nonceHeader } from "@/lib/request-headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Registrar", template: "%s · Registrar" },
  description: "OAuth 2.0 client registrations: RFC 7591/7592 and OpenID Connect Dynamic Client Registration",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce of this request (lib/launcher/page-headers.ts); reading it also renders every page per request, as nonces need.
  const nonce = (await headers()).get(nonceHeader) ?? undefined;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
