"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** Asks before a link inside the console (`href`, null while closed) discards unsaved changes; see unsaved-changes-guard.tsx. */
export function UnsavedChangesDialog({ href, onStay }: { href: string | null; onStay: () => void }) {
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
              onStay();
              router.push(href!);
            }}
          >
            Leave and discard changes
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
