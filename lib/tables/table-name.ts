import { z } from "zod";

/** DynamoDB's own rule for table and index names. */
export const tableNameSchema = z
  .string()
  .min(3, "Table names are 3 to 255 characters long.")
  .max(255, "Table names are 3 to 255 characters long.")
  .regex(/^[A-Za-z0-9_.-]+$/, "Table names may contain only letters, digits, '_', '.' and '-'.");

export const indexNameSchema = tableNameSchema;
