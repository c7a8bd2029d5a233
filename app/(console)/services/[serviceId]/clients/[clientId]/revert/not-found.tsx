import type { Metadata } from "next";
import { History } from "lucide-react";
import { BackToHistoryLink } from "@/components/clients/back-to-history-link";
import { RouteState } from "@/components/console/route-state";

export const metadata: Metadata = { title: "Version not found" };

// A revert to a version the client does not have (or to its deletion), or of a deleted client (the revert layout answers 404).
export default function VersionNotFound() {
  return (
    <RouteState
      breadcrumb="Version not found"
      icon={History}
      title="No such version to revert to"
      description="This client has no version with that number, or the client was deleted. Its history lists the versions it can be reverted to."
      actions={<BackToHistoryLink />}
    />
  );
}
