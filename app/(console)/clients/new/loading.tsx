export { EditorPageSkeleton as default } from "@/components/clients/editor-page-skeleton";
