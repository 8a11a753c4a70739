import { describe, expect, it } from "vitest";
import { globalTableVersionLabel, replicaLinks } from "./replica-links";

const options = { accounts: [{ name: "demo", regions: ["us-east-1", "eu-west-1"] }, { name: "analytics", regions: ["us-east-1", "ap-southeast-2"] }] };
const replicas = [
  { region: "eu-west-1", status: "ACTIVE", statusDescription: null },
  { region: "ap-southeast-2", status: "CREATING", statusDescription: null },
];

describe("replicaLinks", () => {
  it("links a replica to the same table in its region, in the same account, when that region is configured", () => {
    expect(replicaLinks("My Table", replicas, { account: "demo", region: "us-east-1" }, options)).toEqual([
      { region: "eu-west-1", status: "ACTIVE", statusDescription: null, href: "/tables/My%20Table?account=demo&region=eu-west-1" },
      // Configured for another account only: the link would read a different account's table.
      { region: "ap-southeast-2", status: "CREATING", statusDescription: null, href: null },
    ]);
  });

  it("links nothing for an account the options don't list", () => {
    expect(replicaLinks("T", replicas, { account: "gone", region: "us-east-1" }, options).map((link) => link.href)).toEqual([null, null]);
  });
});

describe("globalTableVersionLabel", () => {
  it("says which version is current and which legacy", () => {
    expect(globalTableVersionLabel("2019.11.21")).toBe("2019.11.21 (current)");
    expect(globalTableVersionLabel("2017.11.29")).toBe("2017.11.29 (legacy)");
    expect(globalTableVersionLabel("2030.01.01")).toBe("2030.01.01");
  });
});
