import { ExternalLink, KeyRound, Link2, Mail, Package, Route, ShieldCheck, SlidersHorizontal, Workflow } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { GrantTypeChip } from "@/components/clients/client-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { ExpandableList } from "@/components/ui/expandable-list";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isPublicClient } from "@/lib/clients/kind";
import { authMethodLabel } from "@/lib/clients/labels";
import { advancedMembers, keySummaries, languageLabel, localizedValues, secretStatus, softwareStatementIssuer } from "@/lib/clients/overview";
import type { ConsoleClient } from "@/lib/clients/queries";
import type { LocalizableMember } from "@/lib/registration/vocabulary";

/** The overview of a client: one card per concern, in two balanced columns on wide windows. */
export function OverviewCards({ client }: { client: ConsoleClient }) {
  const m = client.metadata;
  return (
    <div className="columns-1 gap-4 xl:columns-2 [&>*]:mb-4 [&>*]:break-inside-avoid">
      <RedirectUrisCard redirectUris={m.redirect_uris ?? []} postLogoutRedirectUris={m.post_logout_redirect_uris ?? []} />
      <OverviewCard title="Grant and response types" icon={Workflow}>
        <DescriptionList>
          <DescriptionItem term="Grant types">
            <span className="flex flex-wrap gap-1">
              {m.grant_types.length ? m.grant_types.map((g) => <GrantTypeChip key={g} grantType={g} />) : <Muted>None</Muted>}
            </span>
          </DescriptionItem>
          <DescriptionItem term="Response types">
            {m.response_types.length ? <Codes values={m.response_types} /> : <Muted>None (no authorization endpoint)</Muted>}
          </DescriptionItem>
          <DescriptionItem term="Scope">{m.scope ? <Codes values={m.scope.split(" ")} /> : <Muted>Not restricted by the client</Muted>}</DescriptionItem>
        </DescriptionList>
      </OverviewCard>
      <AuthenticationCard client={client} />
      <KeysCard jwks={m.jwks} jwksUri={m.jwks_uri} />
      <LinksCard client={client} />
      <OverviewCard title="Contacts" icon={Mail}>
        {m.contacts?.length ? (
          <ul className="grid gap-1.5">
            {m.contacts.map((contact) => (
              <li key={contact}>
                <a href={`mailto:${contact}`} className="inline-flex min-h-6 items-center text-accent-700 hover:underline dark:text-accent-400">
                  {contact}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <Muted>No contacts registered.</Muted>
        )}
      </OverviewCard>
      <OverviewCard title="Software" icon={Package}>
        {m.software_id || m.software_version || m.software_statement ? (
          <DescriptionList>
            <DescriptionItem term="Software id">{m.software_id ? <Code>{m.software_id}</Code> : <Muted>Not given</Muted>}</DescriptionItem>
            <DescriptionItem term="Version">{m.software_version ? <Code>{m.software_version}</Code> : <Muted>Not given</Muted>}</DescriptionItem>
            <DescriptionItem term="Statement issuer">
              {m.software_statement ? <Code>{softwareStatementIssuer(m.software_statement) ?? "unreadable statement"}</Code> : <Muted>No software statement</Muted>}
            </DescriptionItem>
          </DescriptionList>
        ) : (
          <Muted>The client did not say which software it is (software_id, software_version).</Muted>
        )}
      </OverviewCard>
      <AdvancedCard client={client} />
    </div>
  );
}

function OverviewCard({ title, icon: Icon, count, children }: { title: string; icon: LucideIcon; count?: number; children: ReactNode }) {
  return (
    <Card>
      <CardHeader className="items-center py-2.5">
        <CardTitle className="flex items-center gap-2">
          <Icon className="size-4 text-zinc-400" aria-hidden />
          {title}
        </CardTitle>
        {count !== undefined && <Badge>{count}</Badge>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

const Muted = ({ children }: { children: ReactNode }) => <span className="text-[13px] text-zinc-500 dark:text-zinc-400">{children}</span>;
const Code = ({ children }: { children: ReactNode }) => <code className="font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">{children}</code>;

function Codes({ values }: { values: readonly string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {values.map((value) => (
        <code key={value} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {value}
        </code>
      ))}
    </span>
  );
}

function UriList({ uris }: { uris: readonly string[] }) {
  return (
    <ExpandableList initial={5}>
      {uris.map((uri) => (
        <li key={uri} className="font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">
          {uri}
        </li>
      ))}
    </ExpandableList>
  );
}

function RedirectUrisCard({ redirectUris, postLogoutRedirectUris }: { redirectUris: readonly string[]; postLogoutRedirectUris: readonly string[] }) {
  return (
    <OverviewCard title="Redirect URIs" icon={Route} count={redirectUris.length}>
      {redirectUris.length ? <UriList uris={redirectUris} /> : <Muted>None: this client uses no grant that redirects a browser back to it.</Muted>}
      {postLogoutRedirectUris.length > 0 && (
        <div className="mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <h3 className="mb-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">After sign-out (post_logout_redirect_uris)</h3>
          <UriList uris={postLogoutRedirectUris} />
        </div>
      )}
    </OverviewCard>
  );
}

function AuthenticationCard({ client }: { client: ConsoleClient }) {
  const m = client.metadata;
  const secret = secretStatus(client.hasSecret, client.secretExpiresAt);
  const algorithms = [
    ["Token endpoint auth", m.token_endpoint_auth_signing_alg],
    ["ID token", m.id_token_signed_response_alg],
    ["UserInfo", m.userinfo_signed_response_alg],
    ["Request object", m.request_object_signing_alg],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  const tlsSubject = (["tls_client_auth_subject_dn", "tls_client_auth_san_dns", "tls_client_auth_san_uri", "tls_client_auth_san_ip", "tls_client_auth_san_email"] as const).find((k) => m[k]);
  return (
    <OverviewCard title="Authentication" icon={ShieldCheck}>
      <DescriptionList>
        <DescriptionItem term="Method">
          {authMethodLabel(m.token_endpoint_auth_method)} <Code>{m.token_endpoint_auth_method}</Code>
        </DescriptionItem>
        <DescriptionItem term="Client type">{isPublicClient(m.token_endpoint_auth_method) ? "Public: no credentials of its own" : "Confidential"}</DescriptionItem>
        <DescriptionItem term="Client secret">
          <span data-testid="secret-status" className={secret.expired ? "text-red-600 dark:text-red-400" : undefined}>
            {secret.label}
            {secret.expiresAt && (
              <>
                {" "}
                <RelativeTime date={secret.expiresAt} />
              </>
            )}
          </span>
        </DescriptionItem>
        {tlsSubject && (
          <DescriptionItem term="Certificate subject">
            <Code>{m[tlsSubject]}</Code>
          </DescriptionItem>
        )}
        <DescriptionItem term="Signing algorithms">
          {algorithms.length ? (
            <span className="grid gap-1">
              {algorithms.map(([what, alg]) => (
                <span key={what}>
                  <Code>{alg}</Code> <Muted>{what}</Muted>
                </span>
              ))}
            </span>
          ) : (
            <Muted>Service defaults</Muted>
          )}
        </DescriptionItem>
        <DescriptionItem term="Registration token">
          {client.deletedAt ? <Muted>Revoked with the client</Muted> : client.hasRegistrationAccessToken ? "Active" : <Muted>None: re-issue one to manage the client over RFC 7592</Muted>}
        </DescriptionItem>
        <DescriptionItem term="Self-management">{client.selfManaged ? "Allowed (RFC 7592)" : "Console only"}</DescriptionItem>
      </DescriptionList>
    </OverviewCard>
  );
}

function KeysCard({ jwks, jwksUri }: { jwks: ConsoleClient["metadata"]["jwks"]; jwksUri: string | undefined }) {
  const keys = keySummaries(jwks);
  return (
    <OverviewCard title="Keys" icon={KeyRound} count={jwks ? keys.length : undefined}>
      {jwksUri ? (
        <DescriptionList>
          <DescriptionItem term="JWKS URI">
            <span className="flex items-center gap-1">
              <Code>{jwksUri}</Code>
              <CopyButton value={jwksUri} label="Copy the JWKS URI" />
            </span>
          </DescriptionItem>
        </DescriptionList>
      ) : keys.length ? (
        <div className="-mx-4 -my-3">
          <Table aria-label="Public keys">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4">Key id (kid)</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Algorithm</TableHead>
                <TableHead className="pr-4">Use</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.map((key, i) => (
                <TableRow key={key.kid ?? i} className="hover:bg-transparent dark:hover:bg-transparent">
                  <TableCell className="pl-4 font-mono text-xs">{key.kid ?? <Muted>none</Muted>}</TableCell>
                  <TableCell className="font-mono text-xs">
                    {key.kty}
                    {key.crv && <span className="text-zinc-500 dark:text-zinc-400"> · {key.crv}</span>}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{key.alg ?? <Muted>any</Muted>}</TableCell>
                  <TableCell className="pr-4 text-xs">{key.use === "sig" ? "Signing" : key.use === "enc" ? "Encryption" : <Muted>any</Muted>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <Muted>No public keys registered (jwks, jwks_uri).</Muted>
      )}
    </OverviewCard>
  );
}

const linkMembers: [LocalizableMember, string][] = [
  ["client_uri", "Home page"],
  ["policy_uri", "Privacy policy"],
  ["tos_uri", "Terms of service"],
  ["logo_uri", "Logo"],
];

function LinksCard({ client }: { client: ConsoleClient }) {
  const links = linkMembers.map(([member, label]) => ({ member, label, values: localizedValues(client.metadata, member) })).filter((l) => l.values.length);
  return (
    <OverviewCard title="Links" icon={Link2}>
      {links.length ? (
        <DescriptionList>
          {links.map(({ member, label, values }) => (
            <DescriptionItem key={member} term={label}>
              <ul className="grid gap-1">
                {values.map(({ tag, value }) => (
                  <li key={tag ?? ""} className="flex min-w-0 items-center gap-2">
                    {values.length > 1 && <span className="w-24 shrink-0 truncate text-xs text-zinc-500 dark:text-zinc-400">{tag ? languageLabel(tag) : "Default"}</span>}
                    <a href={value} target="_blank" rel="noreferrer noopener" className="inline-flex min-h-6 min-w-0 items-center gap-1 text-accent-700 hover:underline dark:text-accent-400">
                      <span className="truncate">{value}</span>
                      <ExternalLink className="size-3 shrink-0" aria-label="(opens in a new tab)" />
                    </a>
                  </li>
                ))}
              </ul>
            </DescriptionItem>
          ))}
        </DescriptionList>
      ) : (
        <Muted>No links registered.</Muted>
      )}
    </OverviewCard>
  );
}

const memberWords: Partial<Record<string, string>> = {
  sector_identifier_uri: "Sector identifier URI",
  subject_type: "Subject type",
  id_token_encrypted_response_alg: "ID token encryption",
  id_token_encrypted_response_enc: "ID token content encryption",
  userinfo_encrypted_response_alg: "UserInfo encryption",
  userinfo_encrypted_response_enc: "UserInfo content encryption",
  request_object_encryption_alg: "Request object encryption",
  request_object_encryption_enc: "Request object content encryption",
  default_max_age: "Default max age",
  require_auth_time: "Require auth_time",
  default_acr_values: "Default ACR values",
  initiate_login_uri: "Initiate login URI",
  request_uris: "Request URIs",
  backchannel_logout_uri: "Back-channel logout URI",
  backchannel_logout_session_required: "Back-channel logout needs sid",
  frontchannel_logout_uri: "Front-channel logout URI",
  frontchannel_logout_session_required: "Front-channel logout needs sid",
  tls_client_certificate_bound_access_tokens: "Certificate-bound tokens",
  require_pushed_authorization_requests: "Require PAR",
  dpop_bound_access_tokens: "DPoP-bound tokens",
  require_signed_request_object: "Require signed requests",
  authorization_details_types: "Authorization details types",
};

function AdvancedCard({ client }: { client: ConsoleClient }) {
  const members = advancedMembers(client.metadata);
  return (
    <OverviewCard title="Advanced" icon={SlidersHorizontal}>
      {members.length ? (
        <DescriptionList>
          {members.map(({ member, value }) => (
            <DescriptionItem key={member} term={<span title={member}>{memberWords[member] ?? member}</span>}>
              <MemberValue member={member} value={value} />
            </DescriptionItem>
          ))}
        </DescriptionList>
      ) : (
        <Muted>No other OpenID Connect settings: the service&apos;s defaults apply.</Muted>
      )}
    </OverviewCard>
  );
}

function MemberValue({ member, value }: { member: string; value: unknown }) {
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (member === "default_max_age" && typeof value === "number") return <>{value.toLocaleString("en")} seconds</>;
  if (Array.isArray(value)) return <Codes values={value.map(String)} />;
  return <Code>{typeof value === "string" ? value : JSON.stringify(value)}</Code>;
}
