import { v7 } from "uuid";

/** App-made UUIDv7 ids (PostgreSQL 15 has no uuidv7()). */
export const newId = (): string => v7();
