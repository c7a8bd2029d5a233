// Toasts tell the outcome of an action (decisions are dialogs). Sonner loads on the first toast, with the
// <Toaster> that shows it (toaster.tsx), so that it weighs on no page's first load.
export const toast = {
  success: (message: string) => void import("sonner").then(({ toast }) => toast.success(message)),
  error: (message: string) => void import("sonner").then(({ toast }) => toast.error(message)),
};
