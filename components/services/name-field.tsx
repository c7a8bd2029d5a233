"use client";

import { useId, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";

/** A name of at most 100 characters (a service's, an API key's), with its error and an optional hint. */
export function NameField({
  id,
  value,
  onChange,
  error,
  hint,
  placeholder,
}: {
  id: string;
  value: string;
  /** Called with the new value; a change clears the error shown (the caller's to do). */
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const ids = { error: useId(), hint: useId() };
  const describedBy = [error && ids.error, hint && ids.hint].filter(Boolean).join(" ");
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Name</Label>
      <Input
        id={id}
        value={value}
        maxLength={100}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error && <FieldError id={ids.error}>{error}</FieldError>}
      {hint && <FieldHint id={ids.hint}>{hint}</FieldHint>}
    </div>
  );
}
