"use client";

import * as ellipsis from "lucide-react/icons/ellipsis";
import { lazy } from "react";
import { AfterHydration } from "@/components/ui/after-hydration";
import { Button } from "@/components/ui/button";
import { lightIcon } from "@/components/ui/light-icon";

const MoreHorizontal = lightIcon(ellipsis); // one per row

export type ClientRowMenuProps = { clientId: string; clientName: string; canEdit: boolean; canDelete: boolean };

// The menu's code (Radix dropdown) arrives just after the page, not with it; meanwhile the trigger is inert.
const Dropdown = lazy(() => import("./client-row-menu-dropdown").then((m) => ({ default: m.ClientRowMenuDropdown })));

/** A row's menu in the clients list: View, Edit, Copy client id, Delete (see client-row-menu-dropdown.tsx). */
export function ClientRowMenu(props: ClientRowMenuProps) {
  return (
    <AfterHydration
      fallback={
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${props.clientName}`} aria-disabled className="text-zinc-500">
          <MoreHorizontal aria-hidden />
        </Button>
      }
    >
      <Dropdown {...props} />
    </AfterHydration>
  );
}
