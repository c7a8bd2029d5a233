// node-oidc-provider with dynamic registration enabled and its default in-memory adapter: the reference
// that `npm run bench:api` measures Registrar against.
import Provider from "oidc-provider";

const port = Number(process.argv[2] ?? 4000);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  features: { registration: { enabled: true }, registrationManagement: { enabled: true, rotateRegistrationAccessToken: true }, devInteractions: { enabled: false } },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1");
