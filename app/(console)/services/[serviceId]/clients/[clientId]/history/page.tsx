import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { clientOfPage } from "@/lib/clients/queries";
import { clientPath } from "@/lib/console-paths";

// Only seen when the client is unknown (its layout answers 404); otherwise the page redirects before rendering.
export async function generateMetadata({ params }: { params: Promise<{ serviceId: string; clientId: string }> }): Promise<Metadata> {
  const { serviceId, clientId } = await params;
  return { title: (await clientOfPage(serviceId, clientId)) ? "History" : "Client not found" };
}

// The history has its own address for links from elsewhere; it is the client page's History tab.
export default async function ClientHistoryPage({ params }: { params: Promise<{ serviceId: string; clientId: string }> }) {
  const { serviceId, clientId } = await params;
  redirect(clientPath(serviceId, clientId, "?tab=history"));
}
