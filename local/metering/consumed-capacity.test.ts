import { describe, expect, it } from "vitest";
import { consumptionOf, requestedLevel, stripToRequested } from "./consumed-capacity";

// Shapes captured from DynamoDB Local 3.3 with ReturnConsumedCapacity=INDEXES.
const putWithIndexes = { ConsumedCapacity: { TableName: "t", CapacityUnits: 10, Table: { CapacityUnits: 3 }, LocalSecondaryIndexes: { L: { CapacityUnits: 4 } }, GlobalSecondaryIndexes: { G: { CapacityUnits: 3 } } } };

describe("consumed capacity", () => {
  it("charges LSIs to the table and GSIs to themselves", () => {
    expect(consumptionOf(putWithIndexes)).toEqual([{ table: "t", total: 10, tableUnits: 7, gsiUnits: new Map([["G", 3]]) }]);
  });

  it("reads batch lists and a query on a GSI", () => {
    expect(consumptionOf({ ConsumedCapacity: [{ TableName: "a", CapacityUnits: 1, Table: { CapacityUnits: 1 } }, { TableName: "b", CapacityUnits: 2, Table: { CapacityUnits: 2 } }] }).map((c) => c.tableUnits)).toEqual([1, 2]);
    expect(consumptionOf({ ConsumedCapacity: { TableName: "t", CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, GlobalSecondaryIndexes: { G: { CapacityUnits: 0.5 } } } })[0]).toMatchObject({ tableUnits: 0, gsiUnits: new Map([["G", 0.5]]) });
    expect(consumptionOf({})).toEqual([]);
  });

  it("hands the client only the level it asked for", () => {
    expect(requestedLevel({})).toBe("NONE");
    expect(requestedLevel({ ReturnConsumedCapacity: "TOTAL" })).toBe("TOTAL");
    expect(stripToRequested({ Item: {}, ...putWithIndexes }, "NONE")).toEqual({ Item: {} });
    expect(stripToRequested({ ...putWithIndexes }, "TOTAL")).toEqual({ ConsumedCapacity: { TableName: "t", CapacityUnits: 10 } });
    expect(stripToRequested({ ConsumedCapacity: [{ TableName: "a", CapacityUnits: 1, Table: { CapacityUnits: 1 } }] }, "TOTAL")).toEqual({ ConsumedCapacity: [{ TableName: "a", CapacityUnits: 1 }] });
    expect(stripToRequested(putWithIndexes, "INDEXES")).toBe(putWithIndexes);
  });
});
