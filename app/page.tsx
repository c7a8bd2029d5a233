import { redirect } from "next/navigation";
import { currentAdministrator } from "@/lib/auth/session";
import { defaultReturnPath } from "@/lib/auth/return-path";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await currentAdministrator()) ? defaultReturnPath : "/sign-in");
}
