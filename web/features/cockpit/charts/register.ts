import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Only the pieces the cockpit draws: bars for the pipeline, the ranking and the chains.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
