import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { clientOfPage } from "@/lib/clients/queries";

// Only seen when the client is unknown (its layout answers 404); otherwise the page redirects before rendering.
export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return { title: (await clientOfPage((await params).clientId)) ? "History" : "Client not found" };
}

// The history has its own address for links from elsewhere; it is the client page's History tab.
export default async function ClientHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  redirect(`/clients/${encodeURIComponent(clientId)}?tab=history`);
}
