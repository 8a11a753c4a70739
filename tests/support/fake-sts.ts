import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for STS's AssumeRole on loopback, in STS's own wire format (AWS Query: a form body, an XML answer). No
 * local service can assume a role, so this is the one AWS behaviour the tests fake; it records what the SDK sent.
 */
export type AssumeRoleCall = { action: string; roleArn: string; sessionName: string; externalId: string | null; durationSeconds: string | null; signedWithKey: string; region: string };

export type FakeSts = { endpoint: string; calls: AssumeRoleCall[]; setLifetimeMs: (ms: number) => void; failNext: (times: number) => void; stop: () => Promise<void> };

export async function startFakeSts(): Promise<FakeSts> {
  const calls: AssumeRoleCall[] = [];
  let lifetimeMs = 3_600_000;
  let failures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const credential = /Credential=([^/]+)\/\d{8}\/([^/]+)\/sts\//.exec(request.headers.authorization ?? "");
      const n = calls.push({
        action: form.get("Action") ?? "",
        roleArn: form.get("RoleArn") ?? "",
        sessionName: form.get("RoleSessionName") ?? "",
        externalId: form.get("ExternalId"),
        durationSeconds: form.get("DurationSeconds"),
        signedWithKey: credential?.[1] ?? "",
        region: credential?.[2] ?? "",
      });
      if (failures > 0) {
        failures--;
        response.writeHead(403, { "content-type": "text/xml" });
        response.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error><RequestId>r-${n}</RequestId></ErrorResponse>`);
        return;
      }
      const expiration = new Date(Date.now() + lifetimeMs).toISOString().replace(/\.\d{3}Z$/, "Z");
      response.writeHead(200, { "content-type": "text/xml" });
      response.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAFAKE${String(n).padStart(4, "0")}</AccessKeyId><SecretAccessKey>secret-${n}</SecretAccessKey><SessionToken>token-${n}</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROAFAKE:${form.get("RoleSessionName") ?? ""}</AssumedRoleId><Arn>${(form.get("RoleArn") ?? "").replace(":iam::", ":sts::").replace(":role/", ":assumed-role/")}/${form.get("RoleSessionName") ?? ""}</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r-${n}</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    setLifetimeMs: (ms) => {
      lifetimeMs = ms;
    },
    failNext: (times) => {
      failures = times;
    },
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
