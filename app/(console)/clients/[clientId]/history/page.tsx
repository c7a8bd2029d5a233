import { redirect } from "next/navigation";

// The history has its own address for links from elsewhere; it is the client page's History tab.
export default async function ClientHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  redirect(`/clients/${encodeURIComponent(clientId)}?tab=history`);
}
