"use client";

import * as monitorIcon from "lucide-react/icons/monitor";
import * as moonIcon from "lucide-react/icons/moon";
import * as sunIcon from "lucide-react/icons/sun";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const Monitor = lightIcon(monitorIcon);
const Moon = lightIcon(moonIcon);
const Sun = lightIcon(sunIcon);

export const themes = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
] as const;

const subscribeNothing = () => () => {};

/** System / light / dark, as three toggle buttons. */
export function ThemeSwitch({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  // The stored theme is known only in the browser; render none pressed on the server to match its HTML.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  return (
    <div role="group" aria-label="Theme" className={cn("inline-flex rounded-md bg-zinc-200/60 p-0.5 dark:bg-zinc-800", className)}>
      {themes.map(({ value, label, icon: Icon }) => {
        const pressed = hydrated && theme === value;
        return (
          <Tooltip key={value} content={`${label} theme`}>
            <button
              type="button"
              aria-label={`${label} theme`}
              aria-pressed={pressed}
              onClick={() => setTheme(value)}
              className={cn(
                "flex size-7 cursor-pointer items-center justify-center rounded-[5px] text-zinc-500 transition-colors hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
                pressed && "bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-zinc-50",
              )}
            >
              <Icon className="size-3.5" aria-hidden />
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}
