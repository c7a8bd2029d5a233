"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { IssuedCredentials } from "@/lib/clients/actions";
import { OneTimeNotice, OneTimeValue } from "./one-time-value";

/** The RFC 7591 §3.2.1 credential members, as the client software would have received them. */
function credentialsDocument(c: IssuedCredentials) {
  return {
    client_id: c.clientId,
    ...(c.clientSecret && { client_secret: c.clientSecret, client_secret_expires_at: c.clientSecretExpiresAt }),
    registration_access_token: c.registrationAccessToken,
    registration_client_uri: c.registrationClientUri,
  };
}

// Built in the browser and handed to the download at once: the credentials never leave the page otherwise.
function download(c: IssuedCredentials) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(credentialsDocument(c), null, 2)}\n`], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: `${c.clientId}-credentials.json` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** A new client's credentials, shown once after registration, with copy buttons and a JSON download. */
export function CredentialsDialog({ credentials, clientName, onDone }: { credentials: IssuedCredentials | null; clientName: string; onDone: () => void }) {
  return (
    <Dialog open={credentials !== null} onOpenChange={(open) => !open && onDone()}>
      <DialogContent hideClose onInteractOutside={(event) => event.preventDefault()} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{clientName} is registered</DialogTitle>
          <DialogDescription>Give these credentials to the client software. The secret and the token are stored only as ciphertext and hash.</DialogDescription>
        </DialogHeader>
        {credentials && (
          <div className="grid gap-3">
            <OneTimeValue label="Client ID" value={credentials.clientId} />
            {credentials.clientSecret && <OneTimeValue label="Client secret" value={credentials.clientSecret} />}
            <OneTimeValue label="Registration access token" value={credentials.registrationAccessToken} />
            <OneTimeValue label="Registration client URI" value={credentials.registrationClientUri} />
          </div>
        )}
        <OneTimeNotice>
          {credentials?.clientSecret ? "The client secret and the registration access token" : "The registration access token"} cannot be shown again. Copy them or
          download them now.
        </OneTimeNotice>
        <DialogFooter>
          <Button variant="secondary" onClick={() => credentials && download(credentials)}>
            <Download aria-hidden />
            Download as JSON
          </Button>
          <Button onClick={onDone}>Done</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
