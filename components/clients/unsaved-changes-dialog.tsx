"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { backInHistory, goBackOnPurpose, navigateAway } from "@/components/console/leave-guard";

/**
 * Asks before a link inside the console, or Back (`href` is then backInHistory; null while closed), discards
 * unsaved changes; see unsaved-changes-guard.tsx. `fallback`: where Back goes when nothing is before the page.
 */
export function UnsavedChangesDialog({ href, onStay, onLeave, fallback }: { href: string | null; onStay: () => void; onLeave: () => void; fallback: string }) {
  const router = useRouter();
  return (
    <Dialog open={href !== null} onOpenChange={(open) => !open && onStay()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Leave without saving?</DialogTitle>
          <DialogDescription>Your changes have not been saved. If you leave this page, they are lost.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onStay} autoFocus>
            Stay on this page
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              const destination = href!;
              onLeave();
              if (destination === backInHistory) goBackOnPurpose(router, fallback);
              else navigateAway(router, destination);
            }}
          >
            Leave and discard changes
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
