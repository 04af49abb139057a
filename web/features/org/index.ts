// Route pages are not re-exported here: web/app imports each page module
// lazily by path, so every page stays its own chunk.
export { useDepartments } from "./api/departments.api";
export { useParks } from "./api/parks.api";
export { useTeams } from "./api/teams.api";
export { DepartmentPicker, ParkPicker, TeamPicker } from "./components/RecordPickers";
export { RegionPicker } from "./components/RegionPicker";
export { orgMessages } from "./org.messages";
