import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".scratch/**", "screenshots/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // Advice for the React Compiler, which this project does not enable; TanStack Virtual is used as documented.
      "react-hooks/incompatible-library": "off",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (or local/local-config.ts for the local stack)." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "local/local-config.ts", "tests/support/**", "e2e/support/**", "playwright.config.ts", "vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
