"use client";

import { Eye, EyeOff } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";

/** The client id of the client being changed: read-only, monospace, with a copy button. */
export function ClientIdField({ clientId }: { clientId: string }) {
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor="client-id">Client ID</Label>
      <div className="flex items-center gap-1">
        <Input id="client-id" value={clientId} readOnly className="font-mono text-[13px]" />
        <CopyButton value={clientId} label="Copy the client ID" />
      </div>
    </div>
  );
}

/**
 * The registration access token: a password field with show/hide. It lives in the form state only: no
 * autocomplete, nothing saved by the browser or the console.
 */
export function RegistrationAccessTokenField({ error, ...input }: ComponentProps<"input"> & { error?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor="registration-access-token">Registration access token</Label>
      <div className="flex items-center gap-1">
        <Input
          id="registration-access-token"
          type={visible ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "registration-access-token-error registration-access-token-hint" : "registration-access-token-hint"}
          className="font-mono text-[13px]"
          {...input}
        />
        <Button variant="ghost" size="icon-sm" aria-label={visible ? "Hide the token" : "Show the token"} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
        </Button>
      </div>
      {error && <FieldError id="registration-access-token-error">{error}</FieldError>}
      <FieldHint id="registration-access-token-hint">The token issued at registration or at the last re-issue. It is not stored.</FieldHint>
    </div>
  );
}
