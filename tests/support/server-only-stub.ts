// Stands in for the `server-only` package under Vitest, where server modules are imported directly.
export {};
