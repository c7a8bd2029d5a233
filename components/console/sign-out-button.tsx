"use client";

import * as logOutIcon from "lucide-react/icons/log-out";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { toast } from "@/components/ui/toast";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const LogOut = lightIcon(logOutIcon);

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    // better-auth's endpoint itself, not its browser client: that client would weigh on every console page.
    const response = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    if (!response?.ok) {
      setPending(false);
      toast.error("Could not sign out. Try again.");
      return;
    }
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <Tooltip content="Sign out">
      <Button variant="ghost" size="icon-sm" aria-label="Sign out" loading={pending} onClick={signOut}>
        {!pending && <LogOut aria-hidden />}
      </Button>
    </Tooltip>
  );
}
