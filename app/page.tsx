import { redirect } from "next/navigation";
import { currentAdministrator } from "@/lib/auth/session";
import { homePath, visibleServices } from "@/lib/services";

export const dynamic = "force-dynamic";

/** The console's home: the clients of the first service the administrator may see (the default service first). */
export default async function Home() {
  const administrator = await currentAdministrator();
  redirect(administrator ? homePath(await visibleServices(administrator)) : "/sign-in");
}
