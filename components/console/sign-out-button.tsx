"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { toast } from "@/components/ui/toast";

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
