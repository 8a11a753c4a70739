import { z } from "zod";
import { REGION_PATTERN } from "../accounts/account-config";
import type { ClassPrices, PricedFigure, PriceTable, RegionPrices, TableClass } from "./cost-types";

/**
 * PRICES_FILE: the same shape as PriceTable, for private pricing or regions the built-in table lacks. A figure may be
 * a plain number, meaning "quoted from this file, as of its date", or `{ usd, origin }` to keep its own provenance.
 * Client-safe (pure); the server-only loader reads the file.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date, e.g. 2026-11-01");
// An origin may be as precise as its source: some state only a year or month.
const originDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
const usd = z.number("must be a number (US dollars)").min(0, "must be 0 or more (US dollars)");
const text = z.string().trim().min(1, "must not be empty").max(2_000);

const originSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("quoted"), source: text, date: originDate.optional() }).strict(),
  z.object({ kind: z.literal("derived"), rule: text, source: text, date: originDate.optional() }).strict(),
]);

const figureSchema = z.union([usd, z.object({ usd, origin: originSchema }).strict()], "must be a price in US dollars, or { usd, origin }");

const reservedTermSchema = z
  .object({ per100RcuUpfront: figureSchema, per100RcuHour: figureSchema, per100WcuUpfront: figureSchema, per100WcuHour: figureSchema })
  .strict();

const classSchema = z
  .object({
    onDemandReadPerMillion: figureSchema,
    onDemandWritePerMillion: figureSchema,
    rcuHour: figureSchema,
    wcuHour: figureSchema,
    storageGbMonth: figureSchema,
    reserved: z.object({ oneYear: reservedTermSchema.nullable(), threeYear: reservedTermSchema.nullable() }).strict().nullable().optional(),
  })
  .strict();

const regionSchema = z
  .object({
    region: z.string().regex(REGION_PATTERN, "must look like an AWS region, e.g. eu-west-1"),
    classes: z
      .object({ STANDARD: classSchema.optional(), STANDARD_INFREQUENT_ACCESS: classSchema.optional() })
      .strict()
      .refine((classes) => classes.STANDARD !== undefined || classes.STANDARD_INFREQUENT_ACCESS !== undefined, "must list STANDARD or STANDARD_INFREQUENT_ACCESS"),
  })
  .strict()
  // AWS sells reserved capacity for the Standard table class only; a file cannot make the advisor assume otherwise.
  .refine((entry) => entry.classes.STANDARD_INFREQUENT_ACCESS?.reserved == null, {
    message: "cannot be set: AWS sells reserved capacity for the Standard table class only",
    path: ["classes", "STANDARD_INFREQUENT_ACCESS", "reserved"],
  });

export const priceFileSchema = z
  .object({
    date: isoDate,
    freeStorageGbPerAccountRegion: usd.optional(),
    regions: z.array(regionSchema).min(1, "must list at least one region").max(100),
  })
  .strict()
  .refine((file) => new Set(file.regions.map((entry) => entry.region)).size === file.regions.length, { message: "lists a region twice", path: ["regions"] });

export type PriceFile = z.infer<typeof priceFileSchema>;
type FileFigure = z.infer<typeof figureSchema>;
type FileClass = z.infer<typeof classSchema>;

/** The file's prices as a PriceTable; plain numbers become figures quoted from `PRICES_FILE <path>` as of the file's date. */
export function priceTableFromFile(file: PriceFile, path: string, defaults: Pick<PriceTable, "freeStorageGbPerAccountRegion">): PriceTable {
  const figure = (value: FileFigure): PricedFigure =>
    typeof value === "number"
      ? { usd: value, origin: { kind: "quoted", source: `PRICES_FILE ${path}`, date: file.date } }
      : { usd: value.usd, origin: { ...value.origin, date: value.origin.date ?? file.date } };
  const term = (value: z.infer<typeof reservedTermSchema> | null) =>
    value && {
      per100RcuUpfront: figure(value.per100RcuUpfront),
      per100RcuHour: figure(value.per100RcuHour),
      per100WcuUpfront: figure(value.per100WcuUpfront),
      per100WcuHour: figure(value.per100WcuHour),
    };
  const toClass = (value: FileClass): ClassPrices => ({
    onDemandReadPerMillion: figure(value.onDemandReadPerMillion),
    onDemandWritePerMillion: figure(value.onDemandWritePerMillion),
    rcuHour: figure(value.rcuHour),
    wcuHour: figure(value.wcuHour),
    storageGbMonth: figure(value.storageGbMonth),
    // What the file writes is what is used: a class without `reserved` has no reserved capacity to model.
    reserved: value.reserved ? { oneYear: term(value.reserved.oneYear), threeYear: term(value.reserved.threeYear) } : null,
  });
  return {
    date: file.date,
    from: path,
    freeStorageGbPerAccountRegion: file.freeStorageGbPerAccountRegion ?? defaults.freeStorageGbPerAccountRegion,
    regions: file.regions.map((entry) => {
      const classes: Partial<Record<TableClass, ClassPrices>> = {};
      if (entry.classes.STANDARD) classes.STANDARD = toClass(entry.classes.STANDARD);
      if (entry.classes.STANDARD_INFREQUENT_ACCESS) classes.STANDARD_INFREQUENT_ACCESS = toClass(entry.classes.STANDARD_INFREQUENT_ACCESS);
      return { region: entry.region, classes };
    }),
  };
}

/**
 * The file's table laid over the built-in one: a class the file lists for a region replaces the built-in class
 * whole (a private rate card is one negotiated set); classes and regions it does not list stay built-in; new regions
 * are added. The result carries the file's date and path.
 */
export function overlayPriceTable(base: PriceTable, file: PriceTable): PriceTable {
  const regions: RegionPrices[] = base.regions.map((entry) => {
    const override = file.regions.find((candidate) => candidate.region === entry.region);
    return override ? { region: entry.region, classes: { ...entry.classes, ...override.classes } } : entry;
  });
  for (const entry of file.regions) {
    if (!base.regions.some((candidate) => candidate.region === entry.region)) regions.push(entry);
  }
  return { ...file, regions };
}
