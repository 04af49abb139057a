/** What an import job records, as the server keeps it and the web shows it. */

export interface MappingEntry {
  /** 0-based column index in the sheet */
  index: number;
  header: string;
  /** the import column it feeds, or null when ignored */
  key: string | null;
  /** the unit stated in the header or chosen by the user */
  unit: string | null;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  errors: number;
  skipped: number;
  duplicates: number;
  create: number;
  update: number;
  created?: number;
  updated?: number;
}
export interface ImportError {
  rowNo: number;
  /** the sheet column's header, when the problem is in one cell */
  column: string | null;
  /** the sheet column's position (0-based), so the page can correct the cell */
  index: number | null;
  value: string | null;
  message: string;
}

/** A cell the user retyped on the page: its text replaces the sheet's cell at the next dry run. */
export interface ImportCorrection {
  rowNo: number;
  index: number;
  value: string | null;
}
