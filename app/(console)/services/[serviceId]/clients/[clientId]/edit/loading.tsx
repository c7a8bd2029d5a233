"use client";

// Shown on navigations in the browser only (navigationSkeleton).

import { EditorPageSkeleton } from "@/components/clients/editor-page-skeleton";
import { navigationSkeleton } from "@/components/console/navigation-skeleton";

export default navigationSkeleton(EditorPageSkeleton);
